"""One article in, every row it yields out: clean -> analyse -> actors -> quotes -> code -> situate.

`process_batch` is the single pure batch function of the pipeline: it takes `Article`s and returns
`ArticleResult`s without touching a database, so the same function runs in one process, in a Dask
worker (`sitrep.distributed`), or anywhere else, and the store writes what it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import actors, coder, quotes, situate, text
from ..records import Article

__all__ = ["ArticleResult", "process_batch", "process"]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything sitrep derives from one article, with offsets into its raw text."""

    article: Article
    sentences: tuple[tuple[int, int, str], ...]
    """(start, end, kind) of each sentence; kind is "body" or "caption"."""
    removed: tuple[text.Removal, ...]
    mentions: tuple[actors.ActorMention, ...]
    quotes: tuple[quotes.Quote, ...]
    events: tuple[coder.Event, ...]


def process(article: Article, **options) -> ArticleResult:
    """Process one article (see `process_batch`)."""
    return process_batch([article], **options)[0]


def process_batch(
    articles: Sequence[Article],
    *,
    dictionary: actors.ActorDictionary | None = None,
    lexicon=None,
    batch_size: int = 16,
) -> list[ArticleResult]:
    """Run every stage on a batch of articles (batched parsing is several times faster)."""
    # 1. clean: debris blanked with spaces, so offsets into the clean text are offsets into the raw text
    cleaned = [text.clean(article.text) for article in articles]
    # 2. analyse: one spaCy pass over the batch
    docs = text.parse([c.text for c in cleaned], batch_size=batch_size)
    caption_texts = [[r.text for r in c.captions] for c in cleaned]
    caption_docs = iter(text.parse([t for texts in caption_texts for t in texts], batch_size=batch_size))
    results = []
    for article, cleaned_text, doc, texts in zip(articles, cleaned, docs, caption_texts, strict=True):
        # 3. actors, 4. quotes, 5. events, 6. their date and place (captions may sharpen a date)
        found = actors.find_mentions(doc, date=article.published, dictionary=dictionary)
        beside = actors.doc_actors(doc, date=article.published)
        said = quotes.find_quotes(doc, found)
        events = coder.code_doc(
            doc, article_id=article.id, mentions=found, doc_actors=beside, published=article.published, quotes=said,
            lexicon=lexicon,
        )
        captions = []
        for _ in texts:
            caption = next(caption_docs)
            captions.append((caption, actors.find_mentions(caption, date=article.published, dictionary=dictionary)))
        events = situate.situate(events, doc, published=article.published, places=beside.places, captions=captions,
                                 mentions=found)
        sentences = tuple((s.start_char, s.end_char, "body") for s in doc.sents if s.text.strip())
        caption_spans = tuple((r.start, r.end, "caption") for r in cleaned_text.captions)
        results.append(
            ArticleResult(
                article=article,
                sentences=tuple(sorted(sentences + caption_spans)),
                removed=cleaned_text.removed,
                mentions=tuple(found),
                quotes=tuple(said),
                events=tuple(events),
            )
        )
    return results
