"""Tests for sitrep.scoring.plover_gsr: matching and metrics on hand-made gold, plus the shared gold."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitrep.errors import GoldError
from sitrep.scoring import plover_gsr

from .conftest import SHARED

SHARED_GOLD = SHARED / "gold" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"


@dataclass(frozen=True)
class FakeEvent:
    """The fields of sitrep's Event that the scorer reads."""

    code: str = "010"
    plover_event: str | None = None
    confidence: float | None = 1.0
    source_code: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    target_code: str | None = None
    target_country: str | None = None
    target_sector: str | None = None


def _record(rid: str, event: str, text: str, *, source=None, target=None) -> dict:
    record = {"id": rid, "date": "2000-01-01", "event": event, "text": text, "eventText": "x"}
    if source is not None:
        record["source"] = source
    if target is not None:
        record["target"] = target
    return record


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    records = [
        {"id": "DOC", "event": "DOCUMENT", "version": "0.5b1"},
        _record("r1", "DEMAND", "Arnor demanded aid.",
                source=[{"actorText": "Arnor", "code": "JAP", "sector": "GOV"}],
                target=[{"actorText": "Gondor", "code": "GON"}]),
        _record("r2", "FIGHT", "Troops clashed.",
                source=[{"actorText": "a", "code": "ISR", "sector": "MIL"},
                        {"actorText": "b", "code": "PSE", "sector": "CVLalb"}],
                target=""),
        _record("r3", "AGREE", "They agreed.", source=[{"actorText": "c", "code": "USA", "sector": "***"}]),
        _record("r4", "DISAPPROVE", "Critics denounced it."),
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def _coder(table: dict[str, list]):
    return lambda text, published: table.get(text)


def test_plover_gsr_load_maps_old_event_names_and_skips_header(gold):
    records = plover_gsr.load_records(gold)
    assert [r.event for r in records] == ["REQUEST", "ASSAULT", "AGREE", "ACCUSE"]
    assert records[0].sources[0].country == "JPN"  # pre-ISO alias in the gold
    assert records[1].targets == ()
    assert records[1].sources[1].sector == "CVL"
    assert records[2].sources[0].sector is None


def test_plover_gsr_coder_returning_nothing_scores_zero(gold):
    result = plover_gsr.evaluate(gold, coder=lambda text, published: None)
    assert result["n_records"] == 4 and result["n_with_events"] == 0
    assert result["event_accuracy"] == 0.0
    assert result["event"]["precision"] == 0.0
    assert result["confusion"]["REQUEST"] == {plover_gsr.NO_EVENT: 1}
    assert all(row["kept"] == 0 for row in result["thresholds"])
    assert "4 sentences, 0 coded" in plover_gsr.format_report(result)


def test_plover_gsr_best_event_is_the_most_confident(gold):
    coder = _coder({
        "Arnor demanded aid.": [FakeEvent(plover_event="REQUEST", confidence=0.4),
                                FakeEvent(plover_event="THREATEN", confidence=0.8)],
        "Troops clashed.": [FakeEvent(plover_event="FIGHT", confidence=0.3)],
    })
    result = plover_gsr.evaluate(gold, coder=coder)
    assert result["event_accuracy"] == pytest.approx(1 / 4)
    assert result["confusion"]["REQUEST"] == {"THREATEN": 1}
    assert result["confusion"]["ASSAULT"] == {"ASSAULT": 1}  # old names are mapped on the coder's side too
    assert result["event"]["precision"] == pytest.approx(1 / 2)
    assert result["event"]["recall"] == pytest.approx(1 / 4)


def test_plover_gsr_plover_type_falls_back_to_cameo_code(gold):
    coder = _coder({"Troops clashed.": [{"code": "190", "confidence": 0.9}],
                    "Critics denounced it.": [FakeEvent(code="111", plover_event=None)]})
    result = plover_gsr.evaluate(gold, coder=coder)
    assert result["per_type"]["ASSAULT"]["tp"] == 1
    assert result["per_type"]["ACCUSE"]["tp"] == 1
    assert result["per_type"]["ACCUSE"]["f1"] == pytest.approx(1.0)


def test_plover_gsr_actor_country_and_sector_accuracy(gold):
    coder = _coder({
        "Arnor demanded aid.": [FakeEvent(plover_event="REQUEST", source_code="JPNGOV", target_country="GON",
                                          target_sector="GOV")],
        "Troops clashed.": [FakeEvent(plover_event="ASSAULT", source_country="PSE", source_sector="CVL")],
        "They agreed.": [FakeEvent(plover_event="AGREE", source_country="GBR", source_sector="GOV")],
    })
    actors = plover_gsr.evaluate(gold, coder=coder)["actors"]
    assert actors["source_country"] == {"correct": 2, "total": 3, "accuracy": pytest.approx(2 / 3)}
    assert actors["target_country"]["total"] == 1 and actors["target_country"]["correct"] == 1
    assert actors["target_sector"]["total"] == 0  # the gold target has no sector
    assert actors["source_sector"]["total"] == 2  # '***' is not a sector
    assert actors["source_sector"]["correct"] == 1  # JPNGOV without a sector field: no sector


def test_plover_gsr_thresholds_drop_low_confidence_events(gold):
    coder = _coder({
        "Arnor demanded aid.": [FakeEvent(plover_event="REQUEST", confidence=0.95)],
        "Troops clashed.": [FakeEvent(plover_event="ASSAULT", confidence=0.55)],
        "They agreed.": [FakeEvent(plover_event="REJECT", confidence=0.25)],
        "Critics denounced it.": [FakeEvent(plover_event="ACCUSE", confidence=None)],
    })
    table = {row["threshold"]: row for row in plover_gsr.evaluate(gold, coder=coder)["thresholds"]}
    assert list(table) == list(plover_gsr.THRESHOLDS)
    assert table[0.0]["kept"] == 4 and table[0.0]["precision"] == pytest.approx(3 / 4)
    assert table[0.3]["kept"] == 3 and table[0.3]["precision"] == pytest.approx(1.0)
    assert table[0.6]["kept"] == 2 and table[0.6]["recall"] == pytest.approx(2 / 4)
    assert table[0.9]["kept"] == 2  # no confidence: never filtered


def test_plover_gsr_limit_and_report(gold):
    coder = _coder({"Arnor demanded aid.": [FakeEvent(plover_event="REQUEST")]})
    result = plover_gsr.evaluate(gold, coder=coder, limit=2)
    assert result["n_records"] == 2
    assert len(result["gold_sha256"]) == 64
    report = plover_gsr.format_report(result)
    assert "event type accuracy 0.500" in report
    assert "REQUEST" in report and "confidence threshold" in report
    json.dumps(result)  # JSON-ready for the CLI's --json


def test_plover_gsr_missing_or_malformed_gold_raises_gold_error(tmp_path):
    with pytest.raises(GoldError, match="not found"):
        plover_gsr.load_records(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError):
        plover_gsr.load_records(bad)


def test_plover_gsr_shared_gold_loads_with_current_names():
    if not SHARED_GOLD.exists():
        pytest.skip(f"shared gold {SHARED_GOLD} is absent")
    records = plover_gsr.load_records(SHARED_GOLD)
    assert len(records) == 322
    events = {record.event for record in records}
    assert not events & set(plover_gsr.OLD_EVENT_NAMES)
    assert {"REQUEST", "ACCUSE", "ASSAULT"} <= events
    result = plover_gsr.evaluate(SHARED_GOLD, coder=lambda text, published: [], limit=20)
    assert result["n_records"] == 20 and result["event_accuracy"] == 0.0


def _skip_without_coder() -> None:
    api = pytest.importorskip("sitrep.api")
    try:
        api.code_text("Japan condemned North Korea.", published="2024-06-24")
    except (AttributeError, ImportError) as error:
        pytest.skip(f"the real coder is not usable yet: {error}")


@pytest.mark.slow
def test_plover_gsr_real_coder_runs_on_shared_gold():
    if not SHARED_GOLD.exists():
        pytest.skip(f"shared gold {SHARED_GOLD} is absent")
    _skip_without_coder()
    result = plover_gsr.evaluate(SHARED_GOLD)
    assert result["n_records"] == 322
    assert result["n_with_events"] > 0
    assert 0.0 <= result["event_accuracy"] <= 1.0
