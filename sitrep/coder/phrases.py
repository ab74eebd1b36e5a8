"""The actors a phrase names: its own actor mention, else the shallowest ones below it, with the
actors coordinated with it ("South Korea, Japan and the United States", "French and German leaders")
and the national adjectives of agentive nouns ("the Israeli raid"). `arguments.py` decides which
phrase fills a side; this module reads who that phrase is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import DocActors
from ..tables.words import word_list
from .derived import national

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Context", "actors_in", "adjective_actor", "author"]

_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "csubj", "pcomp"})


@dataclass
class Context:
    """What argument finding needs to know about the document being coded."""

    doc: Doc
    by_token: dict
    quotes: Sequence
    published: str | None
    article_id: str
    doc_actors: DocActors
    """What the actor stage read beside the mentions: national words, places, the dateline's host."""
    cache: dict = field(default_factory=dict)
    """Per-document facts computed once on demand (the dateline's country)."""


def actors_in(node: Token | None, ctx: Context, *, max_depth: int = 2, conjuncts: bool = True) -> list:
    """Actor mentions of the phrase headed by `node`: its own mention, else the shallowest ones below.

    Coordinated actors come together ("South Korea, Japan and the United States" gives three);
    nested clauses are not entered, so "the man who met Putin" does not yield Putin.
    """
    if node is None:
        return []
    level = [node]
    for _ in range(max_depth + 1):
        found = []
        for tok in level:
            mention = ctx.by_token.get(tok.i)
            if mention is not None and mention not in found and mention.actor.country:
                found.append(mention)
        if not found:
            found = [m for m in (adjective_actor(tok, ctx) for tok in level) if m is not None]
        if found:
            for mention in list(found) if conjuncts else ():
                for other in _conjuncts(mention, ctx):
                    if other not in found:
                        found.append(other)
            return found
        level = [c for tok in level for c in tok.children if c.dep_ not in _CLAUSE_DEPS and c.dep_ != "cc"]
        if not level:
            return []
    return []


# "agentive-noun"s (data/coder-words.tsv) are nouns whose national adjective names the country an event
# is done by or to: "the Israeli raid" was carried out by Israel; "shell Iraqi towns", "stormed the
# German embassy" are aimed at that country.


def adjective_actor(token: Token, ctx: Context):
    """A national adjective on an agentive noun ("Israeli raid", "U.S. warning") as an actor mention."""
    if token.dep_ not in ("amod", "compound") or token.head.lemma_.lower() not in word_list("agentive-noun"):
        return None
    return national(token, ctx)


def author(noun: Token, ctx: Context) -> list:
    """Who issued a statement-like noun, from its own modifiers: "Iran's statement", "a German court
    ruling", "the Libyan note"; empty if none names a country."""
    for child in noun.children:
        if child.dep_ not in ("poss", "compound", "amod") or child.i > noun.i:
            continue
        found = actors_in(child, ctx, max_depth=1)
        if found:
            return found
        adjective = next((m for m in (national(t, ctx) for t in child.subtree) if m is not None), None)
        if adjective is not None:
            return [adjective]
    return []


def _conjuncts(mention, ctx: Context) -> list:
    doc = ctx.doc
    head = None
    for i in range(mention.token_start, mention.token_end):
        tok = doc[i]
        if not (mention.token_start <= tok.head.i < mention.token_end) or tok.head.i == tok.i:
            head = tok
            break
    if head is None:
        return []
    out: list = []
    seen = {head.i}
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        tok = stack.pop(0)
        if tok.i in seen:
            continue  # a conjunct inside a mention's span can point back at the mention
        seen.add(tok.i)
        out.extend(m for m in actors_in(tok, ctx, max_depth=1, conjuncts=False) if m not in out)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    out.extend(m for m in _coordinated_modifiers(mention, ctx) if m not in out and m is not mention)
    return out


def _coordinated_modifiers(mention, ctx: Context) -> list:
    """ "French and German leaders", "Chinese and Russian troops": the modifier coordinated with one
    inside the mention names an actor of its own, which shares the mention's head."""
    doc = ctx.doc
    span = range(mention.token_start, mention.token_end)
    found = []
    for i in span:
        tok = doc[i]
        linked = [tok.head] if tok.dep_ == "conj" else []
        linked += [c for c in tok.children if c.dep_ == "conj"]
        for other in linked:
            other_mention = ctx.by_token.get(other.i)
            if other.i not in span and other_mention is not None and other_mention.actor.country:
                found.append(other_mention)
    return found
