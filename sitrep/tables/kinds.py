"""Plain-word event kinds ("criticism", "threat") and the CAMEO code prefixes each means.

The table is `sitrep/data/kinds.tsv` (its header documents it). A filter on a kind is a filter on
its code prefixes, so `kind="criticism"` is `code LIKE '11%'`.

>>> codes_for("criticism")        # doctest: +SKIP
('11',)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from ..errors import SitrepError
from .files import data_text

__all__ = ["Kind", "codes_for", "kinds", "reset_caches"]

_COLUMNS = ("kind", "codes", "meaning")


@dataclass(frozen=True)
class Kind:
    """One plain word, the CAMEO code prefixes it stands for, and what it covers."""

    kind: str
    codes: tuple[str, ...]
    meaning: str


@lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    """Every kind in table order, keyed by its word."""
    lines = [line for line in data_text("kinds.tsv").splitlines() if line and line[0] != "#"]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    if tuple(header) != _COLUMNS:
        raise SitrepError(f"sitrep/data/kinds.tsv has header {header}, expected {list(_COLUMNS)}")
    return {row[0]: Kind(row[0], tuple(c.strip() for c in row[1].split(",")), row[2]) for row in reader}


def codes_for(kind: str) -> tuple[str, ...]:
    """The CAMEO code prefixes of a kind (case-insensitive); a `SitrepError` naming the kinds otherwise."""
    found = kinds().get(kind.strip().lower())
    if found is None:
        raise SitrepError(f"unknown kind {kind!r}; use one of: {', '.join(kinds())}")
    return found.codes


def reset_caches() -> None:
    """Forget the loaded table."""
    kinds.cache_clear()
