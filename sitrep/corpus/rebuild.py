"""Rebuild the derived tables (stories, merged events, actors) from the stored articles and mentions.

Every ingest path ends here once: the derived tables depend on the whole corpus (a new copy can join
an old story, a new mention an old event), so they are rebuilt from the base tables. An ingest asks
for the incremental rebuild, which re-clusters and re-merges only what its articles can change
(`corpus.incremental`) and gives the full rebuild's tables; the SQL tables over events and actors are
cheap and rebuilt whole either way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .. import settings
from . import incremental, merge, stories

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)

__all__ = ["MENTION_ROWS_SQL", "Rebuilt", "mention_rows", "rebuild", "story_rows"]

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


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """What a rebuild redid: ``"full"`` or ``"incremental"``, the articles whose stories it re-decided
    and the mentions it merged again (every one for a full rebuild)."""

    how: Literal["full", "incremental"]
    articles: int
    mentions: int


def rebuild(store: Store, *, story_window_days: int | None = None, incremental: bool = False) -> Rebuilt:
    """Rebuild the derived tables: stories, merged events, actors.

    Stories are clustered over the articles streamed in date order, within `story_window_days`
    (default: the `story_window_days` setting), so their memory is bounded by the window's articles.
    With `incremental`, only the stories and events the articles written since the last rebuild can
    change are redone (`corpus.incremental`), with the same result; it falls back to the full rebuild
    when the store cannot say what changed (a first ingest, a hand-off load, a store from an older
    sitrep, another window, a window of 0).
    """
    if story_window_days is None:
        story_window_days = settings.load().story_window_days
    done = _incremental(store, story_window_days) if incremental else None
    if done is None:
        done = _full(store, story_window_days)
    store.con.execute("DELETE FROM rebuild_pending")
    _set_window(store, story_window_days)
    log.info("rebuild (%s): %d articles' stories, %d mentions merged", done.how, done.articles, done.mentions)
    return done


def _full(store: Store, window_days: int) -> Rebuilt:
    clustered = stories.cluster_stream(story_rows(store.con), window_days=window_days)
    store.write_stories(clustered)
    rows = [merge.MentionRow(*row) for row in store.con.execute(MENTION_ROWS_SQL).fetchall()]
    store.con.execute("UPDATE mentions SET event_id = NULL")
    store.rebuild_events(merge.merge_events(rows) if rows else {})
    store.rebuild_actors()
    return Rebuilt("full", sum(len(s.article_ids) for s in clustered), len(rows))


def _incremental(store: Store, window_days: int) -> Rebuilt | None:
    """The incremental rebuild, or None when the store does not allow it (then nothing was changed).

    1. Stories: re-cluster the region the written articles can change, replace its stories.
    2. Events: merge again the groups of mentions that hold a new, moved or orphaned mention.
    3. The SQL tables (events, their counts, actors), whole.
    """
    why = _why_full(store, window_days)
    if why:
        log.info("full rebuild: %s", why)
        return None
    changes = incremental.pending(store)
    try:
        region = incremental.story_region(store, changes, window_days=window_days)
    except incremental.Unsupported as error:
        log.info("full rebuild: %s", error)
        return None
    # 1.
    before = incremental.stories_of(store, region.affected)
    clustered = [s for s in stories.cluster_stream(region.rows, window_days=window_days)
                 if s.article_ids[0] in region.affected]
    store.replace_stories(clustered, old=region.old_stories)
    moved = frozenset(a for s in clustered for a in s.article_ids if before.get(a) != s.id)
    # 2.
    ids = incremental.merge_scope(store, mention_rows_sql=MENTION_ROWS_SQL, dirty_articles=moved | changes.articles,
                                  lost_events=changes.lost_events)
    rows = incremental.fetch_rows(store, MENTION_ROWS_SQL, ids) if ids else []
    if ids:
        with incremental.registered(store.con, "_remerge", {"mention_id": ids}):
            store.con.execute("UPDATE mentions SET event_id = NULL WHERE mention_id IN (SELECT mention_id FROM _remerge)")
    # 3.
    store.rebuild_events(merge.merge_events(rows) if rows else {})
    store.rebuild_actors()
    return Rebuilt("incremental", len(region.affected), len(rows))


def _why_full(store: Store, window_days: int) -> str | None:
    """Why `store` needs the full rebuild (None when the incremental one gives the same tables)."""
    if not window_days:
        return "story_window_days is 0: stories are clustered over the whole store"
    recorded = store.con.execute("SELECT story_window_days FROM rebuild_state").fetchall()
    if recorded != [(window_days,)]:
        return "the stored stories were clustered with another story_window_days (or by an older sitrep)"
    if not store.con.execute("SELECT count(*) FROM rebuild_pending").fetchall()[0][0]:
        return "nothing recorded as written since the last rebuild"
    unrecorded = store.con.execute(
        "SELECT count(*) FROM articles WHERE story_id IS NULL "
        "AND article_id NOT IN (SELECT article_id FROM rebuild_pending)").fetchall()[0][0]
    unrecorded += store.con.execute(
        "SELECT count(*) FROM mentions WHERE event_id IS NULL "
        "AND article_id NOT IN (SELECT article_id FROM rebuild_pending)").fetchall()[0][0]
    if unrecorded:
        return "some rows were written without a record of it (a hand-off load, or an older sitrep)"
    return None


def _set_window(store: Store, window_days: int) -> None:
    store.con.execute("DELETE FROM rebuild_state")
    store.con.execute("INSERT INTO rebuild_state VALUES (?)", [window_days])


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
