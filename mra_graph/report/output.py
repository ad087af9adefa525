"""Turning a gathered report into files: self-contained HTML, Markdown with its diagram
beside it, or PDF (through WeasyPrint, an optional dependency), and writing them so that
no half-written file is ever left behind.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from mra_graph.editing.files import write_atomically
from mra_graph.errors import RenderError, UsageError
from mra_graph.model.names import resolve
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.views import Views
from mra_graph.render.dot_runner import dot_program
from mra_graph.report.content import Report
from mra_graph.report.diagram import diagram
from mra_graph.report.gather import build_report
from mra_graph.report.order import in_reading_order
from mra_graph.report.phrases import phrases
from mra_graph.report.templates import bundled_template, fill, template_dir
from mra_graph.words import Lang, worded_error, words

__all__ = ["FORMATS", "WHOLE_REPORT_LIMIT", "format_for", "render_report", "template_text", "write_report"]

FORMATS = ("html", "md", "pdf")
_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf"}
_JS_PHRASES = ("search_none", "search_count")
_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The report format: ``fmt`` if given, else from the file extension. Raises :class:`UsageError`."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise worded_error(
                UsageError, "usage/unknown_report_format", format=repr(fmt), formats=", ".join(FORMATS)
            )
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in _EXTENSIONS:
        raise worded_error(UsageError, "usage/report_format_from_name", path=repr(str(path)))
    return _EXTENSIONS[suffix]


def template_text(fmt: str) -> str:
    """The bundled template for ``fmt`` as text, to copy and adapt (``--print-template``)."""
    return (template_dir() / bundled_template("md" if fmt == "md" else "html")).read_text(encoding="utf-8")


def _assets() -> dict[str, Markup]:
    folder = template_dir()
    # our own files, shipped with the package: inlined as they are
    return {
        "css": Markup((folder / "report.css").read_text(encoding="utf-8")),
        "js": Markup((folder / "report.js").read_text(encoding="utf-8")),
    }


def _viewer_data(report: Report) -> dict[str, Any]:
    return {
        "index": list(report.search_index),
        "relations": report.graph_index["relations"],
        "phrases": {k: report.phrases(k) for k in _JS_PHRASES},
    }


WHOLE_REPORT_LIMIT = 2_000
"""The most nodes a report of the whole model takes; a larger model is reported one part at a time."""


def render_report(
    model: GovernanceModel,
    fmt: str,
    *,
    at: dt.date,
    lang: Lang = "nl",
    since: dt.date | None = None,
    focus: str | None = None,
    template: Path | None = None,
    mermaid: bool = False,
    image_name: str | None = "report-diagram.svg",
    views: Views | None = None,
    diagrams: bool = True,
) -> dict[str, bytes]:
    """The files of a report, by name: the report itself first, then (Markdown) its diagram.

    ``focus`` is any name of a node (an unknown one raises
    :class:`~mra_graph.errors.UnknownNameError`); without it, a model of more than
    :data:`WHOLE_REPORT_LIMIT` nodes raises :class:`~mra_graph.errors.UsageError`;
    ``template`` replaces the bundled template (errors in it raise
    :class:`~mra_graph.errors.TemplateError`); ``mermaid`` adds the diagram's Mermaid
    source to a Markdown report; ``views`` are the model's views
    (:func:`mra_graph.render.model_views`). The HTML is one self-contained file; Markdown
    links ``image_name``, written beside it, or has no diagram file when ``image_name``
    is None (a report on standard output). The diagrams need Graphviz's ``dot``: without
    it, :class:`~mra_graph.errors.RenderError`; without ``diagrams`` the report has none
    and says so where they would be.
    """
    if fmt not in FORMATS:
        raise worded_error(
            UsageError, "usage/unknown_report_format", format=repr(fmt), formats=", ".join(FORMATS)
        )
    if mermaid and fmt != "md":
        raise worded_error(UsageError, "usage/mermaid_md")
    if since is not None and since > at:
        raise worded_error(UsageError, "usage/since_after", since=since, at=at)
    if focus is None and len(model.nodes) > WHOLE_REPORT_LIMIT:
        raise worded_error(
            UsageError, "usage/report_too_large", n=f"{len(model.nodes):,}", limit=f"{WHOLE_REPORT_LIMIT:,}"
        )
    if diagrams:
        _needs_dot(lang)
    model = in_reading_order(model, views)  # the file's order of its lists changes nothing
    node = resolve(model, focus) if focus is not None else None
    t = phrases(lang, model.lang)
    title = t.diagram
    picture = diagram(
        model,
        at=at,
        lang=lang,
        title=title,
        focus=node.id if node else None,
        mermaid=mermaid,
        views=views,
        draw=diagrams,
    )
    report = build_report(model, at=at, lang=lang, since=since, focus=node, diagram=picture, views=views)
    context: dict[str, Any] = {
        "report": report,
        "t": t,
        "assets": _assets(),
        "interactive": fmt == "html",
        "data": _viewer_data(report),
        "image": Markup(quote(image_name)) if picture.svg and image_name is not None else None,
        "mermaid": picture.mermaid,
        # WeasyPrint draws an inline <svg> only once per process; as an image it always works
        "diagram_src": _data_uri(picture.svg)
        if fmt == "pdf" and picture.svg and not picture.printed
        else None,
    }
    text = fill("md" if fmt == "md" else "html", template, context)
    if fmt == "html":
        return {"": text.encode("utf-8")}
    if fmt == "md":
        files = {"": text.encode("utf-8")}
        if picture.svg and image_name is not None:
            files[image_name] = _XML_DECLARATION + picture.svg.encode("utf-8")
        return files
    return {"": _pdf(text)}


def _needs_dot(lang: Lang) -> None:
    """Raise :class:`RenderError` when Graphviz is missing: a report whose pictures silently
    went missing would pass for a whole one."""
    try:
        dot_program()
    except RenderError as missing:
        error = RenderError(words(lang)("diagram", "report_needs_dot"))
        error.lang = lang
        raise error from missing


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _pdf(html: str) -> bytes:
    try:
        import weasyprint  # type: ignore[import-untyped]  # no type hints shipped
    except ImportError as error:
        raise worded_error(RenderError, "runner/pdf_needs_weasyprint") from error
    except OSError as error:
        raise worded_error(RenderError, "runner/pdf_libraries", error=error) from error
    # PDF/UA: tagged, so screen readers get headings, lists, tables and the diagram's alt text
    # the report's own resources are all in the page (data: URLs): a template can
    # attach no local file and reach no network; what cannot be fetched is left out
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"})
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher)
    data: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return data


def write_report(
    model: GovernanceModel,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    **options: Any,
) -> list[Path]:
    """Render a report and write it to ``path`` (plus a Markdown report's diagram beside it).

    Everything is rendered before anything is written; each file is written atomically,
    and if a later file fails the earlier ones of this report are removed again, so a
    failed report leaves nothing behind. Returns the paths written, the report first.
    """
    target = Path(path)
    chosen = format_for(target, fmt)
    if chosen == "md":
        options.setdefault("image_name", f"{target.stem}-diagram.svg")
    files = render_report(model, chosen, **options)
    written: list[Path] = []
    order = sorted(files, key=lambda name: name == "")  # the report last: it links the others
    try:
        for name in order:
            destination = target if name == "" else target.parent / name
            existed = destination.exists()
            write_atomically(destination, files[name])
            if not existed:
                written.append(destination)
    except Exception:
        for done in written:
            with contextlib.suppress(OSError):
                done.unlink()
        raise
    return [target] + [target.parent / n for n in files if n]
