"""The scale benchmark's own arithmetic and checks: a step that does nothing cannot pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import run
from benchmarks.synthetic import national_model


@pytest.fixture(scope="module")
def subjects(tmp_path_factory: pytest.TempPathFactory) -> run.Subjects:
    path = tmp_path_factory.mktemp("bench") / "model.json"
    path.write_text(json.dumps(national_model(4)), encoding="utf-8")
    return run.subjects(path)


def test_the_slope_is_the_growth_exponent() -> None:
    assert run._slope([(1e3, 1.0), (1e4, 10.0), (1e5, 100.0)]) == pytest.approx(1.0)
    assert run._slope([(1e3, 1.0), (1e4, 100.0)]) == pytest.approx(2.0)
    assert run._slope([(1e3, 1.0)]) is None


def test_subjects_are_picked_from_the_model(subjects: run.Subjects) -> None:
    data = json.loads(subjects.model.read_text(encoding="utf-8"))
    ids = {n["id"] for n in data["nodes"]}
    assert {subjects.busiest, subjects.supported, subjects.top, subjects.far, subjects.body} <= ids
    assert subjects.far != subjects.busiest
    assert subjects.first < subjects.last


@pytest.mark.parametrize(
    ("key", "answer", "passes"),
    [
        pytest.param("answers", {"answers": [{"results": [{"id": "x"}]}]}, True, id="found"),
        pytest.param("answers", {"answers": [{"results": []}]}, False, id="empty-results"),
        pytest.param("chains", {"chains": []}, False, id="no-chain"),
        pytest.param("paths", {"paths": [[{"from": "a"}]]}, True, id="a-path"),
    ],
)
def test_an_empty_answer_fails_its_step(
    subjects: run.Subjects, tmp_path: Path, key: str, answer: object, passes: bool
) -> None:
    problem = run._json_answer(key)(subjects, tmp_path, json.dumps(answer).encode())
    assert (problem is None) is passes


def test_an_empty_or_foreign_file_fails_an_export(subjects: run.Subjects, tmp_path: Path) -> None:
    check = run._holds("{s.busiest}")
    out = tmp_path / "out.ttl"
    assert check(subjects, out, b"") is not None
    out.write_text("", encoding="utf-8")
    assert check(subjects, out, b"") is not None
    out.write_text("<x> <y> <z> .", encoding="utf-8")
    assert check(subjects, out, b"") is not None
    out.write_text(f"<{subjects.busiest}> <y> <z> .", encoding="utf-8")
    assert check(subjects, out, b"") is None
