"""Accuracy gates: the coder's P/R on hand-coded gold must not fall below the floors in gold/floors.json.

Floors are pinned with the gold file's digest, so a changed gold file fails loudly instead of silently
moving the bar. Lowering a floor is an explicit, reviewed change of that file.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from sitrep import scoring
from sitrep.scoring import events as scorer

from .conftest import EXAMPLES, ROOT, SHARED

FLOORS = json.loads((ROOT / "gold" / "floors.json").read_text(encoding="utf-8"))


def _check(name: str, gold_path, articles) -> dict:
    floor = FLOORS[name]
    digest = hashlib.sha256(gold_path.read_bytes()).hexdigest()
    assert digest == floor["gold_sha256"], f"{gold_path} changed; re-measure and re-pin {name} in gold/floors.json"
    gold = scorer.load_gold(gold_path)
    rows = scoring.coded_in_memory(articles, sorted({g["doc"] for g in gold}))
    result = scorer.evaluate(gold, rows)
    assert result["precision"] >= floor["precision"], scorer.format_report(result)
    assert result["recall"] >= floor["recall"], scorer.format_report(result)
    if "date_accuracy" in floor:
        assert result["date_accuracy"] >= floor["date_accuracy"]
    return result


def test_accuracy_examples_gold_meets_its_floors():
    _check("examples", EXAMPLES / "gold-events.jsonl", EXAMPLES)


@pytest.mark.slow
def test_accuracy_handcoded_dev_meets_its_floors():
    folder = SHARED / "gold" / "handcoded-dev"
    if not folder.exists():
        pytest.skip(f"handcoded-dev gold not found at {folder}")
    _check("handcoded-dev", folder / "gold-events.jsonl", folder)


@pytest.mark.slow
def test_accuracy_plover_gsr_event_type_meets_its_floor():
    from sitrep.scoring import plover_gsr

    if not plover_gsr.DEFAULT_GOLD.exists():
        pytest.skip(f"PLOVER GSR gold not found at {plover_gsr.DEFAULT_GOLD}")
    floor = FLOORS["plover-gsr"]
    result = plover_gsr.evaluate(thresholds=())
    assert result["gold_sha256"] == floor["gold_sha256"], "PLOVER GSR gold changed; re-measure and re-pin it"
    assert result["event_accuracy"] >= floor["event_accuracy"], plover_gsr.format_report(result)


@pytest.mark.slow
def test_accuracy_handcoded_check_meets_its_floors():
    """The check split is scored only through shared/bin/score-gold (aggregates, never its sentences)."""
    import re
    import subprocess
    import sys

    folder, script = SHARED / "gold" / "handcoded-check", SHARED / "bin" / "score-gold"
    if not folder.exists() or not script.exists():
        pytest.skip(f"handcoded-check gold or score-gold not found under {SHARED}")
    floor = FLOORS["handcoded-check"]
    assert hashlib.sha256((folder / "gold-events.jsonl").read_bytes()).hexdigest() == floor["gold_sha256"], \
        "handcoded-check changed; re-measure and re-pin it in gold/floors.json"
    sitrep = ROOT / ".venv" / "bin" / "sitrep"
    printed = subprocess.run([sys.executable, str(script), str(folder), "--sitrep", str(sitrep)],
                             capture_output=True, text=True, check=True).stdout
    found = re.search(r"P=([\d.]+) R=([\d.]+) F1=[\d.]+ date_exact=([\d.]+)", printed)
    assert found, printed
    precision, recall, dates = map(float, found.groups())
    assert precision >= floor["precision"] and recall >= floor["recall"] and dates >= floor["date_accuracy"], printed
