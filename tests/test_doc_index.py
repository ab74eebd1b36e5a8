"""sitrep.text.doc_index: a Doc indexed once answers `sents`, `Token.sent` and `Span.sent` exactly as
spaCy does, and reads its text once. Hand-made Docs: no model needed."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import Doc  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from sitrep.text import doc_text, index_doc, sentence_chars, span_memo  # noqa: E402

WORDS = ["Japan", "protested", ".", "Seoul", "agreed", "\n", "Talks", "end", "today", "."]
STARTS = [True, False, False, True, False, False, True, False, False, False]


def _doc() -> Doc:
    return Doc(Vocab(), words=WORDS, sent_starts=STARTS)


def _sentences(doc: Doc) -> dict:
    return {
        "sents": [(s.start, s.end) for s in doc.sents],
        "token": [(t.sent.start, t.sent.end) for t in doc],
        "span": [(doc[a:b].sent.start, doc[a:b].sent.end) for a in range(len(doc)) for b in range(a + 1, len(doc) + 1)],
        "span_sents": [[(s.start, s.end) for s in doc[a:b].sents] for a in range(len(doc)) for b in range(a, len(doc) + 1)],
        "chars": [(s.start_char, s.end_char) for s in doc.sents],
    }


def test_doc_index_answers_every_sentence_property_as_spacy_does():
    plain, indexed = _doc(), index_doc(_doc())
    assert "sents" in indexed.user_hooks and "sents" not in plain.user_hooks
    assert _sentences(indexed) == _sentences(plain)
    assert sentence_chars(indexed) == _sentences(plain)["chars"]


def test_doc_index_text_is_read_once_and_equals_doc_text():
    doc = index_doc(_doc())
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)


def test_doc_index_leaves_a_doc_without_sentence_bounds_as_it_is():
    doc = Doc(Vocab(), words=["no", "parser", "here"])
    assert index_doc(doc) is doc and "sents" not in doc.user_hooks
    assert doc_text(doc) == doc.text


def test_doc_index_span_memo_keys_spans_by_their_tokens_and_the_doc_apart():
    doc = _doc()
    memo, key = span_memo(doc[3:6], "test")
    memo[key] = "second sentence"
    again, same = span_memo(doc[3:6], "test")
    assert again is memo and again[same] == "second sentence"
    assert span_memo(doc, "test")[1] == () and span_memo(doc[0:3], "test")[1] != same
