"""Queries over the store: one function per table an analyst reads, each a filtered, ordered SELECT.

The CLI, the HTTP API, the views and the report all go through these, so a filter means the same
thing everywhere. Filters are bound as parameters, never formatted into SQL.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypedDict, Unpack

import pyarrow as pa

from . import pgstore
from .checks import check_confidence, check_count, check_date
from .corpus import explain_merge, mention_rows
from .errors import SitrepError, UsageError
from .store import EVENT_COLUMNS, Store
from .tables import cameo as _cameo
from .tables import kinds as _kinds

__all__ = ["EVENT_ORDER", "EventFilters", "actors", "count_events", "csv_text", "dyad_quotes", "event_where", "events",
           "explain", "iter_events",
           "open_store", "quotes", "reading", "stories", "summary", "where_clause"]


def open_store(db: str | Path | Store | None = None, *, read_only: bool = False) -> Store:
    """A `Store` for `db` (a path, ":memory:", a ``postgresql://`` address, an open Store, or None for
    the default path)."""
    return pgstore.connect(db, read_only=read_only)


@contextmanager
def reading(db: str | Path | Store | None = None) -> Iterator[Store]:
    """The store to read `db` from: an open `Store` as it is (its owner closes it), else the file opened
    read-only (":memory:" read-write) for the block and closed after it."""
    if isinstance(db, Store):
        yield db
        return
    with open_store(db, read_only=str(db) != ":memory:") as store:
        yield store


def events(*, db: str | Path | Store | None = None, limit: int | None = None, offset: int = 0, when: bool = False,
           **filters: Unpack[EventFilters]) -> pa.Table:
    """Events matching every filter given, newest first, as an Arrow table (``.to_pylist()`` for dicts):
    the one query behind `sitrep events`, ``/api/events``, the explorer and the report.

    The filters are `EventFilters` (the parameters of `event_where`): `actor` matches an actor code prefix on either side ("PRK" matches "PRKGOV"); `dyad` is
    (source, target) prefixes; negated, hypothetical and historical events are left out unless
    `include_all`; `kind` is a plain word of `sitrep/data/kinds.tsv` ("criticism"). A bad argument (a
    negative `limit`, a date not YYYY-MM-DD) raises `UsageError`.

    Each row has the event's columns (`EVENT_COLUMNS`) and its article's `published`, `outlet`, `url`
    and `article_title`; `when` adds the explorer's `when_date` (the event date, else the publication
    date), `when_day` (the first day of that date's period, so "2024-W25" -> "2024-06-17") and
    `when_precision` (day/week/month/year).
    Newest first means by `when_day`, then by position in the article. Paging (`limit`, `offset`) runs
    in the store, which keeps the events in this order: a page costs the same at any store size.
    """
    limit, offset = check_count(limit, "limit"), check_count(offset, "offset") or 0
    where, params = event_where(**filters)
    page = f"SELECT * FROM events{where} ORDER BY page_key"
    if limit is not None:
        page += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    elif offset:
        page += f" OFFSET {int(offset)}"
    dates = ", coalesce(e.date, a.published) AS when_date, e.when_day, e.when_precision" if when else ""
    sql = f"""SELECT {_ROW_COLUMNS}{dates}
              FROM ({page}) e LEFT JOIN articles a ON a.article_id = e.article_id ORDER BY e.page_key"""
    return _read(db, sql, params)


_ROW_COLUMNS = ", ".join(f"e.{c}" for c in EVENT_COLUMNS) + ", a.published, a.outlet, a.url, a.title AS article_title"
"""What one row of `events` and `iter_events` holds: the event, then its article's citation."""


def count_events(*, db: str | Path | Store | None = None, **filters: Unpack[EventFilters]) -> int:
    """How many events `events` lists for the same `filters` (a page's total), counted in the store."""
    where, params = event_where(**filters)
    return int(_read(db, "SELECT count(*) AS n FROM events" + where, params).column(0)[0].as_py())


def csv_text(table: pa.Table) -> str:
    """The one CSV rendering of a result (the CLI's ``--format csv`` and the HTTP API's ``format=csv``):
    RFC 4180 with a header; a list value (aliases, article ids) as "a; b"."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=table.column_names)
    writer.writeheader()
    for row in table.to_pylist():
        writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
    return buffer.getvalue()


class EventFilters(TypedDict, total=False):
    """The filters of `events`, shared by `event_where`, `iter_events` and `export` (same meanings)."""

    actor: str | None
    dyad: Sequence[str] | None
    code: str | None
    root: str | None
    quad_class: int | None
    plover: str | None
    since: str | None
    until: str | None
    kind: str | None
    article: str | None
    story: str | None
    text: str | None
    place: str | None
    modality: str | None
    min_confidence: float
    include_all: bool


EVENT_ORDER = ("date DESC NULLS LAST", "article_id", "sentence_index", "trigger_start", "event_id")
"""The order of every event list: newest first, then by position in the article (the event id
breaks the last ties, so the same store lists the same order every time)."""


def event_where(
    *,
    actor: str | None = None,
    dyad: Sequence[str] | None = None,
    code: str | None = None,
    root: str | None = None,
    quad_class: int | None = None,
    plover: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    article: str | None = None,
    story: str | None = None,
    text: str | None = None,
    place: str | None = None,
    modality: str | None = None,
    min_confidence: float = 0.0,
    include_all: bool = False,
) -> tuple[str, list]:
    """The WHERE clause over the ``events`` table (and its bound parameters) for the filters of `events`:
    the one definition of what a filter means, and the one place filters are checked (a date not
    YYYY-MM-DD, a confidence outside 0-1 or a dyad that is not a pair raises `UsageError`), for lists,
    summaries, streams and exports alike. `place` matches words of the place name or its ISO-3 country;
    `modality` one of the flags (negated, hypothetical, future, attributed, historical)."""
    since, until = check_date(since, "since"), check_date(until, "until")
    check_confidence(min_confidence)
    if dyad is not None and len(dyad) != 2:
        raise UsageError(f"dyad {dyad!r} should be a (source, target) pair of code prefixes, e.g. ('USA', 'PRK')")
    return where_clause([
        _kind_filter(kind),
        ("(source_code LIKE ? OR target_code LIKE ? OR source_actor_id = ? OR target_actor_id = ?)",
         [actor + "%", actor + "%", actor, actor] if actor else None),
        ("source_code LIKE ? AND target_code LIKE ?", [dyad[0] + "%", dyad[1] + "%"] if dyad else None),
        ("code LIKE ?", [code + "%"] if code else None),
        ("root = ?", [root.zfill(2)] if root else None),
        ("quad_class = ?", [quad_class] if quad_class is not None else None),
        ("plover_event = ?", [plover.upper()] if plover else None),
        ("date >= ?", [since] if since else None),
        ("left(date, 10) <= ?", [until] if until else None),
        ("event_id IN (SELECT event_id FROM mentions WHERE article_id = ?)", [article] if article else None),
        ("event_id IN (SELECT m.event_id FROM mentions m JOIN articles a USING (article_id) WHERE a.story_id = ?)",
         [story] if story else None),
        ("evidence ILIKE ?", [f"%{text}%"] if text else None),
        ("(strpos(lower(coalesce(place_name, '')), ?) > 0 OR place_country = ?)",
         [place.lower(), place.upper()] if place else None),
        ("strpos(coalesce(modality, ''), ?) > 0", [modality.lower()] if modality else None),
        ("confidence >= ?", [min_confidence] if min_confidence else None),
        ("counted", [] if not include_all else None),
    ])


def iter_events(*, db: str | Path | Store | None = None, batch_size: int = 100_000,
                **filters: Unpack[EventFilters]) -> Iterator[pa.RecordBatch]:
    """The rows `events` returns for the same `filters`, as Arrow record batches of at most `batch_size`
    rows, in the store's order: memory stays bounded however many events match (sorting them would not:
    see docs/exports.md).

    >>> sum(batch.num_rows for batch in iter_events(db="events.duckdb", dyad=("USA", "PRK")))  # doctest: +SKIP
    """
    where, params = event_where(**filters)
    with reading(db) as store:
        yield from store.stream(f"SELECT {_ROW_COLUMNS} FROM (SELECT * FROM events{where}) e "
                                "LEFT JOIN articles a ON a.article_id = e.article_id", params, batch_size=batch_size)


def summary(*, db: str | Path | Store | None = None, limit: int | None = None,
            **filters: Unpack[EventFilters]) -> pa.Table:
    """Events per dyad and type in a period, most frequent first: the table every analyst builds first.

    One row per (source, target, CAMEO root, PLOVER type) with `events`, `articles` (summed over the
    events), mean `goldstein`, and the `first` and `last` event dates. Filters mean what they mean in
    `events`; the counting is one GROUP BY in the store.

    >>> summary(db="events.duckdb", kind="criticism", since="1998-08-01").to_pylist()[0]   # doctest: +SKIP
    {'source_code': 'USAGOV', 'target_code': 'AFG', 'root': '11', 'type': 'DISAPPROVE', ...}
    """
    where, params = event_where(**filters)
    sql = f"""
        SELECT source_code, target_code, root, plover_event, count(*) AS events,
               sum(num_articles)::BIGINT AS articles, round(avg(goldstein), 1) AS goldstein,
               min(date) AS first, max(date) AS last
        FROM events{where}
        GROUP BY source_code, target_code, root, plover_event
        ORDER BY events DESC, articles DESC, source_code NULLS LAST, target_code NULLS LAST, root
    """
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    table = _read(db, sql, params)
    names = [_cameo.lookup(r).name if r and _cameo.is_valid(r) else None for r in table["root"].to_pylist()]
    return table.add_column(3, "type", pa.array(names, pa.string()))


def quotes(
    *,
    db: str | Path | Store | None = None,
    speaker: str | None = None,
    actor: str | None = None,
    article: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> pa.Table:
    """Quotes with their speakers; `speaker` matches the speaker's text or name, `actor` its code."""
    limit, since, until = check_count(limit, "limit"), check_date(since, "since"), check_date(until, "until")
    where, params = where_clause([
        ("(speaker_text ILIKE ? OR speaker_name ILIKE ?)", [f"%{speaker}%", f"%{speaker}%"] if speaker else None),
        ("(speaker_code LIKE ? OR speaker_actor_id = ?)", [actor + "%", actor] if actor else None),
        ("article_id = ?", [article] if article else None),
        ("published >= ?", [since] if since else None),
        ("published <= ?", [until] if until else None),
    ])
    sql = "SELECT * FROM quotes" + where
    sql += " ORDER BY published DESC, article_id, start"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _read(db, sql, params)


def dyad_quotes(
    *,
    db: str | Path | Store | None = None,
    dyad: Sequence[str],
    since: str | None = None,
    until: str | None = None,
) -> pa.Table:
    """Quotes of one dyad: said by a source-side speaker and either naming a target-side actor inside
    the quote or carrying an event of the dyad. An empty side ("", "USA") matches any actor."""
    source, target = (dyad[0] or "") + "%", (dyad[1] or "") + "%"
    where, params = where_clause([
        ("q.speaker_code LIKE ?", [source]),
        ("""(EXISTS (SELECT 1 FROM actor_mentions a WHERE a.article_id = q.article_id AND a.start >= q.start
                     AND a."end" <= q."end" AND a.code LIKE ?)
             OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND m.quote_index = q.quote_index
                        AND m.source_code LIKE ? AND m.target_code LIKE ?))""", [target, source, target]),
        ("q.published >= ?", [since] if since else None),
        ("q.published <= ?", [until] if until else None),
    ])
    return _read(db, "SELECT q.* FROM quotes q" + where + " ORDER BY q.published DESC, q.article_id, q.start", params)


def actors(*, db: str | Path | Store | None = None, country: str | None = None, kind: str | None = None) -> pa.Table:
    """Canonical actors seen in the store, most mentioned first."""
    where, params = where_clause([
        ("country = ?", [country] if country else None),
        ("kind = ?", [kind] if kind else None),
    ])
    sql = "SELECT * FROM actors" + where + " ORDER BY num_mentions DESC, actor_id"
    return _read(db, sql, params)


def stories(*, db: str | Path | Store | None = None) -> pa.Table:
    """Stories (clusters of syndicated copies), largest first."""
    return _read(db, "SELECT * FROM stories ORDER BY num_articles DESC, story_id", [])


def explain(event_id: str, *, db: str | Path | Store | None = None) -> dict:
    """Why an event's mentions were merged: the event, its mentions and the merge reasons."""
    with reading(db) as store:
        event = store.query(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE event_id = ? OR best_mention_id = ?",
                            [event_id, event_id]).to_pylist()
        if not event:
            raise SitrepError(f"no event {event_id!r}; list ids with `sitrep events --format csv`")
        event_id = event[0]["event_id"]
        mentions = store.query("SELECT * FROM mentions WHERE event_id = ? ORDER BY article_id, sentence_index", [event_id]).to_pylist()
        reasons = explain_merge(mention_rows(store, event_id), event_id)
        coding = _coding(store, mentions)
    return {"event": event[0], "mentions": mentions, "reasons": reasons, "coding": coding}


def _kind_filter(kind: str | None) -> tuple[str, list | None]:
    """The (condition, arguments) of a plain-word kind: its CAMEO code prefixes, any of them."""
    if not kind:
        return "", None
    prefixes = _kinds.codes_for(kind)
    return "(" + " OR ".join("code LIKE ?" for _ in prefixes) + ")", [p + "%" for p in prefixes]


MODALITY_MEANINGS = {
    "negated": "negated (not, no, never, refused)",
    "hypothetical": "not asserted (could/might/if, a condition, belief, forecast, hearsay or an attempt)",
    "future": "announced or scheduled (will, plans to)",
    "attributed": "reported speech",
    "historical": "dated more than 60 days before publication",
}
"""What each modality flag of a mention means, as `explain` prints it."""


def _coding(store: Store, mentions: list[dict]) -> dict[str, dict]:
    """Why each mention has its code and actors, from what the store holds: the lexicon pattern that
    matched, each side's actor mention (its text and `how`: dictionary, title, metonym, coref, pronoun,
    dateline ...), the quote an attributed event lies in, and the modality flags with their meaning."""
    out: dict[str, dict] = {}
    for m in mentions:
        sides = {}
        for side in ("source", "target"):
            found = store.query(
                """SELECT text, actor_id, code, name, office, how, provisional FROM actor_mentions
                   WHERE article_id = ? AND start <= ? AND "end" >= ? ORDER BY "end" - start LIMIT 1""",
                [m["article_id"], m[f"{side}_start"], m[f"{side}_end"]]).to_pylist() if m[f"{side}_start"] is not None else []
            sides[side] = found[0] if found else None
        quote = None
        if m.get("quote_index") is not None:
            rows = store.query("SELECT text, cue, speaker_text, speaker_code FROM quotes WHERE article_id = ? AND quote_index = ?",
                               [m["article_id"], m["quote_index"]]).to_pylist()
            quote = rows[0] if rows else None
        flags = [f for f in (m.get("modality") or "").replace(";", ",").split(",") if f.strip()]
        out[m["mention_id"]] = {"pattern": m.get("pattern"), "trigger": m.get("trigger"), "sides": sides, "quote": quote,
                                "modality": {f.strip(): MODALITY_MEANINGS.get(f.strip(), f.strip()) for f in flags},
                                "date_text": m.get("date_text"), "date_precision": m.get("date_precision")}
    return out


def where_clause(filters: Sequence[tuple[str, list | None]]) -> tuple[str, list]:
    """A SQL WHERE clause and its parameters from (condition, arguments) pairs; a filter whose
    arguments are None was not asked for and is left out. Every query of the views builds on this."""
    given = [(condition, args) for condition, args in filters if args is not None]
    sql = " WHERE " + " AND ".join(condition for condition, _ in given) if given else ""
    return sql, [arg for _, args in given for arg in args]


def _read(db: str | Path | Store | None, sql: str, params: list) -> pa.Table:
    with reading(db) as store:
        return store.query(sql, params)
