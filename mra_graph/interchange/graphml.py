"""The model as GraphML, for yEd, Gephi and networkx.

Nodes keep their id and carry ``label`` (the name readers can tell apart), ``kind``,
``type``, names, descriptions, ``region``, ``status``, ``valid_from``/``valid_to``,
``size``; edges are keyed by the relation id and carry ``kind``, ``label`` (the verb in
the model's language), status, period, capacity, count, per, role, note and scopes. Both carry how
firmly they hold: ``modality`` (with ``modality_via`` where it is taken over from what
the item depends on), ``condition``, ``inferred`` and ``marks`` (JSON). GraphML has no lists or
maps, so ``aliases``, ``attributes`` and ``sources`` are JSON text. Absent values are
left out. The graph carries the model's title; documents, regions, figures and
conflicts have no place in a graph and are listed as losses. networkx writes the file
with lxml, a dependency of the package for that reason: without it networkx falls back,
without a word, to a standard-library writer several times slower that needs more
memory and lays out the text slightly differently.
"""

from __future__ import annotations

import io
import json
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


def graph_of(model: GovernanceModel) -> nx.MultiDiGraph[str]:
    """The model as the multigraph that :func:`export_graphml` writes (and networkx reads back)."""
    kinds = model.vocabulary.relation_kinds
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.graph["title"] = model.title
    if model.title_en:
        graph.graph["title_en"] = model.title_en
    for node in model.nodes:
        graph.add_node(
            node.id, label=model.label(node.id, model.lang), **_attributes(model, node, _NODE_FIELDS)
        )
    for relation in model.relations:
        verb = kinds[relation.kind].phrasing(model.lang).active if relation.kind in kinds else relation.kind
        graph.add_edge(
            relation.from_,
            relation.to,
            key=relation.id,
            label=verb,
            **_attributes(model, relation, _EDGE_FIELDS),
        )
    return graph


def export_graphml(model: GovernanceModel) -> Export:
    """The model as one GraphML file (nodes and edges in id order), and what the graph cannot hold."""
    model = in_id_order(model)
    buffer = io.BytesIO()
    # networkx writes with lxml (a dependency), some three times faster than with the
    # standard library, which it would fall back to
    nx.write_graphml(graph_of(model), buffer, encoding="utf-8", prettyprint=True)
    losses = [
        loss("documents_graph", len(model.documents)),
        loss("regions_id", len(model.regions)),
        loss("figure_tables_a_graph", len(model.figures)),
        conflict_loss(model, "GraphML"),
        abbreviation_loss(model),
    ]
    return Export("graphml", {"organen.graphml": buffer.getvalue()}, tuple(x for x in losses if x.count))
