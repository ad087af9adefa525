#!/usr/bin/env bash
# Redraw the diagrams the README shows (docs/overview.svg and docs/overview.png) from
# the bundled model, as of the date below. Run it after changing the model, a view or
# the style sheet; tests/test_render_docs.py fails while they are out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
AT=2017-06-01
mkdir -p docs
for format in svg png; do
    .venv/bin/mra-graph --at "$AT" render overview -o "docs/overview.$format"
done
