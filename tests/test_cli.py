"""The CLI is a thin twin of the API: every command has help, is documented, and prints real rows."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sitrep.cli import app

from .conftest import ROOT

runner = CliRunner()


def _commands() -> list[str]:
    import typer.main

    return sorted(typer.main.get_command(app).commands)


def test_cli_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert f"sitrep {name}" in readme, f"`sitrep {name}` is not documented in README.md"


def test_cli_events_json_lists_events_with_evidence(example_db):
    result = runner.invoke(app, ["events", "--db", str(example_db), "--dyad", "USA,PRK", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and all(r["source_code"].startswith("USA") and r["target_code"].startswith("PRK") for r in rows)
    assert all(r["trigger"] in r["evidence"] for r in rows)


def test_cli_missing_database_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "sitrep ingest" in result.output


def test_cli_score_prints_precision_recall_f1(example_db, examples):
    result = runner.invoke(app, ["score", str(examples / "gold-events.jsonl"), "--db", str(example_db), "--summary"])
    assert result.exit_code == 0
    assert "precision" in result.stdout and "recall" in result.stdout and "F1" in result.stdout


def test_cli_events_table_shows_who_did_what_to_whom_with_flags_and_evidence(example_db):
    result = runner.invoke(app, ["events", "--db", str(example_db), "--all"])
    assert result.exit_code == 0
    assert "-111-> " in result.stdout and "condemn" in result.stdout
    assert "[attributed" in result.stdout or "attributed]" in result.stdout
