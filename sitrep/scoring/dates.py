"""Score relative-date resolution on TimeBank news against hand-checked values.

The gold is `gold/relative-dates.jsonl` in the repository: *references* into the TimeBank 1.2 files of
``../shared/gold/timebank-dev`` (document id, character offsets into the tag-stripped text of its
<TEXT> element, the expression as written, the publication date, the expected value and precision and
the expression type). TimeBank's texts are licence-restricted, so only these references are committed;
the scorer reads the texts at run time and skips cleanly when they are absent.

For every reference the document is parsed, `sitrep.dates.find_dates` runs over it, and the
expression found at the reference's offsets (overlapping them) is compared with the expected value.
A missed expression counts as wrong. Accuracy is reported per expression type and overall.

Optionally (``timebank=True``) every DATE expression of the TimeBank files is scored against
TimeBank's own value, as a broad check (that gold is not hand-checked and holds many values sitrep
does not produce: quarters, seasons, decades, PRESENT_REF ...).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldError
from ..situate.dates import find_dates
from . import SHARED

__all__ = [
    "DEFAULT_GOLD", "TIMEBANK_DIR", "TimeBankDoc", "TimeEvent", "TimeLink", "Timex", "attachment", "evaluate",
    "format_attachment", "format_report", "read_timebank",
]

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "gold" / "relative-dates.jsonl"
"""The committed reference set (hand-checked values, no TimeBank text)."""

TIMEBANK_DIR = SHARED / "gold" / "timebank-dev"
"""Where the TimeBank .tml files are read at run time (override the root with SITREP_SHARED)."""


@dataclass(frozen=True, slots=True)
class Timex:
    """One TIMEX3 of a TimeBank document: offsets into `TimeBankDoc.text`, TimeML type and value."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeEvent:
    """One event instance of a TimeBank document (an EVENT with its MAKEINSTANCE): offsets into
    `TimeBankDoc.text`, TimeML's part of speech ("VERB", "NOUN", ...) and tense."""

    eiid: str
    start: int
    end: int
    text: str
    pos: str
    tense: str


@dataclass(frozen=True, slots=True)
class TimeLink:
    """A TLINK between an event instance and a time, read in the event -> time direction
    ("IS_INCLUDED": the event falls inside the time)."""

    eiid: str
    tid: str
    rel: str


@dataclass(frozen=True, slots=True)
class TimeBankDoc:
    """A TimeBank document: its id, creation date and the plain text of its <TEXT> element, with its
    time expressions, event instances and event-time links (`dct` is the creation time's tid)."""

    id: str
    published: str
    text: str
    timexes: tuple[Timex, ...]
    events: tuple[TimeEvent, ...] = ()
    links: tuple[TimeLink, ...] = ()
    dct: str = "t0"


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_timebank(path: Path) -> TimeBankDoc:
    """Parse one .tml file: strip the tags of <TEXT>, unescape entities, keep each TIMEX3's offsets."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if dct is None or body is None:
        raise GoldError(f"{path} has no DCT or TEXT element; is it a TimeML file?")
    text: list[str] = []
    length = 0
    open_timex: list[tuple[dict[str, str], int]] = []
    open_event: list[tuple[dict[str, str], int]] = []
    timexes: list[Timex] = []
    spans: dict[str, tuple[int, int]] = {}
    position = 0
    source = body.group(1)
    for match in _TAG.finditer(source):
        chunk = html.unescape(source[position : match.start()])
        text.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name = match.group(1), match.group(2)
        if name == "EVENT":
            if not closing:
                open_event.append((dict(_ATTR.findall(match.group(3))), length))
            elif open_event:
                attrs, start = open_event.pop()
                spans[attrs.get("eid", "")] = (start, length)
            continue
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((dict(_ATTR.findall(match.group(3))), length))
        elif open_timex:
            attrs, start = open_timex.pop()
            timexes.append(Timex(attrs.get("tid", ""), start, length, "", attrs.get("type", ""), attrs.get("value", "")))
    tail = html.unescape(source[position:])
    text.append(tail)
    plain = "".join(text)
    timexes = [Timex(t.tid, t.start, t.end, plain[t.start : t.end], t.type, t.value) for t in timexes]
    events = []
    for attrs in (dict(_ATTR.findall(m.group(1))) for m in re.finditer(r"<MAKEINSTANCE([^>]*)>", raw)):
        if attrs.get("eventID") in spans:
            start, end = spans[attrs["eventID"]]
            events.append(TimeEvent(attrs.get("eiid", ""), start, end, plain[start:end], attrs.get("pos", ""),
                                    attrs.get("tense", "")))
    dct_tid = re.search(r'<DCT>\s*<TIMEX3[^>]*tid="(\w+)"', raw)
    return TimeBankDoc(path.stem, dct.group(1), plain, tuple(sorted(timexes, key=lambda t: t.start)),
                       tuple(sorted(events, key=lambda e: e.start)), tuple(_links(raw)),
                       dct_tid.group(1) if dct_tid else "t0")


_INVERSE = {"INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "DURING_INV": "DURING", "DURING": "DURING_INV",
            "BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE", "BEGINS": "BEGUN_BY",
            "BEGUN_BY": "BEGINS", "ENDS": "ENDED_BY", "ENDED_BY": "ENDS"}
"""TimeML's relation read the other way round ("t INCLUDES e" is "e IS_INCLUDED t"); the others are symmetric."""


def _links(raw: str) -> list[TimeLink]:
    """Every TLINK between an event instance and a time, turned to read event -> time."""
    out = []
    for m in re.finditer(r"<TLINK([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        rel = attrs.get("relType", "")
        if "eventInstanceID" in attrs and "relatedToTime" in attrs:
            out.append(TimeLink(attrs["eventInstanceID"], attrs["relatedToTime"], rel))
        elif "timeID" in attrs and "relatedToEventInstance" in attrs:
            out.append(TimeLink(attrs["relatedToEventInstance"], attrs["timeID"], _INVERSE.get(rel) or rel))
    return out


def _load_gold(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise GoldError(f"gold file {path} is missing; it ships with the repository (gold/relative-dates.jsonl)")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}:{number} is not JSON ({error.msg}); fix the line") from error
    return records


def _document(record: dict[str, Any], repo_root: Path) -> tuple[str, str] | None:
    """(text, published) for a reference: a TimeBank file read at run time, or a committed example."""
    if record["source"] == "timebank":
        path = TIMEBANK_DIR / f"{record['doc']}.tml"
        if not path.exists():
            return None
        doc = read_timebank(path)
        return doc.text, doc.published
    path = repo_root / record["source"] / record["file"]
    return path.read_text(encoding="utf-8"), record["published"]


def evaluate(*, path: Path | str | None = None, timebank: bool = False, attach: bool = True) -> dict[str, Any]:
    """Accuracy of `find_dates` on the reference set, per expression type and overall.

    Returns ``{"skipped": reason}`` when the TimeBank files are absent. With ``timebank=True`` adds
    ``"timebank"``: exact-value accuracy over every TimeBank DATE expression (TimeBank's own values);
    with ``attach=True`` (the default) ``"attachment"``: which day events take (`attachment()`).
    """
    from ..text.analyse import nlp

    parsed: dict[str, Any] = {}

    def parse(text: str) -> Any:
        if text not in parsed:
            parsed[text] = nlp()(text)
        return parsed[text]

    gold_path = Path(path) if path else DEFAULT_GOLD
    records = _load_gold(gold_path)
    if any(r["source"] == "timebank" for r in records) and not TIMEBANK_DIR.is_dir():
        return {"skipped": f"TimeBank files not found in {TIMEBANK_DIR}; set SITREP_SHARED to the shared folder"}
    repo_root = gold_path.resolve().parents[1]
    by_doc: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_doc[(record["source"], record["doc"])].append(record)
    total: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for (_, _doc_id), group in sorted(by_doc.items()):
        loaded = _document(group[0], repo_root)
        if loaded is None:
            return {"skipped": f"TimeBank document {group[0]['doc']} not found in {TIMEBANK_DIR}"}
        text, published = loaded
        found = find_dates(parse(text), published=published)
        for record in group:
            start, end = record["start"], record["end"]
            if text[start:end] != record["text"]:
                raise GoldError(
                    f"{record['doc']} [{start}:{end}] reads {text[start:end]!r}, gold says {record['text']!r}; "
                    "the TimeBank files changed or the reference is wrong"
                )
            hits = [w for w in found if (w.start or 0) < end and (w.end or 0) > start]
            got = hits[0] if hits else None
            ok = got is not None and got.value == record["value"] and got.precision == record["precision"]
            kind = record["type"]
            total[kind] += 1
            correct[kind] += ok
            if not ok:
                errors.append(
                    {
                        "doc": record["doc"],
                        "text": record["text"],
                        "type": kind,
                        "published": published,
                        "expected": [record["value"], record["precision"]],
                        "got": [got.value, got.precision, got.text] if got else None,
                    }
                )
    result: dict[str, Any] = {
        "gold": str(gold_path),
        "n": sum(total.values()),
        "correct": sum(correct.values()),
        "accuracy": sum(correct.values()) / max(1, sum(total.values())),
        "by_type": {
            kind: {"n": total[kind], "correct": correct[kind], "accuracy": correct[kind] / total[kind]}
            for kind in sorted(total)
        },
        "errors": errors,
    }
    if timebank:
        result["timebank"] = _timebank_wide()
    if attach:
        result["attachment"] = attachment(parse=parse)
    return result


def _timebank_wide() -> dict[str, Any]:
    """Exact-value accuracy over every non-creation-time DATE expression of TimeBank (its own values)."""
    from ..text.analyse import nlp

    n = correct = found_any = 0
    for path in sorted(TIMEBANK_DIR.glob("*.tml")):
        doc = read_timebank(path)
        found = find_dates(nlp()(doc.text), published=doc.published)
        for timex in doc.timexes:
            if timex.type != "DATE":
                continue
            n += 1
            hits = [w for w in found if (w.start or 0) < timex.end and (w.end or 0) > timex.start]
            found_any += bool(hits)
            correct += bool(hits) and hits[0].value == timex.value
    return {"n": n, "found": found_any, "correct": correct, "accuracy": correct / max(1, n)}


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of `evaluate()`'s result (the CLI prints it)."""
    if "skipped" in result:
        return f"dates: skipped ({result['skipped']})"
    lines = [f"relative dates: {result['correct']}/{result['n']} = {result['accuracy']:.3f}  ({result['gold']})"]
    lines.append(f"  {'type':<16} {'n':>4} {'correct':>8} {'accuracy':>9}")
    for kind, row in result["by_type"].items():
        lines.append(f"  {kind:<16} {row['n']:>4} {row['correct']:>8} {row['accuracy']:>9.3f}")
    if "timebank" in result:
        tb = result["timebank"]
        lines.append(
            f"TimeBank-wide DATE (its own values): {tb['correct']}/{tb['n']} = {tb['accuracy']:.3f} "
            f"(an expression found at the offsets for {tb['found']})"
        )
    if "attachment" in result:
        lines.extend(format_attachment(result["attachment"]))
    return "\n".join(lines)


# --- event-date attachment: which day an event takes --------------------------------------------

_INSIDE = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY"}
"""TLINK relations that put the event inside (or at) its time: the time's day is the event's day."""

_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def attachment_gold(doc: TimeBankDoc) -> list[tuple[TimeEvent, set[str], list[Timex | None]]]:
    """Each event instance TimeBank puts inside a full day: (event, its gold days, the linked
    expressions, None standing for the creation time). An event linked to two different days (an
    annotation slip) is right on either."""
    timexes = {t.tid: t for t in doc.timexes}
    by_event: dict[str, tuple[set[str], list[Timex | None]]] = {}
    for link in doc.links:
        if link.rel not in _INSIDE:
            continue
        timex = None if link.tid == doc.dct else timexes.get(link.tid)
        value = doc.published if timex is None else timex.value
        if (timex is None and link.tid != doc.dct) or not _FULL_DAY.fullmatch(value):
            continue
        days, anchors = by_event.setdefault(link.eiid, (set(), []))
        days.add(value)
        anchors.append(timex)
    return [(e, *by_event[e.eiid]) for e in doc.events if e.eiid in by_event]


def _clause_head(token: Any) -> Any:
    """The verb of the clause a token stands in (itself when verbal), else the sentence root."""
    node = token
    while not (node.pos_ in {"VERB", "AUX"} and node.dep_ != "aux") and node.head.i != node.i:
        node = node.head
    return node


def _place(parsed: Any, token: Any, anchors: list[Timex | None]) -> str:
    """Where the gold expression stands from the event: "same clause", "same sentence", "other
    sentence" (the nearest of the linked expressions), or "creation time"."""
    places = []
    for timex in anchors:
        span = parsed.char_span(timex.start, timex.end, alignment_mode="expand") if timex else None
        if span is None:
            continue
        if span.root.sent.start != token.sent.start:
            places.append(2)
        else:
            places.append(0 if _clause_head(span.root).i == _clause_head(token).i else 1)
    return ("same clause", "same sentence", "other sentence")[min(places)] if places else "creation time"


def attachment(*, directory: Path | str | None = None, parse: Any = None) -> dict[str, Any]:
    """How often `situate.event_date` gives an event the day TimeBank puts it in.

    For every event instance TimeBank links (IS_INCLUDED, DURING, SIMULTANEOUS, IDENTITY) to a full
    day, an explicit one or the creation time, the event's token in the parsed text is dated as the
    pipeline dates a trigger: `event_date` with the creation time as `published` and the day-dated
    expressions of the sentences before as context (`situate.context_dates`; every sentence may
    date, since TimeBank's events have no actors to check). A week, month or year is wrong: the gold
    is a day. Accuracy overall and by TimeML part of speech, by the gold anchor (creation time or an
    expression) and by where that expression stands from the event.
    """
    from ..situate import context_dates, event_date
    from ..text.analyse import nlp

    folder = Path(directory) if directory else TIMEBANK_DIR
    paths = sorted(folder.glob("*.tml")) if folder.is_dir() else []
    if not paths:
        return {"skipped": f"TimeBank files not found in {folder}; set SITREP_SHARED to the shared folder"}
    parse = parse or (lambda text: nlp()(text))
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[dict[str, Any]] = []
    for path in paths:
        doc = read_timebank(path)
        gold = attachment_gold(doc)
        if not gold:
            continue
        parsed = parse(doc.text)
        sentences = list(parsed.sents)
        starts = {s.start: i for i, s in enumerate(sentences)}
        found: dict[int, list[Any]] = {}

        def sentence_days(index: int) -> list[Any]:
            if index not in found:
                found[index] = [w for w in find_dates(sentences[index], published=doc.published)
                                if w.value and w.precision == "day"]
            return found[index]

        for event, days, anchors in gold:
            span = parsed.char_span(event.start, event.end, alignment_mode="expand")
            token = span.root if span is not None else None
            when = None
            if token is not None:
                context = context_dates(starts[token.sent.start], sentence_days)
                when = event_date(token, published=doc.published, context=context)
            got = when.value if when is not None and when.precision in {"day", "publication"} else None
            keys = {"all": "all", "pos": {"VERB": "verb", "NOUN": "noun"}.get(event.pos, "other"),
                    "anchor": "creation time" if all(a is None for a in anchors) else "expression",
                    "place": _place(parsed, token, anchors) if token is not None else "no token",
                    "source": "none" if when is None else "publication" if when.precision == "publication"
                    else "expression"}
            ok = got in days
            for group, key in keys.items():
                tally[f"{group}:{key}:n"][key] += 1
                tally[f"{group}:{key}:ok"][key] += ok
            if not ok:
                errors.append({"doc": doc.id, "event": event.text, "pos": event.pos, "gold": sorted(days),
                               "got": [when.value, when.precision, when.text] if when else None,
                               "place": keys["place"],
                               "sentence": token.sent.text.strip() if token is not None else ""})
    return _attachment_result(tally, errors)


def _attachment_result(tally: dict[str, Counter[str]], errors: list[dict[str, Any]]) -> dict[str, Any]:
    by: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for name in sorted(tally):
        group, key, what = name.split(":")
        if what != "n":
            continue
        n, ok = tally[name][key], tally[f"{group}:{key}:ok"][key]
        by[group][key] = {"n": n, "correct": ok, "accuracy": ok / max(1, n)}
    overall = by.pop("all", {}).get("all", {"n": 0, "correct": 0, "accuracy": 0.0})
    return {**overall, "by": dict(by), "errors": errors}


def format_attachment(result: dict[str, Any]) -> list[str]:
    """The attachment figures as lines of `format_report`."""
    if "skipped" in result:
        return [f"event-date attachment: skipped ({result['skipped']})"]
    lines = [f"event-date attachment (TimeBank events inside a day): {result['correct']}/{result['n']} = "
             f"{result['accuracy']:.3f}"]
    titles = {"pos": "TimeML part of speech", "anchor": "gold anchor", "place": "gold expression",
              "source": "sitrep's date from"}
    for group, title in titles.items():
        cells = [f"{key} {row['correct']}/{row['n']} {row['accuracy']:.3f}"
                 for key, row in sorted(result["by"].get(group, {}).items())]
        lines.append(f"  {title + ':':<24} " + "; ".join(cells))
    return lines
