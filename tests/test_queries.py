"""The query functions: relations, composition, lines of responsibility, paths, time, staffing."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

import networkx as nx
import pytest

from mra_graph.errors import UnknownNameError, UnknownRelationKindError
from mra_graph.model.loading import load_text
from mra_graph.model.schema import GovernanceModel, Modality, Scope
from mra_graph.questions.graph import build_graph
from mra_graph.questions.queries import (
    MAX_PATHS,
    Direction,
    chains,
    diff,
    formation,
    members,
    neighbourhood,
    paths,
    related,
)
from tests.qualified import qualified_model

Y2016 = dt.date(2016, 6, 1)
Y2017 = dt.date(2017, 6, 1)


def test_related_carries_the_relation_and_its_sources(model: GovernanceModel) -> None:
    hits = related(model, "mra-bureau", "commissions", "incoming", Y2017)
    assert [(h.node.id, h.relation.capacity) for h in hits] == [
        ("regiegroep-mra", "bestuurlijk"),
        ("werkgeverscommissie-mra", "ambtelijk"),
    ]
    assert all(h.relation.sources for h in hits)


def test_transitive_related_reports_depth_and_via(model: GovernanceModel) -> None:
    # portefeuillehoudersoverleg Wonen is part of the AM portefeuillehoudersoverleggen,
    # which are part of the AM Overleg (brochure)
    hits = related(model, "pho-wonen-am", "part_of", "outgoing", Y2017, transitive=True)
    assert [(h.node.id, h.depth, h.via) for h in hits] == [("pho-am", 1, None), ("am-overleg", 2, "pho-am")]


def test_unknown_relation_kind_and_node_are_errors(model: GovernanceModel) -> None:
    with pytest.raises(UnknownRelationKindError, match="did you mean 'supports'"):
        related(model, "mra-bureau", "suports", "incoming", Y2017)
    with pytest.raises(UnknownNameError):
        related(model, "no-such-node", "supports", "incoming", Y2017)


def test_members_give_counts_per_and_size(model: GovernanceModel) -> None:
    platform = members(model, "raadsledenplatform-am", Y2017)
    assert [(h.node.id, h.relation.count, h.relation.per) for h in platform.hits] == [("raadslid", 2, "raad")]
    assert platform.counted is None  # two per council, and the number of councils is not given
    assert members(model, "secretarissenoverleg-am", Y2017).counted == 7
    assert members(model, "werkgeverscommissie-mra", Y2017).size == 4


def test_chains_follow_responsibility_to_the_top(model: GovernanceModel) -> None:
    found = chains(model, "regiosecretaris-wonen-am", Y2017)
    assert [[(s.source.id, s.relation.kind, s.target.id) for s in c] for c in found] == [
        [("regiosecretaris-wonen-am", "member_of", "am-team")]
    ]
    # the chair of the plenair overleg is above it, and belongs to Amstelveen
    plenary = chains(model, "plenair-overleg-am", Y2017)
    assert [[s.relation.kind for s in c] for c in plenary] == [["chairs", "part_of"]]
    assert plenary[0][0].forward is False


_SOURCE = '[{"document": "d", "section": "s"}]'
CYCLE = (
    '{"title": "cycle", "documents": [{"id": "d", "title": "d", "file": "d.txt", "period": "2017", '
    '"sections": ["s"]}], "nodes": ['
    f'{{"id": "a", "kind": "body", "name": "A", "sources": {_SOURCE}}}, '
    f'{{"id": "b", "kind": "body", "name": "B", "sources": {_SOURCE}}}], "relations": ['
    f'{{"id": "a.steers.b", "kind": "steers", "from": "a", "to": "b", "sources": {_SOURCE}}}, '
    f'{{"id": "b.steers.a", "kind": "steers", "from": "b", "to": "a", "sources": {_SOURCE}}}]}}'
)


def test_chains_stop_at_a_cycle() -> None:
    model = load_text(CYCLE)
    assert [[s.source.id for s in c] for c in chains(model, "a", None)] == [["b"]]


def test_paths_report_each_steps_true_direction(model: GovernanceModel) -> None:
    found = paths(model, "am-team", "mra-bureau", Y2017, kinds=["liaises_with", "coordinates"])
    assert [[(s.source.id, s.relation.kind, s.target.id, s.forward) for s in p] for p in found] == [
        [("am-team", "liaises_with", "mra", True), ("mra-bureau", "coordinates", "mra", False)]
    ]
    assert paths(model, "am-team", "mra-bureau", Y2016) == ()


def test_neighbourhood_reaches_both_directions(model: GovernanceModel) -> None:
    around = neighbourhood(model, "am-team", Y2017, depth=1)
    assert {n.id for n in around.nodes} == {
        "am-team",
        "pho-am",
        "mra",
        "algemeen-regiosecretaris-am",
        "regiosecretaris-economie-am",
        "regiosecretaris-wonen-am",
        "regiosecretaris-verkeer-en-vervoer-am",
    }


def test_diff_from_2016_to_2017_matches_the_proposal(model: GovernanceModel) -> None:
    change = diff(model, Y2016, Y2017)
    added = {c.item.id for c in change.added if c.what == "node"}
    ended = {c.item.id for c in change.ended if c.what == "node"}
    # "vanaf 1 januari 2017": the bureau and its secretary-director (the employer's
    # committee has no date in the sources); "Het personeel van de Stadsregio … vervalt per 2017"
    assert added == {"mra-bureau", "secretaris-directeur"}
    assert ended == {"medewerkers-stadsregio-mra"}
    assert "regiegroep-mra.commissions.mra-bureau" in {c.item.id for c in change.added}
    assert change.changed == ()


def test_formation_reproduces_the_staffing_table(model: GovernanceModel) -> None:
    table = formation(model)
    rows = {row.id: row for row in table.rows}
    total = rows["formatie-totaal-regionaal-budget"]
    # Formatie: "totale capaciteit uit regionaal budget 15 14 -1"
    assert (total.values, total.computed, total.difference, total.stated_difference) == (
        {"2016": 15.0, "2017": 14.0},
        {"2016": 15.0, "2017": 14.0},
        -1.0,
        -1.0,
    )
    assert rows["formatie-ondersteunende-taken"].difference == 1.5
    # "ambtelijk betrokken bij de MRA 200 250" states no difference; it is computed
    involved = rows["formatie-ambtelijk-betrokken"]
    assert (involved.difference, involved.stated_difference) == (50.0, None)
    assert table.years == ("2016", "2017")
    assert table.consistent


# An invented model with scoped relations (tests/qualified.py), so nothing depends on MRA-AM ids.
Y2020 = dt.date(2020, 6, 1)


@pytest.mark.parametrize(
    ("subject", "kind", "direction", "expected"),
    [
        ("overleg-noord", "supports", "incoming", [("team", "overleggen")]),
        ("overleg-zuid", "prepares", "incoming", [("werkgroep", "overleggen")]),
        ("overleg-noord", "informs", "outgoing", [("bureau", "overleggen")]),
        ("overleggen", "supports", "incoming", [("team", None)]),
        ("overleg-noord", "coordinates", "incoming", []),
        ("secretaris-een", "supports", "outgoing", []),
    ],
    ids=[
        "each-member-target-reaches-a-part",
        "each-member-with-count-per",
        "each-member-source-reaches-a-part",
        "the-group-itself-directly",
        "unscoped-relation-stays-on-the-group",
        "one-of-does-not-name-a-member",
    ],
)
def test_a_relation_for_each_member_answers_for_every_member(
    subject: str, kind: str, direction: Direction, expected: list[tuple[str, str | None]]
) -> None:
    model = qualified_model()
    hits = related(model, subject, kind, direction, Y2020)
    assert [(h.node.id, h.group) for h in hits] == expected


def test_a_scoped_hit_keeps_its_scopes_and_modality_for_every_consumer() -> None:
    model = qualified_model()
    (hit,) = related(model, "overleg-noord", "supports", "incoming", Y2020)
    assert (hit.relation.from_scope, hit.relation.to_scope) == (Scope.ONE_OF, Scope.EACH_MEMBER)
    (proposed,) = related(model, "bureau", "supports", "incoming", Y2020)
    assert proposed.relation.modality is Modality.PROPOSED


def test_composition_carries_the_conflicts_naming_its_subject(model: GovernanceModel) -> None:
    # 'vier portefeuillehoudersoverleggen' against 'drie' in the Toelichting (brochure)
    composition = members(model, "pho-am", Y2017)
    assert composition.size == 4
    assert [c.id for c in composition.conflicts] == ["pho-am-aantal"]
    assert sorted(c.value for c in composition.conflicts[0].claims if isinstance(c.value, int)) == [3, 4]


def test_a_line_of_responsibility_for_each_member_reaches_every_member() -> None:
    model = qualified_model()
    found = chains(model, "overleg-noord", Y2020)
    assert [[(s.source.id, s.relation.kind, s.target.id) for s in chain] for chain in found] == [
        [("overleg-noord", "part_of", "overleggen"), ("team", "steers", "overleggen")],
        [("team", "steers", "overleggen")],
    ]


def _diamonds(count: int) -> dict[str, Any]:
    """A chain of ``count`` diamonds: 2**count shortest paths from its first node to its last."""
    cite = [{"document": "d", "section": "s"}]
    nodes: list[dict[str, Any]] = [{"id": "n0", "kind": "body", "name": "Begin", "sources": cite}]
    relations: list[dict[str, Any]] = []
    for i in range(count):
        for side in ("l", "r"):
            middle = f"m{i}{side}"
            nodes.append({"id": middle, "kind": "body", "name": f"Midden {i}{side}", "sources": cite})
            for source, target in ((f"n{i}", middle), (middle, f"n{i + 1}")):
                relations.append(
                    {
                        "id": f"{source}.{target}",
                        "kind": "supports",
                        "from": source,
                        "to": target,
                        "sources": cite,
                    }
                )
        nodes.append({"id": f"n{i + 1}", "kind": "body", "name": f"Knoop {i + 1}", "sources": cite})
    document = {"id": "d", "title": "D", "file": "d.txt", "period": "2020", "sections": ["s"]}
    return {"title": "Ladder", "documents": [document], "nodes": nodes, "relations": relations}


def test_paths_in_a_model_with_exponentially_many_stop_at_the_cap() -> None:
    # 2**42 shortest paths: enumerating them all before the cap would never end
    ladder = load_text(json.dumps(_diamonds(42)), "ladder.json")
    found = paths(ladder, "n0", "n42", None)
    assert len(found) == MAX_PATHS
    assert all(len(p) == 84 for p in found)


def _networkx_paths(
    graph: nx.MultiDiGraph[str], a: str, b: str, kinds: set[str] | None
) -> list[tuple[tuple[str, bool], ...]]:
    """The shortest paths as networkx finds them on the model's graph: the relation ids
    and directions of each path, every one of them, sorted."""
    view = graph
    if kinds is not None:
        view = nx.subgraph_view(graph, filter_edge=lambda u, v, k: graph.edges[u, v, k]["kind"] in kinds)
    if a not in graph or b not in graph:
        return []
    try:
        node_paths = sorted(nx.all_shortest_paths(view.to_undirected(as_view=True), a, b))
    except nx.NetworkXNoPath:
        return []
    found = []
    for node_path in node_paths:
        hops = []
        for u, v in itertools.pairwise(node_path):
            hop = [
                (str(key), source == u)
                for source, target in ((u, v), (v, u))
                for key, data in (graph.get_edge_data(source, target) or {}).items()
                if not data["mirrored"] and (kinds is None or data["kind"] in kinds)
            ]
            hops.append(sorted(hop))
        found += list(itertools.product(*hops))
    return found


@pytest.mark.parametrize(
    ("at", "kinds"),
    [(Y2017, None), (None, None), (Y2016, None), (Y2017, {"member_of", "part_of", "supports"})],
)
def test_paths_are_those_networkx_finds_on_the_graph(
    model: GovernanceModel, at: dt.date | None, kinds: set[str] | None
) -> None:
    # walked through the model's indexes, not a graph: every pair of the bundled
    # model's nodes gets the paths networkx finds on the graph of the whole model
    graph = build_graph(model, at)
    ids = [n.id for n in model.nodes]
    compared = 0
    for a in ids:
        for b in ids:
            if a == b:
                continue
            expected = _networkx_paths(graph, a, b, kinds)
            if len(expected) > MAX_PATHS:
                continue
            found = paths(model, a, b, at, sorted(kinds) if kinds is not None else None)
            assert [tuple((s.relation.id, s.forward) for s in p) for p in found] == expected, (a, b)
            compared += bool(expected)
    assert compared > 100
