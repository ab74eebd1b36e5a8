"""When did it happen? Time expressions in news text -> calendar dates anchored on the publication date.

GDELT and ICEWS date an event by its article; an analyst needs the day the event happened. In an
article published Thursday 2023-09-14, "met on Wednesday" is 2023-09-13; in one of 2024-06-24,
"hosted Putin in Beijing in May" is 2024-05 and "in June 2019" is background.

Each expression resolves to a `When`: an ISO value and its precision.

=============  ==================  =====================================================
precision      value               example
=============  ==================  =====================================================
``day``        ``YYYY-MM-DD``      "on Wednesday", "yesterday", "June 19, 2024"
``week``       ``YYYY-Www``        "last week" (ISO 8601 week, Monday first, as TimeML)
``month``      ``YYYY-MM``         "in May", "last month", "in June 2019"
``year``       ``YYYY``            "in 2019", "last year"
``publication````YYYY-MM-DD``      nothing in the text dated the event: the article's date
``unknown``    ``None``            relative text but no publication date to anchor it on
=============  ==================  =====================================================

Weeks are ISO weeks ("2024-W25" is Monday 2024-06-17 to Sunday 2024-06-23), the form TimeBank uses,
so a week compares exactly; `interval()` turns any value into its first and last day.

Anchoring rules (ours, tested in tests/test_dates.py):

- A bare weekday is the most recent such day on or before publication ("on Thursday" in a Thursday
  paper is that day) unless its clause is future ("will", "is due to", "is scheduled to", "plans to",
  a present progressive): then the next such day on or after publication. "last Friday" is strictly
  before, "next Friday" strictly after, "Friday of last week" that day of the previous ISO week.
- A month name without a year is the latest such month not after publication in a past clause, the
  next one not before it in a future clause, the nearest one otherwise; likewise a day and month.
- "last week/month/year", "earlier this month", "the previous day", "N days ago" count from the
  publication date (a narrative's own reference time is not tracked).

`event_date()` picks an event's date: a time expression of the event's own clause, then one of a
clause above it in its sentence (the reporting verb's "said on Tuesday"), then the nearest date of
the context the caller passes, and only then the publication date (precision ``publication``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

__all__ = [
    "When",
    "PRECISIONS",
    "find_dates",
    "event_date",
    "is_historical",
    "resolve",
    "interval",
    "expression_type",
]

PRECISIONS = ("day", "week", "month", "year", "publication", "unknown")
"""Every precision a `When` can carry, finest first."""


@dataclass(frozen=True, slots=True)
class When:
    """A resolved time expression (or the publication date standing in for one).

    `text` is the expression as written, None when the value was taken from the publication date;
    `start`/`end` are character offsets into ``doc.text``.
    """

    value: str | None
    precision: str
    text: str | None
    start: int | None = None
    end: int | None = None


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

# (type, pattern): tried in this order; at one position the longest match wins.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "explicit_date",
        re.compile(
            rf"(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAY})(?!\d)(?:,?\s+(?P<year>{_YEAR}))?(?!\d)"
        ),
    ),
    (
        "explicit_date",
        re.compile(
            rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?<!\d)(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?(?!\d)"
        ),
    ),
    ("explicit_date", re.compile(rf"(?<![\d/-])(?P<year>{_YEAR})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d/-])")),
    (
        "explicit_date",
        re.compile(r"(?<![\d/.])(?P<mnum>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<yy>\d{4}|\d\d)(?![\d/])"),
    ),
    ("month_year", re.compile(rf"(?P<mod>{_I.format('early|late|mid-?|the end of|the middle of')}\s*)?(?P<mon>{_FULL_MONTH}|{_ABBR_MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\d)")),
    (
        "weekday",
        re.compile(
            rf"(?P<wd>{_WD})(?:\s+(?i:morning|afternoon|evening|night))?\s+(?:of\s+)?(?P<rel>{_I.format('last|this|next')})\s+{_I.format('week')}"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"(?:(?P<rel>{_I.format('last|next|this coming|this|coming|early|late|on')})\s+)?(?P<wd>{_WD})(?:\s+(?i:morning|afternoon|evening|night))?(?![-\w])"
        ),
    ),
    (
        "deictic_day",
        re.compile(
            r"(?i:\b(?:(?:early|late)\s+)?(?P<word>today|tonight|yesterday|tomorrow|last\s+night)"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b|\bthis\s+(?P<part>morning|afternoon|evening)\b)"
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"(?i:\b(?:the\s+(?P<dir1>previous|preceding|next|following)\s+day|the\s+day\s+(?P<dir2>before|after)"
            r"(?!\s+(?:the|a|his|her|its|their|[A-Z0-9]))|a\s+day\s+(?P<dir3>earlier|later|before|after)(?!\s+(?:the|a|[A-Z0-9])))\b)"
        ),
    ),
    (
        "last_next_unit",
        re.compile(
            r"(?i:\b(?P<mod>(?:earlier|later|early|late|mid-?|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)\s*)?"
            r"(?P<rel>last|this|next|previous|following)\s+(?P<unit>week|weekend|month|year)\b)"
        ),
    ),
    ("ago", re.compile(rf"(?i:\b(?P<num>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+ago\b)")),
    (
        "month_name",
        re.compile(
            rf"(?:(?P<prep>{_I.format('in|since|by|until|till|during|before|after|from|through|of|to|early|late|mid-?|last|next|this|the end of|the middle of|the beginning of|the start of')})\s+|(?P<dash>mid-))?(?P<mon>{_FULL_MONTH})(?![-\w])"
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?:(?P<prep>{_I.format('in|since|by|until|till|during|before|after|from|through|of|to|the|early|late|mid-?|fiscal|year|the end of|the start of')})\s+|(?P<dash>mid-))?(?<![\d$£€.,/-])(?P<year>{_YEAR})(?![\d%]|,\d|\.\d|\s*(?:%|percent)|'?s\b)"
        ),
    ),
]

_FUTURE_HEADS = {
    "schedule", "due", "expect", "plan", "set", "go", "intend", "prepare", "slate", "aim", "hope", "want",
    "agree", "decide", "promise", "pledge", "vow", "threaten", "propose", "offer", "seek", "try", "wish",
}  # fmt: skip
_NOT_EVENT_TIME = {"since", "until", "till", "before", "after", "by", "through", "from", "to"}


def expression_type(text: str) -> str | None:
    """The kind of time expression `text` is ("weekday", "month_name", ...), or None if none matches."""
    found = _matches(text.strip())
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(text.strip()):
        return found[0][2]
    return None


def _matches(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every time expression in `text` as (start, end, type, match); overlaps go to the longest."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for rank, (kind, pattern) in enumerate(_PATTERNS):
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


def _resolve_match(kind: str, m: re.Match[str], anchor: date | None, tense: str) -> tuple[str | None, str]:
    groups = m.groupdict()
    text = m.group(0)
    if kind == "explicit_date":
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["mon"].rstrip(".")]
        day = int(re.match(r"\d+", groups["day"]).group(0))  # type: ignore[union-attr]
        if groups.get("yy"):
            yy = groups["yy"]
            year = int(yy) if len(yy) == 4 else (1900 + int(yy) if int(yy) > 40 else 2000 + int(yy))
            found = _safe_date(year, month, day)
        elif groups.get("year"):
            found = _safe_date(int(groups["year"]), month, day)
        else:
            if anchor is None:
                return None, "unknown"
            candidates = [c for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (c := _safe_date(y, month, day))]
            found = _pick(candidates, anchor, tense) if candidates else None
        return (found.isoformat(), "day") if found else (None, "unknown")
    if kind == "month_year":
        return _month_value(int(groups["year"]), _MONTHS[groups["mon"].rstrip(".")]), "month"
    if kind == "year":
        return groups["year"], "year"
    if anchor is None:
        return None, "unknown"
    if kind == "weekday":
        return _resolve_weekday(groups, anchor, tense)
    if kind == "deictic_day":
        word = (groups.get("word") or "today").lower()
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, -1 if word.startswith("last") else 0)
        return (anchor + timedelta(days=offset)).isoformat(), "day"
    if kind == "relative_day":
        direction = (groups.get("dir1") or groups.get("dir2") or groups.get("dir3") or "").lower()
        offset = -1 if direction in {"previous", "preceding", "before", "earlier"} else 1
        return (anchor + timedelta(days=offset)).isoformat(), "day"
    if kind == "last_next_unit":
        rel = groups["rel"].lower()
        delta = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}[rel]
        unit = groups["unit"].lower()
        if unit == "week":
            return _iso_week(anchor + timedelta(weeks=delta)), "week"
        if unit == "weekend":
            saturday = anchor + timedelta(days=5 - anchor.weekday())  # this ISO week's Saturday
            if delta < 0 or (delta == 0 and tense == "past" and saturday > anchor):
                saturday -= timedelta(weeks=1)
            elif delta > 0:
                saturday += timedelta(weeks=1)
            return _iso_week(saturday), "week"
        if unit == "month":
            return _month_value(*_shift_month(anchor.year, anchor.month, delta)), "month"
        return f"{anchor.year + delta:04d}", "year"
    if kind == "ago":
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
    if kind == "month_name":
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
    raise ValueError(f"unknown expression type {kind!r} for {text!r}")


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


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve(text: str, *, published: str | None, tense: str = "unknown") -> When | None:
    """Resolve one time expression written alone (no parse): `tense` is "past", "future" or "unknown".

    >>> resolve("on Wednesday", published="2023-09-14", tense="past").value
    '2023-09-13'
    """
    for start, end, kind, m in _matches(text):
        if start == 0 or not text[:start].strip():
            value, precision = _resolve_any(kind, m, _parse_published(published), tense)
            return When(value, precision, m.group(0), start, end)
    return None


def _resolve_any(kind: str, m: re.Match[str], anchor: date | None, tense: str) -> tuple[str | None, str]:
    if kind == "weekday" and "week" in m.group(0)[len(m.group("wd")) :].lower():
        if anchor is None:
            return None, "unknown"
        return _resolve_weekday_of_week(m.groupdict(), anchor)
    return _resolve_match(kind, m, anchor, tense)


# --- tense and clauses from the parse --------------------------------------------------------------


def _is_verbal(token: Any) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB") or token.tag_ == "MD"


def _predicate(tokens: Sequence[Any]) -> Any | None:
    """The verb that governs a time expression: the first verbal ancestor outside the expression."""
    inside = {t.i for t in tokens}
    token = tokens[0]
    for candidate in tokens:  # the expression's own root (the token whose head is outside it)
        if candidate.head.i not in inside or candidate.head.i == candidate.i:
            token = candidate
            break
    while token.head.i != token.i:
        token = token.head
        if token.i not in inside and _is_verbal(token) and token.dep_ != "aux":
            return token
    return token if _is_verbal(token) and token.i not in inside else None


def clause_tense(verb: Any) -> str:
    """"past", "present", "future", "intended" or "unknown" for the clause of `verb` (a spaCy token).

    Future: "will/shall/'ll meet", "is to meet", "is going to meet", "is meeting" (a present
    progressive with a date is an arrangement), an infinitive under a verb of intention or schedule
    ("agreed to meet", "is due to visit", "plans to travel") and an infinitive modifying a noun
    ("guidelines to be published"). Past: past tense, perfects, a bare past participle ("the accord
    signed on Wednesday"). Present: a finite present ("meets", "says"). Intended: an infinitive under a
    past verb of intention ("agreed to meet"): weekdays go forward, months to the nearest. Anything
    else is unknown.
    """
    if verb is None:
        return "unknown"
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    has_to = "to" in words
    if words & {"will", "shall", "'ll", "wo", "ll"}:
        return "future"
    if words & {"have", "has", "had", "'ve"} and verb.tag_ == "VBN" and not words & {"been"}:
        return "past"  # perfects, "could have met", "to have met"
    if words & _MODALS:
        return "future"  # "could meet on Monday", "said he would travel on Monday"
    if has_to and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        head = verb.head
        if head.lemma_.lower() in _FUTURE_HEADS and not (head.lemma_.lower() == "go" and head.tag_ != "VBG"):
            # "agreed to meet on Friday": the coming Friday; but "agreed to purchase it in February"
            # may be long done, so a past intention leaves months to the nearest
            return "intended" if clause_tense(head) == "past" else "future"
        if head.lemma_.lower() == "be":  # "is to meet"
            return "future"
        return clause_tense(head)
    if has_to and verb.dep_ in {"acl", "relcl"}:
        return "future"
    if has_to and verb.dep_ == "advcl" and verb.head.i != verb.i:
        return clause_tense(verb.head)  # "went to Paris to meet Macron on Monday"
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return "future"
    if verb.tag_ == "VBD" or words & {"had", "was", "were", "did", "has", "have", "'ve", "'d"}:
        return "past"
    if verb.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in {"NN", "NNP"} for c in verb.children):
        return "past"  # "Weakness ... hurt the index": a singular subject makes "hurt", "cut", "set" past
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in {"acl", "relcl", "advcl", "amod"}:
        return "past"
    if verb.tag_ in {"VBZ", "VBP"} or words & {"is", "are", "am", "does", "do"}:
        return "present"
    return "unknown"


_MODALS = {"would", "could", "might", "may", "should", "can", "must", "'d"}
_SCHEDULE = {"schedule", "slate", "set", "plan", "reschedule", "postpone", "fix", "due"}
_REPORTING = {"say", "tell", "report", "announce", "state", "add", "note", "claim", "quote", "confirm"}
_DIRECT_DEPS = {"npadvmod", "tmod", "advmod", "obl", "nmod:tmod", "conj", "appos"}
_OPEN_PREPS = {"until", "till", "through", "to", "by", "into"}


def _expression_tense(tokens: Sequence[Any]) -> str:
    """The tense that decides an expression: its clause's, if it hangs directly on the verb.

    "met on Wednesday", "met Wednesday", "held in May": the verb's tense. A date inside a noun
    phrase ("a June agreement", "payable Dec. 7") or after an open-ended preposition ("extended to
    Nov. 20", "until January") says nothing about the clause's time: "unknown", which picks the
    nearest date.
    """
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    head = root.head
    if head.i == root.i:
        return "unknown"
    prep = root if root.dep_ == "prep" else head if (root.dep_ == "pobj" and head.dep_ == "prep") else None
    if prep is not None:  # "in May", "through January", "on Wednesday"
        if prep.lower_ in _OPEN_PREPS:
            return "unknown"
        if prep.lower_ == "for" and prep.head.lemma_.lower() in _SCHEDULE:
            return "future"  # "scheduled for June 7", "postponed the trip set for June 7-14"
        if prep is head:
            head = head.head
    elif root.dep_ not in _DIRECT_DEPS and not root.dep_.startswith("prep"):
        return "unknown"
    if not _is_verbal(head) or head.dep_ == "aux":
        # inside a noun phrase ("take part in a meeting on Tuesday"): only a future clause tells
        return "future" if clause_tense(_predicate(tokens)) == "future" else "unknown"
    tense = clause_tense(head)
    if tense == "present" and head.lemma_.lower() in _REPORTING:
        return "past"  # "the ministry says Monday": a report is of today or before
    return tense


def _tokens(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _is_year_use(m: re.Match[str], tokens: Sequence[Any]) -> bool:
    """A four-digit number is a year unless the parse says it counts something ("1500 troops", "$2000")."""
    if m.group("prep") or m.group("dash"):
        return True
    number = next((t for t in tokens if t.like_num), None)
    if number is None:
        return False
    if number.ent_type_ == "DATE":
        return True
    if number.ent_type_ in {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}:
        return False
    return not (number.dep_ == "nummod" and number.head.tag_ in {"NNS", "NNPS"})


def find_dates(span: Any, *, published: str | None) -> list[When]:
    """Every time expression in a spaCy `Span` or `Doc`, resolved against `published` ("YYYY-MM-DD").

    The tense of the clause that governs each expression decides weekdays and bare months.

    >>> [w.value for w in find_dates(nlp()("They met on Wednesday."), published="2023-09-14")]
    ['2023-09-13']
    """
    doc = getattr(span, "doc", span)
    base = getattr(span, "start_char", 0)
    anchor = _parse_published(published)
    result: list[When] = []
    for start, end, kind, m in _matches(span.text):
        tokens = _tokens(doc, base + start, base + end)
        if kind == "year" and not _is_year_use(m, tokens):
            continue
        tense = _expression_tense(tokens) if tokens else "unknown"
        value, precision = _resolve_any(kind, m, anchor, tense)
        result.append(When(value, precision, m.group(0), base + start, base + end))
    return result


# --- the date of an event --------------------------------------------------------------------------


def _introducer(doc: Any, when: When) -> str:
    """The word before the expression or its first word ("since", "until"): those are not event times."""
    first = (when.text or "").split(" ", 1)[0].lower()
    if first in _NOT_EVENT_TIME:
        return first
    tokens = _tokens(doc, when.start or 0, when.end or 0)
    if tokens and tokens[0].i > 0:
        return doc[tokens[0].i - 1].lower_
    return ""


def _publication(published: str | None) -> When:
    anchor = _parse_published(published)
    if anchor is None:
        return When(None, "unknown", None)
    return When(anchor.isoformat(), "publication", None)


def event_date(verb: Any, *, published: str | None, context: Sequence[When] = ()) -> When:
    """The date of the event whose predicate is `verb` (a spaCy token).

    Stages:
      1. a time expression of the verb's own clause (or of an infinitive it governs: "agreed to meet
         on Friday");
      2. one of a clause above it in the sentence ("X, the agency reported Thursday": the report's
         day stands for the event's) or of the clause it is coordinated with;
      3. the context date nearest the verb (the caller passes, e.g., the previous sentences' dates or
         the dateline);
      4. the publication date, flagged with precision "publication" (or "unknown" without one).

    Expressions that bound rather than date ("since 2019", "until Friday", "by March") are skipped.
    """
    doc = verb.doc
    sentence = verb.sent
    whens = [w for w in find_dates(sentence, published=published) if w.value is not None]
    whens = [w for w in whens if _introducer(doc, w) not in _NOT_EVENT_TIME]
    ancestors = {a.i for a in verb.ancestors}
    own: list[When] = []
    above: list[When] = []
    for when in whens:
        tokens = _tokens(doc, when.start or 0, when.end or 0)
        if not tokens:
            continue
        predicate = _predicate(tokens)
        if predicate is None:
            continue
        if predicate.i == verb.i or _xcomp_of(predicate, verb):
            own.append(when)
        elif predicate.i in ancestors or (predicate.dep_ == "conj" and predicate.head.i == verb.i):
            above.append(when)
    # 1. own clause, 2. clauses above: the nearest expression wins
    for group in (own, above):
        if group:
            return min(group, key=lambda w: abs((w.start or 0) - verb.idx))
    # 3. context
    dated = [w for w in context if w.value is not None and w.precision not in {"publication", "unknown"}]
    if dated:
        if all(w.start is not None for w in dated):
            return min(dated, key=lambda w: abs((w.start or 0) - verb.idx))
        return dated[-1]
    # 4. publication
    return _publication(published)


def _xcomp_of(predicate: Any, verb: Any) -> bool:
    """True when `predicate` is an infinitive chained under `verb` by xcomp ("agreed to meet")."""
    token = predicate
    while token.dep_ == "xcomp" and token.head.i != token.i:
        token = token.head
        if token.i == verb.i:
            return True
    return False


# --- intervals and the historical flag -------------------------------------------------------------


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


def is_historical(when: When, *, published: str | None, days: int = 60) -> bool:
    """True when the event ended more than `days` days before publication: background, not news.

    Uses the last day the value covers, so "in 2024" in a paper of 2024-06-24 is not historical and
    "in June 2019" is. Publication-dated and unknown dates are never historical.
    """
    anchor = _parse_published(published)
    if anchor is None or when.value is None or when.precision in {"publication", "unknown"}:
        return False
    try:
        _, last = interval(when.value)
    except ValueError:
        return False
    return (anchor - last).days > days
