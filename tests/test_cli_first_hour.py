"""The analyst's first hour (issue 19): what a new user meets between the README and a useful answer,
through the CLI as Typer runs it."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib

from typer.testing import CliRunner

from sitrep.cli import app

from .conftest import ROOT

runner = CliRunner()


def _one_line(output: str) -> bool:
    return len([line for line in output.splitlines() if line.strip()]) == 1


def test_cli_ingest_refuses_a_published_date_not_in_iso_form_naming_the_option(tmp_path):
    for value in ("08/11/1998", "1998-13-45"):
        result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb"), "--published", value, str(ROOT / "examples")])
        assert result.exit_code == 2, value
        assert "--published" in result.output and "YYYY-MM-DD" in result.output, result.output
        assert "'published' field" not in result.output
        assert _one_line(result.output), result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_cli_ingest_prints_events_found_per_article_and_warns_when_undated(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "undated.txt").write_text("Japan condemned North Korea on Monday.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb"), str(folder)])
    assert result.exit_code == 0, result.output
    assert "undated: 1 event found, 1 counted" in result.stderr
    assert "warning" in result.stderr and "without a publication date" in result.stderr
    assert "--published YYYY-MM-DD" in result.stderr and "articles.jsonl" in result.stderr


def test_cli_ingest_shows_a_progress_bar_only_when_asked_or_on_a_terminal(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire-2024-06-24.txt").write_text("Japan condemned North Korea.", encoding="utf-8")
    quiet = runner.invoke(app, ["ingest", "--db", str(tmp_path / "a.duckdb"), str(folder)])
    assert quiet.exit_code == 0 and "coding articles" not in quiet.stderr
    asked = runner.invoke(app, ["ingest", "--db", str(tmp_path / "b.duckdb"), "--progress", str(folder)])
    assert asked.exit_code == 0, asked.output
    assert "coding articles" in asked.stderr and "1 read" in asked.stderr
    assert "coding articles" not in asked.stdout


def test_cli_report_takes_a_dyad_with_one_side_open_as_events_does(example_db):
    events = runner.invoke(app, ["events", "--db", str(example_db), "--dyad", ",PRK", "--format", "json"])
    result = runner.invoke(app, ["report", "--db", str(example_db), "--dyad", ",PRK"])
    assert events.exit_code == 0 and result.exit_code == 0, result.output
    assert "Situation report: any → PRK" in result.stdout
    rows = json.loads(events.stdout)
    assert f"{len(rows)} events in" in result.stdout
    bad = runner.invoke(app, ["report", "--db", str(example_db), "--dyad", "PRK"])
    assert bad.exit_code == 2 and "SOURCE,TARGET" in bad.output


def test_cli_report_who_said_what_lists_only_the_dyads_quotes(example_db):
    from sitrep.report import report_data

    data = report_data(example_db, dyad=("KOR", "PRK"))
    everyone = report_data(example_db, actor="PRK")
    assert data["quotes"], "the example has South Korean statements about North Korea"
    assert all(q["speaker_code"].startswith("KOR") for q in data["quotes"])
    assert {q["quote_id"] for q in data["quotes"]} != {q["quote_id"] for q in everyone["quotes"]}


def test_cli_counts_read_in_the_right_number(example_db):
    one = runner.invoke(app, ["events", "--db", str(example_db), "--limit", "1"])
    assert one.exit_code == 0 and "1 event\n" in one.stdout and "1 events" not in one.stdout
    assert "1 article," in one.stdout and "article(s)" not in one.stdout
    report = runner.invoke(app, ["report", "--db", str(example_db), "--dyad", "USA,RUS"])
    assert report.exit_code == 0
    assert "1 events" not in report.stdout and "article(s)" not in report.stdout and "mention(s)" not in report.stdout


def test_cli_one_sided_events_never_show_none_as_an_actor(example_db):
    rows = json.loads(runner.invoke(app, ["events", "--db", str(example_db), "--all", "--format", "json"]).stdout)
    assert any(r["source_code"] is None or r["target_code"] is None for r in rows), "the examples have one-sided events"
    table = runner.invoke(app, ["events", "--db", str(example_db), "--all"])
    assert table.exit_code == 0 and "None" not in table.stdout and "-128-> [IGO" not in table.stdout
    assert "? -128-> IGO" in table.stdout.replace("[cyan]", "")
    one_sided = next(r for r in rows if r["source_code"] is None)
    explained = runner.invoke(app, ["explain", "--db", str(example_db), one_sided["event_id"]])
    assert explained.exit_code == 0 and "None" not in explained.stdout
    assert "one-sided event" in explained.stdout


def test_cli_plain_word_and_plover_filters_are_listed_in_help_and_filter(example_db):
    help_text = runner.invoke(app, ["events", "--help"], env={"COLUMNS": "200"}).stdout
    assert "criticism" in help_text and "ACCUSE" in help_text and "--kind" in help_text
    kind = json.loads(runner.invoke(app, ["events", "--db", str(example_db), "--kind", "criticism", "--format", "json"]).stdout)
    assert kind and all(r["root"] == "11" for r in kind)
    plover = json.loads(runner.invoke(app, ["events", "--db", str(example_db), "--plover", "ACCUSE", "--format", "json"]).stdout)
    assert plover and all(r["plover_event"] == "ACCUSE" for r in plover)
    unknown = runner.invoke(app, ["events", "--db", str(example_db), "--kind", "grumbling"])
    assert unknown.exit_code == 2 and "criticism" in unknown.output


def test_cli_summary_counts_events_per_dyad_and_type(example_db):
    import sitrep.api as api

    result = runner.invoke(app, ["summary", "--db", str(example_db), "--since", "2024-06-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    events = api.events(db=example_db, since="2024-06-01").to_pylist()
    expected: dict[tuple, int] = {}
    for e in events:
        key = (e["source_code"], e["target_code"], e["root"])
        expected[key] = expected.get(key, 0) + 1
    assert {(r["source_code"], r["target_code"], r["root"]): r["events"] for r in rows} == expected
    assert rows == sorted(rows, key=lambda r: -r["events"])
    assert all(r["type"] for r in rows)
    table = runner.invoke(app, ["summary", "--db", str(example_db), "--kind", "criticism"])
    assert table.exit_code == 0 and "DISAPPROVE" in table.stdout and "ACCUSE" in table.stdout


def test_cli_explain_shows_the_pattern_each_sides_actor_path_and_the_modality(example_db):
    rows = json.loads(runner.invoke(app, ["events", "--db", str(example_db), "--all", "--format", "json"]).stdout)
    plain = next(r for r in rows if r["code"] == "111" and r["source_code"] and r["target_code"])
    out = runner.invoke(app, ["explain", "--db", str(example_db), plain["event_id"]]).stdout
    assert "pattern 'condemn -> 111'" in out
    assert "source: " in out and "by dictionary" in out and "target: " in out
    attributed = next(r for r in rows if "attributed" in (r["modality"] or ""))
    out = runner.invoke(app, ["explain", "--db", str(example_db), attributed["event_id"]]).stdout
    assert "modality: attributed: reported speech" in out and "in a quote of" in out


def test_readme_says_how_to_get_sitrep_on_the_path_and_shows_a_sidecar_record():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/setup.sh && .venv/bin/sitrep ingest examples/ --show" in readme
    assert ".venv/bin/python -m pytest" in readme
    assert "source .venv/bin/activate" in readme and "pip install ." in readme
    sidecar = next(line.strip() for line in readme.splitlines() if line.strip().startswith('{"file"'))
    record = json.loads(sidecar)
    assert {"file", "published", "outlet"} <= set(record)


def test_readme_names_the_pandas_extra_that_to_pandas_needs():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(dep.startswith("pandas") for dep in extras["pandas"])
    assert "'.[pandas]'" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_code_text_works_from_a_folder_holding_a_folder_named_sitrep(tmp_path):
    (tmp_path / "sitrep").mkdir()
    (tmp_path / "sitrep" / "README.md").write_text("a clone", encoding="utf-8")
    script = ("import sitrep.api as s; "
              "print([e.code for e in s.code_text('Japan condemned North Korea.', published='2024-06-24')])")
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "111" in result.stdout


def test_views_network_names_the_igo_node_instead_of_counting_its_events(tmp_path):
    import sitrep.api as api
    from sitrep import views

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire-1990-08-12.txt").write_text("The United Nations condemned Iraq on Sunday. The Arab League criticised Iraq on Sunday.", encoding="utf-8")
    api.ingest([folder], db=tmp_path / "x.duckdb")
    with views.reader(tmp_path / "x.duckdb") as store:
        nodes = {n["id"]: n["name"] for n in views.network(store)["nodes"].to_pylist()}
    assert nodes.get("IGO") == "international organisations"


def test_web_summary_and_kind_filter_answer_like_the_cli(example_db):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    client = TestClient(create_app(example_db), base_url="http://localhost")
    rows = client.get("/api/summary", params={"kind": "criticism", "dyad": ",RUS"}).json()["rows"]
    assert rows and all(r["root"] == "11" and r["target_code"].startswith("RUS") for r in rows)
    events = client.get("/api/events", params={"kind": "criticism"}).json()["rows"]
    assert events and all(e["root"] == "11" for e in events)
    assert client.get("/api/summary", params={"kind": "grumbling"}).status_code == 400
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "<script>" not in docs.text and "cdn" not in docs.text.lower()


def test_cli_quotes_take_a_limit_and_tables_show_lists_as_words(example_db):
    quotes = runner.invoke(app, ["quotes", "--db", str(example_db), "--limit", "2", "--format", "json"])
    assert quotes.exit_code == 0 and len(json.loads(quotes.stdout)) == 2
    actors = runner.invoke(app, ["actors", "--db", str(example_db)])
    assert actors.exit_code == 0 and "['" not in actors.stdout
