"""The model as a folder of CSV files that a spreadsheet opens, and back.

Files (UTF-8 with a byte-order mark so that Excel detects the encoding, comma-separated,
RFC 4180 quoting, CRLF line ends, a header row; import also reads the semicolons that
spreadsheets in a Dutch locale save): ``model.csv`` (field, value),
``documents.csv``, ``regions.csv``, ``nodes.csv``, ``relations.csv``, ``sources.csv``
(the sources of every item, one row each, in order), ``figures.csv`` (one row per
figure row, the table's fields repeated, a ``value_YYYY`` column per year),
``conflicts.csv`` and ``claims.csv``. The columns are :data:`COLUMNS`.

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
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from mra_graph.errors import ConversionError, Problem
from mra_graph.interchange.losses import Export
from mra_graph.model import (
    Claim,
    Conflict,
    Dated,
    Document,
    FigureRow,
    FigureTable,
    GovernanceModel,
    Node,
    Region,
    Relation,
    Source,
)
from mra_graph.validation import validate

__all__ = ["COLUMNS", "ENCODING", "export_csv", "import_csv", "neutralise", "restore"]

ENCODING = "utf-8-sig"


def _delimiter(text: str) -> str:
    """``;`` for a file saved by a spreadsheet in a Dutch locale, which separates with it; else ``,``."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


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
        return "list"
    if origin is dict:
        return "json"
    return {int: "int", float: "float", bool: "json"}.get(annotation, "text")


def _schema_columns(
    cls: type[BaseModel], skip: tuple[str, ...] = ("sources",), rename: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Column name to cell kind for every field of ``cls``: the schema decides, so no field is missed.

    The item's own fields come first, ``id`` leading, and the status and period last.
    """
    names = [n for n in cls.model_fields if n not in skip]
    own = [n for n in names if n not in Dated.model_fields]
    ordered = sorted(own, key=lambda n: n != "id") + [n for n in names if n in Dated.model_fields]
    renamed = rename or {}
    return {renamed.get(n, cls.model_fields[n].alias or n): _kind(cls, n) for n in ordered}


_TABLE = _schema_columns(FigureTable, ("id", "rows", "sources"))
_FIGURE_ROW = _schema_columns(FigureRow, ("id", "values", "sources"))
_CELL_KINDS: dict[str, dict[str, str]] = {
    "model.csv": {"field": "text", "value": "text"},
    "documents.csv": _schema_columns(Document),
    "regions.csv": _schema_columns(Region),
    "nodes.csv": _schema_columns(Node),
    "relations.csv": _schema_columns(Relation),
    "sources.csv": {"of": "text", "id": "text", **_schema_columns(Source)},
    "figures.csv": {"table": "text", **_TABLE, "row": "text", **_FIGURE_ROW},
    "conflicts.csv": _schema_columns(Conflict, ("claims",)),
    "claims.csv": {"conflict": "text", "claim": "int", **_schema_columns(Claim)},
}
COLUMNS: dict[str, tuple[str, ...]] = {file: tuple(kinds) for file, kinds in _CELL_KINDS.items()}

# What 'of' in sources.csv names, and the id of the item it points to.
_OWNERS = ("region", "node", "relation", "figure", "figure_row", "claim")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "'")
_MODEL_FIELDS = ("title", "title_en", "$schema")


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
    kinds = {**_CELL_KINDS[file], **dict.fromkeys(extra, "float")}
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
            figure_rows.append({**head, **_dump(row), "row": row.id, **values})
    claims = []
    for conflict in model.conflicts:
        for number, claim in enumerate(conflict.claims, start=1):
            cite("claim", f"{conflict.id}#{number}", claim.sources)
            claims.append({"conflict": conflict.id, "claim": number, **_dump(claim)})
    meta = model.model_dump(mode="json", by_alias=True, include={"title", "title_en", "schema_ref"})
    files = {
        "model.csv": _write(
            "model.csv",
            [{"field": f, "value": meta.get(f)} for f in _MODEL_FIELDS if meta.get(f) is not None],
        ),
        "documents.csv": _write("documents.csv", [_dump(d) for d in model.documents]),
        "regions.csv": _write("regions.csv", [_dump(r) for r in model.regions]),
        "nodes.csv": _write("nodes.csv", [_dump(n) for n in model.nodes]),
        "relations.csv": _write("relations.csv", [_dump(r) for r in model.relations]),
        "sources.csv": _write("sources.csv", sources),
        "figures.csv": _write("figures.csv", figure_rows, [f"value_{y}" for y in years]),
        "conflicts.csv": _write("conflicts.csv", [_dump(c) for c in model.conflicts]),
        "claims.csv": _write("claims.csv", claims),
    }
    return Export("csv", files, ())


@dataclass
class _Row:
    file: str
    number: int
    cells: dict[str, str]
    columns: tuple[str, ...]

    def column(self, name: str) -> int:
        return self.columns.index(name) + 1 if name in self.columns else 0


@dataclass
class _Reader:
    """Collects every problem of every file instead of stopping at the first."""

    folder: Path
    problems: list[Problem] = field(default_factory=list)

    def problem(
        self, row: _Row | None, file: str, column: str, message: str, hint: str | None = None
    ) -> None:
        number = row.number if row else 0
        where = row.column(column) if row else 0
        self.problems.append(Problem(file, number, where, f"/{column}" if column else "", message, hint))

    def rows(self, file: str, required: bool = False) -> list[_Row]:
        path = self.folder / file
        if not path.is_file():
            if required:
                self.problem(
                    None,
                    file,
                    "",
                    f"{file} is missing from {str(self.folder)!r}",
                    "run 'mra-graph export csv -o DIR' to see every file and column",
                )
            return []
        try:
            text = path.read_bytes().decode(ENCODING)
        except UnicodeDecodeError as error:
            self.problem(None, file, "", f"{file} is not UTF-8 (byte {error.start})", "save it as CSV UTF-8")
            return []
        except OSError as error:
            self.problem(None, file, "", f"cannot read {file}: {error.strerror}")
            return []
        try:
            table = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True))
        except csv.Error as error:
            self.problem(None, file, "", f"{file} is not valid CSV: {error}")
            return []
        if not table:
            return []
        header = tuple(h.strip() for h in table[0])
        known = COLUMNS[file]
        for name in header:
            if name not in known and not (file == "figures.csv" and name.startswith("value_")):
                self.problems.append(
                    Problem(file, 1, header.index(name) + 1, "", f"unknown column {name!r}", f"use {known}")
                )
        result = []
        for number, cells in enumerate(table[1:], start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                self.problems.append(
                    Problem(file, number, len(header) + 1, "", f"{len(cells)} cells, {len(header)} columns")
                )
                continue
            values = {h: restore(c) for h, c in zip(header, cells, strict=False) if c != ""}
            result.append(_Row(file, number, values, header))
        return result

    def parse(self, row: _Row, name: str, kind: str) -> Any:
        text = row.cells.get(name)
        if text is None:
            return None
        try:
            if kind == "list":
                return text.split("\n")
            if kind == "json":
                return json.loads(text)
            if kind == "int":
                return int(text)
            if kind == "float":
                return float(text)
        except ValueError:
            self.problem(row, row.file, name, f"{text!r} is not {_KIND_WORDS[kind]}")
            return None
        return text


_KIND_WORDS = {"json": "valid JSON", "int": "a whole number", "float": "a number"}


def _fields(reader: _Reader, row: _Row, keep: Iterable[str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    keep = set(keep)
    for name in row.cells:
        if name not in keep or name not in COLUMNS[row.file]:
            continue
        value = reader.parse(row, name, _CELL_KINDS[row.file][name])
        if value is not None:
            data[name] = value
    return data


def _checked(reader: _Reader, row: _Row, cls: type[BaseModel], data: dict[str, Any]) -> BaseModel | None:
    try:
        return cls.model_validate(data)
    except ValidationError as error:
        for e in error.errors(include_url=False):
            column = str(e["loc"][0]) if e["loc"] else ""
            message = e["msg"].removeprefix("Value error, ")
            if e["type"] == "missing":
                message = f"{column} is required"
            elif e["loc"] and not isinstance(e["input"], dict):
                message = f"{e['input']!r}: {message}"
            reader.problem(row, row.file, column, message)
        return None


def import_csv(path: str | os.PathLike[str]) -> GovernanceModel:
    """Read a folder written by :func:`export_csv` (or a spreadsheet with its columns).

    ``path`` is the folder or any CSV file in it. Raises
    :class:`~mra_graph.errors.ConversionError` listing every row that cannot be mapped
    (file, row number as a spreadsheet shows it, column), including rules that need the
    whole model such as references to unknown nodes.
    """
    folder = Path(path)
    if folder.is_file():
        folder = folder.parent
    if not folder.is_dir():
        raise ConversionError([Problem(str(path), 0, 0, "", f"no CSV folder at {str(path)!r}")])
    reader = _Reader(folder)
    origin: dict[tuple[str | int, ...], tuple[_Row, str]] = {}
    where_sources: dict[tuple[str, str], list[_Row]] = {}
    cited: dict[tuple[str, str], list[Source]] = {}
    for row in reader.rows("sources.csv", required=True):
        of, ident = row.cells.get("of", ""), row.cells.get("id", "")
        if of not in _OWNERS:
            reader.problem(row, row.file, "of", f"{of!r} is not one of {', '.join(_OWNERS)}")
            continue
        source = _checked(reader, row, Source, _fields(reader, row, _schema_columns(Source)))
        if isinstance(source, Source):
            cited.setdefault((of, ident), []).append(source)
            where_sources.setdefault((of, ident), []).append(row)
    used: set[tuple[str, str]] = set()

    def sources_of(of: str, ident: str, path: tuple[str | int, ...], row: _Row) -> list[Source]:
        used.add((of, ident))
        for j, source_row in enumerate(where_sources.get((of, ident), [])):
            origin[(*path, "sources", j)] = (source_row, "")
        return cited.get((of, ident), [])

    meta: dict[str, Any] = {}
    for row in reader.rows("model.csv"):
        key = row.cells.get("field", "")
        if key not in _MODEL_FIELDS:
            reader.problem(row, row.file, "field", f"unknown field {key!r}", f"use one of {_MODEL_FIELDS}")
        elif "value" in row.cells:
            meta["schema_ref" if key == "$schema" else key] = row.cells["value"]

    def items(file: str, cls: type[BaseModel], of: str | None) -> list[Any]:
        result: list[Any] = []
        for row in reader.rows(file, required=file in ("documents.csv", "nodes.csv")):
            data = _fields(reader, row, COLUMNS[file])
            path: tuple[str | int, ...] = (file.removesuffix(".csv"), len(result))
            if of is not None:
                data["sources"] = sources_of(of, data.get("id", ""), path, row)
            item = _checked(reader, row, cls, data)
            if item is not None:
                origin[path] = (row, "")
                result.append(item)
        return result

    documents = items("documents.csv", Document, None)
    regions = items("regions.csv", Region, "region")
    nodes = items("nodes.csv", Node, "node")
    relations = items("relations.csv", Relation, "relation")
    figures = _figures(reader, origin, sources_of)
    conflicts = _conflicts(reader, origin, sources_of)
    for (of, ident), rows in where_sources.items():
        if (of, ident) not in used:
            for row in rows:
                reader.problem(row, row.file, "id", f"no {of} has the id {ident!r}", "check the id and 'of'")
    if not meta.get("title"):
        reader.problems.append(Problem("model.csv", 0, 0, "", "the model has no title", "add a 'title' row"))
    if reader.problems:
        raise ConversionError(sorted(set(reader.problems)))
    model = GovernanceModel(
        **meta,
        documents=documents,
        regions=regions,
        nodes=nodes,
        relations=relations,
        figures=figures,
        conflicts=conflicts,
    )
    findings = validate(model)
    if findings:
        raise ConversionError(sorted({_located(f.path, f.message, f.hint, origin) for f in findings}))
    return model


def _located(
    path: tuple[str | int, ...], message: str, hint: str | None, origin: Mapping[tuple[str | int, ...], Any]
) -> Problem:
    for cut in range(len(path), 0, -1):
        if path[:cut] in origin:
            row, _ = origin[path[:cut]]
            column = str(path[cut]) if cut < len(path) and isinstance(path[cut], str) else ""
            column = {"from_": "from"}.get(column, column)
            return Problem(
                row.file, row.number, row.column(column), f"/{column}" if column else "", message, hint
            )
    return Problem("model.csv", 0, 0, "/" + "/".join(str(p) for p in path), message, hint)


_SourcesOf = Callable[[str, str, tuple[str | int, ...], _Row], list[Source]]


def _figures(
    reader: _Reader, origin: dict[tuple[str | int, ...], tuple[_Row, str]], sources_of: _SourcesOf
) -> list[FigureTable]:
    tables: dict[str, tuple[_Row, dict[str, Any], list[FigureRow]]] = {}
    for row in reader.rows("figures.csv"):
        ident = row.cells.get("table", "")
        t = list(tables).index(ident) if ident in tables else len(tables)
        if ident not in tables:
            head = _fields(reader, row, ("table", *_TABLE))
            head["id"] = head.pop("table", "")
            head["sources"] = sources_of("figure", ident, ("figures", t), row)
            origin[("figures", t)] = (row, "")
            tables[ident] = (row, head, [])
        data = _fields(reader, row, ("row", *_FIGURE_ROW))
        data["id"] = data.pop("row", "")
        data["values"] = {}
        for name in row.cells:
            if name.startswith("value_"):
                value = reader.parse(row, name, "float")
                if value is not None:
                    data["values"][name.removeprefix("value_")] = value
        path: tuple[str | int, ...] = ("figures", t, "rows", len(tables[ident][2]))
        data["sources"] = sources_of("figure_row", data["id"], path, row)
        figure_row = _checked(reader, row, FigureRow, data)
        if isinstance(figure_row, FigureRow):
            origin[path] = (row, "")
            tables[ident][2].append(figure_row)
    result = []
    for first, head, rows in tables.values():
        table = _checked(reader, first, FigureTable, {**head, "rows": rows})
        if isinstance(table, FigureTable):
            result.append(table)
    return result


def _conflicts(
    reader: _Reader, origin: dict[tuple[str | int, ...], tuple[_Row, str]], sources_of: _SourcesOf
) -> list[Conflict]:
    claims: dict[str, list[Claim]] = {}
    for row in reader.rows("claims.csv"):
        conflict = row.cells.get("conflict", "")
        data = _fields(reader, row, _schema_columns(Claim))
        number = row.cells.get("claim", "")
        data["sources"] = sources_of("claim", f"{conflict}#{number}", ("claims",), row)
        claim = _checked(reader, row, Claim, data)
        if isinstance(claim, Claim):
            claims.setdefault(conflict, []).append(claim)
    result: list[Conflict] = []
    for row in reader.rows("conflicts.csv"):
        data = _fields(reader, row, COLUMNS["conflicts.csv"])
        data["claims"] = claims.pop(data.get("id", ""), [])
        item = _checked(reader, row, Conflict, data)
        if isinstance(item, Conflict):
            origin[("conflicts", len(result))] = (row, "")
            result.append(item)
    for ident in claims:
        reader.problems.append(
            Problem("claims.csv", 0, 0, "", f"claims of conflict {ident!r}, which conflicts.csv lacks")
        )
    return result
