"""The Python API: every CLI command and HTTP route calls one function here of the same name.

>>> import sitrep
>>> report = sitrep.ingest(["examples/"], db=":memory:")        # doctest: +SKIP
>>> sitrep.events(db=":memory:", dyad=("JPN", "PRK"))            # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from .read import Article, Rejected, article_from_text, iter_articles
from .store import Store

__all__ = [
    "IngestReport", "ingest", "events", "quotes", "actors", "stories", "explain", "code_text", "open_store",
    "where_clause",
]


@dataclass
class IngestReport:
    """What an ingest did: counts, and every rejected input with its reason."""

    read: int = 0
    written: int = 0
    unchanged: int = 0
    events: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 every input ingested (or unchanged), 1 some inputs rejected, 2 nothing read at all."""
        return 2 if not self.read else 1 if self.rejected else 0


def open_store(db: str | Path | Store | None = None, *, read_only: bool = False) -> Store:
    """A `Store` for `db` (a path, ":memory:", an open Store, or None for the default path)."""
    return db if isinstance(db, Store) else Store(db, read_only=read_only)


def ingest(
    paths: Iterable[str | Path],
    *,
    db: str | Path | Store | None = None,
    published: str | None = None,
    outlet: str | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
    actor_files: Sequence[str | Path] = (),
    lexicon_files: Sequence[str | Path] = (),
    dask: str | None = None,
) -> IngestReport:
    """Read, code and store articles. Unchanged articles are skipped; changed ones replaced.

    Bad inputs are reported in `IngestReport.rejected` (and the ``rejected`` table); the rest of the
    batch is ingested. After the batch, stories and merged events are rebuilt. `actor_files` and
    `lexicon_files` extend the shipped actor tables and verb lexicon with users' TSV files (formats in
    ``sitrep/data/actors/README.md`` and the header of ``sitrep/data/verbs.tsv``). Articles already
    stored are not re-coded when only these files change; re-ingest them into a fresh database.
    `dask` runs the coding on Dask ("synchronous", "threads", "processes" or a scheduler address; see
    docs/scale.md) with this process as the only writer.
    """
    from functools import partial

    from .checks import check_count, check_date

    published, _ = check_date(published, "published"), check_count(batch_size, "batch_size", minimum=1)
    if dask is not None:
        from . import distributed

        return distributed.ingest(paths, db=db, scheduler=dask, published=published, outlet=outlet,
                                  progress=progress, actor_files=actor_files, lexicon_files=lexicon_files)

    from .pipeline import process_batch

    options: dict = {}
    if actor_files:
        from .actors import ActorDictionary

        options["dictionary"] = ActorDictionary.from_files(*actor_files)
    if lexicon_files:
        from .lexicon import Lexicon

        options["lexicon"] = Lexicon.load(extra=lexicon_files)
    if options:
        process_batch = partial(process_batch, **options)
    from .writer import open_writer

    report = IngestReport()
    store = open_writer(db)
    try:
        batch: list[Article] = []
        for item in iter_articles(paths, published=published, outlet=outlet):
            if isinstance(item, Rejected):
                report.rejected.append(item)
                continue
            report.read += 1
            batch.append(item)
            if len(batch) >= batch_size:
                _ingest_batch(store, batch, report, process_batch, progress)
                batch = []
        _ingest_batch(store, batch, report, process_batch, progress)
        finish_ingest(store, report)
    finally:
        if not isinstance(db, Store):
            store.close()
    return report


def finish_ingest(store: Store, report: IngestReport) -> None:
    """Log the rejected inputs, rebuild the derived tables once (in one transaction: a store written in
    place never shows them half built), count the events and publish the new state to readers
    (`writer.publish`: the atomic swap of the work copy) on every ingest path."""
    from .writer import publish

    store.con.execute("BEGIN TRANSACTION")
    try:
        store.log_rejected(report.rejected)
        rebuild(store)
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise
    report.events = store.con.execute("SELECT count(*) FROM events WHERE counted").fetchall()[0][0]
    publish(store)


def _ingest_batch(store: Store, batch: list[Article], report: IngestReport, process_batch, progress) -> None:
    if not batch:
        return
    # Within one batch the last copy of an id wins, as a re-ingest would.
    unique = list({a.id: a for a in batch}.values())
    known = store.known_hashes([a.id for a in unique])
    todo = [a for a in unique if known.get(a.id) != a.content_hash]
    report.unchanged += len(batch) - len(todo)
    if todo:
        report.written += store.write(_code_or_isolate(todo, report, process_batch))
    if progress:
        progress(len(batch))


def _code_or_isolate(articles: list[Article], report: IngestReport, process_batch) -> list:
    """Code a batch; if the batch fails, code its articles one by one so one bad article (a parse
    the coder cannot handle) is reported with its error and the rest are stored."""
    try:
        return process_batch(articles)
    except Exception:  # noqa: BLE001 - any failure of one article must not lose the batch
        results = []
        for article in articles:
            try:
                results.extend(process_batch([article]))
            except Exception as error:  # noqa: BLE001
                report.rejected.append(Rejected(
                    article.path or article.id,
                    f"coding failed ({type(error).__name__}: {error}); the article was not stored, "
                    "please report it with this message"))
        return results


MENTION_ROWS_SQL = r"""
SELECT m.mention_id, m.article_id, a.story_id, m.outlet, m.source_code AS source, m.target_code AS target,
       m.root, m.code, m.date, m.date_precision, m.place_name AS place, m.confidence,
       coalesce(m.sentence_start < fb.first_end
                AND NOT regexp_matches(rtrim(split_part(ltrim(m.evidence), chr(10), 1)), '[.!?…"”»]$'),
                false) AS headline,
       m.evidence
FROM mentions m JOIN articles a USING (article_id)
LEFT JOIN (SELECT article_id, arg_min("end", start) AS first_end FROM sentences WHERE kind = 'body'
           GROUP BY article_id) fb USING (article_id)
"""
"""The rows `merge.merge_events` reads, one per coded mention: a mention is a headline when it lies in
the article's first body sentence and that sentence's first line ends without sentence punctuation;
its evidence finds its twins in other copies of the story."""


def rebuild(store: Store) -> None:
    """Rebuild the derived tables: stories, merged events, actors."""
    from . import merge
    from . import stories as story_stage

    texts = store.con.execute("SELECT article_id, text FROM articles ORDER BY article_id").fetchall()
    clusters = story_stage.cluster_articles(texts) if texts else []
    store.write_stories(clusters)
    rows = store.con.execute(MENTION_ROWS_SQL).fetchall()
    mention_rows = [merge.MentionRow(*row) for row in rows]
    store.con.execute("UPDATE mentions SET event_id = NULL")
    store.rebuild_events(merge.merge_events(mention_rows) if mention_rows else {})
    store.rebuild_actors()


def code_text(text: str, *, published: str | None = None, actors=None, id: str | None = None) -> list:
    """Code one text in memory (no database): the list of `code.Event`s it yields.

    >>> [e.code for e in code_text("Japan condemned North Korea.", published="2024-06-24")]  # doctest: +SKIP
    ['111']
    """
    from .pipeline import process_batch

    article = article_from_text(text, published=published, id=id)
    return list(process_batch([article], dictionary=actors)[0].events)


# -- queries ---------------------------------------------------------------------------------------


def events(
    *,
    db: str | Path | Store | None = None,
    actor: str | None = None,
    dyad: Sequence[str] | None = None,
    code: str | None = None,
    root: str | None = None,
    quad_class: int | None = None,
    plover: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    story: str | None = None,
    text: str | None = None,
    min_confidence: float = 0.0,
    include_all: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> pa.Table:
    """Events matching every filter given, newest first, as an Arrow table (``.to_pylist()`` for dicts).

    `actor` matches an actor code prefix on either side ("PRK" matches "PRKGOV"); `dyad` is
    (source, target) prefixes; negated, hypothetical and historical events are left out unless
    `include_all`. A bad argument (a negative `limit`, a date not YYYY-MM-DD) raises `UsageError`.
    """
    from .checks import check_confidence, check_count, check_date

    limit, offset = check_count(limit, "limit"), check_count(offset, "offset") or 0
    since, until = check_date(since, "since"), check_date(until, "until")
    check_confidence(min_confidence)
    if dyad is not None and (len(dyad) != 2 or not all(dyad)):
        from .errors import UsageError

        raise UsageError(f"dyad {dyad!r} should be a (source, target) pair of code prefixes, e.g. ('USA', 'PRK')")
    where, params = where_clause([
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
        ("confidence >= ?", [min_confidence] if min_confidence else None),
        ("counted", [] if not include_all else None),
    ])
    sql = "SELECT * FROM events" + where
    sql += " ORDER BY date DESC NULLS LAST, article_id, sentence_index, trigger_start"
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return _read(db, sql, params)


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
    from .checks import check_count, check_date

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
    from . import merge

    store = open_store(db, read_only=not isinstance(db, Store) and db != ":memory:")
    try:
        event = store.query("SELECT * FROM events WHERE event_id = ? OR best_mention_id = ?", [event_id, event_id]).to_pylist()
        if not event:
            from .errors import SitrepError

            raise SitrepError(f"no event {event_id!r}; list ids with `sitrep events --format csv`")
        event_id = event[0]["event_id"]
        rows = store.query(f"SELECT * FROM ({MENTION_ROWS_SQL}) WHERE mention_id IN "
                           "(SELECT mention_id FROM mentions WHERE event_id = ?)", [event_id]).to_pylist()
        mentions = store.query("SELECT * FROM mentions WHERE event_id = ? ORDER BY article_id, sentence_index", [event_id]).to_pylist()
        reasons = merge.explain_merge([merge.MentionRow(**r) for r in rows], event_id)
    finally:
        if not isinstance(db, Store):
            store.close()
    return {"event": event[0], "mentions": mentions, "reasons": reasons}


def where_clause(filters: Sequence[tuple[str, list | None]]) -> tuple[str, list]:
    """A SQL WHERE clause and its parameters from (condition, arguments) pairs; a filter whose
    arguments are None was not asked for and is left out. Every query of the views builds on this."""
    given = [(condition, args) for condition, args in filters if args is not None]
    sql = " WHERE " + " AND ".join(condition for condition, _ in given) if given else ""
    return sql, [arg for _, args in given for arg in args]


def _read(db, sql: str, params: list) -> pa.Table:
    if isinstance(db, Store):
        return db.query(sql, params)
    with open_store(db, read_only=db != ":memory:") as store:
        return store.query(sql, params)
