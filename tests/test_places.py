"""Tests for sitrep.actors.places and sitrep.tables.gazetteer: locative place names -> gazetteer entries, never actor metonyms."""

from __future__ import annotations

import pytest

from sitrep import coder
from sitrep.actors import doc_actors
from sitrep.actors.places import find_places
from sitrep.tables.gazetteer import dateline_place, lookup, reset_caches


@pytest.fixture(scope="module")
def nlp():
    from sitrep.text.analyse import nlp as load

    return load()


def names(places) -> list[str]:
    return [p.name for p in places]


def event_place(verb, **options):
    """The coder's pick among the places the actor stage reads in the verb's article."""
    return coder.event_place(verb, doc_actors(verb.doc).places, **options)


def test_places_lookup_resolves_cities_with_coordinates():
    place = lookup("Pyongyang")
    assert (place.country, place.precision) == ("PRK", "city")
    assert place.lat == pytest.approx(39.03, abs=0.1) and place.lon == pytest.approx(125.75, abs=0.1)


def test_places_lookup_prefers_countries_and_big_cities_over_states():
    assert lookup("Georgia").precision == "country"
    assert (lookup("Washington").precision, lookup("Washington").country) == ("city", "USA")
    assert lookup("New York").precision == "city"
    assert (lookup("California").precision, lookup("California").country) == ("region", "USA")


def test_places_lookup_knows_common_country_spellings():
    assert lookup("the United States").country == "USA"
    assert lookup("U.S.").country == "USA"
    assert lookup("Britain").country == "GBR"
    assert lookup("Russia").country == "RUS"


def test_places_lookup_restricts_cities_to_a_country():
    assert lookup("Paris").country == "FRA"
    us_paris = lookup("Paris", country="USA")
    assert us_paris is None or us_paris.country == "USA"


def test_places_lookup_of_unknown_name_is_none():
    assert lookup("Middle-earth") is None


def test_places_country_coordinates_fall_inside_the_country():
    poland = lookup("Poland")
    assert 49 < poland.lat < 55 and 14 < poland.lon < 24


def test_places_locative_prepositions_give_places(nlp):
    doc = nlp("Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday.")
    assert names(find_places(doc)) == ["Vladivostok"]


def test_places_city_country_pair_gives_both(nlp):
    doc = nlp("Han Duck-soo said during a forum in Krakow, Poland, that the talks were worrying.")
    found = find_places(doc)
    assert "Poland" in names(found)
    place = event_place(next(t for t in doc if t.text == "said"))
    assert place is not None and place.country == "POL"


def test_places_capital_as_subject_is_an_actor_not_a_place(nlp):
    doc = nlp("Pyongyang chose to turn its back on new proposals to negotiate.")
    assert find_places(doc) == []
    assert event_place(next(t for t in doc if t.text == "chose")) is None


def test_places_possessive_capital_is_not_a_place(nlp):
    doc = nlp("Moscow's support for the regime angered Washington.")
    assert find_places(doc) == []


def test_places_to_counts_only_with_motion(nlp):
    doc = nlp("Kim Jong-un met with Vladimir Putin during a rare visit to Russia.")
    assert names(find_places(doc)) == ["Russia"]
    doc = nlp("The ministry sent a protest note to Beijing.")
    assert find_places(doc) == []


def test_places_visit_object_is_a_place(nlp):
    doc = nlp("Putin accepted the invitation to visit North Korea.")
    assert names(find_places(doc)) == ["North Korea"]


def test_places_event_place_takes_its_own_clause_first(nlp):
    doc = nlp("Xi, who met Kim in Beijing, hosted Putin in Moscow in May.")
    hosted = next(t for t in doc if t.text == "hosted")
    met = next(t for t in doc if t.text == "met")
    assert event_place(hosted).name == "Moscow"
    assert event_place(met).name == "Beijing"


def test_places_event_place_never_defaults_to_an_actor_capital(nlp):
    doc = nlp("North Korea condemned the joint drills.")
    assert event_place(next(t for t in doc if t.text == "condemned")) is None


def test_places_offsets_point_at_the_name(nlp):
    doc = nlp("Protesters gathered outside the embassy in Baghdad.")
    (place,) = find_places(doc)
    assert doc.text[place.start : place.end] == "Baghdad"


def test_places_reset_caches_reloads_the_gazetteer():
    reset_caches()
    assert lookup("Tokyo").country == "JPN"


def test_places_dateline_gives_the_filing_city():
    place = dateline_place("BEIJING, April 7 (AFP) - China said on Monday ...")
    assert (place.name, place.country, place.start, place.end) == ("Beijing", "CHN", 0, 7)
    assert dateline_place("WASHINGTON (AP) _ The secretary headed to Africa.").country == "USA"
    assert dateline_place("Title line\nKHARTOUM, Nov. 21, 2006 (Xinhua) The government ...").country == "SDN"


def test_places_dateline_needs_the_wire_shape():
    assert dateline_place("Pyongyang chose to turn its back on new proposals.") is None
    assert dateline_place("UNITED NATIONS, April 4 (AFP) The council ...") is None  # not a gazetteer place
