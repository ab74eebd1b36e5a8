"""Condemnation targets on sentences written for these tests: condemning an attack targets its
perpetrator, never its victim, and is not placed where the attack was."""

from __future__ import annotations

from sitrep.api import code_text


def _counted(text: str) -> set[tuple]:
    return {(e.source_country, e.target_country, e.root) for e in code_text(text, published="2024-03-06") if e.counted}


def test_condemnation_of_an_attack_does_not_target_its_victim():
    assert not {t for t in _counted("Egypt condemned the bombing of the US embassy in Kenya.") if t[1] in ("USA", "KEN")}


def test_condemnation_of_an_attack_targets_its_possessor():
    assert ("EGY", "ISR", "11") in _counted("Egypt condemned Israel's raid on Gaza.")


def test_condemnation_of_an_attack_targets_its_national_adjective():
    triples = _counted("Jordan condemned the Israeli air strike on Syria.")
    assert ("JOR", "ISR", "11") in triples and ("JOR", "SYR", "11") not in triples


def test_condemnation_of_an_actor_for_an_attack_keeps_the_actor():
    assert ("EGY", "ISR", "11") in _counted("Egypt condemned Israel for the raid on Gaza.")


def test_condemnation_is_not_placed_where_the_condemned_attack_was():
    events = [e for e in code_text("Egypt condemned the bombing of the US embassy in Kenya.", published="2024-03-06")
              if e.root == "11"]
    assert events and all(e.place_country != "KEN" for e in events)


def test_condemnation_force_keeps_the_place_of_its_object():
    events = [e for e in code_text("Israel bombed a base in Syria.", published="2024-03-06") if e.root == "19"]
    assert events and events[0].place_country == "SYR"
