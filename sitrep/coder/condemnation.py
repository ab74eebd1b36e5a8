"""Whom a condemnation targets: condemning an attack targets its perpetrator, never its victim.

"X condemned the bombing of the US embassy" is not X -> USA: the embassy was bombed, and X
disapproves of whoever bombed it. So a disapproval's target named inside the attack it condemns
counts only as the attack's agent ("Israel's raid", "the raid by Hamas", "the Israeli raid"); with
no agent named, the event has no target (one-sided, not counted). Attack nouns are in
``data/attack_nouns.tsv``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.words import attack_nouns
from .derived import participle_agents

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DISAPPROVING_ROOTS", "attack_nouns", "perpetrators", "reset_caches"]

DISAPPROVING_ROOTS = frozenset({"11"})
"""Roots whose target is the one disapproved of (CAMEO 11x: disapprove, criticise, accuse)."""

_AGENT_DEPS = frozenset({"poss", "amod", "agent"})


def perpetrators(verb: Token, targets: list) -> list:
    """`targets` of the disapproving `verb` without the victims of an attack it condemns."""
    attacks = [node for node in _objects(verb) if node.lemma_.lower() in attack_nouns()]
    if not attacks:
        return targets
    kept = []
    for target in targets:
        start = getattr(target, "start", None)
        if start is None:
            kept.append(target)
            continue
        inside = next((a for a in attacks if _span(a)[0] <= start < _span(a)[1]), None)
        if inside is None or any(_span(c)[0] <= start < _span(c)[1] for c in _agents(inside)):
            kept.append(target)
    return kept


def _agents(attack: Token) -> list:
    """Where an attack noun names its author: "Israel's raid", "the Israeli raid", "the raid by Hamas",
    "the attacks carried out by Hamas" (the agent of a participle on the noun)."""
    return [c for c in attack.children if c.dep_ in _AGENT_DEPS] + participle_agents(attack)


def _objects(verb: Token) -> list:
    """The verb's object nouns and their conjuncts, and the nouns of its prepositions ("over the raid")."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    heads += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return [n for head in heads for n in (head, *head.conjuncts)]


def _span(token: Token) -> tuple[int, int]:
    """Character span of a token's subtree."""
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def reset_caches() -> None:
    """Forget the attack nouns (kept for callers of this module; `tables.reset_caches()` does it too)."""
    attack_nouns.cache_clear()
