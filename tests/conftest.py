"""Shared fixtures: paths to the repo's examples and to ../shared (skipped when absent)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"

# The stored tables two stores are compared on, each with the columns that order its rows
# (ingested_at, a clock reading, is left out).
STORE_TABLES = {
    "articles": "article_id",
    "sentences": "article_id, sentence_index",
    "removed": "article_id, start",
    "actor_mentions": "article_id, start, \"end\", actor_id",
    "mentions": "mention_id",
    "quotes": "quote_id",
    "events": "event_id",
    "stories": "story_id",
    "actors": "actor_id",
}


# A child process that ingests FOLDER into DB and kills itself with SIGKILL at POINT: "after-read"
# (the stored hashes read), "mid-write" (after a batch is written) or "mid-rebuild" (as the derived
# tables are rebuilt). Run: python -c KILL_INGEST POINT DB FOLDER.
KILL_INGEST = textwrap.dedent("""
    import os, signal, sys
    import sitrep.api as api
    from sitrep.store import Store

    point, db, folder = sys.argv[1:4]
    method, after_call = {"after-read": ("known_hashes", False), "mid-write": ("write", True),
                          "mid-rebuild": ("rebuild_events", False)}[point]
    original = getattr(Store, method)

    def killed(self, *args, **kwargs):
        if after_call:
            original(self, *args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)

    setattr(Store, method, killed)
    api.ingest([folder], db=db)
""")


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"shared material not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    """A DuckDB file with the two example articles ingested once for the whole session."""
    import sitrep.api as api

    path = tmp_path_factory.mktemp("db") / "examples.duckdb"
    api.ingest([EXAMPLES], db=path)
    return path


@pytest.fixture
def user_files(tmp_path) -> tuple[Path, Path, Path]:
    """A folder with one article about invented countries, plus a user actor file naming them and a
    user verb file that codes "snub" as 120: (folder, actors file, verbs file)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire-2024-06-24.txt").write_text("Freedonia snubbed Sylvania on Monday.", encoding="utf-8")
    actors_file = tmp_path / "actors.tsv"
    actors_file.write_text("Freedonia\tFRD\nSylvania\tSYL\n", encoding="utf-8")
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text("lemma\tframe\tcode\ttarget\treverse\tconfidence\nsnub\t*\t120\tdobj\t-\t0.8\n", encoding="utf-8")
    return folder, actors_file, verbs


POSTGRES_ENV = "SITREP_TEST_POSTGRES"
"""A PostgreSQL server address the store tests may create throwaway databases on (`.ci/run` starts one
and sets it, e.g. postgresql://postgres@127.0.0.1:54329/postgres)."""


def postgres_database(tag: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server, dropped afterwards; its address."""
    import os
    import re
    import uuid

    server = os.environ.get(POSTGRES_ENV)
    if not server:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set in CI: .ci/run starts a PostgreSQL server and sets it")
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV}=postgresql://... (as .ci/run does) to run this")
    psycopg = pytest.importorskip("psycopg")
    from psycopg import sql

    name = f"sitrep_{re.sub(r'[^a-z0-9]', '_', tag.lower())[:30]}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield _url(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as con:
            con.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _url(server: str, name: str) -> str:
    """`server` (a postgresql:// address) pointing at database `name` instead."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(server)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(params=["duckdb", "postgresql"])
def fresh_db(request, tmp_path) -> Iterator[str]:
    """An empty store of each kind: a DuckDB file, and a PostgreSQL database (skipped without a server)."""
    if request.param == "duckdb":
        yield str(tmp_path / "store.duckdb")
    else:
        yield from postgres_database(request.node.name)
