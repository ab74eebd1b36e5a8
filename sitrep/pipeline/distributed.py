"""Ingest on Dask: `pipeline.process_batch` on many cores or machines, one writer into the store.

The pipeline is a pure function over a batch of articles, so it partitions cleanly: articles are read
in this (client) process, unchanged ones skipped by content hash, the rest cut into partitions of a
`dask.bag`, each partition coded by `process_batch` on a worker, and every result written by this
process alone (DuckDB allows one writer per file), as partitions finish. Derived tables (stories,
events, actors) are rebuilt once at the end, exactly as `sitrep.api.ingest` does, so both give the same
tables.

>>> from sitrep.pipeline.distributed import ingest
>>> ingest(["examples/"], db="events.duckdb", scheduler="processes")            # doctest: +SKIP
>>> ingest(["feeds/"], db="events.duckdb", scheduler="tcp://10.0.0.5:8786")     # doctest: +SKIP

``scheduler`` is ``"synchronous"`` (in-process, for tests and debugging), ``"threads"`` (one process;
spaCy holds the GIL for much of a parse, so expect little gain), ``"processes"`` (a local
`distributed.LocalCluster` with one single-threaded worker per core; each worker loads the spaCy model
once) or the address of a running Dask scheduler (``"tcp://host:8786"``), or a `distributed.Client`.
Workers need sitrep and its model installed; they receive article text from the client, so they do not
need the input files. See docs/scale.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..errors import UsageError
from ..records import Article
from ..store import Store
from .batch import process_batch
from .handoff import Handoff
from .ingest import IngestReport, ingest_paths, stage_options

__all__ = ["ingest", "LOCAL_SCHEDULERS"]

LOCAL_SCHEDULERS = ("synchronous", "threads", "processes")
"""Scheduler names that need no running cluster; anything else is a Dask scheduler address."""

log = logging.getLogger(__name__)


def ingest(
    paths: Iterable[str | Path],
    *,
    db: str | Path | Store | None = None,
    scheduler: object = "threads",
    partition_size: int = 16,
    num_workers: int | None = None,
    published: str | None = None,
    outlet: str | None = None,
    progress: Callable[[int], None] | None = None,
    actor_files: Sequence[str | Path] = (),
    lexicon_files: Sequence[str | Path] = (),
    backoff: bool = True,
    handoff: str | Path | None = None,
) -> IngestReport:
    """Read, code on Dask and store articles; returns an `IngestReport`.

    `partition_size` is the number of articles one task codes with one `process_batch` call (spaCy
    parses a batch several times faster than one text at a time; a partition of 16 articles is a few
    seconds of work, large enough to hide Dask's per-task overhead). `num_workers` caps the local
    threads or processes (default: one per core). Unchanged articles (same id and content hash) are
    skipped; a changed one replaces its rows; bad inputs are reported, as in `sitrep.api.ingest`.
    `actor_files` and `lexicon_files` extend the actor tables and verb lexicon as there; they are loaded
    here once and shipped to the workers with each task, as is `backoff` (see `api.ingest`).

    `handoff` writes the results to that folder as a Parquet hand-off (`pipeline.handoff`: files
    partitioned by event month, which `sitrep load` puts into a DuckDB or PostgreSQL store) instead of
    into `db`; a re-run skips the articles the folder holds.
    """
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1 article")
    options = stage_options(actor_files, lexicon_files, backoff=backoff)

    def coder(todo: list[Article], report: IngestReport) -> Iterable[list]:
        return _coded_partitions(todo, scheduler=scheduler, partition_size=partition_size,
                                 num_workers=num_workers, options=options)

    # Inputs are read in the client (workers need not see them), in batches of many partitions.
    sink = Handoff(handoff) if handoff is not None else db
    return ingest_paths(paths, db=sink, coder=coder, published=published, outlet=outlet,
                        batch_size=DASK_BATCH_ARTICLES, progress=progress)


DASK_BATCH_ARTICLES = 4096
"""Articles read before a round of partitions goes to the workers (bounds the client's memory)."""


def _code_partition(articles: Sequence[Article], options: dict | None = None) -> list:
    """One Dask task: code a partition of articles (runs on a worker; the model is cached there)."""
    return process_batch(list(articles), **(options or {}))


def _coded_partitions(todo: list[Article], *, scheduler: object, partition_size: int,
                      num_workers: int | None, options: dict | None = None) -> Iterable[list]:
    """Yield the `ArticleResult`s of each partition, in the order partitions finish."""
    if not todo:
        return
    import dask
    import dask.bag

    bag = dask.bag.from_sequence(todo, partition_size=partition_size)
    parts = bag.map_partitions(_code_partition, options or {}).to_delayed()
    if scheduler in ("synchronous", "threads"):
        # In-process: compute a few partitions at a time so results never pile up in memory.
        wave = max(1, num_workers or _cores()) * 2
        for start in range(0, len(parts), wave):
            for results in dask.compute(*parts[start:start + wave], scheduler=scheduler, num_workers=num_workers):
                yield list(results)
        return
    from distributed import Client, LocalCluster, as_completed

    cluster = client = None
    try:
        if isinstance(scheduler, Client):
            client = scheduler
        elif scheduler == "processes":
            cluster = LocalCluster(n_workers=num_workers or _cores(), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        elif isinstance(scheduler, str):
            try:
                client = Client(scheduler, timeout="10s")
            except (ValueError, OSError) as error:
                raise UsageError(f"cannot reach a Dask scheduler at {scheduler!r} ({error}); use one of "
                                 f"{', '.join(LOCAL_SCHEDULERS)} or an address such as tcp://host:8786") from error
        else:
            raise ValueError(f"scheduler {scheduler!r}: use one of {LOCAL_SCHEDULERS}, an address or a Client")
        log.info("coding %d articles in %d partitions on %s", len(todo), len(parts), client)
        futures = client.compute(parts)
        for future in as_completed(futures):
            results = future.result()
            future.release()
            yield list(results)
    finally:
        if client is not None and client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
