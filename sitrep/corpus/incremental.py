"""What a small ingest must rebuild: the story windows and merge blocks its articles can change.

A full rebuild re-clusters every article and re-merges every mention. After an ingest that wrote a
few articles, most of that work gives back what the store already holds, so `rebuild.rebuild` with
``incremental=True`` redoes only the part that can change, and the result is the full rebuild's,
row for row (`tests/test_rebuild_incremental.py` checks it):

- **Stories** (`story_region`). `stories.cluster_stream` joins an article only with articles of its
  own block of `story_window_days` days and of the blocks next to it. So the blocks holding a written
  article (its new day, and its old day when it was replaced) are "touched"; only pairs inside a
  touched block or between it and a neighbour can change. An old story that has a member in those
  blocks or their neighbours may grow, shrink or split, so all its members are re-clustered; any other
  story keeps its members and id. The articles re-clustered are every article of the blocks those
  members lie in and of the block before each (whole blocks, so each block is compared with exactly
  the articles, and through exactly the index, the full rebuild uses); only the stories of the
  affected articles are kept.
- **Events** (`merge_scope`). `merge.merge_events` decides each mention among the events of its
  (source country, target country, root) block; a headline also looks at the other roots of its
  QuadClass in its own article, and a twin (a copy of one sentence in another copy of a story, same
  root, one side's country in common) can fold events of different blocks together. Mentions tied
  by any of these form a group the merge decides on its own, in the same order as over the whole
  store (it sorts its input). A group is merged again when it holds a mention written since the last
  rebuild, a mention whose article changed story, or a mention of an event that lost a mention (a
  replaced article's); every other mention keeps its event id.

What a write leaves for the next rebuild is kept in the ``rebuild_pending`` table
(`Store.write` adds a row per replaced article and per event its old mentions were in), so an
interrupted ingest continued later still knows what it changed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .merge import COPY_DATE_SLACK_DAYS, MentionRow, _actor, _precision, _quad, _span

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["Pending", "Region", "Unsupported", "fetch_rows", "merge_scope", "pending", "registered", "stories_of", "story_region"]

UNDATED_SQL = r"published IS NULL OR NOT regexp_matches(published, '^\d{4}-\d{2}-\d{2}')"
"""Articles `stories.cluster_stream` treats as undated (compared with each other only, all at once)."""


@dataclass(frozen=True, slots=True)
class Pending:
    """What was written since the last rebuild: the articles, the days and stories they were in
    before (a replaced article), and the events their old mentions belonged to."""

    articles: frozenset[str]
    old_days: frozenset[str | None]
    old_stories: frozenset[str]
    lost_events: frozenset[str]


def pending(store: Store) -> Pending:
    """The ``rebuild_pending`` rows of `store` as one `Pending`."""
    rows = store.con.execute("SELECT article_id, replaced, published, story_id, event_id FROM rebuild_pending").fetchall()
    replaced = [r for r in rows if r[4] is None and r[1]]
    return Pending(articles=frozenset(r[0] for r in rows),
                   old_days=frozenset(r[2][:10] if r[2] else None for r in replaced),
                   old_stories=frozenset(r[3] for r in replaced if r[3]),
                   lost_events=frozenset(r[4] for r in rows if r[4] is not None))


def _ordinal(day: str | None) -> int | None:
    try:
        return date.fromisoformat(day[:10]).toordinal() if day else None
    except ValueError:
        return None


class Unsupported(Exception):  # noqa: N818 - internal signal, never leaves the rebuild
    """The store holds something the incremental rebuild cannot bound (a date that looks ISO but is
    not a day): the caller rebuilds in full."""


@dataclass(frozen=True, slots=True)
class Region:
    """The articles a story re-clustering covers and the ones whose stories it decides."""

    rows: list[tuple[str, str | None, str]]
    """``(article_id, published, text)`` rows of whole blocks, in `cluster_stream` order."""
    affected: frozenset[str]
    """Articles whose story is re-decided: the touched blocks' and their neighbours', and every member
    of an old story one of them was in."""
    old_stories: frozenset[str]
    """The story ids those articles had (and the replaced articles had): their rows are replaced."""


def story_region(store: Store, changes: Pending, *, window_days: int) -> Region:
    """The articles to re-cluster after `changes` (see the module docstring, "Stories")."""
    con = store.con
    new_days = _days_of(con, changes.articles)
    days = set(new_days.values()) | set(changes.old_days)
    undated = any(_ordinal(d) is None for d in days)
    touched = {o // window_days for d in days if (o := _ordinal(d)) is not None}
    near = {b + k for b in touched for k in (-1, 0, 1)}
    # 1. the touched blocks and their neighbours, and every member of an old story one of them is in
    around = _articles_in_blocks(con, near, window_days, undated=undated)
    old = {s for _, _, s in around if s} | set(changes.old_stories)
    members = _story_members(con, old)
    affected = {a for a, _, _ in around} | {a for a, _ in members}
    # 2. whole blocks: every article of a block one of those lies in
    blocks = set(near)
    for _, day in members:
        ordinal = _ordinal(day)
        if ordinal is None:
            undated = True
        else:
            blocks.add(ordinal // window_days)
    # 3. and the block before each: a block is compared with itself and the one before through one
    # index (or pair by pair when both are small), which must hold what it holds in the full rebuild
    blocks |= {b - 1 for b in blocks}
    rows = _rows_in_blocks(con, blocks, window_days, undated=undated)
    return Region(rows=rows, affected=frozenset(affected), old_stories=frozenset(old))


def stories_of(store: Store, article_ids: Iterable[str]) -> dict[str, str | None]:
    """The stored story id of each of `article_ids` (None: written since the last rebuild)."""
    ids = sorted(article_ids)
    if not ids:
        return {}
    with registered(store.con, "_story_ids", {"article_id": ids}):
        return dict(store.con.execute("SELECT article_id, story_id FROM articles "
                                      "WHERE article_id IN (SELECT article_id FROM _story_ids)").fetchall())


def _days_of(con: Any, article_ids: Iterable[str]) -> dict[str, str | None]:
    ids = sorted(article_ids)
    if not ids:
        return {}
    with registered(con, "_pending_ids", {"article_id": ids}):
        rows = con.execute("SELECT article_id, published FROM articles "
                           "WHERE article_id IN (SELECT article_id FROM _pending_ids)").fetchall()
    return {a: (p[:10] if p else None) for a, p in rows}


def _ranges(blocks: Iterable[int], window_days: int) -> list[tuple[str, str]]:
    """The ISO day ranges of `blocks` (block numbers of `window_days` days), adjacent ones joined."""
    out: list[tuple[int, int]] = []
    for b in sorted(set(blocks)):
        first, last = b * window_days, b * window_days + window_days - 1
        if out and out[-1][1] + 1 >= first:
            out[-1] = (out[-1][0], last)
        else:
            out.append((first, last))
    return [(_iso(max(first, 1)), _iso(min(last, date.max.toordinal()))) for first, last in out]


def _iso(ordinal: int) -> str:
    return (date.min + timedelta(days=ordinal - 1)).isoformat()


def _articles_in_blocks(con: Any, blocks: set[int], window_days: int, *, undated: bool) -> list[tuple[str, str | None, str | None]]:
    """``(article_id, day, story_id)`` of the articles published in `blocks` (and the undated ones)."""
    out = []
    for first, last in _ranges(blocks, window_days):
        out += con.execute("SELECT article_id, substr(published, 1, 10), story_id FROM articles "
                           "WHERE substr(published, 1, 10) BETWEEN ? AND ?", [first, last]).fetchall()
    if undated:
        out += con.execute(f"SELECT article_id, NULL, story_id FROM articles WHERE {UNDATED_SQL}").fetchall()
    return out


def _story_members(con: Any, story_ids: set[str]) -> list[tuple[str, str | None]]:
    """``(article_id, day)`` of the articles the stories `story_ids` hold now."""
    if not story_ids:
        return []
    with registered(con, "_old_stories", {"story_id": sorted(story_ids)}):
        rows = con.execute("SELECT article_id, published FROM articles "
                           "WHERE story_id IN (SELECT story_id FROM _old_stories)").fetchall()
    return [(a, p[:10] if p else None) for a, p in rows]


def _rows_in_blocks(con: Any, blocks: set[int], window_days: int, *, undated: bool) -> list[tuple[str, str | None, str]]:
    """The `cluster_stream` rows of whole blocks: by day, then id; then the undated ones."""
    from .rebuild import STORY_ROWS_SQL

    rows: list[tuple[str, str | None, str]] = []
    for first, last in _ranges(blocks, window_days):
        for row in con.execute(STORY_ROWS_SQL, [first, last]).fetchall():
            if _ordinal(row[1]) is None:
                raise Unsupported(f"article {row[0]!r} has a date that is not a day ({row[1]!r})")
            rows.append(row)
    if undated:
        rows += con.execute(f"SELECT article_id, published, text FROM articles WHERE {UNDATED_SQL} "
                            "ORDER BY article_id").fetchall()
    return rows


# ---------------------------------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------------------------------

KEY_ROWS_SQL = """
SELECT r.mention_id, r.article_id, r.story_id, r.source, r.target, r.root, r.headline, r.date, r.date_precision,
       r.evidence IS NOT NULL AS has_evidence, coalesce(st.num_articles, 1) > 1 AS copied, m.event_id
FROM ({rows}) r JOIN mentions m USING (mention_id) LEFT JOIN stories st ON st.story_id = r.story_id
ORDER BY r.article_id
"""
"""What `merge_scope` reads of every mention: its block, headline flag, date, story and event; never
the evidence text itself."""

_EVER = (-(10**9), 10**9)
"""The interval of a mention whose date cannot rule any event out (none, or one that does not parse)."""


class _Groups:
    """Union-find over hashable keys (a block's run of dates, twin keys)."""

    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, x: object) -> object:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: object, b: object) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _block(source: str | None, target: str | None, root: str) -> tuple[str | None, str | None, str]:
    return _actor(source)[0], _actor(target)[0], root.strip()


def _interval(date_text: str | None, precision: str | None) -> tuple[int, int]:
    """The days (ordinals) a mention's date may meet another's on, at the widest the merge allows:
    the days it covers (a publication date: the week before, as between copies), one day more for
    the slack between copies (`merge.COPY_DATE_SLACK_DAYS`, 1)."""
    if not date_text:
        return _EVER
    row = MentionRow("", "", None, None, None, None, "", "", date_text, precision, None, 0.0)
    span = _span(date_text, _precision(row))
    if span is None:
        return _EVER
    return span[0].toordinal(), span[1].toordinal() + COPY_DATE_SLACK_DAYS


class _Runs:
    """Per block, its runs of overlapping date intervals: two mentions of one block whose dates fall in
    different runs can never be in one event, nor be candidates of one another's events."""

    def __init__(self, intervals: dict[object, list[tuple[int, int]]]) -> None:
        self.starts: dict[object, list[int]] = {}
        for block, spans in intervals.items():
            starts: list[int] = []
            end = None
            for lo, hi in sorted(spans):
                if end is None or lo > end:
                    starts.append(lo)
                    end = hi
                else:
                    end = max(end, hi)
            self.starts[block] = starts

    def node(self, block: object, interval: tuple[int, int]) -> tuple[object, int]:
        return block, bisect.bisect_right(self.starts[block], interval[0]) - 1


def merge_scope(store: Store, *, mention_rows_sql: str, dirty_articles: frozenset[str],
                lost_events: frozenset[str]) -> list[str]:
    """The mention ids to merge again (see the module docstring, "Events"): every mention of a group
    that holds a mention with no event yet, of an article in `dirty_articles` (written, or moved to
    another story) or of an event in `lost_events`.

    A group is found over keys: a mention's node is its block and the run of dates it lies in (runs of
    overlapping date intervals, `_Runs`: an undated mention spans its whole block); nodes are tied by
    twin keys (story, root, a side and its country, for a story of several articles) and, for a
    headline, by its article's other mentions of its dyad and QuadClass.
    """
    rows = store.con.execute(KEY_ROWS_SQL.format(rows=mention_rows_sql)).fetchall()
    keyed = [(_block(r[3], r[4], r[5]), _interval(r[7], r[8])) for r in rows]
    intervals: dict[object, list[tuple[int, int]]] = {}
    for block, interval in keyed:
        intervals.setdefault(block, []).append(interval)
    runs = _Runs(intervals)
    del intervals
    nodes = [runs.node(block, interval) for block, interval in keyed]
    del keyed
    groups = _Groups()
    seeds: set[object] = set()
    # 1. tie the nodes, article by article (a headline's pools are its own article's mentions)
    for article in _by_article(list(zip(rows, nodes, strict=True))):
        pools: dict[tuple[object, object, int], list[object]] = {}
        headlined: set[tuple[object, object, int]] = set()
        for row, node in article:
            _, article_id, story_id, _, _, _, headline, _, _, has_evidence, copied, event_id = row
            block = node[0]
            groups.find(node)
            if copied and has_evidence and story_id is not None:
                groups.union(node, ("twin", story_id, block[2], "source", block[0]))
                groups.union(node, ("twin", story_id, block[2], "target", block[1]))
            quad = _quad(block[2])
            if quad is not None:
                pools.setdefault((block[0], block[1], quad), []).append(node)
                if headline:
                    headlined.add((block[0], block[1], quad))
            if event_id is None or article_id in dirty_articles or event_id in lost_events:
                seeds.add(node)
        for key in headlined:
            for node in pools[key]:
                groups.union(pools[key][0], node)
    dirty = {groups.find(s) for s in seeds}
    # 2. the mentions of the groups to merge again
    return [row[0] for row, node in zip(rows, nodes, strict=True) if groups.find(node) in dirty]


def _by_article(rows: list[tuple]) -> Iterator[list[tuple]]:
    run: list[tuple] = []
    for item in rows:
        if run and run[-1][0][1] != item[0][1]:
            yield run
            run = []
        run.append(item)
    if run:
        yield run


def fetch_rows(store: Store, mention_rows_sql: str, mention_ids: list[str]) -> list[MentionRow]:
    """The merge rows of `mention_ids` (in the order the full rebuild reads them: it does not matter,
    the merge sorts its input)."""
    with registered(store.con, "_remerge", {"mention_id": mention_ids}):
        rows = store.con.execute(f"SELECT r.* FROM ({mention_rows_sql}) r "
                                 "WHERE r.mention_id IN (SELECT mention_id FROM _remerge)").fetchall()
    return [MentionRow(*row) for row in rows]


class registered:  # noqa: N801 - a context manager used like a function
    """A list of strings as a temporary table `name` for the block (DuckDB or PostgreSQL)."""

    def __init__(self, con: Any, name: str, columns: dict[str, list[str]]) -> None:
        import pyarrow as pa

        self.con, self.name = con, name
        self.table = pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()})

    def __enter__(self) -> None:
        self.con.register(self.name, self.table)

    def __exit__(self, *exc: object) -> None:
        self.con.unregister(self.name)
