"""Tests for sitrep.scoring.dates: the relative-date gold resolves against TimeBank and scores."""

from __future__ import annotations

import json

import pytest

from sitrep.scoring import dates as scoring

needs_timebank = pytest.mark.skipif(
    not scoring.TIMEBANK_DIR.is_dir(), reason=f"TimeBank files not found in {scoring.TIMEBANK_DIR}"
)


@needs_timebank
def test_scoring_dates_reader_keeps_offsets_of_every_timex():
    doc = scoring.read_timebank(next(iter(sorted(scoring.TIMEBANK_DIR.glob("*.tml")))))
    assert doc.published and doc.timexes
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text
        assert "<" not in timex.text


@needs_timebank
def test_scoring_dates_gold_references_point_at_their_expressions():
    records = [json.loads(line) for line in scoring.DEFAULT_GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 150
    docs: dict[str, scoring.TimeBankDoc] = {}
    for record in records:
        if record["source"] != "timebank":
            continue
        doc = docs.get(record["doc"]) or scoring.read_timebank(scoring.TIMEBANK_DIR / f"{record['doc']}.tml")
        docs[record["doc"]] = doc
        assert doc.text[record["start"] : record["end"]] == record["text"]
        assert record["published"] == doc.published


@needs_timebank
@pytest.mark.slow
def test_scoring_dates_evaluate_reports_accuracy_per_type():
    result = scoring.evaluate()
    assert result["n"] >= 150
    assert set(result["by_type"]) >= {"weekday", "deictic_day", "last_next_unit", "month_name", "year", "ago"}
    assert result["accuracy"] >= 0.95  # floor: development figure 0.994 on 473 references
    assert "relative dates:" in scoring.format_report(result)


def test_scoring_dates_skips_without_timebank(monkeypatch, tmp_path):
    monkeypatch.setattr(scoring, "TIMEBANK_DIR", tmp_path / "absent")
    result = scoring.evaluate()
    assert "skipped" in result
    assert scoring.format_report(result).startswith("dates: skipped")
