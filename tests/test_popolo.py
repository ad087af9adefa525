"""Popolo JSON: organisations, posts and memberships round-trip, everything else is a listed loss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mra_graph.errors import ConversionError
from mra_graph.interchange import export_model, import_model
from mra_graph.model import GovernanceModel, NodeKind
from mra_graph.validation import validate
from tests.hostile import hostile_model

CARRIED_KINDS = (NodeKind.BODY, NodeKind.ROLE, NodeKind.ORGANISATION)


def _expected(model: GovernanceModel) -> GovernanceModel:
    """What Popolo can carry of ``model``: its bodies, organisations, roles and memberships."""
    nodes = [n for n in model.nodes if n.kind in CARRIED_KINDS]
    kept = {n.id for n in nodes}
    relations = [r for r in model.relations if r.kind == "member_of" and r.from_ in kept and r.to in kept]
    ordered = [n for n in nodes if n.kind is not NodeKind.ROLE] + [
        n for n in nodes if n.kind is NodeKind.ROLE
    ]
    data = model.model_dump(by_alias=True) | {
        "nodes": [n.model_dump(by_alias=True) for n in ordered],
        "relations": [r.model_dump(by_alias=True) for r in relations],
        "figures": [],
        "conflicts": [],
    }
    return GovernanceModel.model_validate(data)


def _round_trip(model: GovernanceModel, tmp_path: Path) -> GovernanceModel:
    path = tmp_path / "p.json"
    path.write_bytes(export_model(model, "popolo").single)
    return import_model("popolo", path)


@pytest.mark.parametrize("hostile", [False, True], ids=["bundled", "hostile"])
def test_round_trip_keeps_what_popolo_carries(model: GovernanceModel, tmp_path: Path, hostile: bool) -> None:
    subject = hostile_model(model) if hostile else model
    back = _round_trip(subject, tmp_path)
    assert back == _expected(subject)
    assert validate(back) == []


def test_every_fact_left_out_is_a_listed_loss(model: GovernanceModel) -> None:
    expected = _expected(model)
    losses = {loss.what: loss.count for loss in export_model(model, "popolo").losses}
    assert sum(c for what, c in losses.items() if what.endswith(" nodes")) == len(model.nodes) - len(
        expected.nodes
    )
    assert sum(c for what, c in losses.items() if what.endswith(" relations")) == len(model.relations) - len(
        expected.relations
    )
    assert losses["figure tables"] == len(model.figures)
    assert losses["conflicts"] == len(model.conflicts)


def test_popolo_fields_use_inclusive_end_dates(model: GovernanceModel) -> None:
    data = json.loads(export_model(model, "popolo").single)
    ended = [n for n in model.nodes if n.valid_to and n.kind in CARRIED_KINDS]
    assert ended, "the bundled model has no ended organisation or post to test with"
    records = {r["id"]: r for r in data["organizations"] + data["posts"]}
    for node in ended:
        record = records[node.id]
        last = record.get("dissolution_date") or record.get("end_date")
        assert last == (node.valid_to.fromordinal(node.valid_to.toordinal() - 1)).isoformat()


def test_standard_fields_win_over_the_extension(model: GovernanceModel, tmp_path: Path) -> None:
    data = json.loads(export_model(model, "popolo").single)
    data["organizations"][0]["name"] = "Hernoemd"
    data["organizations"][0]["classification"] = "platform"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    node = import_model("popolo", path).nodes[0]
    assert (node.name, node.type) == ("Hernoemd", "platform")


def test_a_bad_record_is_reported_by_its_place(model: GovernanceModel, tmp_path: Path) -> None:
    data = json.loads(export_model(model, "popolo").single)
    data["memberships"][2]["organization_id"] = "nergens"
    data["posts"][1]["start_date"] = "morgen"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        import_model("popolo", path)
    pointers = [p.pointer for p in caught.value.problems]
    assert pointers == ["/posts/1/start_date"]
    data["posts"][1]["start_date"] = "2017-01-01"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        import_model("popolo", path)
    assert [p.pointer for p in caught.value.problems] == ["/memberships/2/organization_id"]
