"""The event store in PostgreSQL: ``--db postgresql://user@host:5432/name``, for a team sharing one store.

The same tables, the same SQL and the same `Store` methods as the DuckDB file: `PostgresStore` is a
`Store` whose connection (`PgConnection`) speaks the subset of DuckDB that sitrep's queries use.

- Parameters: sitrep writes ``?``; the connection binds them as psycopg parameters. No value, name or
  path is formatted into SQL; table names come from `store.SCHEMA`, quoted as identifiers.
- Functions DuckDB has and PostgreSQL 15 lacks (``any_value``, ``list``, ``arg_min``, ``list_contains``,
  a boolean ``regexp_matches``, ``round`` of a double) are created once in the schema ``sitrep_compat``,
  which each session puts before ``pg_catalog`` on its search path.
- Bulk writes: Arrow tables go in with ``COPY`` (`register`, `Store._insert`), never row by row.
- Text columns are ``COLLATE "C"``, so every ORDER BY sorts as DuckDB does (by code point).
- One difference remains: ``round`` of a double rounds its 15-digit decimal value here (a mean of
  1.45 -> 1.5) and its binary value in DuckDB (1.4499999999999999556 -> 1.4), so a rounded mean
  Goldstein can differ by one unit in its last digit.

Writing is one transaction per ingest instead of DuckDB's private copy and rename (`writing`): readers
see the state before until it commits, a killed ingest leaves nothing (PostgreSQL rolls it back), and a
transaction-level advisory lock keeps one writer per database. ``BEGIN``/``COMMIT`` issued inside it by
the shared ingest code become savepoints.

>>> with writing("postgresql://localhost/sitrep") as store:      # doctest: +SKIP
...     store.write(results)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa

from .errors import StoreError
from .store import Store, default_db, is_postgres

__all__ = ["PgConnection", "PostgresStore", "connect", "writing", "WRITER_LOCK"]

WRITER_LOCK = 0x5157_5245_5000
"""The advisory lock key an ingest holds for its transaction: one writer per database at a time."""

_COMPAT = r"""
CREATE SCHEMA IF NOT EXISTS sitrep_compat;
CREATE OR REPLACE FUNCTION sitrep_compat.regexp_matches(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT $1 ~ $2';
CREATE OR REPLACE FUNCTION sitrep_compat.round(double precision, integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT round($1::numeric, $2)::double precision';
CREATE OR REPLACE FUNCTION sitrep_compat.list_contains(anycompatiblearray, anycompatible) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT $2 = ANY($1)';
CREATE OR REPLACE FUNCTION sitrep_compat.first_value_of(anyelement, anyelement) RETURNS anyelement
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT coalesce($1, $2)';
CREATE OR REPLACE FUNCTION sitrep_compat.arg_min_step(anycompatiblearray, anycompatible, anycompatible)
    RETURNS anycompatiblearray LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    'SELECT CASE WHEN $3 IS NULL THEN $1 WHEN $1 IS NULL OR $3 < $1[2] THEN ARRAY[$2, $3] ELSE $1 END';
CREATE OR REPLACE FUNCTION sitrep_compat.arg_min_final(anycompatiblearray) RETURNS anycompatible
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT $1[1]';
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'sitrep_compat' AND p.proname = 'any_value') THEN
        CREATE AGGREGATE sitrep_compat.any_value(anyelement) (SFUNC = sitrep_compat.first_value_of, STYPE = anyelement);
        CREATE AGGREGATE sitrep_compat.list(anycompatible) (SFUNC = array_append, STYPE = anycompatiblearray);
        CREATE AGGREGATE sitrep_compat.arg_min(anycompatible, anycompatible)
            (SFUNC = sitrep_compat.arg_min_step, STYPE = anycompatiblearray, FINALFUNC = sitrep_compat.arg_min_final);
    END IF;
END $$;
"""
"""The DuckDB functions sitrep's SQL uses that PostgreSQL 15 lacks, with DuckDB's meaning."""

_TYPES = {"VARCHAR": 'VARCHAR COLLATE "C"', "BIGINT": "BIGINT", "DOUBLE": "DOUBLE PRECISION", "BOOLEAN": "BOOLEAN"}
_ARROW = {25: pa.string(), 1043: pa.string(), 1042: pa.string(), 19: pa.string(), 20: pa.int64(), 23: pa.int64(),
          21: pa.int64(), 701: pa.float64(), 700: pa.float64(), 1700: pa.float64(), 16: pa.bool_(),
          1009: pa.list_(pa.string()), 1015: pa.list_(pa.string())}
"""Arrow types of the PostgreSQL type OIDs sitrep's queries return (anything else is read as text)."""
_TRANSACTION = {"BEGIN TRANSACTION": "SAVEPOINT sitrep_{}", "BEGIN": "SAVEPOINT sitrep_{}",
                "COMMIT": "RELEASE SAVEPOINT sitrep_{}", "ROLLBACK": "ROLLBACK TO SAVEPOINT sitrep_{}"}


def bind(sql: str, params: Sequence | None) -> str:
    """DuckDB-style SQL with ``?`` parameters as psycopg SQL: each ``?`` outside quotes becomes ``%s``
    and every ``%`` is doubled (psycopg reads them all when there are parameters)."""
    if not params:
        return sql
    out, quote = [], ""
    for char in sql:
        if quote:
            quote = "" if char == quote else quote
            out.append("%%" if char == "%" else char)
        elif char in "'\"":
            quote = char
            out.append(char)
        else:
            out.append("%s" if char == "?" else "%%" if char == "%" else char)
    return "".join(out)


class PgConnection:
    """A psycopg connection with the DuckDB connection methods sitrep calls: `execute` (``?``
    parameters; ``BEGIN``/``COMMIT``/``ROLLBACK`` as savepoints inside a writer's transaction),
    `register`/`unregister` (an Arrow table as a temporary table, loaded with COPY) and `close`."""

    def __init__(self, dsn: str, *, read_only: bool) -> None:
        import psycopg

        try:
            self.raw = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as error:
            raise StoreError(f"cannot connect to the PostgreSQL database ({str(error).strip().splitlines()[0]}); "
                             "check the --db address, that the server runs and that the database exists") from error
        self.depth = 0  # savepoints open inside an outer transaction
        self.outer = False
        if not read_only:
            self.raw.execute(_COMPAT)
        self.raw.execute("SET search_path = public, sitrep_compat, pg_catalog")
        if read_only:
            self.raw.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, params: Sequence | None = None) -> Any:
        """Run one statement; the cursor has `fetchall` and `description`, as DuckDB's result has."""
        statement = sql.strip().rstrip(";").upper()
        if self.outer and statement in _TRANSACTION:
            if statement.startswith("BEGIN"):
                self.depth += 1
                return self.raw.execute(_TRANSACTION[statement].format(self.depth))
            name, self.depth = self.depth, self.depth - 1
            return self.raw.execute(_TRANSACTION[statement].format(name))
        return self.raw.execute(bind(sql, params), list(params) if params else None)

    def register(self, name: str, table: pa.Table) -> None:
        """Make `table` queryable as the temporary table `name` (a name from sitrep's code)."""
        from psycopg import sql

        columns = sql.SQL(", ").join(sql.SQL("{} {}").format(sql.Identifier(f.name), sql.SQL(_pg_type(f.type)))
                                     for f in table.schema)
        self.raw.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(name)))
        self.raw.execute(sql.SQL("CREATE TEMPORARY TABLE {} ({})").format(sql.Identifier(name), columns))
        copy_in(self.raw, name, table)

    def unregister(self, name: str) -> None:
        from psycopg import sql

        self.raw.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(name)))

    def close(self) -> None:
        self.raw.close()


def copy_in(raw: Any, name: str, table: pa.Table) -> int:
    """COPY the rows of `table` into the table `name` (its columns by name); the rows written."""
    from psycopg import sql

    names = sql.SQL(", ").join(sql.Identifier(n) for n in table.column_names)
    with raw.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(name), names)) as copy:
        for batch in table.to_batches(max_chunksize=50_000):
            columns = [column.to_pylist() for column in batch.columns]
            for row in zip(*columns, strict=True):
                copy.write_row(row)
    return table.num_rows


def _pg_type(kind: pa.DataType) -> str:
    if pa.types.is_integer(kind):
        return "BIGINT"
    if pa.types.is_floating(kind):
        return "DOUBLE PRECISION"
    if pa.types.is_boolean(kind):
        return "BOOLEAN"
    if pa.types.is_list(kind):
        return 'VARCHAR[]'
    return 'VARCHAR COLLATE "C"'


class PostgresStore(Store):
    """A `Store` in a PostgreSQL database (`connect` opens one; `writing` for an ingest)."""

    keeps_order = False

    def __init__(self, dsn: str, *, read_only: bool = False) -> None:  # noqa: D107 - see the class
        self.path = dsn
        self.pg = PgConnection(dsn, read_only=read_only)
        self.con = self.pg  # type: ignore[assignment]
        self.read_only = read_only
        if not read_only:
            self._create()

    def _create(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS sitrep_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        super()._create()
        for table, column in (("articles", "article_id"), ("mentions", "event_id"), ("mentions", "article_id"),
                              ("sentences", "article_id"), ("actor_mentions", "article_id"), ("quotes", "article_id")):
            self.con.execute(f"CREATE INDEX IF NOT EXISTS {table}_{column} ON {table} ({column})")

    @staticmethod
    def column_type(kind: str) -> str:
        return _TYPES[kind]

    def _has_table(self, name: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
                                     "AND table_schema = current_schema()", [name]).fetchall()[0][0])

    def _replace_table(self, name: str, select: str, *, order: str | None = None) -> None:
        """Replace the rows of `name` with those of `select` by DELETE and INSERT, so readers keep
        reading the rows before until the ingest commits (dropping the table would lock them out);
        a table whose columns changed is created anew. With `order`, the table gets an index on
        those columns (PostgreSQL keeps no row order)."""
        self.con.execute("DROP TABLE IF EXISTS sitrep_new")
        self.con.execute(f"CREATE TEMPORARY TABLE sitrep_new AS {select}")
        columns = ("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                   "AND table_schema = {} ORDER BY ordinal_position")
        new = self.con.execute(columns.format("pg_my_temp_schema()::regnamespace::text"), ["sitrep_new"]).fetchall()
        old = self.con.execute(columns.format("current_schema()"), [name]).fetchall()
        if new == old:
            self.con.execute(f"DELETE FROM {name}")
            self.con.execute(f"INSERT INTO {name} SELECT * FROM sitrep_new")
        else:
            self.con.execute(f"DROP TABLE IF EXISTS {name}")
            self.con.execute(f"CREATE TABLE {name} AS SELECT * FROM sitrep_new")
        self.con.execute("DROP TABLE sitrep_new")
        if name == "events":
            self.con.execute("CREATE INDEX IF NOT EXISTS events_event_id ON events (event_id)")
            if self._has_column("events", "page_key"):
                self.con.execute("CREATE INDEX IF NOT EXISTS events_page_key ON events (page_key)")
        if order:
            self.con.execute(f"CREATE INDEX IF NOT EXISTS {name}_order ON {name} ({order})")
        self.con.execute(f"ANALYZE {name}")

    def _has_column(self, table: str, column: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = ? "
                                     "AND column_name = ?", [table, column]).fetchall()[0][0])

    def _insert(self, table: str, rows: list[dict]) -> None:
        from .store import arrow_schema

        if rows:
            copy_in(self.pg.raw, table, pa.Table.from_pylist(rows, schema=arrow_schema(table)))

    @staticmethod
    def first_day_sql(date: str) -> str:
        return rf"""CASE WHEN {date} ~ '^\d{{4}}-\d{{2}}-\d{{2}}' THEN left({date}, 10)
            WHEN {date} ~ '^\d{{4}}-W\d{{2}}$' THEN to_char(to_date(left({date}, 4) || right({date}, 2), 'IYYYIW'), 'YYYY-MM-DD')
            WHEN {date} ~ '^\d{{4}}-\d{{2}}$' THEN {date} || '-01'
            WHEN {date} ~ '^\d{{4}}$' THEN {date} || '-01-01' END"""

    @staticmethod
    def period_sql(interval: str, day: str) -> str:
        if interval not in ("day", "week", "month"):
            raise StoreError(f"interval {interval!r} should be day, week or month")
        return f"to_char(date_trunc('{interval}', CAST({day} AS DATE)), 'YYYY-MM-DD')"

    def query(self, sql: str, params: Sequence = ()) -> pa.Table:
        import psycopg

        try:
            cursor = self.con.execute(sql, params)
        except psycopg.Error as error:
            raise StoreError(f"cannot read {_safe(self.path)} ({str(error).strip().splitlines()[0]})") from error
        if cursor.description is None:
            return pa.table({})
        return _arrow(cursor.description, cursor.fetchall())

    def stream(self, sql: str, params: Sequence = (), *, batch_size: int = 100_000) -> pa.RecordBatchReader:
        """The rows of `sql` in batches from a server-side cursor: memory holds one batch."""
        cursor = self.pg.raw.cursor(name="sitrep_stream", withhold=True)
        cursor.execute(bind(sql, params), list(params) if params else None)
        first = cursor.fetchmany(batch_size)
        schema = _arrow(cursor.description, first).schema

        def batches() -> Iterator[pa.RecordBatch]:
            rows = first
            try:
                while rows:
                    yield from _arrow(cursor.description, rows, schema).to_batches()
                    rows = cursor.fetchmany(batch_size)
            finally:
                cursor.close()

        return pa.RecordBatchReader.from_batches(schema, batches())

    def counts(self) -> dict[str, int]:
        from .store import SCHEMA

        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in SCHEMA}


def _arrow(description: Sequence | None, rows: list[tuple], schema: pa.Schema | None = None) -> pa.Table:
    """Rows of a psycopg cursor as an Arrow table typed from the cursor's column types."""
    if schema is None:
        schema = pa.schema([pa.field(column.name, _ARROW.get(column.type_code, pa.string()))
                            for column in description or ()])
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True)) if rows else [[] for _ in schema]
    arrays = []
    for field, values in zip(schema, columns, strict=True):
        if pa.types.is_string(field.type):
            values = [v if v is None or isinstance(v, str) else str(v) for v in values]
        elif pa.types.is_floating(field.type):
            values = [None if v is None else float(v) for v in values]
        arrays.append(pa.array(values, field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _safe(dsn: str) -> str:
    """The address without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)


def connect(db: str | Path | Store | None, *, read_only: bool = False) -> Store:
    """The store `db` names: an open `Store` as it is, a ``postgresql://`` address as a `PostgresStore`,
    anything else as a DuckDB `Store` (a path, ":memory:", or None for the default path)."""
    if isinstance(db, Store):
        return db
    db = default_db() if db is None else db
    if is_postgres(db):
        return PostgresStore(str(db), read_only=read_only)
    return Store(db, read_only=read_only)


@contextmanager
def writing(dsn: str) -> Iterator[PostgresStore]:
    """A `PostgresStore` whose every write until the block ends is one transaction: committed when the
    block finishes, rolled back on an error or if the process dies. A second writer waits for the
    first (an advisory lock held by the transaction)."""
    store = PostgresStore(dsn)
    con = store.pg
    try:
        con.raw.execute("BEGIN")
        con.outer = True
        con.raw.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
        yield store
        con.outer = False
        con.raw.execute("COMMIT")
    except BaseException:
        con.outer = False
        con.raw.execute("ROLLBACK")
        raise
    finally:
        store.close()
