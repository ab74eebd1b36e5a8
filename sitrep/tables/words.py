"""Word tables the stages share, read once from `sitrep/data/` (one list, not a copy per stage)."""

from __future__ import annotations

from functools import lru_cache

from .files import data_text

__all__ = ["reset_caches", "speech_verbs"]


@lru_cache(maxsize=None)
def speech_verbs(use: str) -> frozenset[str]:
    """The lemmas of `data/speech-verbs.tsv` marked for `use`: "report" (verbs that introduce reported
    speech, read by the actor stage and the coder) or "cue" (quote cues, read by the quote stage)."""
    rows = [line.split("\t") for line in data_text("speech-verbs.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    column = header.index(use)
    return frozenset(row[0] for row in body if row[column] == "yes")


def reset_caches() -> None:
    """Forget the loaded word tables."""
    speech_verbs.cache_clear()
