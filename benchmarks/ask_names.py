"""``ask`` about a name that many nodes share: the bundled model plus N bodies all named
like the AM-team (default 20,000), asked ``wie ondersteunt het AM-team?``.

Prints the load time, then the time of the first question (which builds the name index)
and of a second one, each against the target of one second, and the ratio; also in
processor time, which waiting for a processor held by another program does not inflate. The answer
lists every same-named node, so the text is built too.

    .venv/bin/python benchmarks/ask_names.py
    .venv/bin/python benchmarks/ask_names.py --twins 200000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time

import mra_graph
from mra_graph.ask import answer_question
from mra_graph.ask_output import ask_lines
from mra_graph.resources import bundled_model_path

TARGET_S = 1.0
DAY = dt.date(2017, 6, 1)


def twins_model(count: int) -> mra_graph.GovernanceModel:
    """The bundled model with ``count`` copies of its first team, each under a new id."""
    data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    base = next(n for n in data["nodes"] if n.get("type") == "team")
    for i in range(count):
        data["nodes"].append({**base, "id": f"{base['id']}-twin-{i}", "aliases": []})
    return mra_graph.load_text(json.dumps(data), f"{count} twins")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--twins", type=int, default=20_000, help="same-named nodes to add (default 20000)")
    args = parser.parse_args()
    start = time.perf_counter()
    model = twins_model(args.twins)
    print(f"{len(model.nodes)} nodes loaded in {time.perf_counter() - start:.2f} s")
    for run in ("first ask", "second ask"):
        start, cpu = time.perf_counter(), time.process_time()
        result = answer_question(model, "wie ondersteunt het AM-team?", DAY)
        lines = ask_lines(model, result)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"{run}: {len(result.answers)} answers, {len(lines)} lines in {took:.3f} s "
            f"({cpu:.3f} s processor time); target {TARGET_S:.1f} s, ratio {took / TARGET_S:.2f} "
            f"({cpu / TARGET_S:.2f} in processor time)"
        )


if __name__ == "__main__":
    main()
