"""The HTTP API and the views behind it, on a store built from the two example articles.

`build_example_db` writes hand-coded rows (from examples/gold-events.jsonl, with offsets found in the
example texts) straight into the Store schema, so these tests need neither spaCy nor the actor stage;
`test_web_real_ingest_*` run the real pipeline when it is importable.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from sitrep import views
from sitrep.store import Store
from sitrep.tables import cameo

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# (article, source code, source text, target code, target text, CAMEO code, trigger, date, place, lat, lon,
#  modality): the trigger is the first occurrence of its words in the article.
_EVENTS = [
    ("tsf", "JPN", "Japan", "RUS", "Russian President Vladimir Putin", "012", "expressed their concern",
     "2023-09-14", None, None, None, ""),
    ("tsf", "KOR", "South Korea", "PRK", "North Korean leader Kim Jong-un", "012", "expressed their concern",
     "2023-09-14", None, None, None, ""),
    ("tsf", "KORGOV", "Han Duck-soo", "RUS", "Russia", "012", "worrying", "2023-09-14",
     "Krynica", 49.42, 20.96, "attributed"),
    ("tsf", "KORGOV", "We", "PRK", "North Korea", "100", "call on", "2023-09-14", None, None, None, "attributed"),
    ("tsf", "PRKGOV", "Kim Jong-un", "RUSGOV", "Putin", "036", "invited", "2023-09-13", "Russia", 51.88, 128.33,
     "attributed"),
    ("tsf", "RUSGOV", "Russian President Vladimir Putin", "PRKGOV", "North Korean leader Kim Jong-un", "036",
     "accepted", "2023-09-14", None, None, None, ""),
    ("tsf", "PRKGOV", "Kim Jong-un", "RUSGOV", "Vladimir Putin", "042", "met with", "2023-09-13",
     "Russia", 51.88, 128.33, ""),
    ("tsf", "RUSGOV", "Putin", "PRK", "North Korea", "0312", "sees", "2023-09-13", None, None, None, ""),
    ("tsf", "USA", "The United States", "PRK", "North Korea", "130", "warned North Korea", "2023-09-13",
     None, None, None, ""),
    ("eanp", "KOR", "South Korea", "PRK", "North Korea", "111", "condemning", "2024-06-24", "Seoul", 37.57, 126.98, ""),
    ("eanp", "JPN", "Japan", "RUS", "Russia", "111", "condemning", "2024-06-24", "Seoul", 37.57, 126.98, ""),
    ("eanp", "USA", "the United States", "PRK", "North Korea", "111", "condemning", "2024-06-24",
     "Seoul", 37.57, 126.98, ""),
    ("eanp", "RUSGOV", "Russian President Vladimir Putin", "PRK", "Pyongyang", "057", "signed last week",
     "2024-06-19", "Pyongyang", 39.03, 125.75, ""),
    ("eanp", "USA", "Washington", "PRK", "the DPRK", "100", "urge", "2024-06-24", None, None, None, ""),
    ("eanp", "CHNGOV", "Xi", "RUSGOV", "Putin", "043", "hosted", "2024-05", "Beijing", 39.90, 116.40, ""),
    ("eanp", "CHNGOV", "Lin Jian", "RUS", "Moscow", "052", "legitimate need", "2024-06-23", None, None, None,
     "attributed"),
    ("eanp", "CHNGOV", "the Chinese president", "PRKGOV", "the North Korean dictator", "040", "held his last meeting",
     "2019-06", None, None, None, "historical"),
]
# (article, speaker code, speaker name, office, speaker text, cue, first words of the quote)
_QUOTES = [
    ("tsf", "JPNGOV", "Yoko Kamikawa", "Foreign Minister", "Yoko Kamikawa", "said", "“We watch"),
    ("tsf", "KORGOV", "Han Duck-soo", "Prime Minister", "Han Duck-soo", "said", "“We are seeing"),
    ("tsf", "KORGOV", "Kim Yung-ho", "Unification Minister", "Kim Yung-ho", "said", "“We need to know"),
    ("eanp", "USAINT", "Sidney Seller", None, "Sidney Seller", "says", "“Pyongyang is prioritizing"),
]
_ACTORS = {  # code -> (actor id, name, kind)
    "JPN": ("JPN", "Japan", "country"), "KOR": ("KOR", "South Korea", "country"),
    "PRK": ("PRK", "North Korea", "country"), "RUS": ("RUS", "Russia", "country"),
    "USA": ("USA", "United States", "country"), "CHN": ("CHN", "China", "country"),
    "KORGOV": ("person:han-duck-soo", "Han Duck-soo", "person"), "PRKGOV": ("person:kim-jong-un", "Kim Jong-un", "person"),
    "RUSGOV": ("person:vladimir-putin", "Vladimir Putin", "person"), "CHNGOV": ("person:xi-jinping", "Xi Jinping", "person"),
    "JPNGOV": ("person:yoko-kamikawa", "Yoko Kamikawa", "person"), "USAINT": ("person:sidney-seller", "Sidney Seller", "person"),
}
_PEOPLE = {  # mention text -> actor, where the code alone would name someone else
    "Kim Yung-ho": ("person:kim-yung-ho", "Kim Yung-ho", "person"), "Lin Jian": ("person:lin-jian", "Lin Jian", "person"),
    "We": ("KORGOV", "South Korean government", "sector"), "Xi": ("person:xi-jinping", "Xi Jinping", "person"),
}


def _actor(code: str, text: str) -> tuple[str, str, str]:
    return _PEOPLE.get(text) or _ACTORS[code]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"(?<=[.!?”])\s+|\n+", text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def build_example_db(path: Path) -> Path:
    """A store holding the two example articles with hand-coded mentions, quotes and actor mentions."""
    meta = {json.loads(line)["id"].split("-")[0]: json.loads(line) for line in (EXAMPLES / "articles.jsonl").open()}
    texts = {key: (EXAMPLES / m["file"]).read_text(encoding="utf-8") for key, m in meta.items()}
    rows: dict[str, list[dict]] = {t: [] for t in ("articles", "sentences", "mentions", "quotes", "actor_mentions")}
    for key, m in meta.items():
        text = texts[key]
        rows["articles"].append({"article_id": m["id"], "content_hash": str(hash(text)), "published": m["published"],
                                 "outlet": m["outlet"], "url": f"https://example.org/{m['id']}", "title": text.split("\n")[0]
                                 if key == "tsf" else "The United States, Japan, and South Korea condemned the military "
                                 "agreement between Putin and Kim Jong Un", "language": "en", "text": text})
        for i, (s, e) in enumerate(_sentences(text)):
            rows["sentences"].append({"article_id": m["id"], "sentence_index": i, "start": s, "end": e, "kind": "body",
                                      "text": text[s:e]})
    seen_mentions: set[tuple] = set()

    def actor_mention(key: str, start: int, end: int, code: str) -> None:
        actor_id, name, kind = _actor(code, texts[key][start:end])
        if (key, start, code) in seen_mentions:
            return
        seen_mentions.add((key, start, code))
        rows["actor_mentions"].append({
            "article_id": meta[key]["id"], "start": start, "end": end, "text": texts[key][start:end], "actor_id": actor_id,
            "code": code, "country": code[:3], "sector": code[3:] or None, "name": name, "kind": kind,
            "provisional": False, "how": "dictionary", "published": meta[key]["published"]})

    for n, (key, src, src_text, tgt, tgt_text, code, trigger, date, place, lat, lon, modality) in enumerate(_EVENTS):
        text, sentences = texts[key], _sentences(texts[key])
        t0 = text.index(trigger)
        s_start, s_end = next((s, e) for s, e in sentences if s <= t0 < e)
        index = sentences.index((s_start, s_end))
        sentence = text[s_start:s_end]

        def span(words: str) -> tuple[int, int]:
            found = sentence.find(words)
            start = s_start + found if found >= 0 else text.index(words)
            return start, start + len(words)

        (a0, a1), (b0, b1) = span(src_text), span(tgt_text)
        entry = cameo.lookup(code)
        rows["mentions"].append({
            "mention_id": f"{meta[key]['id']}#m{n}", "article_id": meta[key]["id"], "outlet": meta[key]["outlet"],
            "sentence_index": index, "sentence_start": s_start, "sentence_end": s_end, "evidence": sentence,
            "code": code, "root": entry.root, "name": entry.name, "goldstein": entry.goldstein,
            "quad_class": entry.quad_class, "plover_event": entry.plover_event, "plover_mode": entry.plover_mode,
            "source_code": src, "source_country": src[:3], "source_sector": src[3:] or None, "source_text": src_text,
            "source_start": a0, "source_end": a1, "source_actor_id": _actor(src, src_text)[0], "target_code": tgt,
            "target_country": tgt[:3], "target_sector": tgt[3:] or None, "target_text": tgt_text, "target_start": b0,
            "target_end": b1, "target_actor_id": _actor(tgt, tgt_text)[0], "trigger": trigger, "trigger_start": t0,
            "trigger_end": t0 + len(trigger), "pattern": "hand", "confidence": round(0.95 - 0.02 * (n % 7), 2),
            "modality": modality, "counted": "historical" not in modality, "date": date,
            "date_precision": {10: "day", 7: "month", 4: "year"}[len(date)], "place_name": place,
            "place_country": None, "lat": lat, "lon": lon})
        actor_mention(key, a0, a1, src)
        actor_mention(key, b0, b1, tgt)
    for n, (key, code, name, office, speaker, cue, opening) in enumerate(_QUOTES):
        text = texts[key]
        q0 = text.index(opening)
        q1 = text.index("”", q0 + 1) + 1
        p0 = text.index(speaker, q1 - 200)
        c0 = text.index(cue, q1)
        rows["quotes"].append({
            "quote_id": f"{meta[key]['id']}#q{n}", "article_id": meta[key]["id"], "quote_index": n, "start": q0,
            "end": q1, "text": text[q0:q1], "kind": "direct", "cue": cue, "cue_start": c0, "cue_end": c0 + len(cue),
            "speaker_text": speaker, "speaker_start": p0, "speaker_end": p0 + len(speaker),
            "speaker_actor_id": _actor(code, speaker)[0], "speaker_code": code, "speaker_name": name, "speaker_office": office,
            "speaker_how": "said", "published": meta[key]["published"]})
        actor_mention(key, p0, p0 + len(speaker), code)
    with Store(path) as store:
        for table, items in rows.items():
            store._insert(table, items)
        from sitrep.corpus import rebuild

        rebuild(store)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_example_db(tmp_path_factory.mktemp("web") / "examples.duckdb")


@pytest.fixture(scope="module")
def client(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    return TestClient(create_app(db), base_url="http://localhost")


# -- events ------------------------------------------------------------------------------------------


def test_web_events_lists_counted_events_newest_first_with_total(client):
    body = client.get("/api/events", params={"limit": 5}).json()
    assert body["total"] == 16  # 17 hand-coded mentions; the 2019 meeting is historical, left out by default
    assert len(body["rows"]) == 5
    assert body["rows"][0]["date"] == "2024-06-24"
    assert body["rows"][0]["outlet"].startswith("East Africa News Post")


def test_web_events_paginate_with_offset(client):
    first = client.get("/api/events", params={"limit": 4}).json()["rows"]
    second = client.get("/api/events", params={"limit": 4, "offset": 4}).json()["rows"]
    assert {r["event_id"] for r in first}.isdisjoint(r["event_id"] for r in second)


def test_web_events_include_all_shows_historical_events(client):
    body = client.get("/api/events", params={"include_all": True, "modality": "historical"}).json()
    assert body["total"] == 1
    assert body["rows"][0]["code"] == "040"
    assert "last meeting" in body["rows"][0]["evidence"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"dyad": "USA,PRK"}, {("USA", "PRK", "130"), ("USA", "PRK", "111"), ("USA", "PRK", "100")}),
    ({"actor": "CHN"}, {("CHNGOV", "RUSGOV", "043"), ("CHNGOV", "RUS", "052")}),
    ({"root": "3", "since": "2023-09-14", "until": "2023-09-14"}, {("RUSGOV", "PRKGOV", "036")}),
    ({"quad_class": 3, "since": "2024-01-01"}, {("USA", "PRK", "111"), ("KOR", "PRK", "111"), ("JPN", "RUS", "111"),
                                                 ("USA", "PRK", "100")}),
    ({"place": "pyongyang"}, {("RUSGOV", "PRK", "057")}),
    ({"text": "legitimate need"}, {("CHNGOV", "RUS", "052")}),
    ({"plover": "consult", "until": "2023-12-31"}, {("PRKGOV", "RUSGOV", "042")}),
])
def test_web_events_filters_select_the_matching_events(client, params, expected):
    rows = client.get("/api/events", params=params).json()["rows"]
    assert {(r["source_code"], r["target_code"], r["code"]) for r in rows} == expected


def test_web_events_story_filter_keeps_the_story_events(client, db):
    with views.reader(db) as store:
        story = store.query("SELECT story_id FROM articles WHERE article_id = 'tsf-2023-09-14'").column(0)[0].as_py()
    rows = client.get("/api/events", params={"story": story, "limit": 100}).json()["rows"]
    assert rows and {r["article_id"] for r in rows} == {"tsf-2023-09-14"}


def test_web_events_csv_has_the_same_rows_as_json(client):
    params = {"dyad": "USA,PRK"}
    rows = client.get("/api/events", params=params).json()["rows"]
    response = client.get("/api/events", params={**params, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    import csv
    import io

    table = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["event_id"] for r in table] == [r["event_id"] for r in rows]
    assert table[0]["evidence"] == rows[0]["evidence"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 100000}, {"quad_class": 7}, {"offset": -1},
                                    {"format": "xml"}, {"since": "last tuesday"}])
def test_web_events_rejects_bad_parameters_with_422(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_web_events_bad_dyad_is_a_clear_422(client):
    response = client.get("/api/events", params={"dyad": "USA"})
    assert response.status_code == 422  # the schema's pattern says SOURCE,TARGET, so the check is FastAPI's
    assert response.json()["detail"][0]["loc"] == ["query", "dyad"]


# -- one event, one article ---------------------------------------------------------------------------


def test_web_event_detail_lists_its_mentions_with_their_articles(client):
    event = client.get("/api/events", params={"dyad": "PRK,RUS", "code": "042"}).json()["rows"][0]
    body = client.get(f"/api/events/{event['event_id']}").json()
    assert body["event"]["event_id"] == event["event_id"]
    assert [m["trigger"] for m in body["mentions"]] == ["met with"]
    assert body["mentions"][0]["url"] == "https://example.org/tsf-2023-09-14"


def test_web_event_detail_gives_merge_reasons(client):
    event = client.get("/api/events", params={"dyad": "PRK,RUS", "code": "042"}).json()["rows"][0]
    body = client.get(f"/api/events/{event['event_id']}").json()
    assert body.get("reasons_error") is None, body.get("reasons_error")
    assert body["reasons"] and "mention" in body["reasons"][0]


def test_web_unknown_event_is_a_404_with_a_message(client):
    response = client.get("/api/events/event-nope")
    assert response.status_code == 404
    assert "no event 'event-nope'" in response.json()["detail"]


def test_web_article_carries_text_and_evidence_offsets(client):
    body = client.get("/api/articles/tsf-2023-09-14").json()
    text = body["article"]["text"]
    met = next(e for e in body["events"] if e["trigger"] == "met with")
    assert text[met["trigger_start"]:met["trigger_end"]] == "met with"
    assert text[met["source_start"]:met["source_end"]] == "Kim Jong-un"
    assert text[met["sentence_start"]:met["sentence_end"]].startswith("Kim Jong-un met with Vladimir Putin")
    quote = next(q for q in body["quotes"] if q["speaker_name"] == "Yoko Kamikawa")
    assert text[quote["start"]:quote["end"]].startswith("“We watch")
    assert any(m["text"] == "Han Duck-soo" for m in body["actor_mentions"])


def test_web_unknown_article_is_a_404(client):
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert "no article 'nope'" in response.json()["detail"]


# -- aggregates ---------------------------------------------------------------------------------------


def test_web_trends_count_events_per_dyad_and_month(client):
    rows = client.get("/api/trends", params={"dyad": "USA,PRK", "interval": "month"}).json()["rows"]
    assert [(r["period"], r["events"]) for r in rows] == [("2023-09-01", 1), ("2024-06-01", 2)]
    june = rows[1]
    assert june["q3"] == 2 and june["mean_goldstein"] == pytest.approx((-2.0 + -5.0) / 2)


def test_web_trends_by_week_start_on_monday(client):
    rows = client.get("/api/trends", params={"actor": "RUS", "interval": "week"}).json()["rows"]
    assert {r["period"] for r in rows} >= {"2023-09-11", "2024-06-17"}


def test_web_trends_reject_unknown_interval(client):
    assert client.get("/api/trends", params={"interval": "year"}).status_code == 422


def test_web_network_edges_carry_counts_and_mean_goldstein(client):
    body = client.get("/api/network").json()
    edge = next(e for e in body["edges"] if (e["source"], e["target"]) == ("USA", "PRK"))
    assert edge["events"] == 3
    assert edge["mean_goldstein"] == pytest.approx(round((-4.4 - 2.0 - 5.0) / 3, 2))  # 130, 111, 100
    nodes = {n["id"]: n for n in body["nodes"]}
    assert nodes["PRK"]["events"] >= 8 and nodes["PRK"]["name"] == "North Korea"
    assert nodes["CHN"]["name"] == "China"  # no country-level CHN actor in the store: named from ISO 3166


def test_web_actors_quotes_stories_list_the_store(client):
    actors = client.get("/api/actors").json()["rows"]
    assert {"JPN", "person:han-duck-soo"} <= {a["actor_id"] for a in actors}
    quotes = client.get("/api/quotes", params={"actor": "KORGOV"}).json()["rows"]
    assert {q["speaker_name"] for q in quotes} == {"Han Duck-soo", "Kim Yung-ho"}
    stories = client.get("/api/stories").json()["rows"]
    assert sum(s["num_articles"] for s in stories) == 2


def test_web_actors_csv_joins_aliases(client):
    text = client.get("/api/actors", params={"format": "csv"}).text
    assert text.splitlines()[0].startswith("actor_id,") and "Han Duck-soo" in text


def test_web_index_page_and_static_files_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "<title>sitrep" in page.text
    for name in ("app.js", "style.css", "vendor/countries-110m.json", "vendor/topojson-client.min.js"):
        assert client.get(f"/static/{name}").status_code == 200, name
    assert "/api/events" in client.get("/openapi.json").text


def test_web_page_loads_nothing_from_other_hosts():
    static = Path(__file__).resolve().parent.parent / "sitrep" / "web" / "static"
    for name in ("index.html", "app.js", "style.css"):
        assert not re.search(r"(src|href)=[\"']https?://|fetch\(['\"]https?://", (static / name).read_text()), name


# -- locking ------------------------------------------------------------------------------------------


def _hold_write_lock(db: Path, seconds: float) -> subprocess.Popen:
    code = textwrap.dedent(f"""
        import sys, time, duckdb
        con = duckdb.connect({str(db)!r})
        print("locked", flush=True)
        time.sleep({seconds})
        con.close()
    """)
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "locked"
    return process


def test_web_answers_503_while_an_ingest_holds_the_file_then_recovers(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    db = build_example_db(tmp_path / "locked.duckdb")
    client = TestClient(create_app(db, wait=0.3), base_url="http://localhost")
    writer = _hold_write_lock(db, 3.0)
    try:
        busy = client.get("/api/events")
        assert busy.status_code == 503
        assert "being written by another process" in busy.json()["detail"]
        assert busy.headers["retry-after"]
    finally:
        writer.wait(10)
    assert client.get("/api/events").json()["total"] == 16


def test_web_reader_waits_for_a_short_write(tmp_path):
    db = build_example_db(tmp_path / "short.duckdb")
    writer = _hold_write_lock(db, 0.5)
    try:
        started = time.monotonic()
        with views.reader(db, wait=5.0) as store:
            assert store.query("SELECT count(*) AS n FROM events").column("n")[0].as_py() == 17
        assert time.monotonic() - started >= 0.2
    finally:
        writer.wait(10)


def test_web_missing_database_is_a_clear_error(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    response = TestClient(create_app(tmp_path / "none.duckdb"), base_url="http://localhost").get("/api/events")
    assert response.status_code == 503
    assert "sitrep ingest" in response.json()["detail"]


def test_web_serves_while_another_thread_reads(client):
    results = []
    threads = [threading.Thread(target=lambda: results.append(client.get("/api/network").status_code)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * 4


# -- the real pipeline ----------------------------------------------------------------------------------

_PIPELINE = importlib.util.find_spec("sitrep.actors.resolve") is not None


@pytest.mark.skipif(not _PIPELINE, reason="sitrep.actors.resolve (the actor stage) is not importable yet")
def test_web_real_ingest_events_and_evidence_agree(example_db):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    client = TestClient(create_app(example_db), base_url="http://localhost")
    body = client.get("/api/events", params={"limit": 1000}).json()
    assert body["total"] == len(body["rows"]) > 0
    event = body["rows"][0]
    article = client.get(f"/api/articles/{event['article_id']}").json()
    text = article["article"]["text"]
    assert text[event["trigger_start"]:event["trigger_end"]] == event["trigger"]
    assert client.get(f"/api/events/{event['event_id']}").json()["event"]["evidence"] == event["evidence"]


def test_web_every_route_and_parameter_is_documented():
    pytest.importorskip("fastapi")
    from sitrep.web.app import create_app

    doc = (Path(__file__).resolve().parent.parent / "docs" / "web.md").read_text()
    schema = create_app(":memory:").openapi()
    for path, methods in schema["paths"].items():
        assert f"`{path}`" in doc, f"{path} is not in docs/web.md"
        for parameter in methods["get"].get("parameters", []):
            if parameter["in"] == "query":
                assert f"`{parameter['name']}`" in doc, f"{path}?{parameter['name']} is not in docs/web.md"


def test_web_week_dated_events_start_on_their_monday(db, tmp_path):
    copy = tmp_path / "weeks.duckdb"
    copy.write_bytes(db.read_bytes())
    with Store(copy) as store:  # the page order and the counts are derived from events: index them again
        store.con.execute("UPDATE events SET date = '2024-W25', date_precision = 'week' WHERE code = '057'")
        store.index_events()
    with views.reader(copy) as store:
        event = views.events_page(store, code="057")["rows"].to_pylist()[0]
        weekly = views.dyad_trends(store, interval="week", code="057").to_pylist()
        daily = views.dyad_trends(store, interval="day", code="057").to_pylist()
    assert (event["when_day"], event["when_precision"]) == ("2024-06-17", "week")
    assert [(r["period"], r["events"]) for r in weekly] == [("2024-06-17", 1)]
    assert daily == []  # a week-dated event has no day of its own
