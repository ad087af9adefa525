"""A node renamed on a day is called by the name it had on the day asked about: before
the rename by its old name, after it by its new one, in answers, `show` and pictures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import mra_graph
from mra_graph.cli import main
from mra_graph.render import Request, scene
from tests.english_model import english_model


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    data = english_model()
    for node in data["nodes"]:
        if node["id"] == "scrutiny":
            node["former_names"] = [{"name": "Scrutiny Panel", "valid_to": "2025-01-01"}]
    path = tmp_path / "westmoor.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _run(model_file: Path, at: str, *command: str) -> str:
    result = CliRunner().invoke(main, ["--model", str(model_file), "--lang", "en", "--at", at, *command])
    assert result.exit_code == 0, result.output
    return result.output


def test_before_a_rename_the_old_name_is_shown(model_file: Path) -> None:
    before = _run(model_file, "2024-06-01", "ask", "who informs the Overview and Scrutiny Committee?")
    assert "Scrutiny Panel is informed by:" in before
    after = _run(model_file, "2025-06-01", "ask", "who informs the Scrutiny Panel?")
    assert "Overview and Scrutiny Committee is informed by:" in after
    shown = _run(model_file, "2024-06-01", "show", "scrutiny")
    assert shown.startswith("Scrutiny Panel  [scrutiny]")
    assert "Called Overview and Scrutiny Committee from 2025-01-01" in shown
    later = _run(model_file, "2025-06-01", "show", "scrutiny")
    assert later.startswith("Overview and Scrutiny Committee  [scrutiny]")
    assert "Called Scrutiny Panel until 2025-01-01" in later


def test_a_picture_of_a_day_before_the_rename_draws_the_old_name(model_file: Path) -> None:
    model = mra_graph.load(model_file)
    assert model.named_on(dt.date(2025, 6, 1)) is model
    then = model.named_on(dt.date(2024, 6, 1))
    labels = {n.id: n.label for n in scene(then, Request("focus", "scrutiny", at=dt.date(2024, 6, 1))).nodes}
    assert labels["scrutiny"] == "Scrutiny Panel"
    # the node itself keeps its current name, and either name finds it
    assert then.nodes_by_id["scrutiny"].name == "Overview and Scrutiny Committee"


def test_a_day_in_the_question_names_the_node_as_on_that_day(model_file: Path) -> None:
    asked = _run(
        model_file, "2025-06-01", "ask", "who informs the Overview and Scrutiny Committee on 2024-06-01?"
    )
    assert "Scrutiny Panel is informed by:" in asked
    model = mra_graph.load(model_file)
    reply = model.ask("who informs the Scrutiny Panel on 2024-06-01?", at="2025-06-01", lang="en")
    assert "Scrutiny Panel is informed by:" in str(reply)
