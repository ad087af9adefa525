#!/usr/bin/env bash
# Redraw the diagrams the README and docs/diagrams.md show (docs/overview-mra.* and
# docs/overview-am.*, each region's overview as a printed report gives it a page) from
# the bundled model, as of the date below. Run it after changing the model, a view or
# the style sheet; tests/test_render_docs.py fails while they are out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
AT=2017-06-01
VIEWS="overview-mra overview-am"
mkdir -p docs
for view in $VIEWS; do
    for format in svg png; do
        .venv/bin/mra-graph --at "$AT" render "$view" -o "docs/$view.$format"
    done
done
