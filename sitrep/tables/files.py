"""Where the shipped tables live: `sitrep/data/`, found from this file, whatever the working directory.

`importlib.resources.files("sitrep")` resolves to a namespace path when the working directory holds a
folder named ``sitrep`` (a clone beside an editable install), and its ``joinpath`` then fails; the
package's own location never does.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATA_DIR", "data_text"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
"""The folder of the shipped tables (`cameo.tsv`, `verbs.tsv`, `actors/*.tsv`)."""


def data_text(*parts: str) -> str:
    """The text of a shipped table, e.g. ``data_text("actors", "people.tsv")``."""
    return DATA_DIR.joinpath(*parts).read_text(encoding="utf-8")
