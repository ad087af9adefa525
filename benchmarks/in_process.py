"""The two measures of benchmarks/run.py that are not whole commands at scale.

* the render time of a region's overview against bare ``dot`` on the same DOT, in
  process, in back-to-back pairs as benchmarks/render_bench.py takes them (target: at
  most 15% over ``dot``);
* the cold start of ``mra-graph ask`` against the two import floors of
  benchmarks/cold_ask.py (targets: at most 1.6 and 1.3 times).
"""

from __future__ import annotations

import datetime as dt
import shutil
from typing import Any

from benchmarks import cold_ask

__all__ = ["RENDER_TARGET", "cold_ask_ratio", "render_overhead"]

DAY = dt.date(2017, 6, 1)
RENDER_TARGET = 0.15


def render_overhead(model: Any, repeat: int) -> dict[str, float] | str:
    """Render and bare ``dot`` milliseconds and the overhead, or why it could not be measured."""
    try:
        from mra_graph import render as rendering  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return "not available (mra_graph.render is not installed)"
    if shutil.which("dot") is None:
        return "not available (Graphviz dot is not installed)"
    # the bundled model's overview is of its regions (MRA and AM); a synthetic model's
    # region is a cooperation, whose overview is the focus view on its body
    view, node = ("overview", None) if "mra" in model.regions_by_id else ("focus", model.regions[0].id)
    try:
        from benchmarks.render_bench import bare_dot, compare_runs

        source = rendering.render(model, rendering.Request(view, node, at=DAY, lang="nl"), "dot")
        # bare dot and render in back-to-back pairs, as benchmarks/render_bench.py does
        found = compare_runs(
            bare_dot(source),
            lambda: rendering.render(model, rendering.Request(view, node, at=DAY, lang="nl"), "svg"),
            max(3 * repeat, 21),
        )
    except Exception as error:  # the measure must not stop the benchmark: report what failed
        return f"not available ({type(error).__name__}: {error})"
    return {"render": found.render_ms, "dot": found.bare_ms, "overhead": found.paired - 1}


def cold_ask_ratio(runs: int) -> dict[str, Any]:
    """Median milliseconds of a cold ``ask`` and of each import floor, and their ratios
    (see benchmarks/cold_ask.py)."""
    return cold_ask.measure("wie ondersteunt de Regiegroep?", runs)


def lines(renders: list[tuple[str, dict[str, float] | str]], cold: dict[str, Any]) -> list[str]:
    """What run.py prints of these two measures, with their verdicts."""
    out = ["", "render of a region's overview against bare dot on the same DOT (in process):"]
    for name, found in renders:
        if isinstance(found, dict):
            out.append(
                f"  {name}: render {found['render']:.1f} ms, dot {found['dot']:.1f} ms, "
                f"overhead {found['overhead'] * 100:.0f}% (median of back-to-back pairs; "
                f"target <= {RENDER_TARGET * 100:.0f}%)"
            )
        else:
            out.append(f"  {name}: {found}")
    return [*out, "", *cold_ask.lines(cold)]
