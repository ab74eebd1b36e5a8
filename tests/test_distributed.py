"""Tests for sitrep.pipeline.distributed and .workers: a Dask ingest and a 2-worker ingest give the
tables a 1-process `sitrep.api.ingest` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("dask.bag")

import sitrep.api as api
from sitrep.pipeline import distributed
from sitrep.store import Store

from .conftest import STORE_TABLES as TABLES

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SYNDICATED = ROOT / "gold" / "syndicated" / "articles.jsonl"



def _tables(db: Path) -> dict[str, list[dict]]:
    with Store(db, read_only=True) as store:
        out = {}
        for table, order in TABLES.items():
            rows = store.query(f"SELECT * FROM {table} ORDER BY {order}").to_pylist()
            for row in rows:
                row.pop("ingested_at", None)
            out[table] = rows
        return out


@pytest.fixture(scope="module")
def api_tables(tmp_path_factory) -> dict[str, list[dict]]:
    db = tmp_path_factory.mktemp("api") / "api.duckdb"
    api.ingest([EXAMPLES, SYNDICATED], db=db, workers=1)
    return _tables(db)


def test_distributed_ingest_synchronous_gives_the_tables_of_api_ingest(tmp_path, api_tables) -> None:
    db = tmp_path / "dask.duckdb"
    report = distributed.ingest([EXAMPLES, SYNDICATED], db=db, scheduler="synchronous", partition_size=4)
    assert report.read == 40 and report.written == 40 and not report.rejected
    got = _tables(db)
    for table in TABLES:
        assert len(got[table]) == len(api_tables[table]), table
        assert got[table] == api_tables[table], table


def test_workers_ingest_on_two_local_processes_gives_the_tables_of_one_process(tmp_path, api_tables) -> None:
    db = tmp_path / "workers.duckdb"
    report = api.ingest([EXAMPLES, SYNDICATED], db=db, workers=2)  # 40 articles: three chunks on the pool
    assert report.read == 40 and report.written == 40 and not report.rejected
    got = _tables(db)
    for table in TABLES:
        assert got[table] == api_tables[table], table


def test_distributed_ingest_threads_gives_the_same_events(tmp_path, api_tables) -> None:
    db = tmp_path / "threads.duckdb"
    distributed.ingest([EXAMPLES, SYNDICATED], db=db, scheduler="threads", partition_size=8, num_workers=2)
    got = _tables(db)
    assert got["events"] == api_tables["events"]
    assert got["mentions"] == api_tables["mentions"]


def test_distributed_ingest_skips_unchanged_articles_and_rejects_bad_input(tmp_path) -> None:
    db = tmp_path / "again.duckdb"
    first = distributed.ingest([EXAMPLES], db=db, scheduler="synchronous")
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    again = distributed.ingest([EXAMPLES, bad], db=db, scheduler="synchronous")
    assert (first.read, first.written, first.unchanged) == (2, 2, 0)
    assert (again.read, again.written, again.unchanged) == (2, 0, 2)
    assert [r.path for r in again.rejected] == [str(bad)]
    assert again.events == first.events > 0


def test_distributed_ingest_rejects_an_unknown_scheduler_object(tmp_path) -> None:
    with pytest.raises(ValueError, match="scheduler"):
        distributed.ingest([EXAMPLES], db=tmp_path / "x.duckdb", scheduler=42)


@pytest.mark.slow
def test_distributed_ingest_processes_on_a_local_cluster_gives_the_same_events(tmp_path, api_tables) -> None:
    db = tmp_path / "procs.duckdb"
    distributed.ingest([EXAMPLES, SYNDICATED], db=db, scheduler="processes", partition_size=8, num_workers=2)
    assert _tables(db)["events"] == api_tables["events"]


def test_distributed_ingest_ships_user_actor_and_verb_files_to_the_workers(tmp_path, user_files) -> None:
    folder, actors_file, verbs = user_files
    db = tmp_path / "user.duckdb"
    distributed.ingest([folder], db=db, scheduler="threads", actor_files=[actors_file], lexicon_files=[verbs])
    rows = api.events(db=db).to_pylist()
    assert [(r["source_code"], r["code"], r["target_code"]) for r in rows] == [("FRD", "120", "SYL")]
