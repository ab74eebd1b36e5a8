"""Score coded events against hand-coded gold in the examples' JSONL format.

Gold lines: ``{"doc", "source", "target", "root", "alt_roots", "code", "date", "required", "note"}``.
Matching (as the gold's own guidelines suggest): a system event matches a gold line when doc, source
country and target country are equal and its root is the gold root or one of the alternatives.
System events are first reduced to one per (doc, source, target, root): the same act reported twice
is one coded event. Recall counts required lines only; precision counts all system events, where a
match with an optional line (``required: false``) is neutral. Dates are compared where the gold has a
full day, against every matching mention (not only the one kept per dyad and root). Only events counted by default (not negated, hypothetical or historical) are scored.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import GoldError

__all__ = ["load_gold", "evaluate", "format_report", "THRESHOLDS"]

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def load_gold(path: str | Path) -> list[dict]:
    """Read a gold JSONL file; every line needs doc, source, target and root."""
    path = Path(path)
    if not path.exists():
        raise GoldError(f"no gold file at {path}")
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["root"] = str(record["root"]).zfill(2)
            record["alt_roots"] = [str(r).zfill(2) for r in record.get("alt_roots") or []]
            record["required"] = bool(record.get("required", True))
            record["doc"], record["source"], record["target"]
        except (json.JSONDecodeError, KeyError) as error:
            raise GoldError(f"{path}:{number}: not a gold event line ({error})") from error
        gold.append(record)
    return gold


def _scored(events: Iterable[dict], docs: set[str], min_confidence: float) -> list[dict]:
    return [e for e in events if e["article_id"] in docs and e.get("counted", True)
            and (e.get("confidence") or 0) >= min_confidence]


def _system(events: Iterable[dict], docs: set[str], min_confidence: float) -> list[dict]:
    best: dict[tuple, dict] = {}
    for e in _scored(events, docs, min_confidence):
        key = (e["article_id"], e.get("source_country"), e.get("target_country"), e["code"][:2])
        if key not in best or (e.get("confidence") or 0) > (best[key].get("confidence") or 0):
            best[key] = e
    return list(best.values())


def _matches(event: dict, gold: dict) -> bool:
    return (
        event["article_id"] == gold["doc"]
        and event.get("source_country") == gold["source"]
        and event.get("target_country") == gold["target"]
        and event["code"][:2] in [gold["root"], *gold["alt_roots"]]
    )


def evaluate(gold: Sequence[dict], events: Sequence[dict], *, min_confidence: float = 0.0) -> dict:
    """P/R/F1, date accuracy, misses and false positives of `events` (dicts with article_id,
    source_country, target_country, code, confidence, counted, date, evidence) against `gold`."""
    docs = {g["doc"] for g in gold}
    system = _system(events, docs, min_confidence)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    tp, neutral, false_pos = [], [], []
    matched_gold: set[int] = set()
    for e in system:
        hits = [g for g in by_doc[e["article_id"]] if _matches(e, g)]
        required = [g for g in hits if g["required"]]
        if required:
            tp.append(e)
            matched_gold.update(id(g) for g in required)
        elif hits:
            neutral.append(e)
        else:
            false_pos.append(e)
    required_gold = [g for g in gold if g["required"]]
    found = [g for g in required_gold if id(g) in matched_gold]
    misses = [g for g in required_gold if id(g) not in matched_gold]
    precision = len(tp) / (len(tp) + len(false_pos)) if tp or false_pos else 0.0
    recall = len(found) / len(required_gold) if required_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    dated = exact = 0
    wrong_dates = []
    pool = _scored(events, docs, min_confidence)  # every mention, so two gold events of one dyad and root each find theirs
    for g in found:
        if g.get("date") and len(str(g["date"])) == 10:
            dated += 1
            hits = [e for e in pool if _matches(e, g)]
            if any(e.get("date") == g["date"] for e in hits):
                exact += 1
            else:
                wrong_dates.append((g, hits[0] if hits else {}))
    confusion: Counter = Counter()
    for e in false_pos:
        gold_roots = {g["root"] for g in by_doc[e["article_id"]]
                      if g["source"] == e.get("source_country") and g["target"] == e.get("target_country")}
        confusion[(", ".join(sorted(gold_roots)) or "none", e["code"][:2])] += 1
    return {
        "gold_required": len(required_gold),
        "system": len(system),
        "true_positives": len(tp),
        "neutral": len(neutral),
        "false_positives": false_pos,
        "misses": misses,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "dates_compared": dated,
        "date_accuracy": exact / dated if dated else None,
        "wrong_dates": wrong_dates,
        "confusion": dict(confusion),
        "per_root": _per_root(tp, false_pos, required_gold, found),
    }


def _per_root(tp, false_pos, required, found) -> dict[str, dict]:
    roots = sorted({e["code"][:2] for e in tp + false_pos} | {g["root"] for g in required})
    table = {}
    for root in roots:
        t = sum(1 for e in tp if e["code"][:2] == root)
        f = sum(1 for e in false_pos if e["code"][:2] == root)
        req = [g for g in required if g["root"] == root]
        hit = sum(1 for g in found if g["root"] == root)
        table[root] = {"tp": t, "fp": f, "gold": len(req), "found": hit}
    return table


def threshold_table(gold: Sequence[dict], events: Sequence[dict]) -> list[dict]:
    """Precision and recall at each confidence threshold (the operating points `--min-confidence` picks from)."""
    rows = []
    for threshold in THRESHOLDS:
        result = evaluate(gold, events, min_confidence=threshold)
        rows.append({"threshold": threshold, "precision": result["precision"], "recall": result["recall"],
                     "f1": result["f1"], "events": result["system"]})
    return rows


def format_report(result: dict, *, thresholds: list[dict] | None = None, details: bool = True) -> str:
    """A plain-text report: headline figures, per-root table, misses and false positives with evidence."""
    lines = [
        f"events scored: {result['system']} (true positives {result['true_positives']}, "
        f"neutral {result['neutral']}, false positives {len(result['false_positives'])}); "
        f"required gold events: {result['gold_required']}",
        f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}",
    ]
    if result["date_accuracy"] is not None:
        lines.append(f"date exact match on {result['dates_compared']} found day-dated gold events: {result['date_accuracy']:.3f}")
    lines.append("\nroot  tp  fp  found/gold")
    for root, row in result["per_root"].items():
        lines.append(f"{root:>4} {row['tp']:>3} {row['fp']:>3}  {row['found']}/{row['gold']}")
    if result["confusion"]:
        lines.append("\nfalse positives by (gold roots for that dyad -> system root):")
        for (gold_root, system_root), n in sorted(result["confusion"].items(), key=lambda kv: -kv[1]):
            lines.append(f"  {gold_root:>8} -> {system_root}: {n}")
    if thresholds:
        lines.append("\nmin-confidence  precision  recall  F1     events")
        for row in thresholds:
            lines.append(f"{row['threshold']:>14.1f}  {row['precision']:>9.3f}  {row['recall']:>6.3f}  {row['f1']:.3f}  {row['events']:>6}")
    if details:
        lines.append("\nmisses (required gold events not found):")
        for g in result["misses"]:
            lines.append(f"  {g['doc']}: {g['source']} -> {g['target']} {g['code']} ({g.get('date')}): {g.get('note', '')}")
        lines.append("\nwrong dates (gold day -> coded date):")
        for g, e in result.get("wrong_dates", ()):
            lines.append(f"  {g['doc']}: {g['source']} -> {g['target']} {g['code']} {g['date']} -> {e.get('date')} "
                         f"({e.get('date_text')!r}) {e.get('evidence', '')[:120]}")
        lines.append("\nfalse positives:")
        for e in result["false_positives"]:
            lines.append(f"  {e['article_id']}: {e.get('source_country')} -> {e.get('target_country')} {e['code']} "
                         f"[{e.get('trigger')}] {e.get('evidence', '')[:160]}")
    return "\n".join(lines)
