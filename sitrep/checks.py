"""Checks of query arguments shared by the API, the CLI and the web layer: a bad argument is a
`UsageError` that names the argument and the form it takes, never a database traceback.

>>> parse_dyad("usa, prk")
('USA', 'PRK')
"""

from __future__ import annotations

from datetime import date

from .errors import UsageError

__all__ = ["parse_dyad", "check_count", "check_date", "check_confidence"]


def parse_dyad(text: str | None) -> tuple[str, str] | None:
    """"SOURCE,TARGET" as a pair of upper-case code prefixes (",PRK": any source against PRK); None when
    not given."""
    if text is None:
        return None
    parts = [part.strip().upper() for part in text.split(",")]
    if len(parts) != 2 or not any(parts):
        raise UsageError(f"dyad {text!r} should be SOURCE,TARGET code prefixes, e.g. USA,PRK (or ,PRK for any source)")
    return parts[0], parts[1]


def check_count(value: int | None, name: str, *, minimum: int = 0) -> int | None:
    """A row count or offset: an integer of at least `minimum` (None passes: not given)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise UsageError(f"{name} must be a whole number of at least {minimum}, not {value!r}")
    return value


def check_date(value: str | None, name: str) -> str | None:
    """A YYYY-MM-DD date (a longer ISO time keeps its date); None passes."""
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise UsageError(f"{name} {value!r} is not a date; use YYYY-MM-DD, e.g. 2024-06-24") from None


def check_confidence(value: float, name: str = "min_confidence") -> float:
    """A confidence between 0 and 1."""
    if not 0.0 <= value <= 1.0:
        raise UsageError(f"{name} must be between 0 and 1, not {value!r}")
    return value
