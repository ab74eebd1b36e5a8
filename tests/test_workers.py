"""sitrep.pipeline.workers: the local pool's choices, without a model (process_batch is replaced).

That a 2-worker ingest gives the tables of one process and of Dask is checked in test_distributed.py.
"""

from __future__ import annotations

import os

import pytest

from sitrep.pipeline import batch, workers
from sitrep.pipeline.ingest import IngestReport
from sitrep.text import article_from_text


def _articles(*texts: str) -> list:
    return [article_from_text(text, id=f"a{n}") for n, text in enumerate(texts)]


@pytest.fixture
def fake_batch(monkeypatch):
    """process_batch that 'codes' an article into its id, and fails on a text saying so."""
    calls: list[list[str]] = []

    def fake(articles, **options):
        calls.append([a.id for a in articles])
        if any("fails" in a.text for a in articles):
            raise ValueError("this article fails")
        return [a.id for a in articles]

    monkeypatch.setattr(batch, "process_batch", fake)
    return calls


def test_workers_free_cores_is_between_one_and_the_cores():
    assert 1 <= workers.free_cores() <= (os.cpu_count() or 1)


def test_workers_code_chunk_codes_a_failing_chunk_one_by_one(fake_batch):
    results, rejected = workers.code_chunk(_articles("fine", "this fails", "fine too"))
    assert results == ["a0", "a2"]
    assert [r.path for r in rejected] == ["a1"] and "ValueError: this article fails" in rejected[0].reason
    assert fake_batch == [["a0", "a1", "a2"], ["a0"], ["a1"], ["a2"]]


def test_workers_a_batch_of_one_chunk_is_coded_here_without_starting_the_pool(fake_batch):
    coder = workers.local_coder(workers=2)
    report = IngestReport()
    assert list(coder(_articles("one", "two", "three fails"), report)) == [["a0", "a1"]]
    assert coder._pool is None and [r.path for r in report.rejected] == ["a2"]
    coder.close()


def test_workers_refuse_zero_workers():
    with pytest.raises(ValueError, match="at least 1"):
        workers.local_coder(workers=0)
