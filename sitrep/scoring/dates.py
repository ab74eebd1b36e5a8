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

__all__ = ["DEFAULT_GOLD", "TIMEBANK_DIR", "TimeBankDoc", "Timex", "evaluate", "format_report", "read_timebank"]

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
class TimeBankDoc:
    """A TimeBank document: its id, creation date and the plain text of its <TEXT> element."""

    id: str
    published: str
    text: str
    timexes: tuple[Timex, ...]


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
    timexes: list[Timex] = []
    position = 0
    source = body.group(1)
    for match in _TAG.finditer(source):
        chunk = html.unescape(source[position : match.start()])
        text.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name = match.group(1), match.group(2)
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
    return TimeBankDoc(path.stem, dct.group(1), plain, tuple(sorted(timexes, key=lambda t: t.start)))


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


def evaluate(*, path: Path | str | None = None, timebank: bool = False) -> dict[str, Any]:
    """Accuracy of `find_dates` on the reference set, per expression type and overall.

    Returns ``{"skipped": reason}`` when the TimeBank files are absent. With ``timebank=True`` adds
    ``"timebank"``: exact-value accuracy over every TimeBank DATE expression (TimeBank's own values).
    """
    from ..text.analyse import nlp

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
        found = find_dates(nlp()(text), published=published)
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
    return "\n".join(lines)
