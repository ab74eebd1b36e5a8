"""The events of both example articles, as stored, equal a committed snapshot.

A restructuring must not move a single event; a coder change that does move them updates the
snapshot on purpose (``SITREP_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_snapshot.py``)
and the diff shows, event by event, what changed in review.
"""

from __future__ import annotations

import json
import os

import pytest

import sitrep.api as api

from .conftest import ROOT

SNAPSHOT = ROOT / "tests" / "snapshots" / "examples-events.jsonl"

FIELDS = ("article_id", "sentence_index", "trigger", "trigger_start", "code", "source_code", "source_text",
          "target_code", "target_text", "modality", "counted", "confidence", "date", "date_precision",
          "place_name", "pattern")
"""What an analyst reads of an event mention (not ids or ingest times, which carry no meaning here)."""


def _rows(db) -> list[str]:
    with api.open_store(db, read_only=True) as store:
        table = store.query("SELECT * FROM mentions", [])
    rows = [{field: row[field] for field in FIELDS} for row in table.to_pylist()]
    for row in rows:
        if isinstance(row["confidence"], float):
            row["confidence"] = round(row["confidence"], 4)
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)


def test_snapshot_example_events_equal_the_committed_snapshot(example_db):
    rows = _rows(example_db)
    if os.environ.get("SITREP_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text("\n".join(rows) + "\n", encoding="utf-8")
        pytest.skip(f"snapshot rewritten: {SNAPSHOT.relative_to(ROOT)} ({len(rows)} event mentions)")
    expected = [line for line in SNAPSHOT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows, "the examples yield events"
    missing = sorted(set(expected) - set(rows))
    added = sorted(set(rows) - set(expected))
    assert not missing and not added, f"missing: {missing[:5]}\nadded: {added[:5]}"
