"""The networkx graph: ids as nodes, relations as keyed edges, filtered by date."""

from __future__ import annotations

import datetime as dt

import pytest

from mra_graph.graph import build_graph, graph_at
from mra_graph.model import GovernanceModel


def test_every_node_and_relation_is_in_the_undated_graph(model: GovernanceModel) -> None:
    graph = build_graph(model)
    assert set(graph.nodes) == {n.id for n in model.nodes}
    keys = {k for _, _, k, d in graph.edges(keys=True, data=True) if not d["mirrored"]}
    assert keys == {r.id for r in model.relations}


def test_same_named_bodies_are_separate_nodes(model: GovernanceModel) -> None:
    graph = build_graph(model)
    assert graph.nodes["regiegroep-mra"]["label"] == "Regiegroep (MRA)"
    assert graph.nodes["regiegroep-am"]["label"] == "Regiegroep (AM)"


def test_edges_carry_kind_attributes_and_sources(model: GovernanceModel) -> None:
    data = build_graph(model).get_edge_data(
        "regiegroep-mra", "mra-bureau", key="regiegroep-mra.commissions.mra-bureau"
    )
    assert data["kind"] == "commissions"
    assert data["relation"].capacity == "bestuurlijk"
    assert data["sources"][0].section == "Opdrachtgeverschap en werkgeverscommissie"


@pytest.mark.parametrize(
    ("day", "bureau", "stadsregio_staff"),
    [
        (dt.date(2016, 6, 1), False, True),
        (dt.date(2016, 12, 31), False, True),
        (dt.date(2017, 1, 1), True, False),
    ],
    ids=["mid-2016", "last-day-of-2016", "first-day-of-2017"],
)
def test_a_date_keeps_only_what_holds_that_day(
    model: GovernanceModel, day: dt.date, bureau: bool, stadsregio_staff: bool
) -> None:
    graph = build_graph(model, day)
    assert ("mra-bureau" in graph) is bureau
    assert ("medewerkers-stadsregio-mra" in graph) is stadsregio_staff
    assert "pho-duurzaamheid-am" not in graph  # only under consideration (Toelichting)


def test_symmetric_relations_are_answerable_from_both_ends(model: GovernanceModel) -> None:
    graph = build_graph(model, dt.date(2017, 6, 1))
    key = "mra-bureau.shares_facilities_with.expat-centre"
    assert graph.get_edge_data("mra-bureau", "expat-centre", key=key)["mirrored"] is False
    assert graph.get_edge_data("expat-centre", "mra-bureau", key=key)["mirrored"] is True


def test_graph_at_reuses_one_graph_per_model_and_date(model: GovernanceModel) -> None:
    day = dt.date(2017, 6, 1)
    assert graph_at(model, day) is graph_at(model, day)
    assert graph_at(model, day) is not graph_at(model, dt.date(2016, 6, 1))


def test_a_copy_with_other_lists_builds_its_own_graph(model: GovernanceModel) -> None:
    day = dt.date(2017, 6, 1)
    graph = graph_at(model, day)
    kept = [n for n in model.nodes if n.id in graph][:1]
    copy = model.with_lists(nodes=kept, relations=[])
    assert set(graph_at(copy, day)) == {kept[0].id}
    assert graph_at(model, day) is graph
