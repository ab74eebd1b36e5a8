"""The explorer page in a real browser: Debian Chromium driven by Python Playwright.

Install the browser with `scripts/install-browser.sh` (never `playwright install`). Set
SITREP_SCREENSHOTS=docs/screenshots to also ingest examples/ with the real pipeline and save a
screenshot of each view of it.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_web import build_example_db  # noqa: E402  (the shared example store)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent: run scripts/install-browser.sh"),
    pytest.mark.skipif(shutil.which("true") is None, reason="no POSIX userland"),
]
playwright_sync = pytest.importorskip("playwright.sync_api", reason="Python playwright is absent: pip install playwright")
SHOTS = os.environ.get("SITREP_SCREENSHOTS")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from _serve(build_example_db(tmp_path_factory.mktemp("browser") / "examples.duckdb"))


def _serve(db: Path):
    import uvicorn

    from sitrep.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    app_server = uvicorn.Server(config)
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if app_server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    # bypass_csp: Playwright evaluates wait_for_function strings, which the page's CSP forbids
    # (test_browser_page_runs_under_its_own_csp_* runs the page under it)
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=server, bypass_csp=True)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert outside == [], f"the page asked other hosts: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"


def test_browser_events_table_lists_events_and_filters_by_dyad(page):
    page.goto("/#events")
    page.wait_for_selector("#events-table tbody tr")
    assert page.locator("#events-count").inner_text() == "1–16 of 16 events"
    page.fill("#filters [name=dyad]", "USA,PRK")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelector('#events-count').textContent.includes('of 3 events')")
    codes = page.locator("#events-table tbody tr td:nth-child(3) .code").all_inner_texts()
    assert sorted(codes) == ["100", "111", "130"]


def test_browser_timeline_plots_every_dated_event_and_opens_its_evidence(page):
    page.goto("/#timeline")
    page.wait_for_selector("#timeline-svg circle.dot")
    assert page.locator("#timeline-svg circle.dot").count() == 16
    assert "2024" in page.locator("#timeline-svg .axis").text_content()
    page.locator("#timeline-svg circle.dot").first.click()
    page.wait_for_selector("#article-text mark.trigger")
    assert page.url.split("#")[1].startswith("evidence/")


def test_browser_dyad_trend_shows_the_monthly_counts_of_a_dyad(page):
    page.goto("/#trends")
    page.wait_for_selector("#trend-dyad option[value='USA,PRK']", state="attached")
    page.select_option("#trend-dyad", "USA,PRK")
    page.select_option("#trend-interval", "month")
    page.wait_for_function("(document.querySelector('#trend-svg text')?.textContent || '').startsWith('USA → PRK')")
    rows = page.locator("#trend-table tbody tr").evaluate_all("rs => rs.map(r => [...r.cells].slice(0, 3).map(c => c.textContent))")
    assert rows == [["2023-09-01", "1", "-4.40"], ["2024-06-01", "2", "-3.50"]]
    # months between the two are drawn as empty periods, so the gap is visible
    assert page.locator("#trend-svg rect.bar").count() == 2


def test_browser_network_colours_conflict_edges_red_and_lists_a_dyad_on_click(page):
    page.goto("/#network")
    page.wait_for_selector("#network-svg path.edge")
    assert set(page.locator("#network-svg g.node").evaluate_all("ns => ns.map(n => n.dataset.node)")) == {
        "CHN", "JPN", "KOR", "PRK", "RUS", "USA"}
    edge = page.locator("#network-svg path.edge[data-dyad='USA,PRK']")
    red, green, blue = (int(v) for v in edge.get_attribute("stroke")[4:-1].split(","))
    assert red > blue and red > green  # mean Goldstein -3.8
    cooperative = page.locator("#network-svg path.edge[data-dyad='PRK,RUS']").get_attribute("stroke")
    assert int(cooperative[4:-1].split(",")[2]) > int(cooperative[4:-1].split(",")[0])
    edge.dispatch_event("click")
    page.wait_for_function("document.querySelector('#events-count').textContent.includes('of 3 events')")
    assert page.url.endswith("#events")


def test_browser_map_draws_countries_and_places_events(page):
    page.goto("/#map")
    page.wait_for_selector("#map-svg circle.point")
    assert page.locator("#map-svg path.country").count() > 150
    places = set(page.locator("#map-svg circle.point").evaluate_all("cs => cs.map(c => c.dataset.place)"))
    assert places == {"Krynica", "Russia", "Seoul", "Pyongyang", "Beijing"}
    assert page.locator("#map-note").inner_text().startswith("8 of 16 events have a place")
    page.locator("#map-svg circle.point[data-place='Pyongyang']").click()
    page.wait_for_selector("#article-text mark.trigger")
    assert page.locator("#article-text mark.trigger").inner_text() == "signed last week"


def test_browser_evidence_marks_source_trigger_target_in_the_article(page):
    page.goto("/#events")
    page.fill("#filters [name=text]", "met with Vladimir Putin")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelector('#events-count').textContent.includes('of 1 event')")
    page.locator("#events-table tbody tr").first.click()
    # wait for this event's evidence, not whatever the panel showed before the click (slow machines)
    page.wait_for_function("document.querySelector('#article-text mark.trigger')?.textContent === 'met with'")
    text = page.locator("#article-text")
    assert text.locator("mark.trigger").inner_text() == "met with"
    assert text.locator("mark.source").inner_text() == "Kim Jong-un"
    assert text.locator("mark.target").inner_text() == "Vladimir Putin"
    assert text.locator(".sentence").all_inner_texts()[0].startswith("Kim Jong-un")
    assert "Source: TSF" in text.inner_text()  # the whole article is shown, not only the sentence
    assert page.locator("#mentions li").count() == 1
    assert "mention" in page.locator("#reasons li").first.inner_text()
    assert "Yoko Kamikawa" in page.locator("#quotes").inner_text()


def test_browser_shows_api_errors_in_the_status_line(page):
    page.goto("/#evidence/event-nope")
    page.wait_for_selector("#status.error")
    assert "404" in page.locator("#status").inner_text() and "no event 'event-nope'" in page.locator("#status").inner_text()


def test_browser_page_runs_under_its_own_csp_and_links_no_javascript_url(browser, tmp_path):
    import duckdb

    db = build_example_db(tmp_path / "csp.duckdb")
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE articles SET url = 'javascript:alert(1)'")
        con.execute("CREATE TABLE sitrep_meta AS SELECT 'as_of' AS key, '2026-12-02T16:00:00+00:00' AS value")
    serving = _serve(db)
    base = next(serving)
    context = browser.new_context(base_url=base)  # the server's Content-Security-Policy applies
    try:
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto("/#timeline")
        page.wait_for_selector("#timeline-svg circle.dot")
        page.locator("#timeline-svg circle.dot").first.click()
        page.wait_for_selector("#article-text mark.trigger")
        page.wait_for_selector("#mentions li")
        assert page.locator("a[href^='javascript' i]").count() == 0
        assert "javascript:alert(1)" in page.locator("body").inner_text()  # shown as text, not a link
        assert page.locator("#as-of").inner_text() == "data as of 2026-12-02T16:00:00+00:00"
        assert refused == [] and errors == []
    finally:
        context.close()
        serving.close()


@pytest.mark.skipif(not SHOTS, reason="set SITREP_SCREENSHOTS=DIR to ingest the examples and screenshot each view")
def test_browser_real_pipeline_views(browser, tmp_path, examples):
    """Ingest examples/ with the real pipeline, click through every view, and save the screenshots."""
    import sitrep.api as api

    db = tmp_path / "real.duckdb"
    api.ingest([examples], db=db)
    with api.open_store(db, read_only=True) as store:
        dated = store.query("SELECT count(*) AS n FROM events WHERE counted").column("n")[0].as_py()
        edge = store.query("""SELECT left(source_code, 3) || ',' || left(target_code, 3) AS dyad FROM events
                              WHERE counted AND source_code IS NOT NULL AND target_code IS NOT NULL
                              GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""").column("dyad")[0].as_py()
    served = _serve(db)
    base = next(served)
    out = Path(SHOTS)
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=base)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto("/#timeline")
        page.wait_for_selector("#timeline-svg circle.dot")
        assert page.locator("#timeline-svg circle.dot").count() == dated
        page.screenshot(path=str(out / "timeline.png"), full_page=True)
        page.goto("/#trends")
        page.wait_for_selector(f"#trend-dyad option[value='{edge}']", state="attached")
        page.select_option("#trend-dyad", edge)
        page.wait_for_function(f"(document.querySelector('#trend-svg text')?.textContent || '').startsWith('{edge.replace(',', ' → ')}')")
        assert page.locator("#trend-table tbody tr").count() >= 1
        page.screenshot(path=str(out / "dyad-trend.png"), full_page=True)
        page.goto("/#network")
        page.wait_for_selector(f"#network-svg path.edge[data-dyad='{edge}']")
        page.screenshot(path=str(out / "network.png"), full_page=True)
        page.goto("/#map")
        page.wait_for_selector("#map-svg circle.point")
        page.screenshot(path=str(out / "map.png"), full_page=True)
        page.locator("#map-svg circle.point").first.click()
        page.wait_for_selector("#article-text mark.trigger")
        page.screenshot(path=str(out / "evidence.png"), full_page=True)
        assert errors == []
    finally:
        context.close()
        next(served, None)


def test_browser_api_docs_render_offline_and_list_the_endpoints(page):
    page.goto("/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = [p.strip() for p in page.locator(".opblock-summary-path").all_inner_texts()]
    assert {"/api/events", "/api/summary", "/api/quotes", "/api/network"} <= set(paths)
    assert "sitrep" in page.locator(".info .title").inner_text()


def test_browser_network_labels_read_in_the_right_number(page):
    page.goto("/#network")
    page.wait_for_selector("#network-svg g.node")
    labels = page.locator("#network-svg g.node").evaluate_all("nodes => nodes.map(n => n.textContent)")
    assert labels and not any("event(s)" in label for label in labels)
    assert not any("None" in label for label in labels)


@pytest.mark.skipif(not SHOTS, reason="set SITREP_SCREENSHOTS=DIR to screenshot /docs and `sitrep summary`")
def test_browser_screenshots_of_the_api_docs_and_the_summary(browser, tmp_path, examples):
    """Ingest examples/ with the real pipeline; screenshot /docs and the `sitrep summary` table."""
    import html

    from typer.testing import CliRunner

    import sitrep.api as api
    from sitrep.cli import app

    db = tmp_path / "real.duckdb"
    api.ingest([examples], db=db)
    out = Path(SHOTS)
    out.mkdir(parents=True, exist_ok=True)
    served = _serve(db)
    base = next(served)
    context = browser.new_context(viewport={"width": 1280, "height": 1100}, base_url=base)
    page = context.new_page()
    try:
        page.goto("/docs")
        page.wait_for_selector(".opblock-summary-path")
        page.screenshot(path=str(out / "api-docs.png"), full_page=True)
        result = CliRunner().invoke(app, ["summary", "--db", str(db), "--since", "2024-06-17", "--until", "2024-06-24"])
        assert result.exit_code == 0
        page.set_content(f"<pre style='font:13px/1.25 monospace;padding:1em;background:#fff;color:#1d232a'>"
                         f"$ sitrep summary --since 2024-06-17 --until 2024-06-24\n{html.escape(result.stdout)}</pre>")
        page.set_viewport_size({"width": 1000, "height": 400})
        page.screenshot(path=str(out / "summary.png"), full_page=True)
    finally:
        context.close()
        next(served, None)


def test_browser_one_sided_events_show_no_none_and_one_event_reads_singular(page):
    page.goto("/#events")
    page.wait_for_selector("#events-table tbody tr")
    page.check("#filters [name=include_all]")
    page.fill("#filters [name=dyad]", "USA,PRK")
    page.fill("#filters [name=code]", "111")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelector('#events-count').textContent.includes('of 1 event')")
    assert page.locator("#events-count").inner_text().endswith("of 1 event")
    page.fill("#filters [name=dyad]", "")
    page.fill("#filters [name=code]", "")
    page.click("#filters button[type=submit]")
    page.wait_for_function("!document.querySelector('#events-count').textContent.includes('of 1 event')")
    assert "None" not in page.locator("#events-table").inner_text()
    assert "null" not in page.locator("#events-table").inner_text()
