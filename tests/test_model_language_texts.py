"""Model text of an English model read in either language: the reasons, notes and
conditions it holds are its own English, marked «…» only in Dutch output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mra_graph.cli import main
from tests.english_model import english_model

REASON = "The order gives the unit no other task."
NOTE = "Through its officers."


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    data = english_model()
    for relation in data["relations"]:
        if relation["id"] == "office.supports.board":
            relation["inferred"] = REASON
            relation["note"] = NOTE
    path = tmp_path / "westmoor.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["show", "Westmoor Policy Unit"],
        ["ask", "--sources", "who supports the Combined Authority Board?"],
    ],
)
def test_an_english_models_reasons_are_marked_only_in_dutch(model_file: Path, command: list[str]) -> None:
    runner = CliRunner()
    english = runner.invoke(main, ["--model", str(model_file), "--lang", "en", *command])
    assert english.exit_code == 0, english.output
    assert REASON in english.output
    assert f"«{REASON}»" not in english.output
    dutch = runner.invoke(main, ["--model", str(model_file), "--lang", "nl", *command])
    assert dutch.exit_code == 0, dutch.output
    assert f"«{REASON}»" in dutch.output


def test_an_english_models_english_report_marks_nothing(model_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["--model", str(model_file), "--lang", "en", "report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert REASON in page
    # nothing is marked, so nothing explains the marks
    assert "«" not in page
    dutch = tmp_path / "rapport.html"
    result = runner.invoke(main, ["--model", str(model_file), "--lang", "nl", "report", "-o", str(dutch)])
    assert result.exit_code == 0, result.output
    assert f"«{REASON}»" in dutch.read_text(encoding="utf-8")
    assert "in het Engels" in dutch.read_text(encoding="utf-8")


def test_a_count_per_member_council_counts_at_least_once(tmp_path: Path) -> None:
    data = english_model()
    source = [{"document": "order", "section": "Constitution"}]
    data["relations"].append(
        {"id": "mayor.member_of.board", "kind": "member_of", "from": "mayor", "to": "board", "count": 1}
        | {"sources": source}
    )
    path = tmp_path / "westmoor.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    runner = CliRunner()
    question = "how many members does the Combined Authority Board have?"
    result = runner.invoke(main, ["--model", str(path), "--lang", "en", "ask", question])
    assert result.exit_code == 0, result.output
    # the mayor, and a leader for each of at least one constituent council
    assert "Combined Authority Board has at least 2 members;" in result.output
    data["relations"] = [r for r in data["relations"] if r["kind"] != "member_of" or r["to"] != "board"]
    data["relations"].append(
        {"id": "mayor.member_of.board", "kind": "member_of", "from": "mayor", "to": "board", "count": 1}
        | {"sources": source}
    )
    data["nodes"] = [n | {"size": 1} if n["id"] == "board" else n for n in data["nodes"]]
    path.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(main, ["--model", str(path), "--lang", "en", "ask", question])
    assert "Combined Authority Board has 1 member." in result.output, result.output


def test_graphml_of_an_english_model_says_its_verbs_in_english(model_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "westmoor.graphml"
    result = CliRunner().invoke(main, ["--model", str(model_file), "export", "graphml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert ">supports<" in text
    assert "ondersteunt" not in text


def test_single_member_councils_count_one_each(model_file: Path) -> None:
    question = "how many members does the Westmoor Combined Authority have?"
    result = CliRunner().invoke(main, ["--model", str(model_file), "--lang", "en", "ask", question])
    assert result.exit_code == 0, result.output
    # three borough councils, each one organisation with no count of its own
    assert "Westmoor Combined Authority has 3 members." in result.output


def test_a_count_of_members_of_one_kind_names_only_those_in_it_on_the_day(tmp_path: Path) -> None:
    data = english_model()
    for relation in data["relations"]:
        if relation["id"] == "southmoor.member_of.authority":
            relation |= {"status": "ended", "valid_to": "2023-01-01"}
    path = tmp_path / "westmoor.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    question = "how many borough councils are in the Westmoor Combined Authority?"
    result = CliRunner().invoke(
        main, ["--model", str(path), "--lang", "en", "--at", "2024-06-01", "ask", question]
    )
    assert result.exit_code == 0, result.output
    assert (
        "Westmoor Combined Authority: 2 × Eastmoor Borough Council, Northmoor Borough Council."
        in result.output
    )
    assert "Southmoor" not in result.output.split("made up of")[0].split("answer for each")[-1]
