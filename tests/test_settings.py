"""Settings: declared once; defaults, then sitrep.toml, then SITREP_* variables, then the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep import settings
from sitrep.cli import app
from sitrep.errors import UsageError

runner = CliRunner()


def test_defaults_apply_when_nothing_is_set(tmp_path):
    run = settings.load(env={}, cwd=tmp_path)
    assert run == settings.Settings()
    assert run.db == Path("sitrep.duckdb") and run.backoff is True and run.port == 8000


def test_every_setting_has_help_and_an_environment_name(tmp_path):
    rows = settings.describe(env={}, cwd=tmp_path)
    assert {row["name"] for row in rows} >= {"db", "actors", "lexicon", "backoff", "host", "port", "min_confidence"}
    assert all(row["help"] and row["from"] == "default" for row in rows)


def test_file_then_environment_then_command_line_win_in_that_order(tmp_path):
    (tmp_path / "sitrep.toml").write_text('[sitrep]\ndb = "team.duckdb"\nport = 9000\nbackoff = false\n')
    from_file = settings.load(env={}, cwd=tmp_path)
    assert from_file.db == tmp_path / "team.duckdb"  # relative to the file, not to where sitrep runs
    assert from_file.port == 9000 and from_file.backoff is False

    from_env = settings.load(env={"SITREP_PORT": "9100", "SITREP_BACKOFF": "yes"}, cwd=tmp_path)
    assert from_env.port == 9100 and from_env.backoff is True and from_env.db == tmp_path / "team.duckdb"

    from_cli = settings.load({"port": 9200, "backoff": None}, env={"SITREP_PORT": "9100"}, cwd=tmp_path)
    assert from_cli.port == 9200 and from_cli.backoff is False  # None: not given, the file stands


def test_describe_names_where_each_value_came_from(tmp_path):
    (tmp_path / "sitrep.toml").write_text('[sitrep]\nhost = "0.0.0.0"\n')
    rows = {row["name"]: row for row in settings.describe(env={"SITREP_DB": "x.duckdb"}, cwd=tmp_path)}
    assert rows["host"]["from"] == str(tmp_path / "sitrep.toml") and rows["host"]["value"] == "0.0.0.0"
    assert rows["db"]["from"] == "SITREP_DB" and rows["db"]["value"] == Path("x.duckdb")
    assert rows["port"]["from"] == "default"


def test_lists_read_from_comma_separated_variables_and_toml_arrays(tmp_path):
    (tmp_path / "sitrep.toml").write_text('[sitrep]\nactors = ["mine.tsv", "/abs/theirs.tsv"]\n')
    run = settings.load(env={"SITREP_ALLOWED_HOSTS": "a.example, b.example"}, cwd=tmp_path)
    assert run.actors == (tmp_path / "mine.tsv", Path("/abs/theirs.tsv"))
    assert run.allowed_hosts == ("a.example", "b.example")


@pytest.mark.parametrize(("text", "expected"), [
    ('[sitrep]\nbd = "typo.duckdb"\n', "unknown setting 'bd'"),
    ('[sitrep]\nport = "eighty"\n', "port must be int"),
    ('[sitrep]\nport = 70000\n', "port out of range"),
    ('[sitrep]\nmin_confidence = 2\n', "between 0 and 1"),
    ('[sitrep\ndb = 1\n', "line 1"),
])
def test_a_bad_settings_file_is_a_one_line_error_naming_the_file(tmp_path, text, expected):
    (tmp_path / "sitrep.toml").write_text(text)
    with pytest.raises(UsageError, match=expected) as raised:
        settings.load(env={}, cwd=tmp_path)
    assert str(tmp_path / "sitrep.toml") in str(raised.value) and "\n" not in str(raised.value)


def test_a_bad_environment_value_names_the_variable(tmp_path):
    with pytest.raises(UsageError, match="SITREP_BACKOFF: backoff must be bool"):
        settings.load(env={"SITREP_BACKOFF": "perhaps"}, cwd=tmp_path)
    with pytest.raises(UsageError, match="SITREP_CONFIG names"):
        settings.load(env={"SITREP_CONFIG": str(tmp_path / "missing.toml")}, cwd=tmp_path)


def test_sitrep_settings_prints_values_and_origins(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "env.duckdb"))
    result = runner.invoke(app, ["settings", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.output)}
    assert rows["db"] == {"name": "db", "value": str(tmp_path / "env.duckdb"), "from": "SITREP_DB",
                          "help": rows["db"]["help"]}


def test_commands_read_the_store_the_settings_file_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SITREP_DB", raising=False)
    (tmp_path / "sitrep.toml").write_text('[sitrep]\ndb = "team.duckdb"\n')
    (tmp_path / "in.txt").write_text("Japan condemned North Korea on Monday.\n")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in.txt"), "--published", "2024-06-24"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "team.duckdb").is_file() and not (tmp_path / "sitrep.duckdb").exists()
    listed = runner.invoke(app, ["events", "--format", "json"])
    assert listed.exit_code == 0 and json.loads(listed.output)[0]["code"] == "111"


def test_a_bad_settings_file_stops_a_command_with_exit_code_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sitrep.toml").write_text('[sitrep]\nport = "x"\n')
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2 and "port must be int" in result.output
