"""How long a report takes per format, against drawing its diagram alone.

    .venv/bin/python benchmarks/report_bench.py [--repeat 3] [--pdf]

Prints the best of ``--repeat`` runs for the HTML and Markdown reports (and, with
``--pdf``, the PDF), each with its ratio to the time of the overview SVG that it embeds:
the rest is gathering the report and filling in the templates (and, for PDF, layout by
WeasyPrint). The HTML report should stay within a few times the diagram.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable

import mra_graph
from mra_graph.render import Request, render
from mra_graph.report import render_report

AT = dt.date(2017, 6, 1)


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="also time the PDF (WeasyPrint; slow)")
    args = parser.parse_args()
    model = mra_graph.load()
    render_report(model, "html", at=AT)  # warm caches: vocabulary, phrases, templates
    diagram = best(args.repeat, lambda: render(model, Request("overview", at=AT), "svg"))
    print(f"{'what':<28} {'seconds':>8} {'x diagram':>10}")
    print(f"{'overview diagram (svg)':<28} {diagram:8.3f} {1.0:10.1f}")
    formats = ["html", "md"] + (["pdf"] if args.pdf else [])
    since = dt.date(2016, 6, 1)
    for fmt in formats:
        seconds = best(args.repeat, lambda fmt=fmt: render_report(model, fmt, at=AT, since=since))
        print(f"{'report ' + fmt:<28} {seconds:8.3f} {seconds / diagram:10.1f}")


if __name__ == "__main__":
    main()
