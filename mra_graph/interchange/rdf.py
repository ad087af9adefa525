"""The model as linked data: Turtle and JSON-LD with W3C ORG, Dublin Core and PROV terms.

Every node is ``<BASE>node/<id>``, typed by its kind (``rdf_terms.json``: a body is an
``org:Organization``, a role an ``org:Post``, a place an ``org:Site``), with
``rdfs:label`` in Dutch and English, ``skos:altLabel`` for aliases,
``dcterms:description``, and ``mra:status``, ``mra:validFrom``/``mra:validTo``
(``xsd:date``, the end exclusive) and ``mra:region``.

Every relation is two things:

* a direct triple ``<from> <property> <to>`` with the kind's property (``org:memberOf``,
  ``dcterms:isPartOf``, ``org:headOf``, ``mra:supports``, …), asserted only for
  relations that held at some time (recorded status ``active`` or ``ended``), so plain
  graph patterns and property paths work;
* a qualified node ``<BASE>relation/<id>`` of class ``mra:Relationship`` (for
  memberships also ``org:Membership`` with ``org:member``, ``org:organization`` and
  ``org:memberDuring``) that carries ``mra:from``, ``mra:to``, ``mra:relationKind``,
  ``mra:property``, status, period, capacity, count, per, role, note and attributes;
  this is the node to query when the date matters.

Sources are ``prov:Entity`` nodes ``<BASE>source/<item id>/<n>`` with
``prov:hadPrimarySource`` (the document), ``mra:section`` and ``mra:quote``; each item
points to its sources with ``prov:wasDerivedFrom``. Our own terms live in
:data:`VOCAB` and are described (labels in Dutch and English) inside every export.
Figure tables and conflicts are not carried and are listed as losses. No blank nodes:
every IRI is derived from an id, so the output is the same on every run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from mra_graph.interchange.losses import Export, Loss, qualifier_losses
from mra_graph.interchange.optional import require
from mra_graph.model import GovernanceModel, Node, Relation, Source, Status
from mra_graph.vocabulary import vocabulary

__all__ = [
    "DEFAULT_BASE",
    "VOCAB",
    "export_jsonld",
    "export_turtle",
    "rdf_graph",
    "relation_property",
    "responsibility_path",
    "terms",
    "triples",
]

VOCAB = "https://mra-graph.invalid/def#"
DEFAULT_BASE = "https://mra-graph.invalid/id/"

_HELD = (Status.ACTIVE, Status.ENDED)

Triple = tuple[Any, Any, Any]


@cache
def terms() -> dict[str, Any]:
    """The mapping of ``rdf_terms.json`` (prefixes, classes per node kind, property per relation kind)."""
    data: dict[str, Any] = json.loads((Path(__file__).parent / "rdf_terms.json").read_text(encoding="utf-8"))
    return data


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    namespace = VOCAB if prefix == "mra" else terms()["prefixes"][prefix]
    return str(namespace) + local


def responsibility_path() -> str:
    """A SPARQL property path for one step up a line of responsibility, from the vocabulary.

    ``X commissions Y`` makes X the higher (the path walks the property backwards);
    ``X is part of Y`` makes Y the higher (the path walks it forwards). Use it with ``+``
    for the whole line: ``node:am-team (PATH)+ ?higher``.
    """
    steps = []
    for kind, info in sorted(vocabulary().relation_kinds.items()):
        if info.responsibility is not None:
            step = f"<{relation_property(kind)}>"
            steps.append("^" + step if info.responsibility == "to_source" else step)
    return "|".join(steps)


def relation_property(kind: str) -> str:
    """The full IRI of the property that states a relation of ``kind`` directly."""
    mapped = terms()["relations"].get(kind)
    return _expand(mapped["property"]) if mapped else VOCAB + kind


class _Builder:
    """Produces the triples; a class only to share the rdflib term constructors and the base."""

    def __init__(self, base: str, same_as: Mapping[str, Sequence[str]]) -> None:
        rdflib = require("rdflib", "RDF export")
        self.iri = rdflib.URIRef
        self.literal = rdflib.Literal
        self.base = base
        self.same_as = same_as
        self.a = self.iri(_expand("rdf:type"))

    def term(self, curie: str) -> Any:
        return self.iri(_expand(curie))

    def text(self, value: str, lang: str | None = None) -> Any:
        return self.literal(value, lang=lang)

    def typed(self, value: Any) -> Any:
        return self.literal(value)

    def date(self, value: Any) -> Any:
        return self.literal(value.isoformat(), datatype=self.term("xsd:date"))

    def node(self, ident: str) -> Any:
        return self.iri(f"{self.base}node/{ident}")

    def sources(self, subject: Any, owner: str, sources: Sequence[Source]) -> Iterator[Triple]:
        for number, source in enumerate(sources, start=1):
            entity = self.iri(f"{self.base}source/{owner}/{number}")
            yield subject, self.term("prov:wasDerivedFrom"), entity
            yield entity, self.a, self.term("prov:Entity")
            yield (
                entity,
                self.term("prov:hadPrimarySource"),
                self.iri(f"{self.base}document/{source.document}"),
            )
            yield entity, self.term("mra:section"), self.text(source.section, "nl")
            yield entity, self.term("mra:position"), self.typed(number)
            if source.quote is not None:
                yield entity, self.term("mra:quote"), self.text(source.quote, "nl")

    def dated(self, subject: Any, item: Node | Relation) -> Iterator[Triple]:
        yield subject, self.term("mra:status"), self.text(item.status.value)
        if item.valid_from is not None:
            yield subject, self.term("mra:validFrom"), self.date(item.valid_from)
        if item.valid_to is not None:
            yield subject, self.term("mra:validTo"), self.date(item.valid_to)

    def attributes(self, subject: Any, attributes: Mapping[str, Any]) -> Iterator[Triple]:
        for key, value in attributes.items():
            for one in value if isinstance(value, list) else [value]:
                yield subject, self.iri(f"{VOCAB}attribute/{key}"), self.typed(one)


def triples(
    model: GovernanceModel, base: str = DEFAULT_BASE, same_as: Mapping[str, Sequence[str]] | None = None
) -> Iterator[Triple]:
    """Every triple of the export, as rdflib terms; ``same_as`` maps node ids to external IRIs (TOOI)."""
    b = _Builder(base, same_as or {})
    yield from _vocabulary_triples(b)
    dataset = b.iri(f"{base}model")
    yield dataset, b.a, b.term("prov:Entity")
    yield dataset, b.term("dcterms:title"), b.text(model.title, "nl")
    if model.title_en:
        yield dataset, b.term("dcterms:title"), b.text(model.title_en, "en")
    for document in model.documents:
        subject = b.iri(f"{base}document/{document.id}")
        yield subject, b.a, b.term("foaf:Document")
        yield subject, b.a, b.term("prov:Entity")
        yield subject, b.term("dcterms:identifier"), b.text(document.id)
        yield subject, b.term("dcterms:title"), b.text(document.title, "nl")
        if document.title_en:
            yield subject, b.term("dcterms:title"), b.text(document.title_en, "en")
        yield subject, b.term("mra:file"), b.text(document.file)
        yield subject, b.term("mra:period"), b.text(document.period, "nl")
        for section in document.sections:
            yield subject, b.term("mra:section"), b.text(section, "nl")
    for region in model.regions:
        subject = b.iri(f"{base}region/{region.id}")
        yield subject, b.a, b.term("mra:Region")
        yield subject, b.term("dcterms:identifier"), b.text(region.id)
        yield subject, b.term("rdfs:label"), b.text(region.name, "nl")
        if region.name_en:
            yield subject, b.term("rdfs:label"), b.text(region.name_en, "en")
        yield subject, b.term("skos:notation"), b.text(region.short)
        yield from b.sources(subject, f"region/{region.id}", region.sources)
    for node in model.nodes:
        yield from _node_triples(b, model, node)
    for relation in model.relations:
        yield from _relation_triples(b, relation)


def _vocabulary_triples(b: _Builder) -> Iterator[Triple]:
    for kind, info in sorted(vocabulary().relation_kinds.items()):
        prop = b.iri(relation_property(kind))
        if not str(prop).startswith(VOCAB):
            continue
        yield prop, b.a, b.term("owl:ObjectProperty")
        yield prop, b.term("rdfs:label"), b.text(info.nl.active, "nl")
        yield prop, b.term("rdfs:label"), b.text(info.en.active, "en")
        yield prop, b.term("skos:notation"), b.text(kind)


def _node_triples(b: _Builder, model: GovernanceModel, node: Node) -> Iterator[Triple]:
    subject = b.node(node.id)
    for curie in terms()["node_classes"][node.kind.value]:
        yield subject, b.a, b.term(curie)
    yield subject, b.term("dcterms:identifier"), b.text(node.id)
    yield subject, b.term("rdfs:label"), b.text(node.name, "nl")
    if node.name_en:
        yield subject, b.term("rdfs:label"), b.text(node.name_en, "en")
    yield subject, b.term("skos:prefLabel"), b.text(model.label(node.id), "nl")
    for alias in node.aliases:
        yield subject, b.term("skos:altLabel"), b.text(alias, "nl")
    if node.description:
        yield subject, b.term("dcterms:description"), b.text(node.description, "nl")
    if node.description_en:
        yield subject, b.term("dcterms:description"), b.text(node.description_en, "en")
    if node.type:
        yield subject, b.term("mra:nodeType"), b.text(node.type)
    if node.region:
        yield subject, b.term("mra:region"), b.iri(f"{b.base}region/{node.region}")
    if node.size is not None:
        yield subject, b.term("mra:size"), b.typed(node.size)
    for external in b.same_as.get(node.id, ()):
        yield subject, b.term("owl:sameAs"), b.iri(external)
    yield from b.dated(subject, node)
    yield from b.attributes(subject, node.attributes)
    yield from b.sources(subject, f"node/{node.id}", node.sources)


def _relation_triples(b: _Builder, relation: Relation) -> Iterator[Triple]:
    source, target = b.node(relation.from_), b.node(relation.to)
    prop = b.iri(relation_property(relation.kind))
    if relation.status in _HELD:
        yield source, prop, target
    subject = b.iri(f"{b.base}relation/{relation.id}")
    yield subject, b.a, b.term("mra:Relationship")
    qualified = terms()["relations"].get(relation.kind, {}).get("qualified_class")
    if qualified:
        yield subject, b.a, b.term(qualified)
    if qualified == "org:Membership":
        yield subject, b.term("org:member"), source
        yield subject, b.term("org:organization"), target
        yield from _interval(b, subject, relation)
    yield subject, b.term("dcterms:identifier"), b.text(relation.id)
    yield subject, b.term("mra:relationKind"), b.text(relation.kind)
    yield subject, b.term("mra:property"), prop
    yield subject, b.term("mra:from"), source
    yield subject, b.term("mra:to"), target
    yield from b.dated(subject, relation)
    for name in ("capacity", "per", "role", "note"):
        value = getattr(relation, name)
        if value is not None:
            yield subject, b.term(f"mra:{name}"), b.text(value)
    if relation.count is not None:
        yield subject, b.term("mra:count"), b.typed(relation.count)
    yield from b.attributes(subject, relation.attributes)
    yield from b.sources(subject, f"relation/{relation.id}", relation.sources)


def _interval(b: _Builder, subject: Any, relation: Relation) -> Iterator[Triple]:
    if relation.valid_from is None and relation.valid_to is None:
        return
    period = b.iri(f"{subject}/period")
    yield subject, b.term("org:memberDuring"), period
    yield period, b.a, b.term("time:Interval")
    for end, when in (("hasBeginning", relation.valid_from), ("hasEnd", relation.valid_to)):
        if when is not None:
            instant = b.iri(f"{subject}/period/{end}")
            yield period, b.term(f"time:{end}"), instant
            yield instant, b.a, b.term("time:Instant")
            yield instant, b.term("time:inXSDDate"), b.date(when)


def rdf_graph(
    model: GovernanceModel, base: str = DEFAULT_BASE, same_as: Mapping[str, Sequence[str]] | None = None
) -> Any:
    """The export as an ``rdflib.Graph`` with the prefixes bound."""
    rdflib = require("rdflib", "RDF export")
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, namespace in terms()["prefixes"].items():
        graph.bind(prefix, namespace)
    graph.bind("mra", VOCAB)
    graph.bind("attr", VOCAB + "attribute/")
    graph.bind("node", base + "node/")
    graph.bind("relation", base + "relation/")
    for triple in triples(model, base, same_as):
        graph.add(triple)
    return graph


def _losses(model: GovernanceModel) -> tuple[Loss, ...]:
    losses = (
        Loss("figure tables", len(model.figures), "the RDF export has no vocabulary for tables of numbers"),
        Loss("conflicts", len(model.conflicts), "recorded conflicts are not carried in the RDF export"),
        Loss("former names", sum(len(n.former_names) for n in model.nodes), "only current names are carried"),
        *qualifier_losses(model),
    )
    return tuple(x for x in losses if x.count)


def export_turtle(
    model: GovernanceModel, base: str = DEFAULT_BASE, same_as: Mapping[str, Sequence[str]] | None = None
) -> Export:
    """The model as Turtle, and what it could not carry."""
    text = rdf_graph(model, base, same_as).serialize(format="turtle", encoding="utf-8")
    return Export("turtle", {"organen.ttl": bytes(text)}, _losses(model))


def export_jsonld(
    model: GovernanceModel, base: str = DEFAULT_BASE, same_as: Mapping[str, Sequence[str]] | None = None
) -> Export:
    """The model as JSON-LD (compacted with the prefixes as context, sorted), and what it could not carry."""
    context = {**terms()["prefixes"], "mra": VOCAB, "attr": VOCAB + "attribute/"}
    raw = rdf_graph(model, base, same_as).serialize(format="json-ld", context=context, auto_compact=True)
    data = json.loads(raw)
    data["@graph"] = sorted((_sorted_values(item) for item in data.get("@graph", [])), key=lambda i: i["@id"])
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return Export("jsonld", {"organen.jsonld": text.encode("utf-8")}, _losses(model))


def _sorted_values(item: dict[str, Any]) -> dict[str, Any]:
    # rdflib lists the values of a property in the order of its store, which varies per run
    return {
        key: sorted(value, key=lambda v: json.dumps(v, sort_keys=True)) if isinstance(value, list) else value
        for key, value in item.items()
    }
