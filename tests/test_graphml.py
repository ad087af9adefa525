"""GraphML export: networkx reads back the same graph, and the losses are listed."""

from __future__ import annotations

import io
import re

import networkx as nx
import pytest

from mra_graph.interchange import export_model, graphml
from mra_graph.interchange.graphml import graph_of
from mra_graph.model.loading import in_id_order
from mra_graph.model.schema import GovernanceModel, Node, Relation
from tests.hostile import hostile_model


@pytest.fixture(params=["bundled", "hostile"])
def subject(request: pytest.FixtureRequest, model: GovernanceModel) -> GovernanceModel:
    return model if request.param == "bundled" else hostile_model(model)


def test_networkx_reads_back_the_same_graph(subject: GovernanceModel) -> None:
    back = nx.read_graphml(io.BytesIO(export_model(subject, "graphml").single), force_multigraph=True)
    expected = graph_of(subject)
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(expected.edges(keys=True, data=True))
    assert back.graph["title"] == subject.title


def test_every_relation_is_an_edge_keyed_by_its_id(model: GovernanceModel) -> None:
    graph = graph_of(model)
    assert {key for _, _, key in graph.edges(keys=True)} == {r.id for r in model.relations}
    assert set(graph.nodes) == {n.id for n in model.nodes}


def test_what_a_graph_cannot_hold_is_listed(model: GovernanceModel) -> None:
    losses = {loss.what: loss.count for loss in export_model(model, "graphml").losses}
    assert losses == {
        "documents": len(model.documents),
        "regions": len(model.regions),
        "figure tables": len(model.figures),
        "conflicts": len(model.conflicts),
        "abbreviations": len(model.abbreviations),
    }


def test_every_node_and_relation_field_has_an_attribute() -> None:
    carried = set(graphml._NODE_FIELDS) | set(graphml._JSON_FIELDS)
    assert set(Node.model_fields) - {"id"} <= carried
    carried = set(graphml._EDGE_FIELDS) | set(graphml._JSON_FIELDS)
    assert set(Relation.model_fields) - {"id", "from_", "to"} <= carried


def test_the_file_is_what_networkx_writes_of_the_graph(subject: GovernanceModel) -> None:
    # the export writes the file itself, as it goes; networkx's writer (with lxml) is
    # the reference for its layout, byte for byte
    expected = io.BytesIO()
    nx.write_graphml_lxml(graph_of(in_id_order(subject)), expected, encoding="utf-8", prettyprint=True)
    assert export_model(subject, "graphml").single == expected.getvalue()


def test_edges_are_written_by_source_and_target_whatever_their_ids(model: GovernanceModel) -> None:
    # networkx lists a multigraph's edges by source node, then by target as first
    # reached: relation ids in another order than their sources must not change that
    by_target = sorted(model.relations, key=lambda r: (r.to, r.from_), reverse=True)
    renamed = [r.model_copy(update={"id": f"r{n:04d}"}) for n, r in enumerate(by_target)]
    subject = model.with_lists(relations=renamed, conflicts=[])
    expected = io.BytesIO()
    nx.write_graphml_lxml(graph_of(in_id_order(subject)), expected, encoding="utf-8", prettyprint=True)
    written = export_model(subject, "graphml").single
    assert written == expected.getvalue()
    ids = re.findall(rb'<edge [^>]*id="(r[0-9]+)"', written)
    assert len(ids) == len(renamed)
    assert ids != sorted(ids)  # by source, not in id order
