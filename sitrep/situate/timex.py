"""Time expressions as written -> ISO values, anchored on a date: the parse-free half of `sitrep.dates`.

The patterns find weekdays, "yesterday", "last week", month names, dates with and without a year,
years and "N units ago" in plain text; `resolve_match` turns one into a value and a precision given
the anchor (the publication date) and the tense of its clause, which `sitrep.dates` reads from the
parse. Kept apart so the rules can be read, and tested, without spaCy.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

__all__ = ["matches", "resolve_match", "parse_published", "interval", "expression_type"]

# --- the expressions -------------------------------------------------------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip

_WD = "|".join(_WEEKDAYS)
_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = r"(?:\d{1,3}|" + "|".join(_NUMBERS) + ")"
_I = "(?i:{})"  # case-insensitive group for function words; month and weekday names stay capitalised

# What every match of a pattern contains, to skip the pattern on a text without it (most sentences
# hold no time expression, and each pattern with an optional lead-in is tried at every position).
# A gate must be implied by the pattern: a text it rejects holds no match.
_MONTH_WORD = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")  # month names are capitalised
_WEEKDAY_WORD = re.compile("day")  # every weekday name ends in it (capitalised: "Monday")
_DIGIT = re.compile(r"\d")
_DEICTIC_WORD = re.compile("(?i:today|tonight|yesterday|tomorrow|night|this)")
_DAY_WORD = re.compile("(?i:day)")
_UNIT_WORD = re.compile("(?i:week|month|year)")
_AGO_WORD = re.compile("(?i:ago)")

# (type, pattern, gate): tried in this order; at one position the longest match wins.
_PATTERNS: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = [
    (
        "explicit_date",
        re.compile(
            rf"(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAY})(?!\d)(?:,?\s+(?P<year>{_YEAR}))?(?!\d)"
        ),
        _MONTH_WORD,
    ),
    (
        "explicit_date",
        re.compile(
            rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?<!\d)(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?(?!\d)"
        ),
        _MONTH_WORD,
    ),
    ("explicit_date", re.compile(rf"(?<![\d/-])(?P<year>{_YEAR})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d/-])"), _DIGIT),
    (
        "explicit_date",
        re.compile(r"(?<![\d/.])(?P<mnum>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<yy>\d{4}|\d\d)(?![\d/])"),
        _DIGIT,
    ),
    ("month_year", re.compile(rf"(?P<mod>{_I.format('early|late|mid-?|the end of|the middle of')}\s*)?(?P<mon>{_FULL_MONTH}|{_ABBR_MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\d)"), _MONTH_WORD),
    (
        "weekday",
        re.compile(
            rf"(?P<wd>{_WD})(?:\s+(?i:morning|afternoon|evening|night))?\s+(?:of\s+)?(?P<rel>{_I.format('last|this|next')})\s+{_I.format('week')}"
        ),
        _WEEKDAY_WORD,
    ),
    (
        "weekday",
        re.compile(
            rf"(?:(?P<rel>{_I.format('last|next|this coming|this|coming|early|late|on')})\s+)?(?P<wd>{_WD})(?:\s+(?i:morning|afternoon|evening|night))?(?![-\w])"
        ),
        _WEEKDAY_WORD,
    ),
    (
        "deictic_day",
        re.compile(
            r"(?i:\b(?:(?:early|late)\s+)?(?P<word>today|tonight|yesterday|tomorrow|last\s+night)"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b|\bthis\s+(?P<part>morning|afternoon|evening)\b)"
        ),
        _DEICTIC_WORD,
    ),
    (
        "relative_day",
        re.compile(
            r"(?i:\b(?:the\s+(?P<dir1>previous|preceding|next|following)\s+day|the\s+day\s+(?P<dir2>before|after)"
            r"(?!\s+(?:the|a|his|her|its|their|[A-Z0-9]))|a\s+day\s+(?P<dir3>earlier|later|before|after)(?!\s+(?:the|a|[A-Z0-9])))\b)"
        ),
        _DAY_WORD,
    ),
    (
        "last_next_unit",
        re.compile(
            r"(?i:\b(?P<mod>(?:earlier|later|early|late|mid-?|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)\s*)?"
            r"(?P<rel>last|this|next|previous|following)\s+(?P<unit>week|weekend|month|year)\b)"
        ),
        _UNIT_WORD,
    ),
    ("ago", re.compile(rf"(?i:\b(?P<num>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+ago\b)"), _AGO_WORD),
    (
        "month_name",
        re.compile(
            rf"(?:(?P<prep>{_I.format('in|since|by|until|till|during|before|after|from|through|of|to|early|late|mid-?|last|next|this|the end of|the middle of|the beginning of|the start of')})\s+|(?P<dash>mid-))?(?P<mon>{_FULL_MONTH})(?![-\w])"
        ),
        _MONTH_WORD,
    ),
    (
        "year",
        re.compile(
            rf"(?:(?P<prep>{_I.format('in|since|by|until|till|during|before|after|from|through|of|to|the|early|late|mid-?|fiscal|year|the end of|the start of')})\s+|(?P<dash>mid-))?(?<![\d$£€.,/-])(?P<year>{_YEAR})(?![\d%]|,\d|\.\d|\s*(?:%|percent)|'?s\b)"
        ),
        _DIGIT,
    ),
]

def expression_type(text: str) -> str | None:
    """The kind of time expression `text` is ("weekday", "month_name", ...), or None if none matches."""
    found = matches(text.strip())
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(text.strip()):
        return found[0][2]
    return None


def matches(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every time expression in `text` as (start, end, type, match); overlaps go to the longest."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    present: dict[re.Pattern[str], bool] = {}
    for rank, (kind, pattern, gate) in enumerate(_PATTERNS):
        if gate not in present:
            present[gate] = gate.search(text) is not None
        if not present[gate]:
            continue
        for m in pattern.finditer(text):
            found.append((rank, m.start(), m.end(), kind, m))
    kept: list[tuple[int, int, str, re.Match[str]]] = []
    # the more specific pattern wins an overlap ("from May 12" is a day, not "from May"), then the longer
    for _, start, end, kind, m in sorted(found, key=lambda f: (f[0], -(f[2] - f[1]))):
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end, kind, m))
    return sorted(kept, key=lambda f: f[0])


# --- resolution ------------------------------------------------------------------------------------


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _pick(candidates: list[date], anchor: date, tense: str) -> date | None:
    """Choose among candidate dates by tense.

    Past -> the latest on or before `anchor`; future -> the first on or after it. Otherwise news
    leans to the past: the coming one only when it is nearer and at most four months ahead
    ("in December" in a November paper; "in March" in an October paper is the March gone by).
    """
    before = [c for c in candidates if c <= anchor]
    after = [c for c in candidates if c >= anchor]
    latest = max(before) if before else None
    coming = min(after) if after else None
    if tense == "past":
        return latest
    if tense == "future":
        return coming
    if coming is not None and (latest is None or ((coming - anchor) < (anchor - latest) and (coming - anchor).days <= 123)):
        return coming
    return latest


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_absolute(text: str) -> date | None:
    """A full calendar date ("Wednesday, June 19, 2024", "19 June 2024") parsed by dateparser.

    Only complete dates go to dateparser: its own relative-date handling anchors on today, not on
    the article's publication date, so relative expressions stay with sitrep's rules.
    """
    import dateparser  # lazily: its import costs about half a second

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _resolve_explicit(
    groups: dict[str, Any], text: str, anchor: date | None, tense: str
) -> tuple[str | None, str]:
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["mon"].rstrip(".")]
    day = int(re.match(r"\d+", groups["day"]).group(0))  # type: ignore[union-attr]
    if groups.get("yy"):
        yy = groups["yy"]
        year = int(yy) if len(yy) == 4 else (1900 + int(yy) if int(yy) > 40 else 2000 + int(yy))
        found = _safe_date(year, month, day)
    elif groups.get("year"):
        found = _parse_absolute(text) or _safe_date(int(groups["year"]), month, day)
    else:
        if anchor is None:
            return None, "unknown"
        candidates = [
            c for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (c := _safe_date(y, month, day))
        ]
        found = _pick(candidates, anchor, tense) if candidates else None
    return (found.isoformat(), "day") if found else (None, "unknown")


def _resolve_month_year(
    groups: dict[str, Any], text: str, anchor: date | None, tense: str
) -> tuple[str | None, str]:
    return _month_value(int(groups["year"]), _MONTHS[groups["mon"].rstrip(".")]), "month"


def _resolve_year(
    groups: dict[str, Any], text: str, anchor: date | None, tense: str
) -> tuple[str | None, str]:
    return groups["year"], "year"


def _resolve_deictic(groups: dict[str, Any], anchor: date, tense: str) -> tuple[str, str]:
    word = (groups.get("word") or "today").lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, -1 if word.startswith("last") else 0)
    return (anchor + timedelta(days=offset)).isoformat(), "day"


def _resolve_relative_day(groups: dict[str, Any], anchor: date, tense: str) -> tuple[str, str]:
    direction = (groups.get("dir1") or groups.get("dir2") or groups.get("dir3") or "").lower()
    offset = -1 if direction in {"previous", "preceding", "before", "earlier"} else 1
    return (anchor + timedelta(days=offset)).isoformat(), "day"


def _weekend(anchor: date, delta: int, tense: str) -> date:
    """The Saturday of last/this/next weekend."""
    saturday = anchor + timedelta(days=5 - anchor.weekday())  # this ISO week's Saturday
    if delta < 0 or (delta == 0 and tense == "past" and saturday > anchor):
        return saturday - timedelta(weeks=1)
    if delta > 0:
        return saturday + timedelta(weeks=1)
    return saturday


def _resolve_last_next(groups: dict[str, Any], anchor: date, tense: str) -> tuple[str, str]:
    delta = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}[groups["rel"].lower()]
    unit = groups["unit"].lower()
    if unit == "week":
        return _iso_week(anchor + timedelta(weeks=delta)), "week"
    if unit == "weekend":
        return _iso_week(_weekend(anchor, delta, tense)), "week"
    if unit == "month":
        return _month_value(*_shift_month(anchor.year, anchor.month, delta)), "month"
    return f"{anchor.year + delta:04d}", "year"


def _resolve_ago(groups: dict[str, Any], anchor: date, tense: str) -> tuple[str, str]:
    number = groups["num"].lower()
    count = int(number) if number.isdigit() else _NUMBERS[number]
    unit = groups["unit"].lower()
    if unit == "day":
        return (anchor - timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        return _iso_week(anchor - timedelta(weeks=count)), "week"
    if unit == "month":
        return _month_value(*_shift_month(anchor.year, anchor.month, -count)), "month"
    return f"{anchor.year - count:04d}", "year"


def _resolve_month_name(groups: dict[str, Any], anchor: date, tense: str) -> tuple[str, str]:
    month = _MONTHS[groups["mon"]]
    prep = (groups.get("prep") or "").lower()
    if prep == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif prep == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif prep == "this":
        year = anchor.year
    else:
        candidates = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        picked = _pick(candidates, anchor.replace(day=1), tense)
        year = picked.year if picked else anchor.year
    return _month_value(year, month), "month"


_Resolver = Callable[[dict[str, Any], str, "date | None", str], tuple["str | None", str]]
_AnchoredResolver = Callable[[dict[str, Any], date, str], tuple[str, str]]

_SELF_CONTAINED: dict[str, _Resolver] = {
    "explicit_date": _resolve_explicit,
    "month_year": _resolve_month_year,
    "year": _resolve_year,
}
"""Expressions that may carry their own year: they resolve with or without an anchor."""

_ANCHORED: dict[str, _AnchoredResolver] = {
    "deictic_day": _resolve_deictic,
    "relative_day": _resolve_relative_day,
    "last_next_unit": _resolve_last_next,
    "ago": _resolve_ago,
    "month_name": _resolve_month_name,
}
"""Expressions that only mean something from a publication date ("yesterday", "last month")."""


def _resolve_kind(kind: str, m: re.Match[str], anchor: date | None, tense: str) -> tuple[str | None, str]:
    groups = m.groupdict()
    if kind in _SELF_CONTAINED:
        return _SELF_CONTAINED[kind](groups, m.group(0), anchor, tense)
    if kind != "weekday" and kind not in _ANCHORED:
        raise ValueError(f"unknown expression type {kind!r} for {m.group(0)!r}")
    if anchor is None:
        return None, "unknown"
    if kind == "weekday":
        return _resolve_weekday(groups, anchor, tense)
    return _ANCHORED[kind](groups, anchor, tense)


def _resolve_weekday(groups: dict[str, Any], anchor: date, tense: str) -> tuple[str, str]:
    target = _WEEKDAYS.index(groups["wd"])
    rel = (groups.get("rel") or "").lower().replace("this coming", "coming")
    back = (anchor.weekday() - target) % 7  # days back to the latest such weekday on/before anchor
    ahead = (target - anchor.weekday()) % 7
    if rel == "last":
        found = anchor - timedelta(days=back or 7)
    elif rel == "next":
        found = anchor + timedelta(days=ahead or 7)
    elif rel == "this":
        found = anchor + timedelta(days=target - anchor.weekday())
    elif rel == "coming" or tense in {"future", "present", "intended"}:
        found = anchor + timedelta(days=ahead)
    else:
        found = anchor - timedelta(days=back)
    return found.isoformat(), "day"


def _resolve_weekday_of_week(groups: dict[str, Any], anchor: date) -> tuple[str, str]:
    delta = {"last": -1, "this": 0, "next": 1}[groups["rel"].lower()]
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=delta)
    return (monday + timedelta(days=_WEEKDAYS.index(groups["wd"]))).isoformat(), "day"


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve_match(kind: str, m: re.Match[str], anchor: date | None, tense: str) -> tuple[str | None, str]:
    if kind == "weekday" and "week" in m.group(0)[len(m.group("wd")) :].lower():
        if anchor is None:
            return None, "unknown"
        return _resolve_weekday_of_week(m.groupdict(), anchor)
    return _resolve_kind(kind, m, anchor, tense)


def interval(value: str) -> tuple[date, date]:
    """First and last day covered by a value: "2024-W25" -> (2024-06-17, 2024-06-23); "2019" -> the year."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return day, day
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m.group(1)), int(m.group(2))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    raise ValueError(f"not a date value sitrep writes: {value!r} (expected YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY)")
