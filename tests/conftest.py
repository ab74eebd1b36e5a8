"""Shared fixtures: paths to the repo's examples and to ../shared (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


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
