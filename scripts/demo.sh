#!/usr/bin/env bash
# The main job: set up, validate the bundled model and show what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
run() { echo "\$ mra-graph $*"; .venv/bin/mra-graph "$@"; echo; }
run check
run list --kind body --region am
run show "MRA Bureau"
