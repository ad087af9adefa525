"""The way out when a model outgrows one file: its Turtle export in a SPARQL store.

Loads a Turtle export into an Oxigraph store (pyoxigraph, in memory) and runs the
documentation's two SPARQL examples on it, with its node ids and date swapped for the
ones given: who supports ``--supported`` on ``--at``, and everyone ``--node`` answers
to. Prints the answers as JSON, with the seconds loading and querying took, for
benchmarks/run.py to compare with what ``mra-graph query`` says.

    .venv/bin/python -m benchmarks.outgrow organen.ttl --supported regiegroep-mra \\
        --node secretaris-directeur --at 2017-06-01

The same store can be served for other programs with Oxigraph's server
(``oxigraph serve --location store/`` after ``oxigraph load --location store/ --file
organen.ttl``), which answers SPARQL over HTTP at http://localhost:7878/query.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path
from typing import Any

__all__ = ["NODE", "answers", "documented_queries", "load"]

NODE = "https://mra-graph.invalid/id/node/"
_ROOT = Path(__file__).resolve().parent.parent
_EXAMPLE_NODES = {"who-supports": "regiegroep-mra", "line-of-responsibility": "secretaris-directeur"}
_EXAMPLE_DATE = "2017-06-01"


def documented_queries() -> dict[str, str]:
    """The SPARQL examples of the documentation, by the name on their first line."""
    found: dict[str, str] = {}
    for page in [_ROOT / "README.md", *sorted((_ROOT / "docs").glob("**/*.md"))]:
        if page.exists():
            text = page.read_text(encoding="utf-8")
            found |= {m[1]: m[2] for m in re.finditer(r"```sparql\n# (\w[\w-]*)\n(.*?)```", text, re.S)}
    return found


def load(turtle: bytes) -> Any:
    """An in-memory Oxigraph store holding ``turtle``."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.bulk_load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    return store


def answers(store: Any, supported: str, node: str, at: str) -> dict[str, list[str]]:
    """The documented queries' answers (node ids, sorted) for these subjects and date."""
    queries = documented_queries()
    who = queries["who-supports"].replace(f"node:{_EXAMPLE_NODES['who-supports']}", f"<{NODE}{supported}>")
    who = who.replace(_EXAMPLE_DATE, at)
    line = queries["line-of-responsibility"].replace(
        f"node:{_EXAMPLE_NODES['line-of-responsibility']}", f"<{NODE}{node}>"
    )
    return {
        "who-supports": sorted(row["who"].value.removeprefix(NODE) for row in store.query(who)),
        "line-of-responsibility": sorted(row["higher"].value.removeprefix(NODE) for row in store.query(line)),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("turtle", type=Path, help="a Turtle export (mra-graph export turtle)")
    parser.add_argument("--supported", required=True, help="node id for 'who supports'")
    parser.add_argument("--node", required=True, help="node id for 'line of responsibility'")
    parser.add_argument("--at", default=_EXAMPLE_DATE, help="date for 'who supports' (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    store = load(args.turtle.read_bytes())
    loaded = time.perf_counter()
    found = answers(store, args.supported, args.node, args.at)
    done = time.perf_counter()
    print(json.dumps({"load_seconds": loaded - start, "query_seconds": done - loaded, **found}))


if __name__ == "__main__":
    main()
