"""CSV export and import: a lossless, spreadsheet-safe round trip and row-exact errors."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from mra_graph.dumping import dump_text
from mra_graph.interchange import export_model, import_model, write_export
from mra_graph.interchange.csv_format import COLUMNS, ENCODING, neutralise, restore
from mra_graph.model import GovernanceModel
from tests.hostile import HOSTILE, hostile_model


def _folder(model: GovernanceModel, tmp_path: Path) -> Path:
    write_export(export_model(model, "csv"), tmp_path / "csv")
    return tmp_path / "csv"


def test_round_trip_gives_the_same_model_and_file(model: GovernanceModel, tmp_path: Path) -> None:
    back = import_model("csv", _folder(model, tmp_path))
    assert back == model
    assert dump_text(back) == dump_text(model)


def test_the_csv_export_loses_nothing(model: GovernanceModel) -> None:
    assert export_model(model, "csv").losses == ()


def test_hostile_text_round_trips_literally(model: GovernanceModel, tmp_path: Path) -> None:
    hostile = hostile_model(model)
    assert import_model("csv", _folder(hostile, tmp_path)) == hostile


def test_no_cell_starts_a_formula(model: GovernanceModel) -> None:
    files = export_model(hostile_model(model), "csv").files
    for name, data in files.items():
        for row in list(csv.reader(io.StringIO(data.decode(ENCODING), newline="")))[1:]:
            for cell in row:
                starts_formula = cell[:1] in ("=", "+", "@", "\t", "\r") or (
                    cell.startswith("-") and not _is_number(cell)
                )
                assert not starts_formula, f"{name}: {cell!r}"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
def test_neutralise_is_undone_by_restore(text: str) -> None:
    assert restore(neutralise(text)) == text


def test_files_are_utf8_with_bom_and_the_documented_columns(model: GovernanceModel) -> None:
    files = export_model(model, "csv").files
    assert set(files) == set(COLUMNS)
    for name, data in files.items():
        assert data.startswith(b"\xef\xbb\xbf")
        header = next(csv.reader(io.StringIO(data.decode(ENCODING))))
        assert tuple(header[: len(COLUMNS[name])]) == COLUMNS[name]


def test_table_and_row_columns_of_figures_do_not_collide() -> None:
    table = COLUMNS["figures.csv"][: COLUMNS["figures.csv"].index("row")]
    assert not set(table) & set(COLUMNS["figures.csv"][len(table) :])


def test_the_docs_list_every_column_in_order() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "interchange.md").read_text(encoding="utf-8")
    for file, columns in COLUMNS.items():
        line = next(line for line in docs.splitlines() if line.startswith(f"| `{file}` |"))
        assert re.findall(r"`([^`]+)`", line.split("|")[2])[: len(columns)] == list(columns), file


def test_export_is_deterministic(model: GovernanceModel) -> None:
    assert export_model(model, "csv").files == export_model(model, "csv").files
