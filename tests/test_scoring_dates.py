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


SAMPLE_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>sample</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-06-24" functionInDocument="CREATION_TIME">June 24, 2024</TIMEX3></DCT>
<TEXT>
The ministers <EVENT eid="e1" class="OCCURRENCE">signed</EVENT> the accord <TIMEX3 tid="t1" type="DATE" value="2024-06-21">Friday</TIMEX3>. The company <EVENT eid="e2" class="STATE">wants</EVENT> a new board, officials <EVENT eid="e3" class="REPORTING">say</EVENT>. Their <EVENT eid="e4" class="OCCURRENCE">talks</EVENT> last <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PRESENT" aspect="NONE" polarity="POS" pos="VERB" />
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PRESENT" aspect="NONE" polarity="POS" pos="VERB" />
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="NONE" aspect="NONE" polarity="POS" pos="NOUN" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l2" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei2" />
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei3" relatedToTime="t0" />
<TLINK lid="l4" relType="DURING" eventInstanceID="ei4" relatedToTime="t2" />
</TimeML>
"""


def test_scoring_dates_reader_keeps_events_and_links_read_event_to_time(tmp_path):
    path = tmp_path / "sample.tml"
    path.write_text(SAMPLE_TML, encoding="utf-8")
    doc = scoring.read_timebank(path)
    assert [e.text for e in doc.events] == ["signed", "wants", "say", "talks"]
    assert [(e.eiid, e.pos) for e in doc.events][-1] == ("ei4", "NOUN")
    assert scoring.TimeLink("ei2", "t0", "IS_INCLUDED") in doc.links  # "t0 INCLUDES ei2" turned round
    gold = {event.text: days for event, days, _ in scoring.attachment_gold(doc)}
    assert gold == {"signed": {"2024-06-21"}, "wants": {"2024-06-24"}}  # BEFORE and a duration are no day


def test_scoring_dates_attachment_scores_each_event_inside_a_day(tmp_path):
    (tmp_path / "sample.tml").write_text(SAMPLE_TML, encoding="utf-8")
    result = scoring.attachment(directory=tmp_path)
    assert (result["n"], result["correct"]) == (2, 2)
    assert result["by"]["anchor"]["creation time"]["n"] == 1
    assert result["by"]["place"]["same clause"]["correct"] == 1
    lines = scoring.format_attachment(result)
    assert lines[0].startswith("event-date attachment") and "2/2" in lines[0]


def test_scoring_dates_attachment_skips_without_timebank(tmp_path):
    result = scoring.attachment(directory=tmp_path / "absent")
    assert "skipped" in result and scoring.format_attachment(result)[0].startswith("event-date attachment: skipped")
