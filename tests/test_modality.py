"""Modality rules of issue 17 on sentences written for these tests: plans are not acts done, what is
hoped for or denied under a report is not asserted, and a warning on a condition happened."""

from __future__ import annotations

from sitrep.api import code_text


def _events(text: str):
    return code_text(text, published="2024-03-06")


def test_modality_will_on_a_governing_verb_makes_the_act_announced():
    events = [e for e in _events("Israel will begin withdrawing its troops from Lebanon next week.") if e.target_country == "LBN"]
    assert events and all("future" in e.modality and e.code.startswith("03") for e in events)


def test_modality_slated_visit_is_intent_not_a_visit():
    events = [e for e in _events("The slated visit of the Chinese premier to Japan was welcomed by Tokyo.")
              if e.source_country == "CHN"]
    assert events and not [e for e in events if e.root == "04"]


def test_modality_looking_forward_to_a_visit_is_intent():
    events = _events("Russia's president looked forward to visiting India.")
    assert events and not [e for e in events if e.root == "04"]


def test_modality_no_hope_that_clause_is_not_asserted():
    events = [e for e in _events("The minister said he had no hope that the Syrian army would withdraw from Lebanon.")
              if e.source_country == "SYR"]
    assert events and not [e for e in events if e.counted]


def test_modality_warning_on_a_condition_happened():
    events = [e for e in _events("Iran on Monday warned Israel of retaliatory strikes if it attacked its nuclear sites.")
              if e.source_country == "IRN" and e.target_country == "ISR"]
    assert events and all("hypothetical" not in e.modality and e.counted for e in events)


def test_modality_condition_still_makes_an_ordinary_act_hypothetical():
    events = [e for e in _events("Syria said it would withdraw from Lebanon if Israel left the Golan.")
              if e.source_country == "SYR" and e.target_country == "LBN"]
    assert not [e for e in events if e.root == "08" and e.counted]


def test_modality_neither_nor_is_a_refusal_not_an_intent():
    events = [e for e in _events("We will neither recognise Syria nor its demands, the Lebanese minister said.")
              if e.target_country == "SYR"]
    assert events and all(e.root == "12" for e in events)


def test_modality_denied_that_clause_is_not_asserted():
    events = [e for e in _events("Pakistan denied that its troops had attacked India.") if e.root == "19"]
    assert events and all("hypothetical" in e.modality for e in events)


def test_modality_dispatch_reported_as_under_way_is_intent():
    announced = [e for e in _events("France said Tuesday it was sending 1,000 troops to Albania.") if e.target_country == "ALB"]
    assert announced and all(e.root == "03" for e in announced)
    # the act itself, and an attack reported as under way, keep their codes
    assert {e.root for e in _events("France sent 1,000 troops to Albania on Tuesday.") if e.target_country == "ALB"} == {"07"}
    assert "03" not in {e.root for e in _events("Israel said its troops were attacking Hamas positions in Gaza.")}


def test_modality_talks_reported_as_under_way_are_going_on():
    events = _events('"We are discussing the matter with Germany," the French foreign minister said.')
    assert {e.root for e in events if e.target_country == "DEU"} == {"04"}


def test_modality_habit_is_no_event():
    assert not [e for e in _events("The United Nations inspector visits the Iraqi capital every two months.") if e.root == "04"]
    assert not [e for e in _events("The United Nations inspector regularly visits Baghdad.") if e.root == "04"]
    # positive control: the occurrence is coded
    assert [e for e in _events("The United Nations inspector visited Baghdad on Tuesday.") if e.root == "04" and e.counted]


def test_modality_a_stance_held_long_is_no_event():
    def counted(text):
        return [(e.source_country, e.target_country) for e in _events(text) if e.counted]
    assert not counted("China has long opposed Japan's bid for a permanent seat.")
    assert not counted("Washington has long expressed concern about Iranian missile exports.")
    # positive control: without "long" the perfect is an act
    assert ("CHN", "JPN") in counted("China has opposed Japan's bid for a permanent seat.")


def test_modality_transfer_going_on_under_a_later_report_is_the_act():
    events = [e for e in _events("The United States is providing weapons to Ukraine, officials said.") if e.target_country == "UKR"]
    assert events and all(e.root == "07" for e in events)
