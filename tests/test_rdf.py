"""RDF export: Turtle and JSON-LD parse (rdflib, pyoxigraph), and SPARQL on the export gives
the library's answers for every relation kind, on the bundled model and one 100 times larger."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mra_graph.interchange import export_model
from mra_graph.interchange.rdf import VOCAB, export_turtle, relation_property, responsibility_path, triples
from mra_graph.model import GovernanceModel
from mra_graph.timeline import holds_at
from mra_graph.vocabulary import vocabulary
from tests.hostile import hostile_model

rdflib = pytest.importorskip("rdflib")
pyoxigraph = pytest.importorskip("pyoxigraph")

DOCS = Path(__file__).resolve().parent.parent / "docs" / "interchange.md"
KINDS = sorted(vocabulary().relation_kinds)
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


def _store(statements: Iterable[tuple[Any, Any, Any]]) -> Any:
    store = pyoxigraph.Store()
    store.bulk_extend(pyoxigraph.Quad(*(_oxi(t) for t in triple)) for triple in statements)
    return store


def _oxi(term: Any) -> Any:
    if isinstance(term, rdflib.URIRef):
        return pyoxigraph.NamedNode(str(term))
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    if term.datatype is None:
        return pyoxigraph.Literal(str(term))
    return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))


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
    assert len(graph) == len(store) == len(set(triples(model)))


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
    assert losses == {"figure tables": len(model.figures), "conflicts": len(model.conflicts)}


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
    text = DOCS.read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(r"```sparql\n# (\w[\w-]*)\n(.*?)```", text, re.S)}


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
