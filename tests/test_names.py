"""Name lookup: built once per model, so that many same-named nodes cost no more per lookup."""

from __future__ import annotations

import json

import pytest

import mra_graph
from mra_graph.model import names
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.vocabulary import bundled_model_path


def _twins(count: int) -> GovernanceModel:
    data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    base = next(n for n in data["nodes"] if n["id"] == "am-team")
    for i in range(count):
        twin = {**base, "id": f"twin-{i}", "aliases": []}
        data["nodes"].append(twin)
    return mra_graph.load_text(json.dumps(data), "twins")


def test_the_index_is_built_once_per_model(monkeypatch: pytest.MonkeyPatch, model: GovernanceModel) -> None:
    built: list[GovernanceModel] = []
    original = names.NameIndex.__init__

    def counting(self: names.NameIndex, m: GovernanceModel) -> None:
        built.append(m)
        original(self, m)

    monkeypatch.delitem(model.derived, "name index", raising=False)  # built anew below
    monkeypatch.setattr(names.NameIndex, "__init__", counting)
    for _ in range(3):
        names.resolve_all(model, "Regiegroep")
        names.resolve(model, "het MRA-Bureau")
    assert built == [model]


def test_a_name_maps_straight_to_its_ids_in_model_order() -> None:
    twins = _twins(50)
    index = names.index(twins)
    assert index is names.index(twins)
    ids = list(index.by_key["am team"])
    assert ids == ["am-team", *(f"twin-{i}" for i in range(50))]
    assert [n.id for n in names.resolve_all(twins, "het AM-team")] == list(ids)
