"""Standard formats in and out: CSV, GraphML, RDF (Turtle, JSON-LD), Popolo JSON, Neo4j and
the ArchiMate exchange format.

:func:`export_model` turns a model into the files of a format plus the list of facts
that format cannot carry; :func:`import_model` reads the formats that can come back.
Formats that need optional libraries (pyoxigraph for RDF) import them only when used and
say how to install them when missing.
"""

from __future__ import annotations

import importlib
import os
import re
from typing import Any

from mra_graph.errors import UsageError
from mra_graph.interchange.files import write_export
from mra_graph.interchange.losses import Export, Loss
from mra_graph.model.schema import GovernanceModel
from mra_graph.words import worded_error

__all__ = [
    "BASE_FORMATS",
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "RDF_FORMATS",
    "Export",
    "Loss",
    "export_model",
    "import_model",
    "import_with_losses",
    "write_export",
]


RDF_FORMATS = ("turtle", "jsonld")
BASE_FORMATS = (*RDF_FORMATS, "popolo")
"""The formats that take a base address: IRIs of the RDF formats, source links of Popolo."""
# matched whole: '$' would let a final newline through
_BASE = re.compile(r"https?://[^\s<>\"{}|\\^`\x00-\x1f\x7f]+[/#]")

# each format's module under mra_graph.interchange and the function in it; a module is
# imported when its format is used, so that every other command starts without them
# (the ArchiMate writer alone brings in an XML library)
EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "csv": ("csv_format", "export_csv"),
    "graphml": ("graphml", "export_graphml"),
    "turtle": ("rdf", "export_turtle"),
    "jsonld": ("rdf", "export_jsonld"),
    "popolo": ("popolo", "export_popolo"),
    "neo4j": ("neo4j", "export_neo4j"),
    "archimate": ("archimate", "export_archimate"),
}
"""Each export format: its module in this package and the function that writes it."""
IMPORT_FORMATS: dict[str, tuple[str, str]] = {
    "csv": ("csv_reading", "import_csv"),
    "popolo": ("popolo", "import_popolo"),
}
"""Each import format: its module in this package and the function that reads it."""
_IMPORT_LOSSES: dict[str, tuple[str, str]] = {"popolo": ("popolo", "read_popolo")}
"""The import formats whose reader also says what the model has no place for."""


def _function(table: dict[str, tuple[str, str]], format: str) -> Any:
    module, name = table[format]
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def export_model(model: GovernanceModel, format: str, *, base: str | None = None) -> Export:
    """The files of ``model`` in ``format`` (one of :data:`EXPORT_FORMATS`) and what was lost.

    ``base`` is the IRI the RDF formats put node, relation and source IRIs under, e.g.
    ``https://data.example.nl/mra/``, and the address Popolo links each source document
    under (``<base><file>#<section>``); other formats have no IRIs and refuse it.
    """
    if format not in EXPORT_FORMATS:
        raise worded_error(
            UsageError, "usage/unknown_export", format=repr(format), formats=", ".join(EXPORT_FORMATS)
        )
    if base is None:
        done: Export = _function(EXPORT_FORMATS, format)(model)
        return done
    if format not in BASE_FORMATS:
        raise worded_error(
            UsageError, "usage/base_not_here", format=repr(format), formats=", ".join(BASE_FORMATS)
        )
    if not _BASE.fullmatch(base):
        raise worded_error(UsageError, "usage/base_iri", base=repr(base))
    if format == "popolo" and not base.endswith("/"):
        raise worded_error(UsageError, "usage/base_popolo", base=repr(base))
    based: Export = _function(EXPORT_FORMATS, format)(model, base)
    return based


def import_model(format: str, path: str | os.PathLike[str]) -> GovernanceModel:
    """The model read from ``path`` in ``format`` (one of :data:`IMPORT_FORMATS`).

    Raises :class:`~mra_graph.errors.ConversionError` listing every row it cannot map.
    """
    if format not in IMPORT_FORMATS:
        raise worded_error(
            UsageError, "usage/unknown_import", format=repr(format), formats=", ".join(IMPORT_FORMATS)
        )
    read: GovernanceModel = _function(IMPORT_FORMATS, format)(path)
    return read


def import_with_losses(format: str, path: str | os.PathLike[str]) -> tuple[GovernanceModel, tuple[Loss, ...]]:
    """As :func:`import_model`, with what the file held that the model has no place for
    (none for the formats that read only what the export wrote)."""
    if format in _IMPORT_LOSSES:
        model, losses = _function(_IMPORT_LOSSES, format)(path)
        return model, tuple(losses)
    return import_model(format, path), ()
