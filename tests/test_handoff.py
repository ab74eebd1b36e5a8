"""The Parquet hand-off (sitrep.pipeline.handoff): written by `sitrep export --format handoff` and by the
Dask runner, partitioned by event month, loaded by `sitrep load` into DuckDB and PostgreSQL with the
tables an ingest gives; loading again never duplicates a row, a bad file is named and skipped."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import sitrep.api as api
from sitrep.cli import app
from sitrep.errors import UsageError
from sitrep.pipeline.handoff import HANDOFF_TABLES, handoff_files, month_of
from sitrep.query import open_store

from .conftest import STORE_TABLES as TABLES
from .conftest import postgres_database

EXPORTS = ("gdelt", "gdelt-mentions", "icews", "polecat", "csv", "jsonl")


def _tables(db: str | Path, *, times: bool = True) -> dict[str, list[dict]]:
    """Every row of every table, in a fixed order (floats rounded: PostgreSQL prints them its way)."""
    out = {}
    with open_store(str(db), read_only=True) as store:
        for table, order in TABLES.items():
            rows = store.query(f"SELECT * FROM {table} ORDER BY {order}").to_pylist()
            out[table] = [{k: round(v, 9) if isinstance(v, float) else v for k, v in row.items()
                           if times or k not in ("ingested_at", "page_key")} for row in rows]
    return out


@pytest.fixture(scope="module")
def handoff(tmp_path_factory, example_db) -> Path:
    folder = tmp_path_factory.mktemp("handoff") / "it's; DROP TABLE articles --"  # no path reaches SQL
    api.export("handoff", out=folder, db=example_db)
    return folder


def test_handoff_month_of_reads_every_date_precision_as_the_store_does():
    assert [month_of(d) for d in ("2024-06-19", "2024-06-19T08:00:00Z", "2024-W25", "2024-W01", "2024-05", "2019")] \
        == ["2024-06", "2024-06", "2024-06", "2024-01", "2024-05", "2019-01"]
    assert month_of(None) == month_of("last spring") == "undated"


def test_handoff_export_partitions_mentions_by_event_month(handoff, example_db):
    files = handoff_files(handoff)
    assert set(files) == set(HANDOFF_TABLES) and all(files[t] for t in ("articles", "sentences", "mentions"))
    with open_store(str(example_db), read_only=True) as store:
        rows = store.query("SELECT m.mention_id, coalesce(m.date, a.published) AS d FROM mentions m "
                           "JOIN articles a USING (article_id)").to_pylist()
    months = {r["mention_id"]: r["d"] for r in rows}
    seen = {}
    for path in files["mentions"]:
        for mention_id in pq.read_table(path).column("mention_id").to_pylist():
            seen[mention_id] = path.parent.name
    assert seen == {m: f"month={month_of(d)}" for m, d in months.items()}
    assert len(set(seen.values())) > 1


def test_handoff_load_into_duckdb_gives_the_stores_tables_and_reloading_duplicates_nothing(handoff, example_db, tmp_path):
    db = tmp_path / "loaded.duckdb"
    report = api.load(handoff, db=db)
    assert (report.read, report.written, report.rejected, report.exit_code) == (2, 2, [], 0)
    assert _tables(db) == _tables(example_db)
    again = api.load(handoff, db=db)
    assert again.written == 2 and _tables(db) == _tables(example_db)


def test_handoff_bad_file_is_named_in_one_line_and_the_rest_loads(handoff, tmp_path):
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(handoff, broken)
    mentions = handoff_files(broken)["mentions"]
    mentions[0].write_bytes(b"not parquet at all")
    pq.write_table(pq.read_table(mentions[1]).drop_columns(["code"]), mentions[1])
    kept = sum(pq.read_table(p).num_rows for p in mentions[2:])
    db = tmp_path / "partial.duckdb"
    result = CliRunner().invoke(app, ["load", str(broken), "--db", str(db)])
    assert result.exit_code == 1, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 2 and {str(mentions[0]), str(mentions[1])} == {s.split(": ")[0][len("skipped "):] for s in skipped}
    assert "not a readable Parquet file" in result.output and "lacks the column(s) code" in result.output
    with open_store(str(db), read_only=True) as store:
        assert store.counts()["mentions"] == kept and store.counts()["articles"] == 2
        assert store.counts()["rejected"] == 2


def test_handoff_load_of_a_folder_without_one_says_what_it_needs(tmp_path, example_db):
    api.export("parquet", out=tmp_path / "events", db=example_db)
    result = CliRunner().invoke(app, ["load", str(tmp_path / "events"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "holds no hand-off" in result.output and "--format parquet" in result.output
    with pytest.raises(UsageError, match="whole store"):
        api.export("handoff", out=tmp_path / "h", db=example_db, dyad=("USA", "PRK"))


def test_handoff_dask_runner_writes_a_handoff_that_loads_to_the_ingests_tables(examples, example_db, tmp_path):
    pytest.importorskip("dask.bag")
    from sitrep.pipeline import distributed

    folder = tmp_path / "coded"
    report = distributed.ingest([examples], handoff=folder, scheduler="synchronous", partition_size=1)
    assert report.written == 2 and handoff_files(folder)["mentions"]
    assert distributed.ingest([examples], handoff=folder, scheduler="synchronous").unchanged == 2
    db = tmp_path / "from-dask.duckdb"
    api.load(folder, db=db)
    assert _tables(db, times=False) == _tables(example_db, times=False)


@pytest.fixture
def pg(request):
    yield from postgres_database(request.node.name)


def test_handoff_load_into_postgresql_gives_duckdbs_tables_and_exports(handoff, example_db, pg, tmp_path):
    report = api.load(handoff, db=pg)
    assert (report.written, report.rejected) == (2, [])
    api.load(handoff, db=pg)  # again: nothing doubles
    assert _tables(pg) == _tables(example_db)
    for format in EXPORTS:
        got, expected = tmp_path / f"pg.{format}", tmp_path / f"duck.{format}"
        assert api.export(format, out=got, db=pg).rows == api.export(format, out=expected, db=example_db).rows
        # the mentions of an event join in no fixed order; every other format keeps the store's order
        lines = (lambda p: sorted(p.read_text().splitlines())) if format == "gdelt-mentions" else Path.read_text
        assert lines(got) == lines(expected), format
    filtered = {"dyad": ("USA", "PRK"), "include_all": True, "limit": 3}
    for format in ("icews", "polecat"):
        api.export(format, out=tmp_path / "pg.f", db=pg, **filtered)
        api.export(format, out=tmp_path / "duck.f", db=example_db, **filtered)
        assert (tmp_path / "pg.f").read_text() == (tmp_path / "duck.f").read_text()
    for out in ("one.parquet", "months"):
        api.export("parquet", out=tmp_path / "pg" / out, db=pg)
        api.export("parquet", out=tmp_path / "duck" / out, db=example_db)
        import pyarrow.dataset as ds

        read = lambda p: ds.dataset(p, format="parquet", partitioning="hive").to_table()  # noqa: E731
        assert read(tmp_path / "pg" / out).sort_by("event_id").equals(read(tmp_path / "duck" / out).sort_by("event_id"))
    api.export("handoff", out=tmp_path / "back", db=pg)
    api.load(tmp_path / "back", db=tmp_path / "back.duckdb")
    assert _tables(tmp_path / "back.duckdb") == _tables(example_db)
