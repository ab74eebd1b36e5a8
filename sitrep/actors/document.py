"""What the actor stage hands on besides the mentions: the words that name a country alone, the places
named locatively and the dateline's host, read once per Doc so that the coder and `situate` never call
back into actor resolution (one-way flow, docs/architecture.md).
"""

from __future__ import annotations

from ..records import Actor, DocActors, Place
from ..tables.gazetteer import dateline_place
from ..text import doc_text, hyphenated_modifier
from .places import find_places
from .resolve import CONTESTED_DATELINES, resolve

__all__ = ["doc_actors"]

_NATIONAL_TAGS = frozenset({"NORP", "GPE"})


def doc_actors(doc, *, date: str | None = None) -> DocActors:
    """The national words, locative places and dateline host of a parsed article.

    Stages: 1. resolve each word that may be a national adjective or a country name (each distinct
    word once); 2. the locative places of each sentence; 3. the dateline's place, when it hosts.
    `date` is the publication date (ISO). Words resolve in the default actor dictionary, as the
    coder's national adjectives always have.

    >>> doc_actors(nlp()("Israeli-Palestinian talks resumed in Cairo.")).places[0].name
    'Cairo'
    """
    # 1. national words
    resolved: dict[str, Actor | None] = {}
    nationals: dict[int, Actor] = {}
    for token in _national_candidates(doc):
        if token.text not in resolved:
            resolved[token.text] = resolve(token.text, date=date)
        actor = resolved[token.text]
        if actor is not None and actor.country:
            nationals[token.i] = actor
    # 2. places, sentence by sentence (a name is placed by its own sentence's parse)
    places = tuple(place for sent in doc.sents for place in find_places(sent))
    # 3. the dateline's host
    return DocActors(nationals, places, _dateline_host(doc_text(doc)))


def _national_candidates(doc) -> list:
    """Tokens that may name a country alone, in order: those tagged NORP or GPE, and the words of an
    adjectival modifier written with a hyphen and of the words hanging from it ("Israeli-Palestinian",
    whose second half the tagger may leave untyped)."""
    chosen: set[int] = set()
    for token in doc:
        if token.ent_type_ in _NATIONAL_TAGS:
            chosen.add(token.i)
        if hyphenated_modifier(token):
            chosen.add(token.i)
            chosen.update(child.i for child in token.children)
    return [doc[i] for i in sorted(chosen)]


def _dateline_host(text: str) -> Place | None:
    place = dateline_place(text)
    if place is None or not place.country or place.start is None or place.end is None \
            or place.name in CONTESTED_DATELINES | {"United Nations"}:
        return None
    return place
