"""Ingest throughput: articles/s and words/s through `pipeline.process_batch`, one process vs Dask.

The two example articles are replicated N times with distinct ids (``tsf-2023-09-14~0007``), so every
copy is coded in full (nothing is skipped by content hash) and the work is known: N x (words of both).
Three runs, each on a fresh model cache in its own process where that matters:

- ``single``: `process_batch` in this process, in batches of `--batch` articles (what `sitrep ingest` does);
- ``dask-processes``: the same partitions on a local Dask cluster of `--workers` single-threaded worker
  processes (`sitrep.pipeline.distributed`'s "processes" scheduler), results gathered in this process;
- ``dask-ingest`` (with --store): the whole `sitrep.pipeline.distributed.ingest` into a fresh DuckDB file,
  writes and the final rebuild included.

Model loading is timed apart (a warm-up batch) so the rates are steady-state coding rates; the Dask
figure includes starting the cluster and loading the model once per worker, reported separately.

    python benchmarks/bench_ingest.py --copies 40 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def articles(copies: int) -> list:
    from sitrep.text.read import Article, iter_articles

    originals = [a for a in iter_articles([ROOT / "examples"]) if isinstance(a, Article)]
    return [replace(a, id=f"{a.id}~{n:04d}") for n in range(copies) for a in originals]


def words(batch: list) -> int:
    return sum(len(a.text.split()) for a in batch)


def bench_single(batch: list, size: int) -> dict:
    from sitrep.pipeline import batch as pipeline

    start = time.perf_counter()
    pipeline.process_batch(batch[:2])  # load the model and warm the caches
    load = time.perf_counter() - start
    start = time.perf_counter()
    for i in range(0, len(batch), size):
        pipeline.process_batch(batch[i:i + size])
    seconds = time.perf_counter() - start
    return {"run": "single", "model_load_s": round(load, 2), "seconds": round(seconds, 2)}


def bench_dask(batch: list, size: int, workers: int) -> dict:
    import dask.bag
    from distributed import Client, LocalCluster, wait

    from sitrep.pipeline.distributed import _code_partition

    start = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    client.run(lambda: _code_partition(batch[:2]) and None)  # every worker loads the model once
    startup = time.perf_counter() - start
    try:
        start = time.perf_counter()
        parts = dask.bag.from_sequence(batch, partition_size=size).map_partitions(_code_partition).to_delayed()
        futures = client.compute(parts)
        wait(futures)
        results = sum((f.result() for f in futures), [])
        seconds = time.perf_counter() - start
        assert len(results) == len(batch)
    finally:
        client.close()
        cluster.close()
    return {"run": f"dask-processes x{workers}", "startup_s": round(startup, 2), "seconds": round(seconds, 2)}


def bench_store(batch: list, size: int, workers: int) -> dict:
    from sitrep.pipeline import distributed
    from sitrep.text.read import Article  # noqa: F401  (articles are written as JSONL for the reader)

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        with feed.open("w", encoding="utf-8") as out:
            for a in batch:
                out.write(json.dumps({"id": a.id, "text": a.text, "published": a.published, "outlet": a.outlet}) + "\n")
        start = time.perf_counter()
        report = distributed.ingest([feed], db=Path(tmp) / "bench.duckdb", scheduler="processes",
                                    partition_size=size, num_workers=workers)
        seconds = time.perf_counter() - start
    assert report.written == len(batch)
    return {"run": f"dask-ingest x{workers} (read+code+write+rebuild, cluster start and model load included)",
            "seconds": round(seconds, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=40, help="replicas of the two examples (articles = 2 x copies)")
    parser.add_argument("--batch", type=int, default=16, help="articles per process_batch call / Dask partition")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--store", action="store_true", help="also time sitrep.pipeline.distributed.ingest into DuckDB")
    parser.add_argument("--only", choices=("single", "dask"), help="run one of the two main runs")
    args = parser.parse_args()
    batch = articles(args.copies)
    n_words = words(batch)
    print(f"# {len(batch)} articles, {n_words} words, batch {args.batch}, cores {len(os.sched_getaffinity(0))}",
          file=sys.stderr)
    rows = []
    if args.only in (None, "single"):
        rows.append(bench_single(batch, args.batch))
    if args.only in (None, "dask"):
        rows.append(bench_dask(batch, args.batch, args.workers))
    if args.store:
        rows.append(bench_store(batch, args.batch, args.workers))
    for row in rows:
        row.update(articles=len(batch), words=n_words,
                   articles_per_s=round(len(batch) / row["seconds"], 2), words_per_s=round(n_words / row["seconds"]))
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
