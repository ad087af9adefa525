"""The model for Neo4j: ``neo4j-admin import`` CSV files and a Cypher script of MERGE statements.

Both give the same graph. Every node has the label ``Node`` and one for its kind
(``Body``, ``Role``, ``Organisation``, ``Place``, ``Document``, ``Instrument``) and the
properties ``id``, ``name``, ``name_en``, ``label``, ``type``, ``aliases`` (a list),
``description``, ``description_en``, ``region``, ``status``, ``valid_from``/``valid_to``
(dates; the end is exclusive), ``size``; every relation is a relationship whose type is
its kind in capitals (``SUPPORTS``, ``MEMBER_OF``) with ``id``, status, period,
``capacity``, ``count``, ``per``, ``role``, ``note`` and ``from_scope``/``to_scope``.
Nodes and relationships carry how firmly they hold (``modality``, ``modality_via``,
``condition``, ``condition_en``, ``inferred``, ``inferred_en``, ``marks``: see
:mod:`mra_graph.interchange.qualifiers`). Attributes become properties
named ``attr.<key>``; sources, which Neo4j cannot hold as maps, are a JSON text
property ``sources``. Absent values are left out.

Load the CSV files (the admin tool needs multi-line fields for descriptions) with::

    neo4j-admin database import full --multiline-fields=true \\
        --nodes=nodes.csv --relationships=relationships.csv neo4j

or run ``graph.cypher`` with ``cypher-shell``; its MERGE statements replace the
properties of what they find, so running it again updates a database. Documents,
regions, figures and conflicts are listed as losses.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from mra_graph.interchange.losses import Export, abbreviation_loss, conflict_loss, loss
from mra_graph.interchange.qualifiers import qualifiers
from mra_graph.model.loading import in_id_order
from mra_graph.model.schema import GovernanceModel, Node, Relation

__all__ = ["ARRAY_DELIMITER", "cypher_string", "export_neo4j", "label_of", "properties", "type_of"]

ARRAY_DELIMITER = ";"
# neo4j-admin splits arrays on the delimiter whatever the quoting, so an item holding it
# gets the full-width semicolon instead (and the change is listed as a loss)
_DELIMITER_STANDIN = "\uff1b"

_NODE_FIELDS: tuple[str, ...] = ("name", "name_en", "type", "aliases", "description", "description_en")
_NODE_FIELDS += ("region", "status", "valid_from", "valid_to", "size")
_EDGE_FIELDS: tuple[str, ...] = ("status", "valid_from", "valid_to", "capacity", "count", "per", "role")
_EDGE_FIELDS += ("note", "from_scope", "to_scope")


def label_of(node: Node) -> str:
    """The kind label of a node, e.g. ``Body``."""
    return node.kind.value.capitalize()


def type_of(relation: Relation) -> str:
    """The relationship type of a relation, e.g. ``MEMBER_OF``."""
    return relation.kind.upper()


def properties(model: GovernanceModel, item: Node | Relation) -> dict[str, Any]:
    """The Neo4j properties of a node or relation, in a fixed order, absent values left out."""
    fields = _NODE_FIELDS if isinstance(item, Node) else _EDGE_FIELDS
    result: dict[str, Any] = {"id": item.id}
    if isinstance(item, Node):
        result["label"] = model.label(item.id)
    for name in fields:
        value = getattr(item, name)
        if value is None or value == []:
            continue
        result[name] = value.value if name in ("status", "from_scope", "to_scope") else value
    # how firmly it holds: modality (its own, or taken over from modality_via), condition,
    # the reason it is inferred and the marks of recorded conflicts (a list)
    for name, given in qualifiers(model, item).items():
        result[name] = list(given) if isinstance(given, tuple) else given
    for key, value in item.attributes.items():
        result[f"attr.{key}"] = value
    result["sources"] = json.dumps(
        [s.model_dump(exclude_none=True) for s in item.sources], ensure_ascii=False
    )
    return result


def cypher_string(text: str) -> str:
    """``text`` as a single-quoted Cypher string literal."""
    escaped = text.replace("\\", "\\\\").replace("'", "\\'")
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f"'{escaped}'"


def _cypher_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return f"date('{value.isoformat()}')"
    if isinstance(value, list):
        return "[" + ", ".join(_cypher_value(v) for v in value) + "]"
    return cypher_string(str(value))


def _cypher_map(props: dict[str, Any]) -> str:
    return "{" + ", ".join(f"`{k.replace('`', '``')}`: {_cypher_value(v)}" for k, v in props.items()) + "}"


def _cypher(
    model: GovernanceModel, node_props: list[dict[str, Any]], relation_props: list[dict[str, Any]]
) -> Iterator[str]:
    yield "CREATE CONSTRAINT mra_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;"
    for node, props in zip(model.nodes, node_props, strict=True):
        yield (
            f"MERGE (n:Node {{id: {cypher_string(node.id)}}}) SET n:{label_of(node)} "
            f"SET n = {_cypher_map(props)};"
        )
    for relation, props in zip(model.relations, relation_props, strict=True):
        yield (
            f"MATCH (a:Node {{id: {cypher_string(relation.from_)}}}), "
            f"(b:Node {{id: {cypher_string(relation.to)}}}) "
            f"MERGE (a)-[r:{type_of(relation)} {{id: {cypher_string(relation.id)}}}]->(b) "
            f"SET r = {_cypher_map(props)};"
        )


def _admin_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, list):
        return "string[]" if all(isinstance(v, str) for v in value) else "string"
    return "string"


def _admin_cell(value: Any, changed: list[str]) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        items = [str(v) for v in value]
        changed.extend(i for i in items if ARRAY_DELIMITER in i)
        return ARRAY_DELIMITER.join(i.replace(ARRAY_DELIMITER, _DELIMITER_STANDIN) for i in items)
    return str(value)


def _admin_csv(
    fixed: tuple[str, ...], given: Iterable[tuple[str, ...]], props: list[dict[str, Any]], changed: list[str]
) -> bytes:
    """The CSV file of the rows whose ``fixed`` columns hold ``given`` and the others ``props``."""
    columns: dict[str, str] = {}
    for row in props:
        for key, value in row.items():
            kind = _admin_type(value)
            # one column has one type: where the items disagree, text holds them all
            columns[key] = kind if columns.get(key, kind) == kind else "string"
    header = [*fixed, *(f"{k}:{t}" for k, t in columns.items())]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for cells, row in zip(given, props, strict=True):
        writer.writerow([*cells, *(_admin_cell(row[k], changed) if k in row else "" for k in columns)])
    return buffer.getvalue().encode("utf-8")


def export_neo4j(model: GovernanceModel) -> Export:
    """The files for ``neo4j-admin import`` and ``cypher-shell`` (rows in id order), and the losses."""
    model = in_id_order(model)
    changed: list[str] = []
    # each item's properties once, for both the CSV files and the Cypher script
    node_props = [properties(model, n) for n in model.nodes]
    relation_props = [properties(model, r) for r in model.relations]
    files = {
        "nodes.csv": _admin_csv(
            (":ID", ":LABEL"),
            ((n.id, f"Node{ARRAY_DELIMITER}{label_of(n)}") for n in model.nodes),
            node_props,
            changed,
        ),
        "relationships.csv": _admin_csv(
            (":START_ID", ":END_ID", ":TYPE"),
            ((r.from_, r.to, type_of(r)) for r in model.relations),
            relation_props,
            changed,
        ),
        "graph.cypher": ("\n".join(_cypher(model, node_props, relation_props)) + "\n").encode("utf-8"),
    }
    losses = [
        loss("documents_cited", len(model.documents)),
        loss("regions_id", len(model.regions)),
        loss("figure_tables_the_graph", len(model.figures)),
        conflict_loss(model, "Neo4j"),
        loss("former_names", sum(len(n.former_names) for n in model.nodes)),
        abbreviation_loss(model),
        loss("delimiter", len(changed), delimiter=repr(ARRAY_DELIMITER), standin=repr(_DELIMITER_STANDIN)),
    ]
    return Export("neo4j", files, tuple(x for x in losses if x.count))
