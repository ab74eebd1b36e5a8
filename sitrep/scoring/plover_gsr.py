"""Score a coder on the PLOVER gold standard records (322 sentences from the CAMEO manual).

Each gold record is one sentence with one event: a PLOVER type (0.5b1 names, mapped here to the
current ones), source and target actors with ISO-3 country codes and sectors. The coder is run on
the sentence alone and judged on its *best* event (highest confidence; the first on ties): a
sentence it codes nothing for counts as wrong. Alongside accuracy, the report gives per-type
precision/recall/F1, actor country and sector accuracy, a confusion table, and precision/recall
when events below a confidence threshold are dropped (how much a threshold buys).

These are idealised, edited manual examples (see the gold's readme): tune on them, but a score here
is not a news-text score.

>>> result = evaluate(DEFAULT_GOLD, coder=lambda text, published: [], limit=3)  # doctest: +SKIP
>>> print(format_report(result))  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import GoldError, SitrepError
from ..tables import cameo
from . import SHARED, Coder, field, prf

__all__ = [
    "DEFAULT_GOLD",
    "OLD_EVENT_NAMES",
    "THRESHOLDS",
    "Coder",
    "GoldActor",
    "GoldRecord",
    "best_event",
    "evaluate",
    "event_plover",
    "format_report",
    "load_records",
]

DEFAULT_GOLD = SHARED / "gold" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
"""Where the development checkout keeps the gold file; pass another path to `evaluate` elsewhere."""

OLD_EVENT_NAMES: Mapping[str, str] = MappingProxyType(
    {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
)
"""PLOVER 0.5b1 event names merged into current types (the gold uses the old names)."""

THRESHOLDS: tuple[float, ...] = tuple(round(step / 10, 1) for step in range(10))
"""Confidence thresholds of the precision/recall table: 0.0, 0.1, ..., 0.9."""

_COUNTRY_ALIASES: Mapping[str, str] = MappingProxyType({"JAP": "JPN", "ITL": "ITA"})
"""Pre-ISO codes the gold still uses in a few records."""

NO_EVENT = "(none)"


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One gold source or target actor: country is ISO-3 (or IGO/NGO/IMG), sector its first 3 letters."""

    text: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence and its single event, with the event type in current PLOVER names."""

    id: str
    text: str
    date: str | None
    event: str
    mode: str | None
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


def _current_name(event: str | None) -> str | None:
    if not event:
        return None
    name = event.strip().upper()
    return OLD_EVENT_NAMES.get(name, name)


def _country(code: Any) -> str | None:
    if not isinstance(code, str) or not code.strip():
        return None
    code = code.strip().upper()
    return _COUNTRY_ALIASES.get(code, code)


def _sector(code: Any) -> str | None:
    """First three letters, upper case: 'CVLalb' -> 'CVL'; '***' and blanks mean no sector."""
    if not isinstance(code, str):
        return None
    code = code.strip()[:3].upper()
    return code if code.isalpha() else None


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):  # the gold writes "no target" as null or ""
        return ()
    return tuple(
        GoldActor(
            text=str(actor.get("actorText", "")),
            country=_country(actor.get("code")),
            sector=_sector(actor.get("sector")),
        )
        for actor in value
        if isinstance(actor, dict)
    )


def load_records(path: str | Path = DEFAULT_GOLD) -> tuple[GoldRecord, ...]:
    """The gold records of a PLOVER GSR JSON file, without its DOCUMENT header."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise GoldError(
            f"PLOVER gold file {path} not found; pass the path to PLOVER_GSR_CAMEO.txt"
        ) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GoldError(f"{path} is not the PLOVER GSR JSON array ({error}); check the file") from error
    if not isinstance(data, list):
        raise GoldError(f"{path} should hold a JSON array of PLOVER records")
    records: list[GoldRecord] = []
    for item in data:
        if not isinstance(item, dict) or item.get("event") == "DOCUMENT":
            continue
        event = _current_name(item.get("event"))
        text = item.get("text")
        if not event or not isinstance(text, str):
            raise GoldError(f"{path}: record {item.get('id')!r} lacks an event or a text")
        records.append(
            GoldRecord(
                id=str(item.get("id", len(records))),
                text=text,
                date=item.get("date") or None,
                event=event,
                mode=item.get("mode") or None,
                sources=_actors(item.get("source")),
                targets=_actors(item.get("target")),
            )
        )
    return tuple(records)


def event_plover(event: Any) -> str | None:
    """The event's current PLOVER type: its `plover_event`, else derived from its CAMEO `code`."""
    name = _current_name(field(event, "plover_event"))
    if name:
        return name
    code = field(event, "code")
    if isinstance(code, str) and cameo.is_valid(code):
        return cameo.lookup(code).plover_event
    return None


def _confidence(event: Any) -> float:
    """An event without a confidence is never filtered out by a threshold."""
    value = field(event, "confidence")
    return 1.0 if value is None else float(value)


def best_event(events: Iterable[Any] | None) -> Any | None:
    """The event with the highest confidence (the first on ties), or None for no events."""
    best, best_score = None, float("-inf")
    for event in events or ():
        score = _confidence(event)
        if score > best_score:
            best, best_score = event, score
    return best


def _actor_country(event: Any, side: str) -> str | None:
    country = _country(field(event, f"{side}_country"))
    if country:
        return country
    code = field(event, f"{side}_code")
    return _country(code[:3]) if isinstance(code, str) and len(code) >= 3 else None


def _share(correct: int, total: int) -> dict[str, float | int]:
    return {"correct": correct, "total": total, "accuracy": correct / total if total else 0.0}


def default_coder() -> Coder:
    """sitrep's own coder, imported only when needed so scoring a fake coder needs no model."""
    try:
        from ..api import code_text
    except ImportError as error:
        raise SitrepError(
            f"sitrep.api.code_text is not available ({error}); pass coder= to evaluate()"
        ) from error

    def coder(text: str, published: str | None) -> Sequence[Any]:
        return code_text(text, published=published)

    return coder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def evaluate(
    path: str | Path = DEFAULT_GOLD,
    *,
    coder: Coder | None = None,
    limit: int | None = None,
    thresholds: Sequence[float] = THRESHOLDS,
) -> dict[str, Any]:
    """Run `coder` on every gold sentence and score it; returns a JSON-ready dict.

    Stages: # 1. load the gold and pick the coder; # 2. code each sentence and keep its best event;
    # 3. event-type accuracy, P/R/F1 and confusion; # 4. actor countries and sectors; # 5. thresholds.
    """
    # 1.
    path = Path(path)
    records = load_records(path)[:limit]
    coder = coder or default_coder()
    # 2.
    rows: list[dict[str, Any]] = []
    for record in records:
        events = list(coder(record.text, record.date) or ())
        best = best_event(events)
        rows.append(
            {
                "id": record.id,
                "gold": record.event,
                "predicted": event_plover(best) if best is not None else None,
                "confidence": _confidence(best) if best is not None else None,
                "n_events": len(events),
                "source_country": _actor_country(best, "source") if best is not None else None,
                "target_country": _actor_country(best, "target") if best is not None else None,
                "source_sector": _sector(field(best, "source_sector")) if best is not None else None,
                "target_sector": _sector(field(best, "target_sector")) if best is not None else None,
            }
        )
    # 3.
    n = len(rows)
    correct = sum(row["predicted"] == row["gold"] for row in rows)
    predicted = sum(row["predicted"] is not None for row in rows)
    types = sorted({row["gold"] for row in rows} | {row["predicted"] for row in rows if row["predicted"]})
    per_type = {}
    for name in types:
        tp = sum(row["gold"] == name and row["predicted"] == name for row in rows)
        n_pred = sum(row["predicted"] == name for row in rows)
        support = sum(row["gold"] == name for row in rows)
        per_type[name] = {"support": support, "predicted": n_pred, "tp": tp, **prf(tp, n_pred, support)}
    gold_types = [name for name in types if per_type[name]["support"]]
    macro_f1 = sum(per_type[name]["f1"] for name in gold_types) / len(gold_types) if gold_types else 0.0
    confusion: dict[str, dict[str, int]] = {}
    for row in rows:
        cell = confusion.setdefault(row["gold"], {})
        key = row["predicted"] or NO_EVENT
        cell[key] = cell.get(key, 0) + 1
    # 4.
    by_id = {record.id: record for record in records}
    actors: dict[str, dict[str, float | int]] = {}
    for side, attr in (("source", "sources"), ("target", "targets")):
        for kind in ("country", "sector"):
            total = hits = 0
            for row in rows:
                expected = {getattr(actor, kind) for actor in getattr(by_id[row["id"]], attr)} - {None}
                if not expected:
                    continue
                total += 1
                hits += row[f"{side}_{kind}"] in expected
            actors[f"{side}_{kind}"] = _share(hits, total)
    # 5.
    by_threshold = []
    for threshold in thresholds:
        kept = [row for row in rows if row["predicted"] is not None and row["confidence"] >= threshold]
        hits = sum(row["predicted"] == row["gold"] for row in kept)
        by_threshold.append({"threshold": threshold, "kept": len(kept), **prf(hits, len(kept), n)})
    return {
        "gold": str(path),
        "gold_sha256": _digest(path),
        "n_records": n,
        "n_with_events": predicted,
        "event_accuracy": correct / n if n else 0.0,
        "event": {**prf(correct, predicted, n), "macro_f1": macro_f1},
        "per_type": per_type,
        "actors": actors,
        "confusion": confusion,
        "thresholds": by_threshold,
        "records": rows,
    }


def format_report(result: Mapping[str, Any]) -> str:
    """Plain-text report of an `evaluate` result (the CLI prints it)."""
    event = result["event"]
    lines = [
        f"PLOVER GSR: {result['n_records']} sentences, {result['n_with_events']} coded "
        f"(gold sha256 {result['gold_sha256'][:12]})",
        f"event type accuracy {result['event_accuracy']:.3f}   "
        f"P {event['precision']:.3f}  R {event['recall']:.3f}  F1 {event['f1']:.3f}  "
        f"macro-F1 {event['macro_f1']:.3f}",
        "",
        "actors (best event vs any gold actor)",
    ]
    for name, share in result["actors"].items():
        lines.append(f"  {name:<15} {share['accuracy']:.3f}  ({share['correct']}/{share['total']})")
    lines += ["", f"  {'type':<10} {'support':>7} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, row in result["per_type"].items():
        lines.append(
            f"  {name:<10} {row['support']:>7} {row['predicted']:>5} "
            f"{row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f}"
        )
    lines += ["", "confusion (rows gold, columns predicted)"]
    columns = sorted({key for cell in result["confusion"].values() for key in cell})
    labels = [column.strip("()")[:4] for column in columns]
    if len(set(labels)) < len(labels):  # abbreviations collide: print names in full
        labels = columns
    width = max([len(label) for label in labels] + [4])
    lines.append("  " + " " * 10 + " ".join(f"{label:>{width}}" for label in labels))
    for gold, cell in sorted(result["confusion"].items()):
        counts = " ".join(f"{cell.get(column, 0) or '.':>{width}}" for column in columns)
        lines.append(f"  {gold:<10}{counts}")
    lines += ["", "confidence threshold", f"  {'min':>4} {'kept':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for row in result["thresholds"]:
        lines.append(
            f"  {row['threshold']:>4.1f} {row['kept']:>5} {row['precision']:>6.3f} {row['recall']:>6.3f} "
            f"{row['f1']:>6.3f}"
        )
    return "\n".join(lines)
