"""The model as GraphML, for yEd, Gephi and networkx.

Nodes keep their id and carry ``label`` (the name readers can tell apart), ``kind``,
``type``, names, descriptions, ``region``, ``status``, ``valid_from``/``valid_to``,
``size``; edges are keyed by the relation id and carry ``kind``, ``label`` (the verb in
the model's language), status, period, capacity, count, per, role, note and scopes. Both carry how
firmly they hold: ``modality`` (with ``modality_via`` where it is taken over from what
the item depends on), ``condition``, ``inferred`` and ``marks`` (JSON). GraphML has no lists or
maps, so ``aliases``, ``attributes`` and ``sources`` are JSON text. Absent values are
left out. The graph carries the model's title; documents, regions, figures and
conflicts have no place in a graph and are listed as losses. The file is written as it
is made, laid out as networkx's writer lays out :func:`graph_of` (with lxml), without
building that graph or a tree of the document.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import networkx as nx

from mra_graph.interchange.losses import Export, abbreviation_loss, conflict_loss, loss
from mra_graph.interchange.qualifiers import qualifiers
from mra_graph.model.loading import in_id_order
from mra_graph.model.schema import GovernanceModel, Node, Relation

__all__ = ["export_graphml", "graph_of"]

_NODE_FIELDS = (
    "kind",
    "type",
    "name",
    "name_en",
    "plural",
    "name_plural",
    "name_plural_en",
    "description",
    "description_en",
    "region",
    "status",
    "valid_from",
    "valid_to",
    "size",
    "modality",
    "condition",
    "condition_en",
    "inferred",
    "inferred_en",
)
_EDGE_FIELDS = (
    "kind",
    "status",
    "valid_from",
    "valid_to",
    "capacity",
    "count",
    "per",
    "per_en",
    "role",
    "note",
    "from_scope",
    "to_scope",
    "modality",
    "condition",
    "condition_en",
    "inferred",
    "inferred_en",
)
_JSON_FIELDS = ("aliases", "aliases_en", "own_aliases", "attributes", "sources", "former_names")


def _attributes(model: GovernanceModel, item: Node | Relation, fields: tuple[str, ...]) -> dict[str, Any]:
    data = item.model_dump(mode="json")
    result = {name: data[name] for name in fields if data.get(name) is not None}
    for name in _JSON_FIELDS:
        if data.get(name):
            result[name] = json.dumps(data[name], ensure_ascii=False)
    # a modality taken over from what the item depends on comes with modality_via (an
    # item's own has none), and the marks of recorded conflicts as a JSON list
    for name, value in qualifiers(model, item).items():
        result[name] = json.dumps(list(value), ensure_ascii=False) if isinstance(value, tuple) else value
    return result


def _node_data(model: GovernanceModel, node: Node) -> dict[str, Any]:
    return {"label": model.label(node.id, model.lang), **_attributes(model, node, _NODE_FIELDS)}


def _edge_data(model: GovernanceModel, relation: Relation, kinds: Mapping[str, Any]) -> dict[str, Any]:
    verb = kinds[relation.kind].phrasing(model.lang).active if relation.kind in kinds else relation.kind
    return {"label": verb, **_attributes(model, relation, _EDGE_FIELDS)}


def _graph_data(model: GovernanceModel) -> dict[str, Any]:
    return {"title": model.title, **({"title_en": model.title_en} if model.title_en else {})}


def graph_of(model: GovernanceModel) -> nx.MultiDiGraph[str]:
    """The model as the multigraph that :func:`export_graphml` writes (and networkx reads back)."""
    kinds = model.vocabulary.relation_kinds
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.graph.update(_graph_data(model))
    for node in model.nodes:
        graph.add_node(node.id, **_node_data(model, node))
    for relation in model.relations:
        graph.add_edge(relation.from_, relation.to, key=relation.id, **_edge_data(model, relation, kinds))
    return graph


# GraphML's names of the types of the values the export writes
_XML_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


def _quoted(value: str) -> str:
    """``value`` as the text of an XML attribute, between double quotes."""
    return '"' + value.translate(_ATTRIBUTE_ESCAPES) + '"'


_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)


def _graphml(model: GovernanceModel) -> bytes:
    """The GraphML text of :func:`graph_of`, written as it is made, without the graph.

    The layout is that of networkx's writer (with lxml, pretty-printed): the keys
    numbered in the order their (name, type, scope) first occurs, graph, nodes, edges,
    and listed last first; nodes in the model's order; edges by source node in that
    order, by target in the order it is first reached from there, then in the model's
    order. Text and attribute values are escaped as libxml2 escapes them.
    """
    kinds = model.vocabulary.relation_kinds
    graph = _graph_data(model)
    nodes = [(node.id, _node_data(model, node)) for node in model.nodes]
    known = {ident for ident, _ in nodes}
    # an end that is no node of the model is a node without data after the others, as
    # networkx adds one for an edge
    for relation in model.relations:
        for end in (relation.from_, relation.to):
            if end not in known:
                known.add(end)
                nodes.append((end, {}))
    out_of: dict[str, dict[str, list[Relation]]] = {}
    for relation in model.relations:
        out_of.setdefault(relation.from_, {}).setdefault(relation.to, []).append(relation)
    keys: dict[tuple[str, str, str], str] = {}

    def key(name: str, value: Any, scope: str) -> str:
        found = (name, _XML_TYPES[type(value)], scope)
        ident = keys.get(found)
        if ident is None:
            ident = keys[found] = f"d{len(keys)}"
        return ident

    def data(values: Mapping[str, Any], scope: str, pad: str) -> str:
        return "".join(
            f'{pad}<data key="{key(name, value, scope)}">{str(value).translate(_TEXT_ESCAPES)}</data>\n'
            for name, value in values.items()
        )

    # the keys of every item come first in the file: the items' text is made, then the keys
    parts = [data(graph, "graph", "")]
    for ident, values in nodes:
        opening = f"<node id={_quoted(ident)}"
        parts.append(f"{opening}>\n{data(values, 'node', '  ')}</node>\n" if values else f"{opening}/>\n")
    for ident, _ in nodes:
        for target, relations in out_of.get(ident, {}).items():
            ends = f"source={_quoted(ident)} target={_quoted(target)}"
            for relation in relations:
                values = _edge_data(model, relation, kinds)
                opening = f"<edge {ends} id={_quoted(relation.id)}"
                parts.append(
                    f"{opening}>\n{data(values, 'edge', '  ')}</edge>\n" if values else f"{opening}/>\n"
                )
    declared = [
        f'<key id="{ident}" for="{scope}" attr.name={_quoted(name)} attr.type="{kind}"/>\n'
        for (name, kind, scope), ident in reversed(keys.items())
    ]
    text = [_HEAD, *declared, '<graph edgedefault="directed">', *parts, "</graph></graphml>"]
    return "".join(text).encode("utf-8")


def export_graphml(model: GovernanceModel) -> Export:
    """The model as one GraphML file (nodes and edges in id order), and what the graph cannot hold."""
    model = in_id_order(model)
    losses = [
        loss("documents_graph", len(model.documents)),
        loss("regions_id", len(model.regions)),
        loss("figure_tables_a_graph", len(model.figures)),
        conflict_loss(model, "GraphML"),
        abbreviation_loss(model),
    ]
    return Export("graphml", {"organen.graphml": _graphml(model)}, tuple(x for x in losses if x.count))
