"""What every HTTP answer carries: the Host check, security headers, the data's as-of time and whether
a newer ingest is running; and no article URL but http(s) becomes a link."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from sitrep import writer
from sitrep.web import guard

from .test_web import build_example_db

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from sitrep.web.app import create_app  # noqa: E402

STATIC = Path(__file__).resolve().parent.parent / "sitrep" / "web" / "static"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = build_example_db(tmp_path_factory.mktemp("guard") / "examples.duckdb")
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE sitrep_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.execute("INSERT INTO sitrep_meta VALUES ('as_of', '2026-12-02T16:00:00+00:00')")
    return path


@pytest.mark.parametrize("host", ["evil.example", "localhost.evil.example", "127.0.0.1.nip.io"])
def test_web_guard_foreign_host_header_is_refused(db, host):
    response = TestClient(create_app(db), base_url=f"http://{host}").get("/api/events")
    assert response.status_code == 400


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "localhost:8000"])
def test_web_guard_local_host_header_is_answered(db, host):
    assert TestClient(create_app(db), base_url=f"http://{host}").get("/api/events").status_code == 200


def test_web_guard_allowed_hosts_are_configurable(db, monkeypatch):
    assert TestClient(create_app(db, hosts=guard.allowed_hosts("10.0.0.5", ["sitrep.lan"])),
                      base_url="http://sitrep.lan").get("/api/stories").status_code == 200
    monkeypatch.setenv("SITREP_ALLOWED_HOSTS", "newsroom.example")
    assert "newsroom.example" in guard.allowed_hosts() and "0.0.0.0" not in guard.allowed_hosts("0.0.0.0")


@pytest.mark.parametrize("path", ["/", "/api/events", "/api/events?format=csv", "/api/network", "/static/app.js",
                                  "/api/events/none"])
def test_web_guard_every_answer_has_csp_nosniff_and_frame_deny(db, path):
    response = TestClient(create_app(db), base_url="http://localhost").get(path)
    assert response.headers["content-security-policy"] == guard.CSP
    assert "frame-ancestors 'none'" in guard.CSP and "script-src 'self'" in guard.CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_web_guard_answers_carry_the_data_as_of_time(db):
    client = TestClient(create_app(db), base_url="http://localhost")
    response = client.get("/api/events")
    assert response.headers["x-sitrep-as-of"] == "2026-12-02T16:00:00+00:00"
    assert response.json()["as_of"] == "2026-12-02T16:00:00+00:00" and response.json()["ingest_running"] is None
    assert client.get("/api/network").headers["x-sitrep-as-of"] == "2026-12-02T16:00:00+00:00"
    assert "x-sitrep-stale" not in response.headers


def test_web_guard_answers_say_when_a_newer_ingest_is_running(db):
    client = TestClient(create_app(db), base_url="http://localhost")
    running = writer.open_writer(db)  # holds the writer lock, as a running ingest does
    try:
        response = client.get("/api/events")
    finally:
        running.close()
    assert response.status_code == 200
    assert "an ingest is writing newer data" in response.headers["x-sitrep-stale"]
    assert "pid" in response.json()["ingest_running"]
    assert "x-sitrep-stale" not in client.get("/api/events").headers


def test_web_guard_explorer_links_only_http_urls():
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    assert re.search(r"function safeUrl\(u\) \{[^}]*\^https\?:", script)
    # every link built from an article URL goes through safeUrl
    assert not re.search(r"href: (?:m|a|e)\.url", script)
    assert script.count("href: safeUrl(") == 2
    assert 'id="as-of"' in (STATIC / "index.html").read_text(encoding="utf-8")


def test_web_guard_report_links_only_http_urls():
    from sitrep.report import _is_web

    assert _is_web("https://example.org/a") and _is_web("HTTP://example.org")
    assert not any(_is_web(url) for url in ("javascript:alert(1)", " javascript:alert(1)", "data:text/html,x",
                                            "file:///etc/passwd", "", None))


def test_web_guard_openapi_documents_csv_and_error_answers():
    schema = create_app(":memory:").openapi()
    events = schema["paths"]["/api/events"]["get"]["responses"]
    assert "text/csv" in events["200"]["content"] and {"400", "503"} <= set(events)
    assert "404" in schema["paths"]["/api/events/{event_id}"]["get"]["responses"]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_web_guard_explorer_safe_url_refuses_every_non_http_scheme():
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    source = re.search(r"function safeUrl\(u\) \{.*?\n\}", script, re.S).group(0)
    urls = ["https://example.org/a", "http://x.org", "javascript:alert(1)", " JavaScript:alert(1)",
            "data:text/html,<b>", "file:///etc/passwd", "//evil.example/x", "", None]
    run = subprocess.run(["node", "-e", f"{source}\nconsole.log(JSON.stringify({json.dumps(urls)}.map(safeUrl)))"],
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == ["https://example.org/a", "http://x.org"] + [None] * 7
