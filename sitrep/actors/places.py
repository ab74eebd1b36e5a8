"""Place names in the text: which names are places (locative uses), never actors, and an event's place.

A place is only taken from a *locative* use of a name: the object of "in", "at", "near", "outside",
..., the object of "to"/"into"/"from" when they hang on a motion word ("a visit to Russia", "arrive in
Baghdad", "returned from Beijing"), the object of "visit", and the "X, Y" city-country pair ("in
Krynica, Poland"). A capital as subject or possessor is an actor metonym ("Pyongyang chose to turn its
back", "Moscow's support") and is never a place; and an event with no locative name has no place:
sitrep never defaults to an actor's capital. The names themselves are looked up in `tables.gazetteer`.
"""

from __future__ import annotations

from typing import Any

from ..tables.gazetteer import Place, dateline_place, lookup
from ..tables.words import actor_words
from ..text import span_memo

__all__ = ["Place", "find_places", "dateline_place", "lookup"]


_LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "off"}
_MOTION_PREPS = {"to", "into", "from", "toward", "towards", "for"}
_MOTION_WORDS = {
    # verbs (lemmas)
    # (not "send", "ship", "invite": "sent a note to Beijing" names a recipient, an actor)
    "go", "come", "travel", "fly", "arrive", "return", "head", "move", "flee", "deploy", "visit", "leave",
    "depart", "drive", "sail", "march", "walk", "evacuate", "withdraw", "retreat", "advance", "cross",
    "enter", "land", "relocate", "escape", "defect", "migrate",
    # nouns
    "trip", "journey", "tour", "voyage", "flight", "mission", "delegation", "arrival", "departure", "deployment", "withdrawal", "evacuation", "pilgrimage", "road", "route", "border", "way",
}  # fmt: skip
_NOT_LOCATIVE_HEADS = {  # "interest in China", "invest in Russia", "confidence in Moscow"
    "interest", "invest", "investment", "stake", "confidence", "trust", "faith", "belief", "role", "share",
    "participate", "involvement", "involve", "specialize", "expert", "expertise", "engage", "lead",
}  # fmt: skip
# --- locative uses in a parse ----------------------------------------------------------------------


def _name_spans(span: Any) -> list[Any]:
    """Candidate place names: GPE, LOC and FAC entities of the span."""
    return [ent for ent in span.ents if ent.label_ in {"GPE", "LOC", "FAC"}]


def _is_locative(ent: Any) -> bool:
    root = ent.root
    head = root.head
    if root.dep_ == "appos":  # "in Krynica, Poland", "in the capital, Abuja"
        return _is_locative_token(head)
    return _is_locative_token(root)


_PLACE_NOUNS = actor_words("place-nouns")
"""Nouns of a place, through which a name is placed: "the village of Surif", "a camp on the West Bank"."""


def _is_locative_token(root: Any) -> bool:
    head = root.head
    if root.dep_ == "pobj":
        prep = head.lower_
        governor = head.head
        if prep in {"of", "on"} and governor.lemma_.lower() in _PLACE_NOUNS and governor.i != root.i:
            return _is_locative_token(governor)  # "in the village of Surif on the West Bank"
        if prep in _LOCATIVE_PREPS:
            return governor.lemma_.lower() not in _NOT_LOCATIVE_HEADS
        if prep in _MOTION_PREPS:
            return governor.lemma_.lower() in _MOTION_WORDS
        return False
    if root.dep_ in {"dobj", "npadvmod"} and head.lemma_.lower() in {"visit", "tour", "enter", "invade", "reach"}:
        return True
    if root.dep_ == "compound" and head.lemma_.lower() in {"visit", "trip", "tour"}:
        return False  # "a Moscow visit": the visitor or the destination is unclear
    return False


def _country_of_pair(ent: Any) -> str | None:
    """For "Krynica, Poland": the ISO-3 of the country written after the comma, if any."""
    doc = ent.doc
    after = ent.end
    if after + 1 < len(doc) and doc[after].text == ",":
        following = [e for e in doc.ents if e.start == after + 1 and e.label_ in {"GPE", "LOC"}]
        if following:
            place = lookup(following[0].text)
            if place is not None and place.precision in {"country", "region"}:
                return place.country
    return None


def find_places(span: Any) -> list[Place]:
    """Every place named locatively in a spaCy `Span`/`Doc`, resolved in the gazetteer, in text order.

    Names the gazetteer does not know are left out (unknown stays unknown). In a "city, country"
    pair the city is looked up in that country and the country is listed too.

    >>> [p.name for p in find_places(nlp()("Kim met Putin in Vladivostok."))]
    ['Vladivostok']
    """
    memo, key = span_memo(span, "places")  # asked again for each event of a sentence
    if key not in memo:
        memo[key] = tuple(_find_places(span))
    return list(memo[key])


def _find_places(span: Any) -> list[Place]:
    places: list[Place] = []
    for ent in _name_spans(span):
        if not _is_locative(ent):
            continue
        text = ent.text
        if text.lower().startswith("the "):
            text = text[4:]
        place = lookup(text, country=_country_of_pair(ent)) or lookup(text)
        if place is None:
            continue
        places.append(Place(place.name, place.country, place.lat, place.lon, place.precision, ent.start_char, ent.end_char))
    return places
