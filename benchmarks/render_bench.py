"""What drawing a diagram costs beyond Graphviz itself.

For the overview of the bundled model, and of a generated model ``--copies`` times as
large (the bundled one replicated with renamed ids, as in ``query_scale.py``), this
times ``render(..., fmt="svg")`` (building the view, writing the DOT, running ``dot``,
making the SVG accessible) against running bare ``dot -Tsvg`` on the very same DOT text,
and prints the ratio. The target is a ratio of at most 1.15 (15% overhead).

    .venv/bin/python benchmarks/render_bench.py                # about 3 minutes: dot needs
    .venv/bin/python benchmarks/render_bench.py --copies 10    # ~70 s for the 100x overview

Times are medians of ``--repeat`` runs (the large model runs once unless asked).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import time
from collections.abc import Callable

import mra_graph
from benchmarks.query_scale import replicate
from mra_graph.loading import load_text
from mra_graph.model import GovernanceModel
from mra_graph.render import render
from mra_graph.render.output import dot_program
from mra_graph.resources import bundled_model_path

DAY = dt.date(2017, 6, 1)
TARGET = 1.15


def _median(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare(name: str, model: GovernanceModel, repeat: int) -> float:
    """Print the times of render and bare dot on ``model``'s overview; return the ratio."""
    source = render(model, "overview", at=DAY, fmt="dot")
    dot = dot_program()
    bare = _median(
        lambda: subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, check=True), repeat
    )
    ours = _median(lambda: render(model, "overview", at=DAY, fmt="svg"), repeat)
    python = _median(lambda: render(model, "overview", at=DAY, fmt="dot"), repeat)
    ratio = ours / bare
    print(
        f"{name:<28} nodes {len(model.nodes):>5}  bare dot {bare * 1000:9.1f} ms"
        f"  render {ours * 1000:9.1f} ms"
        f"  (of which view+DOT {python * 1000:7.1f} ms)  ratio {ratio:5.3f}"
        f"  {'ok' if ratio <= TARGET else 'OVER TARGET'}"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="size of the generated model (default 100)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement on the bundled model")
    parser.add_argument("--repeat-large", type=int, default=1, help="runs per measurement on the large model")
    args = parser.parse_args()
    model = mra_graph.load()
    render(model, "overview", at=DAY, fmt="svg")  # warm caches: vocabulary, style, views
    compare("overview (bundled)", model, args.repeat)
    data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    large = load_text(json.dumps(replicate(data, args.copies)), f"{args.copies}x.json")
    compare(f"overview ({args.copies}x generated)", large, args.repeat_large)
    print(f"target: ratio at most {TARGET} (render time / bare dot time on the same DOT)")


if __name__ == "__main__":
    main()
