"""Actors: every mention of a country, body, person or sector resolved to one canonical actor.

"Kim Jong-un", "Kim", "the North Korean leader" and "he" (when Kim is the speaker) all resolve to
the person Kim Jong Un, who speaks for North Korea's government (PRKGOV) on the article's date;
"Pyongyang" and "the DPRK" resolve to North Korea; "South Korean government representatives" to the
sector actor KORGOV. The event coder trusts these mentions, so a span is reported only when the
tables or the text say clearly who it is (precision before recall).

Conventions (tested in tests/test_actors.py):
- A title and the name it introduces are ONE mention: "the new Japanese Foreign Minister, Yoko
  Kamikawa" is a single person mention spanning "Japanese Foreign Minister, Yoko Kamikawa" (articles
  and "new"/"former" before the title are left out of the span).
- A person in the dictionary at the date wins over a conflicting title ("Kim Yung-ho, US
  Unification Minister" in 2023 is South Korea's unification minister); a name that is not in the
  dictionary but comes with a title gets a provisional actor (country from the title's adjective,
  sector from its noun; `provisional=True`).
- Capitals and seats of power ("Pyongyang", "the Kremlin") stand for the government: code
  country + GOV (the Pentagon: USA MIL), how="metonym". A country or capital after "in", "at",
  "near" ... is a place, not an actor, and is not reported.
- A country adjective is reported only with the actor noun it qualifies ("Russian troops" -> RUSMIL)
  or as a demonym ("Russians"); "Russian technology" has no actor mention.
- A known person with no office at the date (a former minister) keeps his country with sector ELI
  (CAMEO "elites"); so does a title introduced by "former".
- Actors with no country get the code "---" + sector ("police fired" -> "---COP"), unless the
  article's dateline gives the country of a bare state or rebel noun (see `_dateline_context`:
  "the government" in a MOGADISHU story is Somalia's; how="dateline").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Actor, ActorMention
from ..tables.actors import ActorDictionary, Entry, Named, Sense, normalise_date, parts, shape_matches
from ..tables.words import actor_words, speech_verbs
from ..text import names_a_pair

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Actor", "ActorDictionary", "ActorMention", "coordinated", "find_mentions", "plover_sector", "resolve"]

SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "OPP": "opposition",
    "PTY": "party", "LEG": "legislature", "JUD": "judiciary", "MED": "media", "SPY": "intelligence",
    "CVL": "civilians", "BUS": "business", "EDU": "education", "HLH": "health", "LAB": "labour",
    "REF": "refugees", "REL": "religion", "NGO": "NGO", "ELI": "elites", "UAF": "armed group",
    "CRM": "criminals", "AGR": "agriculture", "UNK": "unknown", "PRE": "de facto state",
}
_PLOVER_SECTORS = {"MED": "JRN", "HLH": "MED"}
"""CAMEO -> PLOVER/POLECAT agent codes where they differ (PLOVER's MED is medicine, JRN the press)."""

FORMER = actor_words("former")
PLACE_PREPOSITIONS = actor_words("place-prepositions")
HONORIFICS = actor_words("honorifics")
SPEECH_VERBS = speech_verbs("report")
SPEAKER_PRONOUNS = actor_words("speaker-pronouns")
_GAP_POS = frozenset({"ADJ", "ADV"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})
_NAME_PARTICLES = actor_words("name-particles")


def plover_sector(sector: str | None) -> str | None:
    """The PLOVER/POLECAT agent code for a CAMEO sector (they differ only for media and health)."""
    if sector is None:
        return None
    return _PLOVER_SECTORS.get(sector, sector)


# -- building actors ---------------------------------------------------------------------------


def _code(country: str | None, sector: str | None) -> str:
    return (country or "---") + (sector or "")


def country_actor(code: str, dictionary: ActorDictionary) -> Actor:
    """The bare country actor for an ISO-3 code (or "IGO")."""
    return Actor(code, code, None, dictionary.country_name(code), "country", code)


def sector_actor(country: str | None, sector: str | None, dictionary: ActorDictionary) -> Actor:
    """A sector of a country ("KORGOV"), or a sector with no country ("---COP")."""
    where = dictionary.country_name(country) if country else ""
    name = f"{where} {SECTOR_NAMES.get(sector, sector) if sector else sector}".strip()
    code = _code(country, sector)
    return Actor(code, country, sector, name, "sector", code)


def named_actor(named: Named, date: str | None, dictionary: ActorDictionary) -> Actor:
    """The actor a table entry names, at the date (a person's office then; ELI once out of office)."""
    if named.kind == "country":
        first = named.terms[0]
        if first.sector:  # a de facto state (breakaway.tsv): the claiming state's code + PRE
            return Actor(_code(first.country, first.sector), first.country, first.sector, named.name, "country",
                         named.id)
        return country_actor(first.country or named.id, dictionary)
    term, current = named.term_at(date)
    sector, office = term.sector, term.office
    if not current and named.kind == "person" and date is not None and term.end is not None and term.end <= date:
        sector, office = "ELI", f"former {office}" if office else None
    elif not current and named.kind == "person" and date is not None and term.start is not None and date < term.start:
        sector, office = "ELI", None  # an office taken only later is not his office at the date
    if named.how == "metonym" and term.sector:
        return sector_actor(term.country, term.sector, dictionary)
    return Actor(_code(term.country, sector), term.country, sector, named.name, named.kind, named.id, office)


# -- matching dictionary forms against text ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Atom:
    """A dictionary form found in the text: tokens [start, end) and its candidate entries."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def entry(self) -> Entry:
        return self.entries[0]

    @property
    def is_noun(self) -> bool:
        return self.entry.role == "noun"

    @property
    def is_person(self) -> bool:
        return self.entry.named is not None and self.entry.named.kind == "person"

    @property
    def is_place(self) -> bool:
        """A country (any form) or a capital: the things a preposition can turn into a location."""
        return self.entry.named is not None and self.entry.named.kind == "country"

    @property
    def is_modifier(self) -> bool:
        """Can qualify a following actor noun: a country form, a capital, an organisation."""
        return self.entry.named is not None and self.entry.named.kind in {"country", "organisation"}


_ROLE_ORDER = {"name": 0, "seat": 1, "capital": 2, "demonym": 3, "adjective": 4, "city": 5, "noun": 6}
_KIND_ORDER = {"person": 0, "organisation": 1, "country": 2}


def _rank(entry: Entry, date: str | None = None) -> tuple[int, int, int, str]:
    """Order of preference among entries sharing a form: names before adjectives before nouns,
    people before bodies before countries; between two people with one surname ("Clinton"), the
    one in office at the date, else the one who left office most recently before it."""
    kind = entry.named.kind if entry.named else "zz"
    running, recency = 1, ""
    if entry.named is not None and kind == "person":
        terms = entry.named.terms
        if any(t.covers(date) for t in terms):
            running = 0
        elif date is not None:
            ended = [t.end for t in terms if t.end is not None and t.end <= date]
            recency = max(ended) if ended else ""
        recency = "".join(chr(0x10FFFF - ord(c)) for c in recency)  # later end sorts first
    return (_ROLE_ORDER.get(entry.role, 9), _KIND_ORDER.get(kind, 9), running, recency)


def _match(seq: Sequence[tuple[str, str, int]], dictionary: ActorDictionary,
           date: str | None = None) -> list[_Atom]:
    """Greedy longest-match of dictionary forms over word parts; atoms align to token boundaries."""
    atoms: list[_Atom] = []
    n, p = len(seq), 0
    while p < n:
        if p > 0 and seq[p - 1][2] == seq[p][2]:  # a match must start at a token's first part
            p += 1
            continue
        found = None
        # the longest run of parts from p that begins some key: no longer run can match
        limit, longest, prefixes = min(dictionary.max_len, n - p), 0, dictionary.prefixes
        while longest < limit and tuple(s[0] for s in seq[p:p + longest + 1]) in prefixes:
            longest += 1
        for length in range(longest, 0, -1):
            end = p + length
            if end < n and seq[end][2] == seq[end - 1][2]:  # ... and end at a token's last part
                continue
            key = tuple(s[0] for s in seq[p:end])
            candidates = [
                e for e in dictionary.lookup(key)
                if all(shape_matches(d, s[1]) for d, s in zip(e.shape, seq[p:end], strict=True))
            ]
            if candidates:
                candidates.sort(key=lambda e: _rank(e, date))
                found = _Atom(seq[p][2], seq[end - 1][2] + 1, tuple(candidates))
                p = end
                break
        if found is None:
            p += 1
        else:
            atoms.append(found)
    return atoms


# -- resolving a short text ----------------------------------------------------------------------


def _head_sense(senses: Sequence[Sense]) -> Sense | None:
    """The sense that decides a noun group's sector: the last collective noun ("opposition
    lawmakers" -> LEG, "police spokesman" -> COP), else the first title, else a generic role."""
    groups = [s for s in senses if s.kind == "group"]
    if groups:
        return groups[-1]
    titles = [s for s in senses if s.kind == "title"]
    if titles:
        return titles[0]
    return senses[0] if senses else None


def resolve(text: str, *, date: str | None = None, dictionary: ActorDictionary | None = None) -> Actor | None:
    """Resolve a short actor text ("Armenian Prime Minister", "Kim Jong-un", "Seoul") to one actor.

    A person in the dictionary wins over everything else in the text; otherwise the first country,
    capital or organisation gives the country and the nouns give the sector. Returns None when the
    text names nothing the tables know ("a cat named Frank").
    >>> resolve("Putin", date="2009-06-01").office
    'Prime Minister'
    """
    dictionary = dictionary or ActorDictionary.default()
    day = normalise_date(date)
    split = parts(text)
    seq = [(norm, orig, i) for i, (norm, orig) in enumerate(split)]
    atoms = _match(seq, dictionary, day)
    if not atoms:
        return None
    people = [a for a in atoms if a.is_person]
    if people:
        return _titled_person(people[0].entry.named, atoms, split, day, dictionary)  # type: ignore[arg-type]
    atoms = [a for a in atoms if not (a.entry.role == "city" and _glued_to_name(split, a, atoms))]
    modifiers = [a for a in atoms if a.is_modifier]
    senses = [a.entry.sense for a in atoms if a.is_noun and a.entry.sense is not None]
    head = _head_sense(senses)
    former = any(norm in FORMER for norm, _ in split)
    if not modifiers:
        if head is None:
            return None
        sector = "ELI" if former and head.kind != "group" else head.sector
        return sector_actor(_place_before(split, atoms), sector, dictionary)
    # with nouns the first named thing qualifies them ("Chile's Ministry of Mines"); without, the
    # last one is the head of the phrase ("Russia's Baltic Fleet")
    chosen = modifiers[0] if head is not None else modifiers[-1]
    named = chosen.entry.named
    assert named is not None
    if head is None:
        if chosen.entry.role == "city":  # "Mariupol": the people of a city, not its country's state
            return sector_actor(named.terms[0].country, "CVL", dictionary)
        if chosen.entry.role in {"capital", "seat"}:
            base = named_actor(named, day, dictionary)
            if base.kind == "country":
                return sector_actor(base.country, "GOV", dictionary)
            return base
        return named_actor(named, day, dictionary)
    base = named_actor(named, day, dictionary)
    if former and head.kind != "group":  # "a former CIA official", "former President X"
        return sector_actor(base.country, "ELI", dictionary)
    if named.kind == "organisation" and (head.kind != "group" or base.sector is not None):
        return base  # "UN spokesman" is the UN; "Hamas gunmen" are Hamas
    return sector_actor(base.country, head.sector, dictionary)


def _place_before(split: Sequence[tuple[str, str]], atoms: Sequence[_Atom]) -> str | None:
    """The country of a place the actor tables lack, named right before the first actor noun of a
    short text ("Madras High Court", "Dehli police", "Amherst College"): the gazetteer's country of
    the capitalised words there. Not a name after a title ("Governor Vadim Shumkov"): only words
    before the noun qualify it."""
    from ..tables.gazetteer import lookup
    from ..text.analyse import nlp

    first = min((a.start for a in atoms if a.is_noun), default=0)
    words = [orig for _, orig in split[:first]]
    if not words or any(not w[:1].isupper() or w.lower() in FORMER for w in words):
        return None
    # the gazetteer knows many common words as towns ("Federal", "Union"): the tagger must call each
    # word a proper noun inside a place or organisation name (read in the whole text)
    tagged = nlp()(" ".join(orig for _, orig in split))
    if any(t.pos_ != "PROPN" or t.ent_type_ not in _PLACE_LABELS for t in tagged[:len(words)]):
        return None
    place = lookup(" ".join(words))
    return place.country if place is not None and place.precision != "country" else None


def _titled_person(named: Named, atoms: Sequence[_Atom], split: Sequence[tuple[str, str]], day: str | None,
                   dictionary: ActorDictionary) -> Actor:
    """A table person at the date, unless the text gives him the title of one of his terms while he
    holds none ("Foreign Minister Park Jin" dated weeks before he took office): the text wins."""
    actor = named_actor(named, day, dictionary)
    titles = [a.entry.sense for a in atoms if a.is_noun and a.entry.sense is not None and a.entry.sense.kind == "title"]
    if actor.sector != "ELI" or not titles or any(norm in FORMER for norm, _ in split):
        return actor
    titled = [t for t in named.terms if t.roles & titles[0].roles or (not t.roles and t.sector == titles[0].sector)]
    if not titled:
        return actor
    term = max(titled, key=lambda t: t.start or "")
    return Actor(_code(term.country, term.sector), term.country, term.sector, named.name, named.kind, named.id,
                 term.office)


def _glued_to_name(split: Sequence[tuple[str, str]], atom: _Atom, others: Sequence[_Atom]) -> bool:
    """A city form next to another capitalised word in a short text is part of a name
    ("Feliciano Valencia", "Puerto Penasco"), not the city; so is one right after a title, which
    introduces a name, not a place ("King Hassan": not the Indian city)."""
    before = next((a for a in others if a.end == atom.start), None)
    if before is not None and before.is_noun and before.entry.sense is not None and before.entry.sense.kind == "title":
        return True
    for i in (atom.start - 1, atom.end):
        if 0 <= i < len(split) and split[i][1][:1].isupper() and split[i][0] not in FORMER \
                and not any(a.start <= i < a.end for a in others):
            return True
    return False


# -- finding mentions in a parsed article ---------------------------------------------------------


def find_mentions(doc: Doc, *, date: str | None = None, dictionary: ActorDictionary | None = None) -> list[ActorMention]:
    """All actor mentions of a parsed article, maximal and non-overlapping, in text order.

    Stages: 1. match dictionary forms over the tokens; 2. assemble noun groups (country or
    organisation + actor nouns + an optional name or apposition); 3. link surnames, descriptions
    ("the Russian leader") and speaker pronouns ("he added") to the most recent compatible person;
    4. give a mention with no country the one its context makes plain (the dateline, the sentence's
    places, the state its sentence names; `actor_context.py`) and drop common nouns still without one;
    5. pronouns that stand for an actor named just before ("which", "it", "them"; `pronouns.py`).
    `date` is the publication date (ISO), used to find who held which office.
    """
    from .context import (
        dateline_context,
        described_bodies,
        owner_context,
        place_context,
        repeated_context,
        repeated_groups,
        sentence_context,
        settle,
        story_context,
    )
    from .mentions import MentionFinder  # stages 2-4 live apart: they are long
    from .pronouns import pronoun_mentions

    dictionary = dictionary or ActorDictionary.default()
    finder = MentionFinder(doc, dictionary, normalise_date(date))
    mentions = [m for m in finder.run() if not _names_a_pair(doc, m)]
    mentions = owner_context(doc, mentions, dictionary)
    mentions = repeated_groups(doc, story_context(doc, mentions, dictionary))
    mentions = dateline_context(doc, mentions, list(finder.atom_at.values()), finder.date, dictionary)
    mentions = place_context(doc, mentions, dictionary)
    mentions = sentence_context(doc, mentions, dictionary)
    return pronoun_mentions(doc, described_bodies(doc, settle(repeated_context(doc, mentions))))


def _names_a_pair(doc: Doc, mention: ActorMention) -> bool:
    """"The two sides", "both governments" with no country of their own stand for two actors named
    before (the coder finds them), never for one: neither the dictionary's sector nor the dateline's
    country is theirs."""
    return mention.actor.country is None and names_a_pair(doc[mention.token_end - 1])


CONTESTED_DATELINES = actor_words("contested-datelines")
"""Dateline cities two states claim: stories filed there report both sides' officials and forces."""

_COORDINATORS = actor_words("coordinators")


def coordinated(doc: Doc, mentions: Sequence[ActorMention], mention: ActorMention) -> list[ActorMention]:
    """The mentions coordinated with `mention` ("South Korea, Japan and the United States"), itself
    included, in text order: neighbours joined only by commas, "and", "or", "as well as", "the".

    A compound source or target gives one event per member (the hand-coded gold's rule 4).
    """
    ordered = sorted(mentions, key=lambda m: m.token_start)
    index = next(i for i, m in enumerate(ordered) if m is mention)

    def joined(left: ActorMention, right: ActorMention) -> bool:
        between = doc[left.token_end:right.token_start]
        return len(between) > 0 and all(t.lower_ in _COORDINATORS for t in between) and \
            any(t.lower_ in {",", "and", "or", "&"} for t in between)

    lo = index
    while lo > 0 and joined(ordered[lo - 1], ordered[lo]):
        lo -= 1
    hi = index
    while hi + 1 < len(ordered) and joined(ordered[hi], ordered[hi + 1]):
        hi += 1
    return list(ordered[lo:hi + 1])


def _token_parts(doc: Doc) -> list[tuple[str, str, int]]:
    """Word parts of every token of a Doc, each tagged with its token index."""
    seq: list[tuple[str, str, int]] = []
    for token in doc:
        for norm, orig in parts(token.text):
            seq.append((norm, orig, token.i))
    return seq


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
