"""The Python API: every CLI command and HTTP route calls one function here of the same name.

>>> import sitrep
>>> report = sitrep.ingest(["examples/"], db=":memory:")        # doctest: +SKIP
>>> sitrep.events(db=":memory:", dyad=("JPN", "PRK"))            # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Unpack

from . import pgstore
from .checks import check_count, check_date
from .errors import StoreError, UsageError
from .pipeline import process_batch
from .pipeline.ingest import IngestReport, finish_ingest, ingest_paths, rebuild_store, stage_options
from .pipeline.ingest import load as load_handoff
from .pipeline.workers import CHUNK, free_cores, local_coder
from .query import (
    EVENT_ORDER,
    EventFilters,
    actors,
    count_events,
    csv_text,
    event_where,
    events,
    explain,
    iter_events,
    open_store,
    quotes,
    reading,
    stories,
    summary,
    where_clause,
)
from .records import Event
from .store import Store, default_db, is_postgres
from .tables import ActorDictionary, Lexicon
from .text import article_from_text

if TYPE_CHECKING:
    from .exports import ExportReport

__all__ = [
    "IngestReport", "ingest", "events", "quotes", "actors", "stories", "explain", "code_text", "open_store",
    "where_clause", "count_events", "csv_text", "finish_ingest", "EventFilters", "EVENT_ORDER", "event_where", "iter_events", "export", "load", "summary",
    "rebuild",
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
    backoff: bool = True,
    workers: int | Literal["auto"] = 1,
    handoff: str | Path | None = None,
) -> IngestReport:
    """Read, code and store articles. Unchanged articles are skipped; changed ones replaced.

    Bad inputs are reported in `IngestReport.rejected` (and the ``rejected`` table); the rest of the
    batch is ingested. After the batch, stories and merged events are rebuilt. `actor_files` and
    `lexicon_files` extend the shipped actor tables and verb lexicon with users' TSV files (formats in
    ``sitrep/data/actors/README.md`` and the header of ``sitrep/data/verbs.tsv``). Articles already
    stored are not re-coded when only these files change; re-ingest them into a fresh database.
    `dask` runs the coding on Dask ("synchronous", "threads", "processes" or a scheduler address; see
    docs/scale.md) with this process as the only writer. `backoff=False` codes only the lexicon's
    precise frames (no back-off to a verb's general class; see ``sitrep/coder/backoff.py``).
    `workers` local processes code in parallel, this process writing (``"auto"``: the free cores,
    `pipeline.workers.free_cores`, which `sitrep ingest` uses by default); the pool starts only when
    more than 16 articles are to be coded. Worker processes are spawned and import the calling script
    again, so a script that passes `workers` keeps its top-level code under
    ``if __name__ == "__main__":`` (as for `multiprocessing` and Dask). With `dask`, `workers` is the
    number of local Dask workers (``"auto"``: one per core). `handoff` writes the Parquet hand-off of
    the whole store to that folder once the ingest has succeeded (as ``export("handoff", ...)``, for
    `load` elsewhere).
    """
    published, _ = check_date(published, "published"), check_count(batch_size, "batch_size", minimum=1)
    if workers != "auto":
        check_count(workers, "workers", minimum=1)
    db = default_db() if db is None else db
    if is_postgres(db):  # one transaction for the whole ingest (sitrep.pgstore.writing)
        with pgstore.writing(str(db)) as store:
            report = ingest(paths, db=store, published=published, outlet=outlet, batch_size=batch_size,
                            progress=progress, actor_files=actor_files, lexicon_files=lexicon_files, dask=dask,
                            backoff=backoff, workers=workers)
        _write_handoff(db, handoff)  # after the commit: a failed hand-off never undoes the ingest
        return report
    if dask is not None:
        from .pipeline import distributed

        report = distributed.ingest(paths, db=db, scheduler=dask, published=published, outlet=outlet,
                                    progress=progress, actor_files=actor_files, lexicon_files=lexicon_files,
                                    backoff=backoff, num_workers=None if workers == "auto" else workers)
    else:
        workers = free_cores() if workers == "auto" else workers
        coder = local_coder(workers=workers, **stage_options(actor_files, lexicon_files, backoff=backoff))
        if workers > 1:  # enough articles per batch to keep every worker busy between the batch's look-ups
            batch_size = max(batch_size, workers * CHUNK * 4)
        report = ingest_paths(paths, db=db, coder=coder, published=published, outlet=outlet, batch_size=batch_size,
                              progress=progress)
    _write_handoff(db, handoff)
    return report


def _write_handoff(db: str | Path | Store, handoff: str | Path | None) -> None:
    """The hand-off of `db` in the folder `handoff` (nothing when None); an OS error is a `StoreError`
    that says the ingest itself is done."""
    if handoff is None:
        return
    from .exports import write_handoff

    try:
        with reading(db) as store:
            write_handoff(store, out=Path(handoff))
    except OSError as error:
        raise StoreError(f"the ingest is stored, but the hand-off could not be written to {handoff} "
                         f"({error.strerror or error}); write it with `sitrep export --format handoff --out DIR`") from error


def rebuild(*, db: str | Path | Store | None = None) -> IngestReport:
    """Rebuild the derived tables (stories, events, actors and the views' counts) of `db` in full.

    An ingest rebuilds only what its articles can change, with the same result; a full rebuild is
    for a store whose derived tables an older sitrep (another merge rule) or other settings built.

    >>> rebuild(db="events.duckdb").rebuilt.how  # doctest: +SKIP
    'full'
    """
    db = default_db() if db is None else db
    if is_postgres(db):  # one transaction (sitrep.pgstore.writing)
        with pgstore.writing(str(db)) as store:
            return rebuild(db=store)
    return rebuild_store(db)


def load(path: str | Path, *, db: str | Path | Store | None = None) -> IngestReport:
    """Load a Parquet hand-off (`sitrep.pipeline.handoff`: written by ``export("handoff", ...)`` or by
    the Dask runner's ``handoff=``) into `db`, a DuckDB file or a PostgreSQL address, then rebuild the
    derived tables. Each article's rows replace those stored for it, so loading again never duplicates
    a row; a file that cannot be read is listed in `IngestReport.rejected` and the rest is loaded.

    >>> load("handoff/", db="postgresql://sitrep@dbhost/events").written  # doctest: +SKIP
    1000
    """
    db = default_db() if db is None else db
    if is_postgres(db):  # one transaction (sitrep.pgstore.writing)
        with pgstore.writing(str(db)) as store:
            return load(path, db=store)
    return load_handoff(path, db=db)


def code_text(text: str, *, published: str | None = None, actors: ActorDictionary | None = None,
              id: str | None = None, lexicon: Lexicon | None = None) -> list[Event]:
    """Code one text in memory (no database): the list of `Event`s it yields.

    >>> [e.code for e in code_text("Japan condemned North Korea.", published="2024-06-24")]  # doctest: +SKIP
    ['111']
    """
    article = article_from_text(text, published=published, id=id)
    return list(process_batch([article], dictionary=actors, lexicon=lexicon)[0].events)


def export(format: str, *, out: str | Path, db: str | Path | Store | None = None, limit: int | None = None,
           batch_size: int = 20_000, **filters: Unpack[EventFilters]) -> ExportReport:
    """Write the events `events` would list for `filters` to `out` in `format`, streaming.

    Formats (`sitrep.exports.FORMATS`): ``gdelt`` and ``gdelt-mentions`` (GDELT 2.0 event and mentions
    tables, tab-separated, no header), ``icews`` (ICEWS coded events, tab-separated with header),
    ``polecat`` (PLOVER JSON lines), and sitrep's own columns as ``parquet`` (a folder `out` is partitioned
    by event month, hive-style), ``csv`` or ``jsonl``; ``handoff`` writes the store's base tables for
    `load` (a folder partitioned by event month; no filters). docs/exports.md maps every column. Rows come in
    the store's order, unsorted, so that memory stays bounded; `limit` keeps the newest events.

    >>> export("gdelt", out="events.tsv", db="events.duckdb", dyad=("USA", "PRK")).rows  # doctest: +SKIP
    3
    """
    from .exports import write_export, write_handoff

    if format == "handoff":
        given = [k for k, v in filters.items() if v not in (None, False, 0)]
        if given or limit is not None:
            raise UsageError(f"a hand-off carries the whole store; drop {', '.join(given) or 'limit'} "
                             "(filters apply to the event formats)")
        with reading(db) as store:
            return write_handoff(store, out=Path(out))
    where, params = event_where(**filters)
    with reading(db) as store:
        return write_export(store, format, out=Path(out), where=where, params=params, order=EVENT_ORDER,
                            limit=limit, batch_size=batch_size)
