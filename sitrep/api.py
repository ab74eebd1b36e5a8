"""The Python API: every CLI command and HTTP route calls one function here of the same name.

>>> import sitrep
>>> report = sitrep.ingest(["examples/"], db=":memory:")        # doctest: +SKIP
>>> sitrep.events(db=":memory:", dyad=("JPN", "PRK"))            # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .pipeline import process_batch
from .pipeline.ingest import IngestReport, finish_ingest, ingest_paths, local_coder, stage_options
from .query import actors, events, explain, open_store, quotes, stories, summary, where_clause
from .records import Event
from .store import Store
from .tables import ActorDictionary
from .text import article_from_text

__all__ = [
    "IngestReport", "ingest", "events", "quotes", "actors", "stories", "explain", "code_text", "open_store",
    "where_clause", "finish_ingest", "summary",
]


def ingest(
    paths: Iterable[str | Path],
    *,
    db: str | Path | Store | None = None,
    published: str | None = None,
    outlet: str | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
    actor_files: Sequence[str | Path] = (),
    lexicon_files: Sequence[str | Path] = (),
    dask: str | None = None,
) -> IngestReport:
    """Read, code and store articles. Unchanged articles are skipped; changed ones replaced.

    Bad inputs are reported in `IngestReport.rejected` (and the ``rejected`` table); the rest of the
    batch is ingested. After the batch, stories and merged events are rebuilt. `actor_files` and
    `lexicon_files` extend the shipped actor tables and verb lexicon with users' TSV files (formats in
    ``sitrep/data/actors/README.md`` and the header of ``sitrep/data/verbs.tsv``). Articles already
    stored are not re-coded when only these files change; re-ingest them into a fresh database.
    `dask` runs the coding on Dask ("synchronous", "threads", "processes" or a scheduler address; see
    docs/scale.md) with this process as the only writer.
    """
    if dask is not None:
        from .pipeline import distributed

        return distributed.ingest(paths, db=db, scheduler=dask, published=published, outlet=outlet,
                                  progress=progress, actor_files=actor_files, lexicon_files=lexicon_files)
    coder = local_coder(**stage_options(actor_files, lexicon_files))
    store = open_store(db)
    try:
        return ingest_paths(paths, store=store, coder=coder, published=published, outlet=outlet,
                            batch_size=batch_size, progress=progress)
    finally:
        if not isinstance(db, Store):
            store.close()


def code_text(text: str, *, published: str | None = None, actors: ActorDictionary | None = None,
              id: str | None = None) -> list[Event]:
    """Code one text in memory (no database): the list of `Event`s it yields.

    >>> [e.code for e in code_text("Japan condemned North Korea.", published="2024-06-24")]  # doctest: +SKIP
    ['111']
    """
    article = article_from_text(text, published=published, id=id)
    return list(process_batch([article], dictionary=actors)[0].events)

