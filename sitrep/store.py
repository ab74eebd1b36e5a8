"""The event store: a DuckDB file by default, written in bulk through Arrow.

Tables (one row each per): ``articles`` (article), ``sentences`` (sentence or caption),
``actor_mentions`` (actor mention), ``actors`` (canonical actor, derived), ``mentions`` (coded event
occurrence in one sentence), ``events`` (real event, derived by merging mentions), ``quotes``,
``stories`` (derived) and ``rejected`` (inputs that could not be read).

Writes are idempotent: an article is keyed by its id and content hash; re-ingesting an unchanged
article writes nothing, a changed one replaces all of its rows in one transaction. Derived tables
(actors, events, stories) are rebuilt from the base tables, so they never drift.
DuckDB allows one writing process per file; readers (the web server) open it read-only, and an ingest
writes a private copy that it renames over the file when done (`sitrep.writer`).
"""

from __future__ import annotations

import bisect
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from . import settings
from .errors import StoreError
from .records import Event

log = logging.getLogger(__name__)

__all__ = ["Store", "default_db_path", "SCHEMA", "EVENT_COLUMNS", "arrow_schema", "default_db", "is_postgres", "as_of", "half_state",
           "BASE_TABLES", "base_rows"]

_S, _I, _F, _B = "VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN"

SCHEMA: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": _S, "content_hash": _S, "published": _S, "outlet": _S, "url": _S, "title": _S,
        "language": _S, "path": _S, "text": _S, "warnings": _S, "story_id": _S, "agency": _S, "ingested_at": _S,
    },
    "sentences": {"article_id": _S, "sentence_index": _I, "start": _I, "end": _I, "kind": _S, "text": _S},
    "removed": {"article_id": _S, "start": _I, "end": _I, "kind": _S, "text": _S},
    "actor_mentions": {
        "article_id": _S, "sentence_index": _I, "start": _I, "end": _I, "text": _S, "actor_id": _S, "code": _S, "country": _S,
        "sector": _S, "name": _S, "kind": _S, "office": _S, "provisional": _B, "how": _S, "published": _S,
    },
    "mentions": {
        "mention_id": _S, "event_id": _S, "article_id": _S, "outlet": _S, "sentence_index": _I,
        "sentence_start": _I, "sentence_end": _I, "evidence": _S, "code": _S, "root": _S, "name": _S,
        "goldstein": _F, "quad_class": _I, "plover_event": _S, "plover_mode": _S, "plover_context": _S,
        "source_code": _S, "source_country": _S, "source_sector": _S, "source_text": _S, "source_start": _I,
        "source_end": _I, "source_actor_id": _S, "target_code": _S, "target_country": _S, "target_sector": _S,
        "target_text": _S, "target_start": _I, "target_end": _I, "target_actor_id": _S, "trigger": _S,
        "trigger_start": _I, "trigger_end": _I, "pattern": _S, "confidence": _F, "modality": _S,
        "counted": _B, "date": _S, "date_precision": _S, "date_text": _S, "place_name": _S,
        "place_country": _S, "lat": _F, "lon": _F, "place_precision": _S, "quote_index": _I,
    },
    "quotes": {
        "quote_id": _S, "article_id": _S, "quote_index": _I, "start": _I, "end": _I, "text": _S, "kind": _S,
        "cue": _S, "cue_start": _I, "cue_end": _I, "speaker_text": _S, "speaker_start": _I, "speaker_end": _I,
        "speaker_actor_id": _S, "speaker_code": _S, "speaker_name": _S, "speaker_office": _S, "speaker_how": _S,
        "published": _S,
    },
    "rejected": {"path": _S, "reason": _S, "at": _S},
    "stories": {"story_id": _S, "agency": _S, "num_articles": _I, "article_ids": _S},
    "events": {},  # derived: created by `rebuild_events`
    "actors": {},  # derived: created by `rebuild_actors`
}
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "code", "root", "name", "goldstein", "quad_class", "plover_event", "plover_mode", "plover_context",
    "source_code", "source_country", "source_sector", "source_actor_id", "source_text", "target_code",
    "target_country", "target_sector", "target_actor_id", "target_text", "date", "date_precision", "place_name",
    "place_country", "lat", "lon", "place_precision", "modality", "counted", "evidence", "article_id",
    "sentence_index", "trigger", "trigger_start", "trigger_end", "source_start", "source_end", "target_start",
    "target_end", "best_mention_id", "num_mentions", "num_articles", "num_sources", "num_stories", "confidence",
)
"""The columns of an event as every list and export shows it. The ``events`` table also keeps, for the
views, ``when_day`` (the first day of the event's date, else of its article's publication date),
``when_precision`` and ``page_key`` (its place in the page order, newest first), and is stored in that
order so a page reads only the rows it shows (`Store.index_events`)."""

PAGE_ORDER = "when_day DESC NULLS LAST, article_id, sentence_index, trigger_start, event_id"
"""The order of the events page: newest day first (undated events by their publication), then by
position in the article; ``page_key`` numbers the events in this order."""

SALIENCE_ORDER = ("coalesce(num_articles, 0) DESC, abs(coalesce(goldstein, 0)) DESC, coalesce(confidence, 0) DESC, "
                  "event_id")
"""The order of a report's events: reported by more articles, then stronger Goldstein, then confidence."""
DYAD_TOP = 100
"""How many of each country dyad's counted events ``event_dyad_top`` keeps, in salience order."""

PENDING = "rebuild_pending"
"""What `Store.write` leaves for the next rebuild (`corpus.incremental`): a row per written article (with
the day and story a replaced article had) and per event its old mentions were in; emptied by the rebuild."""

REBUILT_WITH = "rebuild_state"
"""One row: the `story_window_days` the stored stories were clustered with (an incremental rebuild
needs the same window; none recorded: the next rebuild is full)."""

BASE_TABLES: tuple[str, ...] = ("articles", "sentences", "removed", "actor_mentions", "mentions", "quotes")
"""The tables an ingest writes, keyed by article id; every other table is derived from them."""
_BASE = BASE_TABLES
_ARROW = {_S: pa.string(), _I: pa.int64(), _F: pa.float64(), _B: pa.bool_()}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a base table (what `Store.write` inserts)."""
    return pa.schema([(n, _ARROW[k]) for n, k in SCHEMA[table].items()])


def is_postgres(db: object) -> bool:
    """Whether `db` names a PostgreSQL database (``postgresql://...`` or ``postgres://...``) rather
    than a DuckDB file."""
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def default_db() -> Path | str:
    """The `db` setting: ``$SITREP_DB``, else sitrep.toml's ``db``, else ``sitrep.duckdb`` here (a
    DuckDB path, or a PostgreSQL address)."""
    return settings.load().db


def default_db_path() -> Path:
    """The `db` setting as a DuckDB path (callers that open files; `default_db` for any store)."""
    db = default_db()
    return db if isinstance(db, Path) else Path(db)


class Store:
    """A connection to one sitrep database. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path) if path is not None else str(default_db_path())
        try:
            if read_only and self.path != ":memory:" and not Path(self.path).exists():
                raise StoreError(f"no database at {self.path}; run `sitrep ingest PATH` first")
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as error:
            if "lock" not in str(error).lower():
                raise StoreError(
                    f"{self.path} is not a readable sitrep database ({str(error).splitlines()[0]}); "
                    "restore it from a copy, or pass another --db to start a new one"
                ) from error
            raise StoreError(
                f"cannot open {self.path}: {error}. Another process may be writing it; "
                "wait for it, or query while `sitrep serve` owns the file"
            ) from error
        self.read_only = read_only
        if not read_only:
            self._create()
        elif self.path != ":memory:":
            problem = half_state(self)
            if problem:
                log.warning("%s: %s; run `sitrep ingest` again to rebuild the derived tables", self.path, problem)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------------------

    def _create(self) -> None:
        for table, columns in SCHEMA.items():
            if columns:
                cols = ", ".join(f'"{name}" {self.column_type(kind)}' for name, kind in columns.items())
                self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
                # a database made by an older sitrep gains the columns added since (empty for old rows)
                have = {r[0] for r in self.con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
                for name, kind in columns.items():
                    if name not in have:
                        self.con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {self.column_type(kind)}')
        kinds = {"article_id": _S, "replaced": _B, "published": _S, "story_id": _S, "event_id": _S}
        self.con.execute(f"CREATE TABLE IF NOT EXISTS {PENDING} ("
                         + ", ".join(f"{n} {self.column_type(k)}" for n, k in kinds.items()) + ")")
        self.con.execute(f"CREATE TABLE IF NOT EXISTS {REBUILT_WITH} (story_window_days {self.column_type(_I)})")
        if not self._has_table("events"):
            self.rebuild_events({})
        elif not self.con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' "
                                  "AND column_name = 'page_key'").fetchall()[0][0]:
            self.index_events()  # a store from before the page order
        if not self._has_table("actors"):
            self.rebuild_actors()

    @staticmethod
    def column_type(kind: str) -> str:
        """The SQL type of a `SCHEMA` column kind in this database."""
        return kind

    keeps_order = True
    """Whether a query without ORDER BY returns a table's rows in stored order (DuckDB preserves
    insertion order by default; PostgreSQL does not)."""

    def has_table(self, name: str) -> bool:
        """Whether the store holds table `name` (a store rebuilt by an older sitrep lacks newer derived tables)."""
        return self._has_table(name)

    def _has_table(self, name: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()[0][0])

    # -- writing --------------------------------------------------------------------------------

    def known_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Content hash of each article already stored (to skip unchanged re-ingests)."""
        if not article_ids:
            return {}
        table = pa.table({"article_id": pa.array(list(article_ids), pa.string())})
        self.con.register("_ids", table)
        try:
            rows = self.con.execute(
                "SELECT a.article_id, a.content_hash FROM articles a JOIN _ids USING (article_id)"
            ).fetchall()
        finally:
            self.con.unregister("_ids")
        return dict(rows)

    def write(self, results: Sequence) -> int:
        """Replace the rows of each article in `results` (pipeline.ArticleResult); return how many."""
        if not results:
            return 0
        rows = base_rows(results)
        ids = pa.table({"article_id": pa.array([r.article.id for r in results], pa.string())})
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.register("_ids", ids)
            self._note_pending()
            for table in _BASE:
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _ids)")
            self.con.unregister("_ids")
            for table in _BASE:
                self._insert(table, rows[table])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(results)

    def _note_pending(self) -> None:
        """Record, before their rows go, what the articles in ``_ids`` were: their day and story if
        stored (a replacement), and the events of their mentions (`corpus.incremental`)."""
        self.con.execute(f"""INSERT INTO {PENDING} (article_id, replaced, published, story_id, event_id)
            SELECT i.article_id, a.article_id IS NOT NULL, a.published, a.story_id, NULL
            FROM _ids i LEFT JOIN articles a ON a.article_id = i.article_id""")
        self.con.execute(f"""INSERT INTO {PENDING} (article_id, replaced, published, story_id, event_id)
            SELECT DISTINCT article_id, NULL::BOOLEAN, NULL, NULL, event_id FROM mentions
            WHERE article_id IN (SELECT article_id FROM _ids) AND event_id IS NOT NULL""")

    def log_rejected(self, rejected: Iterable) -> None:
        """Log rejected inputs: one row per input and reason, its time updated on each re-ingest."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows = list({(r.path, r.reason): {"path": r.path, "reason": r.reason, "at": now} for r in rejected}.values())
        if rows:
            self.con.register("_again", pa.Table.from_pylist([{"path": r["path"], "reason": r["reason"]} for r in rows]))
            self.con.execute("DELETE FROM rejected USING _again a WHERE rejected.path = a.path AND rejected.reason = a.reason")
            self.con.unregister("_again")
        self._insert("rejected", rows)

    def _insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        columns = SCHEMA[table]
        arrow = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        self.con.register("_rows", arrow)
        try:
            names = ", ".join(f'"{n}"' for n in columns)
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _rows")
        finally:
            self.con.unregister("_rows")

    # -- derived tables -------------------------------------------------------------------------

    def rebuild_events(self, event_ids: dict[str, str]) -> None:
        """Set each mention's event id (mention_id -> event_id) and rebuild the events table.

        Mentions without an assigned id are their own event. An event row shows its best mention
        (counted, read as most of its articles read it, highest confidence, day-dated, earliest) and
        counts mentions, articles, distinct outlets and stories.
        """
        if event_ids:
            table = pa.table({
                "mention_id": pa.array(list(event_ids), pa.string()),
                "event_id": pa.array(list(event_ids.values()), pa.string()),
            })
            self.con.register("_eids", table)
            self.con.execute("UPDATE mentions SET event_id = e.event_id FROM _eids e WHERE mentions.mention_id = e.mention_id")
            self.con.unregister("_eids")
        self.con.execute("UPDATE mentions SET event_id = mention_id WHERE event_id IS NULL")
        self.index_events("""
            WITH dyads AS (
                SELECT event_id, source_country, target_country, count(DISTINCT article_id) AS dyad_articles
                FROM mentions GROUP BY event_id, source_country, target_country
            ), ranked AS (
                -- the mention shown for an event reads it as most of its articles do: a copy that
                -- resolved "he added" to another speaker stays a mention but is not the event's face
                SELECT m.*, row_number() OVER (PARTITION BY m.event_id ORDER BY m.counted DESC,
                       d.dyad_articles DESC, m.confidence DESC, m.date_precision = 'day' DESC, m.article_id,
                       m.sentence_index, m.trigger_start, m.mention_id) AS rank  -- the last two: no ties
                FROM mentions m JOIN dyads d ON d.event_id = m.event_id
                     AND d.source_country IS NOT DISTINCT FROM m.source_country
                     AND d.target_country IS NOT DISTINCT FROM m.target_country
            ), counts AS (
                SELECT event_id, count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
                       count(DISTINCT coalesce(m.outlet, article_id)) AS num_sources,
                       count(DISTINCT coalesce(a.story_id, article_id)) AS num_stories,
                       max(confidence) AS max_confidence
                FROM mentions m LEFT JOIN articles a USING (article_id) GROUP BY event_id
            )
            SELECT r.event_id, r.code, r.root, r.name, r.goldstein, r.quad_class, r.plover_event, r.plover_mode,
                   r.plover_context, r.source_code, r.source_country, r.source_sector, r.source_actor_id,
                   r.source_text, r.target_code, r.target_country, r.target_sector, r.target_actor_id,
                   r.target_text, r.date, r.date_precision, r.place_name, r.place_country, r.lat, r.lon,
                   r.place_precision, r.modality, r.counted, r.evidence, r.article_id, r.sentence_index,
                   r.trigger, r.trigger_start, r.trigger_end, r.source_start, r.source_end, r.target_start,
                   r.target_end, r.mention_id AS best_mention_id, c.num_mentions, c.num_articles,
                   c.num_sources, c.num_stories, c.max_confidence AS confidence
            FROM ranked r JOIN counts c USING (event_id) WHERE r.rank = 1
        """)

    # -- what the views read: page order and pre-aggregated counts ------------------------------

    def index_events(self, merged: str = "SELECT * FROM events") -> None:
        """Store the events in page order with their `when_day`, `when_precision` and `page_key`, and
        rebuild the counts the trend, network and report views read (``event_trends``,
        ``event_network``, ``event_dyads``, ``event_dyad_top`` and ``event_dyad_mentions``).
        `merged` is the SELECT of the events' own columns (by default the stored events; a rebuild
        passes the merge), so the table is replaced once, in its final shape.

        A page then reads the first rows in `page_key` order (DuckDB skips the rest by its min/max
        per row group), and a timeline or network over millions of events sums a few thousand
        pre-counted rows instead of grouping every event (docs/scale.md, "Queries").
        """
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        when = "coalesce(e.date, a.published)"
        self._replace_table("events", f"""
            SELECT *, row_number() OVER (ORDER BY {PAGE_ORDER}) AS page_key FROM (
                SELECT {cols}, {self.first_day_sql(when)} AS when_day, {self.precision_sql(when)} AS when_precision
                FROM ({merged}) e LEFT JOIN articles a ON a.article_id = e.article_id) d
            ORDER BY page_key""")
        sides = {"country": ("left(source_code, 3)", "left(target_code, 3)"), "code": ("source_code", "target_code")}
        measures = """count(*) AS events, sum(goldstein) AS goldstein_sum, count(goldstein) AS goldstein_n,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
               sum(num_articles) AS articles"""
        self._replace_table("event_network", " UNION ALL ".join(f"""
            SELECT '{level}' AS level, {source} AS source, {target} AS target, counted, {measures}
            FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY 2, 3, 4"""
            for level, (source, target) in sides.items()) + f"""
            UNION ALL SELECT 'all' AS level, NULL AS source, NULL AS target, counted, {measures}
            FROM events GROUP BY counted""")  # 'all': every event, the unfiltered page's total
        fits = {"week": "('day', 'week')", "month": "('day', 'week', 'month')"}
        self._replace_table("event_trends", " UNION ALL ".join(f"""
            SELECT '{interval}' AS interval, {self.period_sql(interval, "when_day")} AS period,
                   left(source_code, 3) AS source, left(target_code, 3) AS target, counted, {measures}
            FROM events WHERE when_precision IN {fits[interval]} AND when_day IS NOT NULL GROUP BY 2, 3, 4, 5"""
            for interval in ("week", "month")), order="interval, counted, period, source, target")
        # a country dyad's report: its counted events and distinct articles, and its most salient events
        dyad = "left(source_code, 3) AS dyad_source, left(target_code, 3) AS dyad_target"
        counted_dyads = "FROM events WHERE counted AND source_code IS NOT NULL AND target_code IS NOT NULL"
        self._replace_table("event_dyads", f"""
            SELECT {dyad}, count(*) AS events, count(DISTINCT article_id) AS articles {counted_dyads} GROUP BY 1, 2""")
        self._replace_table("event_dyad_top", f"""
            SELECT ranked.*, a.published FROM (
                SELECT {', '.join(EVENT_COLUMNS)}, {dyad}, row_number() OVER (
                    PARTITION BY left(source_code, 3), left(target_code, 3) ORDER BY {SALIENCE_ORDER}) AS salience_rank
                {counted_dyads}) ranked LEFT JOIN articles a ON a.article_id = ranked.article_id
            WHERE salience_rank <= {DYAD_TOP}""", order="dyad_source, dyad_target, salience_rank")
        # their mentions with the citation of each mention's article (what the report cites)
        self._replace_table("event_dyad_mentions", """
            SELECT m.event_id, m.article_id, m.outlet, m.sentence_index, a.article_id IS NOT NULL AS stored,
                   a.outlet AS article_outlet, a.url, a.title, a.published
            FROM mentions m LEFT JOIN articles a ON a.article_id = m.article_id
            WHERE m.event_id IN (SELECT event_id FROM event_dyad_top)""", order="event_id, article_id, sentence_index")

    def _replace_table(self, name: str, select: str, *, order: str | None = None) -> None:
        """Create table `name` (a name of this module, never a user's) as `select`, replacing it; with
        `order` (columns of this module), its rows are stored in that order, so that a filtered read
        in that order scans and sorts little."""
        if order:
            select = f"SELECT * FROM ({select}) t ORDER BY {order}"
        self.con.execute(f"CREATE OR REPLACE TABLE {name} AS {select}")

    @staticmethod
    def first_day_sql(date: str) -> str:
        """SQL: the first day (YYYY-MM-DD) of a sitrep date of any precision (day, ISO week, month, year)."""
        return rf"""CASE WHEN regexp_matches({date}, '^\d{{4}}-\d{{2}}-\d{{2}}') THEN left({date}, 10)
            WHEN regexp_matches({date}, '^\d{{4}}-W\d{{2}}$')
                 THEN strftime(strptime({date} || '-1', '%G-W%V-%u'), '%Y-%m-%d')
            WHEN regexp_matches({date}, '^\d{{4}}-\d{{2}}$') THEN {date} || '-01'
            WHEN regexp_matches({date}, '^\d{{4}}$') THEN {date} || '-01-01' END"""

    @staticmethod
    def precision_sql(date: str) -> str:
        """SQL: the precision of a sitrep date: day, week, month or year (None for anything else)."""
        return rf"""CASE WHEN regexp_matches({date}, '^\d{{4}}-\d{{2}}-\d{{2}}') THEN 'day'
            WHEN regexp_matches({date}, '^\d{{4}}-W\d{{2}}$') THEN 'week'
            WHEN regexp_matches({date}, '^\d{{4}}-\d{{2}}$') THEN 'month'
            WHEN regexp_matches({date}, '^\d{{4}}$') THEN 'year' END"""

    @staticmethod
    def period_sql(interval: str, day: str) -> str:
        """SQL: the first day (YYYY-MM-DD) of the day, week (Monday) or month of `day` (a YYYY-MM-DD text)."""
        if interval not in ("day", "week", "month"):
            raise StoreError(f"interval {interval!r} should be day, week or month")
        return f"strftime(date_trunc('{interval}', CAST({day} AS DATE)), '%Y-%m-%d')"

    def rebuild_actors(self) -> None:
        """Canonical actors with their aliases and first/last dates seen, from the actor mentions."""
        self._replace_table("actors", """
            SELECT actor_id, any_value(code) AS code, any_value(name) AS name, any_value(kind) AS kind,
                   any_value(country) AS country, any_value(sector) AS sector, any_value(office) AS office,
                   bool_and(provisional) AS provisional,
                   coalesce(list(DISTINCT text ORDER BY text) FILTER (WHERE text <> lower(text)), ARRAY[]::VARCHAR[])
                       AS aliases,  -- names only: "governments", "embassies" are no alias of anyone
                   count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
                   min(published) AS first_seen, max(published) AS last_seen
            FROM actor_mentions GROUP BY actor_id
        """)

    def write_stories(self, stories: Sequence, *, replace: bool = True) -> None:
        """Replace the stories table (or, `replace` False, add to it) and set each of their articles'
        story id (from `stories.cluster_articles`)."""
        rows = [{"story_id": s.id, "agency": s.agency, "num_articles": len(s.article_ids),
                 "article_ids": json.dumps(list(s.article_ids))} for s in stories]
        links = [(a, s.id, s.agency) for s in stories for a in s.article_ids]
        if replace:
            self.con.execute("DELETE FROM stories")
        self._insert("stories", rows)
        if links:
            table = pa.table({"article_id": [a for a, _, _ in links], "story_id": [s for _, s, _ in links],
                              "agency": pa.array([g for _, _, g in links], pa.string())})
            self.con.register("_links", table)
            self.con.execute("UPDATE articles SET story_id = l.story_id, agency = l.agency FROM _links l WHERE articles.article_id = l.article_id")
            self.con.unregister("_links")

    def replace_stories(self, stories: Sequence, *, old: Iterable[str]) -> None:
        """Replace the stories `old` (ids) with `stories`, and set their articles' story ids: the
        incremental rebuild's `write_stories`, for the stories it re-clustered."""
        old_ids = pa.table({"story_id": pa.array(sorted(old), pa.string())})
        self.con.register("_old_stories", old_ids)
        self.con.execute("DELETE FROM stories WHERE story_id IN (SELECT story_id FROM _old_stories)")
        self.con.unregister("_old_stories")
        self.write_stories(stories, replace=False)

    # -- reading --------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence = ()) -> pa.Table:
        """Run SQL and return an Arrow table (the one reading primitive every view uses)."""
        import duckdb

        try:
            relation = self.con.sql(sql, params=list(params) or None)
            # DuckDB 2 renamed fetch_arrow_table() to to_arrow_table(); an empty result may be no relation
            if relation is None:
                return pa.table({})
            fetch = getattr(relation, "to_arrow_table", None) or relation.fetch_arrow_table
            return fetch()
        except (duckdb.IOException, duckdb.InternalException, duckdb.SerializationException) as error:
            raise StoreError(f"cannot read {self.path} ({str(error).splitlines()[0]}); the file may be "
                             "damaged: restore it from a copy, or ingest into a new --db") from error

    def stream(self, sql: str, params: Sequence = (), *, batch_size: int = 100_000) -> pa.RecordBatchReader:
        """Run SQL and read its rows as Arrow record batches of at most `batch_size` rows, so an export
        of millions of rows never holds them all in Python (an ORDER BY over them still makes DuckDB
        hold them all: see docs/exports.md)."""
        relation = self.con.sql(sql, params=list(params) or None)
        fetch = getattr(relation, "to_arrow_reader", None) or relation.fetch_record_batch
        return fetch(batch_size)

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in SCHEMA}


_EVENT_FIELDS = tuple(f.name for f in fields(Event) if f.name != "trigger_token")
"""The stored fields of an event record (every field but the parse-only `trigger_token`)."""


def base_rows(results: Sequence) -> dict[str, list[dict]]:
    """The rows `Store.write` inserts for `results` (pipeline.ArticleResult), per base table."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    out: dict[str, list[dict]] = {t: [] for t in _BASE}
    for result in results:
        a = result.article
        out["articles"].append({
            "article_id": a.id, "content_hash": a.content_hash, "published": a.published, "outlet": a.outlet,
            "url": a.url, "title": a.title, "language": a.language, "path": a.path, "text": a.text,
            "warnings": json.dumps(list(a.warnings)), "story_id": None, "agency": None, "ingested_at": now,
        })
        for index, (start, end, kind) in enumerate(result.sentences):
            out["sentences"].append({"article_id": a.id, "sentence_index": index, "start": start, "end": end,
                                     "kind": kind, "text": a.text[start:end]})
        for r in result.removed:
            out["removed"].append({"article_id": a.id, "start": r.start, "end": r.end, "kind": r.kind, "text": r.text})
        starts = [start for start, _, _ in result.sentences]
        for m in result.mentions:
            actor = m.actor
            out["actor_mentions"].append({
                "article_id": a.id, "sentence_index": max(bisect.bisect_right(starts, m.start) - 1, 0), "start": m.start, "end": m.end, "text": m.text, "actor_id": actor.id,
                "code": actor.code, "country": actor.country, "sector": actor.sector, "name": actor.name,
                "kind": actor.kind, "office": actor.office, "provisional": actor.provisional, "how": m.how,
                "published": a.published,
            })
        for index, q in enumerate(result.quotes):
            speaker = q.speaker
            out["quotes"].append({
                "quote_id": f"{a.id}#q{index}", "article_id": a.id, "quote_index": index, "start": q.start,
                "end": q.end, "text": q.text, "kind": q.kind, "cue": q.cue, "cue_start": q.cue_start,
                "cue_end": q.cue_end, "speaker_text": q.speaker_text, "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end, "speaker_actor_id": getattr(speaker, "id", None),
                "speaker_code": getattr(speaker, "code", None), "speaker_name": getattr(speaker, "name", None),
                "speaker_office": getattr(speaker, "office", None), "speaker_how": q.speaker_how,
                "published": a.published,
            })
        for e in result.events:
            row = {name: getattr(e, name) for name in _EVENT_FIELDS}  # flat: asdict deep-copies
            row.update(mention_id=e.mention_id, event_id=None, outlet=a.outlet, root=e.root,
                       modality=",".join(e.modality), counted=e.counted)
            out["mentions"].append(row)
    return out


def as_of(store: Store) -> str | None:
    """When the data was last published (ISO time, UTC); for a database from before `sitrep_meta`,
    the last article's ingest time; None for an empty store."""
    try:
        rows = store.con.execute("SELECT value FROM sitrep_meta WHERE key = 'as_of'").fetchall()
    except Exception:  # noqa: BLE001 - no sitrep_meta table: an older database
        rows = []
    if rows:
        return rows[0][0]
    try:
        return store.con.execute("SELECT max(ingested_at) FROM articles").fetchall()[0][0]
    except Exception:  # noqa: BLE001 - not a sitrep database at all
        return None


def half_state(store: Store) -> str | None:
    """Why the derived tables are behind the base tables (an ingest that wrote in place was killed
    before its rebuild), or None when they agree."""
    counts = {}
    for table in ("articles", "mentions", "actor_mentions", "events", "actors", "stories"):
        try:
            counts[table] = store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        except Exception:  # noqa: BLE001 - a table missing: not a sitrep database yet
            return None
    for base, derived in (("mentions", "events"), ("actor_mentions", "actors"), ("articles", "stories")):
        if counts[base] and not counts[derived]:
            return f"{counts[base]} rows in {base} but none in {derived} (an ingest was interrupted)"
    published, last = as_of(store), None
    try:
        last = store.con.execute("SELECT max(ingested_at) FROM articles").fetchall()[0][0]
        has_meta = store.con.execute("SELECT count(*) FROM sitrep_meta").fetchall()[0][0] > 0
    except Exception:  # noqa: BLE001 - no sitrep_meta: an older database, judged by the counts alone
        has_meta = False
    if has_meta and published and last and last > published:
        return f"articles written at {last}, after the last rebuild at {published} (an ingest was interrupted)"
    return None
