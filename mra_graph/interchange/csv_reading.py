"""Reading a folder of CSV files (as :mod:`mra_graph.interchange.csv_format` writes them) into a model.

Every problem is collected, with the file, the row number a spreadsheet shows (the
header is row 1) and the column, before anything is returned: first every row that
cannot be read on its own, then, once all rows read, what needs the whole model
(references, cycles, lifetimes), traced back to the row that holds it.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from mra_graph.errors import ConversionError, Problem
from mra_graph.interchange.csv_format import (
    CELL_KINDS,
    COLUMNS,
    ENCODING,
    FIGURE_ROW,
    MODEL_FIELDS,
    OWNERS,
    ROW_UNIT,
    TABLE,
    restore,
    schema_columns,
)
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
)
from mra_graph.model.validation import validate

__all__ = ["import_csv"]


def _delimiter(text: str) -> str:
    """``;`` for a file saved by a spreadsheet in a Dutch locale, which separates with it; else ``,``."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


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
                return json.loads(text, parse_constant=_no_constant)
            if kind == "int":
                return int(text)
            if kind == "float":
                number = float(text)
                if not math.isfinite(number):
                    raise ValueError(text)
                return number
        except (ValueError, RecursionError):
            self.problem(row, row.file, name, f"{text[:80]!r} is not {_KIND_WORDS[kind]}")
            return None
        return text


_KIND_WORDS = {
    "json": "valid JSON of at most a few levels, without NaN or Infinity",
    "int": "a whole number",
    "float": "a finite number",
}


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is no number")


def _fields(reader: _Reader, row: _Row, keep: Iterable[str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    keep = set(keep)
    for name in row.cells:
        if name not in keep or name not in COLUMNS[row.file]:
            continue
        value = reader.parse(row, name, CELL_KINDS[row.file][name])
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
        if of not in OWNERS:
            reader.problem(row, row.file, "of", f"{of!r} is not one of {', '.join(OWNERS)}")
            continue
        source = _checked(reader, row, Source, _fields(reader, row, schema_columns(Source)))
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
    meta_rows: dict[str, _Row] = {}
    for row in reader.rows("model.csv"):
        key = row.cells.get("field", "")
        if key not in MODEL_FIELDS:
            reader.problem(row, row.file, "field", f"unknown field {key!r}", f"use one of {MODEL_FIELDS}")
        elif "value" in row.cells:
            meta["schema_ref" if key == "$schema" else key] = row.cells["value"]
            meta_rows["schema_ref" if key == "$schema" else key] = row

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
    abbreviations = items("abbreviations.csv", Abbreviation, None)
    for (of, ident), rows in where_sources.items():
        if (of, ident) not in used:
            for row in rows:
                reader.problem(row, row.file, "id", f"no {of} has the id {ident!r}", "check the id and 'of'")
    if not meta.get("title"):
        reader.problems.append(Problem("model.csv", 0, 0, "", "the model has no title", "add a 'title' row"))
    if reader.problems:
        raise ConversionError(sorted(set(reader.problems)))
    try:
        model = GovernanceModel(
            **meta,
            documents=documents,
            regions=regions,
            nodes=nodes,
            relations=relations,
            figures=figures,
            conflicts=conflicts,
            abbreviations=abbreviations,
        )
    except ValidationError as error:  # a value of model.csv: the rows of the other files are checked
        for e in error.errors(include_url=False):
            given = meta_rows.get(str(e["loc"][0]) if e["loc"] else "")
            message = f"{e['input']!r}: {e['msg'].removeprefix('Value error, ')}"
            if given is None:
                reader.problems.append(Problem("model.csv", 0, 0, "", message))
            else:
                reader.problem(given, given.file, "value", message)
        raise ConversionError(sorted(set(reader.problems))) from error
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


# figures.csv column -> FigureRow field
_UNIT_FIELDS = {column: name for name, column in ROW_UNIT.items()}
_ROW_FIELDS = {column: _UNIT_FIELDS.get(column, column) for column in ("row", *FIGURE_ROW)}


def _figures(
    reader: _Reader, origin: dict[tuple[str | int, ...], tuple[_Row, str]], sources_of: _SourcesOf
) -> list[FigureTable]:
    tables: dict[str, tuple[_Row, dict[str, Any], list[FigureRow]]] = {}
    for row in reader.rows("figures.csv"):
        ident = row.cells.get("table", "")
        t = list(tables).index(ident) if ident in tables else len(tables)
        if ident not in tables:
            head = _fields(reader, row, ("table", *TABLE))
            head["id"] = head.pop("table", "")
            head["sources"] = sources_of("figure", ident, ("figures", t), row)
            origin[("figures", t)] = (row, "")
            tables[ident] = (row, head, [])
        data = _fields(reader, row, ("row", *FIGURE_ROW))
        data = {field: data[column] for column, field in _ROW_FIELDS.items() if column in data}
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
        data = _fields(reader, row, schema_columns(Claim))
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
