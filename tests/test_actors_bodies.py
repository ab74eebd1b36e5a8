"""Bodies of a state (bodies.tsv), peoples with their state (peoples.tsv) and descriptions of a
leader or delegation (sectors.tsv): each from a table, each with a case that must not match."""

from __future__ import annotations

import pytest

from sitrep.actors import find_mentions, resolve


@pytest.fixture(scope="module")
def nlp():
    from sitrep.text.analyse import nlp as load

    return load()


def _codes(nlp, text: str, date: str = "1997-03-01") -> list[tuple[str, str]]:
    return [(m.text, m.actor.code) for m in find_mentions(nlp(text), date=date)]


@pytest.mark.parametrize(("text", "code"), [
    ("the Bundesbank", "DEUGOV"), ("the Central Bureau of Investigation", "INDCOP"),
    ("the Congress (I) party", "INDPTY"), ("the Sejm", "POLLEG"), ("the Verkhovna Rada", "UKRLEG"),
    ("the Duma", "RUSLEG"), ("Likud", "ISRPTY"), ("the Awami League", "BGDPTY"),
])
def test_actors_bodies_named_body_is_its_states_sector(text: str, code: str) -> None:
    actor = resolve(text, date="1997-03-01")
    assert actor is not None and actor.code == code


def test_actors_bodies_country_is_the_bodys_own_not_the_place_named(nlp) -> None:
    found = _codes(nlp, "In Moscow, the Bundesbank chief warned of inflation.")
    assert ("Bundesbank chief", "DEUGOV") in found or ("Bundesbank", "DEUGOV") in found
    assert not any(code.startswith("RUS") for _, code in found if "Bundesbank" in _)


def test_actors_bodies_people_of_one_state_take_it(nlp) -> None:
    assert _codes(nlp, "Chechen rebels shot down a helicopter.") == [("Chechen rebels", "RUSREB")]
    assert _codes(nlp, "Tamil Tiger guerrillas attacked a navy base.") == [("Tamil Tiger guerrillas", "LKAREB")]
    assert _codes(nlp, "Tibetan protesters marched.") == [("Tibetan protesters", "CHNOPP")]


def test_actors_bodies_people_of_several_states_get_no_country_from_the_table(nlp) -> None:
    # Kurds live in four states: the table gives none, the context must
    assert _codes(nlp, "Kurdish rebels attacked a post.") == [("rebels", "---REB")]


def test_actors_descriptions_monarch_and_side_take_their_country(nlp) -> None:
    assert _codes(nlp, "The Jordanian monarch met the envoy.")[0] == ("Jordanian monarch", "JORGOV")
    assert _codes(nlp, "The Chinese side rejected the proposal.") == [("Chinese side", "CHNGOV")]


def test_actors_descriptions_side_without_a_country_is_no_actor(nlp) -> None:
    assert _codes(nlp, "The west side of the city was shelled.") == []
    assert _codes(nlp, "The other side refused.") == []


def test_actors_title_in_text_beats_a_later_term(nlp) -> None:
    # Tang Jiaxuan became foreign minister in 1998; in 1997 the text calls him an envoy: GOV, not ELI
    assert _codes(nlp, "Chinese envoy Tang Jiaxuan met officials.")[0] == ("Chinese envoy Tang Jiaxuan", "CHNGOV")
    assert resolve("Tang Jiaxuan", date="1997-03-01").code == "CHNELI"  # no title: not yet in office


def test_actors_unknown_person_takes_a_possessive_apposition_and_keeps_it_by_surname(nlp) -> None:
    found = _codes(nlp, "Gingrich met Wang Daohan, China's top negotiator with Taiwan. Wang said talks would resume.")
    assert ("Wang Daohan, China's top negotiator", "CHNGOV") in found and ("Wang", "CHNGOV") in found


def test_actors_head_of_a_body_speaks_for_it_and_a_court_noun_takes_its_country(nlp) -> None:
    found = _codes(nlp, "IMF managing director Michel Camdessus said it would help. Camdessus told students.")
    assert found[0] == ("IMF managing director Michel Camdessus", "IGOBUS") and ("Camdessus", "IGOBUS") in found
    assert _codes(nlp, "The Iraqi High Tribunal rejected the appeal.") == [("Iraqi High Tribunal", "IRQJUD")]
    assert _codes(nlp, "The managing director of a bakery resigned.") == []


@pytest.mark.parametrize(("text", "code"), [
    ("Abkhazia", "GEOPRE"), ("Transdniestria", "MDAPRE"), ("the Turkish Republic of Northern Cyprus", "CYPPRE"),
    ("Somaliland", "SOMPRE"), ("a breakaway republic", "---PRE"), ("the partially recognised state", "---PRE"),
])
def test_actors_bodies_de_facto_state_is_its_claimants_country_with_sector_pre(text: str, code: str) -> None:
    actor = resolve(text, date="2008-08-10")
    assert actor is not None and actor.code == code


def test_actors_bodies_de_facto_state_is_an_actor_but_a_place_after_in(nlp) -> None:
    found = _codes(nlp, "Abkhazia accused Georgia of shelling villages.", date="2008-08-10")
    assert ("Abkhazia", "GEOPRE") in found and ("Georgia", "GEO") in found
    assert _codes(nlp, "Fighting broke out in South Ossetia.", date="2008-08-10") == []
    assert resolve("Georgia", date="2008-08-10").code == "GEO"  # the claimant itself stays a bare country


@pytest.mark.parametrize(("text", "code"), [
    ("Panamanian immigration inspectors", "PANCOP"), ("an indigenous leader", "---CVL"),
    ("Jewish community leaders", "---REL"), ("a community leader", "---CVL"), ("US congressional leaders", "USALEG"),
])
def test_actors_bodies_group_nouns_decide_the_sector(text: str, code: str) -> None:
    actor = resolve(text, date="2022-01-01")
    assert actor is not None and actor.code == code


def test_actors_bodies_group_adjective_before_a_common_noun_is_no_actor(nlp) -> None:
    assert _codes(nlp, "The congressional hearing began on Monday.") == []
    assert ("US congressional leaders", "USALEG") in _codes(nlp, "US congressional leaders criticised the plan.")
