"""The one writer of a database file: a lock, a private work copy, an atomic swap.

DuckDB lets one process write a file, and the writer cannot even open it while any reader has it
open (docs/reliability.md). So an ingest never writes the database readers open:

1. it takes ``<db>.lock`` (an exclusive ``flock``; a second ingest waits for it, for a bounded time);
2. it reads the database in place (read-only, beside any readers) until it has something to write;
   then it copies the database to ``<db>.ingest`` and writes, rebuilds and checkpoints that copy;
3. it renames the copy over the database (``os.replace``, atomic on one file system). An ingest that
   found nothing to write leaves the database as it was (no copy, no swap).

Readers (`sitrep serve`, `sitrep events`) open the database read-only at any time: they see the state
of the last finished ingest, or, if they opened it before the swap, the one before; never a half state.
A kill -9 at any point before the rename leaves the database as it was; the kernel drops the lock with
the process. The next ingest continues the killed one's work copy (its finished batches are kept, so
a re-run skips those articles by content hash) while the database is still the one it copied, and
discards it otherwise. Every published ingest records its time in ``sitrep_meta`` (`as_of`), which
the HTTP API returns with every answer.

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
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from .errors import StoreError
from .store import Store, as_of, half_state

__all__ = [
    "WRITER_WAIT", "WriterBusyError", "WorkStore", "open_writer", "publish", "as_of", "ingest_running",
    "half_state", "lock_path", "work_path", "writable", "changed",
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
    """A `Store` for an ingest of `target`: it reads `target` in place (read-only) until the first write,
    then writes a private work copy that `publish` swaps in; closing it unpublished (an error, an
    interrupt) after some articles were written keeps the copy for the next ingest to continue from
    (`open_writer`), and discards it otherwise."""

    def __init__(self, target: Path, lock: _Lock, *, resume: bool = False) -> None:
        self.target, self._lock, self.published, self.resumed, self.wrote = target, lock, False, resume, resume
        self.writable = resume or not target.exists()
        if self.writable:
            super().__init__(work_path(target))
            if not resume:
                _set_meta(self, _BASE_KEY, _identity(target))
        else:
            super().__init__(target, read_only=True)
            if not self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'articles'"
                                    ).fetchall()[0][0]:
                self.make_writable()  # not a sitrep database yet: the work copy gains the tables

    def make_writable(self) -> None:
        """Copy the database to the work copy and write that from now on (a no-op once done)."""
        if self.writable:
            return
        self.con.close()
        work = work_path(self.target)
        try:
            shutil.copyfile(self.target, work)
            Store.__init__(self, work)
        except StoreError as error:
            _discard(self.target)
            raise StoreError(str(error).replace(str(work), str(self.target))) from error.__cause__
        _set_meta(self, _BASE_KEY, _identity(self.target))
        self.writable = True

    def write(self, results: Sequence) -> int:
        self.make_writable()
        written = super().write(results)
        self.wrote = self.wrote or bool(written)
        return written

    def log_rejected(self, rejected: Iterable) -> None:
        self.make_writable()
        super().log_rejected(rejected)

    def publish(self) -> None:
        """Record the as-of time, checkpoint, and rename the work copy over the database (atomic).
        With nothing written, the database is left as it was."""
        if not self.writable:
            self.published = True
            return
        self.con.execute("DELETE FROM sitrep_meta WHERE key = ?", [_BASE_KEY])
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
            if not self.published and not self.wrote:
                _discard(self.target)  # nothing coded to continue from
            self._lock.release()


_BASE_KEY = "work_copy_of"
"""`sitrep_meta` key of a work copy: size and modification time of the database it copies, so the
next ingest continues from a killed one's copy only while the database is still the one copied."""


def _identity(target: Path) -> str:
    try:
        stat = target.stat()
    except FileNotFoundError:
        return "none"
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _resumable(target: Path) -> bool:
    """Whether a work copy left by a killed ingest can be continued: it opens, and it copies the
    database as it is now (nobody published since). Anything else is discarded."""
    work = work_path(target)
    if not work.exists():
        return False
    try:
        import duckdb

        with duckdb.connect(str(work)) as con:  # replays the copy's write-ahead log
            rows = con.execute("SELECT value FROM sitrep_meta WHERE key = ?", [_BASE_KEY]).fetchall()
    except Exception:  # noqa: BLE001 - a damaged or foreign file: not ours to continue
        return False
    return bool(rows) and rows[0][0] == _identity(target)


def open_writer(db: str | Path | Store | None = None, *, wait: float = WRITER_WAIT) -> Store:
    """The store an ingest writes: a `WorkStore` for a file, the store itself for an open `Store` or
    ":memory:" (written in place; `publish` then only records the as-of time).

    A work copy left by a killed ingest is continued when the database is still the one it copied
    (its finished batches are kept, so a re-run skips those articles by content hash); any other
    work copy is discarded. Raises `WriterBusyError` when another ingest keeps the lock for more
    than `wait` seconds.
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
        if Path(f"{target}.wal").exists():
            _checkpoint_in_place(target, wait=wait)
        resume = _resumable(target)  # we hold the lock: nobody else writes the work copy
        if resume:
            log.info("%s: continuing the work copy of an interrupted ingest", target)
        else:
            _discard(target)
        store = WorkStore(target, lock, resume=resume)
    except StoreError as error:  # name the database the user gave, not our work copy of it
        _discard(target)
        lock.release()
        raise StoreError(str(error).replace(str(work_path(target)), str(target))) from error.__cause__
    except BaseException:
        _discard(target)
        lock.release()
        raise
    if store.writable and not store.resumed:
        problem = half_state(store)
        if problem:
            log.warning("%s: %s; this ingest rebuilds the derived tables", target, problem)
    return store


def writable(store: Store) -> Store:
    """`store`, ready to be written: a `WorkStore` makes its work copy now; any other store is."""
    if isinstance(store, WorkStore):
        store.make_writable()
    return store


def changed(store: Store) -> bool:
    """Whether `store` holds base rows its derived tables do not reflect yet: a work copy continued
    from an interrupted ingest, or a half state (`half_state`)."""
    return bool(getattr(store, "resumed", False)) or half_state(store) is not None


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
    _set_meta(store, "as_of", datetime.now(timezone.utc).isoformat(timespec="seconds"))


def _set_meta(store: Store, key: str, value: str) -> None:
    store.con.execute("CREATE TABLE IF NOT EXISTS sitrep_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    store.con.execute("INSERT INTO sitrep_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                      [key, value])


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
