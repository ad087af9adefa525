"""How long a cold ``mra-graph ask`` takes against importing its three libraries.

Runs ``mra-graph ask QUESTION`` and ``python -c "import networkx, pydantic, click"`` as
fresh processes, alternately, ``--runs`` times each, and prints both medians and their
ratio. The target is a ratio of at most 1.5: answering a question should cost little
more than starting Python with the libraries it cannot do without.

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

TARGET = 1.5
BASELINE = [sys.executable, "-c", "import networkx, pydantic, click"]


def _command(question: str) -> list[str]:
    script = Path(sys.executable).parent / "mra-graph"
    found = str(script) if script.exists() else shutil.which("mra-graph")
    program = [found] if found else [sys.executable, "-m", "mra_graph"]
    return [*program, "--at", "2017-06-01", "ask", question]


# an installed package has its bytecode compiled; without this, a shell that sets
# PYTHONDONTWRITEBYTECODE would time compiling mra_graph's sources on every run
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=_ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each command (default 11)")
    parser.add_argument("--question", default="wie ondersteunt de Regiegroep?")
    args = parser.parse_args()
    ask = _command(args.question)
    # one warm-up of each so that bytecode caches exist, as they do after installing
    _seconds(ask)
    _seconds(BASELINE)
    asks, bases = [], []
    for _ in range(args.runs):
        asks.append(_seconds(ask))
        bases.append(_seconds(BASELINE))
    ask_median, base_median = statistics.median(asks), statistics.median(bases)
    ratio = ask_median / base_median
    print(
        f"cold ask:       median {ask_median * 1000:7.1f} ms over {args.runs} runs  ({' '.join(ask[-2:])!r})"
    )
    print(f"import baseline median {base_median * 1000:7.1f} ms over {args.runs} runs")
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"ratio {ratio:.2f}x ({verdict} the target of at most {TARGET}x)")


if __name__ == "__main__":
    main()
