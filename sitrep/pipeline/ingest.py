"""The one ingest loop: read inputs, skip unchanged articles, code the rest, write, rebuild once.

Both ingest paths run it: `sitrep.api.ingest` codes each batch in this process, the Dask runner
(`pipeline.distributed`) hands each batch to workers. Only the coding differs, so a `Coder` is passed
in: it takes the articles to code and yields lists of results as they are ready. This process stays
the only writer (DuckDB allows one per file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpus import Rebuilt, rebuild
from ..records import Article, Rejected
from ..store import Store
from ..tables import ActorDictionary, Lexicon
from ..text.read import iter_articles
from ..writer import changed, open_writer, publish, writable
from .batch import ArticleResult
from .handoff import Handoff, load_into
from .workers import local_coder

__all__ = ["Coder", "IngestReport", "finish_ingest", "ingest_paths", "load", "local_coder", "rebuild_store", "stage_options"]

Coder = Callable[[list[Article], "IngestReport"], Iterable[list[ArticleResult]]]
"""Codes the articles of one batch; yields lists of results (one list per finished chunk) and adds an
article it could not code to the report's `rejected`."""


@dataclass
class IngestReport:
    """What an ingest did: counts, and every rejected input with its reason."""

    read: int = 0
    written: int = 0
    unchanged: int = 0
    events: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 every input ingested (or unchanged), 1 some inputs rejected, 2 nothing read at all."""
        return 2 if not self.read else 1 if self.rejected else 0
    found: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per article coded in this run: (events found, events counted), for a per-article summary."""
    undated: list[str] = field(default_factory=list)
    """Articles coded in this run with no publication date from any source."""
    rebuilt: Rebuilt | None = None
    """What the rebuild at the end redid (`corpus.Rebuilt`: full or incremental, and how much), or
    None when nothing changed."""


def stage_options(actor_files: Sequence[str | Path] = (), lexicon_files: Sequence[str | Path] = (), *,
                  backoff: bool = True) -> dict[str, Any]:
    """`process_batch` options for users' actor and verb tables and the back-off switch (loaded once,
    shipped to workers)."""
    options: dict[str, Any] = {}
    if actor_files:
        options["dictionary"] = ActorDictionary.from_files(*actor_files)
    if lexicon_files or not backoff:
        options["lexicon"] = Lexicon.load(extra=lexicon_files, backoff=backoff)
    return options


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    db: str | Path | Store | Handoff | None,
    coder: Coder,
    published: str | None = None,
    outlet: str | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read `paths`, code what changed with `coder`, write it to `db` and rebuild the derived tables.

    A `coder` with a `close()` (a pool of worker processes, `workers.LocalCoder`) is closed at the end.

    `db` is opened by the one writer (`writer.open_writer`: a private copy renamed over the database at
    the end) unless it is an open `Store`, which its owner closes.

    Stages: 1. read (bad inputs go to the report, the rest go on); 2. skip what the store holds
    unchanged (same id and content hash; within a batch the last copy of an id wins, as a re-ingest
    would); 3. code and write each chunk as it arrives; 4. rebuild stories, events and actors once,
    when something changed. Until something is to be written the database is only read (no copy,
    no model), so re-ingesting unchanged inputs costs a hash look-up per article.

    A `handoff.Handoff` as `db` writes the results as Parquet files instead (no store, no rebuild:
    `sitrep load` does that where the hand-off is loaded).
    """
    store: Store | Handoff = db if isinstance(db, Handoff) else open_writer(db)
    try:
        report = IngestReport()
        for batch in _batches(iter_articles(paths, published=published, outlet=outlet), batch_size, report):
            unique = list({a.id: a for a in batch}.values())
            known = store.known_hashes([a.id for a in unique])
            todo = [a for a in unique if known.get(a.id) != a.content_hash]
            report.unchanged += len(batch) - len(todo)
            if todo:
                for results in coder(todo, report):
                    report.written += store.write(results)
                    report.found.update({r.article.id: (len(r.events), sum(e.counted for e in r.events)) for r in results})
                    report.undated += [r.article.id for r in results if not r.article.published]
            if progress:
                progress(len(batch))
        if isinstance(store, Store):
            finish_ingest(store, report)
        return report
    finally:
        close = getattr(coder, "close", None)
        if close is not None:
            close()
        if not isinstance(db, Store):
            store.close()


def load(path: str | Path, *, db: str | Path | Store | None) -> IngestReport:
    """Load the Parquet hand-off in `path` into `db` (`handoff.load_into`), then rebuild the derived
    tables and publish, as `ingest_paths` ends; `read` and `written` count articles, `rejected` lists the
    files that could not be read, each with its reason."""
    store = open_writer(db)
    try:
        report = IngestReport()
        report.read, report.written, report.rejected = load_into(writable(store), path)
        finish_ingest(store, report, incremental=False)
        return report
    finally:
        if not isinstance(db, Store):
            store.close()


def rebuild_store(db: str | Path | Store | None) -> IngestReport:
    """Rebuild every derived table of `db` in full (`corpus.rebuild`) and publish, as an ingest ends:
    after upgrading sitrep (a new merge rule) or changing settings the stored stories and events
    predate; `read` and `written` stay 0."""
    store = open_writer(db)
    try:
        report = IngestReport()
        writable(store).con.execute("BEGIN TRANSACTION")
        try:
            report.rebuilt = rebuild(store)
            store.con.execute("COMMIT")
        except BaseException:
            store.con.execute("ROLLBACK")
            raise
        report.events = _counted(store)
        publish(store)
        return report
    finally:
        if not isinstance(db, Store):
            store.close()


def _batches(items: Iterable[Article | Rejected], size: int, report: IngestReport) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        if isinstance(item, Rejected):
            report.rejected.append(item)
            continue
        report.read += 1
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def finish_ingest(store: Store, report: IngestReport, *, incremental: bool = True) -> None:
    """Log the rejected inputs, rebuild the derived tables once (in one transaction: a store written in
    place never shows them half built), count the events and publish the new state to readers
    (`writer.publish`: the atomic swap of the work copy) on every ingest path.

    The rebuild is incremental (`corpus.rebuild`: only the stories and events the written articles can
    change, with the full rebuild's result) unless `incremental` is False, as for a hand-off load,
    whose rows are not written through `Store.write`.

    The derived tables depend on the base tables alone, so they are rebuilt only when base rows
    changed: this ingest wrote some, or continued an interrupted ingest, or found them behind
    (`writer.changed`). An ingest that wrote nothing and rejected nothing leaves the database as it was.
    """
    rebuilding = bool(report.written) or changed(store)
    if not rebuilding and not report.rejected:
        report.events = _counted(store)
        publish(store)
        return
    writable(store).con.execute("BEGIN TRANSACTION")
    try:
        store.log_rejected(report.rejected)
        if rebuilding:
            report.rebuilt = rebuild(store, incremental=incremental)
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise
    report.events = _counted(store)
    publish(store)


def _counted(store: Store) -> int:
    return store.con.execute("SELECT count(*) FROM events WHERE counted").fetchall()[0][0]
