"""Plain-word event kinds ("criticism", "threat") and the CAMEO code prefixes each means.

The table is `sitrep/data/kinds.tsv` (its header documents it). A filter on a kind is a filter on
its code prefixes, so `kind="criticism"` is `code LIKE '11%'`.

>>> codes_for("criticism")        # doctest: +SKIP
('11',)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import SitrepError
from .files import table_rows

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
    rows = table_rows("kinds.tsv")
    if rows and tuple(rows[0]) != _COLUMNS:
        raise SitrepError(f"sitrep/data/kinds.tsv has header {list(rows[0])}, expected {list(_COLUMNS)}")
    return {row["kind"]: Kind(row["kind"], tuple(c.strip() for c in row["codes"].split(",")), row["meaning"])
            for row in rows}


def codes_for(kind: str) -> tuple[str, ...]:
    """The CAMEO code prefixes of a kind (case-insensitive); a `SitrepError` naming the kinds otherwise."""
    found = kinds().get(kind.strip().lower())
    if found is None:
        raise SitrepError(f"unknown kind {kind!r}; use one of: {', '.join(kinds())}")
    return found.codes


def reset_caches() -> None:
    """Forget the loaded table."""
    kinds.cache_clear()
