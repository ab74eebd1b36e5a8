"""Session 8 (issue 17): constructions of news English the coder had no rule for, each on sentences
written for these tests (not gold sentences): gapped lists, counterparts, one event per pair of sides."""

from __future__ import annotations

import pytest

from sitrep.api import code_text


def _events(text: str, *, published: str = "2024-03-06") -> list:
    return [e for e in code_text(text, published=published) if e.counted]


def _triples(text: str) -> list[tuple]:
    return [(e.source_country, e.target_country, e.root) for e in _events(text)]


@pytest.mark.parametrize("text, expected", [
    ("Germany sent 300 soldiers to Bosnia, France 200 and Italy 150.",
     {("DEU", "BIH", "07"), ("FRA", "BIH", "07"), ("ITA", "BIH", "07")}),
    ("Spain has promised up to 600 troops to Lebanon; Portugal, 300; Belgium, 250.",
     {("ESP", "LBN", "03"), ("PRT", "LBN", "03"), ("BEL", "LBN", "03")}),
])
def test_gapping_listed_states_share_the_verb_and_its_target(text, expected):
    triples = set(_triples(text))
    assert expected <= triples
    assert not any(t[1] in ("FRA", "ITA", "PRT", "BEL") for t in triples)  # a listed giver receives nothing


def test_gapping_needs_a_counted_object():
    # a plain list of destinations is no gapped list: each is a target
    triples = set(_triples("Canada sent troops to Mali, Niger and Chad."))
    assert {("CAN", "MLI", "07"), ("CAN", "NER", "07"), ("CAN", "TCD", "07")} <= triples


@pytest.mark.parametrize("text, expected", [
    ("The Japanese foreign minister held talks with his Thai counterpart in Bangkok.", ("JPN", "THA", "04")),
    ("The Polish president telephoned his Ukrainian counterpart on Friday.", ("POL", "UKR", "04")),
])
def test_counterpart_with_a_national_adjective_is_that_country(text, expected):
    assert expected in _triples(text)


def test_prune_one_event_per_code_between_the_same_two_sides():
    events = _events("Mexico's president will travel to Washington next week for talks with President Bush.")
    pairs = [(e.source_country, e.target_country, e.code) for e in events]
    assert ("MEX", "USA") in {p[:2] for p in pairs}
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("text, expected", [
    ("A visit by Chinese President Hu Jintao to Brazil will begin on Monday.", ("CHN", "BRA", "04")),
    ("The Iranian foreign minister began a tour of Qatar and Oman on Sunday.", ("IRN", "QAT", "04")),
    ("Japan's foreign minister spent two days in Seoul for talks with South Korean officials.", ("JPN", "KOR", "04")),
])
def test_travel_nouns_and_stays_are_visits(text, expected):
    assert expected in _triples(text)


def test_travel_a_stay_of_years_is_no_visit():
    assert not _triples("The Kenyan general spent ten years in Angola.")


@pytest.mark.parametrize("text, expected", [
    ("Vietnam hopes to expand trade with Cambodia.", ("VNM", "KHM", "03")),
    ("Germany intends to increase its aid to Afghanistan.", ("DEU", "AFG", "03")),
    ("Iran wants to improve relations with Saudi Arabia.", ("IRN", "SAU", "03")),
])
def test_planned_relation_building_is_an_intent_to_cooperate(text, expected):
    assert expected in _triples(text)


def test_planned_attack_is_not_an_intent_to_cooperate():
    assert not any(t[2] == "03" for t in _triples("Israel plans to attack Iran."))


def test_prune_a_meeting_during_a_visit_is_two_events():
    roots = [(e.source_country, e.target_country, e.code) for e in _events(
        "Kim Jong-un met with Vladimir Putin during a rare visit to Russia.")]
    assert ("PRK", "RUS", "040") in roots and ("PRK", "RUS", "042") in roots


@pytest.mark.parametrize("text, expected", [
    ("Iraq rejected any suggestion that Kuwait should be compensated.", ("IRQ", "KWT", "12")),
    ("The Iranian minister dismissed suggestions that Syria would abandon its ally.", ("IRN", "SYR", "12")),
])
def test_rejected_clause_targets_the_actor_it_is_about(text, expected):
    assert expected in _triples(text)


@pytest.mark.parametrize("text, expected", [
    ("Russia provided Syria with air defence missiles.", ("RUS", "SYR", "07")),
    ("Germany supplied Ukraine with tanks.", ("DEU", "UKR", "07")),
])
def test_provide_with_the_recipient_is_the_object(text, expected):
    assert expected in _triples(text)


def test_itinerary_a_tour_takes_its_visitor_to_the_places_named():
    triples = _triples("The tour will take the Chinese premier to Kenya and Egypt.")
    assert ("CHN", "KEN", "04") in triples and ("CHN", "EGY", "04") in triples


def test_gerund_by_object_the_object_acts_and_an_alleged_act_is_not_counted():
    events = code_text("Iran accused 24 German companies of providing Iraq with chemical weapons.", published="2024-03-06")
    supplied = [e for e in events if e.root == "07"]
    assert supplied and all(e.source_country == "DEU" and not e.counted for e in supplied)
    assert ("EGY", "JOR", "05") in _triples("Egypt praised Jordan for sending aid to Gaza.")
    assert ("JOR", "PSE", "07") in _triples("Egypt praised Jordan for sending aid to Gaza.")
