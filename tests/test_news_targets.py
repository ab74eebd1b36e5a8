"""Session 9 (issues 16, 17): targets that news English names and the coder lost, each on sentences
written for these tests (not gold sentences): a country after an aiming "at" is the act's target, not
its place; a nationality on a person or a vessel, settlement or patrol names the country acted on."""

from __future__ import annotations

import pytest

from sitrep.api import code_text


def _triples(text: str) -> set[tuple]:
    events = code_text("NAIROBI, May 4 (Xinhua)\n\n" + text, published="2024-05-04")
    return {(e.source_country, e.target_country, e.root) for e in events if e.counted}


@pytest.mark.parametrize("text, expected", [
    ("Venezuela lashed out at Colombia on Tuesday.", ("VEN", "COL", "11")),
    ("China hit out at Japan over the disputed islands.", ("CHN", "JPN", "11")),
    ("North Korea hit back at the United States over the new sanctions.", ("PRK", "USA", "11")),
    ("Syrian forces fired at Turkey on Monday.", ("SYR", "TUR", "19")),
])
def test_a_country_after_an_aiming_at_is_the_target(text, expected):
    assert expected in _triples(text)


def test_hitting_back_in_words_is_criticism_not_an_attack():
    triples = _triples("Iran hit back at Britain over the report.")
    assert ("IRN", "GBR", "11") in triples
    assert not any(t[2] == "19" for t in triples)


@pytest.mark.parametrize("text", [
    "The Ethiopian minister arrived at Nairobi airport on Monday.",
    "The talks were held at Geneva.",
])
def test_a_place_after_at_stays_a_place(text):
    assert not any(t[1] in ("KEN", "CHE") and t[2] != "04" for t in _triples(text))


@pytest.mark.parametrize("text, expected", [
    ("Kenyan police detained two Somali nationals.", ("KEN", "SOM", "17")),
    ("Ugandan troops arrested three Sudanese engineers.", ("UGA", "SDN", "17")),
    ("Somali pirates seized a Japanese tanker off the coast.", ("SOM", "JPN", "17")),
    ("Palestinian gunmen attacked an Israeli settlement.", ("PSE", "ISR", "19")),
    ("Taliban fighters ambushed a Pakistani army patrol.", ("AFG", "PAK", "19")),
])
def test_a_nationality_on_a_person_vessel_or_post_names_the_country_acted_on(text, expected):
    assert expected in _triples(text)


def test_a_bare_person_noun_names_no_country_of_its_own():
    # "men" takes no nationality: the arrest is coercion at home, of the police's own country
    triples = _triples("Kenyan police detained two men in Nairobi.")
    assert ("KEN", "KEN", "17") in triples
    assert {t[1] for t in triples} == {"KEN"}

