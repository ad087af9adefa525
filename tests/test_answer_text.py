"""Answers as text: a fact's modality, scoped ends and disputed marks read wherever it appears."""

from __future__ import annotations

import datetime as dt

import pytest

from mra_graph.answer_text import answer_lines, path_lines
from mra_graph.queries import Direction, paths, related
from tests.qualified import qualified_model

Y2017 = dt.date(2017, 6, 1)
Y2020 = dt.date(2020, 6, 1)


def _answer(subject: str, kind: str, direction: Direction, lang: str) -> list[str]:
    model = qualified_model()
    hits = related(model, subject, kind, direction, Y2020)
    return answer_lines(model, model.nodes_by_id[subject], kind, direction, hits, Y2020, lang)


@pytest.mark.parametrize(
    ("subject", "kind", "direction", "lang", "expected"),
    [
        (
            "overleg-noord",
            "supports",
            "incoming",
            "nl",
            [
                "overleg Noord wordt ondersteund door:",
                "  - één van de leden of onderdelen van Team"
                " (geldt voor ieder lid of onderdeel van overleggen, betwist)",
            ],
        ),
        (
            "overleg-noord",
            "supports",
            "incoming",
            "en",
            [
                "meeting North is supported by:",
                "  - one of the members or parts of Team"
                " (holds for each member or part of meetings, disputed)",
            ],
        ),
        (
            "overleggen",
            "supports",
            "incoming",
            "nl",
            [
                "overleggen wordt ondersteund door:",
                "  - één van de leden of onderdelen van Team (voor ieder lid of onderdeel, betwist)",
            ],
        ),
        (
            "bureau",
            "supports",
            "incoming",
            "nl",
            ["Bureau (voorwaardelijk) wordt ondersteund door:", "  - Team (voorgesteld)"],
        ),
        (
            "bureau",
            "supports",
            "incoming",
            "en",
            ["Bureau (conditional) is supported by:", "  - Team (proposed)"],
        ),
    ],
    ids=[
        "one-of-through-group-nl",
        "one-of-through-group-en",
        "on-the-group-itself",
        "modality-nl",
        "modality-en",
    ],
)
def test_an_answer_says_for_whom_and_how_firmly_a_fact_holds(
    subject: str, kind: str, direction: Direction, lang: str, expected: list[str]
) -> None:
    assert _answer(subject, kind, direction, lang) == expected


def test_a_path_marks_a_disputed_relation_and_a_conditional_node() -> None:
    model = qualified_model()
    found = paths(model, "werkgroep", "bureau", Y2020)
    lines = path_lines(model, model.nodes_by_id["werkgroep"], model.nodes_by_id["bureau"], found, "nl")
    assert any("Bureau (voorwaardelijk)" in line for line in lines)
    found = paths(model, "secretaris-een", "overleggen", Y2020, ["member_of", "supports"])
    text = "\n".join(
        path_lines(model, model.nodes_by_id["secretaris-een"], model.nodes_by_id["overleggen"], found, "en")
    )
    assert "each member or part of meetings" in text
    assert "disputed" in text
