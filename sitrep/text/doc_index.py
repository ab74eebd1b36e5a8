"""Per-Doc structures computed once: the text and the sentence bounds every later stage reads.

spaCy rebuilds `Doc.text` on every read (a join over every token: 184 us for a news article) and
finds sentences by walking the tokens on every `Doc.sents`, `Token.sent` or `Span.sent`; the actor,
quote and coder stages read them thousands of times per article (`Doc.sents` was rebuilt 19,935
times for 200 articles). `index_doc` computes both once per Doc, keeps them in `doc.user_data`, and
registers spaCy's own hooks (`user_hooks["sents"]`, `user_token_hooks["sent"]`,
`user_span_hooks["sent"]`), so every `doc.sents`, `token.sent` and `span.sent` in any stage answers
from the cache with the same spans spaCy would build. `doc_text(doc)` is the cached `doc.text`.

The cache is only valid while the Doc is not changed; sitrep never changes a Doc after parsing it
(`text.parse` indexes each Doc as it leaves the parser).

>>> doc = index_doc(nlp()("Japan protested. Seoul agreed."))      # doctest: +SKIP
>>> [s.text for s in doc.sents], doc_text(doc) is doc_text(doc)   # doctest: +SKIP
(['Japan protested.', 'Seoul agreed.'], True)
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

__all__ = ["doc_text", "index_doc", "sentence_chars", "span_memo"]

_TEXT = "sitrep.text"
_SENTS = "sitrep.sents"
_CHARS = "sitrep.sentence_chars"


def doc_text(doc: Any) -> str:
    """`doc.text`, built once per Doc instead of on every read."""
    data = doc.user_data
    text = data.get(_TEXT)
    if text is None:
        text = data[_TEXT] = doc.text
    return text


def sentence_chars(doc: Any) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence of `doc.sents`, in order, computed once per Doc."""
    chars = doc.user_data.get(_CHARS)
    if chars is None:
        chars = doc.user_data[_CHARS] = [(s.start_char, s.end_char) for s in doc.sents]
    return chars


def span_memo(span: Any, name: str) -> tuple[dict, tuple]:
    """A stage's memo kept with the span's Doc, and the span's key in it ((start, end) of a Span, ()
    of a whole Doc): for results that depend on the span alone and are asked for again per event of
    one sentence (its dates, its places). The Doc, like the memo, lives for one article."""
    doc = getattr(span, "doc", span)
    memo = doc.user_data.get(("sitrep", name))
    if memo is None:
        memo = doc.user_data[("sitrep", name)] = {}
    return memo, ((span.start, span.end) if span is not doc else ())


def index_doc(doc: Any) -> Any:
    """Cache `doc`'s text and sentence bounds and answer spaCy's sentence properties from them;
    returns `doc`. A Doc without sentence boundaries (no parser, no sentencizer) is left as it is."""
    doc_text(doc)
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return doc
    _bounds(doc)
    doc.user_hooks["sents"] = _sents
    doc.user_token_hooks["sent"] = _token_sent
    doc.user_span_hooks["sent"] = _span_sent
    return doc


class _Bounds:
    """Sentence k runs over tokens starts[k] .. ends[k]; of_token[i] is the sentence of token i."""

    __slots__ = ("starts", "ends", "of_token")

    def __init__(self, starts: list[int], length: int) -> None:
        self.starts = starts
        self.ends = [*starts[1:], length]
        self.of_token = [k for k, (start, end) in enumerate(zip(self.starts, self.ends, strict=True))
                         for _ in range(start, end)]


def _bounds(doc: Any) -> _Bounds:
    """The bounds spaCy's `Doc.sents` yields: a sentence starts at token 0 and at every later token
    whose `sent_start` is 1 (read from the token array, without the hooks)."""
    bounds = doc.user_data.get(_SENTS)
    if bounds is None:
        from spacy.attrs import SENT_START

        flags = doc.to_array(SENT_START).tolist()
        starts = [0, *(i for i in range(1, len(flags)) if flags[i] == 1)]
        bounds = doc.user_data[_SENTS] = _Bounds(starts, len(doc))
    return bounds


def _sents(doc: Any) -> list:
    bounds = _bounds(doc)
    return [doc[start:end] for start, end in zip(bounds.starts, bounds.ends, strict=True)]


def _token_sent(token: Any) -> Any:
    doc = token.doc
    bounds = _bounds(doc)
    k = bounds.of_token[token.i]
    return doc[bounds.starts[k]:bounds.ends[k]]


def _span_sent(span: Any) -> Any:
    """The sentence holding the span's first token (spaCy's `Span.sent`: the first sentence of a
    span that crosses a boundary)."""
    doc = span.doc
    bounds = _bounds(doc)
    k = bounds.of_token[span.start] if span.start < len(bounds.of_token) else bisect_right(bounds.starts, span.start) - 1
    return doc[bounds.starts[k]:bounds.ends[k]]
