"""The model as linked data: Turtle and JSON-LD with W3C ORG, Dublin Core and PROV terms.

Every node is ``<BASE>node/<id>``, typed by its kind (``rdf_terms.json``: a body is an
``org:Organization``, a role an ``org:Post``, a place an ``org:Site``), with
``rdfs:label`` in Dutch and English, ``skos:altLabel`` for aliases,
``dcterms:description``, and ``mra:status``, ``mra:validFrom``/``mra:validTo``
(``xsd:date``, the end exclusive) and ``mra:region``.

Every relation is two things:

* a direct triple ``<from> <property> <to>`` with the kind's property (``org:memberOf``,
  ``dcterms:isPartOf``, ``org:headOf``, ``mra:supports``, …; out of a post, where ORG's
  property wants an agent, our own ``mra:memberOf``, ``mra:chairs``), asserted only for
  relations in force as recorded (status ``active``), so plain graph patterns and
  property paths work;
* a qualified node ``<BASE>relation/<id>`` of class ``mra:Relationship`` (for
  memberships of an agent also ``org:Membership`` with ``org:member``,
  ``org:organization`` and ``org:memberDuring``) that carries ``mra:from``, ``mra:to``,
  ``mra:relationKind``, ``mra:property``, status, period, modality, scope, capacity,
  count, per, role, note and attributes; this is the node to query when the date matters.

Every post is ``org:postIn`` the organisations :func:`posts_in` finds for it; one that
none places is only an ``mra:Role`` (and counted as a loss). A person (a role of the type
``person``, as Popolo's persons are imported) is an agent, no post: a ``foaf:Person``
whose memberships are ORG's (:func:`agent_classes`). Nodes and relations carry
how firmly they hold (``mra:modality``, ``mra:modalityVia``, ``mra:condition``,
``mra:inferred``, ``mra:mark``; :mod:`mra_graph.interchange.qualifiers`).

Sources are ``prov:Entity`` nodes ``<BASE>source/<item id>/<n>`` with
``prov:hadPrimarySource`` (the document), ``mra:section`` and ``mra:quote``; each item
points to its sources with ``prov:wasDerivedFrom``. Our own terms live in
:data:`VOCAB` and are declared in :data:`VOCABULARY_FILE` (``mra.ttl``, labels and
comments in Dutch and English), which every export names. Figure tables and conflicts
are not carried and are listed as losses. No blank nodes:
every IRI is derived from an id, so the output is the same on every run.

Where W3C ORG has a property for a relation between two kinds of node, it is stated
next to the model's own: a body part of another is ``org:subOrganizationOf`` it
(``also`` in ``rdf_terms.json``).

One description says which statements there are: made one model item at a time, as
each subject with its ``(predicate, object)`` pairs (:func:`described`), which both
writers read, streaming: Turtle as Oxigraph terms, serialized by Oxigraph; JSON-LD with
each term made as the JSON text it is written as, joined into node objects by
:mod:`mra_graph.interchange.jsonld`. Time and memory grow with the model, not faster.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from itertools import chain, repeat
from pathlib import Path
from types import ModuleType
from typing import Any

from mra_graph.errors import MissingDependencyError
from mra_graph.interchange.jsonld import JsonTerms, jsonld_text
from mra_graph.interchange.losses import Export, Loss, abbreviation_loss, loss
from mra_graph.interchange.qualifiers import qualifiers
from mra_graph.model.loading import in_id_order
from mra_graph.model.schema import GovernanceModel, Node, Relation, Scalar, Source, Status
from mra_graph.model.vocabulary import Vocabulary, vocabulary

__all__ = [
    "DEFAULT_BASE",
    "ONTOLOGY",
    "VOCAB",
    "VOCABULARY_FILE",
    "described",
    "export_jsonld",
    "export_turtle",
    "posts_in",
    "prefixes",
    "relation_property",
    "require",
    "responsibility_path",
    "terms",
    "triples",
]

VOCAB = "https://mra-graph.invalid/def#"
DEFAULT_BASE = "https://mra-graph.invalid/id/"

VOCABULARY_FILE = Path(__file__).parent / "mra.ttl"
"""Our own vocabulary in Turtle: every ``mra:`` class and property, labelled in Dutch and English."""
ONTOLOGY = "https://mra-graph.invalid/def"
"""The IRI of that vocabulary as a whole, which every export names (``dcterms:conformsTo``)."""

# the direct triples state the relations in force as recorded; ended and planned ones are
# only qualified nodes, whose period and status a query filters on
_IN_FORCE = Status.ACTIVE

Triple = tuple[Any, Any, Any]
Pairs = list[tuple[Any, Any]]
"""The ``(predicate, object)`` pairs of one subject."""
Block = tuple[Any, Pairs]
"""A subject and its pairs."""


@cache
def terms() -> dict[str, Any]:
    """The mapping of ``rdf_terms.json`` (prefixes, classes per node kind, property per relation kind)."""
    data: dict[str, Any] = json.loads((Path(__file__).parent / "rdf_terms.json").read_text(encoding="utf-8"))
    return data


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    namespace = VOCAB if prefix == "mra" else terms()["prefixes"][prefix]
    return str(namespace) + local


def responsibility_path(vocab: Vocabulary | None = None) -> str:
    """A SPARQL property path for one step up a line of responsibility, from ``vocab``
    (the bundled vocabulary when None).

    ``X commissions Y`` makes X the higher (the path walks the property backwards);
    ``X is part of Y`` makes Y the higher (the path walks it forwards). Use it with ``+``
    for the whole line: ``node:am-team (PATH)+ ?higher``.
    """
    steps: dict[str, None] = {}
    for kind, info in sorted((vocab or vocabulary()).relation_kinds.items()):
        if info.responsibility is not None:
            for post in (False, True):
                step = f"<{relation_property(kind, post=post)}>"
                steps["^" + step if info.responsibility == "to_source" else step] = None
    return "|".join(steps)


@cache
def relation_property(kind: str, *, post: bool = False) -> str:
    """The full IRI of the property that states a relation of ``kind`` directly; with
    ``post``, the one for a relation out of a post (where ORG's own wants an agent)."""
    mapped = terms()["relations"].get(kind)
    if not mapped:
        return VOCAB + kind
    return _expand(mapped.get("post_property", mapped["property"]) if post else mapped["property"])


def agent_classes(node: Node) -> list[str] | None:
    """The classes of a node that is an agent though its kind is a post's (a person, as
    Popolo imports one: a role of the type ``person``), else ``None``."""
    found: list[str] | None = terms()["agents"].get(f"{node.kind.value} {node.type}")
    return found


def _posts(model: GovernanceModel) -> set[str]:
    """The ids of the nodes that are posts: of a kind in ``posts`` and no agent."""
    kinds = set(terms()["posts"])
    return {n.id for n in model.nodes if n.kind.value in kinds and agent_classes(n) is None}


def posts_in(model: GovernanceModel) -> dict[str, list[str]]:
    """The organisations each post is ``org:postIn``, by post id (a post with none is absent).

    A post is in the organisations it relates to by the first kind of ``post_in`` in
    ``rdf_terms.json`` it has (it is part of one, else a member, else it chairs one, …),
    by the relations in force where there are any, else by all of that kind. Each list
    is in id order.
    """
    spec = terms()
    kind = {node.id: node.kind.value for node in model.nodes}
    posts, organisations = _posts(model), set(spec["organisations"])
    rank = {(step["kind"], bool(step.get("incoming"))): n for n, step in enumerate(spec["post_in"])}
    best: dict[str, tuple[int, bool]] = {}
    found: dict[str, dict[tuple[int, bool], set[str]]] = {}
    for relation in model.relations:
        for incoming, post, organisation in (
            (False, relation.from_, relation.to),
            (True, relation.to, relation.from_),
        ):
            n = rank.get((relation.kind, incoming))
            if n is None or post not in posts or kind.get(organisation) not in organisations:
                continue
            key = (n, relation.status is not _IN_FORCE)
            found.setdefault(post, {}).setdefault(key, set()).add(organisation)
            if post not in best or key < best[post]:
                best[post] = key
    return {post: sorted(found[post][key]) for post, key in sorted(best.items())}


class _Made(dict[str, Any]):
    """Terms by key, each made the first time it is asked for: looking one up is a plain
    dictionary lookup, the most frequent step of the export."""

    def __init__(self, make: Callable[[str], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: str) -> Any:
        found = self[key] = self.make(key)
        return found


class _Builder:
    """Makes the terms; a class only to share their constructors, caches and the base.

    The terms are Oxigraph's, or with ``plain`` the JSON text :mod:`mra_graph.interchange.jsonld`
    writes them as (:class:`~mra_graph.interchange.jsonld.JsonTerms`), each encoded once.
    """

    def __init__(
        self, base: str, same_as: Mapping[str, Sequence[str]], plain: bool = False, lang: str = "nl"
    ) -> None:
        self.lang = lang  # the language of the model's own text (names, descriptions, sources)
        if plain:
            made = JsonTerms(prefixes(base))
            self.iri: Any = made.iri
            self.literal: Any = made.literal
            # a literal of some text, in a language or not
            self.text: Callable[..., Any] = made.literal
            under: Callable[[str], Callable[[str], Any]] = made.under
            cls: Callable[[str], Any] | None = made.class_iri
        else:
            oxigraph = require("pyoxigraph", "RDF export")
            self.iri = oxigraph.NamedNode
            self.literal = oxigraph.Literal
            literal = oxigraph.Literal

            def text(value: str, lang: str | None = None) -> Any:
                return literal(value, language=lang) if lang else literal(value)

            self.text = text
            named = oxigraph.NamedNode
            cls = None

            def under(directory: str) -> Callable[[str], Any]:
                return lambda local: named(directory + local)

        self.base = base
        self.same_as = same_as
        iri = self.iri
        # the IRI of a vocabulary term by its compact name (``org:Post``), of a node by its id
        self.term: Callable[[str], Any] = _Made(lambda curie: iri(_expand(curie))).__getitem__
        self.node: Callable[[str], Any] = _Made(lambda ident: iri(f"{base}node/{ident}")).__getitem__
        # the IRI of a property, document or region, which many statements name, by its text
        self.known: Callable[[str], Any] = _Made(iri).__getitem__
        self.a = self.term("rdf:type")
        # the IRI of a class, as the object of rdf:type
        self.cls: Callable[[str], Any] = (
            self.term if cls is None else _Made(lambda curie: cls(_expand(curie))).__getitem__
        )
        # literals that repeat (statuses, dates, numbers), made once each
        self._status: dict[Status, Any] = {}
        self._dates: dict[dt.date, Any] = {}
        self._typed: dict[tuple[type, Scalar], Any] = {}
        # the IRIs of relations and of sources, by id and by owner and number
        self.relation: Callable[[str], Any] = under(f"{base}relation/")
        self.source: Callable[[str], Any] = under(f"{base}source/")
        # the terms of every source, looked up once
        self.derived, self.entity_class = self.term("prov:wasDerivedFrom"), self.cls("prov:Entity")
        self.primary, self.section_term = self.term("prov:hadPrimarySource"), self.term("mra:section")
        self.position, self.quote = self.term("mra:position"), self.term("mra:quote")
        self.membership = self.cls("org:Membership")
        self._kinds: dict[tuple[str, bool], tuple[Any, Any, Any]] = {}
        self._cited: dict[tuple[str, str], tuple[tuple[Any, Any], tuple[Any, Any]]] = {}

    def kind(self, kind: str, post: bool) -> tuple[Any, Any, Any]:
        """For a relation of ``kind`` (out of a post or not): the property that states it
        directly, the class of its qualified node besides ``mra:Relationship`` (or None),
        and the kind as a literal."""
        found = self._kinds.get((kind, post))
        if found is None:
            # ORG's membership is an agent's; a post's seat in a body is only our relationship
            qualified = None if post else terms()["relations"].get(kind, {}).get("qualified_class")
            found = self._kinds[kind, post] = (
                self.known(relation_property(kind, post=post)),
                None if qualified is None else self.cls(qualified),
                self.text(kind),
            )
        return found

    def typed(self, value: Scalar) -> Any:
        """A literal with the XSD datatype of a JSON scalar (boolean, integer, double or string)."""
        if isinstance(value, str):
            return self.literal(value)
        # a boolean equals a number (True == 1): the type is part of the key
        key = (type(value), value)
        found = self._typed.get(key)
        if found is None:
            found = self._typed[key] = self._made_typed(value)
        return found

    def _made_typed(self, value: Scalar) -> Any:
        if isinstance(value, bool):
            return self.literal("true" if value else "false", datatype=self.term("xsd:boolean"))
        if isinstance(value, int):
            return self.literal(str(value), datatype=self.term("xsd:integer"))
        if isinstance(value, float):
            return self.literal(repr(value), datatype=self.term("xsd:double"))
        return self.literal(value)

    def date(self, value: dt.date) -> Any:
        found = self._dates.get(value)
        if found is None:
            found = self._dates[value] = self.literal(value.isoformat(), datatype=self.term("xsd:date"))
        return found

    def status(self, value: Status) -> Any:
        found = self._status.get(value)
        if found is None:
            found = self._status[value] = self.literal(value.value)
        return found

    def sources(self, pairs: Pairs, blocks: list[Block], owner: str, sources: Sequence[Source]) -> None:
        """Adds the item's ``prov:wasDerivedFrom`` to ``pairs``, each source's entity to ``blocks``."""
        derived, entity_class, primary = self.derived, self.entity_class, self.primary
        section, position, quote = self.section_term, self.position, self.quote
        for number, source in enumerate(sources, start=1):
            entity = self.source(f"{owner}/{number}")
            pairs.append((derived, entity))
            # the same document and section are cited by many items: their terms made once
            key = (source.document, source.section)
            cited = self._cited.get(key)
            if cited is None:
                cited = self._cited[key] = (
                    (primary, self.known(f"{self.base}document/{source.document}")),
                    (section, self.text(source.section, self.lang)),
                )
            found = [(self.a, entity_class), *cited, (position, self.typed(number))]
            if source.quote is not None:
                found.append((quote, self.text(source.quote, self.lang)))
            blocks.append((entity, found))

    def dated(self, pairs: Pairs, item: Node | Relation) -> None:
        pairs.append((self.term("mra:status"), self.status(item.status)))
        if item.valid_from is not None:
            pairs.append((self.term("mra:validFrom"), self.date(item.valid_from)))
        if item.valid_to is not None:
            pairs.append((self.term("mra:validTo"), self.date(item.valid_to)))

    def qualified(self, pairs: Pairs, model: GovernanceModel, item: Node | Relation) -> None:
        """How firmly the model holds the item: modality (and what it takes it from),
        condition, the reason it is inferred, and the marks of recorded conflicts."""
        found = qualifiers(model, item)
        for name, value in found.items():
            if name == "marks":
                for mark in value:
                    pairs.append((self.term("mra:mark"), self.text(mark)))
            elif name == "modality_via":
                pairs.append((self.term("mra:modalityVia"), self.node(str(value))))
            elif name.endswith("_en"):
                pairs.append((self.term(f"mra:{name.removesuffix('_en')}"), self.text(str(value), "en")))
            elif name in ("condition", "inferred"):
                pairs.append((self.term(f"mra:{name}"), self.text(str(value), self.lang)))
            else:
                pairs.append((self.term(f"mra:{name}"), self.text(str(value))))

    def attributes(self, pairs: Pairs, attributes: Mapping[str, Any]) -> None:
        for key, value in attributes.items():
            for one in value if isinstance(value, list) else [value]:
                pairs.append((self.known(f"{VOCAB}attribute/{key}"), self.typed(one)))


def _grouped(statements: Iterable[Triple]) -> Iterator[Block]:
    """The ``statements`` of one item by subject: each subject once, its (predicate, object) pairs once."""
    by_subject: dict[Any, list[tuple[Any, Any]]] = {}
    last: Any = None
    pairs: list[tuple[Any, Any]] = []
    for subject, predicate, obj in statements:
        # an item's statements mostly follow each other with the same subject
        if subject is not last:
            last = subject
            found = by_subject.get(subject)
            if found is None:
                found = by_subject[subject] = []
            pairs = found
        pairs.append((predicate, obj))
    for subject, found in by_subject.items():
        yield subject, list(dict.fromkeys(found))


def described(
    model: GovernanceModel,
    base: str = DEFAULT_BASE,
    same_as: Mapping[str, Sequence[str]] | None = None,
    *,
    plain: bool = False,
) -> Iterator[tuple[Any, list[tuple[Any, Any]]]]:
    """Every subject of the export with its ``(predicate, object)`` pairs, as Oxigraph terms
    (with ``plain``, as the JSON texts of :class:`~mra_graph.interchange.jsonld.JsonTerms`).

    Each subject comes once, in id order, and no pair repeats, so a
    writer can stream the export: the whole graph never has to be held.
    """
    model = in_id_order(model)  # the same output whatever the order of the model file
    return _described(model, _Builder(base, same_as or {}, plain, model.lang), posts_in(model), _posts(model))


def _described(
    model: GovernanceModel, b: _Builder, places: Mapping[str, list[str]], posts: set[str]
) -> Iterator[tuple[Any, list[tuple[Any, Any]]]]:
    """:func:`described` of a model in id order, with what :func:`posts_in` and :func:`_posts` found."""
    yield from _grouped(_vocabulary_triples(b, model))
    yield from _model_described(b, model)
    held: dict[str, list[Relation]] = {}
    for relation in model.relations:
        if relation.status is _IN_FORCE:
            held.setdefault(relation.from_, []).append(relation)
    kinds = {node.id: node.kind.value for node in model.nodes}
    for node in model.nodes:
        yield from _node_described(b, model, node, held.get(node.id, ()), kinds, places.get(node.id, ()))
    for relation in model.relations:
        yield from _relation_described(b, model, relation, relation.from_ in posts)


def triples(
    model: GovernanceModel, base: str = DEFAULT_BASE, same_as: Mapping[str, Sequence[str]] | None = None
) -> Iterator[Any]:
    """Every triple of the export as a ``pyoxigraph.Triple``, each subject's together (see :func:`described`).

    ``same_as`` maps node ids to external IRIs (TOOI).
    """
    return _triples(described(model, base, same_as))


def _triples(described: Iterable[tuple[Any, list[tuple[Any, Any]]]]) -> Iterator[Any]:
    make = require("pyoxigraph", "RDF export").Triple
    # each subject's triples made by one map over its pairs, not one step of Python each
    return chain.from_iterable(
        map(make, repeat(subject), [p for p, _ in pairs], [o for _, o in pairs])
        for subject, pairs in described
    )


def _once(blocks: list[Block]) -> list[Block]:
    """``blocks`` with no pair of a subject repeated (only the first block's can repeat:
    the others are a source's, a period's or an instant's, each property once)."""
    subject, pairs = blocks[0]
    blocks[0] = subject, list(dict.fromkeys(pairs))
    return blocks


def _model_described(b: _Builder, model: GovernanceModel) -> Iterator[Block]:
    term, text, lang = b.term, b.text, b.lang
    pairs: Pairs = [
        (b.a, b.cls("prov:Entity")),
        (term("dcterms:conformsTo"), b.iri(ONTOLOGY)),
        (term("dcterms:title"), text(model.title, lang)),
    ]
    if model.title_en:
        pairs.append((term("dcterms:title"), text(model.title_en, "en")))
    yield from _once([(b.iri(f"{b.base}model"), pairs)])
    for document in model.documents:
        pairs = [
            (b.a, b.cls("foaf:Document")),
            (b.a, b.cls("prov:Entity")),
            (term("dcterms:identifier"), text(document.id)),
            (term("dcterms:title"), text(document.title, lang)),
        ]
        if document.title_en:
            pairs.append((term("dcterms:title"), text(document.title_en, "en")))
        pairs.append((term("mra:file"), text(document.file)))
        pairs.append((term("mra:period"), text(document.period, lang)))
        for section in document.sections:
            pairs.append((term("mra:section"), text(section, lang)))
        yield from _once([(b.known(f"{b.base}document/{document.id}"), pairs)])
    for region in model.regions:
        pairs = [
            (b.a, b.cls("mra:Region")),
            (term("dcterms:identifier"), text(region.id)),
            (term("rdfs:label"), text(region.name, lang)),
        ]
        if region.name_en:
            pairs.append((term("rdfs:label"), text(region.name_en, "en")))
        pairs.append((term("skos:notation"), text(region.short)))
        blocks = [(b.known(f"{b.base}region/{region.id}"), pairs)]
        b.sources(pairs, blocks, f"region/{region.id}", region.sources)
        yield from _once(blocks)


def _vocabulary_triples(b: _Builder, model: GovernanceModel) -> Iterator[Triple]:
    # the relation kinds' own properties are declared in mra.ttl too; the export repeats
    # their labels so that it reads on its own, and declares the model's attribute keys,
    # which no fixed vocabulary can know
    for kind, info in sorted(model.vocabulary.relation_kinds.items()):
        for prop_iri in dict.fromkeys(relation_property(kind, post=post) for post in (False, True)):
            if not prop_iri.startswith(VOCAB):
                continue
            prop = b.iri(prop_iri)
            yield prop, b.a, b.cls("owl:ObjectProperty")
            yield prop, b.term("rdfs:label"), b.text(info.nl.active, "nl")
            yield prop, b.term("rdfs:label"), b.text(info.en.active, "en")
            yield prop, b.term("skos:notation"), b.text(kind)
    keys = sorted(
        {key for node in model.nodes for key in node.attributes}
        | {key for r in model.relations for key in r.attributes}
    )
    for key in keys:
        prop = b.iri(f"{VOCAB}attribute/{key}")
        yield prop, b.a, b.cls("owl:DatatypeProperty")
        yield prop, b.term("rdfs:subPropertyOf"), b.term("mra:attribute")
        yield prop, b.term("rdfs:label"), b.text(key)


def _node_described(
    b: _Builder,
    model: GovernanceModel,
    node: Node,
    held: Iterable[Relation],
    kinds: Mapping[str, str],
    post_in: Iterable[str],
) -> list[Block]:
    term, text, lang = b.term, b.text, b.lang
    post_in = tuple(post_in)
    agent = agent_classes(node)
    post = node.kind.value in terms()["posts"] and agent is None
    # a position in no organisation is no post as ORG means one: only our own class
    pairs: Pairs = [
        (b.a, b.cls(curie))
        for curie in agent or terms()["node_classes"][node.kind.value]
        if not (post and not post_in and curie.startswith("org:"))
    ]
    subject = b.node(node.id)
    blocks = [(subject, pairs)]
    pairs.append((term("dcterms:identifier"), text(node.id)))
    pairs.append((term("rdfs:label"), text(node.name, lang)))
    if node.name_en:
        pairs.append((term("rdfs:label"), text(node.name_en, "en")))
    pairs.append((term("skos:prefLabel"), text(model.label(node.id, model.lang), lang)))
    for alias in node.aliases:
        pairs.append((term("skos:altLabel"), text(alias, lang)))
    if node.description:
        pairs.append((term("dcterms:description"), text(node.description, lang)))
    if node.description_en:
        pairs.append((term("dcterms:description"), text(node.description_en, "en")))
    if node.type:
        pairs.append((term("mra:nodeType"), text(node.type)))
    if node.region:
        pairs.append((term("mra:region"), b.known(f"{b.base}region/{node.region}")))
    if node.size is not None:
        pairs.append((term("mra:size"), b.typed(node.size)))
    for external in b.same_as.get(node.id, ()):
        pairs.append((term("owl:sameAs"), b.iri(external)))
    b.dated(pairs, node)
    b.qualified(pairs, model, node)
    b.attributes(pairs, node.attributes)
    for organisation in post_in:
        pairs.append((term("org:postIn"), b.node(organisation)))
    for relation in held:
        # the direct statements of the relations in force, with the ORG property a relation
        # between these kinds of node also has (a body part of another is a sub-organisation)
        target = b.node(relation.to)
        pairs.append((b.known(relation_property(relation.kind, post=post)), target))
        also = terms()["relations"].get(relation.kind, {}).get("also", {})
        for curie in also.get(f"{node.kind.value} {kinds.get(relation.to)}", ()):
            pairs.append((term(curie), target))
    b.sources(pairs, blocks, f"node/{node.id}", node.sources)
    return _once(blocks)


def _relation_described(b: _Builder, model: GovernanceModel, relation: Relation, post: bool) -> list[Block]:
    term, text = b.term, b.text
    source, target = b.node(relation.from_), b.node(relation.to)
    prop, qualified, kind = b.kind(relation.kind, post)
    subject = b.relation(relation.id)
    pairs: Pairs = [(b.a, b.cls("mra:Relationship"))]
    blocks = [(subject, pairs)]
    # ORG's membership is an agent's; a post's seat in a body is only our relationship
    if qualified is not None:
        pairs.append((b.a, qualified))
        if qualified == b.membership:
            pairs.append((term("org:member"), source))
            pairs.append((term("org:organization"), target))
            _interval(b, pairs, blocks, relation)
    pairs += (
        (term("dcterms:identifier"), text(relation.id)),
        (term("mra:relationKind"), kind),
        (term("mra:property"), prop),
        (term("mra:from"), source),
        (term("mra:to"), target),
    )
    b.dated(pairs, relation)
    b.qualified(pairs, model, relation)
    if relation.from_scope is not None:
        pairs.append((term("mra:fromScope"), text(relation.from_scope.value)))
    if relation.to_scope is not None:
        pairs.append((term("mra:toScope"), text(relation.to_scope.value)))
    if relation.capacity is not None:
        pairs.append((term("mra:capacity"), text(relation.capacity)))
    if relation.per is not None:
        pairs.append((term("mra:per"), text(relation.per)))
    if relation.role is not None:
        pairs.append((term("mra:role"), text(relation.role)))
    if relation.note is not None:
        pairs.append((term("mra:note"), text(relation.note)))
    if relation.count is not None:
        pairs.append((term("mra:count"), b.typed(relation.count)))
    if relation.attributes:
        b.attributes(pairs, relation.attributes)
    if relation.sources:
        b.sources(pairs, blocks, f"relation/{relation.id}", relation.sources)
    return _once(blocks)


def _interval(b: _Builder, pairs: Pairs, blocks: list[Block], relation: Relation) -> None:
    if relation.valid_from is None and relation.valid_to is None:
        return
    period = b.relation(f"{relation.id}/period")
    pairs.append((b.term("org:memberDuring"), period))
    during: Pairs = [(b.a, b.cls("time:Interval"))]
    blocks.append((period, during))
    for end, when in (("hasBeginning", relation.valid_from), ("hasEnd", relation.valid_to)):
        if when is not None:
            instant = b.relation(f"{relation.id}/period/{end}")
            during.append((b.term(f"time:{end}"), instant))
            blocks.append((instant, [(b.a, b.cls("time:Instant")), (b.term("time:inXSDDate"), b.date(when))]))


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes the exports abbreviate IRIs with: the standard ones, ours and the base's."""
    return {
        **terms()["prefixes"],
        "mra": VOCAB,
        "attr": VOCAB + "attribute/",
        "node": base + "node/",
        "relation": base + "relation/",
    }


def _losses(model: GovernanceModel, places: Mapping[str, list[str]], posts: set[str]) -> tuple[Loss, ...]:
    losses = (
        loss("figure_tables_rdf", len(model.figures)),
        loss("conflicts_rdf", len(model.conflicts)),
        loss("former_names", sum(len(n.former_names) for n in model.nodes)),
        loss("unplaced_posts", sum(1 for n in posts if n not in places)),
        abbreviation_loss(model),
    )
    return tuple(x for x in losses if x.count)


def require(module: str, what: str) -> ModuleType:
    """The imported ``module``, or :class:`MissingDependencyError` naming the extra to install.

    pyoxigraph, which writes Turtle, is optional: a missing one is reported when an RDF
    export is asked for, not when the program starts.
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingDependencyError(module.split(".")[0], what) from error


def export_turtle(
    model: GovernanceModel, base: str = DEFAULT_BASE, same_as: Mapping[str, Sequence[str]] | None = None
) -> Export:
    """The model as Turtle (written by Oxigraph, streaming), and what it could not carry."""
    oxigraph = require("pyoxigraph", "RDF export")
    model = in_id_order(model)
    places, posts = posts_in(model), _posts(model)  # once, for the triples and the losses
    b = _Builder(base, same_as or {}, False, model.lang)
    # written into a buffer as it is made: returned whole, the text would be held twice
    out = io.BytesIO()
    oxigraph.serialize(
        _triples(_described(model, b, places, posts)),
        out,
        format=oxigraph.RdfFormat.TURTLE,
        prefixes=prefixes(base),
    )
    return Export("turtle", {"organen.ttl": out.getvalue()}, _losses(model, places, posts))


def export_jsonld(
    model: GovernanceModel, base: str = DEFAULT_BASE, same_as: Mapping[str, Sequence[str]] | None = None
) -> Export:
    """The model as JSON-LD (one node object per line, IRIs abbreviated by the prefixes), and its losses."""
    model = in_id_order(model)
    places, posts = posts_in(model), _posts(model)  # once, for the triples and the losses
    b = _Builder(base, same_as or {}, True, model.lang)
    text = jsonld_text(_described(model, b, places, posts), prefixes(base))
    return Export("jsonld", {"organen.jsonld": text}, _losses(model, places, posts))
