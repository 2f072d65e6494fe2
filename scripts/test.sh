#!/usr/bin/env bash
# The whole test suite from a fresh clone: install with the dev extra into ./.venv, lint, type-check, test.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
.venv/bin/ruff check graph tests scripts
.venv/bin/mypy graph
.venv/bin/python -m pytest -n 2 -q -W ignore::DeprecationWarning "$@"
