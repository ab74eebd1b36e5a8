"""The incremental rebuild: a small ingest redoes only what it can change, and the store it leaves is
the one a single ingest of the whole corpus leaves, row for row.

The corpus is `gold/syndicated/articles.jsonl` (38 articles, ten stories of wire copies over a year).
Each article is coded once for the module (`coded`); the ingests here run the real ingest loop
(`pipeline.ingest.ingest_paths`: hash look-up, `Store.write`, the rebuild at the end) with a coder
that hands back those results, so what is compared is the writing and the rebuild, not the coder.
DuckDB always; PostgreSQL too when `SITREP_TEST_POSTGRES` names a server
(`source scripts/postgres-for-tests.sh`).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep import pgstore
from sitrep.corpus import rebuild
from sitrep.pipeline import process_batch
from sitrep.pipeline.batch import ArticleResult
from sitrep.pipeline.ingest import IngestReport, ingest_paths, load
from sitrep.query import open_store
from sitrep.records import Article
from sitrep.store import Store, is_postgres
from sitrep.text.read import iter_articles

from .conftest import ROOT, postgres_database

SYNDICATED = ROOT / "gold" / "syndicated" / "articles.jsonl"
DERIVED = ("stories", "events", "actors", "event_trends", "event_network", "event_dyads", "event_dyad_top",
           "event_dyad_mentions")
TABLES = ("articles", "mentions", *DERIVED)
_VOLATILE = {"ingested_at"}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in SYNDICATED.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def coded() -> dict[tuple[str, str], ArticleResult]:
    """Results by (article id, content hash): filled as the tests ask for articles."""
    return {}


def _coder(cache: dict[tuple[str, str], ArticleResult]):
    def code(articles: list[Article], report: IngestReport) -> Iterator[list[ArticleResult]]:
        todo = [a for a in articles if (a.id, a.content_hash) not in cache]
        for result in process_batch(todo) if todo else []:
            cache[(result.article.id, result.article.content_hash)] = result
        yield [cache[(a.id, a.content_hash)] for a in articles]
    return code


def _write(folder: Path, name: str, records: list[dict]) -> Path:
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _ingest(db: str, path: Path, cache) -> IngestReport:
    if is_postgres(db):
        with pgstore.writing(db) as store:
            return ingest_paths([path], db=store, coder=_coder(cache))
    return ingest_paths([path], db=db, coder=_coder(cache))


def _state(db: str) -> dict[str, list[str]]:
    """Every row of the compared tables but the ingest times, as text, sorted."""
    out = {}
    with open_store(db, read_only=True) as store:
        for table in TABLES:
            rows = store.query(f"SELECT * FROM {table}").to_pylist()
            out[table] = sorted(repr(sorted((k, round(v, 9) if isinstance(v, float) else v)
                                            for k, v in row.items() if k not in _VOLATILE)) for row in rows)
    return out


@pytest.fixture(params=["duckdb", "postgresql"])
def two_dbs(request, tmp_path) -> Iterator[tuple[str, str]]:
    """Two empty stores of one kind: one ingested in parts, one at once."""
    if request.param == "duckdb":
        yield str(tmp_path / "parts.duckdb"), str(tmp_path / "whole.duckdb")
        return
    parts = postgres_database(request.node.name + "_parts")
    whole = postgres_database(request.node.name + "_whole")
    yield next(parts), next(whole)
    for gen in (parts, whole):
        next(gen, None)


def test_rebuild_incremental_older_days_then_newer_days_equal_one_ingest(two_dbs, records, coded, tmp_path):
    parts, whole = two_dbs
    older = [r for r in records if r["published"] < "2024-01-01"]
    newer = [r for r in records if r["published"] >= "2024-01-01"]
    assert older and newer
    first = _ingest(parts, _write(tmp_path, "older", older), coded)
    second = _ingest(parts, _write(tmp_path, "newer", newer), coded)
    _ingest(whole, _write(tmp_path, "all", records), coded)
    assert first.rebuilt is not None and first.rebuilt.how == "full"  # a first ingest: nothing to keep
    assert second.rebuilt is not None and second.rebuilt.how == "incremental"
    assert second.rebuilt.articles < len(records)  # the older stories were not re-clustered
    assert _state(parts) == _state(whole)


def test_rebuild_incremental_a_late_copy_joins_its_old_story_as_in_one_ingest(two_dbs, records, coded, tmp_path):
    parts, whole = two_dbs
    late = {"shoigu-visit-03", "trilateral-efe-05", "lavrov-visit-02"}  # copies of stories already stored
    _ingest(parts, _write(tmp_path, "most", [r for r in records if r["id"] not in late]), coded)
    report = _ingest(parts, _write(tmp_path, "late", [r for r in records if r["id"] in late]), coded)
    _ingest(whole, _write(tmp_path, "all", records), coded)
    assert report.rebuilt is not None and report.rebuilt.how == "incremental"
    assert _state(parts) == _state(whole)
    with open_store(parts, read_only=True) as store:
        sizes = dict(store.con.execute(
            "SELECT a.article_id, s.num_articles FROM articles a JOIN stories s USING (story_id)").fetchall())
    assert all(sizes[a] > 1 for a in late)  # each copy is in its story, not a story of its own


def test_rebuild_incremental_a_changed_article_re_merges_its_events(two_dbs, records, coded, tmp_path):
    parts, whole = two_dbs
    _ingest(parts, _write(tmp_path, "all", records), coded)
    with open_store(parts, read_only=True) as store:
        old_events = {e for (e,) in store.con.execute(
            "SELECT DISTINCT event_id FROM mentions WHERE article_id = 'shoigu-followup-01'").fetchall()}
    assert old_events
    # the outlet rewrote its copy: the follow-up's text, moved to the day of another story
    changed = [dict(r) for r in records]
    for r in changed:
        if r["id"] == "shoigu-followup-01":
            r["text"] = next(x["text"] for x in records if x["id"] == "lavrov-visit-01")
            r["published"] = "2023-10-19"
    report = _ingest(parts, _write(tmp_path, "changed", changed), coded)
    _ingest(whole, _write(tmp_path, "changed", changed), coded)
    assert report.written == 1 and report.rebuilt is not None and report.rebuilt.how == "incremental"
    assert _state(parts) == _state(whole)
    with open_store(parts, read_only=True) as store:
        events = {e for (e,) in store.con.execute(
            "SELECT DISTINCT event_id FROM mentions WHERE article_id = 'shoigu-followup-01'").fetchall()}
        story = store.con.execute("SELECT story_id FROM articles WHERE article_id = 'shoigu-followup-01'").fetchall()
        lavrov = store.con.execute("SELECT story_id FROM articles WHERE article_id = 'lavrov-visit-01'").fetchall()
    assert events and events != old_events  # its new mentions were merged, into other events
    assert story == lavrov  # it is a copy of the Lavrov story now


def test_rebuild_incremental_leaves_untouched_events_and_stories_alone(records, coded, tmp_path):
    db = str(tmp_path / "store.duckdb")
    _ingest(db, _write(tmp_path, "old", [r for r in records if r["published"] < "2024-01-01"]), coded)
    with open_store(db, read_only=True) as store:
        before = dict(store.con.execute("SELECT article_id, story_id FROM articles").fetchall())
    report = _ingest(db, _write(tmp_path, "kenya", [r for r in records if r["id"] == "kenya-floods-00"]), coded)
    assert report.rebuilt is not None and report.rebuilt.how == "incremental"
    assert report.rebuilt.articles == 1  # months from every stored article: only its own story is decided
    assert report.rebuilt.mentions < 20
    with open_store(db, read_only=True) as store:
        after = dict(store.con.execute("SELECT article_id, story_id FROM articles").fetchall())
        assert store.con.execute("SELECT count(*) FROM rebuild_pending").fetchall() == [(0,)]
    assert {a: s for a, s in after.items() if a in before} == before


def _clone(result: ArticleResult, article_id: str, day: str) -> ArticleResult:
    """`result` as another outlet's article `article_id` of `day`, its event dates moved with it."""
    assert result.article.published
    delta = datetime.date.fromisoformat(day) - datetime.date.fromisoformat(result.article.published[:10])

    def moved(date: str | None) -> str | None:
        return (datetime.date.fromisoformat(date[:10]) + delta).isoformat() if date and len(date) >= 10 else date

    article = dataclasses.replace(result.article, id=article_id, published=day)
    events = tuple(dataclasses.replace(e, article_id=article_id, date=moved(e.date)) for e in result.events)
    return dataclasses.replace(result, article=article, events=events)


@pytest.mark.parametrize(("seed", "index"), [(1, False), (2, False), (3, False), (4, True), (5, True)])
def test_rebuild_incremental_equals_full_over_shuffled_writes_and_replacements(records, coded, tmp_path, seed, index,
                                                                                monkeypatch):
    """A feed of 90 articles over 300 days (the corpus's texts republished on other days, so copies of
    one text fall inside and outside the window), written in four parts with articles replaced by
    other texts on other days: after each part the incremental rebuild gives the full rebuild's tables.
    With `index`, every block is compared through its LSH index, as a dense feed's are (whose
    candidates depend on everything indexed, so a block must meet the same neighbour as in the full
    rebuild), not pair by pair as blocks this small are."""
    if index:
        monkeypatch.setattr("sitrep.corpus.stories.SMALL_BLOCK_PAIRS", 0)
    _ingest(str(tmp_path / "seed.duckdb"), SYNDICATED, coded)
    originals = [coded[(a.id, a.content_hash)] for a in iter_articles([SYNDICATED]) if isinstance(a, Article)]
    rng = random.Random(seed)
    start = datetime.date(2024, 1, 1)

    def day() -> str:
        return (start + datetime.timedelta(days=rng.randrange(300))).isoformat()

    feed = [_clone(rng.choice(originals), f"a{i:03d}", day()) for i in range(90)]
    parts, written = [feed[:75], feed[75:80], feed[80:85], feed[85:]], {}
    incremental = Store(":memory:")
    for number, part in enumerate(parts):
        batch = list(part)
        if number:
            batch += [_clone(rng.choice(originals), a, day()) for a in rng.sample(sorted(written), 3)]
        incremental.write(batch)
        written.update({r.article.id: r for r in batch})
        done = rebuild(incremental, incremental=True, story_window_days=7)
        assert done.how == ("full" if number == 0 else "incremental")
        whole = Store(":memory:")
        whole.write(list(written.values()))
        rebuild(whole, story_window_days=7)
        assert _store_state(incremental) == _store_state(whole), f"part {number}"
    assert done.mentions < incremental.con.execute("SELECT count(*) FROM mentions").fetchall()[0][0]


def _store_state(store: Store) -> dict[str, list[str]]:
    out = {}
    for table in TABLES:
        rows = store.query(f"SELECT * FROM {table}").to_pylist()
        out[table] = sorted(repr(sorted((k, v) for k, v in row.items() if k not in _VOLATILE)) for row in rows)
    return out


def test_rebuild_incremental_falls_back_to_full_when_the_window_changed(records, coded, tmp_path):
    _ingest(str(tmp_path / "seed.duckdb"), SYNDICATED, coded)
    results = {a.id: coded[(a.id, a.content_hash)] for a in iter_articles([SYNDICATED]) if isinstance(a, Article)}
    store = Store(":memory:")
    store.write([results["kenya-floods-00"]])
    assert rebuild(store, incremental=True, story_window_days=7).how == "full"  # the first
    store.write([results["uganda-rates-00"]])
    assert rebuild(store, incremental=True, story_window_days=3).how == "full"  # another window
    store.write([results["lavrov-visit-00"]])
    assert rebuild(store, incremental=True, story_window_days=3).how == "incremental"
    assert rebuild(store, incremental=True, story_window_days=0).how == "full"  # one block: nothing to bound


def test_rebuild_incremental_a_handoff_load_rebuilds_in_full(records, coded, tmp_path):
    from sitrep.exports import write_handoff

    source = str(tmp_path / "source.duckdb")
    _ingest(source, _write(tmp_path, "new", [r for r in records if r["published"] >= "2024-01-01"]), coded)
    with open_store(source, read_only=True) as store:
        write_handoff(store, out=tmp_path / "handoff")
    target = str(tmp_path / "target.duckdb")
    _ingest(target, _write(tmp_path, "old", [r for r in records if r["published"] < "2024-01-01"]), coded)
    report = load(tmp_path / "handoff", db=target)
    whole = str(tmp_path / "whole.duckdb")
    _ingest(whole, SYNDICATED, coded)
    assert report.rebuilt is not None and report.rebuilt.how == "full"
    assert _state(target) == _state(whole)


def _one_text(tmp_path: Path) -> Path:
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "wire-2024-06-24.txt").write_text("Japan condemned North Korea on Monday over the missile launch.\n",
                                                encoding="utf-8")
    return folder


def test_cli_rebuild_rebuilds_in_full_and_leaves_the_same_tables(records, coded, tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    db = str(tmp_path / "store.duckdb")
    _ingest(db, _write(tmp_path, "old", [r for r in records if r["published"] < "2024-01-01"]), coded)
    _ingest(db, _write(tmp_path, "new", [r for r in records if r["published"] >= "2024-01-01"]), coded)
    before = _state(db)
    result = CliRunner().invoke(app, ["rebuild", "--db", db])
    assert result.exit_code == 0, result.output
    assert f"rebuilt {len(records)} articles' stories" in result.output
    assert _state(db) == before


def test_cli_ingest_handoff_writes_the_store_for_sitrep_load(tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    db, copy = str(tmp_path / "store.duckdb"), str(tmp_path / "copy.duckdb")
    result = CliRunner().invoke(app, ["ingest", str(_one_text(tmp_path)), "--db", db, "--workers", "1",
                                      "--handoff", str(tmp_path / "handoff")])
    assert result.exit_code == 0, result.output
    assert load(tmp_path / "handoff", db=copy).written == 1
    assert _state(copy) == _state(db)


def test_cli_ingest_handoff_that_cannot_be_written_is_a_one_line_error_after_the_ingest(tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    db = str(tmp_path / "store.duckdb")
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(_one_text(tmp_path)), "--db", db, "--workers", "1",
                                      "--handoff", str(tmp_path / "a-file" / "handoff")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "the ingest is stored, but the hand-off could not be written" in lines[0], result.output
    with open_store(db, read_only=True) as store:  # the ingest itself is kept
        assert store.con.execute("SELECT count(*) FROM articles").fetchall() == [(1,)]


def test_api_ingest_handoff_from_either_store_loads_into_duckdb(fresh_db, tmp_path):
    import sitrep.api as api

    report = api.ingest([_one_text(tmp_path)], db=fresh_db, handoff=tmp_path / "handoff")
    assert report.written == 1
    copy = str(tmp_path / "copy.duckdb")
    assert load(tmp_path / "handoff", db=copy).written == 1
    with open_store(copy, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchall()[0][0] == report.events > 0
