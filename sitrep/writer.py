"""The one writer of a database file: a lock, a private work copy, an atomic swap.

DuckDB lets one process write a file, and the writer cannot even open it while any reader has it
open (docs/reliability.md). So an ingest never writes the database readers open:

1. it takes ``<db>.lock`` (an exclusive ``flock``; a second ingest waits for it, for a bounded time);
2. it copies the database to ``<db>.ingest`` and writes, rebuilds and checkpoints that copy;
3. it renames the copy over the database (``os.replace``, atomic on one file system).

Readers (`sitrep serve`, `sitrep events`) open the database read-only at any time: they see the state
of the last finished ingest, or, if they opened it before the swap, the one before; never a half state.
A kill -9 at any point before the rename leaves the database as it was (the work copy is discarded by
the next ingest); the kernel drops the lock with the process. Every finished ingest records its time in
``sitrep_meta`` (`as_of`), which the HTTP API returns with every answer.

>>> with open_writer("events.duckdb") as store:      # doctest: +SKIP
...     store.write(results); publish(store)
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from .errors import StoreError
from .store import Store, as_of, half_state

__all__ = [
    "WRITER_WAIT", "WriterBusyError", "WorkStore", "open_writer", "publish", "as_of", "ingest_running",
    "half_state", "lock_path", "work_path",
]

WRITER_WAIT = 120.0
"""Seconds an ingest waits for another ingest of the same database to finish before giving up."""

log = logging.getLogger(__name__)


class WriterBusyError(StoreError):
    """Another ingest holds the database's writer lock for longer than we wait."""


def lock_path(db: str | Path) -> Path:
    """``sitrep.duckdb`` -> ``sitrep.duckdb.lock``: held (flock) by the one ingest writing the file."""
    db = Path(db)
    return db.with_name(db.name + ".lock")


def work_path(db: str | Path) -> Path:
    """``sitrep.duckdb`` -> ``sitrep.duckdb.ingest``: the private copy an ingest writes, then renames."""
    db = Path(db)
    return db.with_name(db.name + ".ingest")


class _Lock:
    """An exclusive `flock` on the lock file, released on `release` or when the process dies."""

    def __init__(self, db: Path, *, wait: float) -> None:
        self.path = lock_path(db)
        self.file: IO[str] | None = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        deadline, pause = time.monotonic() + wait, 0.05
        while True:
            try:
                fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _holder(self.path)
                    self.release()
                    raise WriterBusyError(
                        f"another ingest ({holder}) is writing {db}; wait for it to finish and run again"
                    ) from None
                time.sleep(pause)
                pause = min(pause * 2, 1.0)
        self.file.seek(0)
        self.file.truncate()
        started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.file.write(json.dumps({"pid": os.getpid(), "started": started}))
        self.file.flush()

    def release(self) -> None:
        if self.file is not None:
            self.file.close()  # closing the descriptor drops the flock
            self.file = None


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return "unknown process"
    return f"pid {info.get('pid', '?')}, started {info.get('started', '?')}"


class WorkStore(Store):
    """A `Store` on the private work copy of `target`: `publish` swaps it in; closing it unpublished
    (an error, an interrupt) discards it and leaves `target` as it was."""

    def __init__(self, target: Path, lock: _Lock) -> None:
        self.target, self._lock, self.published = target, lock, False
        super().__init__(work_path(target))

    def publish(self) -> None:
        """Record the as-of time, checkpoint, and rename the work copy over the database (atomic)."""
        _set_as_of(self)
        self.con.execute("CHECKPOINT")
        self.con.close()
        work = work_path(self.target)
        with open(work, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(work, self.target)
        _fsync_folder(self.target.parent)
        self.published = True

    def close(self) -> None:
        try:
            super().close()
        finally:
            if not self.published:
                _discard(self.target)
            self._lock.release()


def open_writer(db: str | Path | Store | None = None, *, wait: float = WRITER_WAIT) -> Store:
    """The store an ingest writes: a `WorkStore` for a file, the store itself for an open `Store` or
    ":memory:" (written in place; `publish` then only records the as-of time).

    Raises `WriterBusyError` when another ingest keeps the lock for more than `wait` seconds.
    """
    if isinstance(db, Store):
        return db
    if db is not None and str(db) == ":memory:":
        return Store(":memory:")
    from .store import default_db_path

    target = Path(db) if db is not None else default_db_path()
    if not target.parent.is_dir():
        raise StoreError(f"cannot create {target}: the folder {target.parent} does not exist; create it first")
    lock = _Lock(target, wait=wait)
    try:
        _discard(target)  # a work copy left by a killed ingest: we hold the lock, nobody else writes it
        if Path(f"{target}.wal").exists():
            _checkpoint_in_place(target, wait=wait)
        if target.exists():
            shutil.copyfile(target, work_path(target))
        store = WorkStore(target, lock)
    except StoreError as error:  # name the database the user gave, not our work copy of it
        _discard(target)
        lock.release()
        raise StoreError(str(error).replace(str(work_path(target)), str(target))) from error.__cause__
    except BaseException:
        _discard(target)
        lock.release()
        raise
    problem = half_state(store)
    if problem:
        log.warning("%s: %s; this ingest rebuilds the derived tables", target, problem)
    return store


def publish(store: Store) -> None:
    """Make what `store` holds the state readers see (the swap for a `WorkStore`)."""
    if isinstance(store, WorkStore):
        store.publish()
    elif not store.read_only:
        _set_as_of(store)


def ingest_running(db: str | Path) -> str | None:
    """Who is writing a newer state of `db` ("pid 123, started ..."), or None when no ingest runs."""
    path = lock_path(db)
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return _holder(path)
    handle.close()
    return None


def _set_as_of(store: Store) -> None:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    store.con.execute("CREATE TABLE IF NOT EXISTS sitrep_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    store.con.execute("INSERT OR REPLACE INTO sitrep_meta VALUES ('as_of', ?)", [now])


def _discard(target: Path) -> None:
    work = work_path(target)
    for path in (work, Path(f"{work}.wal")):
        path.unlink(missing_ok=True)


def _checkpoint_in_place(target: Path, *, wait: float) -> None:
    """Fold a write-ahead log an older sitrep (or a killed in-place writer) left into the file, so the
    copy holds everything; readers may hold the file, so retry the write open for up to `wait`."""
    deadline, pause = time.monotonic() + wait, 0.1
    while True:
        try:
            Store(target).close()
            return
        except StoreError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 1.0)


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
