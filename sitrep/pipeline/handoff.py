"""The Parquet hand-off: coded articles as Parquet files partitioned by event month, which any store loads.

A hand-off is a folder holding one hive-partitioned Parquet dataset per base table (`store.BASE_TABLES`):

```
handoff/
  articles/month=2024-06/part-3f2a....parquet     the article rows (month: its publication month)
  sentences/month=2024-06/...  removed/...  actor_mentions/...  quotes/...     (the article's month)
  mentions/month=2024-05/part-3f2a....parquet     coded mentions, by the month of the event's own date
```

Every row carries its article's `content_hash`, so a hand-off holding two versions of an article (one
re-coded after it changed) loads the newer one whole. Two writers make one:

- `Handoff`, the sink of the Dask runner (`distributed.ingest(..., handoff=FOLDER)`): each finished
  partition is written as its own files (named by a digest of its article ids, written to a temporary
  name and renamed, so a killed run leaves whole files), and a re-run skips the articles already there;
- `write_store`, behind ``sitrep export --format handoff``: a store's base rows, to move them into
  another store (a DuckDB file into the team's PostgreSQL).

`load` (``sitrep load PATH``) puts a hand-off into a store, DuckDB or PostgreSQL: each article's rows
replace the rows the store holds for it (so loading twice never duplicates a row), then the derived
tables are rebuilt once, as an ingest does, so the store holds the events an ingest of the same articles
would. Files are read with pyarrow and bulk-inserted (COPY in PostgreSQL); no path reaches SQL. A file
that cannot be read is named in a one-line rejection and the others load; an article whose ``articles``
row was in such a file is left out with all its rows.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import pyarrow as pa

from ..errors import StoreError
from ..pgstore import PostgresStore, copy_in
from ..records import Rejected
from ..store import BASE_TABLES, SCHEMA, Store, arrow_schema, base_rows

__all__ = ["HANDOFF_TABLES", "Handoff", "month_of", "handoff_files", "load_into", "write_store"]

HANDOFF_TABLES: tuple[str, ...] = BASE_TABLES
"""The tables a hand-off carries: the base tables; the derived ones are rebuilt by `load_into`."""

UNDATED = "undated"
"""The month partition of rows with no date at all."""

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def month_of(when: str | None) -> str:
    """The month (YYYY-MM) of the first day of a sitrep date of any precision, as the store's
    ``when_day`` reads it: "2024-06-19" -> "2024-06", "2024-W01" -> "2024-01" (its Monday, 1 January),
    "2019" -> "2019-01"; `UNDATED` for None or anything else.

    >>> month_of("2024-W27"), month_of("2024-05"), month_of(None)
    ('2024-07', '2024-05', 'undated')
    """
    if not when:
        return UNDATED
    week = _WEEK.match(when)
    if week:
        try:
            return date.fromisocalendar(int(week[1]), int(week[2]), 1).strftime("%Y-%m")
        except ValueError:
            return UNDATED
    month = _MONTH.match(when)
    if month:
        return f"{month[1]}-{month[2]}"
    return f"{when}-01" if re.fullmatch(r"\d{4}", when) else UNDATED


def _schema(table: str) -> pa.Schema:
    """The schema of a hand-off file of `table`: the table's columns, plus `content_hash` on every table."""
    schema = arrow_schema(table)
    return schema if "content_hash" in schema.names else schema.append(pa.field("content_hash", pa.string()))


# -- writing -----------------------------------------------------------------------------------------


class Handoff:
    """A hand-off folder as the sink of an ingest: `write` stores coded results as Parquet files,
    `known_hashes` says which articles it holds already (so a re-run skips them)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._known: dict[str, str] | None = None

    def known_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Content hash of each of `article_ids` the hand-off holds (the newest copy's)."""
        if self._known is None:
            self._known = {}
            for path in sorted(self.folder.glob("articles/*/*.parquet")):
                try:
                    rows = _read(path, ("article_id", "content_hash", "ingested_at"))
                except StoreError:
                    continue  # `load_into` names it; here it only means "not written yet"
                for row in sorted(rows.to_pylist(), key=lambda r: r["ingested_at"] or ""):
                    self._known[row["article_id"]] = row["content_hash"]
        return {i: self._known[i] for i in article_ids if i in self._known}

    def write(self, results: Sequence) -> int:
        """Write `results` (pipeline.ArticleResult) as one file per table and month; the articles written."""
        if not results:
            return 0
        rows = base_rows(results)
        digest = hashlib.sha1("\n".join(sorted(r.article.id for r in results)).encode()).hexdigest()[:16]
        hashes = {r.article.id: r.article.content_hash for r in results}
        published = {r.article.id: r.article.published for r in results}
        for table in HANDOFF_TABLES:
            by_month: dict[str, list[dict]] = {}
            for row in rows[table]:
                row.setdefault("content_hash", hashes[row["article_id"]])
                when = row.get("date") if table == "mentions" else None
                by_month.setdefault(month_of(when or published[row["article_id"]]), []).append(row)
            for month, month_rows in by_month.items():
                _write_file(self.folder / table / f"month={month}" / f"part-{digest}.parquet",
                            pa.Table.from_pylist(month_rows, schema=_schema(table)))
        if self._known is not None:
            self._known.update(hashes)
        return len(results)

    def close(self) -> None:
        """Nothing to release: every file is complete once `write` returns."""


def _write_file(path: Path, table: pa.Table) -> None:
    """Write `table` to `path` whole or not at all (a temporary name, then an atomic rename)."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    pq.write_table(table, str(partial))
    os.replace(partial, path)


def write_store(store: Store, folder: Path, *, batch_size: int = 50_000) -> tuple[int, int]:
    """Write every base row of `store` to a hand-off in `folder` (`sitrep export --format handoff`), one
    dataset per table partitioned by month, streamed in batches; returns (article rows, files)."""
    import pyarrow.dataset as ds

    articles, files = 0, 0
    for table in HANDOFF_TABLES:
        columns = ", ".join(f't."{n}"' for n in SCHEMA[table])
        if table == "articles":
            month = f"coalesce(left({store.first_day_sql('t.published')}, 7), '{UNDATED}')"
            sql = f"SELECT {columns}, {month} AS month FROM articles t"
        else:
            when = "coalesce(t.date, a.published)" if table == "mentions" else "a.published"
            month = f"coalesce(left({store.first_day_sql(when)}, 7), '{UNDATED}')"
            sql = (f"SELECT {columns}, a.content_hash, {month} AS month FROM {table} t "
                   "JOIN articles a ON a.article_id = t.article_id")
        for stale in (folder / table).glob("month=*/part-*.parquet"):
            stale.unlink()  # a month this export no longer has must not be loaded again
        reader = store.stream(sql, batch_size=batch_size)
        schema = _schema(table).append(pa.field("month", pa.string()))
        written: list[str] = []
        counted = [0]

        def batches(reader: pa.RecordBatchReader = reader, schema: pa.Schema = schema) -> Iterator[pa.RecordBatch]:
            for batch in reader:
                counted[0] += batch.num_rows
                yield from (pa.Table.from_batches([batch]).cast(schema).to_batches() if batch.schema != schema else [batch])

        try:
            ds.write_dataset(batches(), str(folder / table), schema=schema, format="parquet",
                             partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
                             basename_template="part-{i}.parquet", existing_data_behavior="delete_matching",
                             file_visitor=lambda f, written=written: written.append(f.path))
        finally:
            reader.close()
        files += len(written)
        if table == "articles":
            articles = counted[0]
    return articles, files


# -- loading -----------------------------------------------------------------------------------------


def handoff_files(folder: str | Path) -> dict[str, list[Path]]:
    """The Parquet files of each hand-off table under `folder`, sorted; raises `StoreError` when
    `folder` holds no hand-off at all."""
    root = Path(folder)
    if not root.is_dir():
        raise StoreError(f"no hand-off folder at {root}; write one with `sitrep export --format handoff --out {root}`")
    found = {table: sorted(p for p in (root / table).rglob("*.parquet") if p.is_file()) for table in HANDOFF_TABLES}
    if not any(found.values()):
        raise StoreError(f"{root} holds no hand-off (no {'/, '.join(HANDOFF_TABLES)}/ folders of Parquet files); "
                         "an events export (`--format parquet`) cannot be loaded: it lacks the mentions")
    return found


def _read(path: Path, columns: Sequence[str]) -> pa.Table:
    """The `columns` of one hand-off file, or `StoreError` saying in one line why it cannot be read."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(str(path), columns=None)
    except (OSError, pa.ArrowException) as error:
        raise StoreError(f"not a readable Parquet file ({str(error).splitlines()[0]})") from error
    missing = [c for c in columns if c not in table.column_names]
    if missing:
        raise StoreError(f"lacks the column(s) {', '.join(missing)}; is it a sitrep hand-off file?")
    return table.select(list(columns))


def _staging(table: str) -> str:
    return f"load_{table}"


def load_into(store: Store, folder: str | Path) -> tuple[int, int, list[Rejected]]:
    """Load the hand-off in `folder` into `store`, replacing the rows of every article it holds (the
    newest copy of each: the latest `ingested_at`); returns (articles read, articles written, rejected
    files). The caller rebuilds the derived tables (`pipeline.ingest.finish_ingest`).

    Stages: 1. stage each file in a temporary table (bulk insert; a bad file is rejected, the rest go on);
    2. keep one copy of each article; 3. in one transaction, delete the stored rows of those articles and
    insert the staged rows of the copies kept.
    """
    files = handoff_files(folder)
    rejected: list[Rejected] = []
    # 1. staging
    for table in HANDOFF_TABLES:
        schema = _schema(table)
        columns = ", ".join(f'"{f.name}" {store.column_type(_kind(f.type))}' for f in schema)
        store.con.execute(f"DROP TABLE IF EXISTS {_staging(table)}")
        store.con.execute(f"CREATE TEMPORARY TABLE {_staging(table)} ({columns})")
        for path in files[table]:
            try:
                rows = _read(path, schema.names).cast(schema)
            except (StoreError, pa.ArrowException) as error:
                rejected.append(Rejected(str(path), str(error).splitlines()[0]))
                continue
            _stage(store, _staging(table), rows)
    read = store.con.execute(f"SELECT count(DISTINCT article_id) FROM {_staging('articles')}").fetchall()[0][0]
    # 2. one copy per article
    store.con.execute("DROP TABLE IF EXISTS load_keep")
    store.con.execute(f"""CREATE TEMPORARY TABLE load_keep AS
        SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY article_id
                                                    ORDER BY ingested_at DESC NULLS LAST, content_hash) AS copy
                       FROM {_staging('articles')}) k WHERE copy = 1""")
    written = store.con.execute("SELECT count(*) FROM load_keep").fetchall()[0][0]
    # 3. replace
    store.con.execute("BEGIN TRANSACTION")
    try:
        for table in HANDOFF_TABLES:
            names = ", ".join(f'"{n}"' for n in SCHEMA[table])
            store.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM load_keep)")
            if table == "articles":
                source = f"SELECT {names} FROM load_keep"
            else:
                picked = ", ".join(f's."{n}"' for n in SCHEMA[table])
                source = (f"SELECT DISTINCT {picked} FROM {_staging(table)} s JOIN load_keep k "
                          "ON k.article_id = s.article_id AND k.content_hash = s.content_hash")
            store.con.execute(f"INSERT INTO {table} ({names}) {source}")
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise
    for table in (*HANDOFF_TABLES, "keep"):
        store.con.execute(f"DROP TABLE IF EXISTS {_staging(table)}")
    return read, written, rejected


def _kind(kind: pa.DataType) -> str:
    """The `store.SCHEMA` kind of an Arrow type."""
    if pa.types.is_integer(kind):
        return "BIGINT"
    if pa.types.is_floating(kind):
        return "DOUBLE"
    if pa.types.is_boolean(kind):
        return "BOOLEAN"
    return "VARCHAR"


def _stage(store: Store, name: str, rows: pa.Table) -> None:
    """Append `rows` to the staging table `name` (COPY in PostgreSQL, an Arrow scan in DuckDB)."""
    if isinstance(store, PostgresStore):
        copy_in(store.pg.raw, name, rows)
        return
    store.con.register("_load_file", rows)
    try:
        names = ", ".join(f'"{n}"' for n in rows.column_names)
        store.con.execute(f"INSERT INTO {name} ({names}) SELECT {names} FROM _load_file")
    finally:
        store.con.unregister("_load_file")
