"""The report's overview diagram: inline SVG from :mod:`mra_graph.render`, and its text alternative.

This is the only module of the report that draws; everything else is text. The SVG
is cleaned for embedding in HTML: no XML declaration or DOCTYPE, and a ``<title>`` and
``<desc>`` that the figure references for assistive technology.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mra_graph.errors import MraGraphError
from mra_graph.model.schema import GovernanceModel
from mra_graph.render.definitions import Views
from mra_graph.report.content import Diagram
from mra_graph.words import Lang, words

__all__ = ["diagram", "embeddable"]

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
        return Diagram(None, title, description, words(lang)("diagram", "left_out"), source, parts)
    try:
        svg = render.render(model, render.Request(view, node, at=at, lang=lang, views=views), "svg").decode(
            "utf-8"
        )
    except MraGraphError as error:
        return Diagram(None, title, description, reason=str(error), parts=parts)
    return Diagram(embeddable(svg), title, description, reason, source, parts)
