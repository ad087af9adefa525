#!/usr/bin/env bash
# The test command: install what the tests need, then run ruff, mypy --strict and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-tests.sh
export MRA_GRAPH_REQUIRE_DOT=1
.venv/bin/python -m ruff check mra_graph tests benchmarks
.venv/bin/python -m ruff format --check mra_graph tests benchmarks
.venv/bin/python -m mypy
.venv/bin/python -m pytest -q -n auto
