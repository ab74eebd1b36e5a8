"""CAMEO event codes: names, Goldstein weights, QuadClass and the PLOVER type each code maps to.

The table is `sitrep/data/cameo.tsv` (GDELT's 311 codes plus seven CAMEO 1.1b3/PLOVER extras); its
header says where every column comes from and which mapping choices are sitrep's own. Codes are
strings because leading zeros carry meaning: "010" (make a statement) is not "10" (DEMAND).

Two-digit codes are CAMEO's root (cue) categories, listed as codes of their own as GDELT does, so
`lookup("10")` returns the DEMAND root with GDELT's root weight; "100" is the separate
"Demand, not specified below" code. A coder that only knows the root may emit either.

>>> lookup("190").plover_event
'ASSAULT'
>>> lookup("042").plover_mode
'visit'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from ..errors import SitrepError
from .files import data_text

__all__ = [
    "QUAD_CLASS_NAMES",
    "CameoCode",
    "UnknownCodeError",
    "codes",
    "is_valid",
    "lookup",
    "quad_class_for_root",
    "reset_caches",
    "root_name",
]

QUAD_CLASS_NAMES: dict[int, str] = {
    1: "Verbal Cooperation",
    2: "Material Cooperation",
    3: "Verbal Conflict",
    4: "Material Conflict",
}
"""GDELT's QuadClass names (read-only by convention; the convention itself is `quad_class_for_root`)."""

_COLUMNS = (
    "code",
    "name",
    "root",
    "goldstein",
    "quad_class",
    "plover_event",
    "plover_mode",
    "plover_context",
)


class UnknownCodeError(SitrepError, KeyError):
    """A string is not a CAMEO code in sitrep's table (also a KeyError, so mapping idioms work)."""

    def __str__(self) -> str:  # KeyError would wrap the message in quotes
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code with its weights and its PLOVER equivalent (None where PLOVER has none)."""

    code: str
    name: str
    root: str
    goldstein: float | None
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def is_root(self) -> bool:
        """True for the 20 two-digit cue categories ("01".."20")."""
        return len(self.code) == 2


def quad_class_for_root(root: str) -> int:
    """GDELT's QuadClass of a root: 1 for 01-05, 2 for 06-08, 3 for 09-13, 4 for 14-20.

    Phoenix/ICEWS quad and penta classes draw the edges differently (01-02, 14-16); sitrep uses GDELT's.
    """
    if len(root) != 2 or not root.isdigit() or not 1 <= int(root) <= 20:
        raise UnknownCodeError(f"{root!r} is not a CAMEO root; roots are the strings '01' to '20'")
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


def _optional(value: str) -> str | None:
    value = value.strip()
    return value or None


def _parse_row(row: list[str], line_number: int) -> CameoCode:
    if len(row) != len(_COLUMNS):
        raise SitrepError(
            f"sitrep/data/cameo.tsv line {line_number}: expected {len(_COLUMNS)} tab-separated columns, "
            f"found {len(row)}; the packaged table is damaged, reinstall sitrep"
        )
    code, name, root, goldstein, quad_class, event, mode, context = row
    return CameoCode(
        code=code,
        name=name,
        root=root,
        goldstein=float(goldstein) if goldstein.strip() else None,
        quad_class=int(quad_class),
        plover_event=_optional(event),
        plover_mode=_optional(mode),
        plover_context=_optional(context),
    )


@lru_cache(maxsize=1)
def _table() -> dict[str, CameoCode]:
    """The packaged table keyed by code, read once per process on first use."""
    text = data_text("cameo.tsv")
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line and line[0] != "#"]
    reader = csv.reader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    if tuple(header) != _COLUMNS:
        raise SitrepError(f"sitrep/data/cameo.tsv has header {header}, expected {list(_COLUMNS)}")
    table: dict[str, CameoCode] = {}
    for (number, _), row in zip(lines[1:], reader, strict=True):
        entry = _parse_row(row, number)
        table[entry.code] = entry
    return table


def codes() -> tuple[CameoCode, ...]:
    """Every code in table order (roots first within their family: "01", "010", "011", ...)."""
    return tuple(_table().values())


def is_valid(code: str) -> bool:
    """True if `code` is a CAMEO code in sitrep's table; ints and padded strings are not codes."""
    return isinstance(code, str) and code in _table()


def lookup(code: str) -> CameoCode:
    """The entry for one code; raises UnknownCodeError (a SitrepError and KeyError) for anything else.

    >>> lookup("10").name, lookup("100").name
    ('DEMAND', 'Demand, not specified below')
    """
    if not isinstance(code, str):
        raise UnknownCodeError(
            "CAMEO codes are strings with their leading zeros (e.g. '010'), "
            f"got {type(code).__name__} {code!r}"
        )
    try:
        return _table()[code]
    except KeyError:
        hint = ""
        if code.strip() != code:
            hint = "; strip the whitespace around it"
        elif code.isdigit() and "0" + code in _table():
            hint = f"; did you mean '0{code}' (leading zeros matter)?"
        raise UnknownCodeError(f"{code!r} is not a CAMEO code in sitrep's table{hint}") from None


def root_name(root: str) -> str:
    """Name of a root category, e.g. root_name("19") == "FIGHT"."""
    entry = _table().get(root) if isinstance(root, str) and len(root) == 2 else None
    if entry is None:
        raise UnknownCodeError(f"{root!r} is not a CAMEO root; roots are the strings '01' to '20'")
    return entry.name


def reset_caches() -> None:
    """Forget the loaded table (tests that patch the packaged file call this)."""
    _table.cache_clear()
