"""Stage 4: every mention of a country, body, person or sector resolved to one canonical, dated actor.

Takes a parsed Doc and the article's date; returns `ActorMention`s (spans with offsets) whose `Actor`
the coder and the quote stage trust, and a `DocActors` with what the coder needs besides mentions
(national words, locative places, the dateline's host), so that no later stage calls back into
resolution. Resolution goes dictionary -> title -> coreference -> context (dateline, owner, place);
see `resolve.py` for the conventions.
"""

from ..records import Actor, ActorMention, DocActors
from ..tables.actors import ActorDictionary
from .document import doc_actors
from .resolve import CONTESTED_DATELINES, coordinated, find_mentions, plover_sector, resolve

__all__ = ["CONTESTED_DATELINES", "Actor", "ActorDictionary", "ActorMention", "DocActors", "coordinated", "doc_actors",
           "find_mentions", "plover_sector", "resolve"]
