"""The model as a folder of CSV files that a spreadsheet opens (reading it back: ``csv_reading``).

Files (UTF-8 with a byte-order mark so that Excel detects the encoding, comma-separated,
RFC 4180 quoting, CRLF line ends, a header row; import also reads the semicolons that
spreadsheets in a Dutch locale save): ``model.csv`` (field, value),
``documents.csv``, ``regions.csv``, ``nodes.csv``, ``relations.csv``, ``sources.csv``
(the sources of every item, one row each, in order), ``figures.csv`` (one row per
figure row, the table's fields repeated, a ``value_YYYY`` column per year),
``conflicts.csv``, ``claims.csv`` and ``abbreviations.csv``. The columns are :data:`COLUMNS`.

Cells: an empty cell is "not given"; lists (aliases, sections, subjects, years) hold
one item per line inside the cell; ``attributes`` and a claim's ``value`` are JSON.
A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or an
apostrophe is written with an extra leading apostrophe, so that no spreadsheet runs it
as a formula; reading removes that one apostrophe again. The folder carries every fact
of the model: export followed by import gives an equal model.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from mra_graph.interchange.losses import Export
from mra_graph.model.schema import (
    Abbreviation,
    Claim,
    Conflict,
    Document,
    FigureRow,
    FigureTable,
    GovernanceModel,
    Node,
    Region,
    Relation,
    Source,
    Stated,
)

__all__ = [
    "CELL_KINDS",
    "COLUMNS",
    "ENCODING",
    "FIGURE_ROW",
    "MODEL_FIELDS",
    "OWNERS",
    "ROW_UNIT",
    "TABLE",
    "export_csv",
    "neutralise",
    "restore",
    "schema_columns",
]

ENCODING = "utf-8-sig"


def _kind(cls: type[BaseModel], name: str) -> str:
    """How a field is written in a cell: text, a number, lines (a list) or JSON."""
    annotation: Any = cls.model_fields[name].annotation
    if get_origin(annotation) in (Union, UnionType):
        options = [a for a in get_args(annotation) if a is not NoneType]
        if len(options) > 1:
            return "json"
        annotation = options[0]
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    origin = get_origin(annotation)
    if origin is list:
        item = get_args(annotation)[0]
        # a list of objects (a node's former names) is one JSON cell
        return "json" if isinstance(item, type) and issubclass(item, BaseModel) else "list"
    if origin is dict:
        return "json"
    return {int: "int", float: "float", bool: "json"}.get(annotation, "text")


def schema_columns(
    cls: type[BaseModel], skip: tuple[str, ...] = ("sources",), rename: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Column name to cell kind for every field of ``cls``: the schema decides, so no field is missed.

    The item's own fields come first, ``id`` leading, and the status and period last.
    """
    names = [n for n in cls.model_fields if n not in skip]
    own = [n for n in names if n not in Stated.model_fields]
    ordered = sorted(own, key=lambda n: n != "id") + [n for n in names if n in Stated.model_fields]
    renamed = rename or {}
    return {renamed.get(n, cls.model_fields[n].alias or n): _kind(cls, n) for n in ordered}


TABLE = schema_columns(FigureTable, ("id", "rows", "sources"))
# a row's own unit shares figures.csv with its table's, so its columns are renamed
ROW_UNIT = {"unit": "row_unit", "unit_en": "row_unit_en"}
FIGURE_ROW = schema_columns(FigureRow, ("id", "values", "sources"), ROW_UNIT)
CELL_KINDS: dict[str, dict[str, str]] = {
    "model.csv": {"field": "text", "value": "text"},
    "documents.csv": schema_columns(Document),
    "regions.csv": schema_columns(Region),
    "nodes.csv": schema_columns(Node),
    "relations.csv": schema_columns(Relation),
    "sources.csv": {"of": "text", "id": "text", **schema_columns(Source)},
    "figures.csv": {"table": "text", **TABLE, "row": "text", **FIGURE_ROW},
    "conflicts.csv": schema_columns(Conflict, ("claims",)),
    "claims.csv": {"conflict": "text", "claim": "int", **schema_columns(Claim)},
    "abbreviations.csv": schema_columns(Abbreviation),
}
COLUMNS: dict[str, tuple[str, ...]] = {file: tuple(kinds) for file, kinds in CELL_KINDS.items()}

# What 'of' in sources.csv names, and the id of the item it points to.
OWNERS = ("region", "node", "relation", "figure", "figure_row", "claim")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "'")
MODEL_FIELDS = ("title", "title_en", "$schema", "lang")


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet: a leading formula character gets an apostrophe."""
    return "'" + text if text.startswith(_DANGEROUS) else text


def restore(text: str) -> str:
    """The inverse of :func:`neutralise`."""
    return text[1:] if text.startswith("'") else text


def _cell(kind: str, value: Any) -> str:
    if value is None or value == [] or value == {}:
        return ""
    if kind == "json":
        return neutralise(json.dumps(value, ensure_ascii=False))
    if kind == "list":
        return neutralise("\n".join(value))
    if isinstance(value, int | float):
        return repr(value)
    return neutralise(str(value))


def _write(file: str, rows: Iterable[Mapping[str, Any]], extra: Sequence[str] = ()) -> bytes:
    kinds = {**CELL_KINDS[file], **dict.fromkeys(extra, "float")}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(kinds)
    for row in rows:
        writer.writerow([_cell(kind, row.get(c)) for c, kind in kinds.items()])
    return buffer.getvalue().encode(ENCODING)


def _dump(item: BaseModel) -> dict[str, Any]:
    return item.model_dump(mode="json", by_alias=True, exclude={"sources"})


def export_csv(model: GovernanceModel) -> Export:
    """The model as the CSV files of :data:`COLUMNS`; nothing is lost."""
    years = sorted({y for table in model.figures for y in table.years})
    sources: list[dict[str, Any]] = []

    def cite(of: str, ident: str, items: Sequence[Source]) -> None:
        sources.extend({"of": of, "id": ident, **s.model_dump()} for s in items)

    for region in model.regions:
        cite("region", region.id, region.sources)
    for node in model.nodes:
        cite("node", node.id, node.sources)
    for relation in model.relations:
        cite("relation", relation.id, relation.sources)
    figure_rows = []
    for table in model.figures:
        cite("figure", table.id, table.sources)
        head = {**table.model_dump(mode="json", exclude={"id", "rows", "sources"}), "table": table.id}
        for row in table.rows:
            cite("figure_row", row.id, row.sources)
            values = {f"value_{y}": v for y, v in row.values.items()}
            own = {ROW_UNIT.get(k, k): v for k, v in _dump(row).items()}
            figure_rows.append({**head, **own, "row": row.id, **values})
    claims = []
    for conflict in model.conflicts:
        for number, claim in enumerate(conflict.claims, start=1):
            cite("claim", f"{conflict.id}#{number}", claim.sources)
            claims.append({"conflict": conflict.id, "claim": number, **_dump(claim)})
    meta = model.model_dump(mode="json", by_alias=True, include={"title", "title_en", "schema_ref"})
    meta |= model.model_dump(mode="json", include={"lang"}, exclude_defaults=True)  # 'nl' unless given
    files = {
        "model.csv": _write(
            "model.csv",
            [{"field": f, "value": meta.get(f)} for f in MODEL_FIELDS if meta.get(f) is not None],
        ),
        "documents.csv": _write("documents.csv", [_dump(d) for d in model.documents]),
        "regions.csv": _write("regions.csv", [_dump(r) for r in model.regions]),
        "nodes.csv": _write("nodes.csv", [_dump(n) for n in model.nodes]),
        "relations.csv": _write("relations.csv", [_dump(r) for r in model.relations]),
        "sources.csv": _write("sources.csv", sources),
        "figures.csv": _write("figures.csv", figure_rows, [f"value_{y}" for y in years]),
        "conflicts.csv": _write("conflicts.csv", [_dump(c) for c in model.conflicts]),
        "claims.csv": _write("claims.csv", claims),
        "abbreviations.csv": _write("abbreviations.csv", [_dump(a) for a in model.abbreviations]),
    }
    return Export("csv", files, ())
