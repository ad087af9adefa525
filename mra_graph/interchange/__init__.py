"""Standard formats in and out: CSV, GraphML, RDF (Turtle, JSON-LD), Popolo JSON, Neo4j and
the ArchiMate exchange format.

:func:`export_model` turns a model into the files of a format plus the list of facts
that format cannot carry; :func:`import_model` reads the formats that can come back.
Formats that need optional libraries (rdflib) import them only when used and say how
to install them when missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from mra_graph.errors import UsageError
from mra_graph.interchange.archimate import export_archimate
from mra_graph.interchange.csv_format import export_csv
from mra_graph.interchange.csv_reading import import_csv
from mra_graph.interchange.files import write_export
from mra_graph.interchange.graphml import export_graphml
from mra_graph.interchange.losses import Export, Loss
from mra_graph.interchange.neo4j import export_neo4j
from mra_graph.interchange.popolo import export_popolo, import_popolo
from mra_graph.model import GovernanceModel

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "Export",
    "Loss",
    "export_model",
    "import_model",
    "write_export",
]


def _turtle(model: GovernanceModel) -> Export:
    from mra_graph.interchange.rdf import export_turtle

    return export_turtle(model)


def _jsonld(model: GovernanceModel) -> Export:
    from mra_graph.interchange.rdf import export_jsonld

    return export_jsonld(model)


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


def export_model(model: GovernanceModel, format: str) -> Export:
    """The files of ``model`` in ``format`` (one of :data:`EXPORT_FORMATS`) and what was lost."""
    if format not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    return EXPORT_FORMATS[format](model)


def import_model(format: str, path: str | os.PathLike[str]) -> GovernanceModel:
    """The model read from ``path`` in ``format`` (one of :data:`IMPORT_FORMATS`).

    Raises :class:`~mra_graph.errors.ConversionError` listing every row it cannot map.
    """
    if format not in IMPORT_FORMATS:
        raise UsageError(f"cannot import {format!r}; use one of {', '.join(IMPORT_FORMATS)}")
    return IMPORT_FORMATS[format](path)
