"""The JSON shapes of answers: a fact's modality, scoped ends, group and disputed marks as data."""

from __future__ import annotations

import datetime as dt

from mra_graph.model.schema import GovernanceModel
from mra_graph.present.answers import composition_json, formation_json, hit_json
from mra_graph.present.summary import node_ref
from mra_graph.questions.queries import formation, members, related
from tests.qualified import qualified_model

Y2017 = dt.date(2017, 6, 1)
Y2020 = dt.date(2020, 6, 1)


def test_a_hit_through_a_group_names_the_group_its_scopes_and_that_it_is_unclear() -> None:
    model = qualified_model()
    (hit,) = related(model, "overleg-noord", "supports", "incoming", Y2020)
    data = hit_json(model, hit, Y2020, "nl")
    assert data["id"] == "team"
    assert data["group"] == "overleggen"
    # the fixture's conflict is an ambiguity: one secretary per meeting or one for all
    assert data["relation_unclear"] is True
    assert "relation_disputed" not in data
    assert data["attributes"] == {"from_scope": "one_of", "to_scope": "each_member"}


def test_a_node_ref_carries_modality_and_condition_in_the_asked_language() -> None:
    model = qualified_model()
    bureau = model.nodes_by_id["bureau"]
    assert node_ref(model, bureau, Y2020, "en")["condition"] == "if the proposal is adopted"
    data = node_ref(model, bureau, Y2020, "nl")
    assert (data["modality"], data["condition"]) == ("conditional", "als het voorstel wordt aangenomen")
    assert "disputed" not in data
    # a plain fact carries neither key
    assert not {"modality", "condition", "disputed"} & set(node_ref(model, model.nodes_by_id["team"], Y2020))


def test_a_proposed_relation_says_so_in_its_attributes() -> None:
    model = qualified_model()
    (hit,) = related(model, "bureau", "supports", "incoming", Y2020)
    assert hit_json(model, hit, Y2020, "nl")["attributes"] == {"modality": "proposed"}


def test_disputed_nodes_and_their_conflicts_are_data(model: GovernanceModel) -> None:
    data = composition_json(model, members(model, "pho-am", Y2017), Y2017, "nl")
    assert data["subject"]["disputed"] is True
    assert data["size"] == 4
    assert data["conflicts"] == ["pho-am-aantal"]
    ruimte = next(r for r in data["results"] if r["id"] == "pho-ruimte-am")
    assert ruimte["disputed"] is True
    assert ruimte["relation_disputed"] is True


def test_the_staffing_rows_carry_their_own_unit_and_conflicts(model: GovernanceModel) -> None:
    data = formation_json(formation(model), "en")
    assert data["unit"] == "fte"
    assert data["conflicts"] == ["formatie-eenheid"]
    (row,) = [r for r in data["rows"] if r["id"] == "formatie-ambtelijk-betrokken"]
    assert (row["unit"], row["conflicts"]) == ("people", ["formatie-eenheid"])
