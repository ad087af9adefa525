"""How large a diagram's text comes out on paper: the print rule every printed view keeps.

A printed diagram is scaled to fit the box the report's print style sheet gives it on an
A4 page (``render/report/report.css``: the page margins less room for the caption), as
large as the box allows, across the page or upright, whichever prints it larger. Its
smallest text then comes out at its font size times that scale; a council report wants
at least :data:`MIN_PRINT_PT`.

>>> svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="1570pt" height="500pt" viewBox="0 0 1570 500">'
>>> svg += b'<text font-size="14">a</text><text font-size="10"> </text></svg>'
>>> found = fit(svg)
>>> found.page.name, round(found.scale, 2), round(found.smallest_pt, 1)
('landscape', 0.5, 7.0)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from mra_graph.errors import RenderError

__all__ = ["MIN_PRINT_PT", "PAGES", "Fit", "Page", "fit", "measure"]

MIN_PRINT_PT = 7.0
"""The smallest text a printed diagram may have, in points."""

PT_PER_MM = 72 / 25.4
_SVG = "{http://www.w3.org/2000/svg}"
_SCALE = re.compile(r"scale\(\s*([\d.eE+-]+)")
_GRAPHVIZ_DEFAULT_FONT = 14.0


@dataclass(frozen=True)
class Page:
    """The box a diagram is printed in on an A4 page, in millimetres."""

    name: str
    width_mm: float
    height_mm: float


PAGES = (Page("landscape", 277.0, 172.0), Page("portrait", 190.0, 258.0))
"""The diagram's box on an A4 page across (297 x 210 mm less 10 mm margins, 14 mm at
the foot and room for the caption) and upright; the print style sheet sets the same."""


@dataclass(frozen=True)
class Fit:
    """Where a diagram prints best: its page, its scale, and its smallest text there in points."""

    page: Page
    scale: float
    smallest_pt: float

    @property
    def legible(self) -> bool:
        return self.smallest_pt >= MIN_PRINT_PT


def measure(svg: bytes | str) -> tuple[float, float, float]:
    """The drawing's width and height and its smallest font size, in the SVG's own units
    (points for Graphviz), counting only text that shows something.

    Raises :class:`RenderError` for markup that is no SVG drawing.
    """
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise RenderError(f"not an SVG drawing: {error}") from error
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        if len(box) == 4:
            width, height = float(box[2]), float(box[3])
        else:
            width = float(re.sub(r"[a-z]+$", "", root.get("width", "0")))
            height = float(re.sub(r"[a-z]+$", "", root.get("height", "0")))
    except ValueError as error:
        raise RenderError(f"an SVG drawing without a readable size: {error}") from error
    sizes = []
    for text, scale in _texts(root, 1.0):
        if "".join(text.itertext()).strip():
            sizes.append(float(text.get("font-size", _GRAPHVIZ_DEFAULT_FONT)) * scale)
    if width <= 0 or height <= 0 or not sizes:
        raise RenderError("an SVG drawing without size or text cannot be measured")
    return width, height, min(sizes)


def _texts(element: ET.Element, scale: float) -> list[tuple[ET.Element, float]]:
    """Every ``<text>`` under ``element`` with the scale its groups' transforms give it."""
    found = []
    for child in element:
        own = _SCALE.search(child.get("transform", ""))
        here = scale * float(own.group(1)) if own else scale
        if child.tag == f"{_SVG}text":
            found.append((child, here))
        else:
            found.extend(_texts(child, here))
    return found


def fit(svg: bytes | str) -> Fit:
    """The page (of :data:`PAGES`) that prints ``svg`` largest, and its smallest text there."""
    width, height, smallest = measure(svg)
    best = max(
        (min(p.width_mm * PT_PER_MM / width, p.height_mm * PT_PER_MM / height), -i, p)
        for i, p in enumerate(PAGES)
    )
    scale, page = best[0], best[2]
    return Fit(page, scale, smallest * scale)
