"""Word tables the stages share, read once from `sitrep/data/` (one list, not a copy per stage)."""

from __future__ import annotations

from functools import lru_cache

from .files import table_rows

__all__ = [
    "actor_words", "attack_nouns", "code_shifts", "cue_prepositions", "discards", "event_nouns", "reset_caches",
    "resolution_trust", "speech_verbs", "sport_words", "word_classes", "word_list",
]


@lru_cache(maxsize=None)
def speech_verbs(use: str) -> frozenset[str]:
    """The lemmas of `data/speech-verbs.tsv` marked for `use`: "report" (verbs that introduce reported
    speech, read by the actor stage and the coder) or "cue" (quote cues, read by the quote stage)."""
    return frozenset(row["lemma"] for row in table_rows("speech-verbs.tsv") if row[use] == "yes")


def word_classes(table: str) -> dict[str, frozenset[str]]:
    """Class name -> its words, from a table with one class per row (`class`, space-separated `words`,
    `why`), e.g. `data/quote-cues.tsv`."""
    return {row["class"]: frozenset(row["words"].split()) for row in table_rows(table)}


@lru_cache(maxsize=None)
def actor_words(name: str) -> frozenset[str]:
    """One class of `data/actor-words.tsv`: the closed word classes and CAMEO sector sets the actor
    stage reads ("former", "name-particles", "home-sectors" ...). An unknown class is an error."""
    classes = {row["class"]: frozenset(row["words"].split()) for row in table_rows("actor-words.tsv")}
    return classes[name]


def cue_prepositions() -> dict[str, tuple[str, ...]]:
    """Cue lemma -> the prepositions whose object is its content, from `data/cue-prepositions.tsv`."""
    return {row["lemma"]: tuple(row["prepositions"].split()) for row in table_rows("cue-prepositions.tsv")}


@lru_cache(maxsize=None)
def code_shifts(shift: str) -> dict[str, str]:
    """Code prefix -> CAMEO code of an act announced as `shift` ("intent", "refusal", "threat"), from
    `data/code-shifts.tsv`."""
    return {row["from"]: row["to"] for row in table_rows("code-shifts.tsv") if row["shift"] == shift}


@lru_cache(maxsize=1)
def event_nouns() -> dict[str, tuple[str, str | None]]:
    """Noun -> (code, reverse code) of the nouns that report an event, from `data/event-nouns.tsv`."""
    return {row["noun"]: (row["code"], None if row["reverse"] == "-" else row["reverse"])
            for row in table_rows("event-nouns.tsv")}


@lru_cache(maxsize=1)
def resolution_trust() -> dict[str, float]:
    """An actor mention's `how` -> the share of confidence its event keeps, from `data/resolution-trust.tsv`."""
    return {row["how"]: float(row["trust"]) for row in table_rows("resolution-trust.tsv")}


@lru_cache(maxsize=None)
def sport_words(kind: str) -> frozenset[str]:
    """The words of `data/sport-words.tsv` of `kind`: "noun" (sports terms) or "verb" (result verbs read
    with a scoreline)."""
    return frozenset(row["word"] for row in table_rows("sport-words.tsv") if row["kind"] == kind)


@lru_cache(maxsize=1)
def discards() -> dict[str, tuple[tuple[str, ...], ...]]:
    """PETRARCH2's discard phrases (`data/discards.tsv`) as word tuples, keyed by their first word, so a
    sentence is checked word by word: ``{"world": (("world", "cup"), ...), ...}``."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for row in table_rows("discards.tsv"):
        words = tuple(row["phrase"].split())
        found.setdefault(words[0], []).append(words)
    return {first: tuple(phrases) for first, phrases in found.items()}


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The words of list `name` in `data/coder-words.tsv` (its header names each list and the rule
    that reads it): ``word_list("motion-verb")`` -> ``frozenset({"visit", "fly", ...})``. An unknown
    name is an error, not an empty list."""
    words = frozenset(row["word"] for row in table_rows("coder-words.tsv") if row["list"] == name)
    if not words:
        raise KeyError(f"no word list {name!r} in data/coder-words.tsv")
    return words


@lru_cache(maxsize=1)
def attack_nouns() -> frozenset[str]:
    """The attack nouns of `data/attack_nouns.tsv` (lemmas): condemning one targets its perpetrator."""
    return frozenset(row["noun"].strip() for row in table_rows("attack_nouns.tsv"))


def reset_caches() -> None:
    """Forget the loaded word tables."""
    speech_verbs.cache_clear()
    word_list.cache_clear()
    attack_nouns.cache_clear()
    for table in (code_shifts, event_nouns, resolution_trust):
        table.cache_clear()
    sport_words.cache_clear()
    discards.cache_clear()
    actor_words.cache_clear()
