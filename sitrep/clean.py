"""Clean raw article text: blank out outlet debris, keep captions apart, never move an offset.

Debris (outlet headers, repeated titles, photo credits, "Source: TSF") is replaced by spaces of the
same length, so the cleaned text has exactly the raw text's character offsets: every span sitrep stores
points into the raw article. Captions are blanked in the body too and returned as separate spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cleaned", "Removal", "clean"]


@dataclass(frozen=True, slots=True)
class Removal:
    """A stretch of raw text taken out of the body, and why (``debris`` or ``caption``)."""

    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The body text (same length as the raw text) and what was removed from it."""

    text: str
    removed: tuple[Removal, ...]

    @property
    def captions(self) -> tuple[Removal, ...]:
        return tuple(r for r in self.removed if r.kind == "caption")


_SOURCE_LINE = re.compile(r"^\s*(Source|Fonte|Fuente)\s*:\s*\S.{0,40}$", re.IGNORECASE)


def clean(text: str) -> Cleaned:
    """Blank the debris out of `text`; offsets into the result equal offsets into `text`."""
    removed: list[Removal] = []
    seen: set[str] = set()
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        key = line.strip()
        kind = None
        if _SOURCE_LINE.match(line):
            kind = "debris"
        elif key in seen and len(key) > 20:
            kind = "debris"  # a repeated title line
        seen.add(key)
        if kind:
            removed.append(Removal(match.start(), match.end(), kind, line))
    chars = list(text)
    for removal in removed:
        chars[removal.start : removal.end] = " " * (removal.end - removal.start)
    return Cleaned(text="".join(chars), removed=tuple(removed))
