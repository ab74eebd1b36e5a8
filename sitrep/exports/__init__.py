"""Exports in the layouts analysts' tools already read: GDELT 2.0 events and mentions, ICEWS, POLECAT
(PLOVER JSON), and sitrep's own columns as Parquet, CSV or JSON Lines.

`write_export` stages:
1. register the lookup tables (countries with FIPS codes and names, sector names) on the connection;
2. build one SQL query: the format's layout (`layouts.LAYOUTS`) over the filtered events;
3. stream its rows from DuckDB as Arrow record batches into the format's writer (`writers`).

The filters arrive as the WHERE clause `api.event_where` built, with its parameters bound; this package
never formats a value into SQL. `sitrep.api.export` is the public door.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitrepError
from ..pgstore import PostgresStore
from ..pipeline.handoff import write_store
from ..store import Store
from . import writers
from .layouts import LAYOUTS, base_sql, countries_table, sectors_table

__all__ = ["FORMATS", "ExportReport", "write_export", "write_handoff", "export_sql"]

FORMATS: tuple[str, ...] = (*LAYOUTS, "handoff")
"""gdelt, gdelt-mentions, icews, polecat, csv, jsonl, parquet, and handoff (the base tables for
`sitrep load`, `sitrep.pipeline.handoff`)."""

_LOOKUPS = {"_export_countries": countries_table, "_export_sectors": sectors_table}

MEMORY_LIMIT = "1GB"
"""DuckDB's memory budget while exporting (its joins spill to disk past it), so an export of any size
stays near this budget plus one batch (docs/benchmarks.md)."""


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: the format, where, how many rows (events, or mentions for gdelt-mentions)
    and files (more than one for a month-partitioned Parquet folder)."""

    format: str
    out: Path
    rows: int
    files: int


def export_sql(format: str, where: str, *, order: Sequence[str], limit: int | None = None,
               months: bool = False) -> str:
    """The SELECT that writes `format` for events matching `where` (a clause of `api.event_where`);
    `months` adds the ``month`` column a partitioned Parquet folder is split by.

    Without `limit`, rows come in the store's order, unsorted: sorting wide rows is the one step that
    would need memory in proportion to the export (DuckDB could not spill it within a 400 MB budget on
    1 M events), and every reader sorts on its own terms. With `limit`, `order` picks the events kept
    (the newest, as in `sitrep events --limit`) and the at most `limit` rows come in that order, so a
    DuckDB and a PostgreSQL store write the same bytes (a join alone keeps no order).
    """
    layout = LAYOUTS.get(format)
    if layout is None:
        raise SitrepError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    select = layout.select + (",\n       left(ev.when_day, 7) AS month" if months else "")
    sql = f"SELECT {select}\nFROM ({base_sql(where, order=order, limit=limit)}) ev{layout.joins}"
    if layout.where:
        sql += f"\nWHERE {layout.where}"
    if limit is not None:
        sql += "\nORDER BY " + ", ".join(f"ev.{term}" for term in order)
    if format == "jsonl":
        sql = f"SELECT to_json(x)::VARCHAR || chr(10) AS record FROM ({sql}) x"
    return sql


def write_export(store: Store, format: str, *, out: Path, where: str, params: Sequence, order: Sequence[str],
                 limit: int | None = None, batch_size: int = 20_000, memory_limit: str = MEMORY_LIMIT) -> ExportReport:
    """Stream the events matching `where`/`params` from `store` into `out` in `format`.

    Parquet goes to one file when `out` ends in ``.parquet``, else to a folder partitioned by event month.
    The connection's memory limit is `memory_limit` while the export runs, and is restored after it.
    A PostgreSQL store's matching rows are first copied into a temporary DuckDB file (`_from_postgres`),
    so both stores write the same bytes with the same layouts.
    """
    if isinstance(store, PostgresStore):
        with _from_postgres(store, format, where=where, params=params, order=order, limit=limit,
                            batch_size=batch_size) as copy:
            return write_export(copy, format, out=out, where="", params=[], order=order, batch_size=batch_size,
                                memory_limit=memory_limit)
    months = format == "parquet" and out.suffix != ".parquet"
    sql = export_sql(format, where, order=order, limit=limit, months=months)
    (out if months else out.parent).mkdir(parents=True, exist_ok=True)
    # 1. lookups and the memory budget
    for name, build in _LOOKUPS.items():
        store.con.register(name, build())
    previous = store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    store.con.execute("SET memory_limit = ?", [memory_limit])
    reader = None
    try:
        # 2.-3. query and stream
        reader = store.stream(sql, params, batch_size=batch_size)
        files = 1
        if format in ("gdelt", "gdelt-mentions", "icews"):
            rows = writers.write_tsv(reader, out, header=format == "icews")
        elif format == "csv":
            rows = writers.write_csv(reader, out)
        elif format in ("jsonl", "polecat"):
            rows = writers.write_lines(reader, out)
        elif months:
            rows, files = writers.write_parquet_months(reader, out)
        else:
            rows = writers.write_parquet(reader, out)
    finally:
        if reader is not None:
            reader.close()  # an unfinished DuckDB result blocks the connection
        store.con.execute("SET memory_limit = ?", [previous])
        for name in _LOOKUPS:
            store.con.unregister(name)
    return ExportReport(format=format, out=out, rows=rows, files=files)


def write_handoff(store: Store, *, out: Path) -> ExportReport:
    """Write every base row of `store` as a Parquet hand-off in the folder `out` (`pipeline.handoff`),
    for `sitrep load` into another store; `rows` counts articles."""
    if out.suffix == ".parquet" or (out.exists() and not out.is_dir()):
        raise SitrepError(f"a hand-off is a folder; {out} is a file name: pass a folder, e.g. --out handoff/")
    out.mkdir(parents=True, exist_ok=True)
    rows, files = write_store(store, out)
    return ExportReport(format="handoff", out=out, rows=rows, files=files)


@contextmanager
def _from_postgres(store: PostgresStore, format: str, *, where: str, params: Sequence, order: Sequence[str],
                   limit: int | None, batch_size: int) -> Iterator[Store]:
    """A temporary DuckDB store holding what an export of `format` reads from `store`: the matching
    events (in page order, or the first `limit` in `order`), their articles and actors, and for the
    formats that read them their mentions; streamed across in batches."""
    events = f"SELECT * FROM events{where}" + (f" ORDER BY {', '.join(order)} LIMIT {int(limit)}" if limit is not None
                                              else " ORDER BY page_key")
    ids = f"SELECT event_id FROM ({events}) f"
    with_mentions = format in ("gdelt-mentions", "polecat")
    articles = f"SELECT article_id FROM ({events}) f"
    article_params = list(params)
    if with_mentions:
        articles += f" UNION SELECT article_id FROM mentions WHERE event_id IN ({ids})"
        article_params += list(params)
    copies = [("events", events, list(params)),
              ("articles", f"SELECT * FROM articles WHERE article_id IN ({articles})", article_params),
              ("actors", f"SELECT * FROM actors WHERE actor_id IN (SELECT source_actor_id FROM ({events}) f "
                         f"UNION SELECT target_actor_id FROM ({events}) g)", [*params, *params])]
    if with_mentions:
        copies.append(("mentions", f"SELECT * FROM mentions WHERE event_id IN ({ids})", list(params)))
    with tempfile.TemporaryDirectory(prefix="sitrep-export-") as folder:
        with Store(Path(folder) / "copy.duckdb") as copy:
            for table, sql, bound in copies:
                copy.con.execute(f"DELETE FROM {table}")
                for batch in store.stream(sql, bound, batch_size=batch_size):
                    copy.con.register("_batch", batch)
                    copy.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
                    copy.con.unregister("_batch")
            yield copy
