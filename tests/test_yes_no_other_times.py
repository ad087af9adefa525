"""A yes/no question about a fact the model holds for another time than the day asked:
the "no" says when it did hold, instead of reading as if the model held nothing."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mra_graph.cli import main
from tests.english_model import english_model


def test_no_on_the_day_says_when_the_fact_held(tmp_path: Path) -> None:
    path = tmp_path / "westmoor.json"
    path.write_text(json.dumps(english_model()), encoding="utf-8")
    runner = CliRunner()
    question = ["ask", "does the Transition Board support the Combined Authority Board?"]
    later = runner.invoke(main, ["--model", str(path), "--lang", "en", "--at", "2024-06-01", *question])
    assert later.exit_code == 0, later.output
    lines = later.output.splitlines()
    assert lines[2].startswith("No")
    assert "It holds it for another time than 2024-06-01:" in later.output
    assert "(from 2021-01-01 until 2023-04-01, ended)" in later.output
    during = runner.invoke(main, ["--model", str(path), "--lang", "en", "--at", "2022-06-01", *question])
    assert during.output.splitlines()[2].startswith("Yes")
    assert "another time" not in during.output


def test_a_planned_body_would_exist_and_says_on_what_condition(tmp_path: Path) -> None:
    path = _with_skills_board(tmp_path, valid_from="2025-04-01")
    result = CliRunner().invoke(
        main,
        [
            "--model",
            str(path),
            "--lang",
            "en",
            "--at",
            "2024-06-01",
            "ask",
            "since when does the Skills Board exist?",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2:4] == [
        "Skills Board would exist from 2025-04-01.",
        "Status on 2024-06-01: planned (conditional: if the Secretary of State consents).",
    ]


def test_what_a_planned_body_does_says_it_is_planned_and_on_what_condition(tmp_path: Path) -> None:
    path = _with_skills_board(tmp_path)
    result = CliRunner().invoke(
        main,
        ["--model", str(path), "--lang", "en", "--at", "2024-06-01", "ask", "what does the Skills Board do?"],
    )
    assert result.exit_code == 0, result.output
    assert (
        "  Status on 2024-06-01: planned (conditional: if the Secretary of State consents)." in result.output
    )


def _with_skills_board(tmp_path: Path, **period: str) -> Path:
    """The English model with a Skills Board planned on a condition."""
    data = english_model()
    data["nodes"].append(
        {
            "id": "skills",
            "kind": "body",
            "type": "committee",
            "name": "Skills Board",
            "status": "planned",
            "modality": "conditional",
            "condition": "if the Secretary of State consents",
            "sources": [{"document": "order", "section": "Constitution"}],
            **period,
        }
    )
    path = tmp_path / "westmoor.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
