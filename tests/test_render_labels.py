"""The words a diagram puts on nodes and lines: modality, scoped ends and disputed marks."""

from __future__ import annotations

import datetime as dt

import pytest

from mra_graph.model.schema import GovernanceModel, Status
from mra_graph.render.labels import edge_label, node_notes
from tests.qualified import qualified_model

Y2017 = dt.date(2017, 6, 1)
Y2020 = dt.date(2020, 6, 1)


@pytest.mark.parametrize(
    ("relation", "lang", "label"),
    [
        (
            "team.supports.overleggen",
            "nl",
            "één van de leden of onderdelen, voor ieder lid of onderdeel, onduidelijk",
        ),
        ("team.supports.overleggen", "en", "one of the members or parts, for each member or part, unclear"),
        ("overleggen.informs.bureau", "nl", "ieder lid of onderdeel"),
        ("team.supports.bureau", "en", "proposed"),
        ("team.coordinates.overleggen", "nl", ""),
    ],
    ids=["both-ends-scoped-nl", "both-ends-scoped-en", "each-member-source", "proposed", "plain"],
)
def test_an_edge_label_says_for_whom_and_how_firmly(relation: str, lang: str, label: str) -> None:
    model = qualified_model()
    rel = next(r for r in model.relations if r.id == relation)
    assert edge_label(model, rel, lang) == label


@pytest.mark.parametrize(("lang", "word"), [("nl", "voorwaardelijk"), ("en", "conditional")])
def test_a_conditional_node_is_noted_under_its_name(lang: str, word: str) -> None:
    model = qualified_model()
    notes = node_notes(model, model.nodes_by_id["bureau"], Status.ACTIVE, Y2020, lang, staffing=False)
    assert notes == (word,)


def test_a_disputed_node_is_marked_in_the_diagram(model: GovernanceModel) -> None:
    # 'vier ... namelijk ... Ruimte' against 'drie' in the Toelichting
    node = model.nodes_by_id["pho-ruimte-am"]
    assert "betwist" in node_notes(model, node, Status.ACTIVE, Y2017, "nl", staffing=False)
    reserved = next(r for r in model.relations if r.id == "mra-bureau.housed_at.amsterdam-wtc")
    assert edge_label(model, reserved, "nl") == "gereserveerd"
