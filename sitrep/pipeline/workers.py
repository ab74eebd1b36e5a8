"""Coding on local worker processes: `process_batch` on every free core, this process the one writer.

A `Coder` for `ingest.ingest_paths` (the loop both ingest paths share): each batch of articles to
code is cut into chunks of `CHUNK` articles (one `nlp.pipe` batch each), the chunks go to a pool of
worker processes, and their results come back as each chunk finishes, to be written by this
process alone (DuckDB allows one writer per file). Each worker loads the spaCy model once, on its
first chunk, and keeps it (the model is a lazy per-process cache, as on Dask workers).

The pool starts only when there is more than a chunk to code, so a small ingest (or a re-ingest of
unchanged articles) never pays for starting processes and loading the model in each. A chunk the
coder fails on is coded article by article in its worker, so one bad article is reported and the
rest stored, as in one process.

>>> coder = local_coder(workers=2)          # doctest: +SKIP
>>> ingest_paths(["feeds/"], db="events.duckdb", coder=coder)   # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any

from ..errors import UsageError
from ..records import Article, Rejected
from . import batch as stage
from .batch import ArticleResult

__all__ = ["CHUNK", "LocalCoder", "code_chunk", "free_cores", "local_coder"]

CHUNK = 16
"""Articles per task: one `nlp.pipe` batch (16 parses faster here than 256 and keeps RSS near 300
MiB), a few seconds of work, enough to hide the cost of shipping articles and results."""


def free_cores() -> int:
    """Cores this process may use that the 1-minute load average leaves idle (at least one)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        busy = int(os.getloadavg()[0])
    except OSError:  # no load average on this platform
        busy = 0
    return max(1, min(cores, cores - busy))


def code_chunk(articles: Sequence[Article], options: dict[str, Any] | None = None
               ) -> tuple[list[ArticleResult], list[Rejected]]:
    """Code a chunk with `process_batch`; if the chunk fails, code its articles one by one, so one
    bad article (a parse the coder cannot handle) is rejected with its reason and the rest kept."""
    code: Callable[[list[Article]], list[ArticleResult]] = (
        partial(stage.process_batch, **options) if options else stage.process_batch
    )
    try:
        return code(list(articles)), []
    except Exception:  # noqa: BLE001 - any failure of one article must not lose the chunk
        pass
    results: list[ArticleResult] = []
    rejected: list[Rejected] = []
    for article in articles:
        try:
            results.extend(code([article]))
        except Exception as error:  # noqa: BLE001
            rejected.append(Rejected(
                article.path or article.id,
                f"coding failed ({type(error).__name__}: {error}); the article was not stored, "
                "please report it with this message"))
    return results, rejected


class LocalCoder:
    """A `Coder` (`ingest.Coder`) running `process_batch` in this process (`workers=1`) or on a pool
    of `workers` processes started on first need; `close()` stops the pool."""

    def __init__(self, *, workers: int = 1, chunk: int = CHUNK, options: dict[str, Any] | None = None) -> None:
        if workers < 1 or chunk < 1:
            raise ValueError("workers and chunk must be at least 1")
        self.workers, self.chunk, self.options = workers, chunk, options or {}
        self._pool: Executor | None = None

    def __call__(self, articles: list[Article], report: Any) -> Iterator[list[ArticleResult]]:
        if self.workers == 1 or (self._pool is None and len(articles) <= self.chunk):
            results, rejected = code_chunk(articles, self.options)
            report.rejected.extend(rejected)
            yield results
            return
        if self._pool is None:
            import multiprocessing

            # spawn, not fork: this process holds a DuckDB connection and its threads
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"))
        chunks = [articles[i:i + self.chunk] for i in range(0, len(articles), self.chunk)]
        futures = [self._pool.submit(code_chunk, chunk, self.options) for chunk in chunks]
        try:
            for future in as_completed(futures):
                try:
                    results, rejected = future.result()
                except BrokenProcessPool as error:
                    raise UsageError(
                        "a worker process died before coding its articles; if you call sitrep.ingest(workers=N) "
                        "from a script, put that call under `if __name__ == \"__main__\":` (workers import the "
                        "script again), or use workers=1") from error
                report.rejected.extend(rejected)
                yield results
        finally:
            for future in futures:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def local_coder(*, workers: int = 1, chunk: int = CHUNK, **options: Any) -> LocalCoder:
    """A `LocalCoder` with `process_batch` options (see `ingest.stage_options`)."""
    return LocalCoder(workers=workers, chunk=chunk, options=options)
