"""A drawn view as one object: the file formats it can take, each made when first asked.

:func:`draw` turns a :class:`~mra_graph.render.scene.Scene` into the bytes of a file,
the same bytes ``mra-graph render`` writes; :class:`Diagram` keeps a scene and the
files made of it, and shows itself in Jupyter (``_repr_svg_``, ``_repr_png_``).
"""

from __future__ import annotations

import os
from pathlib import Path

from mra_graph.errors import RenderError, UsageError
from mra_graph.model.views import load_style
from mra_graph.render.dot import to_digraph
from mra_graph.render.dot_runner import run_dot
from mra_graph.render.mermaid import to_mermaid
from mra_graph.render.scene import Scene
from mra_graph.render.text import describe_scene
from mra_graph.words import worded_error, words

__all__ = ["EXTENSIONS", "FORMATS", "PNG_DPI", "Diagram", "check_format", "draw", "format_of"]

FORMATS = ("svg", "png", "pdf", "dot", "mmd")
PNG_DPI = 150
EXTENSIONS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".mmd": "mmd"}
"""The format of a file by its extension."""


def format_of(path: str | os.PathLike[str]) -> str:
    """The format a file name asks for by its extension; raises :class:`UsageError` for
    an extension that names none.

    >>> format_of("overzicht.SVG"), format_of("keten.gv")
    ('svg', 'dot')
    """
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise worded_error(UsageError, "format_unknown", path=repr(str(path)))
    return EXTENSIONS[suffix]


def check_format(fmt: str, dpi: int | None) -> None:
    """Raise :class:`UsageError` unless ``fmt`` is a diagram format and ``dpi`` fits it."""
    if fmt not in FORMATS:
        raise worded_error(
            UsageError, "usage/unknown_diagram_format", format=repr(fmt), formats=", ".join(FORMATS)
        )
    if dpi is not None and (fmt != "png" or not 24 <= dpi <= 1200):
        if fmt != "png":
            raise worded_error(UsageError, "usage/dpi_png_only", format=fmt)
        raise worded_error(UsageError, "usage/dpi_range", dpi=dpi)


MERMAID_TEXT_LIMIT = 50_000
"""Mermaid's default ``maxTextSize``: the most characters of source it draws."""
MERMAID_EDGE_LIMIT = 500
"""Mermaid's default ``maxEdges``: the most lines it draws."""


def draw(found: Scene, fmt: str = "svg", *, dpi: int | None = None) -> bytes:
    """The scene as the bytes of a ``fmt`` file: svg, png, pdf, dot or mmd.

    DOT and Mermaid need nothing but Python; SVG, PNG and PDF run Graphviz's ``dot`` and
    raise :class:`~mra_graph.errors.RenderError` with the install command when it is
    missing. The SVG carries a title, a text alternative and a readable title for every
    node and line (:func:`~mra_graph.render.output.accessible_svg`). ``dpi`` sets the
    resolution of a PNG (default 150; 300 for print).
    """
    check_format(fmt, dpi)
    style = load_style()
    if fmt == "mmd":
        text = to_mermaid(found, style)
        if len(text) > MERMAID_TEXT_LIMIT or len(found.edges) > MERMAID_EDGE_LIMIT:
            # past them Mermaid draws an error picture in place of the diagram
            error = RenderError(
                words(found.lang)(
                    "diagram",
                    "mermaid_too_large",
                    view=found.view,
                    lines=len(found.edges),
                    characters=len(text),
                    edges=MERMAID_EDGE_LIMIT,
                    text=MERMAID_TEXT_LIMIT,
                )
            )
            error.lang = found.lang
            raise error
        return text.encode("utf-8")
    graph = to_digraph(found, style)
    source = str(graph.source)
    if fmt == "dot":
        return source.encode("utf-8")
    if fmt == "svg":
        svg: bytes = graph.accessible(run_dot(source, "svg"))
        return svg
    return run_dot(source, fmt, dpi=(dpi or PNG_DPI) if fmt == "png" else None)


class Diagram:
    """A view of a model, ready to draw: what it shows is settled (``scene``), and each
    file format is drawn the first time it is asked for and kept.

    In Jupyter a diagram shows itself as its SVG (``_repr_svg_``) or PNG
    (``_repr_png_``); ``svg``, ``dot`` and ``mermaid`` are its text, :meth:`data` the
    bytes of any format and :meth:`save` writes a file, its format from its extension.

    >>> import datetime as dt
    >>> from mra_graph import load
    >>> diagram = load().render("chain", "MRA Bureau", at=dt.date(2017, 6, 1))
    >>> diagram
    <Diagram chain 'Verantwoordingslijnen van MRA Bureau' (nl, 2017-06-01)>
    >>> 'id="node-mra-bureau"' in diagram.dot
    True
    """

    def __init__(self, scene: Scene, *, refusal: RenderError | None = None) -> None:
        self.scene = scene
        self._refusal = refusal  # why dot must not lay it out: too large
        self._drawn: dict[tuple[str, int | None], bytes] = {}

    def __repr__(self) -> str:
        s = self.scene
        return f"<Diagram {s.view} {s.title!r} ({s.lang}, {s.at.isoformat()})>"

    def data(self, fmt: str = "svg", *, dpi: int | None = None) -> bytes:
        """The bytes of a ``fmt`` file (svg, png, pdf, dot or mmd); see :func:`draw`."""
        key = (fmt, dpi)
        if self._refusal is not None and fmt not in ("dot", "mmd"):
            raise self._refusal
        if key not in self._drawn:
            self._drawn[key] = draw(self.scene, fmt, dpi=dpi)
        return self._drawn[key]

    @property
    def svg(self) -> str:
        """The accessible SVG that ``mra-graph render --format svg`` writes."""
        return self.data("svg").decode("utf-8")

    @property
    def dot(self) -> str:
        """The Graphviz DOT source."""
        return self.data("dot").decode("utf-8")

    @property
    def mermaid(self) -> str:
        """The Mermaid source."""
        return self.data("mmd").decode("utf-8")

    @property
    def description(self) -> str:
        """The text alternative: title, date, every node and every line."""
        return describe_scene(self.scene, load_style())

    def save(self, path: str | os.PathLike[str], *, dpi: int | None = None) -> Path:
        """Write the diagram to ``path`` in the format its extension names (.svg, .png,
        .pdf, .dot, .gv or .mmd), whole or not at all; returns the path written.

        Raises :class:`UsageError` for an extension that names no format,
        :class:`~mra_graph.errors.RenderError` when Graphviz is needed and missing, and
        :class:`~mra_graph.errors.ExportError` when the file cannot be written.
        """
        from mra_graph.editing.files import write_atomically

        target = Path(path)
        write_atomically(target, self.data(format_of(target), dpi=dpi))
        return target

    def _repr_svg_(self) -> str:
        return self.svg

    def _repr_png_(self) -> bytes:
        return self.data("png")
