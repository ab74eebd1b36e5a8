"""Every bad argument is a one-line error and exit code 2, never a traceback; ingest's exit code says
whether everything was read (0), some inputs were rejected (1) or nothing was (2)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()


def _one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize("arguments", [
    ["--dyad", "USA"], ["--dyad", ""], ["--dyad", "USA,PRK,CHN"], ["--dyad", ","],
    ["--limit", "-1"], ["--limit", "abc"], ["--limit", "1e99"],
    ["--min-confidence", "2"], ["--min-confidence", "-0.5"], ["--min-confidence", "x"],
    ["--since", "notadate"], ["--until", "2024-13-45"], ["--format", "xml"],
])
def test_cli_events_bad_argument_is_a_one_line_error(example_db, arguments):
    output = _one_line_error(runner.invoke(app, ["events", "--db", str(example_db), *arguments]))
    if "Usage" not in output:  # typer's own type errors come with usage; ours are one line
        assert output.strip().startswith("error:") and len(output.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["events", "actors", "quotes", "stories"])
def test_cli_damaged_database_is_a_one_line_error_naming_it(example_db, tmp_path, command):
    truncated = tmp_path / "truncated.duckdb"
    truncated.write_bytes(example_db.read_bytes()[:20000])
    foreign = tmp_path / "foreign.duckdb"
    foreign.write_text("not a database at all\n" * 100, encoding="utf-8")
    for db in (truncated, foreign):
        output = _one_line_error(runner.invoke(app, [command, "--db", str(db)]))
        assert db.name in output and "not a readable sitrep database" in output


def test_cli_quotes_bad_date_is_a_one_line_error(example_db):
    output = _one_line_error(runner.invoke(app, ["quotes", "--db", str(example_db), "--since", "yesterday"]))
    assert "YYYY-MM-DD" in output


def test_cli_ingest_exit_codes_say_what_was_ingested(tmp_path):
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    (good / "wire-2024-06-24.txt").write_text("Japan condemned North Korea on Monday.", encoding="utf-8")
    (bad / "scan.pdf").write_bytes(b"%PDF-1.4")
    (bad / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "codes.duckdb")
    assert runner.invoke(app, ["ingest", str(good), "--db", db]).exit_code == 0
    mixed = runner.invoke(app, ["ingest", str(good), str(bad), "--db", db])
    assert mixed.exit_code == 1 and "scan.pdf" in mixed.output
    assert runner.invoke(app, ["ingest", str(bad), "--db", db]).exit_code == 2


def test_cli_ingest_into_a_missing_folder_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("Japan condemned North Korea.", encoding="utf-8")
    output = _one_line_error(runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db",
                                                 str(tmp_path / "no" / "such" / "x.duckdb")]))
    assert "does not exist" in output


@pytest.mark.parametrize("arguments", [
    ["ingest", "{examples}", "--published", "notadate"],
    ["ingest", "{examples}", "--dask", "bogus"],
    ["ingest", "{examples}", "--workers", "0"],
    ["serve", "--port", "-1"],
    ["serve", "--port", "99999"],
    ["report", "--dyad", "USA"],
    ["report", "--since", "x"],
    ["report", "--format", "pdf"],
    ["explain", "no-such-event"],
])
def test_cli_other_commands_bad_argument_is_a_one_line_error(example_db, examples, tmp_path, arguments):
    pytest.importorskip("distributed")
    db = str(example_db if arguments[0] in ("report", "explain") else tmp_path / "fresh.duckdb")
    command = [a.format(examples=examples) for a in arguments]
    _one_line_error(runner.invoke(app, [*command, "--db", db]))
    assert not (tmp_path / "fresh.duckdb").exists()
