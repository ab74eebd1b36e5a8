"""Pronouns that stand for an actor named just before (`actors/pronouns.py`): relative pronouns, a
subject "it"/"they" and an object "it"/"them"; invented sentences, with the cases that must stay
unresolved (a thing, a pair, a quote, a clause)."""

from __future__ import annotations

import pytest

from sitrep.actors import find_mentions
from sitrep.api import code_text


@pytest.fixture(scope="module")
def nlp():
    from sitrep.text.analyse import nlp as load

    return load()


def _pronouns(nlp, text: str) -> list[tuple[str, str]]:
    """(pronoun, code) for each pronoun the actor stage resolved, in text order."""
    return [(m.text, m.actor.code) for m in find_mentions(nlp(text), date="2005-03-03") if m.how == "pronoun"
            and m.text.lower() not in ("he", "she")]


def _events(text: str) -> set[tuple]:
    return {(e.source_code, e.target_code, e.code[:2]) for e in code_text(text, published="2005-03-03") if e.counted}


# -- relative pronouns --------------------------------------------------------------------------------

def test_pronouns_relative_object_is_the_state_its_clause_hangs_on() -> None:
    assert ("ISR", "SYR", "11") in _events("Syria, which Israel accused of arming militias, denied the charge.")


def test_pronouns_relative_whom_is_the_group_its_clause_hangs_on() -> None:
    assert ("ISR", "PSE", "11") in _events("The Palestinians, whom Israel blamed for the attack, denied it.")


def test_pronouns_relative_subject_is_the_person_before_it(nlp) -> None:
    assert _pronouns(nlp, "Egyptian President Hosni Mubarak, who met the envoy on Monday, left Cairo.") \
        == [("who", "EGYGOV")]


def test_pronouns_relative_on_a_thing_names_no_actor(nlp) -> None:
    assert _pronouns(nlp, "The treaty, which Russia rejected in May, was signed in 1990.") == []


def test_pronouns_relative_after_coordinated_actors_names_neither(nlp) -> None:
    # "who" may be both of them; one mention cannot say so
    assert _pronouns(nlp, "The talks between Iran and Iraq, which began on Monday, stalled.") == []
    assert _pronouns(nlp, "Putin met Japan and Germany, which had asked for the talks.") == []


def test_pronouns_relative_far_from_its_noun_is_the_clause_not_the_noun(nlp) -> None:
    assert _pronouns(nlp, "Hu will visit India from May 2 to 5, which will be his first trip abroad.") == []


def test_pronouns_who_is_never_a_city_or_a_state(nlp) -> None:
    assert _pronouns(nlp, "Putin flew to Pyongyang, who signed the deal.") == []


def test_pronouns_which_after_a_body_named_inside_a_noun_phrase_may_be_that_noun(nlp) -> None:
    assert _pronouns(nlp, "The government received a request from NATO, which it is willing to meet.") == []


# -- subject "it" / "they" ----------------------------------------------------------------------------

def test_pronouns_it_is_the_subject_of_the_sentence_before() -> None:
    found = _events("Japan condemned North Korea on Monday. It also accused Pyongyang of kidnapping.")
    assert ("JPN", "PRKGOV", "11") in found


def test_pronouns_it_after_a_thing_as_subject_names_no_actor(nlp) -> None:
    assert _pronouns(nlp, "Pakistan welcomed the plan. The plan is new. It will help India.") == []


def test_pronouns_it_after_a_thing_as_object_names_no_actor(nlp) -> None:
    # "it" may be the call, not Hamas
    assert _pronouns(nlp, "Hamas rejected the call for elections, warning that it would lead to war.") == []


def test_pronouns_expletive_it_names_no_actor(nlp) -> None:
    assert _pronouns(nlp, "Iran rejected the offer. It is clear that talks will fail.") == []


def test_pronouns_they_is_a_plural_group_not_a_state(nlp) -> None:
    found = _pronouns(nlp, "Some Israeli officials fear that Palestinian militants will rearm. "
                           "They warned of smuggling from Egypt.")
    assert found == [("They", "ISRGOV")]  # the main subject before, not the militants of its clause


def test_pronouns_they_after_coordinated_states_is_left_to_the_coder(nlp) -> None:
    assert _pronouns(nlp, "Germany and France criticised Russia. They urged Moscow to withdraw.") == []


def test_pronouns_it_inside_a_quote_is_not_the_state_before_the_quote(nlp) -> None:
    assert _pronouns(nlp, 'Japan condemned North Korea. "It must stop the tests," Abe said.') == []


# -- object "it" / "them" -----------------------------------------------------------------------------

def test_pronouns_object_it_is_not_its_own_clause_subject() -> None:
    assert ("JPN", "PRK", "02") in _events("Japan condemned North Korea and urged it to stop the tests.")


def test_pronouns_object_it_after_a_thing_names_no_actor(nlp) -> None:
    assert _pronouns(nlp, "Iran denied the charge and accused Washington of lying about it.") == []


def test_pronouns_them_between_two_is_no_one_actor(nlp) -> None:
    assert _pronouns(nlp, "American troops stay in South Korea since the war between them ended.") == []


def test_pronouns_them_is_the_group_named_before(nlp) -> None:
    found = _pronouns(nlp, "Palestinian militants attacked Sderot. Israeli troops shelled them on Monday.")
    assert found == [("them", "PSEREB")]


# -- object "him" / "her" -----------------------------------------------------------------------------

def test_pronouns_him_is_the_person_named_before_outside_its_clause_subject(nlp) -> None:
    assert _pronouns(nlp, "Putin said Bush had invited him to Washington.") == [("him", "RUSGOV")]


def test_pronouns_him_after_an_unknown_person_names_no_one(nlp) -> None:
    # the nearest person is one no table knows: "him" may be he
    assert _pronouns(nlp, "Bush praised a farmer, John Smithers, and Putin thanked him.") == []


def test_pronouns_her_as_possessive_is_no_object(nlp) -> None:
    assert ("her", "DEUGOV") not in _pronouns(nlp, "Bush met Angela Merkel and praised her policy.")
