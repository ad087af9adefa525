"""How the queries scale: the bundled model against one 100 times its size.

Without ``--model`` the large model is the bundled one replicated ``--copies`` times
(default 100) with renamed ids, each copy's MRA cooperating with the original's so the
graph stays connected. With ``--model PATH`` that model is used instead, and the queries
ask about its best-connected node. Prints the median time of each query on both models
and the ratio.

    .venv/bin/python benchmarks/query_scale.py
    .venv/bin/python benchmarks/query_scale.py --model big.json
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mra_graph
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.vocabulary import bundled_model_path
from mra_graph.questions import queries
from mra_graph.questions.ask import answer_question
from mra_graph.questions.graph import build_graph

DAY = dt.date(2017, 6, 1)


def replicate(data: dict[str, Any], copies: int) -> dict[str, Any]:
    """The model file ``data`` with ``copies - 1`` renamed copies of its nodes and relations added."""
    big = copy.deepcopy(data)
    for i in range(1, copies):
        suffix = f"-c{i}"
        for node in data["nodes"]:
            twin = copy.deepcopy(node)
            twin["id"] += suffix
            twin["name"] += f" {i}"
            twin.pop("aliases", None)
            big["nodes"].append(twin)
        for rel in data["relations"]:
            twin = copy.deepcopy(rel)
            twin["id"] += suffix
            twin["from"] += suffix
            twin["to"] += suffix
            big["relations"].append(twin)
        big["relations"].append(
            {
                "id": f"mra{suffix}.cooperates_with.mra",
                "kind": "cooperates_with",
                "from": f"mra{suffix}",
                "to": "mra",
                "sources": data["relations"][0]["sources"],
            }
        )
    return big


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _subjects(model: GovernanceModel) -> tuple[str, str]:
    if "am-team" in model.nodes_by_id and "mra-bureau" in model.nodes_by_id:
        return "mra-bureau", "am-team"
    degree: dict[str, int] = {}
    for rel in model.relations:
        degree[rel.from_] = degree.get(rel.from_, 0) + 1
        degree[rel.to] = degree.get(rel.to, 0) + 1
    ranked = sorted(degree, key=lambda n: (-degree[n], n))
    return ranked[0], ranked[-1]


def measure(model: GovernanceModel, repeat: int) -> dict[str, float]:
    node, other = _subjects(model)
    question = f"wie ondersteunt {node}?"
    return {
        "build_graph": _median_ms(lambda: build_graph(model, DAY), repeat),
        "related": _median_ms(lambda: queries.related(model, node, "supports", "outgoing", DAY), repeat),
        "related transitive": _median_ms(
            lambda: queries.related(model, node, "part_of", "incoming", DAY, True), repeat
        ),
        "members": _median_ms(lambda: queries.members(model, node, DAY), repeat),
        "chains": _median_ms(lambda: queries.chains(model, node, DAY), repeat),
        "paths": _median_ms(lambda: queries.paths(model, other, node, DAY), repeat),
        "neighbourhood": _median_ms(lambda: queries.neighbourhood(model, node, DAY, 2), repeat),
        "diff": _median_ms(lambda: queries.diff(model, dt.date(2016, 6, 1), DAY), repeat),
        "ask": _median_ms(lambda: answer_question(model, question, DAY), repeat),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="a large model file to query instead of a replica")
    parser.add_argument("--copies", type=int, default=100, help="size of the replica (default 100)")
    parser.add_argument("--repeat", type=int, default=7, help="runs per query (default 7)")
    args = parser.parse_args()
    small = mra_graph.load()
    start = time.perf_counter()
    if args.model:
        big = mra_graph.load(args.model)
        what = str(args.model)
    else:
        data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
        big = mra_graph.load_text(json.dumps(replicate(data, args.copies)), f"replica x{args.copies}")
        what = f"bundled model x{args.copies}"
    load_ms = (time.perf_counter() - start) * 1000
    print(f"{what}: {len(big.nodes)} nodes, {len(big.relations)} relations, loaded in {load_ms:.0f} ms")
    base, large = measure(small, args.repeat), measure(big, args.repeat)
    print(f"{'query':<20} {'bundled ms':>11} {'large ms':>10} {'ratio':>7}")
    for name in base:
        ratio = large[name] / base[name] if base[name] else float("inf")
        print(f"{name:<20} {base[name]:>11.2f} {large[name]:>10.2f} {ratio:>6.1f}x")


if __name__ == "__main__":
    main()
