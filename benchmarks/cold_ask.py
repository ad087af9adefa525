"""How long a cold ``mra-graph ask`` takes against importing the libraries it is built on.

Runs ``mra-graph ask QUESTION`` and two import floors as fresh processes, in turn,
``--runs`` times each, after one warm-up of each (which compiles the bytecode, as
installing does), and prints the medians, the ratio of the medians, that of the fastest
runs and that of the median processor times. The floors:

* the four libraries mra-graph is built on, ``import click, pydantic, networkx,
  graphviz`` (target: a cold ``ask`` at most 1.6 times it);
* the libraries ``ask`` itself needs, ``import click, Stemmer`` and pydantic's
  ``BaseModel`` (target: at most 1.3 times): a question needs no graph library, no
  Graphviz and no templates. ``import pydantic`` alone is no floor of pydantic: it loads
  the package's version and defers the model machinery (``BaseModel``, which validating
  the model needs) to its first use, so it left a third of what pydantic costs out;
* for reference, without a target: those libraries used once each, a click command
  that validates a one-field pydantic model and stems a word. That is what any program
  built on them pays before any work of its own: pydantic looks for plugins among the
  installed packages (``importlib.metadata``) when it makes its first validator and
  loads its constrained types for a schema, and click loads ``locale`` for the gettext
  of its messages.

Nothing is kept between runs but Python's own bytecode.

    .venv/bin/python benchmarks/cold_ask.py --runs 21
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

FOUR = "import click, pydantic, networkx, graphviz"
OWN = "import click, Stemmer; from pydantic import BaseModel"
USED = (
    "import click, Stemmer\n"
    "from pydantic import BaseModel\n"
    "class M(BaseModel):\n"
    "    x: int\n"
    "@click.command()\n"
    "@click.argument('word')\n"
    "def main(word: str) -> None:\n"
    "    click.echo(f\"{M(x=1).x} {Stemmer.Stemmer('dutch').stemWord(word)}\")\n"
    "main()\n"
)
FLOORS: dict[str, tuple[str, float | None]] = {
    FOUR: (FOUR, 1.6),
    OWN: (OWN, 1.3),
    "click, pydantic and Stemmer used once": (USED, None),
}
"""Each floor by its name: the program it runs and the target for a cold ``ask`` (None: shown only)."""


def _command(question: str) -> list[str]:
    script = Path(sys.executable).parent / "mra-graph"
    found = str(script) if script.exists() else shutil.which("mra-graph")
    program = [found] if found else [sys.executable, "-m", "mra_graph"]
    return [*program, "--at", "2017-06-01", "ask", question]


# an installed package has its bytecode compiled; without this, a shell that sets
# PYTHONDONTWRITEBYTECODE would time compiling mra_graph's sources on every run
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _seconds(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env or _ENV)
    return time.perf_counter() - start


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and processor seconds (user and system) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return wall, usage.ru_utime + usage.ru_stime


def measure(question: str, runs: int) -> dict[str, Any]:
    """Median milliseconds of a cold ``ask`` and of each floor, and the ratios to each floor."""
    ask = _command(question)
    floors = {name: [sys.executable, "-c", code, "ondersteunt"] for name, (code, _) in FLOORS.items()}
    # one warm-up of each so that bytecode caches exist, as they do after installing
    for command in (ask, *floors.values()):
        _seconds(command)
    walls: dict[str, list[float]] = {name: [] for name in ("ask", *floors)}
    cpus: dict[str, list[float]] = {name: [] for name in ("ask", *floors)}
    for _ in range(runs):
        for name, command in (("ask", ask), *floors.items()):
            wall, cpu = _timed(command, _ENV)
            walls[name].append(wall)
            cpus[name].append(cpu)
    ask_ms = statistics.median(walls["ask"]) * 1000
    found: dict[str, Any] = {
        "runs": runs,
        "ask_ms": ask_ms,
        "fastest_ask_ms": min(walls["ask"]) * 1000,
        "floors": {},
    }
    for name in floors:
        floor_ms = statistics.median(walls[name]) * 1000
        found["floors"][name] = {
            "ms": floor_ms,
            "fastest_ms": min(walls[name]) * 1000,
            "ratio": ask_ms / floor_ms,
            # on a machine others share, the fastest run of each is the one least slowed by them
            "fastest_ratio": min(walls["ask"]) / min(walls[name]),
            "cpu_ratio": statistics.median(cpus["ask"]) / statistics.median(cpus[name]),
            "target": FLOORS[name][1],
        }
    return found


def lines(found: dict[str, Any]) -> list[str]:
    """The measures of :func:`measure` and their verdicts, as printed."""
    ask, fastest, runs = found["ask_ms"], found["fastest_ask_ms"], found["runs"]
    out = [f"cold ask: median {ask:.0f} ms, fastest {fastest:.0f} ms ({runs} runs)"]
    for name, floor in found["floors"].items():
        out += [
            f"  {name}: median {floor['ms']:.0f} ms, fastest {floor['fastest_ms']:.0f} ms",
            f"    ratio {floor['ratio']:.2f}x (medians; fastest runs {floor['fastest_ratio']:.2f}x; "
            f"processor time {floor['cpu_ratio']:.2f}x)",
        ]
        if floor["target"] is not None:
            met = "met" if floor["ratio"] <= floor["target"] else "MISSED"
            out.append(f"  [{met}] cold ask <= {floor['target']}x {name}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each command (default 11)")
    parser.add_argument("--question", default="wie ondersteunt de Regiegroep?")
    args = parser.parse_args()
    print("\n".join(lines(measure(args.question, args.runs))))


if __name__ == "__main__":
    main()
