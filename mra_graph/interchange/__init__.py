"""Standard formats in and out: CSV, GraphML, RDF (Turtle, JSON-LD), Popolo JSON, Neo4j and
the ArchiMate exchange format.

:func:`export_model` turns a model into the files of a format plus the list of facts
that format cannot carry; :func:`import_model` reads the formats that can come back.
Formats that need optional libraries (pyoxigraph for RDF) import them only when used and
say how to install them when missing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from mra_graph.errors import UsageError
from mra_graph.interchange.files import write_export
from mra_graph.interchange.losses import Export, Loss
from mra_graph.model import GovernanceModel

__all__ = [
    "BASE_FORMATS",
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "RDF_FORMATS",
    "Export",
    "Loss",
    "export_model",
    "import_model",
    "write_export",
]


RDF_FORMATS = ("turtle", "jsonld")
BASE_FORMATS = (*RDF_FORMATS, "popolo")
"""The formats that take a base address: IRIs of the RDF formats, source links of Popolo."""
_BASE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+[/#]$")


def _turtle(model: GovernanceModel, base: str | None = None) -> Export:
    from mra_graph.interchange.rdf import DEFAULT_BASE, export_turtle

    return export_turtle(model, base or DEFAULT_BASE)


def _jsonld(model: GovernanceModel, base: str | None = None) -> Export:
    from mra_graph.interchange.rdf import DEFAULT_BASE, export_jsonld

    return export_jsonld(model, base or DEFAULT_BASE)


# each format's module is imported when the format is used, so that every other
# command starts without them (the ArchiMate writer alone brings in an XML library)


def export_csv(model: GovernanceModel) -> Export:
    from mra_graph.interchange.csv_format import export_csv

    return export_csv(model)


def export_graphml(model: GovernanceModel) -> Export:
    from mra_graph.interchange.graphml import export_graphml

    return export_graphml(model)


def export_popolo(model: GovernanceModel, base: str | None = None) -> Export:
    from mra_graph.interchange.popolo import export_popolo

    return export_popolo(model, base)


def export_neo4j(model: GovernanceModel) -> Export:
    from mra_graph.interchange.neo4j import export_neo4j

    return export_neo4j(model)


def export_archimate(model: GovernanceModel) -> Export:
    from mra_graph.interchange.archimate import export_archimate

    return export_archimate(model)


def import_csv(path: str | os.PathLike[str]) -> GovernanceModel:
    from mra_graph.interchange.csv_reading import import_csv

    return import_csv(path)


def import_popolo(path: str | os.PathLike[str]) -> GovernanceModel:
    from mra_graph.interchange.popolo import import_popolo

    return import_popolo(path)


EXPORT_FORMATS: dict[str, Callable[[GovernanceModel], Export]] = {
    "csv": export_csv,
    "graphml": export_graphml,
    "turtle": _turtle,
    "jsonld": _jsonld,
    "popolo": export_popolo,
    "neo4j": export_neo4j,
    "archimate": export_archimate,
}
IMPORT_FORMATS: dict[str, Callable[[str | os.PathLike[str]], GovernanceModel]] = {
    "csv": import_csv,
    "popolo": import_popolo,
}


def export_model(model: GovernanceModel, format: str, *, base: str | None = None) -> Export:
    """The files of ``model`` in ``format`` (one of :data:`EXPORT_FORMATS`) and what was lost.

    ``base`` is the IRI the RDF formats put node, relation and source IRIs under, e.g.
    ``https://data.example.nl/mra/``, and the address Popolo links each source document
    under (``<base><file>#<section>``); other formats have no IRIs and refuse it.
    """
    if format not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if base is None:
        return EXPORT_FORMATS[format](model)
    if format not in BASE_FORMATS:
        raise UsageError(
            f"a base IRI applies to {', '.join(BASE_FORMATS)} only, not to {format!r}; leave it out"
        )
    if not _BASE.match(base):
        raise UsageError(f"base IRI {base!r} must be an http(s) IRI ending in '/' or '#'")
    if format == "popolo" and not base.endswith("/"):
        raise UsageError(
            f"base {base!r} must end in '/' for popolo: source links add '<file>#<section>' to it"
        )
    chosen = {"turtle": _turtle, "jsonld": _jsonld, "popolo": export_popolo}[format]
    return chosen(model, base)


def import_model(format: str, path: str | os.PathLike[str]) -> GovernanceModel:
    """The model read from ``path`` in ``format`` (one of :data:`IMPORT_FORMATS`).

    Raises :class:`~mra_graph.errors.ConversionError` listing every row it cannot map.
    """
    if format not in IMPORT_FORMATS:
        raise UsageError(f"cannot import {format!r}; use one of {', '.join(IMPORT_FORMATS)}")
    return IMPORT_FORMATS[format](path)
