"""The one writer: ingest succeeds while readers hold the file, and a kill -9 never leaves a half state.

These run real processes: a reader process holding the database open, an ingest killed with SIGKILL
at three points. No assertion depends on timing: processes signal each other through their pipes.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import duckdb
import pytest

import sitrep.api as api
from sitrep import writer
from sitrep.store import Store

from .conftest import KILL_INGEST as _KILLER

ARTICLE_A = "Japan condemned North Korea on Monday after the missile launch."
ARTICLE_B = "Russia and China signed a trade agreement in Beijing on Tuesday."
_TIMES = {"ingested_at", "at"}


def _folder(root: Path, *texts: str) -> Path:
    folder = root / f"in{len(texts)}"
    folder.mkdir(exist_ok=True)
    for number, text in enumerate(texts):
        (folder / f"wire{number}-2024-06-2{number + 1}.txt").write_text(text, encoding="utf-8")
    return folder


def _state(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table but the ingest times: what a reader can see."""
    with duckdb.connect(str(db), read_only=True) as con:
        out = {}
        for table in ("articles", "sentences", "actor_mentions", "mentions", "quotes", "events", "actors", "stories"):
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in _TIMES]
            names = ", ".join(f'"{c}"' for c in columns)
            out[table] = sorted(map(repr, con.execute(f"SELECT {names} FROM {table}").fetchall()))
        return out


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    """A database holding article A (the state before), the folder of A and B, and a reference
    database with A and B ingested without interruption (the state after)."""
    root = tmp_path_factory.mktemp("writer")
    before = root / "before.duckdb"
    api.ingest([_folder(root, ARTICLE_A)], db=before)
    both = _folder(root, ARTICLE_A, ARTICLE_B)
    after = root / "after.duckdb"
    after.write_bytes(before.read_bytes())
    api.ingest([both], db=after)
    return {"root": root, "before": before, "both": both, "after": after}




@pytest.mark.parametrize("point", ["after-read", "mid-write", "mid-rebuild"])
def test_writer_kill_9_leaves_the_state_before_and_a_rerun_gives_the_uninterrupted_rows(inputs, point, tmp_path):
    db = tmp_path / "killed.duckdb"
    db.write_bytes(inputs["before"].read_bytes())
    run = subprocess.run([sys.executable, "-c", _KILLER, point, str(db), str(inputs["both"])], capture_output=True)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()[-2000:]
    assert _state(db) == _state(inputs["before"])  # never empty, never half: the state before
    assert api.events(db=db).num_rows > 0
    api.ingest([inputs["both"]], db=db)
    assert _state(db) == _state(inputs["after"])
    assert not writer.work_path(db).exists()


def test_writer_rerun_after_a_kill_continues_where_the_killed_ingest_stopped(inputs, tmp_path):
    db = tmp_path / "resumed.duckdb"
    db.write_bytes(inputs["before"].read_bytes())
    killer = _KILLER.replace("api.ingest([folder], db=db)", "api.ingest([folder], db=db, batch_size=1)")
    folder = _folder(tmp_path, ARTICLE_A, ARTICLE_B, "China protested to Japan on Friday.")
    run = subprocess.run([sys.executable, "-c", killer, "mid-write", str(db), str(folder)], capture_output=True)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()[-2000:]
    assert _state(db) == _state(inputs["before"]) and writer.work_path(db).exists()
    report = api.ingest([folder], db=db)       # B, coded before the kill, is kept in the work copy
    assert (report.read, report.written, report.unchanged) == (3, 1, 2)
    uninterrupted = tmp_path / "uninterrupted.duckdb"
    uninterrupted.write_bytes(inputs["before"].read_bytes())
    api.ingest([folder], db=uninterrupted)
    assert _state(db) == _state(uninterrupted)
    assert not writer.work_path(db).exists()


def test_writer_rerun_discards_the_work_copy_once_the_database_changed(inputs, tmp_path):
    db = tmp_path / "moved.duckdb"
    db.write_bytes(inputs["before"].read_bytes())
    run = subprocess.run([sys.executable, "-c", _KILLER, "mid-write", str(db), str(inputs["both"])], capture_output=True)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()[-2000:]
    db.write_bytes(inputs["after"].read_bytes())  # restored from elsewhere: the copy is stale
    report = api.ingest([inputs["both"]], db=db)
    assert report.written == 0 and not writer.work_path(db).exists()
    assert _state(db) == _state(inputs["after"])


def test_writer_no_op_reingest_reads_hashes_and_leaves_the_file_untouched(inputs, tmp_path, monkeypatch):
    from sitrep.text import analyse

    db = tmp_path / "same.duckdb"
    db.write_bytes(inputs["after"].read_bytes())
    before = db.stat()

    def no_model():
        raise AssertionError("a no-op re-ingest must not load the model")

    monkeypatch.setattr(analyse, "nlp", no_model)
    report = api.ingest([inputs["both"]], db=db)
    assert (report.read, report.written, report.unchanged, report.exit_code) == (2, 0, 2, 0)
    assert report.events == api.events(db=db).num_rows
    assert (db.stat().st_mtime_ns, db.stat().st_size) == (before.st_mtime_ns, before.st_size)
    assert not writer.work_path(db).exists()


_READER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    count = lambda: con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    print(count(), flush=True)
    sys.stdin.readline()          # hold the file open until the test has ingested
    print(count(), flush=True)
""")


def test_writer_ingest_succeeds_while_a_reader_process_holds_the_file(inputs, tmp_path):
    db = tmp_path / "held.duckdb"
    db.write_bytes(inputs["before"].read_bytes())
    reader = subprocess.Popen([sys.executable, "-c", _READER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "1"
        report = api.ingest([inputs["both"]], db=db)
        reader.stdin.write("go\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1"  # the open reader keeps the state it opened
    finally:
        reader.communicate(timeout=60)
    assert report.written == 1 and report.exit_code == 0
    with Store(db, read_only=True) as store:            # a new reader sees the new state
        assert store.con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 2


def test_writer_ingest_succeeds_while_four_clients_poll_the_http_api(inputs, tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    db = tmp_path / "polled.duckdb"
    db.write_bytes(inputs["before"].read_bytes())
    client = TestClient(create_app(db), base_url="http://localhost")
    before = client.get("/api/events", params={"include_all": True}).json()["total"]
    ingest = subprocess.Popen([str(Path(sys.executable).parent / "sitrep"), "ingest", str(inputs["both"]), "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    answers: list[tuple[int, int | None, str | None]] = []

    def poll() -> None:
        while ingest.poll() is None or len(answers) < 8:
            response = client.get("/api/events", params={"include_all": True})
            body = response.json()
            answers.append((response.status_code, body.get("total"), response.headers.get("x-sitrep-as-of")))

    clients = [threading.Thread(target=poll) for _ in range(4)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    _, stderr = ingest.communicate()
    assert ingest.returncode == 0, stderr.decode()[-2000:]
    after = client.get("/api/events", params={"include_all": True}).json()["total"]
    assert after > before
    assert {status for status, _, _ in answers} == {200}
    assert {total for _, total, _ in answers} <= {before, after}
    assert all(as_of for _, _, as_of in answers)


def test_writer_second_ingest_gives_up_with_a_clear_error_while_the_first_holds_the_lock(tmp_path):
    db = tmp_path / "busy.duckdb"
    first = writer.open_writer(db)
    try:
        with pytest.raises(writer.WriterBusyError, match="another ingest .*pid"):
            writer.open_writer(db, wait=0.1)
        assert writer.ingest_running(db)
    finally:
        first.close()
    assert writer.ingest_running(db) is None
    assert not db.exists()  # closed without publishing: nothing was swapped in


def test_writer_publish_records_the_as_of_time_readers_see(tmp_path):
    db = tmp_path / "asof.duckdb"
    store = writer.open_writer(db)
    try:
        writer.publish(store)
    finally:
        store.close()
    with Store(db, read_only=True) as reader:
        assert writer.as_of(reader) and writer.half_state(reader) is None


def test_writer_discards_a_damaged_work_copy_left_by_a_killed_ingest(inputs, tmp_path):
    db = tmp_path / "left.duckdb"
    db.write_bytes(inputs["before"].read_bytes())
    writer.work_path(db).write_bytes(b"half-written garbage")
    report = api.ingest([inputs["both"]], db=db)
    assert report.written == 1 and not writer.work_path(db).exists()


def test_store_half_state_is_reported_on_open_and_repaired_by_the_next_ingest(inputs, tmp_path, caplog):
    db = tmp_path / "half.duckdb"
    db.write_bytes(inputs["before"].read_bytes())
    with duckdb.connect(str(db)) as con:  # what a pre-swap sitrep killed before its rebuild left
        con.execute("DELETE FROM events")
        con.execute("DELETE FROM actors")
    with caplog.at_level("WARNING"), Store(db, read_only=True) as store:
        assert "interrupted" in (writer.half_state(store) or "")
    assert "run `sitrep ingest` again" in caplog.text
    api.ingest([inputs["both"]], db=db)
    assert _state(db) == _state(inputs["after"])


@pytest.mark.parametrize("name", ['quote".duckdb', "_snapshot.duckdb",
                                  'system" TO _snapshot; CREATE TABLE pwned AS SELECT 1; --.duckdb'])
def test_store_no_file_name_reaches_sql(inputs, tmp_path, name):
    db = tmp_path / name
    report = api.ingest([_folder(tmp_path, ARTICLE_A)], db=db)
    assert report.written == 1
    with duckdb.connect(str(db), read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "pwned" not in tables and {"events", "actors", "stories"} <= tables


def test_store_rejected_keeps_one_row_per_input_and_reason(tmp_path):
    folder = _folder(tmp_path, ARTICLE_A)
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "rejected.duckdb"
    for _ in range(3):
        report = api.ingest([folder], db=db)
    assert report.exit_code == 1
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT path, reason FROM rejected ORDER BY path").fetchall()
    assert [Path(path).name for path, _ in rows] == ["bad.txt", "scan.pdf"]


def test_store_ingest_of_nothing_readable_exits_2(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    report = api.ingest([folder, tmp_path / "missing.txt"], db=tmp_path / "none.duckdb")
    assert report.read == 0 and report.exit_code == 2
    assert json.dumps([r.reason for r in report.rejected]).count("skipped") == 1


_PAUSER = textwrap.dedent("""
    import sys
    import sitrep.api as api
    from sitrep.store import Store

    db, folder = sys.argv[1:3]
    original = Store.write

    def paused(self, *args, **kwargs):
        written = original(self, *args, **kwargs)
        print("paused", flush=True)
        sys.stdin.readline()      # the test queries the database meanwhile
        return written

    Store.write = paused
    api.ingest([folder], db=db)
""")


def test_writer_cli_queries_and_the_server_answer_in_the_middle_of_a_real_ingest(inputs, tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from sitrep.cli import app
    from sitrep.web.app import create_app

    db = tmp_path / "mid.duckdb"
    db.write_bytes(inputs["before"].read_bytes())
    ingest = subprocess.Popen([sys.executable, "-c", _PAUSER, str(db), str(inputs["both"])],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert ingest.stdout.readline().strip() == "paused"  # B's rows are written into the work copy
        during = CliRunner().invoke(app, ["events", "--db", str(db), "--all", "--format", "json"])
        answer = TestClient(create_app(db), base_url="http://localhost").get("/api/articles/wire1-2024-06-22")
        stale = TestClient(create_app(db), base_url="http://localhost").get("/api/stories")
    finally:
        ingest.stdin.write("go\n")
        ingest.stdin.flush()
        _, stderr = ingest.communicate(timeout=300)
    assert ingest.returncode == 0, stderr[-2000:]
    assert during.exit_code == 0 and json.loads(during.stdout) == json.loads(
        CliRunner().invoke(app, ["events", "--db", str(inputs["before"]), "--all", "--format", "json"]).stdout)
    assert answer.status_code == 404  # article B is not visible before the swap
    assert "an ingest is writing newer data" in stale.headers["x-sitrep-stale"]
    assert TestClient(create_app(db), base_url="http://localhost").get("/api/articles/wire1-2024-06-22").status_code == 200
