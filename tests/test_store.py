"""The store: idempotent ingests, replaced changed articles, bulk writes, derived tables.

Tests taking `fresh_db` run on a DuckDB file and on a PostgreSQL database (conftest.fresh_db)."""

from __future__ import annotations

import shutil

import sitrep.api as api
from sitrep.query import open_store
from sitrep.store import Store


def test_store_ingesting_the_examples_twice_leaves_every_table_unchanged(fresh_db, examples):
    db = fresh_db
    first = api.ingest([examples], db=db)
    with open_store(db) as store:
        before = store.counts()
    second = api.ingest([examples], db=db)
    with open_store(db) as store:
        after = store.counts()
    assert first.written == 2 and second.written == 0 and second.unchanged == 2
    assert before == after
    assert before["articles"] == 2 and before["mentions"] > 0 and before["events"] > 0


def test_store_changed_article_replaces_its_old_rows(tmp_path, fresh_db):
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "wire-2024-06-24.txt"
    path.write_text("Japan condemned North Korea on Monday.", encoding="utf-8")
    db = fresh_db
    api.ingest([folder], db=db)
    path.write_text("Japan praised North Korea on Monday.", encoding="utf-8")
    report = api.ingest([folder], db=db)
    rows = api.events(db=db).to_pylist()
    assert report.written == 1
    assert [r["code"][:2] for r in rows] == ["05"]
    with open_store(db) as store:
        assert store.counts()["articles"] == 1


def test_store_rejected_inputs_are_logged_and_the_batch_goes_on(tmp_path, examples, fresh_db):
    folder = tmp_path / "mixed"
    shutil.copytree(examples, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x00binary")
    db = fresh_db
    report = api.ingest([folder], db=db)
    assert report.written == 2 and len(report.rejected) == 1
    with open_store(db) as store:
        assert store.con.execute("SELECT count(*) FROM rejected").fetchall()[0][0] == 1


def test_store_every_event_keeps_its_evidence_span(example_db):
    rows = api.events(db=example_db, include_all=True).to_pylist()
    assert rows
    with Store(example_db, read_only=True) as store:
        texts = dict(store.con.execute("SELECT article_id, text FROM articles").fetchall())
    for row in rows:
        text = texts[row["article_id"]]
        assert row["trigger"] == text[row["trigger_start"]:row["trigger_end"]]
        for side in ("source", "target"):  # a one-sided event has one side only
            if row[f"{side}_text"] is not None:
                assert row[f"{side}_text"] == text[row[f"{side}_start"]:row[f"{side}_end"]]
        assert row["source_text"] or row["target_text"]
        assert row["trigger"] in row["evidence"]


def test_store_user_actor_and_verb_files_extend_the_coding(tmp_path, user_files, fresh_db):
    folder, actors_file, verbs = user_files
    db = fresh_db
    api.ingest([folder], db=db)
    assert api.events(db=db).num_rows == 0
    api.ingest([folder], db=tmp_path / "user2.duckdb", actor_files=[actors_file], lexicon_files=[verbs])
    rows = api.events(db=tmp_path / "user2.duckdb").to_pylist()
    assert [(r["source_code"], r["code"], r["target_code"]) for r in rows] == [("FRD", "120", "SYL")]


def test_store_an_article_the_coder_fails_on_is_reported_and_the_rest_stored(tmp_path, monkeypatch, fresh_db):
    import sitrep.pipeline.batch as pipeline

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good-2024-06-24.txt").write_text("Japan condemned North Korea on Monday.", encoding="utf-8")
    (folder / "bad-2024-06-24.txt").write_text("This article trips the coder.", encoding="utf-8")
    real = pipeline.process_batch

    def fragile(articles, **options):
        if any("trips the coder" in a.text for a in articles):
            raise RecursionError("maximum recursion depth exceeded")
        return real(articles, **options)

    monkeypatch.setattr(pipeline, "process_batch", fragile)
    report = api.ingest([folder], db=fresh_db)
    assert report.written == 1
    assert [r.reason.split(" (")[0] for r in report.rejected] == ["coding failed"]
    assert "RecursionError" in report.rejected[0].reason


def test_store_actor_mentions_point_into_their_sentence(example_db):
    with Store(example_db, read_only=True) as store:
        rows = store.con.execute("""
            SELECT m.text, s.text FROM actor_mentions m
            JOIN sentences s ON s.article_id = m.article_id AND s.sentence_index = m.sentence_index
        """).fetchall()
    assert rows and all(mention in sentence for mention, sentence in rows)


def test_store_database_from_an_older_schema_gains_new_columns(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute('CREATE TABLE actor_mentions (article_id VARCHAR, "start" BIGINT, "end" BIGINT, text VARCHAR)')
    con.close()
    with Store(path) as store:
        columns = {r[0] for r in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'actor_mentions'").fetchall()}
    assert {"sentence_index", "actor_id", "how"} <= columns


def test_store_actor_aliases_are_names_not_common_nouns(tmp_path, fresh_db):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire-1999-04-01.txt").write_text(
        "Western governments condemned Iran. The Iranian government rejected the criticism.", encoding="utf-8")
    db = fresh_db
    api.ingest([folder], db=db)
    aliases = [a for row in api.actors(db=db).to_pylist() for a in row["aliases"]]
    assert "Iran" in aliases and "Iranian government" in aliases
    assert "governments" not in aliases


def test_store_precounted_page_total_equals_the_count_of_matching_events(example_db):
    from sitrep import views
    from sitrep.query import count_events

    with views.reader(example_db) as store:
        for filters in ({}, {"include_all": True}, {"dyad": "USA,PRK"}, {"dyad": ",PRK", "include_all": True},
                        {"dyad": "USA,"}, {"dyad": "XXX,YYY"}, {"root": "11"}):
            chosen = views.event_filters(**filters)
            assert views.events_page(store, limit=1, **filters)["total"] == count_events(db=store, **chosen), filters
        assert views._precounted_total(store, views.event_filters()) is not None  # noqa: SLF001 - the fast path ran


def test_store_precounted_trends_equal_the_trends_grouped_from_the_events(example_db, monkeypatch):
    """The timeline read from ``event_trends`` (one row per period and dyad for counted events, summed
    over the counted flag with `include_all`) equals the GROUP BY over the matching events."""
    from sitrep import views

    cases = [("week", {}), ("month", {}), ("week", {"include_all": True}), ("month", {"dyad": "USA,"}),
             ("week", {"dyad": "XXX,YYY"})]
    with views.reader(example_db) as store:
        fast = [views.dyad_trends(store, interval=interval, **filters).to_pylist() for interval, filters in cases]
        monkeypatch.setattr(views, "_counted_only", lambda chosen, allowed: False)
        slow = [views.dyad_trends(store, interval=interval, **filters).to_pylist() for interval, filters in cases]
    assert fast == slow and fast[0]
