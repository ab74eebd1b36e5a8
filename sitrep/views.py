"""Views an analyst reads every day, built on `query.events`: pages, dyad trends, the actor network,
one article with all its evidence, one event with its mentions, new actors.

Each view is a pure function of an open `Store` that returns an Arrow table or a plain dict; the web
layer (`sitrep.web`), the situation report (`sitrep.report`) and the CLI render the same results.
Every event view starts from `query.events`, so a filter means the same thing everywhere; aggregation
then runs in DuckDB over that Arrow table.

The store is opened read-only and briefly (`reader`). `sitrep ingest` never holds this file: it writes a
copy and renames it over the file (`sitrep.writer`), so readers see the last finished ingest. Only a
foreign process writing the file in place makes readers wait a little and then get `StoreBusyError`.

>>> with reader("events.duckdb") as store:                              # doctest: +SKIP
...     dyad_trends(store, dyad=("USA", "PRK"), interval="month").to_pylist()
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa

from . import pgstore, query
from .errors import SitrepError, StoreError
from .store import EVENT_COLUMNS, Store

__all__ = [
    "Interval", "NotFoundError", "StoreBusyError", "reader", "event_filters", "events_page", "dyad_trends",
    "network", "article_with_evidence", "event_detail", "new_actors", "articles_index", "QUAD_CLASSES",
]

Interval = Literal["day", "week", "month"]
QUAD_CLASSES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}
_EVENT_FILTERS = ("actor", "dyad", "code", "root", "quad_class", "plover", "since", "until", "article", "story",
                  "text", "place", "modality", "min_confidence", "include_all", "kind")


class NotFoundError(SitrepError, LookupError):
    """An event, article or other id is not in the store."""


class StoreBusyError(StoreError):
    """Another process holds the database for writing (an ingest is running); try again shortly."""


@contextmanager
def reader(db: str | Path | Store, *, wait: float = 2.0) -> Iterator[Store]:
    """A short-lived read-only `Store` on `db`; while a process writes the file in place (not an ingest,
    which swaps a copy in), retried for up to `wait` seconds.

    An open `Store` is passed through (and left open). Raises `StoreBusyError` if the file stays
    locked, `StoreError` if there is no database.
    """
    if isinstance(db, Store):
        yield db
        return
    deadline, pause = time.monotonic() + wait, 0.05
    while True:
        try:
            store = pgstore.connect(db, read_only=True)
            break
        except StoreError as error:
            if not _is_lock(error):
                raise
            if time.monotonic() >= deadline:
                raise StoreBusyError(
                    f"{db} is being written by another process (an ingest?); DuckDB allows one writer per "
                    "file and no readers meanwhile. Retry when it finishes."
                ) from error
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
    try:
        yield store
    finally:
        store.close()


def _is_lock(error: StoreError) -> bool:
    cause = error.__cause__
    return isinstance(cause, duckdb.Error) and "lock" in str(cause).lower()


def event_filters(**given: Any) -> dict[str, Any]:
    """The `query.events` keyword filters among `given` (unset ones dropped), with `dyad` "A,B" split."""
    out = {k: v for k, v in given.items() if k in _EVENT_FILTERS and v not in (None, "", False)}
    if isinstance(out.get("dyad"), str):
        parts = [p.strip().upper() for p in out["dyad"].split(",")]
        if len(parts) != 2 or not any(parts):
            raise SitrepError(f"dyad {given['dyad']!r} should be SOURCE,TARGET, e.g. USA,PRK (or ,PRK for any source)")
        out["dyad"] = tuple(parts)
    return out


# -- events ------------------------------------------------------------------------------------


def events_page(store: Store, *, limit: int = 100, offset: int = 0, **filters: Any) -> dict[str, Any]:
    """One page of events matching `filters` (those of `query.events`, with `place` and `modality`).

    Returns ``{"total", "limit", "offset", "rows"}`` with `rows` the Arrow table `query.events` gives
    (each event with its article's `published`, `outlet`, `url`, title, `when_date`, `when_day` and
    `when_precision`); `total` counts every match, so a client can page. Both run in the store: the
    page reads its rows in the stored page order, the total is one count.
    """
    chosen = event_filters(**filters)
    rows = query.events(db=store, limit=limit, offset=offset, when=True, **chosen)
    total = _precounted_total(store, chosen)
    if total is None:
        total = query.count_events(db=store, **chosen)
    return {"total": total, "limit": limit, "offset": offset, "rows": rows}


def _precounted_total(store: Store, chosen: dict[str, Any]) -> int | None:
    """The page's total from ``event_network`` when its rows answer the filters exactly (a country
    dyad, `include_all`, or none: a count of 10 M events in PostgreSQL takes a second), else None; also
    None for a store indexed before the ``all`` rows existed."""
    if not _counted_only(chosen, {"dyad", "include_all"}):
        return None
    level = "country" if chosen.get("dyad") else "all"
    where, params = _counted_where(chosen, [("level = ?", [level])])
    total = store.query(f"SELECT sum(events)::BIGINT AS n FROM event_network{where}", params).column(0)[0].as_py()
    return None if total is None and level == "all" else int(total or 0)


_MEASURES = """sum(events)::BIGINT AS events, round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS mean_goldstein,
               sum(q1)::BIGINT AS q1, sum(q2)::BIGINT AS q2, sum(q3)::BIGINT AS q3, sum(q4)::BIGINT AS q4"""
_ROW_MEASURES = """events, round(goldstein_sum / nullif(goldstein_n, 0), 2) AS mean_goldstein, q1, q2, q3, q4,
                   articles::BIGINT AS articles"""
"""`_MEASURES` of one pre-counted row (the same values and types, without a GROUP BY)."""
_RAW_MEASURES = """count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4"""


def _counted_only(chosen: dict[str, Any], allowed: set[str]) -> bool:
    """Whether the pre-counted tables answer these filters exactly: only `allowed` filters given, and a
    dyad's sides no longer than a country code (the counts keep the first three letters)."""
    if set(chosen) - allowed:
        return False
    return all(len(side) <= 3 for side in chosen.get("dyad") or ())


def _counted_where(chosen: dict[str, Any], extra: Sequence[tuple[str, list | None]] = ()) -> tuple[str, list]:
    dyad = chosen.get("dyad")
    return query.where_clause([
        *extra,
        ("counted", [] if not chosen.get("include_all") else None),
        ("source LIKE ? AND target LIKE ?", [dyad[0] + "%", dyad[1] + "%"] if dyad else None),
    ])


def dyad_trends(store: Store, *, interval: Interval = "week", level: Literal["country", "code"] = "country",
                **filters: Any) -> pa.Table:
    """Events per (period, source, target): count, mean Goldstein and the QuadClass mix.

    `period` is the first day of the day/week (Monday)/month as YYYY-MM-DD; an event dated less
    precisely than the interval (a month-dated event in a weekly trend) is left out. Dyads are country-level ("JPN", taking
    the first three letters of the code) unless `level="code"`. A country-level weekly or monthly trend
    filtered by dyad alone sums the pre-counted ``event_trends`` rows; any other is one GROUP BY over
    the matching events, in the store.
    """
    if interval not in ("day", "week", "month"):
        raise SitrepError(f"interval {interval!r} should be day, week or month")
    chosen = event_filters(**filters)
    order = " GROUP BY 1, 2, 3 ORDER BY period, source, target"
    if level == "country" and interval != "day" and _counted_only(chosen, {"dyad", "include_all"}):
        where, params = _counted_where(chosen, [("interval = ?", [interval])])
        if chosen.get("include_all"):  # a row per counted flag: sum the two
            return store.query(f"SELECT period, source, target, {_MEASURES}, sum(articles)::BIGINT AS articles "
                               f"FROM event_trends{where}{order}", params)
        # counted events only: one row per (period, source, target) already, stored in this order since
        # the report's tables came (DuckDB returns a scan in stored order: sorting 866 k rows again cost
        # 0.15 s at 10 M events)
        stored = store.keeps_order and store.has_table("event_dyad_mentions")
        return store.query(f"SELECT period, source, target, {_ROW_MEASURES} FROM event_trends{where}"
                           + ("" if stored else " ORDER BY period, source, target"), params)
    where, params = query.event_where(**chosen)
    fits = {"day": "('day')", "week": "('day', 'week')", "month": "('day', 'week', 'month')"}[interval]
    where = (where + " AND" if where else " WHERE") + f" when_precision IN {fits} AND when_day IS NOT NULL"
    side = "{0}_code" if level == "code" else "left({0}_code, 3)"
    return store.query(f"""
        SELECT {store.period_sql(interval, "when_day")} AS period, {side.format('source')} AS source,
               {side.format('target')} AS target, {_RAW_MEASURES}, sum(num_articles)::BIGINT AS articles
        FROM events{where}{order}""", params)


def network(store: Store, *, level: Literal["country", "code"] = "country", **filters: Any) -> dict[str, Any]:
    """The actor network: nodes are actors, edges (source -> target) carry event counts and mean Goldstein.

    Returns ``{"nodes": Table(id, name, events), "edges": Table(source, target, events, mean_goldstein,
    q1..q4)}``; node names come from the actors table where one actor has that code, else (countries)
    from pycountry. Unfiltered (but for `include_all`) it sums the pre-counted ``event_network`` rows;
    filtered, it is one GROUP BY over the matching events. Nodes rank the actors: the top actors.
    """
    chosen = event_filters(**filters)
    order = " GROUP BY 1, 2 ORDER BY events DESC, source, target"
    if _counted_only(chosen, {"include_all"}):
        where, params = _counted_where(chosen, [("level = ?", [level])])
        edges = store.query(f"SELECT source, target, {_MEASURES} FROM event_network{where}{order}", params)
    else:
        where, params = query.event_where(**chosen)
        where = (where + " AND" if where else " WHERE") + " source_code IS NOT NULL AND target_code IS NOT NULL"
        side = "{0}_code" if level == "code" else "left({0}_code, 3)"
        edges = store.query(f"SELECT {side.format('source')} AS source, {side.format('target')} AS target, "
                            f"{_RAW_MEASURES} FROM events{where}{order}", params)
    names = store.query("""
        SELECT code, max(name) AS name FROM (
            SELECT code, CASE WHEN kind = 'country' OR count(DISTINCT name) = 1 THEN any_value(name) END AS name
            FROM actors WHERE code IS NOT NULL GROUP BY code, kind) n
        GROUP BY code""")
    nodes = _nodes(edges, dict(zip(names["code"].to_pylist(), names["name"].to_pylist(), strict=True)))
    if level == "country":
        nodes = nodes.set_column(1, "name", pa.array([n or _country_name(i) for i, n in
                                                      zip(nodes["id"].to_pylist(), nodes["name"].to_pylist(), strict=True)], pa.string()))
    return {"nodes": nodes, "edges": edges}


def _nodes(edges: pa.Table, names: dict[str, str | None]) -> pa.Table:
    """Each end of the edges with its name and its events (as source and as target), most first."""
    totals: dict[str, int] = {}
    for column in ("source", "target"):
        for end, count in zip(edges[column].to_pylist(), edges["events"].to_pylist(), strict=True):
            totals[end] = totals.get(end, 0) + count
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return pa.table({"id": pa.array([i for i, _ in ranked], pa.string()),
                     "name": pa.array([names.get(i) for i, _ in ranked], pa.string()),
                     "events": pa.array([n for _, n in ranked], pa.int64())})


def _country_name(code: str | None) -> str | None:
    """A readable name for an ISO-3 code ("CHN" -> "China"), or None for organisations and sectors."""
    import pycountry

    if code == "IGO":
        return "international organisations"
    country = pycountry.countries.get(alpha_3=code) if code and len(code) == 3 else None
    return getattr(country, "common_name", None) or getattr(country, "name", None) if country else None


def new_actors(store: Store, *, since: str | None = None, until: str | None = None) -> pa.Table:
    """Actors first seen (earliest article mentioning them) inside [since, until], earliest first.

    `first_articles` lists the articles of that first day, to cite.
    """
    where, params = query.where_clause([
        ("first_seen IS NOT NULL", []),
        ("first_seen >= ?", [since] if since else None),
        ("left(first_seen, 10) <= ?", [until] if until else None),
    ])
    return store.query(f"""
        SELECT actor_id, code, name, kind, office, aliases, num_mentions, num_articles, first_seen, last_seen,
               (SELECT list(DISTINCT m.article_id ORDER BY m.article_id) FROM actor_mentions m
                WHERE m.actor_id = actors.actor_id AND m.published = actors.first_seen) AS first_articles
        FROM actors{where} ORDER BY first_seen, num_mentions DESC, actor_id""", params)


def articles_index(store: Store, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Citation metadata (outlet, url, title, published) of each article id."""
    if not article_ids:
        return {}
    ids = list(dict.fromkeys(article_ids))  # IN (?, ...) is a hash probe; list_contains ran per row (70 ms at 1 M)
    rows = store.query("SELECT article_id, outlet, url, title, published FROM articles "
                       f"WHERE article_id IN ({', '.join('?' for _ in ids)})", ids).to_pylist()
    return {r["article_id"]: r for r in rows}


# -- evidence ------------------------------------------------------------------------------------


def article_with_evidence(store: Store, article_id: str) -> dict[str, Any]:
    """One article's raw text with every piece of evidence, as character offsets into that text.

    Keys: ``article`` (metadata and ``text``), ``sentences``, ``removed`` (debris and captions taken
    out before coding), ``events`` (each coded mention: sentence, trigger, source and target spans,
    its merged ``event_id``), ``quotes`` (quote, cue and speaker spans) and ``actor_mentions``.
    """
    article = store.query("SELECT article_id, published, outlet, url, title, language, story_id, agency, text "
                          "FROM articles WHERE article_id = ?", [article_id]).to_pylist()
    if not article:
        raise NotFoundError(f"no article {article_id!r}; list article ids with /api/events or `sitrep events`")
    one = [article_id]
    return {
        "article": article[0],
        "sentences": store.query("SELECT sentence_index, start, \"end\", kind FROM sentences WHERE article_id = ? "
                                 "ORDER BY start", one).to_pylist(),
        "removed": store.query("SELECT start, \"end\", kind FROM removed WHERE article_id = ? ORDER BY start",
                               one).to_pylist(),
        "events": store.query("""
            SELECT mention_id, event_id, code, name, goldstein, quad_class, plover_event, source_code, target_code,
                   source_text, source_start, source_end, target_text, target_start, target_end, trigger,
                   trigger_start, trigger_end, sentence_index, sentence_start, sentence_end, evidence, modality,
                   counted, confidence, date, place_name
            FROM mentions WHERE article_id = ? ORDER BY sentence_start, trigger_start""", one).to_pylist(),
        "quotes": store.query("""
            SELECT quote_id, start, "end", text, kind, cue, cue_start, cue_end, speaker_text, speaker_start,
                   speaker_end, speaker_code, speaker_name, speaker_office
            FROM quotes WHERE article_id = ? ORDER BY start""", one).to_pylist(),
        "actor_mentions": store.query("""
            SELECT start, "end", text, actor_id, code, name, kind, office FROM actor_mentions
            WHERE article_id = ? ORDER BY start""", one).to_pylist(),
    }


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """One event (by event or mention id) with every mention and its article, and why they were merged.

    Keys: ``event``, ``mentions`` (each with ``outlet``, ``url``, ``title``, ``published``) and
    ``reasons`` (from `query.explain`; None with ``reasons_error`` set if explaining failed).
    """
    event = store.query(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE event_id = ? OR best_mention_id = ?",
                        [event_id, event_id]).to_pylist()
    if not event:
        raise NotFoundError(f"no event {event_id!r}; list event ids with /api/events or `sitrep events --format csv`")
    event_id = event[0]["event_id"]
    mentions = store.query("""
        SELECT m.*, a.url, a.title AS article_title, a.published, a.story_id
        FROM mentions m JOIN articles a USING (article_id)
        WHERE m.event_id = ? ORDER BY m.article_id, m.sentence_index""", [event_id]).to_pylist()
    result: dict[str, Any] = {"event": event[0], "mentions": mentions, "reasons": None}
    try:
        result["reasons"] = query.explain(event_id, db=store)["reasons"]
    except Exception as error:  # explain recomputes the merge; a failure there must not hide the event
        result["reasons_error"] = f"{type(error).__name__}: {error}"
    return result
