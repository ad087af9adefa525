"""The benchmark: how mra-graph's steps grow from the bundled model to a national one.

For the bundled model and synthetic national models (benchmarks/synthetic.py) of about
10^3, 10^4 and 10^5 relations, each in a fresh process, it measures load+validate time
and the peak memory it adds, the graph build, and the queries (direct, transitive,
chain, path, ask); then the render time of a region's overview against bare ``dot``
on the same DOT (when ``mra_graph.render`` is installed), and the cold start of
``mra-graph ask`` against ``python -c "import click, pydantic, networkx, graphviz"``. It prints
each number (the fastest of several runs, the one a shared machine slowed least),
the ratios, and the growth exponent of each step between sizes (log of the time ratio
over log of the size ratio: 1 is linear), against the targets.

    .venv/bin/python -m benchmarks.run            # the full run, a few minutes
    .venv/bin/python -m benchmarks.run --quick    # 10^3 and 10^4 only, fewer repeats
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import cold_ask
from benchmarks.synthetic import national_model, relations_per_municipality

DAY = dt.date(2017, 6, 1)
TARGETS = {"cold_ask_ratio": 1.6, "load_seconds_1e5": 3.0, "load_megabytes_1e5": 1024, "exponent": 1.15}
STEPS = ("load", "build_graph", "direct", "transitive", "chain", "path", "ask")


def _best_ms(run: Callable[[], object], repeat: int) -> float:
    # the fastest of several runs: on a machine others share, the one they slowed least
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def _subjects(model: Any) -> tuple[str, str]:
    """The bundled model's MRA Bureau and AM-team; elsewhere the busiest node and a quiet one."""
    if "am-team" in model.nodes_by_id and "mra-bureau" in model.nodes_by_id:
        return "mra-bureau", "am-team"
    degree: dict[str, int] = {}
    for rel in model.relations:
        degree[rel.from_] = degree.get(rel.from_, 0) + 1
        degree[rel.to] = degree.get(rel.to, 0) + 1
    ranked = sorted(degree, key=lambda n: (-degree[n], n))
    return ranked[0], ranked[len(ranked) // 2]


def measure_one(path: str, repeat: int) -> dict[str, Any]:
    """Every in-process step on the model at ``path`` (run in a fresh process)."""
    from mra_graph import queries
    from mra_graph.ask import answer_question
    from mra_graph.graph import build_graph
    from mra_graph.loading import load

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    model = load(path)
    load_ms = (time.perf_counter() - start) * 1000
    # processor time, which waiting for a processor that others hold does not inflate
    load_cpu_ms = (time.process_time() - cpu) * 1000
    peak_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    load_ms = min(load_ms, _best_ms(lambda: load(path), 2))
    node, other = _subjects(model)
    question = f"wie ondersteunt {node}?"
    # the queries build their graph once per model and date; time them warm, as a
    # program that asks several questions sees them
    queries.related(model, node, "supports", "outgoing", DAY)
    result = {
        "nodes": len(model.nodes),
        "relations": len(model.relations),
        "load": load_ms,
        "load_peak_mb": peak_mb,
        "load_cpu": load_cpu_ms,
        "build_graph": _best_ms(lambda: build_graph(model, DAY), repeat),
        "direct": _best_ms(lambda: queries.related(model, node, "supports", "outgoing", DAY), repeat),
        "transitive": _best_ms(
            lambda: queries.related(model, node, "part_of", "incoming", DAY, True), repeat
        ),
        "chain": _best_ms(lambda: queries.chains(model, node, DAY), repeat),
        "path": _best_ms(lambda: queries.paths(model, other, node, DAY), repeat),
        "ask": _best_ms(lambda: answer_question(model, question, DAY), repeat),
    }
    result["render"] = _render(model, repeat)
    return result


def _render(model: Any, repeat: int) -> dict[str, float] | str:
    # ---- hook: render time of a region's overview against bare dot -------------------
    # Runs once mra_graph.render (render(model, Request(view, node, at=..., lang=...), fmt) -> bytes,
    # fmt "dot" giving the DOT source) is installed; until then it says so.
    try:
        from mra_graph import render as rendering  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return "not available (mra_graph.render is not installed)"
    dot = shutil.which("dot")
    if dot is None:
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
    except Exception as error:  # the hook must not stop the benchmark: report what failed
        return f"not available ({type(error).__name__}: {error})"
    return {"render": found.render_ms, "dot": found.bare_ms, "overhead": found.paired - 1}


def _fresh(path: Path, repeat: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--measure-one", str(path), "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _cpu_seconds(command: list[str]) -> tuple[float, float]:
    """Wall-clock and processor seconds (user and system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = cold_ask._seconds(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _cold_ask(runs: int) -> dict[str, float]:
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
    fastest = min(asks) / min(bases)
    cpu_ratio = statistics.median(ask_cpu) / statistics.median(base_cpu)
    return {
        "ask_ms": ask_ms,
        "import_ms": base_ms,
        "ratio": ask_ms / base_ms,
        "fastest_ratio": fastest,
        "cpu_ratio": cpu_ratio,
    }


def machine() -> str:
    """One line on the machine: CPU, cores, memory, OS and Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
    load = os.getloadavg()[0]
    return (
        f"{cpu}, {os.cpu_count()} cores, {pages:.1f} GiB, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, load average {load:.1f} at the start"
    )


def _exponent(small: dict[str, Any], large: dict[str, Any], step: str) -> float | None:
    a, b = small[step], large[step]
    size = large["relations"] / small["relations"]
    if a <= 0 or b <= 0 or size <= 1:
        return None
    return math.log(b / a) / math.log(size)


def report(results: list[tuple[str, dict[str, Any]]], cold: dict[str, float]) -> list[str]:
    """The lines the benchmark prints."""
    lines = [f"machine: {machine()}", ""]
    header = f"{'model':<16} {'nodes':>7} {'relations':>9} " + " ".join(f"{s:>11}" for s in STEPS)
    header += f" {'load cpu':>11} {'load MB':>8}"
    lines += [header, "-" * len(header)]
    for name, r in results:
        times = " ".join(f"{r[s]:>9.2f}ms" for s in STEPS)
        row = f"{name:<16} {r['nodes']:>7} {r['relations']:>9} {times} {r['load_cpu']:>9.2f}ms"
        lines.append(row + f" {r['load_peak_mb']:>8.0f}")
    synthetic = [(n, r) for n, r in results if n != "bundled"]
    lines += ["", "growth exponent per step (1.0 = linear; target <= 1.15):"]
    worst = 0.0
    for (a_name, a), (b_name, b) in itertools.pairwise(synthetic):
        found = {s: _exponent(a, b, s) for s in STEPS}
        cells = " ".join(f"{s}={e:.2f}" if e is not None else f"{s}=n/a" for s, e in found.items())
        worst = max([worst, *(e for e in found.values() if e is not None)])
        lines.append(f"  {a_name} -> {b_name}: {cells}")
    cpu_exponents = [
        e for (_, a), (_, b) in itertools.pairwise(synthetic) if (e := _exponent(a, b, "load_cpu"))
    ]
    if cpu_exponents:
        lines.append("  load+validate in processor time: " + ", ".join(f"{e:.2f}" for e in cpu_exponents))
    largest = synthetic[-1][1] if synthetic else None
    lines += ["", "render of a region's overview against bare dot on the same DOT:"]
    for name, r in results:
        render = r["render"]
        if isinstance(render, dict):
            lines.append(
                f"  {name}: render {render['render']:.1f} ms, dot {render['dot']:.1f} ms, "
                f"overhead {render['overhead'] * 100:.0f}% (median of back-to-back pairs; target <= 15%)"
            )
        else:
            lines.append(f"  {name}: {render}")
    lines += [
        "",
        f"cold ask: {cold['ask_ms']:.0f} ms, import floor: {cold['import_ms']:.0f} ms, "
        f"ratio {cold['ratio']:.2f}x (medians; fastest runs: {cold['fastest_ratio']:.2f}x; "
        f"processor time: {cold['cpu_ratio']:.2f}x)",
        "",
        "targets:",
        _verdict(f"cold ask <= {TARGETS['cold_ask_ratio']}x the import floor", cold["ratio"] <= 1.6),
        _verdict(f"every step's growth exponent <= {TARGETS['exponent']} (worst {worst:.2f})", worst <= 1.15),
    ]
    if largest is not None and largest["relations"] >= 50_000:
        seconds, cpu = largest["load"] / 1000, largest["load_cpu"] / 1000
        lines += [
            _verdict(
                f"load+validate of {largest['relations']} relations <= 3 s "
                f"({seconds:.2f} s; processor time {cpu:.2f} s)",
                largest["load"] <= 3000,
            ),
            _verdict(f"... in processor time <= 3 s ({cpu:.2f} s)", largest["load_cpu"] <= 3000),
            _verdict(
                f"... and <= 1 GB ({largest['load_peak_mb']:.0f} MB added at peak)",
                largest["load_peak_mb"] <= 1024,
            ),
        ]
    return lines


def _verdict(what: str, met: bool) -> str:
    return f"  [{'met' if met else 'MISSED'}] {what}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10^3 and 10^4 relations only, fewer repeats")
    parser.add_argument("--repeat", type=int, default=None, help="runs per query (default 7, quick 3)")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--measure-one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 7)
    if args.measure_one:
        print(json.dumps(measure_one(args.measure_one, repeat)))
        return
    from mra_graph.resources import bundled_model_path

    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    results = [("bundled", _fresh(bundled_model_path(), repeat))]
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            municipalities = max(3, round(size / relations_per_municipality()))
            path = Path(folder) / f"synthetic-{size}.json"
            path.write_text(json.dumps(national_model(municipalities), ensure_ascii=False), encoding="utf-8")
            results.append((f"synthetic 1e{round(math.log10(size))}", _fresh(path, repeat)))
            print(f"measured {results[-1][0]}", file=sys.stderr)
    cold = _cold_ask(5 if args.quick else 11)
    for line in report(results, cold):
        print(line)
    if args.json:
        args.json.write_text(
            json.dumps({"machine": machine(), "models": dict(results), "cold_ask": cold}, indent=2)
        )


if __name__ == "__main__":
    main()
