"""Phrases that name no one by themselves ("the two sides", "the military", "which") and the actors
they stand for (`coder/antecedents.py`, the actor stage's context rules); invented sentences."""

from __future__ import annotations

import pytest

from sitrep.actors import find_mentions
from sitrep.api import code_text


@pytest.fixture(scope="module")
def nlp():
    from sitrep.text.analyse import nlp as load

    return load()


def _events(text: str) -> set[tuple]:
    return {(e.source_code, e.target_code, e.code[:2]) for e in code_text(text, published="2005-03-03") if e.counted}


def test_antecedents_pair_phrase_is_never_one_actor_of_the_dateline(nlp) -> None:
    doc = nlp("BEIJING, March 3 (Xinhua)\n\nThe two sides agreed to resume talks. Both governments agreed.")
    assert [m.text for m in find_mentions(doc, date="2005-03-03") if m.text in ("sides", "governments")] == []


def test_antecedents_two_sides_of_two_countries_act_on_each_other() -> None:
    found = _events("BEIJING, March 3 (Xinhua)\n\nOfficials from India and Pakistan met in Delhi on Monday. "
                    "The two sides agreed to resume talks.")
    assert ("IND", "PAK", "03") in found and ("PAK", "IND", "03") in found


def test_antecedents_both_sides_of_one_country_are_its_two_sectors() -> None:
    found = _events("Talks between Muslim rebels and the Philippine government stalled on Friday. "
                    "Both sides agreed to meet again next month.")
    assert ("PHLREB", "PHLGOV", "03") in found and ("PHLGOV", "PHLREB", "03") in found


def test_antecedents_two_sides_after_three_parties_name_no_one() -> None:
    found = _events("Officials from India, China and Pakistan met in Delhi on Monday. "
                    "The two sides agreed to resume talks.")
    assert not any(code == "03" for _, _, code in found)


def _codes(nlp, text: str) -> dict[str, str]:
    return {m.text: m.actor.code for m in find_mentions(nlp(text), date="2005-03-03")}


def test_antecedents_bare_military_takes_the_state_the_story_just_named(nlp) -> None:
    found = _codes(nlp, "WASHINGTON, March 3 (AFP)\n\nThe Philippine government met rebel leaders on Monday. "
                        "The military deployed a battalion in the area.")
    assert found.get("military") == "PHLMIL"  # the story's state, not the dateline's


def test_antecedents_armed_forces_are_the_story_state(nlp) -> None:
    found = _codes(nlp, "Philippine police detained a man who urged the armed forces to withdraw.")
    assert found.get("armed forces") == "PHLMIL"


def test_antecedents_bare_military_after_two_states_takes_neither(nlp) -> None:
    found = _codes(nlp, "Kenya accused Ethiopia of aggression on Monday. The military deployed troops on the border.")
    assert found.get("military") == "---MIL"


def test_antecedents_bare_forces_are_not_the_story_state(nlp) -> None:
    found = _codes(nlp, "The Philippine government met rebel leaders on Monday. Foreign forces left the area.")
    assert not any(code.startswith("PHL") for text, code in found.items() if "forces" in text)


@pytest.mark.parametrize("text, target", [
    ("Israel condemned Palestinian rocket fire on Sunday.", "PSE"),
    ("The Security Council denounced Libyan violation of the air embargo.", "LBY"),
    ("Egypt condemned the Israeli escalation against the Palestinian people.", "ISR"),
    ("Russia criticized the American intervention in Iraq.", "USA"),
])
def test_antecedents_act_noun_with_a_nationality_targets_its_agent(text, target) -> None:
    codes = code_text(text, published="2005-03-03")
    assert any(e.counted and e.code.startswith("11") and e.target_country == target for e in codes)


def test_antecedents_definite_group_noun_is_the_one_group_named_before(nlp) -> None:
    found = _codes(nlp, "The Islamic Courts attacked the town on Monday. "
                        "Washington accused the Islamists of links to Al-Qaeda.")
    assert found.get("Islamists") == "SOMREB"  # not the accuser's country


def test_antecedents_definite_group_noun_after_two_groups_names_neither(nlp) -> None:
    found = _codes(nlp, "The Islamic Courts and the Tamil Tigers attacked. The Islamists left.")
    assert found.get("Islamists") == "---REB"


def test_antecedents_the_movement_accused_of_an_act_is_the_body_named_before(nlp) -> None:
    found = _codes(nlp, "Hamas fighters attacked an army post. Israel accused the movement of breaking the truce.")
    assert found.get("movement") == "PSEREB"


def test_antecedents_the_group_with_a_qualifier_is_no_body_named_before(nlp) -> None:
    assert "group" not in _codes(nlp, "Hamas attacked on Monday. The group of experts met.")


def test_antecedents_they_after_coordinated_states_is_each_of_them() -> None:
    found = _events("Germany and France criticised Russia on Monday. They urged Moscow to withdraw its troops.")
    assert ("DEU", "RUSGOV", "02") in found and ("FRA", "RUSGOV", "02") in found


def test_antecedents_they_after_one_state_is_no_coordination() -> None:
    found = _events("Germany criticised Russia on Monday. They urged Moscow to withdraw its troops.")
    assert not any(code == "02" for _, _, code in found)


def test_antecedents_they_inside_a_quote_is_not_the_states_before_it() -> None:
    found = _events('Germany and France criticised Russia. "They must stop," Putin said. They urged Moscow to go.')
    assert not any(code == "02" and source in ("DEU", "FRA") for source, _, code in found)
