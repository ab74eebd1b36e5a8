"""Back-off coding: a political verb no precise frame matched is coded at its general level.

The precise frames of ``data/verbs.tsv`` name the objects, prepositions and complements a verb needs
to mean one specific code, so news English they did not foresee ("signed an economic cooperation
plan", "lashed out at the president") yields nothing. When no precise frame matches, a verb whose
broad class is known (``data/verb_classes.tsv``, derived from PETRARCH2's verb dictionary) is coded
at that class's 3-digit code ("sign" 057, "lash out" 111, "assail" 190), with a lower confidence,
provided an actor stands on each side. Which roots and lemmas are safe to back off to is sitrep's
own choice, measured on the tune and check splits and kept in ``data/backoff.tsv``.

>>> frame = backoff_frame(token)   # the Frame to code `token` with, or None
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.backoff import Policy, policy, reset_caches, verb_classes
from ..tables.lexicon import Frame

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["BACKOFF_TARGETS", "Policy", "backoff_frame", "policy", "reset_caches", "verb_classes", "wider_targets"]

BACKOFF_TARGETS = ("dobj", "prep:with", "prep:against", "prep:at", "prep:on", "prep:upon", "prep:to", "prep:toward",
                   "prep:towards", "prep:into", "prep:from", "iobj")
"""Where a backed-off verb's target is: its object, else the first preposition naming an actor."""

_PARTICLE_DEPS = ("prt", "prep", "advmod")


def backoff_frame(verb: Token) -> Frame | None:
    """The general frame of a verb no precise frame matched, or None when its class is unknown,
    ambiguous, skipped or of a root sitrep does not back off to."""
    if verb.pos_ != "VERB":
        return None
    rules = policy()
    lemma = verb.lemma_.lower()
    if lemma in rules.skip:
        return None
    classes = verb_classes()
    particles = [c.lower_ for c in verb.children if c.dep_ in _PARTICLE_DEPS]
    phrasal = next((f"{lemma} {p}" for p in particles if f"{lemma} {p}" in classes), None)
    entry = classes.get(phrasal) if phrasal else classes.get(lemma)
    if entry is None:
        return None
    code, reverse = entry
    confidence = rules.roots.get(code[:2])
    if confidence is None:
        return None
    # only a mutual act lets coordinated subjects act on each other: PETRARCH2's "[041:041]" on "call"
    # would make "France and Spain ... calling the affair a reversal" a call between them
    reverse = code if lemma in rules.symmetric else (reverse if reverse != code else None)
    return Frame(lemma, phrasal.split()[1] if phrasal else None, None, None, None, code, BACKOFF_TARGETS, reverse,
                 confidence)


def wider_targets(verb: Token, frame: Frame, sources: list, ctx) -> list:
    """A precise frame's target when its own slots found none: the verb's object, else the first
    preposition naming an actor ("pledged troops to Albania"). "from" names where an act starts,
    not whom it is done to, and a side of the source's own country is its own ("pulled its troops").
    """
    from dataclasses import replace

    from .arguments import verb_arguments

    slots = tuple(s for s in BACKOFF_TARGETS if s != "prep:from")
    own = {s.actor.country for s in sources}
    return [t for t in verb_arguments(verb, replace(frame, target=slots), ctx)[1] if t.actor.country not in own]
