"""schemathesis (`--checks all`) against a running `sitrep serve`: every answer conforms to the OpenAPI
schema, no 5xx, valid requests accepted and invalid ones refused. Marked: it needs the `fuzz` extra
(`pip install -e '.[fuzz]'`) and about two minutes; run it with `python -m pytest -m schemathesis`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .test_web import build_example_db

pytestmark = pytest.mark.schemathesis


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_web_schemathesis_finds_no_failures(tmp_path):
    pytest.importorskip("schemathesis")
    db = build_example_db(tmp_path / "fuzz.duckdb")
    port = _free_port()
    bin_dir = Path(sys.executable).parent
    server = subprocess.Popen(
        [str(bin_dir / "uvicorn"), "sitrep.web.app:_app_from_env", "--factory", "--port", str(port)],
        env={**os.environ, "SITREP_DB": str(db)}, stderr=subprocess.PIPE, text=True)
    try:
        for line in server.stderr:  # uvicorn logs this line once it accepts connections
            if "Application startup complete" in line:
                break
        run = subprocess.run(
            [str(bin_dir / "schemathesis"), "run", f"http://127.0.0.1:{port}/openapi.json", "--checks", "all",
             "--max-examples", "30", "--phases", "examples,coverage,fuzzing"],
            capture_output=True, text=True, cwd=tmp_path)  # its cache goes to the working folder
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert run.returncode == 0, run.stdout[-4000:]
