"""Back-off coding on sentences written for these tests: a political verb no precise frame matched
is coded at its class's general level, and the class table is derived by a script from PETRARCH2's
dictionary format."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from sitrep.api import code_text
from sitrep.coder.backoff import policy, verb_classes

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "verb_classes.py"


def _script():
    spec = importlib.util.spec_from_file_location("verb_classes_script", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


_SAMPLE = """\
####### VERB PATTERNS #######

---  DENOUNCE   [111]  ---
+LASH_OUT # a phrasal verb
DENOUNCE
SCOLD [1121]
- * (FOR PEACE)   [027]  # a pattern, not a synonym

---  SIGN   [---]  ---
SIGN
- * &TREATY      [057:057]     # SIGN
- * DECLARATION  [057:057]     # SIGN
- * PROTOCOL     [057:057]     # SIGN
- * GRANT        [0331]        # SIGN

---  SHUFFLE   [---]  ---
SHUFFLE
- * PAPERS   [010]
- * FEET     [190]
- * CARDS    [060]
- * DECKS    [120]

######## TRANSFORMATIONS ##########
"""


def _events(text: str, published: str = "2024-03-06"):
    return [e for e in code_text(text, published=published) if e.counted]


def test_backoff_script_takes_block_synonym_and_pattern_codes():
    rows = {(r.lemma, r.code, r.reverse, r.basis) for r in _script().parse(_SAMPLE)}
    assert ("lash out", "111", None, "block") in rows
    assert ("denounce", "111", None, "block") in rows
    assert ("scold", "112", None, "synonym") in rows  # the synonym's own code, cut to 3 digits
    assert ("sign", "057", "057", "patterns 3/4") in rows  # no block code: what most patterns mean


def test_backoff_script_leaves_out_blocks_whose_patterns_disagree():
    assert not [r for r in _script().parse(_SAMPLE) if r.lemma == "shuffle"]


def test_backoff_script_renders_sitrep_format_with_source_header():
    text = _script().render(_script().parse(_SAMPLE))
    assert "CAMEO.2.0.txt" in text and "MIT" in text
    assert "lash out\t111\t-\tDENOUNCE\tblock" in text.splitlines()


def test_backoff_table_knows_general_classes_and_skips_light_verbs():
    classes = verb_classes()
    assert classes["assail"][0] == "190" and classes["lash out"][0] == "111" and classes["chastise"][0] == "111"
    assert "take" in policy().skip and "sign" in policy().symmetric


def test_backoff_codes_an_unforeseen_object_at_the_verbs_general_level():
    # no precise "sign" frame names a "plan"; the verb's class (057) still codes it, both ways
    events = _events("Ukraine and Russia signed an economic cooperation plan on Monday.")
    assert {("UKR", "RUS", "05"), ("RUS", "UKR", "05")} <= {(e.source_country, e.target_country, e.root) for e in events}
    assert all(e.confidence < 0.6 for e in events if e.pattern.startswith("backoff"))


def test_backoff_codes_a_verb_of_verbal_conflict_no_frame_lists():
    events = _events("Venezuela chastised Colombia on Tuesday.")
    assert ("VEN", "COL", "11") in {(e.source_country, e.target_country, e.root) for e in events}


def test_backoff_needs_an_actor_on_each_side():
    assert not [e for e in code_text("Peru signed an economic cooperation plan.", published="2024-03-06")
                if e.pattern.startswith("backoff")]


def test_backoff_stays_behind_precise_frames():
    events = _events("France signed a treaty with Germany.")
    assert events and not [e for e in events if e.pattern.startswith("backoff")]


def test_backoff_can_be_turned_off():
    from sitrep.tables.lexicon import Lexicon
    events = code_text("Venezuela chastised Colombia on Tuesday.", published="2024-03-06",
                       lexicon=Lexicon.load(backoff=False))
    assert not [e for e in events if e.pattern.startswith("backoff")]


def test_backoff_wider_targets_fill_a_precise_frames_empty_slot():
    # the "appeal" frame looks for "for" or an object; the actor is under "against"
    events = _events("Japan appealed against China.")
    assert ("JPN", "CHN", "02") in {(e.source_country, e.target_country, e.root) for e in events}


def test_backoff_wider_targets_skip_the_sources_own_side():
    events = code_text("Iran pulled its troops out of Iraq.", published="2024-03-06")
    assert not [e for e in events if e.source_country == "IRN" and e.target_country == "IRN"]


def test_backoff_weak_pattern_classes_are_left_out():
    # STRENGTHEN has no default code and only 2 of its 6 patterns mean 172: the verb alone means none
    assert "strengthen" not in verb_classes() and "continue" not in verb_classes()
    assert not [e for e in code_text("China strengthened its ties with Pakistan.", published="2024-03-06") if e.root == "17"]


def test_backoff_policy_class_rows_give_sitrep_s_own_general_code():
    assert verb_classes()["sign"][0] == "057"
