"""RDF export: Turtle and JSON-LD parse (rdflib, pyoxigraph), and SPARQL on the export gives
the library's answers for every relation kind, on the bundled model and one 100 times larger."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from benchmarks import outgrow
from benchmarks.synthetic import national_model
from mra_graph import load
from mra_graph.interchange import export_model
from mra_graph.interchange.rdf import VOCAB, export_turtle, relation_property, responsibility_path, triples
from mra_graph.model.schema import GovernanceModel, Status, holds_at
from mra_graph.model.vocabulary import vocabulary
from mra_graph.questions import queries
from tests.hostile import hostile_model

rdflib = pytest.importorskip("rdflib")
pyoxigraph = pytest.importorskip("pyoxigraph")

KINDS = sorted({r.kind for r in load().relations})
"""The kinds of the bundled model's relations (every kind is used by it or by examples/)."""
NODE = "https://mra-graph.invalid/id/node/"

HOLDING = """
PREFIX mra: <https://mra-graph.invalid/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?kind ?from ?to WHERE {
  ?r a mra:Relationship ; mra:relationKind ?kind ; mra:from ?f ; mra:to ?t ; mra:status ?status .
  ?f dcterms:identifier ?from . ?t dcterms:identifier ?to .
  FILTER(?status IN ("active", "ended"))
  OPTIONAL { ?r mra:validFrom ?start }  OPTIONAL { ?r mra:validTo ?end }
  FILTER(!BOUND(?start) || ?start <= "DATE"^^xsd:date)
  FILTER(!BOUND(?end) || "DATE"^^xsd:date < ?end)
}
"""


def _dates(model: GovernanceModel) -> list[dt.date]:
    """Every day on which some period starts or ends, the day before each, and a day long ago."""
    bounds = {d for item in (*model.nodes, *model.relations) for d in (item.valid_from, item.valid_to) if d}
    return sorted({dt.date(2000, 1, 1)} | bounds | {d - dt.timedelta(days=1) for d in bounds})


def _store(statements: Iterable[Any]) -> Any:
    store = pyoxigraph.Store()
    store.bulk_extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in statements)
    return store


def _holding(store: Any, date: dt.date) -> dict[str, set[tuple[str, str]]]:
    answers: dict[str, set[tuple[str, str]]] = {}
    for row in store.query(HOLDING.replace("DATE", date.isoformat())):
        answers.setdefault(row["kind"].value, set()).add((row["from"].value, row["to"].value))
    return answers


def _expected(model: GovernanceModel, date: dt.date) -> dict[str, set[tuple[str, str]]]:
    answers: dict[str, set[tuple[str, str]]] = {}
    for r in model.relations:
        if holds_at(r, date):
            answers.setdefault(r.kind, set()).add((r.from_, r.to))
    return answers


@pytest.fixture(scope="module")
def turtle(model: GovernanceModel) -> bytes:
    return export_model(model, "turtle").single


@pytest.fixture(scope="module")
def store(turtle: bytes) -> Any:
    loaded = pyoxigraph.Store()
    loaded.load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    return loaded


def test_rdflib_and_oxigraph_read_the_same_turtle(turtle: bytes, store: Any, model: GovernanceModel) -> None:
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    assert len(graph) == len(store) == len(list(triples(model))) == len(set(triples(model)))


def test_the_triples_of_a_subject_come_together(model: GovernanceModel) -> None:
    # the writers stream: each subject must be one run of triples
    runs = [subject for subject, _ in itertools.groupby(triples(model), key=lambda t: t.subject)]
    assert len(runs) == len(set(runs)) > len(model.nodes) + len(model.relations)


def _quads(data: bytes, fmt: str) -> set[Any]:
    # rdflib's JSON-LD reader warns about its own deprecated internals; Oxigraph reads both
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.JSON_LD if fmt == "jsonld" else pyoxigraph.RdfFormat.TURTLE)
    return set(store)


def test_json_ld_holds_the_same_triples_as_turtle(turtle: bytes, model: GovernanceModel) -> None:
    assert _quads(export_model(model, "jsonld").single, "jsonld") == _quads(turtle, "turtle")


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_export_is_deterministic(model: GovernanceModel, fmt: str) -> None:
    assert export_model(model, fmt).files == export_model(model, fmt).files


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_hostile_text_parses_back_literally(model: GovernanceModel, fmt: str) -> None:
    hostile = hostile_model(model)
    quads = _quads(export_model(hostile, fmt).single, fmt)
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    for node in hostile.nodes:
        names = {
            q.object.value
            for q in quads
            if q.subject.value == NODE + node.id and q.predicate.value == label and q.object.language == "nl"
        }
        assert names == {node.name}
    notes = {q.object.value for q in quads if q.predicate.value == VOCAB + "note"}
    assert notes == {r.note for r in hostile.relations}


def test_hostile_turtle_reads_the_same_in_rdflib(model: GovernanceModel) -> None:
    data = export_model(hostile_model(model), "turtle").single
    assert len(rdflib.Graph().parse(data=data, format="turtle")) == len(_quads(data, "turtle"))


def test_figures_and_conflicts_are_listed_as_losses(model: GovernanceModel) -> None:
    losses = {loss.what: loss.count for loss in export_model(model, "turtle").losses}
    assert losses == {
        "figure tables": len(model.figures),
        "conflicts": len(model.conflicts),
        "abbreviations": len(model.abbreviations),
        # the conditional MRA Bureau, the reserved office, the proposed staffing and support
        # (4 of their own), and 33 facts that hold only as the bureau does: its four posts
        # and the 29 other relations into or out of the bureau
        "modalities": 37,
        "inferred facts": len(model.inferred),
        # one of the AM-team for each AM meeting; a working group for each; the City of
        # Amsterdam employs each member or part of the MRA Bureau
        "scoped relation ends": 4,
    }


@pytest.mark.parametrize("kind", KINDS)
def test_sparql_on_qualified_relations_agrees_with_the_library(
    store: Any, model: GovernanceModel, kind: str
) -> None:
    assert any(r.kind == kind for r in model.relations), f"the bundled model has no {kind!r} relation"
    for date in _dates(model):
        assert _holding(store, date).get(kind, set()) == _expected(model, date).get(kind, set()), date


@pytest.mark.parametrize("kind", KINDS)
def test_direct_triples_are_the_relations_that_ever_held(
    store: Any, model: GovernanceModel, kind: str
) -> None:
    found = {
        (row["s"].value.removeprefix(NODE), row["o"].value.removeprefix(NODE))
        for row in store.query(f"SELECT ?s ?o WHERE {{ ?s <{relation_property(kind)}> ?o }}")
    }
    expected = {
        (r.from_, r.to) for r in model.relations if r.kind == kind and r.status in ("active", "ended")
    }
    assert found == expected


def _lines_of_responsibility(model: GovernanceModel) -> nx.DiGraph[str]:
    kinds = vocabulary().relation_kinds
    up: nx.DiGraph[str] = nx.DiGraph()
    up.add_nodes_from(n.id for n in model.nodes)
    for r in model.relations:
        direction = kinds[r.kind].responsibility
        if r.status in ("active", "ended") and direction == "to_source":
            up.add_edge(r.to, r.from_)
        elif r.status in ("active", "ended") and direction == "to_target":
            up.add_edge(r.from_, r.to)
    return up


def test_the_responsibility_path_finds_every_line(store: Any, model: GovernanceModel) -> None:
    up = _lines_of_responsibility(model)
    path = responsibility_path()
    for node in model.nodes:
        query = f"SELECT DISTINCT ?h WHERE {{ <{NODE}{node.id}> ({path})+ ?h }}"
        found = {row["h"].value.removeprefix(NODE) for row in store.query(query)}
        assert found == nx.descendants(up, node.id) - {node.id} | (
            {node.id} if any(node.id in c for c in nx.simple_cycles(up)) else set()
        ), node.id


def _docs_queries() -> dict[str, str]:
    return outgrow.documented_queries()


def test_docs_who_supports_query(store: Any, model: GovernanceModel) -> None:
    query = _docs_queries()["who-supports"]
    found = {row["who"].value.removeprefix(NODE) for row in store.query(query)}
    expected = {
        r.from_
        for r in model.relations
        if r.kind == "supports" and r.to == "regiegroep-mra" and holds_at(r, dt.date(2017, 6, 1))
    }
    assert found == expected
    assert found


def test_docs_line_of_responsibility_query(store: Any, model: GovernanceModel) -> None:
    query = _docs_queries()["line-of-responsibility"]
    found = {row["higher"].value.removeprefix(NODE) for row in store.query(query)}
    assert found == nx.descendants(_lines_of_responsibility(model), "secretaris-directeur")
    assert found


def _replicated(model: GovernanceModel, copies: int) -> GovernanceModel:
    """``copies`` renamed copies of every node and relation, in one model."""
    nodes = [n.model_copy(update={"id": f"{n.id}.c{i}"}) for i in range(copies) for n in model.nodes]
    relations = [
        r.model_copy(update={"id": f"{r.id}.c{i}", "from_": f"{r.from_}.c{i}", "to": f"{r.to}.c{i}"})
        for i in range(copies)
        for r in model.relations
    ]
    # through a dump, so that no cached index of the original model is carried over
    data = model.model_copy(update={"nodes": nodes, "relations": relations, "figures": [], "conflicts": []})
    return GovernanceModel.model_validate(data.model_dump(by_alias=True))


@pytest.mark.slow
def test_sparql_agrees_on_a_model_a_hundred_times_larger(model: GovernanceModel) -> None:
    large = _replicated(model, 100)
    store = _store(triples(large))
    for date in (dt.date(2016, 6, 1), dt.date(2017, 6, 1)):
        found, expected = _holding(store, date), _expected(large, date)
        assert set(found) == set(expected)
        for kind in expected:
            assert found[kind] == expected[kind], kind
    assert sum(len(pairs) for pairs in expected.values()) > 50 * len(model.relations)


def test_external_identifiers_become_owl_same_as(model: GovernanceModel) -> None:
    tooi = "https://identifier.overheid.nl/tooi/id/gemeente/gm0363"
    data = export_turtle(model, same_as={"gemeente-amsterdam": [tooi]}).single
    same = {
        (q.subject.value, q.object.value)
        for q in _quads(data, "turtle")
        if q.predicate.value == "http://www.w3.org/2002/07/owl#sameAs"
    }
    assert same == {(NODE + "gemeente-amsterdam", tooi)}


SHAPES = Path(__file__).resolve().parent.parent / "mra_graph" / "interchange" / "shapes.ttl"


def _conforms(data: bytes) -> tuple[bool, str]:
    pyshacl = pytest.importorskip("pyshacl")
    graph = rdflib.Graph().parse(data=data, format="turtle")
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes)
    return bool(conforms), str(text)


@pytest.mark.parametrize("which", ["bundled", "hostile", "synthetic"])
def test_export_conforms_to_the_shapes(model: GovernanceModel, which: str) -> None:
    subject = {
        "bundled": lambda: model,
        "hostile": lambda: hostile_model(model),
        "synthetic": lambda: GovernanceModel.model_validate(national_model(4)),
    }[which]()
    conforms, text = _conforms(export_model(subject, "turtle").single)
    assert conforms, text


@pytest.mark.parametrize(
    "drop",
    [
        pytest.param("http://www.w3.org/ns/org#organization", id="membership-without-organisation"),
        pytest.param("http://www.w3.org/ns/prov#hadPrimarySource", id="source-without-document"),
    ],
)
def test_the_shapes_catch_a_missing_triple(model: GovernanceModel, drop: str) -> None:
    # the shapes can fail: take one required triple out of a valid export
    graph = rdflib.Graph().parse(data=export_model(model, "turtle").single, format="turtle")
    removed = next(t for t in graph if str(t[1]) == drop)
    graph.remove(removed)
    conforms, text = _conforms(graph.serialize(format="turtle").encode("utf-8"))
    assert not conforms
    assert "MinCountConstraintComponent" in text
    assert f":{drop.rsplit('#', 1)[1]}" in text


def test_the_shapes_know_every_status() -> None:
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    listed = {
        str(item)
        for node in shapes.objects(predicate=rdflib.URIRef("http://www.w3.org/ns/shacl#in"))
        for item in rdflib.collection.Collection(shapes, node)
    }
    assert listed == {s.value for s in Status}


def test_posts_and_sub_organisations_use_w3c_org(store: Any, model: GovernanceModel) -> None:
    org = "http://www.w3.org/ns/org#"
    kinds = {n.id: n.kind.value for n in model.nodes}
    organisations = ("body", "organisation")
    expected_posts = {
        (r.from_, r.to)
        for r in model.relations
        if r.kind in ("part_of", "member_of")
        and kinds[r.from_] == "role"
        and kinds[r.to] in organisations
        and r.status in ("active", "ended")
    }
    expected_subs = {
        (r.from_, r.to)
        for r in model.relations
        if r.kind == "part_of"
        and kinds[r.from_] in organisations
        and kinds[r.to] in organisations
        and r.status in ("active", "ended")
    }
    for prop, expected in (("postIn", expected_posts), ("subOrganizationOf", expected_subs)):
        found = {
            (row["s"].value.removeprefix(NODE), row["o"].value.removeprefix(NODE))
            for row in store.query(f"SELECT ?s ?o WHERE {{ ?s <{org}{prop}> ?o }}")
        }
        assert found == expected, prop
        assert found, prop


def test_a_national_model_outgrows_into_oxigraph() -> None:
    # the documented way out at scale: the Turtle of a 10^4-relation model in a SPARQL
    # store answers the documented queries as the library does
    large = GovernanceModel.model_validate(national_model(41))
    assert len(large.relations) > 9_000
    store = outgrow.load(export_model(large, "turtle").single)
    day = dt.date(2017, 6, 1)
    supported = Counter(r.to for r in large.relations if r.kind == "supports" and holds_at(r, day))
    target = min(supported, key=lambda n: (-supported[n], n))
    busiest = Counter(n for r in large.relations for n in (r.from_, r.to))
    node = min(busiest, key=lambda n: (-busiest[n], n))
    found = outgrow.answers(store, target, node, day.isoformat())
    expected = sorted(hit.node.id for hit in queries.related(large, target, "supports", "incoming", day))
    assert found["who-supports"] == expected
    assert expected
    higher = sorted(nx.descendants(_lines_of_responsibility(large), node))
    assert found["line-of-responsibility"] == higher
    assert higher
