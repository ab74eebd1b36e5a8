"""Scorers: each measures one stage against gold and returns a dict; `run` formats one for the CLI.

Named scorers: ``plover-gsr`` (event types on the PLOVER gold standard records), ``petrarch``
(PETRARCH unit-test triples), ``actors`` (NGEC actor-resolution cases), ``quotes`` (PolNeAR dev),
``dates`` (relative-date set), ``stories`` (syndicated corpus). Any other target is a gold events
JSONL file in the examples' format, scored against the store or against articles coded in memory.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import GoldError

__all__ = ["run", "NAMED", "SHARED", "Coder", "prf", "field"]

Coder = Callable[[str, str | None], Sequence[Any] | None]
"""Anything called as `coder(text, published)` that returns event-like objects (or None)."""

SHARED = settings.load().shared or Path(__file__).resolve().parents[2].parent / "shared"
"""The shared gold and reference folder the scorers read (never copied into the repo): the `shared`
setting (``$SITREP_SHARED`` or sitrep.toml), else ``../shared`` beside the checkout."""

NAMED = {
    "plover-gsr": "plover_gsr",
    "petrarch": "petrarch",
    "actors": "actors",
    "quotes": "quotes",
    "dates": "dates",
    "stories": "stories",
}


def prf(correct: int, predicted: int, expected: int) -> dict[str, float | int]:
    """Counts with precision, recall and F1 (0 where undefined): one definition for every scorer."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": correct, "predicted": predicted, "gold": expected, "precision": precision,
            "recall": recall, "f1": f1}


def field(event: Any, name: str) -> Any:
    """A field of an event given as a `code.Event`, any object with that attribute, or a mapping."""
    if isinstance(event, Mapping):
        return event.get(name)
    return getattr(event, name, None)


def run(target: str, *, db=None, articles: Path | None = None, min_confidence: float = 0.0,
        limit: int | None = None, details: bool = True) -> str:
    """Run the scorer `target` names and return its plain-text report."""
    if target in NAMED:
        module = importlib.import_module(f".{NAMED[target]}", __name__)
        options = {"limit": limit} if limit is not None else {}
        return module.format_report(module.evaluate(**options))
    return _score_events(Path(target), db=db, articles=articles, min_confidence=min_confidence, details=details)


def _score_events(gold_path: Path, *, db, articles: Path | None, min_confidence: float, details: bool) -> str:
    from . import events as scorer

    gold = scorer.load_gold(gold_path)
    docs = sorted({g["doc"] for g in gold})
    if articles is not None:
        rows = coded_in_memory(articles, docs)
    else:
        from ..api import open_store

        with open_store(db, read_only=True) as store:
            import pyarrow as pa

            table = store.query("SELECT * FROM mentions WHERE article_id IN (SELECT unnest(?))", [docs])
            rows = table.to_pylist() if isinstance(table, pa.Table) else []
        if not rows:
            raise GoldError(
                f"none of the {len(docs)} gold documents is in the store; ingest their articles first "
                f"(`sitrep ingest {gold_path.parent}`) or pass --articles FOLDER"
            )
    result = scorer.evaluate(gold, rows, min_confidence=min_confidence)
    return scorer.format_report(result, thresholds=scorer.threshold_table(gold, rows), details=details)


def coded_in_memory(folder: Path, docs: list[str]) -> list[dict]:
    """Code the articles of `folder` whose ids are in `docs` without a database; event rows as dicts."""
    from dataclasses import asdict

    from ..pipeline.batch import process_batch
    from ..text.read import Article, iter_articles

    wanted = set(docs)
    batch = [a for a in iter_articles([folder]) if isinstance(a, Article) and a.id in wanted]
    rows = []
    for result in process_batch(batch):
        for event in result.events:
            row = asdict(event)
            row.update(counted=event.counted, root=event.root)
            rows.append(row)
    return rows


def dump_rows(rows: list[dict]) -> str:
    """Rows as JSON lines (for saving a coded run next to a score)."""
    return "\n".join(json.dumps(r, default=str) for r in rows)
