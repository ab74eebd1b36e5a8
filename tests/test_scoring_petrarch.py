"""Tests for sitrep.scoring.petrarch: gold parsing, actor entries and triple matching on hand-made files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitrep.errors import GoldError
from sitrep.scoring import petrarch

from .conftest import SHARED as SHARED_ROOT

SHARED = SHARED_ROOT / "gold" / "petrarch-unittest"

GOLD_XML = """<Validation>
<!-- <EventCoding sourcecode="XXX" targetcode="YYY" eventcode="999"></EventCoding> -->
<Sentences>
<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties
with Gondor.
</Text>
<Parse>(ROOT (S))</Parse>
</Sentence>
<Sentence date = "19950102" id ="COMP-01"  category="COMPOUND" sentence="true">
<!-- Last update: a comment inside a sentence -->
<EventCoding sourcecode="BREGOV" targetcode="ERI" eventcode="042"></EventCoding>
<EventCoding sourcecode="BREGOV" targetcode="OSG" eventcode="042"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="1123"></EventCoding>
<Text>Bree's minister visited Eriador and Osgiliath.</Text>
</Sentence>
<Sentence date="19950103" id="NONE-01" category="MODIFY" sentence="true">
<EventCoding noevents = "True"> </EventCoding>
<Text>Arnor did not restore ties.</Text>
</Sentence>
<Sentence date="19950104" id="DISCARD-01" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Arnor won the golf championship.</Text>
</Sentence>
<Sentence date="19950105" id="ERROR-01" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Skipped: the error is about PETRARCH's parse input.</Text>
</Sentence>
<Sentence date="19950106" id="OPEN-01" category="PATTERN" sentence="true">
<Text>No expectation at all: skipped.</Text>
</Sentence>
</Sentences>
</Validation>
"""

ACTORS = """<!-- TEST ACTORS -->
<!-- a comment block
ORTHANC [ISE]
-->
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN   # a trailing comment
BOROMIR  [---]
GOLLUM  # pas
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
SAM_GAMGEE [HOB]
\t[HOBCIV <20080120]
LORIEN  [ELR/GAL]
PALESTINIAN [pse]
<! -- NEW ACTORS -->
CIRITH UNGOL [MORMIL]
"""


@dataclass(frozen=True)
class FakeEvent:
    code: str
    source_code: str | None = None
    target_code: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    confidence: float = 1.0


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "records.xml"
    path.write_text(GOLD_XML, encoding="utf-8")
    return path


def _coder(table: dict[str, list]):
    return lambda text, published: table.get(text)


def test_petrarch_load_strips_comments_and_keeps_testable_sentences(gold):
    sentences = petrarch.load_sentences(gold)
    assert [s.id for s in sentences] == ["DEMO-01", "COMP-01", "NONE-01", "DISCARD-01"]
    demo = sentences[0]
    assert demo.events == (("ARN", "GON", "064"),)  # the commented-out 999 coding is ignored
    assert demo.text == "Arnor is about to restore full diplomatic ties with Gondor."
    assert demo.date == "1995-01-01"
    assert sentences[1].events[2] == ("---", "OSG", "1123")  # quoted unknown actor text
    assert sentences[2].events == () and sentences[3].events == ()


def test_petrarch_actor_entries_read_names_synonyms_and_codes(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    entries = petrarch.actor_entries(path)
    assert entries["ARNOR"] == "ARN"
    assert entries["MINAS TIRITH"] == entries["ANORIEN"] == entries["GONDOR"] == "GON"
    assert entries["SMEAGOL"] == entries["GOLLUM"] == "HOBREB"  # only dated codes: the latest
    assert entries["SAM GAMGEE"] == "HOB"  # an undated code wins over dated ones
    assert entries["LORIEN"] == "ELR"
    assert entries["PALESTINIAN"] == "PSE"
    assert entries["CIRITH UNGOL"] == "MORMIL"
    assert "BOROMIR" not in entries  # '---' is no code
    assert "ORTHANC" not in entries  # commented out


def test_petrarch_coder_returning_nothing(gold):
    result = petrarch.evaluate(gold, coder=lambda text, published: None)
    assert result["n_sentences"] == 4 and result["n_gold_events"] == 4
    assert result["triples"]["country"]["tp"] == 0
    assert result["triples"]["country"]["recall"] == 0.0
    assert result["no_event"] == {"sentences": 2, "with_events": 0, "false_positive_rate": 0.0}
    assert result["root_confusion"]["04"] == {petrarch.NO_EVENT: 2}
    assert "4 gold events, 0 coded" in petrarch.format_report(result)


def test_petrarch_triples_match_at_full_country_and_root_level(gold):
    coder = _coder({
        "Arnor is about to restore full diplomatic ties with Gondor.": [
            FakeEvent("064", source_code="ARN", target_code="GONGOV"),  # country-level match only
        ],
        "Bree's minister visited Eriador and Osgiliath.": [
            FakeEvent("042", source_country="BRE", source_sector="GOV", target_code="ERI"),  # full match
            FakeEvent("043", source_code="BREGOV", target_code="OSG"),  # root-level match only
            FakeEvent("042", source_code="BREGOV", target_code="OSG"),  # full match
            FakeEvent("1123", target_code="OSG"),  # '---' source: full match
        ],
    })
    triples = petrarch.evaluate(gold, coder=coder)["triples"]
    assert (triples["full"]["tp"], triples["country"]["tp"], triples["root"]["tp"]) == (3, 4, 4)
    assert triples["full"]["predicted"] == 5 and triples["full"]["gold"] == 4
    assert triples["country"]["precision"] == pytest.approx(4 / 5)
    assert triples["country"]["recall"] == pytest.approx(1.0)


def test_petrarch_duplicate_coded_events_match_once(gold):
    twice = [FakeEvent("064", source_code="ARN", target_code="GON")] * 2
    coder = _coder({"Arnor is about to restore full diplomatic ties with Gondor.": twice})
    country = petrarch.evaluate(gold, coder=coder)["triples"]["country"]
    assert country["tp"] == 1 and country["predicted"] == 2


def test_petrarch_no_event_false_positive_rate_and_root_confusion(gold):
    coder = _coder({
        "Arnor did not restore ties.": [FakeEvent("064", source_code="ARN")],
        "Bree's minister visited Eriador and Osgiliath.": [FakeEvent("111", source_code="BRE")],
    })
    result = petrarch.evaluate(gold, coder=coder)
    assert result["no_event"]["with_events"] == 1
    assert result["no_event"]["false_positive_rate"] == pytest.approx(0.5)
    confusion = result["root_confusion"]
    assert confusion[petrarch.NO_EVENT] == {"06": 1}  # the spurious event in a no-event sentence
    assert confusion["11"] == {"11": 1}  # 1123 aligned with 111 by root, actors ignored
    assert confusion["04"] == {petrarch.NO_EVENT: 2}
    assert confusion["06"] == {petrarch.NO_EVENT: 1}
    report = petrarch.format_report(result)
    assert "false-positive rate 0.500" in report
    json.dumps(result)


def test_petrarch_limit_and_category_breakdown(gold):
    coder = _coder({"Arnor is about to restore full diplomatic ties with Gondor.": [
        FakeEvent("064", source_code="ARN", target_code="GON")]})
    result = petrarch.evaluate(gold, coder=coder, limit=2)
    assert result["n_sentences"] == 2
    assert result["by_category"]["DEMO"]["f1"] == pytest.approx(1.0)
    assert result["by_category"]["COMPOUND"]["recall"] == 0.0


def test_petrarch_missing_or_malformed_gold_raises_gold_error(tmp_path):
    with pytest.raises(GoldError, match="not found"):
        petrarch.load_sentences(tmp_path / "absent.xml")
    bad = tmp_path / "bad.xml"
    bad.write_text("<Validation><Sentence>", encoding="utf-8")
    with pytest.raises(GoldError):
        petrarch.load_sentences(bad)
    with pytest.raises(GoldError):
        petrarch.actor_entries(tmp_path / "absent.txt")


def test_petrarch_shared_gold_and_actor_dictionary():
    if not SHARED.exists():
        pytest.skip(f"shared gold {SHARED} is absent")
    sentences = petrarch.load_sentences(SHARED / "PETR.UnitTest.records.xml")
    assert sum(len(s.events) for s in sentences) == 359
    assert sum(1 for s in sentences if s.events) == 257
    assert all(event[2] != "999" for s in sentences for event in s.events)
    entries = petrarch.actor_entries(SHARED / "PETR.Validate.actors.txt")
    assert entries["ARNOR"] == "ARN" and entries["MINAS TIRITH"] == "GON"
    assert entries["OSGILIATH"] == "OSG" and entries["ERIADORIAN"] == "ERI"
    assert len(entries) > 129  # entries plus their synonyms


@pytest.mark.slow
def test_petrarch_real_coder_runs_on_shared_gold():
    if not SHARED.exists():
        pytest.skip(f"shared gold {SHARED} is absent")
    api = pytest.importorskip("sitrep.api")
    try:
        api.code_text("Japan condemned North Korea.", published="2024-06-24")
    except (AttributeError, ImportError) as error:
        pytest.skip(f"the real coder is not usable yet: {error}")
    result = petrarch.evaluate(
        SHARED / "PETR.UnitTest.records.xml", actors_path=SHARED / "PETR.Validate.actors.txt"
    )
    assert result["n_gold_events"] == 359
    assert result["n_coded_events"] > 0
    assert 0.0 <= result["triples"]["country"]["f1"] <= 1.0


def test_petrarch_sitrep_entries_capitalise_names_and_reduce_stacked_codes():
    entries = petrarch.sitrep_entries({"ARNOR": "ARN", "MINAS TIRITH": "GON", "HAMAS": "PSEREBHMS",
                                       "ITHILEN TELEVISION": "ITHTV", "RED CROSS": "NGO"})
    # upper-case PETRARCH names would be read as acronyms that only match "ARNOR" in capitals
    assert entries == {"Arnor": "ARN", "Minas Tirith": "GON", "Hamas": "PSEREB", "Ithilen Television": "ITH"}


def test_petrarch_test_world_names_match_in_running_text():
    from sitrep.actors.resolve import ActorDictionary, resolve

    dictionary = ActorDictionary.default().with_entries(petrarch.sitrep_entries({"ARNOR": "ARN", "BREE": "BRE"}))
    assert resolve("Arnor", dictionary=dictionary).code == "ARN"
    assert resolve("Bree government", dictionary=dictionary).code == "BREGOV"
    assert resolve("bree", dictionary=dictionary) is None  # still a name: it needs its capital


def test_petrarch_dyad_level_ignores_the_test_worlds_event_codes(gold):
    coder = _coder({"Arnor is about to restore full diplomatic ties with Gondor.": [
        FakeEvent("0311", source_code="ARNGOV", target_code="GON"),  # a CAMEO code the test world lacks
        FakeEvent("0311", source_code="GON", target_code="ARN"),  # source and target swapped
    ]})
    triples = petrarch.evaluate(gold, coder=coder)["triples"]
    assert triples["country"]["tp"] == 0
    assert triples["dyad"]["tp"] == 1 and triples["dyad"]["predicted"] == 2
