"""How large the smallest text of each diagram is when it is printed at A4 width.

Reads the SVG Graphviz draws (sizes in points), finds the smallest font size used and
scales it by (A4 width less margins) / (diagram width), for portrait and landscape:

    .venv/bin/python benchmarks/a4_fit.py [--at 2017-06-01]

The bundled model is drawn as the command line draws it, with its own view file
(``model/organen.views.json``), then its overviews as any model gets them (levels
derived from the relations), then the invented example model of ``examples/``.
A council report wants at least 8 pt, better 10.
"""

from __future__ import annotations

import argparse
import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import mra_graph
from mra_graph.model.schema import GovernanceModel
from mra_graph.render import Request, Views, model_views, render

SVG = "{http://www.w3.org/2000/svg}"
MARGIN_PT = 2 * 42.5  # 15 mm each side
A4_PORTRAIT_PT = 595.3 - MARGIN_PT
A4_LANDSCAPE_PT = 841.9 - MARGIN_PT
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


def measure(svg: bytes) -> tuple[float, float, float]:
    """Width and height in points and the smallest font size of an SVG from Graphviz."""
    root = ET.fromstring(svg)
    width = float(root.get("width", "0pt").removesuffix("pt"))
    height = float(root.get("height", "0pt").removesuffix("pt"))
    sizes = [float(t.get("font-size", "14")) for t in root.iter(f"{SVG}text") if (t.text or "").strip()]
    return width, height, min(sizes)


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
        # a diagram smaller than the page is printed at its own size, not enlarged
        portrait = smallest * min(1.0, A4_PORTRAIT_PT / width)
        landscape = smallest * min(1.0, A4_LANDSCAPE_PT / width, (595.3 - MARGIN_PT) / height)
        name = view + (f" {node}" if node else "") + note
        print(f"{name:<32} {width:7.0f} {height:7.0f} {smallest:8.1f} {portrait:10.1f}pt {landscape:11.1f}pt")


if __name__ == "__main__":
    main()
