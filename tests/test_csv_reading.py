"""Reading CSV folders back: Dutch-locale separators, and every bad row reported with its place."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from mra_graph.errors import ConversionError
from mra_graph.interchange import export_model, import_model, write_export
from mra_graph.interchange.csv_format import COLUMNS, ENCODING
from mra_graph.model.schema import GovernanceModel


def _folder(model: GovernanceModel, tmp_path: Path) -> Path:
    write_export(export_model(model, "csv"), tmp_path / "csv")
    return tmp_path / "csv"


def test_semicolon_separated_files_from_a_dutch_spreadsheet_read_the_same(
    model: GovernanceModel, tmp_path: Path
) -> None:
    folder = _folder(model, tmp_path)
    for path in folder.iterdir():
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode(ENCODING), newline="")))
        out = io.StringIO(newline="")
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
        path.write_bytes(out.getvalue().encode(ENCODING))
    assert import_model("csv", folder) == model


def _edit(folder: Path, file: str, edit: dict[tuple[int, str], str]) -> None:
    path = folder / file
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode(ENCODING), newline="")))
    header = list(rows[0])
    for (number, column), value in edit.items():
        rows[number - 2][column] = value
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode(ENCODING))


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "message"),
    [
        pytest.param("relations.csv", 3, "to", "nergens", "unknown node 'nergens'", id="unknown-target"),
        pytest.param("nodes.csv", 5, "size", "veel", "'veel' is not a whole number", id="bad-number"),
        pytest.param("nodes.csv", 2, "kind", "persoon", "'persoon': Input should be", id="bad-kind"),
        pytest.param("sources.csv", 2, "of", "ding", "'ding' is not one of", id="bad-owner"),
        pytest.param("nodes.csv", 4, "attributes", "{kapot", "'{kapot' is not valid JSON", id="bad-json"),
        pytest.param(
            "relations.csv", 6, "valid_from", "1-1-2017", "'1-1-2017': Input should be", id="bad-date"
        ),
    ],
)
def test_import_reports_the_row_and_column(
    model: GovernanceModel, tmp_path: Path, file: str, row: int, column: str, value: str, message: str
) -> None:
    folder = _folder(model, tmp_path)
    _edit(folder, file, {(row, column): value})
    with pytest.raises(ConversionError) as caught:
        import_model("csv", folder)
    where = (file, row, COLUMNS[file].index(column) + 1)
    found = [p for p in caught.value.problems if (p.file, p.line, p.column) == where]
    assert found, caught.value.problems
    assert found[0].message.startswith(message), found[0]


def test_import_reports_every_bad_row_at_once(model: GovernanceModel, tmp_path: Path) -> None:
    folder = _folder(model, tmp_path)
    _edit(folder, "relations.csv", {(2, "count"): "x", (7, "count"): "y", (9, "valid_from"): "gisteren"})
    with pytest.raises(ConversionError) as caught:
        import_model("csv", folder)
    assert sorted(p.line for p in caught.value.problems) == [2, 7, 9]


def test_import_needs_the_nodes(tmp_path: Path) -> None:
    with pytest.raises(ConversionError) as caught:
        import_model("csv", tmp_path)
    missing = sorted(p.file for p in caught.value.problems if "is missing" in p.message)
    assert missing == ["documents.csv", "nodes.csv", "sources.csv"]


@pytest.mark.parametrize(
    ("file", "column", "value", "said"),
    [
        ("figures.csv", "value_2016", "NaN", "'NaN' is not a finite number"),
        ("figures.csv", "value_2017", "inf", "'inf' is not a finite number"),
        ("nodes.csv", "attributes", '{"size": NaN}', "is not valid JSON"),
        ("nodes.csv", "attributes", "[" * 100_000, "is not valid JSON"),
    ],
    ids=["nan", "infinity", "nan-in-json", "deep-json"],
)
def test_a_cell_that_is_no_number_or_no_json_is_one_problem_and_nothing_is_written(
    model: GovernanceModel, tmp_path: Path, file: str, column: str, value: str, said: str
) -> None:
    folder = tmp_path / "csv"
    write_export(export_model(model, "csv"), folder)
    with (folder / file).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index(column)] = value
    with (folder / file).open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    with pytest.raises(ConversionError) as caught:
        import_model("csv", folder)
    assert any(said in p.message for p in caught.value.problems), caught.value.problems


def test_a_language_the_model_cannot_have_is_reported_on_its_row(
    model: GovernanceModel, tmp_path: Path
) -> None:
    folder = _folder(model, tmp_path)
    path = folder / "model.csv"
    rows = path.read_bytes().decode(ENCODING).count("\r\n")
    path.write_bytes(path.read_bytes() + b"lang,fr\r\n")
    with pytest.raises(ConversionError) as caught:
        import_model("csv", folder)
    assert [(p.file, p.line, p.column) for p in caught.value.problems] == [("model.csv", rows + 1, 2)]
    assert caught.value.problems[0].message.startswith("'fr': ")
