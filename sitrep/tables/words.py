"""Word tables the stages share, read once from `sitrep/data/` (one list, not a copy per stage)."""

from __future__ import annotations

from functools import lru_cache

from .files import data_text

__all__ = ["code_shifts", "event_nouns", "reset_caches", "resolution_trust", "speech_verbs", "table_rows"]


@lru_cache(maxsize=None)
def speech_verbs(use: str) -> frozenset[str]:
    """The lemmas of `data/speech-verbs.tsv` marked for `use`: "report" (verbs that introduce reported
    speech, read by the actor stage and the coder) or "cue" (quote cues, read by the quote stage)."""
    rows = [line.split("\t") for line in data_text("speech-verbs.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    column = header.index(use)
    return frozenset(row[0] for row in body if row[column] == "yes")


@lru_cache(maxsize=None)
def table_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a tab-separated table in `sitrep/data/` as dicts keyed by its header ("#" lines are
    its documentation)."""
    lines = [line.split("\t") for line in data_text(name).splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0]
    return tuple(dict(zip(header, row, strict=True)) for row in lines[1:])


def code_shifts(shift: str) -> dict[str, str]:
    """Code prefix -> CAMEO code of an act announced as `shift` ("intent", "refusal", "threat"), from
    `data/code-shifts.tsv`."""
    return {row["from"]: row["to"] for row in table_rows("code-shifts.tsv") if row["shift"] == shift}


def event_nouns() -> dict[str, tuple[str, str | None]]:
    """Noun -> (code, reverse code) of the nouns that report an event, from `data/event-nouns.tsv`."""
    return {row["noun"]: (row["code"], None if row["reverse"] == "-" else row["reverse"])
            for row in table_rows("event-nouns.tsv")}


def resolution_trust() -> dict[str, float]:
    """An actor mention's `how` -> the share of confidence its event keeps, from `data/resolution-trust.tsv`."""
    return {row["how"]: float(row["trust"]) for row in table_rows("resolution-trust.tsv")}


def reset_caches() -> None:
    """Forget the loaded word tables."""
    speech_verbs.cache_clear()
    table_rows.cache_clear()
