"""How large the smallest text of each diagram is when it is printed on A4.

Measures the SVG Graphviz draws as the report's print rule does
(:mod:`mra_graph.report.paper`): the smallest font size, scaled to fit the box the
report's print style sheet gives a diagram on an A4 page, upright and across; the
report prints a diagram on the page that shows it larger, and wants 7 pt or more:

    .venv/bin/python benchmarks/a4_fit.py [--at 2017-06-01]

The bundled model is drawn as the command line draws it, with its own view file
(``model/organen.views.json``), then its overviews as any model gets them (levels
derived from the relations), then the invented example model of ``examples/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import mra_graph
from mra_graph.model.schema import GovernanceModel
from mra_graph.render import Request, Views, model_views, render
from mra_graph.report.paper import PAGES, PT_PER_MM, measure

CASES = [
    ("overview", None),
    ("overview-mra", None),
    ("overview-am", None),
    ("orgchart", "MRA Bureau"),
    ("focus", "AM-team"),
    ("chain", "MRA Bureau"),
]
DERIVED = [("overview", None), ("overview-mra", None), ("overview-am", None)]
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "lindenwaard-veenhoven.json"
EXAMPLE_CASES = [("overview", None), ("overview-lv", None), ("overview-vs", None), ("orgchart", "lv")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", type=dt.date.fromisoformat, default=dt.date(2017, 6, 1))
    args = parser.parse_args()
    model = mra_graph.load()
    print(f"{'view':<32} {'width':>7} {'height':>7} {'min font':>8} {'A4 portrait':>12} {'A4 landscape':>13}")
    _rows(model, CASES, args.at, model_views(), "")
    _rows(model, DERIVED, args.at, None, " (derived)")
    _rows(mra_graph.load(EXAMPLE), EXAMPLE_CASES, dt.date(2024, 6, 1), model_views(EXAMPLE), " (example)")


def _rows(
    model: GovernanceModel, cases: list[tuple[str, str | None]], at: dt.date, views: Views | None, note: str
) -> None:
    for view, node in cases:
        width, height, smallest = measure(render(model, Request(view, node, at=at, views=views), "svg"))
        landscape, portrait = (
            smallest * min(p.width_mm * PT_PER_MM / width, p.height_mm * PT_PER_MM / height) for p in PAGES
        )
        name = view + (f" {node}" if node else "") + note
        print(f"{name:<32} {width:7.0f} {height:7.0f} {smallest:8.1f} {portrait:10.1f}pt {landscape:11.1f}pt")


if __name__ == "__main__":
    main()
