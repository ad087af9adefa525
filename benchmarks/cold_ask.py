"""How long a cold ``mra-graph ask`` takes against importing the libraries it is built on.

Runs ``mra-graph ask QUESTION`` and ``python -c "import click, pydantic, networkx, graphviz"``
as fresh processes, alternately, ``--runs`` times each, after one warm-up of each (which
compiles the bytecode, as installing does), and prints both medians and their ratio, the
ratio of the fastest runs and that of the median processor times. The target is a ratio
of medians of at most 1.6: answering a question should cost little more than starting
Python with the libraries mra-graph is built on. Nothing is kept between runs but
Python's own bytecode.

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

TARGET = 1.6
BASELINE = [sys.executable, "-c", "import click, pydantic, networkx, graphviz"]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each command (default 11)")
    parser.add_argument("--question", default="wie ondersteunt de Regiegroep?")
    args = parser.parse_args()
    ask = _command(args.question)
    env = _ENV
    # one warm-up of each so that bytecode caches exist, as they do after installing
    _seconds(ask, env)
    _seconds(BASELINE)
    asks, bases, ask_cpu, base_cpu = [], [], [], []
    for _ in range(args.runs):
        wall, cpu = _timed(ask, env)
        asks.append(wall)
        ask_cpu.append(cpu)
        wall, cpu = _timed(BASELINE, _ENV)
        bases.append(wall)
        base_cpu.append(cpu)
    ask_median, base_median = statistics.median(asks), statistics.median(bases)
    ratio = ask_median / base_median
    print(
        f"cold ask:       median {ask_median * 1000:7.1f} ms, fastest {min(asks) * 1000:7.1f} ms "
        f"over {args.runs} runs ({' '.join(ask[-2:])!r})"
    )
    print(
        f"import baseline median {base_median * 1000:7.1f} ms, fastest {min(bases) * 1000:7.1f} ms "
        f"over {args.runs} runs"
    )
    fastest = min(asks) / min(bases)
    cpu_ratio = statistics.median(ask_cpu) / statistics.median(base_cpu)
    print(f"ratio of fastest runs {fastest:.2f}x, of median processor times {cpu_ratio:.2f}x")
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"ratio of medians {ratio:.2f}x ({verdict} the target of at most {TARGET}x)")


if __name__ == "__main__":
    main()
