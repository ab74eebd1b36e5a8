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

from .actor_tables import ActorDictionary, Entry, Named, Sense, normalise_date, parts, shape_matches

__all__ = ["Actor", "ActorDictionary", "ActorMention", "coordinated", "find_mentions", "plover_sector", "resolve"]

SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "OPP": "opposition",
    "PTY": "party", "LEG": "legislature", "JUD": "judiciary", "MED": "media", "SPY": "intelligence",
    "CVL": "civilians", "BUS": "business", "EDU": "education", "HLH": "health", "LAB": "labour",
    "REF": "refugees", "REL": "religion", "NGO": "NGO", "ELI": "elites", "UAF": "armed group",
    "CRM": "criminals", "AGR": "agriculture", "UNK": "unknown",
}
_PLOVER_SECTORS = {"MED": "JRN", "HLH": "MED"}
"""CAMEO -> PLOVER/POLECAT agent codes where they differ (PLOVER's MED is medicine, JRN the press)."""

FORMER = frozenset({"former", "ex", "retired", "onetime", "one-time", "erstwhile"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around",
                                "within"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "madam", "dame", "lord", "lady"})
SPEECH_VERBS = frozenset(
    "say add note tell stress warn insist explain state claim argue emphasize emphasise declare "
    "announce write conclude point indicate urge reply answer acknowledge admit affirm assert "
    "comment continue mention remark reiterate repeat suggest underline recall caution".split()
)
SPEAKER_PRONOUNS = frozenset({"he", "she"})
_GAP_POS = frozenset({"ADJ", "ADV"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "le", "la", "abu", "du"})


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a country, a sector of a country, an organisation or a person at a date.

    >>> resolve("Japanese Foreign Minister Yoko Kamikawa", date="2023-09-14").code
    'JPNGOV'
    """

    code: str  # CAMEO-style: country + sector ("JPNGOV", "PRK", "IGO", "---COP")
    country: str | None  # ISO-3, "IGO", or None
    sector: str | None  # CAMEO agent code, None for a bare country or organisation
    name: str  # display name: "Japan", "Yoko Kamikawa", "United Nations Security Council"
    kind: str  # "country" | "sector" | "person" | "organisation"
    id: str  # "JPN", "JPNGOV", "person:yoko-kamikawa", "org:un-security-council"
    office: str | None = None  # a person's office at the date ("Foreign Minister")
    provisional: bool = False  # learnt from a title or apposition, not from the dictionary


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One span of an article that names an actor, with offsets back into the text (the evidence)."""

    start: int  # character offsets into doc.text
    end: int
    token_start: int  # token indices [start, end) in the Doc
    token_end: int
    text: str
    actor: Actor
    how: str  # "dictionary" | "title" | "metonym" | "coref" | "pronoun" | "dateline" | "place"


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


def sector_actor(country: str | None, sector: str, dictionary: ActorDictionary) -> Actor:
    """A sector of a country ("KORGOV"), or a sector with no country ("---COP")."""
    where = dictionary.country_name(country) if country else ""
    name = f"{where} {SECTOR_NAMES.get(sector, sector)}".strip()
    code = _code(country, sector)
    return Actor(code, country, sector, name, "sector", code)


def named_actor(named: Named, date: str | None, dictionary: ActorDictionary) -> Actor:
    """The actor a table entry names, at the date (a person's office then; ELI once out of office)."""
    if named.kind == "country":
        return country_actor(named.terms[0].country or named.id, dictionary)
    term, current = named.term_at(date)
    sector, office = term.sector, term.office
    if not current and named.kind == "person" and date is not None and term.end is not None and term.end <= date:
        sector, office = "ELI", f"former {office}" if office else None
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
        for length in range(min(dictionary.max_len, n - p), 0, -1):
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
        return named_actor(people[0].entry.named, day, dictionary)  # type: ignore[arg-type]
    atoms = [a for a in atoms if not (a.entry.role == "city" and _glued_to_name(split, a, atoms))]
    modifiers = [a for a in atoms if a.is_modifier]
    senses = [a.entry.sense for a in atoms if a.is_noun and a.entry.sense is not None]
    head = _head_sense(senses)
    former = any(norm in FORMER for norm, _ in split)
    if not modifiers:
        if head is None:
            return None
        return sector_actor(None, "ELI" if former and head.kind != "group" else head.sector, dictionary)
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


def _glued_to_name(split: Sequence[tuple[str, str]], atom: _Atom, others: Sequence[_Atom]) -> bool:
    """A city form next to another capitalised word in a short text is part of a name
    ("Feliciano Valencia", "Puerto Penasco"), not the city."""
    for i in (atom.start - 1, atom.end):
        if 0 <= i < len(split) and split[i][1][:1].isupper() and split[i][0] not in FORMER \
                and not any(a.start <= i < a.end for a in others):
            return True
    return False


# -- finding mentions in a parsed article ---------------------------------------------------------


def find_mentions(doc, *, date: str | None = None, dictionary: ActorDictionary | None = None) -> list[ActorMention]:
    """All actor mentions of a parsed article, maximal and non-overlapping, in text order.

    Stages: 1. match dictionary forms over the tokens; 2. assemble noun groups (country or
    organisation + actor nouns + an optional name or apposition); 3. link surnames, descriptions
    ("the Russian leader") and speaker pronouns ("he added") to the most recent compatible person.
    `date` is the publication date (ISO), used to find who held which office.
    """
    from .actor_mentions import MentionFinder  # the assembly stage lives apart: it is long

    dictionary = dictionary or ActorDictionary.default()
    finder = MentionFinder(doc, dictionary, normalise_date(date))
    mentions = finder.run()
    mentions = _dateline_context(doc, mentions, list(finder.atom_at.values()), finder.date, dictionary)
    return _place_context(doc, mentions, dictionary)


# -- the dateline as context ----------------------------------------------------------------------

_CONTEXT_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "SPY", "REB"})
_CONTEXT_MILITARY = frozenset({"army", "military"})
_CONTESTED_DATELINES = frozenset({"Jerusalem"})
"""Dateline cities two states claim: stories filed there report both sides' officials and forces."""


def _dateline_context(doc, mentions: list[ActorMention], atoms: Sequence[_Atom], date: str | None,
                      dictionary: ActorDictionary) -> list[ActorMention]:
    """Give a bare state or rebel noun the country of the article's dateline, conservatively.

    Wire copy names its country once and then writes "the government", "the army", "rebels",
    "government spokesman Abdirahman Dinari" (MOGADISHU) or "spokesman Michael McCurry"
    (WASHINGTON). Such a mention, with no country of its own, takes the dateline's country when:
    1. the dateline names a place in one country (not "UNITED NATIONS", not a contested city);
    2. the noun is a state organ (government, ministry, parliament, courts, police, intelligence,
       "the army"/"the military" -- not "troops", often foreign) or rebels, militants, Islamists;
    3. its sentence names no other country: any other country, capital or city there (as actor or
       place) leaves the mention without a country, since the noun may then belong to it. For rebel
       nouns, foreign *troops* in the sentence do not count (rebels fight them: "Islamist fighters
       opened fire on Ethiopian troops").
    A provisional person ("spokesman Michael McCurry") takes the country in all its mentions.
    """
    import dataclasses

    from .places import dateline_place

    place = dateline_place(doc.text)
    if place is None or place.country is None or place.name in _CONTESTED_DATELINES:
        return mentions
    home = place.country

    def atom_country(atom: _Atom) -> str | None:
        named = atom.entry.named
        if named is None:
            return None
        return named_actor(named, date, dictionary).country

    def foreign_in_sentence(mention: ActorMention) -> bool:
        sent = doc[mention.token_start].sent
        rebel = mention.actor.sector == "REB"
        for other in mentions:
            if other is mention or not (sent.start <= other.token_start < sent.end):
                continue
            if other.actor.country in {None, home, "IGO"}:
                continue
            if rebel and other.actor.sector == "MIL":
                continue
            return True
        covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
        for atom in atoms:  # places are not mentions: "fighting against rebels in Ivory Coast"
            if sent.start <= atom.start < sent.end and atom.start not in covered:
                if atom_country(atom) not in {None, home, "IGO"}:
                    return True
        return False

    def eligible(mention: ActorMention) -> bool:
        actor = mention.actor
        if actor.country is not None or mention.how not in {"dictionary", "title"}:
            return False
        if actor.kind == "person" and not actor.provisional:
            return False
        if actor.sector in _CONTEXT_SECTORS:
            return True
        return actor.sector == "MIL" and mention.text.lower().split()[-1] in _CONTEXT_MILITARY

    people: dict[str, Actor] = {}
    out = []
    for mention in mentions:
        actor = mention.actor
        if actor.kind == "person" and actor.id in people:
            out.append(dataclasses.replace(mention, actor=people[actor.id]))
            continue
        if eligible(mention) and not foreign_in_sentence(mention):
            if actor.kind == "person":
                new = dataclasses.replace(actor, code=_code(home, actor.sector), country=home)
                people[actor.id] = new
            else:
                new = sector_actor(home, actor.sector or "", dictionary)
            out.append(dataclasses.replace(mention, actor=new, how="dateline"))
            continue
        out.append(mention)
    return out


# -- a place in the sentence as context -------------------------------------------------------------

_LOCAL_SECTORS = _CONTEXT_SECTORS | {"CVL", "OPP", "LAB", "EDU", "MED", "BUS", "CRM", "REL", "HLH", "AGR"}
"""Sectors that are people of the place where they act ("demonstrators in Baghdad", "police"); not
refugees (from elsewhere by definition) nor troops (often foreign)."""


def _place_context(doc, mentions: list[ActorMention], dictionary: ActorDictionary) -> list[ActorMention]:
    """Give a sector noun with no country the country of the place its sentence happens in.

    "Up to 100 ethnic Albanians demonstrated in Serbia", "demonstrators protesting election results in
    Monrovia": the people of a local sector (civilians, protesters, police, workers ...) are, unless
    said otherwise, of the place where they act. The mention takes the place's country when a
    locative place in its sentence is attached to it ("demonstrators in Baghdad"), or else when every
    locative place of the sentence lies in one country and no actor of another country is named there.
    """
    import dataclasses

    from .places import find_places

    places_of: dict[int, list] = {}
    out = []
    for mention in mentions:
        actor = mention.actor
        if actor.country is not None or actor.kind == "person" or actor.sector not in _LOCAL_SECTORS \
                or (actor.sector == "MIL" and mention.text.lower().split()[-1] not in _CONTEXT_MILITARY):
            out.append(mention)
            continue
        sent = doc[mention.token_start].sent
        if sent.start not in places_of:  # several sector nouns in one sentence share its places
            places_of[sent.start] = [p for p in find_places(sent) if p.country]
        places = places_of[sent.start]
        home = _attached_place(doc, mention, places)
        if home is None and len({p.country for p in places}) == 1:
            others = {m.actor.country for m in mentions if sent.start <= m.token_start < sent.end} - {None, "IGO"}
            home = places[0].country if others <= {places[0].country} else None
        if home is None:
            out.append(mention)
            continue
        out.append(dataclasses.replace(mention, actor=sector_actor(home, actor.sector or "", dictionary), how="place"))
    return out


def _attached_place(doc, mention: ActorMention, places) -> str | None:
    """The country of a place in a prepositional phrase on the mention itself ("police in Lagos")."""
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        prep = span.root.head
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "at") and \
                mention.token_start <= prep.head.i < mention.token_end:
            return place.country
    return None


_COORDINATORS = frozenset({",", "and", "or", "the", "both", "as", "well", "&"})


def coordinated(doc, mentions: Sequence[ActorMention], mention: ActorMention) -> list[ActorMention]:
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


def _token_parts(doc) -> list[tuple[str, str, int]]:
    """Word parts of every token of a Doc, each tagged with its token index."""
    seq: list[tuple[str, str, int]] = []
    for token in doc:
        for norm, orig in parts(token.text):
            seq.append((norm, orig, token.i))
    return seq


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
