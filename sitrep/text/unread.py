"""Files in the folders given to an ingest that sitrep does not read, so the user hears about them.

A folder of TimeML (``.tml``), XML or PDF files otherwise ingests nothing without a word: `iter_articles`
reads only text, HTML and JSONL files and passes over the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .read import _HTML_SUFFIXES, _JSONL_SUFFIXES, _SIDECAR, _TEXT_SUFFIXES

__all__ = ["READABLE_SUFFIXES", "unread_files"]

READABLE_SUFFIXES = frozenset(_TEXT_SUFFIXES | _HTML_SUFFIXES | _JSONL_SUFFIXES)
"""The file suffixes a folder ingest reads."""


def unread_files(paths: Iterable[str | Path]) -> Counter[str]:
    """How many files of each suffix below the folders in `paths` an ingest passes over.

    >>> unread_files(["timebank/"])            # doctest: +SKIP
    Counter({'.tml': 143})
    """
    counts: Counter[str] = Counter()
    for raw in paths:
        folder = Path(raw)
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.is_file() and not path.name.startswith(".") and path.name != _SIDECAR \
                    and path.suffix.lower() not in READABLE_SUFFIXES:
                counts[path.suffix.lower() or "(no suffix)"] += 1
    return counts
