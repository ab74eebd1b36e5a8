"""Descriptions nobody typed a name for: a title with no country in a dateline story, "Iran's
president", a spelt-alike office holder, and the new bodies and group nouns; each with a case that
must not match."""

from __future__ import annotations

import pytest

from sitrep.actors import find_mentions, resolve


@pytest.fixture(scope="module")
def nlp():
    from sitrep.text.analyse import nlp as load

    return load()


def _found(nlp, text: str, date: str = "1998-03-10") -> list[tuple[str, str, str]]:
    return [(m.text, m.actor.code, m.how) for m in find_mentions(nlp(text), date=date)]


def test_actors_descriptions_untitled_office_takes_the_dateline_country(nlp) -> None:
    found = _found(nlp, "MOSCOW, March 10 (AFP) - The interior minister resigned on Tuesday.")
    assert ("interior minister", "RUSGOV", "dateline") in found


def test_actors_descriptions_former_office_holder_is_an_elite_of_the_dateline_country(nlp) -> None:
    found = _found(nlp, "MOSCOW, March 10 (AFP) - A former defence minister criticised the reform.")
    assert ("defence minister", "RUSELI", "dateline") in found


def test_actors_descriptions_untitled_office_without_dateline_names_no_one(nlp) -> None:
    assert _found(nlp, "The interior minister resigned on Tuesday.") == []


def test_actors_descriptions_untitled_office_never_takes_a_place(nlp) -> None:
    # a minister "in Baghdad" is often a visitor: only the dateline may give the country
    assert _found(nlp, "The interior minister arrived in Baghdad on Monday.") == []


def test_actors_descriptions_title_after_a_named_holder_is_not_the_datelines(nlp) -> None:
    text = ("BAGHDAD, Dec 28 (AFP) - US President George W. Bush met his advisers. "
            "\"This is a time for the president to be talking with his advisers,\" a spokesman said.")
    assert not any(code.startswith("IRQ") for _, code, _ in _found(nlp, text, "2006-12-28"))


def test_actors_descriptions_presidents_office_not_only_its_role(nlp) -> None:
    # Iran's president is its head of government; the Supreme Leader holds the HOS role
    found = find_mentions(nlp("The minister met Iran's president on Monday."), date="1998-03-10")
    assert [m.actor.name for m in found if "president" in m.text] == ["Mohammad Khatami"]


def test_actors_descriptions_spelt_alike_holder_must_have_taken_office(nlp) -> None:
    assert ("President Laurent Gbago", "CIVGOV", "dictionary") in _found(
        nlp, "Rebels rejected an appeal from President Laurent Gbago.", "2003-01-01")
    # "King Hassan" in 1997 is Morocco's king, not Tanzania's president of 2021 (nor the Indian city)
    assert [code for text, code, _ in _found(nlp, "King Hassan met the envoy.", "1997-05-01")
            if text == "King Hassan"] == ["MARGOV"]


@pytest.mark.parametrize(("text", "code"), [
    ("Bank of Mexico", "MEXGOV"), ("Bank of Korea", "KORGOV"), ("Swiss National Bank", "CHEGOV"),
    ("the Legislative Yuan", "TWNLEG"), ("MI6", "GBRSPY"), ("Carabinieri", "ITACOP"), ("ZANU-PF", "ZWEPTY"),
    ("Tibetan monks", "CHNREL"), ("Somali pirates", "SOMCRM"), ("Iraqi border guards", "IRQMIL"),
    ("Rakhine rebels", "MMRREB"), ("Coptic Christians", "EGYREL"),
])
def test_actors_descriptions_bodies_and_groups_from_tables(text: str, code: str) -> None:
    actor = resolve(text, date="2002-01-01")
    assert actor is not None and actor.code == code


def test_actors_descriptions_a_bank_of_a_country_is_not_always_its_central_bank() -> None:
    actor = resolve("Bank of Cyprus", date="2002-01-01")  # a commercial bank: no body row, a business
    assert actor is None or actor.sector != "GOV"


def test_actors_descriptions_leaders_administration_is_his_countrys_government(nlp) -> None:
    found = _found(nlp, "The Clinton administration warned Iraq. The Yeltsin government rejected the plan.")
    assert ("Clinton administration", "USAGOV", "dictionary") in found
    assert ("Yeltsin government", "RUSGOV", "dictionary") in found
    # a past administration is still the state's government, though its leader is out of office
    assert ("Bush administration", "USAGOV", "dictionary") in _found(nlp, "The Bush administration criticised Iran.")
    # a leader's name before a common noun is not a government
    assert ("Clinton", "USAGOV", "dictionary") in _found(nlp, "Clinton aides said he would go.")


def test_actors_descriptions_worshippers_are_religious(nlp) -> None:
    assert ("Libyan worshippers", "LBYREL", "dictionary") in _found(nlp, "Libyan worshippers flew to Mecca.")


def test_actors_descriptions_the_movement_is_the_one_body_named_before(nlp) -> None:
    found = [(m.text, m.actor.id, m.how) for m in find_mentions(
        nlp("Hezbollah fired rockets overnight. Israel said it would strike the group."), date="2006-07-20")]
    hezbollah = next(ident for text, ident, _ in found if text == "Hezbollah")
    assert ("group", hezbollah, "coref") in found


def test_actors_descriptions_the_movement_stays_unresolved_between_two_bodies(nlp) -> None:
    found = find_mentions(nlp("Hamas and Fatah clashed in Gaza. The movement said it would retaliate."),
                          date="2006-12-16")
    assert [m.text for m in found] == ["Hamas", "Fatah"]  # positive control: both bodies are found


def test_actors_descriptions_a_qualified_group_is_no_back_reference(nlp) -> None:
    found = find_mentions(nlp("Hezbollah fired rockets. The group of experts met in Geneva."), date="2006-07-20")
    assert "Hezbollah" in [m.text for m in found] and "group" not in [m.text for m in found]


def test_actors_descriptions_military_rank_is_a_title(nlp) -> None:
    found = [(m.text, m.actor.code) for m in find_mentions(nlp("Philippine Colonel Victor Abat was relieved."),
                                                           date="2005-12-15")]
    assert found == [("Philippine Colonel Victor Abat", "PHLMIL")]


def test_actors_descriptions_unknown_name_takes_a_seat_of_power_in_apposition(nlp) -> None:
    found = [(m.text, m.actor.code, m.actor.kind) for m in find_mentions(
        nlp('"We will meet," said Scott Stanzel, a White House spokesman.'), date="2006-12-28")]
    assert found == [("Scott Stanzel, a White House spokesman", "USAGOV", "person")]
