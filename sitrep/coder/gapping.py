"""Gapped lists: "Greece has promised 700 troops, Turkey 500 and Romania 400".

News English lists what several states give or send by writing the verb once and then only each
state with its own quantity ("Japan pledged $10 million, Britain $5 million"). Each listed state is
a subject of the verb with its own share, not a target: the parser hangs "Turkey 500" as a conjunct
or apposition of the object or of the destination ("to the force, Spain 500"), which would make
Spain a recipient. `remnants` finds those states so the coder moves them to the source side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .phrases import Context

__all__ = ["remnants"]

_SEPARATORS = frozenset({",", ";", "and"})
_CURRENCY = frozenset({"$", "£", "€", "¥"})


def remnants(verb: Token, ctx: Context) -> list:
    """The actor mentions of a gapped list after an amount `verb` governs ("promised up to 700
    troops"), each followed by its own amount ("..., Turkey, 500; Romania 400"); [] without an amount."""
    doc, found, counted = ctx.doc, [], False
    for token in verb.subtree:
        if token.i <= verb.i or _in_clause(token, verb):
            continue
        counted = counted or _quantity(token)
        mention = ctx.by_token.get(token.i)
        if not counted or mention is None or mention.token_start != token.i or mention in found \
                or not mention.actor.country:
            continue
        after = mention.token_end
        while after < len(doc) and doc[after].text in (",", ":"):
            after += 1
        if doc[token.i - 1].lower_ in _SEPARATORS and after < len(doc) and _quantity(doc[after]):
            found.append(mention)
    return found


def _quantity(token: Token) -> bool:
    return token.like_num or token.text in _CURRENCY


def _in_clause(token: Token, verb: Token) -> bool:
    """True when `token` sits in a clause of its own below `verb` ("..., which Spain 500 ...")."""
    while token.i != verb.i:
        if token.dep_ in ("relcl", "ccomp", "advcl", "acl", "xcomp", "csubj", "parataxis") and token.pos_ in ("VERB", "AUX"):
            return True
        token = token.head
    return False
