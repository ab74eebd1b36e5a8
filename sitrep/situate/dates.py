"""When did it happen? Time expressions in news text -> calendar dates anchored on the publication date.

GDELT and ICEWS date an event by its article; an analyst needs the day the event happened. In an
article published Thursday 2023-09-14, "met on Wednesday" is 2023-09-13; in one of 2024-06-24,
"hosted Putin in Beijing in May" is 2024-05 and "in June 2019" is background.

Each expression resolves to a `When`: an ISO value and its precision.

===============  ================  ======================================================
precision        value             example
===============  ================  ======================================================
``day``          ``YYYY-MM-DD``    "on Wednesday", "yesterday", "June 19, 2024"
``week``         ``YYYY-Www``      "last week" (ISO 8601 week, Monday first, as TimeML)
``month``        ``YYYY-MM``       "in May", "last month", "in June 2019"
``year``         ``YYYY``          "in 2019", "last year", "a year ago"
``publication``  ``YYYY-MM-DD``    nothing in the text dated the event: the article's date
``unknown``      ``None``          relative text but no publication date to anchor it on
===============  ================  ======================================================

Weeks are ISO weeks ("2024-W25" is Monday 2024-06-17 to Sunday 2024-06-23), the form TimeBank uses,
so a week compares exactly; `interval()` turns any value into its first and last day.

Anchoring rules (ours, tested in tests/test_dates.py):

- A bare weekday is the most recent such day on or before publication ("on Thursday" in a Thursday
  paper is that day) unless its clause looks forward ("will", a modal, "is due to", "is scheduled
  to", "agreed to", a present progressive or present simple "meet Monday"): then the next such day
  on or after publication. "last Friday" is strictly
  before, "next Friday" strictly after, "Friday of last week" that day of the previous ISO week.
- A month name without a year is the latest such month not after publication in a past clause, the
  next one not before it in a future clause; otherwise the coming one only if it is nearer and at
  most four months ahead, else the one gone by. Likewise a day and month. Only a date hanging
  directly on its verb takes the verb's tense ("met in May"); inside a noun phrase ("payable Dec. 7")
  or after an open-ended preposition ("extended to Nov. 20") it is tenseless.
- The parse-free patterns and rules live in `sitrep._timex`.
- "last week/month/year", "earlier this month", "the previous day", "N days ago" count from the
  publication date (a narrative's own reference time is not tracked).

`event_date()` picks an event's date: a time expression of the event's own clause, then one of a
clause above it in its sentence (the reporting verb's "said on Tuesday"), then the nearest date of
the context the caller passes, and only then the publication date (precision ``publication``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..tables.words import word_list
from ..text import span_memo
from .timex import expression_type, interval, matches, parse_published, resolve_match

__all__ = [
    "When",
    "PRECISIONS",
    "find_dates",
    "event_date",
    "is_historical",
    "is_later",
    "is_past_period",
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


_NOT_EVENT_TIME = {"since", "until", "till", "before", "after", "by", "through", "from", "to"}



def resolve(text: str, *, published: str | None, tense: str = "unknown") -> When | None:
    """Resolve one time expression written alone (no parse): `tense` is "past", "future" or "unknown".

    >>> resolve("on Wednesday", published="2023-09-14", tense="past").value
    '2023-09-13'
    """
    for start, end, kind, m in matches(text):
        if start == 0 or not text[:start].strip():
            value, precision = resolve_match(kind, m, parse_published(published), tense)
            return When(value, precision, m.group(0), start, end)
    return None


# --- tense and clauses from the parse --------------------------------------------------------------


def _is_verbal(token: Any) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB") or token.tag_ == "MD"


def _expression_root(tokens: Sequence[Any]) -> Any:
    """A time expression's own root: its first token whose head is outside it (or the sentence root)."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def _predicate(tokens: Sequence[Any]) -> Any | None:
    """The verb that governs a time expression: the first verbal ancestor outside the expression."""
    inside = {t.i for t in tokens}
    token = _expression_root(tokens)
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
        if head.lemma_.lower() in word_list("future-head") and not (head.lemma_.lower() == "go" and head.tag_ != "VBG"):
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
        if prep.lower_ == "for" and prep.head.lemma_.lower() in word_list("schedule-verb"):
            return "future"  # "scheduled for June 7", "postponed the trip set for June 7-14"
        if prep is head:
            head = head.head
    elif root.dep_ not in _DIRECT_DEPS and not root.dep_.startswith("prep"):
        return "unknown"
    if not _is_verbal(head) or head.dep_ == "aux":
        # inside a noun phrase ("take part in a meeting on Tuesday"): only a future clause tells
        return "future" if clause_tense(_predicate(tokens)) == "future" else "unknown"
    tense = clause_tense(head)
    if tense == "present" and head.lemma_.lower() in word_list("reporting-verb"):
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
    memo, key = span_memo(span, "dates")  # asked again for each event of a sentence
    if (key, published) in memo:
        return list(memo[key, published])
    doc = getattr(span, "doc", span)
    base = getattr(span, "start_char", 0)
    anchor = parse_published(published)
    result: list[When] = []
    for start, end, kind, m in matches(span.text):
        tokens = _tokens(doc, base + start, base + end)
        if kind == "year" and not _is_year_use(m, tokens):
            continue
        tense = _expression_tense(tokens) if tokens else "unknown"
        value, precision = resolve_match(kind, m, anchor, tense)
        result.append(When(value, precision, m.group(0), base + start, base + end))
    memo[key, published] = tuple(result)
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
    anchor = parse_published(published)
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
    whens = [w for w in whens if _introducer(doc, w) not in _NOT_EVENT_TIME or _starts_range(doc, w)]
    ancestors = {a.i for a in verb.ancestors}
    # "Just ahead of Albright's trip, the State Department on Sunday issued ...": the clause above dates
    # another act, not the one its temporal phrase sets before or after it
    ancestors_date = not _in_temporal_phrase(verb) and not _present_of_its_own(verb)
    own: list[When] = []
    above: list[When] = []
    for when in whens:
        tokens = _tokens(doc, when.start or 0, when.end or 0)
        if not tokens:
            continue
        predicate = _predicate(tokens)
        if predicate is None or _names_another_time(tokens, verb):
            continue
        if predicate.i == verb.i or _xcomp_of(predicate, verb) or _expression_root(tokens).head.i == verb.i:
            own.append(when)
        elif ancestors_date and (predicate.i in ancestors or (predicate.dep_ == "conj" and predicate.head.i == verb.i)):
            above.append(when)
    # 1. own clause, 2. clauses above: the nearest expression wins, one that dates a noun last
    # ("on Tuesday lamented Monday's exchange of fire": Monday is the exchange's day, not the lament's)
    for group in (own, above):
        if group:
            return min(group, key=lambda w: (_dates_a_noun(doc, w), abs((w.start or 0) - verb.idx)))
    # 3. context, if the clause's tense admits it
    dated = [w for w in context if w.value is not None and w.precision not in {"publication", "unknown"}
             and _tense_admits(verb, w, published) and not _dates_a_phrase(doc, w)]
    if dated:
        if all(w.start is not None for w in dated):
            return min(dated, key=lambda w: abs((w.start or 0) - verb.idx))
        return dated[-1]
    # 4. publication
    return _publication(published)


def _tense_admits(verb: Any, when: When, published: str | None) -> bool:
    """True when a date of another sentence can date `verb`'s clause by its tense: a simple present
    ("Jaguar wants", "officials say") is of the time of writing, never an earlier sentence's day; a
    past clause is not dated by a day after publication ("payable Nov. 17 ... the company said")."""
    if not _is_verbal(verb):
        return True
    verb = _finite_clause(verb)
    if _speaks_of_now(verb):
        return False
    if clause_tense(verb) == "past" and when.value is not None and published:
        return when.value[:10] <= published[:10]
    return True


def _present_of_its_own(verb: Any) -> bool:
    """True for a subordinate clause in a present tense of its own ("Carnival, which has three ships
    on order, presented claims this week"; "talks have stalled, officials said Friday"): a state or
    result at the time of writing, which a past clause above does not date."""
    if not _is_verbal(verb):
        return False
    verb = _finite_clause(verb)
    return verb.head.i != verb.i and _speaks_of_now(verb)


def _speaks_of_now(verb: Any) -> bool:
    """A finite clause in a present tense: simple present, present progressive or present perfect."""
    return clause_tense(verb) == "present" or _is_present_relative(verb)


def _finite_clause(verb: Any) -> Any:
    """The verb whose tense holds for a gerund or bare infinitive without an auxiliary of its own:
    "customers holding contracts are expected to ..." is as present as "are expected", "is close to
    completing a deal" as "is"."""
    node = verb
    for _ in range(6):
        if node.tag_ not in {"VBG", "VB"} or any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in node.children):
            return node
        head = node.head
        while head.head.i != head.i and not _is_verbal(head):
            head = head.head
        if head.i == node.i or not _is_verbal(head):
            return node
        node = head
    return node


def _is_present_relative(verb: Any) -> bool:
    """A present progressive ("is evaluating the proposal") or a present perfect ("haven't been
    obtained", "has agreed"): both speak of the time of writing, and English gives a present perfect
    no definite past day ("*has met yesterday"), so another sentence's day is not theirs."""
    words = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if words & ({"will", "shall", "'ll", "wo", "to", "had", "'d"} | _MODALS):
        return False
    if words & {"has", "have", "'ve"} and verb.tag_ in {"VBN", "VBG"}:
        return True
    return verb.tag_ == "VBG" and bool(words & {"is", "are", "am", "'s", "'re"})


_TEMPORAL_PREPS = {"after", "before", "ahead", "following", "since", "prior", "pending", "until", "till"}
_AFTER_PREPS = {"after", "following", "since"}


def _in_temporal_phrase(verb: Any) -> bool:
    """True when the trigger sits in a phrase that places it before or after its clause's act:
    "ahead of Albright's trip", "before meeting Clark", "following Mbeki's visit" ("spoke Monday after
    meeting Clark" is mostly the same day: a verb after "after" keeps its clause's date)."""
    node = verb
    for _ in range(4):
        if node.head.i == node.i or _is_verbal(node.head) and node.dep_ not in ("pobj", "pcomp"):
            return False
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in _TEMPORAL_PREPS | {"of", "to"}:
            prep = node.head
            if prep.lower_ in ("of", "to"):  # "ahead of", "prior to"
                prep = prep.head
            return prep.lower_ in _TEMPORAL_PREPS and (prep.lower_ not in _AFTER_PREPS or verb.pos_ == "NOUN")
        node = node.head
    return False


def _starts_range(doc: Any, when: When) -> bool:
    """True for the first date of a range: "from Nov. 15 to 26" dates a visit by its first day."""
    if _introducer(doc, when) != "from" or when.end is None:
        return False
    rest = doc.text[when.end:when.end + 10].lstrip().lower()
    return rest.startswith(("to ", "until ", "through ", "-", "\u2013"))


def _dates_a_phrase(doc: Any, when: When) -> bool:
    """True for a context date of a participle modifying a noun ("for the quarter ended March 31",
    "a bid launched Friday"): it dates that thing, not the story's time as a clause's date does."""
    tokens = _tokens(doc, when.start or 0, when.end or 0) if when.start is not None else []
    predicate = _predicate(tokens) if tokens else None
    return predicate is not None and predicate.dep_ in {"acl", "amod"}


def _dates_a_noun(doc: Any, when: When) -> bool:
    """True when the expression hangs on a noun ("Monday's exchange", "the talks on Friday")."""
    tokens = _tokens(doc, when.start or 0, when.end or 0)
    if not tokens:
        return False
    root = _expression_root(tokens)
    return root.head.i != root.i and root.head.pos_ in {"NOUN", "PROPN"}


def _names_another_time(tokens: Sequence[Any], trigger: Any) -> bool:
    """True for a date written before a noun other than the trigger: "accusing Iran in the 1992
    murder", "lamented Monday's exchange" -- the murder's year, the exchange's day, not the act's."""
    root = _expression_root(tokens)
    noun = root.head
    if not (noun.i != root.i and noun.pos_ in {"NOUN", "PROPN"} and root.i < noun.i and noun.i != trigger.i):
        return False
    # a premodifier opens its noun phrase ("in the 1992 murder", "Monday's exchange"); a date right after
    # another noun ("took effect Aug. 9 pending ratification") closes the phrase before it, whatever the parse
    doc = root.doc
    possessive = any(doc[i].tag_ == "POS" for i in range(tokens[-1].i, min(tokens[-1].i + 2, len(doc))))
    return possessive or tokens[0].i == 0 or doc[tokens[0].i - 1].pos_ not in {"NOUN", "PROPN", "NUM"}


def _xcomp_of(predicate: Any, verb: Any) -> bool:
    """True when `predicate` is an infinitive chained under `verb` by xcomp ("agreed to meet")."""
    token = predicate
    while token.dep_ == "xcomp" and token.head.i != token.i:
        token = token.head
        if token.i == verb.i:
            return True
    return False


# --- intervals and the historical flag -------------------------------------------------------------


def is_historical(when: When, *, published: str | None, days: int = 60) -> bool:
    """True when the event ended more than `days` days before publication: background, not news.

    Uses the last day the value covers, so "in 2024" in a paper of 2024-06-24 is not historical and
    "in June 2019" is. Publication-dated and unknown dates are never historical.
    """
    if when.precision in {"publication", "unknown"} or (span := _anchored(when, published)) is None:
        return False
    anchor, _, last = span
    return (anchor - last).days > days


def is_past_period(when: When, *, published: str | None) -> bool:
    """True for a year that ended before publication ("last year"), or a month before the previous
    one ("in January" in a March paper): news dates its own events to the day or week, so such an
    act is background. Last month stays news ("Xi hosted Putin in May" in a June paper)."""
    if when.precision not in {"month", "year"} or (span := _anchored(when, published)) is None:
        return False
    anchor, _, last = span
    if when.precision == "month":
        previous = (anchor.replace(day=1) - timedelta(days=1)).replace(day=1)
        return last < previous
    return last < anchor


def is_later(when: When, *, published: str | None) -> bool:
    """True when the date begins after publication: only an act announced for the future has one."""
    if when.precision in {"publication", "unknown"} or (span := _anchored(when, published)) is None:
        return False
    anchor, first, _ = span
    return first > anchor


def _anchored(when: When, published: str | None) -> tuple[date, date, date] | None:
    """(publication day, first day, last day) of a dated value; None when either is unknown or the
    value is not a date interval."""
    anchor = parse_published(published)
    if anchor is None or when.value is None:
        return None
    try:
        first, last = interval(when.value)
    except ValueError:
        return None
    return anchor, first, last
