"""What drawing a diagram costs beyond Graphviz itself.

For the overview of the bundled model, and of a generated model ``--copies`` times as
large (the bundled one replicated with renamed ids, as in ``query_scale.py``), this
times ``render(..., fmt="svg")`` (building the view, writing the DOT, running ``dot``,
making the SVG accessible) against running bare ``dot -Tsvg`` on the very same DOT text,
and prints the ratio. The target is a ratio of at most 1.15 (15% overhead).

    .venv/bin/python benchmarks/render_bench.py                # about 3 minutes: dot needs
    .venv/bin/python benchmarks/render_bench.py --copies 10    # ~70 s for the 100x overview

Each measurement is repeated ``--repeat`` times (the large model once unless asked),
interleaved; the ratio is of the fastest runs, the least disturbed on a shared machine,
with the ratio of the medians beside it.
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


def _times(runs: list[Callable[[], object]], repeat: int) -> list[list[float]]:
    """Seconds of each of ``runs``, ``repeat`` times, interleaved so that a change in the
    machine's load (it is shared) hits every run alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, sink in zip(runs, times, strict=True):
            start = time.perf_counter()
            run()
            sink.append(time.perf_counter() - start)
    return times


def compare(name: str, model: GovernanceModel, repeat: int) -> float:
    """Print render and bare dot times on ``model``'s overview; return the ratio of the minima."""
    source = render(model, "overview", at=DAY, fmt="dot")
    dot = dot_program()
    bare, ours, python = _times(
        [
            lambda: subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, check=True),
            lambda: render(model, "overview", at=DAY, fmt="svg"),
            lambda: render(model, "overview", at=DAY, fmt="dot"),
        ],
        repeat,
    )
    # the minimum is the run least disturbed by other work; the median is shown beside it
    ratio = min(ours) / min(bare)
    median = statistics.median(ours) / statistics.median(bare)
    print(
        f"{name:<28} nodes {len(model.nodes):>5}  bare dot {min(bare) * 1000:9.1f} ms"
        f"  render {min(ours) * 1000:9.1f} ms  (view+DOT {min(python) * 1000:7.1f} ms)"
        f"  ratio {ratio:5.3f} (median {median:5.3f})  {'ok' if ratio <= TARGET else 'OVER TARGET'}"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="size of the generated model (default 100)")
    parser.add_argument("--repeat", type=int, default=21, help="runs per measurement on the bundled model")
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
