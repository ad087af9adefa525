"""The two measures of benchmarks/run.py that are not whole commands at scale.

* the render time of a region's overview against bare ``dot`` on the same DOT, in
  process, in back-to-back pairs as benchmarks/render_bench.py takes them (target: at
  most 15% over ``dot``);
* the cold start of ``mra-graph ask`` against the import floor of benchmarks/cold_ask.py
  (target: at most 1.6 times).
"""

from __future__ import annotations

import datetime as dt
import resource
import shutil
import statistics
from typing import Any

from benchmarks import cold_ask

__all__ = ["COLD_ASK_TARGET", "RENDER_TARGET", "cold_ask_ratio", "render_overhead"]

DAY = dt.date(2017, 6, 1)
COLD_ASK_TARGET = 1.6
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


def _cpu_seconds(command: list[str]) -> tuple[float, float]:
    """Wall-clock and processor seconds (user and system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = cold_ask._seconds(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def cold_ask_ratio(runs: int) -> dict[str, float]:
    """Median milliseconds of a cold ``ask`` and of the import floor, and their ratios."""
    ask = cold_ask._command("wie ondersteunt de Regiegroep?")
    cold_ask._seconds(ask)
    cold_ask._seconds(cold_ask.BASELINE)
    asks, bases, ask_cpu, base_cpu = [], [], [], []
    for _ in range(runs):
        wall, cpu = _cpu_seconds(ask)
        asks.append(wall)
        ask_cpu.append(cpu)
        wall, cpu = _cpu_seconds(cold_ask.BASELINE)
        bases.append(wall)
        base_cpu.append(cpu)
    ask_ms, base_ms = statistics.median(asks) * 1000, statistics.median(bases) * 1000
    # on a machine others share, the fastest run of each is the one least slowed by them
    return {
        "ask_ms": ask_ms,
        "import_ms": base_ms,
        "ratio": ask_ms / base_ms,
        "fastest_ratio": min(asks) / min(bases),
        "cpu_ratio": statistics.median(ask_cpu) / statistics.median(base_cpu),
    }


def lines(renders: list[tuple[str, dict[str, float] | str]], cold: dict[str, float]) -> list[str]:
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
    met = "met" if cold["ratio"] <= COLD_ASK_TARGET else "MISSED"
    out += [
        "",
        f"cold ask: {cold['ask_ms']:.0f} ms, import floor: {cold['import_ms']:.0f} ms, "
        f"ratio {cold['ratio']:.2f}x (medians; fastest runs: {cold['fastest_ratio']:.2f}x; "
        f"processor time: {cold['cpu_ratio']:.2f}x)",
        f"  [{met}] cold ask <= {COLD_ASK_TARGET}x the import floor",
    ]
    return out
