"""Arguments and modality on hand-built parses: the coder's rules checked without the spaCy model.

Each Doc is written out token by token (words, heads, dependency labels, parts of speech, lemmas), so
a rule is tested on exactly the parse it is about, and every negative case has a positive control
beside it that the same rule must code.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep import actors
from sitrep.coder.arguments import verb_arguments
from sitrep.coder.modality import modality
from sitrep.coder.phrases import Context
from sitrep.records import Actor, ActorMention
from sitrep.tables.lexicon import Frame

_VOCAB = spacy.blank("en").vocab
"""English lexical attributes (lower case forms) without loading a trained model."""


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc from (word, head index, dep, pos, lemma) rows; the root's head is itself."""
    words, heads, deps, pos, lemmas = zip(*rows, strict=True)
    return Doc(_VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), lemmas=list(lemmas))


def _country(doc: Doc, i: int, code: str) -> ActorMention:
    token = doc[i]
    actor = Actor(code, code, None, token.text, "country", code)
    return ActorMention(token.idx, token.idx + len(token.text), i, i + 1, token.text, actor, "dictionary")


def _context(doc: Doc, mentions: list[ActorMention]) -> Context:
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    return Context(doc, by_token, (), "2024-06-24", "a1", actors.doc_actors(doc, date="2024-06-24"))


CONDEMN = Frame("condemn", None, None, None, None, "111", ("dobj",), None, 0.9)

ACTIVE = [("Japan", 1, "nsubj", "PROPN", "Japan"), ("condemned", 1, "ROOT", "VERB", "condemn"),
          ("Korea", 1, "dobj", "PROPN", "Korea"), (".", 1, "punct", "PUNCT", ".")]
PASSIVE = [("Korea", 2, "nsubjpass", "PROPN", "Korea"), ("was", 2, "auxpass", "AUX", "be"),
           ("condemned", 2, "ROOT", "VERB", "condemn"), ("by", 2, "agent", "ADP", "by"),
           ("Japan", 3, "pobj", "PROPN", "Japan"), (".", 2, "punct", "PUNCT", ".")]


def _sides(rows, actors: dict[int, str]) -> tuple[list[str], list[str]]:
    doc = _doc(rows)
    ctx = _context(doc, [_country(doc, i, code) for i, code in actors.items()])
    verb = next(t for t in doc if t.dep_ == "ROOT")
    sources, targets = verb_arguments(verb, CONDEMN, ctx)
    return [m.actor.code for m in sources], [m.actor.code for m in targets]


def test_coder_units_active_verb_takes_subject_as_source_and_object_as_target():
    assert _sides(ACTIVE, {0: "JPN", 2: "KOR"}) == (["JPN"], ["KOR"])


def test_coder_units_passive_verb_takes_agent_as_source_and_subject_as_target():
    assert _sides(PASSIVE, {0: "KOR", 4: "JPN"}) == (["JPN"], ["KOR"])


def test_coder_units_a_side_with_no_actor_mention_is_empty_not_guessed():
    sources, targets = _sides(ACTIVE, {2: "KOR"})
    assert sources == [] and targets == ["KOR"]


def test_coder_units_coordinated_subjects_are_all_sources():
    rows = [("Japan", 3, "nsubj", "PROPN", "Japan"), ("and", 0, "cc", "CCONJ", "and"),
            ("China", 0, "conj", "PROPN", "China"), ("condemned", 3, "ROOT", "VERB", "condemn"),
            ("Korea", 3, "dobj", "PROPN", "Korea")]
    sources, targets = _sides(rows, {0: "JPN", 2: "CHN", 4: "KOR"})
    assert sorted(sources) == ["CHN", "JPN"] and targets == ["KOR"]


NEGATED = [("Japan", 3, "nsubj", "PROPN", "Japan"), ("did", 3, "aux", "AUX", "do"), ("not", 3, "neg", "PART", "not"),
           ("condemn", 3, "ROOT", "VERB", "condemn"), ("Korea", 3, "dobj", "PROPN", "Korea")]
FUTURE = [("Japan", 2, "nsubj", "PROPN", "Japan"), ("will", 2, "aux", "AUX", "will"),
          ("condemn", 2, "ROOT", "VERB", "condemn"), ("Korea", 2, "dobj", "PROPN", "Korea")]


@pytest.mark.parametrize(("rows", "flag"), [(NEGATED, "negated"), (FUTURE, "future")])
def test_coder_units_modality_flags_a_negated_or_announced_act(rows, flag):
    doc = _doc(rows)
    assert flag in modality(next(t for t in doc if t.dep_ == "ROOT"))


@pytest.mark.parametrize("flag", ["negated", "future", "hypothetical"])
def test_coder_units_modality_leaves_a_plain_past_act_asserted(flag):
    doc = _doc(ACTIVE)
    assert flag not in modality(doc[1])


def test_coder_word_lists_and_backoff_tables_are_forgotten_by_reset_caches():
    from sitrep import tables
    from sitrep.tables import backoff, words

    assert "visit" in words.word_list("motion-verb") and "raid" in words.attack_nouns()
    assert backoff.policy().roots and backoff.verb_classes()
    tables.reset_caches()
    for cached in (words.word_list, words.attack_nouns, backoff.policy, backoff.verb_classes, words.event_nouns):
        assert cached.cache_info().currsize == 0


def test_coder_unknown_word_list_is_an_error():
    import pytest

    from sitrep.tables.words import word_list

    with pytest.raises(KeyError):
        word_list("no-such-list")
