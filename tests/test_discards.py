"""Discard phrases: sentences about sports, entertainment and disasters are not coded, and the table is
derived by a script from PETRARCH2's discard list format (sample lines written for these tests)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from sitrep.api import code_text
from sitrep.tables.words import discards

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "discards.py"

_SAMPLE = """\
# Story-level discards are indicated with a '+'.
1997
#2000
YEARS AGO
MONTHS LATER
GROUP A
APRIL 1942
### FULL STORY DISCARDS
+ World Golf Championships   # pas 26-Feb-2014
BASEBALL
#NAZI   # commented out
TOUR DE FRANCE   # tap 21 Feb 2007
"""


def _script():
    spec = importlib.util.spec_from_file_location("discards_script", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_discards_script_keeps_phrases_and_leaves_out_years_and_time_phrases():
    rows = list(_script().entries(_SAMPLE.splitlines()))
    assert rows == [("world golf championships", "story"), ("baseball", "sentence"), ("tour de france", "sentence")]


def test_discards_script_renders_a_headed_table():
    text = _script().render([("baseball", "sentence"), ("baseball", "story")])
    assert text.startswith("# sitrep discards") and text.rstrip().endswith("baseball\tsentence")


def test_discards_table_is_keyed_by_first_word():
    assert ("world", "cup") in discards()["world"]


def test_discards_sentence_with_a_discard_phrase_is_not_coded():
    assert not code_text("Japan agreed to restore baseball competition with South Korea.", published="2006-11-01")


def test_discards_phrase_must_be_whole_words():
    events = code_text("Japan condemned North Korea over its missile tests.", published="2006-11-01")
    assert any(e.root == "11" for e in events)  # "tests" is no "test series"
