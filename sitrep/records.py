"""The frozen records every stage passes on: what was read, who was named, what was said, what was done.

Each record keeps character offsets into its article's raw text, so the evidence of every row can be
shown where it was found. Stages build them; the store writes them; nothing mutates them.

    Article -> (text) -> ActorMention(Actor), DocActors(Place) -> Quote -> Event -> (store, corpus)
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Article", "Rejected", "Actor", "ActorMention", "Place", "DocActors", "Quote", "Event", "DEFAULT_EXCLUDED_MODALITY"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read, before cleaning. `text` is the raw text every offset points into."""

    id: str
    text: str
    published: str | None = None
    """Publication date as ISO ``YYYY-MM-DD``; relative dates in the text are anchored on it."""
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    language: str = "en"
    path: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def content_hash(self) -> str:
        """Hash of everything that changes the coding: re-ingesting an unchanged article is a no-op."""
        key = "\x1f".join([self.id, self.published or "", self.outlet or "", self.title or "", self.text])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be read, with the reason and what to do about it."""

    path: str
    reason: str


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
    how: str  # "dictionary" | "title" | "metonym" | "coref" | "pronoun" | "dateline" | "place" | "sentence" | "story"


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


@dataclass(frozen=True, slots=True)
class DocActors:
    """What the actor stage read in one Doc besides its mentions, for the stages after it: the coder
    and `situate` take these instead of calling back into actor resolution (docs/architecture.md).

    Built once per Doc by `actors.doc_actors(doc, date=)`.
    """

    nationals: Mapping[int, Actor]
    """Token index -> the country a single word names: national adjectives and country names tagged
    NORP or GPE ("German", "U.S."), and the words of a hyphenated modifier the tagger may leave
    untyped ("Palestinian" in "Israeli-Palestinian"). Words that name no country are absent."""
    places: tuple[Place, ...]
    """Every place named locatively (`actors.places.find_places`), sentence by sentence, in text order."""
    dateline: Place | None
    """The place the story is filed from when it lies in one state (not a contested city, not the
    United Nations): the host of a visit whose destination goes unnamed."""


@dataclass(frozen=True, slots=True)
class Quote:
    """One attribution: content, cue and speaker, each with character offsets into ``doc.text``.

    ``start``/``end`` cover the content without the enclosing quote marks of a direct quote; for a
    split quote they cover every piece and ``parts`` lists the pieces (``text`` joins them with a
    space). ``speaker`` is the resolved actor (the ``actor`` of the mention attached to the speaker
    span, or the previous speaker's for pronouns and "the same source"); ``speaker_how`` says how.
    """

    start: int
    end: int
    text: str
    kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker: Actor | None
    speaker_how: str | None
    sentence_start: int
    sentence_end: int
    parts: tuple[tuple[int, int], ...] = ()


DEFAULT_EXCLUDED_MODALITY = frozenset({"negated", "hypothetical", "historical"})
"""Events with any of these flags are stored and shown, but left out of default counts and scores."""


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event occurrence in one sentence of one article (a *mention* of a real event).

    Character offsets point into the article's raw text, so the evidence is never lost.
    """

    article_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    evidence: str
    code: str
    source_code: str | None
    source_country: str | None
    source_sector: str | None
    source_text: str | None
    source_start: int | None
    source_end: int | None
    source_actor_id: str | None
    target_code: str | None
    target_country: str | None
    target_sector: str | None
    target_text: str | None
    target_start: int | None
    target_end: int | None
    target_actor_id: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    pattern: str
    confidence: float
    modality: tuple[str, ...] = ()
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: str | None = None
    name: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover_event: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    quote_index: int | None = None
    trigger_token: int = field(default=-1, compare=False, hash=False, repr=False)
    """Index of the trigger token in the article's parsed Doc (for situating it); not stored."""

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def mention_id(self) -> str:
        """Stable id of this occurrence: re-coding the same article gives the same ids."""
        key = f"{self.article_id}|{self.trigger_start}|{self.source_start}|{self.target_start}|{self.code}|{self.source_code}|{self.target_code}"
        return "m-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def counted(self) -> bool:
        """True if the event counts by default: both sides known, and not negated, hypothetical or
        historical."""
        one_sided = self.source_actor_id is None or self.target_actor_id is None
        return not one_sided and not DEFAULT_EXCLUDED_MODALITY.intersection(self.modality)
