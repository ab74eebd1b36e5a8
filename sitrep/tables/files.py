"""Where the shipped tables live: `sitrep/data/`, found from this file, whatever the working directory.

`importlib.resources.files("sitrep")` resolves to a namespace path when the working directory holds a
folder named ``sitrep`` (a clone beside an editable install), and its ``joinpath`` then fails; the
package's own location never does.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["DATA_DIR", "data_text", "reset_caches", "table_rows"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
"""The folder of the shipped tables (`cameo.tsv`, `verbs.tsv`, `actors/*.tsv`)."""


def data_text(*parts: str) -> str:
    """The text of a shipped table, e.g. ``data_text("actors", "people.tsv")``."""
    return DATA_DIR.joinpath(*parts).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def table_rows(*parts: str) -> tuple[dict[str, str], ...]:
    """The rows of a tab-separated shipped table as dicts keyed by its header line; "#" lines are the
    table's documentation. Every row has the header's columns (a short row is an error in the table)."""
    lines = [line.split("\t") for line in data_text(*parts).splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0]
    return tuple(dict(zip(header, row, strict=True)) for row in lines[1:])


def reset_caches() -> None:
    """Forget the tables read through `table_rows`."""
    table_rows.cache_clear()
