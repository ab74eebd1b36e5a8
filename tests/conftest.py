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
