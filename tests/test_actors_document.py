"""Tests for sitrep.actors.document: what the actor stage hands the coder beside its mentions."""

from __future__ import annotations

import pytest

from sitrep.actors import doc_actors


@pytest.fixture(scope="module")
def nlp():
    from sitrep.text.analyse import nlp as load

    return load()


def test_document_nationals_resolve_national_adjectives_and_hyphenated_halves(nlp):
    doc = nlp("Israeli-Palestinian talks resumed as German officials watched.")
    nationals = doc_actors(doc, date="2000-01-01").nationals
    assert {doc[i].text: actor.country for i, actor in nationals.items()} == {
        "Israeli": "ISR", "Palestinian": "PSE", "German": "DEU"}


def test_document_nationals_leave_out_words_that_name_no_country(nlp):
    doc = nlp("The talks resumed on Monday.")
    assert doc_actors(doc, date="2000-01-01").nationals == {}


def test_document_places_are_the_locative_places_sentence_by_sentence(nlp):
    doc = nlp("Kim met Putin in Vladivostok. Moscow said the talks in Beijing went well.")
    assert [p.name for p in doc_actors(doc).places] == ["Vladivostok", "Beijing"]


def test_document_dateline_is_the_host_only_when_it_lies_in_one_state(nlp):
    assert doc_actors(nlp("BEIJING, April 7 (AFP) - China said on Monday it was ready.")).dateline.country == "CHN"
    assert doc_actors(nlp("UNITED NATIONS, April 4 (AFP) The council met.")).dateline is None
