"""Rebuild the derived tables (stories, merged events, actors) from the stored articles and mentions.

Every ingest path ends here once: the derived tables depend on the whole corpus (a new copy can join
an old story, a new mention an old event), so they are rebuilt from the base tables, never patched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import settings
from . import merge, stories

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["MENTION_ROWS_SQL", "mention_rows", "rebuild", "story_rows"]

MENTION_ROWS_SQL = r"""
SELECT m.mention_id, m.article_id, a.story_id, m.outlet, m.source_code AS source, m.target_code AS target,
       m.root, m.code, m.date, m.date_precision, m.place_name AS place, m.confidence,
       coalesce(m.sentence_start < fb.first_end
                AND NOT regexp_matches(rtrim(split_part(ltrim(m.evidence), chr(10), 1)), '[.!?…"”»]$'),
                false) AS headline,
       m.evidence, m.pattern, m.sentence_start
FROM mentions m JOIN articles a USING (article_id)
LEFT JOIN (SELECT article_id, arg_min("end", start) AS first_end FROM sentences WHERE kind = 'body'
           GROUP BY article_id) fb USING (article_id)
"""
"""The rows `merge.merge_events` reads, one per coded mention: a mention is a headline when it lies in
the article's first body sentence and that sentence's first line ends without sentence punctuation;
its evidence finds its twins in other copies of the story, and its pattern and sentence start the
earlier mention a definite event noun names again (`merge` rule 7)."""


STORY_DAYS_SQL = """
SELECT substr(published, 1, 10) AS day, count(*) FROM articles GROUP BY day ORDER BY day NULLS LAST
"""
STORY_ROWS_SQL = """
SELECT article_id, published, text FROM articles WHERE substr(published, 1, 10) BETWEEN ? AND ?
ORDER BY substr(published, 1, 10), article_id
"""
"""The rows `stories.cluster_stream` reads, a run of days at a time: by publication day, then id (both
DuckDB and PostgreSQL sort these text columns bytewise); then the undated ones."""

STREAM_BATCH = 2000
"""About how many article rows are read from the store at a time while clustering stories: the store
sorts one run of days, never the whole table (a sort of every text would grow with the store)."""


def rebuild(store: Store, *, story_window_days: int | None = None) -> None:
    """Rebuild the derived tables: stories, merged events, actors.

    Stories are clustered over the articles streamed in date order, within `story_window_days`
    (default: the `story_window_days` setting), so their memory is bounded by the window's articles.
    """
    if story_window_days is None:
        story_window_days = settings.load().story_window_days
    store.write_stories(stories.cluster_stream(story_rows(store.con), window_days=story_window_days))
    rows = [merge.MentionRow(*row) for row in store.con.execute(MENTION_ROWS_SQL).fetchall()]
    store.con.execute("UPDATE mentions SET event_id = NULL")
    store.rebuild_events(merge.merge_events(rows) if rows else {})
    store.rebuild_actors()


def story_rows(con: Any) -> Iterator[tuple[str, str | None, str]]:
    """The ``(article_id, published, text)`` rows of the store's connection `con`, in date order,
    undated last, read a run of days of about `STREAM_BATCH` articles at a time."""
    days = con.execute(STORY_DAYS_SQL).fetchall()
    runs: list[tuple[str, str, int]] = []
    for day, count in days:
        if day is not None and runs and runs[-1][2] + count <= STREAM_BATCH:
            runs[-1] = (runs[-1][0], day, runs[-1][2] + count)
        elif day is not None:
            runs.append((day, day, count))
    for first, last, _ in runs:
        yield from con.execute(STORY_ROWS_SQL, [first, last]).fetchall()
    if any(day is None for day, _ in days):
        yield from con.execute("SELECT article_id, published, text FROM articles WHERE published IS NULL "
                                     "ORDER BY article_id").fetchall()


def mention_rows(store: Store, event_id: str) -> list[merge.MentionRow]:
    """The merge rows of one event's mentions (what `merge.explain_merge` reads): the first body
    sentence is looked up in that event's articles only, not grouped over the whole sentences table."""
    scoped = MENTION_ROWS_SQL.replace(
        "FROM sentences WHERE kind = 'body'",
        "FROM sentences WHERE kind = 'body' AND article_id IN (SELECT article_id FROM mentions WHERE event_id = ?)")
    assert scoped != MENTION_ROWS_SQL
    rows = store.query(f"SELECT * FROM ({scoped}) r WHERE mention_id IN "
                       "(SELECT mention_id FROM mentions WHERE event_id = ?)", [event_id, event_id]).to_pylist()
    return [merge.MentionRow(**row) for row in rows]
