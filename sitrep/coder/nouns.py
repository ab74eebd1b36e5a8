"""Who did it and to whom when the event is a noun: "Putin's visit to Pyongyang", "talks between A
and B", "the Kim-Putin summit", "Palestinian riots against ...", "an exchange of fire across the
Israel-Lebanon border". The verb side of the same question lives in `arguments.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.gazetteer import lookup
from ..tables.words import word_list
from ..text import hyphenated_modifier
from .arguments import PROTEST_NOUNS, _subject_actors
from .derived import destination, national, place_mention
from .phrases import Context, actors_in, adjective_actor

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DEFINITE_NOUN", "noun_arguments", "noun_pattern"]

DEFINITE_NOUN = "definite noun "
"""How the pattern of an event coded from a definite or possessive event noun begins ("the talks",
"his visit", "Millon's landmark visit"): such a noun may name an event the article already reported,
and the merge (`corpus.merge`) folds it into that event when its article coded one of the same root
between the same sides before it."""

_DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their", "our"})
"""Determiners that present an event as one the reader already knows."""


def noun_pattern(noun: Token, code: str) -> str:
    """The pattern of an event coded from `noun`: "noun visit -> 042", or "definite noun visit -> 042"
    when a possessor or a definite determiner presents the event as known ("his visit", "the talks",
    "Millon's five-day visit"); "a visit", "talks" are new."""
    known = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children)
    return f"{DEFINITE_NOUN if known else 'noun '}{noun.lemma_} -> {code}"


def noun_arguments(noun: Token, ctx: Context) -> tuple[list, list, bool]:
    """Source and target of an event noun: "Putin's visit to Pyongyang", "talks between A and B",
    "the Kim-Putin summit" (two actors compounded onto the noun); and whether the reciprocal event is
    asserted too (not when the source is only the subject of the verb the noun hangs from).
    """
    if any(c.lower_ in word_list("unreal-modifier") for c in noun.children):
        return [], [], False
    compounded = _compounded(noun, ctx)
    if len({m.actor.country for m in compounded}) >= 2:
        return compounded[:1], compounded[1:], True
    if noun.lemma_.lower().replace("-", "") in ("ceasefire", "truce") and noun.dep_ not in ("nsubj", "nsubjpass"):
        return [], [], False  # "a ceasefire between X and Y took effect"; elsewhere it is asked or brokered
    if noun.lemma_.lower() in word_list("defiance-noun"):
        # "left Libya in defiance of UN sanctions": the sanctions' owner is defied by the verb's subject
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        defied = actors_in(next((g for g in of.children if g.dep_ == "pobj"), None), ctx, max_depth=1) if of else []
        governor = _governing_verb(noun)
        return (_subject_actors(governor, ctx) if governor is not None and defied else []), defied, False
    sources, targets = _modifier_sides(noun, ctx)
    if not targets and noun.lemma_.lower() in word_list("visit-noun"):
        taken, targets = _itinerary(noun, ctx)  # "Hu's Asian tour will take him to Vietnam"
        sources = sources or taken
    if not sources and not targets and noun.lemma_.lower() in word_list("fight-noun"):
        both = _border_sides(noun, ctx)  # "an exchange of fire across the Israel-Lebanon border"
        if len(both) == 2:
            sources, targets = both[:1], both[1:]
    if not sources and targets:
        # "Vranitzky spoke after talks with Dini", "went to Athens for talks with Greek officials":
        # the talks are the doings of the subject of the verb they hang from.
        governor = _governing_verb(noun)
        if governor is not None:
            return _subject_actors(governor, ctx), targets, False
    return sources, targets, True


def _compounded(noun: Token, ctx: Context) -> list:
    """The actors compounded onto the noun before it: "the Kim-Putin summit", "the US-Japan talks",
    "Israeli-Palestinian talks" (two national adjectives joined by a hyphen)."""
    found: list = []
    for child in noun.children:
        if child.i > noun.i:
            continue
        if child.dep_ != "compound" and not hyphenated_modifier(child):
            continue
        for tok in (child, *child.children):
            mention = ctx.by_token.get(tok.i) or (national(tok, ctx, tagged=False) if child.dep_ == "amod" else None)
            if mention is not None and mention.actor.country and mention not in found:
                found.append(mention)
    return found


def _modifier_sides(noun: Token, ctx: Context) -> tuple[list, list]:
    """Source and target from the noun's own modifiers: a possessor, "of", a national adjective
    ("Palestinian riots"), "to"/"with" (and "against" for a protest), "between A and B"."""
    sources: list = []
    targets: list = []
    for child in noun.children:
        if child.dep_ == "poss":
            sources = actors_in(child, ctx, max_depth=0)
        elif child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() == "tour":
            targets = _toured(next((g for g in child.children if g.dep_ == "pobj"), None), ctx)  # "a tour of Asia"
        elif child.dep_ == "prep" and child.lower_ in ("of", "by") and not sources:
            # "the visit of Putin", "a visit by Chinese President Hu to India": the doer
            sources = actors_in(next((g for g in child.children if g.dep_ == "pobj"), None), ctx, max_depth=1)
        elif child.dep_ == "amod" and not sources and (national := adjective_actor(child, ctx)) is not None:
            sources = [national]  # "Palestinian riots against ...", "the Israeli raid on ..."
        elif child.dep_ == "prep" and (child.lower_ in ("to", "with") or (child.lower_ == "against" and noun.lemma_.lower() in PROTEST_NOUNS)):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            # "protests against the violations by the Israeli military": what is protested may be an act
            targets = actors_in(pobj, ctx, max_depth=2 if child.lower_ == "against" else 1)
            if not targets and child.lower_ == "to" and noun.lemma_.lower() in word_list("visit-noun"):
                place = destination(pobj)  # "a visit to China"
                targets = [place] if place is not None else []
        elif child.dep_ == "prep" and child.lower_ == "between":
            both = actors_in(next((g for g in child.children if g.dep_ == "pobj"), None), ctx, max_depth=1)
            if len(both) >= 2:
                sources, targets = both[:1], both[1:]
    return sources, targets


def _itinerary(noun: Token, ctx: Context) -> tuple[list, list]:
    """ "Hu's four-nation tour will first take him to Vietnam", "the trip takes the premier to Kenya and
    Egypt": a visit noun as the subject of "take ... to" (`itinerary-verb`) goes to the places named,
    and the one taken is the visitor."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in word_list("itinerary-verb"):
        return [], []
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return [], []
    places = actors_in(pobj, ctx, max_depth=1)
    if not places:
        places = [p for p in (destination(t) for t in (pobj, *pobj.conjuncts)) if p is not None]
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return (actors_in(obj, ctx, max_depth=1) if obj is not None else []), places


def _toured(pobj: Token | None, ctx: Context) -> list:
    """The country a tour goes through: "a tour of Japan" (an actor's name read as its place), "a tour
    of southern Albania"; a region of several states ("the Gulf states") names none."""
    found = [m for m in actors_in(pobj, ctx, max_depth=1) if m.actor.kind == "country"]
    if found:
        return found
    place = destination(pobj)
    return [place] if place is not None else []


def _border_sides(noun: Token, ctx: Context) -> list:
    """The two states of "the Israel-Lebanon border" that a clash or exchange of fire runs across."""
    heads = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("across", "along", "on", "at"):
                continue
            border = next((g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in word_list("border-noun")), None)
            if border is None:
                continue
            sides: list = []
            for tok in border.subtree:
                if tok.i >= border.i:
                    break
                mention = ctx.by_token.get(tok.i)
                if mention is None and tok.pos_ == "PROPN" and (place := lookup(tok.text)) is not None \
                        and place.precision == "country":  # "Israel-Lebanon" may be read as one place name
                    mention = place_mention(place, tok.idx, tok.idx + len(tok), tok.text, "place", tok.i, tok.i + 1)
                if mention is not None and mention.actor.country and \
                        mention.actor.country not in {m.actor.country for m in sides}:
                    sides.append(mention)
            return sides
    return []


def _governing_verb(noun: Token):
    """The verb a noun hangs from through objects and prepositions, if any (at most three steps)."""
    node = noun
    for _ in range(3):
        if node.dep_ not in ("dobj", "pobj", "prep", "npadvmod") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None

