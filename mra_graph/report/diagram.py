"""The report's overview diagram: inline SVG from :mod:`mra_graph.render`, and its text alternative.

This is the only module of the report that draws; everything else is text. The SVG
is cleaned for embedding in HTML: no XML declaration or DOCTYPE, and a ``<title>`` and
``<desc>`` that the figure references for assistive technology.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from mra_graph.errors import MraGraphError
from mra_graph.model.schema import GovernanceModel, Region
from mra_graph.model.views import Views
from mra_graph.report.content import Diagram, PrintedView
from mra_graph.report.paper import MIN_PRINT_PT, Fit, fit
from mra_graph.words import Lang, words

__all__ = ["diagram", "embeddable", "region_pages", "region_views"]

_PROLOGUE = re.compile(r"\A(?:\s*<\?xml[^>]*\?>|\s*<!DOCTYPE[^>]*>|\s*<!--.*?-->)*\s*", re.DOTALL)
_SVG_PREFIX = re.compile(r'xmlns:([A-Za-z_][\w.-]*)="http://www\.w3\.org/2000/svg"')


def embeddable(svg: str) -> str:
    """SVG markup that an HTML page takes as SVG: no prologue, and no prefix on SVG elements.

    An HTML parser knows ``<svg>`` only by its plain name; XML written with the SVG
    namespace under a prefix (``<ns0:svg xmlns:ns0=...>``) would show as unknown
    elements, so the prefix is dropped and the namespace made the default one.

    >>> embeddable('<?xml version="1.0"?>\\n<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg"><ns0:g/></ns0:svg>')
    '<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>'
    """
    svg = _PROLOGUE.sub("", svg, count=1)
    found = _SVG_PREFIX.search(svg)
    if found:
        prefix = re.escape(found.group(1))
        svg = svg.replace(found.group(0), 'xmlns="http://www.w3.org/2000/svg"', 1)
        svg = re.sub(rf"<(/?){prefix}:", r"<\1", svg)
    return svg


def _render_module() -> Any:
    import mra_graph.render as render

    return render


def _view(focus: str | None) -> tuple[str, str | None]:
    return ("focus", focus) if focus else ("overview", None)


def diagram(
    model: GovernanceModel,
    *,
    at: dt.date,
    lang: Lang,
    title: str,
    focus: str | None = None,
    mermaid: bool = False,
    views: Views | None = None,
    draw: bool = True,
) -> Diagram:
    """The overview (or, with ``focus``, the node's neighbourhood) as embeddable SVG.

    Never raises for a missing renderer or Graphviz: the report then says why the
    picture is missing and still gives the text alternative where it can. Without
    ``draw`` no picture is made (``--no-diagrams``); the text alternative and the
    Mermaid source, which need no Graphviz, still are.
    """
    view, node = _view(focus)
    try:
        render = _render_module()
    except ImportError as error:
        return Diagram(None, title, "", reason=f"the diagram renderer is not installed ({error})")
    parts = None
    try:
        parts = render.description(model, render.Request(view, node, at=at, lang=lang, views=views))
    except MraGraphError as error:
        description = ""
        reason: str | None = str(error)
    else:
        description = parts.text()
        reason = None
    source = None
    if mermaid and reason is None:
        source = render.render(
            model, render.Request(view, node, at=at, lang=lang, views=views), "mmd"
        ).decode("utf-8")
    if not draw:
        return Diagram(
            None, title, description, words(lang, model.lang)("diagram", "left_out"), source, parts
        )
    try:
        svg = render.render(model, render.Request(view, node, at=at, lang=lang, views=views), "svg").decode(
            "utf-8"
        )
    except MraGraphError as error:
        return Diagram(None, title, description, reason=str(error), parts=parts)
    printed: tuple[PrintedView, ...] = ()
    found = fit(svg)
    if focus is None and not found.legible:
        printed = region_pages(model, at=at, lang=lang, views=views)
    small = "" if found.legible or printed else _small_print(found, lang, model.lang)
    return Diagram(embeddable(svg), title, description, reason, source, parts, printed, small)


def _small_print(found: Fit, lang: Lang, source: str) -> str:
    """What a caption says of a picture whose smallest text prints under
    :data:`~mra_graph.report.paper.MIN_PRINT_PT` on A4 (empty for one that keeps to it)."""
    if found.legible:
        return ""
    said = words(lang, source)
    # an A3 page is an A4 page larger by the square root of two each way
    advice = "a3" if found.smallest_pt * math.sqrt(2) >= MIN_PRINT_PT else "focus"
    return said("report", "diagram_small_print", advice, pt=said.number(round(found.smallest_pt, 1)))


def region_views(model: GovernanceModel, views: Views | None = None) -> list[str]:
    """The overview of each region, by view name, in the order of the model's regions:
    the views drawn for one region that need no node (``overview-{region}`` of the
    bundled views, or a model's own). Empty when the model has fewer than two regions,
    where a region's view would only repeat the whole."""
    return [name for _, name in _region_views(model, views)]


def _region_views(model: GovernanceModel, views: Views | None) -> list[tuple[Region, str]]:
    render = _render_module()
    every = views or render.Views(render.load_views())
    found: dict[str, str] = {}
    for name in every.names(model):
        try:
            definition = every.get(name, model)
        except MraGraphError:
            continue
        if definition.region is not None and not definition.needs_node:
            found.setdefault(definition.region, name)
    if len(model.regions) < 2:
        return []
    return [(region, found[region.id]) for region in model.regions if region.id in found]


def region_pages(
    model: GovernanceModel, *, at: dt.date, lang: Lang, views: Views | None = None
) -> tuple[PrintedView, ...]:
    """Each region's overview as a page of the printed report; a region with nothing to
    draw is left out. Empty when the model has no region views."""
    render = _render_module()
    said = words(lang, model.lang)
    pages = []
    for region, name in _region_views(model, views):
        request = render.Request(name, None, at=at, lang=lang, views=views)
        try:
            svg = render.render(model, request, "svg")
            across = render.description(model, request).across
        except MraGraphError:
            continue
        found = fit(svg)
        caption = said(
            "report",
            "diagram_region_caption",
            region=said.pick(region.name, region.name_en),
            date=at.isoformat(),
        )
        landscape = found.page.name == "landscape"
        caption = " ".join(filter(None, (caption, _small_print(found, lang, model.lang))))
        pages.append(
            PrintedView(name, embeddable(svg.decode("utf-8")), caption, landscape, found.smallest_pt, across)
        )
    return tuple(pages)
