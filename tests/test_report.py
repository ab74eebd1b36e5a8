"""Situation reports on the example store: ranked events with evidence, quotes, trends, new actors, citations."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_web import build_example_db  # noqa: E402  (the shared example store)

from sitrep.errors import SitrepError  # noqa: E402
from sitrep.report import report, report_data  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_example_db(tmp_path_factory.mktemp("report") / "examples.duckdb")


def test_report_ranks_events_by_articles_then_goldstein_strength(db):
    events = report_data(db)["events"]
    strengths = [abs(e["goldstein"]) for e in events]
    assert strengths == sorted(strengths, reverse=True)  # one article each, so |Goldstein| decides
    assert (events[0]["code"], events[0]["source_code"], events[0]["target_code"]) == ("057", "RUSGOV", "PRK")


def test_report_markdown_cites_every_event_quote_and_actor_line(db):
    text = report(db)
    sources = dict(re.findall(r"^(\d+)\. `([^`]+)`", text, flags=re.M))
    assert set(sources.values()) == {"tsf-2023-09-14", "eanp-2024-06-24"}
    body = text.split("## Sources")[0]
    cited_lines = [line for line in body.splitlines() if re.match(r"(\d+\. |- )\*\*", line)]
    assert len(cited_lines) == 15 + 4 + 14 and all(re.search(r"\[\d+\]$", line) for line in cited_lines)
    assert {n for n in re.findall(r"\[(\d+)\]", body)} <= set(sources)


def test_report_for_a_dyad_and_window_keeps_only_that_dyad(db):
    text = report(db, dyad=("USA", "PRK"), since="2024-06-01", until="2024-06-30")
    assert text.startswith("# Situation report: USA → PRK, 2024-06-01 to 2024-06-30")
    happened = text.split("## What happened")[1].split("## Who said what")[0]
    assert re.findall(r"\*\*2024-06-24 · (\S+) → (\S+) · (\d+)", happened) == [("USA", "PRK", "100"), ("USA", "PRK", "111")]
    assert "urge the DPRK to stop further provocations" in happened
    assert "2023-09" not in happened


def test_report_quotes_name_speaker_role_and_source(db):
    text = report(db, actor="KOR")
    said = text.split("## Who said what")[1].split("## Trends")[0]
    assert "**Han Duck-soo (Prime Minister, KORGOV)**, 2023-09-14, said: “We are seeing" in said
    assert "Kim Yung-ho (Unification Minister, KORGOV)" in said
    assert "Yoko Kamikawa" not in said


def test_report_trends_table_counts_events_per_period(db):
    text = report(db, dyad="USA,PRK")
    assert "| 2023-09-01 | USA | PRK | 1 | -4.40 | 0 | 0 | 1 | 0 |" in text
    assert "| 2024-06-01 | USA | PRK | 2 | -3.50 | 0 | 0 | 2 | 0 |" in text


def test_report_new_actors_are_those_first_seen_in_the_window(db):
    names = [a["name"] for a in report_data(db, since="2024-01-01")["new_actors"]]
    assert set(names) == {"Xi Jinping", "Lin Jian", "Sidney Seller"}
    assert "North Korea" not in names  # seen in 2023 already


def test_report_html_is_self_contained_with_a_chart_and_linked_citations(db):
    page = report(db, format="html")
    assert page.startswith("<!doctype html>") and "<svg" in page
    assert not re.search(r"(src|href)=\"https?://(?!example\.org)", page)
    assert 'href="#src1"' in page and 'id="src1"' in page
    assert "condemning in the strongest possible terms" in page
    assert "&lt;" not in page.split("<body>")[0]


def test_report_html_escapes_article_text(db, tmp_path):
    import duckdb

    copy = tmp_path / "x.duckdb"
    copy.write_bytes(db.read_bytes())
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE events SET evidence = '<script>alert(1)</script>' WHERE code = '057'")
    page = report(copy, format="html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_report_rejects_unknown_format(db):
    with pytest.raises(SitrepError, match="use md or html"):
        report(db, format="pdf")


def test_report_precounted_dyad_ranks_and_counts_as_its_events_do(example_db, monkeypatch):
    """A country dyad alone is ranked, counted and cited from ``event_dyad_top``, ``event_dyads`` and
    ``event_dyad_mentions``: the same events in the same order, the same totals, mentions and article
    citations as ranking and counting the dyad's events and reading their mentions."""
    from sitrep import report as report_module
    from sitrep import views

    def read(store, filters):
        shown, total, precounted = report_module._ranked(store, filters, 15)  # noqa: SLF001
        mentions, cited = report_module._mentions(store, [e["event_id"] for e in shown], precounted=precounted)  # noqa: SLF001
        ids = [m["article_id"] for ms in mentions.values() for m in ms]
        return shown, total, mentions, cited or views.articles_index(store, ids), precounted

    with views.reader(example_db) as store:
        dyads = store.query("SELECT DISTINCT dyad_source, dyad_target FROM event_dyads").to_pylist()
        assert dyads
        cases = [views.event_filters(dyad=f"{d['dyad_source']},{d['dyad_target']}") for d in dyads]
        cases.append(views.event_filters(dyad="XXX,YYY"))
        fast = [read(store, filters) for filters in cases]
        monkeypatch.setattr(report_module, "DYAD_TOP", 0)  # every scope ranks its own events
        slow = [read(store, filters) for filters in cases]
    assert [f[:4] for f in fast] == [s[:4] for s in slow]
    assert all(f[4] for f in fast) and not any(s[4] for s in slow)
    assert any(f[0] for f in fast) and fast[-1][:2] == ([], {"events": 0, "articles": 0})
