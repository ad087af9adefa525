"""Diagrams of the model: views as data, drawn as SVG, PNG, PDF, DOT or Mermaid.

A *view* (``render/views.json``) says which nodes and relation kinds a diagram shows and
how they group; the *style sheet* (``render/style.json``) how each node kind and relation
kind looks. A :class:`Request` names the view, its node, the day and the options;
:func:`diagram` returns a :class:`Diagram`, which draws itself in Jupyter and saves
itself to a file; :func:`render` the bytes of a file, :func:`describe` the text
alternative, :func:`build_view` the ``graphviz.Digraph`` (whose own ``render`` and
``pipe`` leave the accessible SVG's titles out; prefer :class:`Diagram`).

Every view honours the date ``at``: what is planned, under consideration or ended on
that day is drawn dashed or grey with its status under its name, or left out with
``active_only=True``; ``lang`` ("nl" or "en") chooses the language of every label.

The views work for any model; a model may change them for itself with a view file
beside it (see :mod:`mra_graph.model.views`), which a request carries as
``views=model_views(path)``. A view that shows the whole model and finds nothing to
draw raises :class:`RenderError`.

Identifiers in the SVG, stable across runs and models, so a page can find and
highlight parts of the picture:

- ``node-<node id>`` is the ``<g>`` of a node, e.g. ``node-mra-bureau``;
- ``edge-<relation id>`` is the ``<g>`` of a relation, e.g.
  ``edge-regiegroep-mra.commissions.mra-bureau``;
- ``cluster-<region id>`` is the ``<g>`` of a region (``cluster-mra``, ``cluster-am``);
- ``legend`` is the legend, whose parts have ids starting with ``legend-``;
- ``diagram-title`` and ``diagram-desc`` are the document's ``<title>`` and ``<desc>``.

Each node and edge group has a ``<title>`` with its label or sentence, and a tooltip.
The SVG holds no scripts and no links.

>>> import datetime as dt
>>> import mra_graph
>>> from mra_graph.render import Request, render, view_names
>>> view_names()
['chain', 'focus', 'orgchart', 'overview', 'overview-am', 'overview-mra']
>>> dot = render(mra_graph.load(), Request("focus", "AM-team", at=dt.date(2017, 6, 1)), "dot")
>>> b'id="node-am-team"' in dot
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, field

import graphviz

from mra_graph.errors import RenderError
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.views import Views, load_style, load_views, model_views
from mra_graph.render.dot import to_digraph
from mra_graph.render.dot_runner import LAYOUT_LIMIT
from mra_graph.render.drawing import FORMATS, PNG_DPI, Diagram, check_format, draw
from mra_graph.render.scene import Scene, build_scene
from mra_graph.render.text import Description, describe_parts
from mra_graph.words import Lang, words

__all__ = [
    "FORMATS",
    "LAYOUT_LIMIT",
    "PNG_DPI",
    "Description",
    "Diagram",
    "RenderError",
    "Request",
    "Scene",
    "Views",
    "build_view",
    "describe",
    "description",
    "diagram",
    "model_views",
    "render",
    "scene",
    "too_large",
    "view_names",
]


def view_names(model: GovernanceModel | None = None, views: Views | None = None) -> list[str]:
    """The names of the views, sorted: those of ``render/views.json`` and of the model's
    view file, with a per-region view (``overview-{region}``) once for each region of
    ``model`` (the bundled model when None)."""
    if model is None:
        from mra_graph.model.loading import load

        model = load()
    return (views or Views(load_views())).names(model)


@dataclass(frozen=True)
class Request:
    """What to draw: ``view`` rooted at ``node`` (where the view needs one) on the day ``at``
    (today when not given),
    in ``lang`` ("nl" or "en"), ``depth`` lines away, only the relation kinds in
    ``relations``, and with ``active_only`` nothing that is not active on ``at``;
    ``views`` are the model's views (:func:`model_views`), the bundled ones when None.

    Every function of this module draws from one request:

    >>> import datetime as dt
    >>> Request("focus", "AM-team", at=dt.date(2017, 6, 1), depth=2).lang
    'nl'
    """

    view: str
    node: str | None = None
    _: KW_ONLY
    at: dt.date = field(default_factory=dt.date.today)
    lang: Lang = "nl"
    depth: int | None = None
    relations: Sequence[str] | None = None
    active_only: bool = False
    views: Views | None = None


def scene(model: GovernanceModel, request: Request) -> Scene:
    """What a view shows, before it is drawn (see :class:`~mra_graph.render.scene.Scene`).

    Raises :class:`UsageError` for an unknown view or option, ``UnknownNameError`` or
    ``AmbiguousNameError`` for a node name, ``UnknownRelationKindError`` for a kind in
    ``relations``, and :class:`RenderError` when the view or style file is broken.
    """
    r = request
    return build_scene(
        model,
        r.view,
        r.node,
        at=r.at,
        lang=r.lang,
        depth=r.depth,
        relations=r.relations,
        active_only=r.active_only,
        views=r.views,
    )


def build_view(model: GovernanceModel, request: Request) -> graphviz.Digraph:
    """The Graphviz graph of the requested view; raises as :func:`scene` does."""
    return to_digraph(scene(model, request), load_style())


def describe(model: GovernanceModel, request: Request) -> str:
    """The text alternative of the diagram: title, date, every node and every line."""
    return description(model, request).text()


def description(model: GovernanceModel, request: Request) -> Description:
    """The text alternative of :func:`describe` in its parts, for pages that list each line
    as an item; ``description(...).text()`` equals ``describe(...)``."""
    return describe_parts(scene(model, request), load_style())


def too_large(model: GovernanceModel, request: Request, found: Scene) -> RenderError | None:
    """The refusal of a view with more than :data:`LAYOUT_LIMIT` lines, which ``dot`` would
    take minutes or hours to lay out, in the request's language; None for a smaller one.

    The message says what would draw: a view per region or ``focus NODE`` for a view of
    the whole model, a smaller ``--depth`` or ``--relations`` for a view of one node, and
    the DOT text (``-f dot``), which needs no layout.
    """
    if len(found.edges) <= LAYOUT_LIMIT:
        return None
    w = words(request.lang)
    views = request.views or Views(load_views())
    if request.node is not None:
        advice = w("diagram", "too_large_node")
    else:
        regional = [n for n in views.names(model) if n != request.view and n not in views.names()]
        if regional:
            advice = w("diagram", "too_large_whole", example=regional[0], views=len(regional))
        else:
            advice = w("diagram", "too_large_focus")
    error = RenderError(
        w(
            "diagram",
            "too_large",
            view=request.view,
            lines=len(found.edges),
            limit=LAYOUT_LIMIT,
            advice=advice,
        )
    )
    error.lang = request.lang
    return error


def render(model: GovernanceModel, request: Request, fmt: str = "svg", *, dpi: int | None = None) -> bytes:
    """The diagram as the bytes of a ``fmt`` file: svg, png, pdf, dot or mmd.

    DOT and Mermaid need nothing but Python; SVG, PNG and PDF run Graphviz's ``dot`` and
    raise :class:`RenderError` with the install command when it is missing. ``dpi`` sets
    the resolution of a PNG (default 150; 300 for print). A view of more than
    :data:`LAYOUT_LIMIT` lines raises :class:`RenderError` (:func:`too_large`) before
    ``dot`` runs, for SVG, PNG and PDF; its DOT and Mermaid are written at any size.
    """
    check_format(fmt, dpi)  # before the scene is built, so a bad option is reported first
    found = scene(model, request)
    refusal = too_large(model, request, found)
    if refusal is not None and fmt not in ("dot", "mmd"):
        raise refusal
    return draw(found, fmt, dpi=dpi)


def diagram(model: GovernanceModel, request: Request) -> Diagram:
    """The requested view as a :class:`Diagram`: what it shows is settled now (and raises
    as :func:`scene` does), each file format is drawn when first asked for; one too large
    to lay out refuses its SVG, PNG and PDF as :func:`render` does."""
    found = scene(model, request)
    return Diagram(found, refusal=too_large(model, request, found))
