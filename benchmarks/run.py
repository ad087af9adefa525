"""The scale benchmark: every mra-graph command as a user runs it, from 10^3 to 10^5 relations.

For synthetic national models (benchmarks/synthetic.py) of about 10^3, 10^4 and 10^5
relations, each step is one whole ``mra-graph`` process (what a user waits for: start-up,
loading and validating the model, the work, writing the output), timed by wall clock,
with its peak memory (the child's maximum resident set size). Every step checks its
output: a file that is there and holds the model, an answer that is not empty; a step
whose output fails the check counts as failed, not as fast.

It prints, per step and size, the median time of ``--repeat`` runs (one at 10^5 unless
``--repeat-large`` says more) and the peak memory; the growth exponent, the slope of
log(time) over log(relations) between 10^4 and 10^5 (the sizes where start-up no longer
hides the work; 1 is linear) and over all sizes; and the ratio of each export and edit to
``check`` on the same model. Then the targets, each met or MISSED. Last come the two
in-process measures of benchmarks/in_process.py: render against bare ``dot`` and the
cold ``ask`` (``--no-extras`` leaves them out).

    .venv/bin/python -m benchmarks.run                 # 10^3, 10^4, 10^5: some minutes
    .venv/bin/python -m benchmarks.run --quick         # 10^3 and 10^4 only
    .venv/bin/python -m benchmarks.run --only export   # the steps whose name contains 'export'
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import in_process
from benchmarks.synthetic import national_model, relations_per_municipality

SIZES = (1_000, 10_000, 100_000)
AT = "2017-06-01"
TARGETS = {"exponent": 1.15, "export_to_check": 3.0, "export_megabytes": 1024, "edit_to_check": 1.5}


@dataclass(frozen=True)
class Subjects:
    """What the steps ask about, picked from the model itself (no id is fixed in advance)."""

    model: Path
    busiest: str  # the node with the most relations
    supported: str  # the node most often supported
    top: str  # the node most parts are part of
    far: str  # a node two relations away from the busiest
    body: str  # a body that has parts, for an organisation chart
    first: str  # the earliest date in the model
    last: str  # the latest
    relation: str  # a relation to edit
    supported_at: str  # a day on which the most supported node is supported


def subjects(path: Path) -> Subjects:
    """The subjects of the model at ``path``, chosen by counting its relations."""
    data = json.loads(path.read_text(encoding="utf-8"))
    degree: Counter[str] = Counter()
    incoming: dict[str, Counter[str]] = {}
    outgoing: dict[str, list[str]] = {}
    for r in data["relations"]:
        degree.update((r["from"], r["to"]))
        incoming.setdefault(r["kind"], Counter())[r["to"]] += 1
        outgoing.setdefault(r["from"], []).append(r["to"])

    def most(counter: Counter[str]) -> str:
        return min(counter, key=lambda n: (-counter[n], n))

    busiest = most(degree)
    far = next(
        (
            t
            for n in sorted(set(outgoing.get(busiest, [])))
            for t in sorted(outgoing.get(n, []))
            if t != busiest
        ),
        busiest,
    )
    active = [
        r for r in data["relations"] if r["kind"] == "supports" and r.get("status", "active") == "active"
    ]
    held = Counter(r["to"] for r in active)
    supported = most(held) if held else most(incoming["supports"])
    starts = [r.get("valid_from", AT) for r in active if r["to"] == supported]
    kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    parts = Counter({n: c for n, c in incoming.get("part_of", Counter()).items() if kinds.get(n) == "body"})
    dates = sorted(
        d
        for item in (*data["nodes"], *data["relations"])
        for key in ("valid_from", "valid_to")
        if (d := item.get(key))
    )
    return Subjects(
        model=path,
        busiest=busiest,
        supported=supported,
        top=most(incoming["part_of"]),
        far=far,
        body=most(parts) if parts else busiest,
        first=dates[0],
        last=dates[-1],
        relation=data["relations"][len(data["relations"]) // 2]["id"],
        supported_at=max([*starts, AT]),
    )


@dataclass(frozen=True)
class Step:
    """One command: its arguments, how to check its output, and the file it writes (if any)."""

    name: str
    args: Callable[[Subjects, Path], list[str]]
    check: Callable[[Subjects, Path, bytes], str | None]
    prepare: Callable[[Subjects, Path], None] | None = None


def _json_answer(key: str) -> Callable[[Subjects, Path, bytes], str | None]:
    def check(s: Subjects, out: Path, stdout: bytes) -> str | None:
        found = json.loads(stdout)
        return None if _non_empty(found.get(key)) else f"no {key} in the answer"

    return check


def _non_empty(value: Any) -> bool:
    if isinstance(value, list):
        return (
            any(_non_empty(v) for v in value) if value and isinstance(value[0], (list, dict)) else bool(value)
        )
    if isinstance(value, dict):
        return bool(value.get("results", True)) and bool(value)
    return bool(value)


def _holds(*needles: str) -> Callable[[Subjects, Path, bytes], str | None]:
    """The output file (or every file of the output folder together) holds each needle."""

    def check(s: Subjects, out: Path, stdout: bytes) -> str | None:
        files = sorted(out.iterdir()) if out.is_dir() else [out]
        if not files or not all(f.is_file() and f.stat().st_size for f in files):
            return f"{out.name} is missing or empty"
        text = b"".join(f.read_bytes() for f in files)
        words = [n.format(s=s).encode("utf-8") for n in needles]
        missing = [w.decode() for w in words if w not in text]
        return f"{out.name} lacks {', '.join(missing)}" if missing else None

    return check


def _export(fmt: str, name: str) -> Step:
    return Step(f"export {fmt}", lambda s, d: ["export", fmt, "-o", str(d / name)], _holds("{s.busiest}"))


def _exported(fmt: str, name: str) -> Callable[[Subjects, Path], None]:
    def prepare(s: Subjects, folder: Path) -> None:
        if not (folder / name).exists():
            _run([*_program(), "--model", str(s.model), "export", fmt, "-o", str(folder / name)], folder)

    return prepare


def _edited_copy(s: Subjects, folder: Path) -> None:
    shutil.copyfile(s.model, folder / "edited.json")


def _edited(s: Subjects, out: Path, stdout: bytes) -> str | None:
    return None if b"benchmark edit" in (out / "edited.json").read_bytes() else "the edit is not in the file"


def _same_as_query(s: Subjects, out: Path, stdout: bytes) -> str | None:
    """The SPARQL answers are those of ``mra-graph query`` and the line is not empty."""
    found = json.loads(stdout)
    command = [*_program(), "--model", str(s.model), "--at", s.supported_at, "--format", "json"]
    _, _, answer = _run([*command, "query", "supports", "--to", s.supported], out)
    expected = sorted(hit["id"] for a in json.loads(answer)["answers"] for hit in a["results"])
    if not expected or found["who-supports"] != expected:
        return f"SPARQL says {found['who-supports']}, mra-graph query {expected}"
    return None if found["line-of-responsibility"] else "no line of responsibility in SPARQL"


STEPS = (
    Step("json.load (floor)", lambda s, d: [], lambda s, out, stdout: None),
    Step("check", lambda s, d: ["check"], lambda s, out, stdout: None if stdout else "check printed nothing"),
    _export("csv", "csv"),
    _export("graphml", "model.graphml"),
    _export("turtle", "model.ttl"),
    _export("jsonld", "model.jsonld"),
    _export("popolo", "popolo.json"),
    _export("neo4j", "neo4j"),
    _export("archimate", "model.xml"),
    Step(
        "import csv",
        lambda s, d: ["import", "csv", str(d / "csv"), "-o", str(d / "from-csv.json")],
        lambda s, out, stdout: _holds("{s.busiest}")(s, out.parent / "from-csv.json", stdout),
        _exported("csv", "csv"),
    ),
    Step(
        "import popolo",
        lambda s, d: ["import", "popolo", str(d / "popolo.json"), "-o", str(d / "from-popolo.json")],
        lambda s, out, stdout: _holds("{s.busiest}")(s, out.parent / "from-popolo.json", stdout),
        _exported("popolo", "popolo.json"),
    ),
    Step("sparql in oxigraph", lambda s, d: [], _same_as_query, _exported("turtle", "model.ttl")),
    Step(
        "render focus",
        lambda s, d: ["render", "focus", s.busiest, "-o", str(d / "focus.svg")],
        _holds("<svg"),
    ),
    Step(
        "render orgchart",
        lambda s, d: ["render", "orgchart", s.body, "-o", str(d / "org.svg")],
        _holds("<svg"),
    ),
    Step(
        # a report of a whole national model is refused (too large to print); one part of it
        "report --focus",
        lambda s, d: ["report", "--focus", s.busiest, "-o", str(d / "report.html")],
        _holds("<html", "{s.busiest}"),
    ),
    Step(
        "diff",
        lambda s, d: ["--format", "json", "diff", s.first, s.last],
        lambda s, o, out: None if len(out) > 200 else "empty diff",
    ),
    Step(
        "formation",
        lambda s, d: ["formation"],
        lambda s, o, out: None if out.count(b"\n") > 5 else "no staffing table",
    ),
    Step(
        "query --transitive",
        lambda s, d: ["--format", "json", "query", "part_of", "--to", s.top, "--transitive"],
        _json_answer("answers"),
    ),
    Step("path", lambda s, d: ["--format", "json", "path", s.busiest, s.far], _json_answer("paths")),
    Step("chain", lambda s, d: ["--format", "json", "chain", s.busiest], _json_answer("chains")),
    Step(
        "ask",
        lambda s, d: ["--format", "json", "ask", f"wie ondersteunt {s.supported}?"],
        _json_answer("answers"),
    ),
    Step(
        "edit (set)",
        lambda s, d: ["set", s.relation, "note=benchmark edit", "--model", str(d / "edited.json")],
        _edited,
        _edited_copy,
    ),
)


def _program() -> list[str]:
    script = Path(sys.executable).parent / "mra-graph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mra_graph"]


# A process's peak memory as Linux reports it starts at that of the process that forked
# it: measured straight from this one, every step would read at least this process's own
# size (which grows as it makes the models). GNU time, a small process, forks each
# step instead and reports its peak alone.
_TIME = Path("/usr/bin/time").exists()


def _run(command: list[str], folder: Path) -> tuple[float, float, bytes]:
    """Wall seconds, peak resident megabytes and standard output of one process."""
    with (
        tempfile.TemporaryFile(dir=folder) as out,
        tempfile.TemporaryFile(dir=folder) as err,
        tempfile.NamedTemporaryFile(dir=folder, mode="r") as peak,
    ):
        timed = ["/usr/bin/time", "-f", "%M", "-o", peak.name, *command] if _TIME else command
        start = time.perf_counter()
        child = subprocess.Popen(timed, stdout=out, stderr=err, cwd=folder)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} failed ({child.returncode}): {err.read().decode()[-500:]}"
            )
        kilobytes = int(peak.read().split()[-1]) if _TIME else usage.ru_maxrss
        return seconds, kilobytes / 1024, out.read()


def _command(step: Step, s: Subjects, folder: Path) -> list[str]:
    if step.name.startswith("json.load"):
        return [sys.executable, "-c", f"import json; json.load(open({str(s.model)!r}, 'rb'))"]
    if step.name.startswith("sparql"):
        outgrow = str(Path(__file__).resolve().parent / "outgrow.py")
        subjects = ["--supported", s.supported, "--node", s.busiest, "--at", s.supported_at]
        return [sys.executable, outgrow, str(folder / "model.ttl"), *subjects]
    args = step.args(s, folder)
    model = [] if step.name.startswith(("edit", "import")) else ["--model", str(s.model)]
    return [*_program(), *model, "--at", AT, "--lang", "nl", *args]


def measure(step: Step, s: Subjects, folder: Path, repeat: int) -> dict[str, Any]:
    """Median seconds and highest peak megabytes of ``repeat`` runs, or why the step failed."""
    if step.prepare:
        step.prepare(s, folder)
    times, peaks = [], []
    for _ in range(repeat):
        if step.name.startswith("edit"):
            _edited_copy(s, folder)
        try:
            seconds, peak, stdout = _run(_command(step, s, folder), folder)
        except RuntimeError as error:
            return {"error": str(error)}
        args = step.args(s, folder)
        output = folder / Path(args[args.index("-o") + 1]).name if "-o" in args else folder
        problem = step.check(s, output, stdout)
        if problem:
            return {"error": f"wrong output: {problem}"}
        times.append(seconds)
        peaks.append(peak)
    return {"seconds": statistics.median(times), "megabytes": max(peaks), "runs": repeat}


def _slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) over log(x)."""
    logs = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(logs) < 2:
        return None
    mx = statistics.fmean(x for x, _ in logs)
    my = statistics.fmean(y for _, y in logs)
    var = sum((x - mx) ** 2 for x, _ in logs)
    return sum((x - mx) * (y - my) for x, y in logs) / var if var else None


def machine() -> str:
    """One line on the machine: CPU, cores, memory, OS, Python and the load when it started."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.1f} GiB, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the start"
    )


def report(results: dict[str, dict[int, dict[str, Any]]], sizes: dict[int, int]) -> list[str]:
    """The table and the verdicts; ``sizes`` maps each nominal size to the model's relations."""
    columns = sorted(sizes)
    lines = [f"machine: {machine()}", f"date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC", ""]
    head = f"{'step':<20}" + "".join(f"{f'{sizes[c]:,} rel.':>20}" for c in columns)
    head += f"{'exp. 1e4-1e5':>13}{'exp. all':>9}{'x check':>9}"
    lines += [head, "-" * len(head)]
    worst: list[tuple[float, str]] = []
    verdicts: list[str] = []
    largest = columns[-1]
    check = results.get("check", {})
    for name, row in results.items():
        cells = "".join(f"{_cell(row.get(c, {})):>20}" for c in columns)
        timed = [c for c in columns if "seconds" in row.get(c, {})]
        points = [(float(sizes[c]), float(row[c]["seconds"])) for c in timed]
        late = _slope([p for c, p in zip(timed, points, strict=True) if c >= 10_000])
        overall = _slope(points)
        ratio = None
        if "seconds" in row.get(largest, {}) and "seconds" in check.get(largest, {}):
            ratio = row[largest]["seconds"] / check[largest]["seconds"]
        lines.append(f"{name:<20}{cells}{_number(late, 13)}{_number(overall, 9)}{_number(ratio, 9)}")
        if late is not None and name != "json.load (floor)":
            worst.append((late, name))
    failed = [
        f"{n} at {sizes[c]:,}: {r['error']}"
        for n, row in results.items()
        for c, r in row.items()
        if "error" in r
    ]
    lines += [
        "",
        "exp. 1e4-1e5: growth exponent from 10^4 to 10^5 relations (1.0 = linear);",
        "exp. all: the same over all sizes, start-up included;",
    ]
    lines += ["x check: time over that of check on the largest model", ""]
    if failed:
        lines += ["failed:", *(f"  {f}" for f in failed), ""]
    lines.append("targets:")
    if worst:
        top, name = max(worst)
        verdicts.append(
            _verdict(
                f"every step's exponent <= {TARGETS['exponent']} (worst {top:.2f}, {name})",
                top <= TARGETS["exponent"],
            )
        )
    base = check.get(largest, {}).get("seconds")
    for name, row in results.items():
        r = row.get(largest, {})
        if "seconds" not in r or base is None:
            continue
        if name.startswith("export"):
            ratio = r["seconds"] / base
            verdicts.append(
                _verdict(
                    f"{name} <= {TARGETS['export_to_check']}x check ({ratio:.2f}x) "
                    f"and < 1 GB ({r['megabytes']:.0f} MB)",
                    ratio <= TARGETS["export_to_check"] and r["megabytes"] < TARGETS["export_megabytes"],
                )
            )
        if name.startswith("edit"):
            ratio = r["seconds"] / base
            verdicts.append(
                _verdict(
                    f"{name} <= {TARGETS['edit_to_check']}x check ({ratio:.2f}x)",
                    ratio <= TARGETS["edit_to_check"],
                )
            )
    return lines + verdicts


def _number(value: float | None, width: int) -> str:
    return f"{value:>{width}.2f}" if value is not None else f"{'-':>{width}}"


def _cell(result: dict[str, Any]) -> str:
    if "error" in result:
        return "FAILED"
    return f"{result['seconds']:.2f} s ({result['megabytes']:.0f} MB)" if result else "-"


def _verdict(what: str, met: bool) -> str:
    return f"  [{'met' if met else 'MISSED'}] {what}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10^3 and 10^4 relations only")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per step below 10^5 (default 3; the median counts)"
    )
    parser.add_argument("--repeat-large", type=int, default=1, help="runs per step at 10^5 (default 1)")
    parser.add_argument(
        "--only", action="append", default=[], help="only steps whose name contains this (repeatable)"
    )
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument(
        "--no-extras",
        dest="extras",
        action="store_false",
        help="leave out the render-against-dot and cold-ask measures (benchmarks/in_process.py)",
    )
    args = parser.parse_args(argv)
    steps = [s for s in STEPS if not args.only or any(o in s.name for o in args.only) or s.name == "check"]
    results: dict[str, dict[int, dict[str, Any]]] = {s.name: {} for s in steps}
    sizes: dict[int, int] = {}
    renders: list[tuple[str, dict[str, float] | str]] = []
    if args.extras:
        from mra_graph.model.loading import load
        from mra_graph.model.vocabulary import bundled_model_path

        renders.append(("bundled", in_process.render_overhead(load(bundled_model_path()), args.repeat)))
    with tempfile.TemporaryDirectory(prefix="mra-graph-bench-") as root:
        for size in SIZES[:2] if args.quick else SIZES:
            folder = Path(root) / str(size)
            folder.mkdir()
            data = national_model(max(3, round(size / relations_per_municipality())))
            sizes[size] = len(data["relations"])
            path = folder / "model.json"
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            del data
            s = subjects(path)
            if args.extras:
                renders.append((f"{sizes[size]:,} rel.", in_process.render_overhead(load(path), args.repeat)))
            for step in steps:
                repeat = args.repeat_large if size >= 100_000 else args.repeat
                results[step.name][size] = measure(step, s, folder, repeat)
                print(
                    f"{sizes[size]:>7} relations  {step.name:<20} {results[step.name][size]}",
                    file=sys.stderr,
                    flush=True,
                )
    cold = in_process.cold_ask_ratio(5 if args.quick else 11) if args.extras else None
    for line in report(results, sizes) + (in_process.lines(renders, cold) if cold else []):
        print(line)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": machine(),
                    "sizes": sizes,
                    "results": results,
                    "render": renders,
                    "cold_ask": cold,
                },
                indent=2,
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
