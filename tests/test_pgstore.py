"""The PostgreSQL store: the views read what DuckDB reads, an ingest is one transaction (a kill leaves
the state before, a re-run never duplicates), and no value reaches SQL as text.

Each test gets a throwaway database on the server `SITREP_TEST_POSTGRES` names (`.ci/run` starts one);
without it they skip, saying so.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep.api as api
from sitrep import pgstore, report, views
from sitrep.query import open_store

from .conftest import KILL_INGEST as _KILLER
from .conftest import postgres_database

_TABLES = ("articles", "sentences", "actor_mentions", "mentions", "quotes", "events", "actors", "stories")
_TIMES = {"ingested_at", "at"}


@pytest.fixture
def pg(request):
    yield from postgres_database(request.node.name)


def _state(db: str) -> dict[str, list[str]]:
    """Every row of every table but the ingest times, as text, sorted."""
    out = {}
    with open_store(db, read_only=True) as store:
        for table in _TABLES:
            rows = store.query(f"SELECT * FROM {table}").to_pylist()
            out[table] = sorted(repr(sorted((k, round(v, 9) if isinstance(v, float) else v)
                                            for k, v in row.items() if k not in _TIMES)) for row in rows)
    return out


def test_pgstore_views_and_report_equal_duckdbs_on_the_examples(pg, examples, tmp_path):
    duck = str(tmp_path / "examples.duckdb")
    api.ingest([examples], db=duck)
    api.ingest([examples], db=pg)
    assert _state(pg) == _state(duck)
    for db in (duck, pg):
        with views.reader(db) as store:
            page = views.events_page(store, limit=5, offset=2)
            got = (page["total"], page["rows"].to_pylist(), views.dyad_trends(store, interval="week").to_pylist(),
                   views.dyad_trends(store, interval="day", dyad="USA,PRK").to_pylist(),
                   views.network(store)["nodes"].to_pylist(), views.network(store, level="code", actor="PRK")["edges"].to_pylist(),
                   api.summary(db=store).to_pylist())
        if db == duck:
            expected = got
    assert _rounded(got) == _rounded(expected)  # a mean of 1.45 rounds to 1.5 in PostgreSQL, 1.4 in DuckDB
    assert report.report(pg, dyad="USA,PRK") == report.report(duck, dyad="USA,PRK")
    assert report.report(pg, actor="KOR") == report.report(duck, actor="KOR")


def _rounded(value):
    """`value` without the rounded means (PostgreSQL and DuckDB round a double's tie differently)."""
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items() if k != "mean_goldstein" and not (k == "goldstein" and "type" in value)}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value




def _folder(root: Path, name: str, *texts: str) -> Path:
    folder = root / name
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"wire{number}-2024-06-2{number + 1}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("point", ["mid-write", "mid-rebuild"])
def test_pgstore_kill_9_leaves_the_state_before_and_a_rerun_gives_the_uninterrupted_rows(pg, tmp_path, point, request):
    first = _folder(tmp_path, "a", "Japan condemned North Korea on Monday after the missile launch.")
    both = _folder(tmp_path, "ab", "Japan condemned North Korea on Monday after the missile launch.",
                   "Russia and China signed a trade agreement in Beijing on Tuesday.")
    api.ingest([first], db=pg)
    before = _state(pg)
    run = subprocess.run([sys.executable, "-c", _KILLER, point, pg, str(both)], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == -signal.SIGKILL, run.stderr[-2000:]
    assert _state(pg) == before  # the killed transaction left nothing
    again = api.ingest([both], db=pg)
    assert again.written == 1 and again.unchanged == 1
    rerun = api.ingest([both], db=pg)
    assert rerun.written == 0
    made = postgres_database(request.node.name + "_ref")
    reference = next(made)
    try:
        api.ingest([first], db=reference)
        api.ingest([both], db=reference)
        assert _state(pg) == _state(reference)
    finally:
        made.close()


def test_pgstore_readers_see_the_state_before_until_the_ingest_commits(pg, tmp_path):
    folder = _folder(tmp_path, "a", "Japan condemned North Korea on Monday after the missile launch.")
    with pgstore.writing(pg) as store:
        api.ingest([folder], db=store)
        assert api.events(db=pg).num_rows == 0  # another connection: nothing committed yet
    assert api.events(db=pg).num_rows == 1


def test_pgstore_filter_values_never_reach_sql_as_text(pg, examples):
    api.ingest([examples], db=pg)
    hostile = "'; DROP TABLE events; --"
    for value in (hostile, "100%", "?", "'?'", '"'):
        assert api.events(db=pg, actor=value).num_rows == 0
        assert api.events(db=pg, text=value).num_rows == 0
    assert api.events(db=pg, text="'s").num_rows >= 0
    with open_store(pg, read_only=True) as store:
        assert store.counts()["events"] > 0


def test_pgstore_bind_turns_question_marks_outside_quotes_into_parameters():
    sql = "SELECT '?', \"a?\", x FROM t WHERE a LIKE ? AND b = '%' AND c = ?"
    assert pgstore.bind(sql, [1, 2]) == "SELECT '?', \"a?\", x FROM t WHERE a LIKE %s AND b = '%%' AND c = %s"
    assert pgstore.bind(sql, []) == sql
