"""The JSON of ``diff``, written item by item, is the text of the answer's data as a whole."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic_core import to_json

from mra_graph.editing import edits as editing
from mra_graph.model.schema import GovernanceModel
from mra_graph.present.answers import diff_json, diff_json_text
from mra_graph.questions import queries
from mra_graph.words import Lang

D = dt.date


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(1995, 1, 1), D(2022, 1, 1)),  # the whole model: qualifiers, marks, several citations
        (D(2016, 6, 1), D(2017, 6, 1)),
        (D(2022, 1, 1), D(1995, 1, 1)),  # backwards: what became planned again is "changed"
        (D(2017, 6, 1), D(2017, 6, 1)),  # nothing
    ],
)
def test_the_written_diff_is_the_text_of_its_data(
    model: GovernanceModel, start: dt.date, end: dt.date, lang: Lang
) -> None:
    change = queries.diff(model, start, end)
    expected = to_json(diff_json(model, change, lang), indent=2).decode()
    assert "".join(diff_json_text(model, change, lang)) == expected


def test_the_written_diff_holds_every_kind_of_change(model: GovernanceModel) -> None:
    node = next(n for n in model.nodes if n.valid_to is None and n.name_en)
    renamed = editing.rename(model, node.id, "Nieuwe naam", D(2017, 3, 1), name_en="New name")
    for start, end in ((D(2016, 6, 1), D(2017, 6, 1)), (D(2022, 1, 1), D(2010, 1, 1))):
        change = queries.diff(renamed, start, end)
        data = diff_json(renamed, change, "en")
        for lang in ("nl", "en"):
            expected = to_json(diff_json(renamed, change, lang), indent=2).decode()
            assert "".join(diff_json_text(renamed, change, lang)) == expected
        assert data["added" if end > start else "changed"]
    forward = diff_json(renamed, queries.diff(renamed, D(2016, 6, 1), D(2017, 6, 1)), "en")
    assert [r["id"] for r in forward["renamed"]] == [node.id]


def test_the_whole_model_s_diff_has_qualifiers_marks_and_several_citations(model: GovernanceModel) -> None:
    # what the comparisons above cover: every optional field of an item
    data = diff_json(model, queries.diff(model, D(1995, 1, 1), D(2022, 1, 1)), "en")
    fields = {k for i in data["added"] for k in i}
    assert {"modality", "condition", "modality_via", "unclear", "inferred", "to_scope"} <= fields
    assert any(len(i["sources"]) > 1 for i in data["added"])
