"""How the code reads: lint-clean, and no module grown past what one reader holds in mind."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

MAX_MODULE_LINES = 650
"""STYLE.md: "a module that grows past ~600 lines is two modules" (a little slack before the test bites)."""


def test_style_no_module_is_two_modules():
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "sitrep").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these modules: {long}"


def test_style_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it comes with the test extra)")
    result = subprocess.run([ruff, "check", "sitrep", "tests", "scripts", "benchmarks", "--output-format", "concise"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_style_mypy_finds_nothing():
    mypy = shutil.which("mypy") or str(Path(sys.executable).with_name("mypy"))
    if not Path(mypy).exists():
        pytest.skip("mypy is not installed (it comes with the test extra)")
    result = subprocess.run([mypy, "sitrep"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
