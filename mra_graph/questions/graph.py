"""The model as a networkx graph: nodes by id, relations as typed, keyed edges.

Same-named nodes stay apart because nodes are keyed by id, never by name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx

from mra_graph.model.loading import paused
from mra_graph.model.schema import GovernanceModel, holds_at, status_at

__all__ = ["build_graph", "graph_at"]


def build_graph(model: GovernanceModel, at: dt.date | None = None) -> nx.MultiDiGraph[str]:
    """A ``MultiDiGraph`` of ``model``; with ``at``, only what is active on that day.

    Nodes are ids with the attributes ``node`` (the :class:`~mra_graph.model.schema.Node`),
    ``kind``, ``type``, ``name``, ``label``, ``region`` and ``status`` (on ``at``, or the
    recorded status without a date). Each relation is an edge from its ``from`` to its
    ``to``, keyed by the relation id, with ``relation`` (the
    :class:`~mra_graph.model.schema.Relation`), ``kind``, ``attributes``, ``sources`` and
    ``mirrored=False``. A relation of a symmetric kind (``cooperates_with``) gets a
    second edge the other way with the same key and ``mirrored=True``, so both ends
    can ask who they cooperate with.

    >>> from mra_graph import load
    >>> import datetime as dt
    >>> graph = build_graph(load(), dt.date(2017, 6, 1))
    >>> graph.has_edge("regiegroep-mra", "mra-bureau", key="regiegroep-mra.commissions.mra-bureau")
    True
    >>> "mra-bureau" in build_graph(load(), dt.date(2016, 6, 1))
    False
    """
    with paused():
        return _build_graph(model, at)


def _build_graph(model: GovernanceModel, at: dt.date | None) -> nx.MultiDiGraph[str]:
    symmetric = {name for name, kind in model.vocabulary.relation_kinds.items() if kind.symmetric}
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node in model.nodes:
        if at is not None and not holds_at(node, at):
            continue
        graph.add_node(
            node.id,
            node=node,
            kind=node.kind.value,
            type=node.type,
            name=node.name,
            label=model.label(node.id),
            region=node.region,
            status=(status_at(node, at) if at is not None else node.status).value,
        )
    for rel in model.relations:
        if at is not None and not holds_at(rel, at):
            continue
        if rel.from_ not in graph or rel.to not in graph:
            continue
        data: dict[str, Any] = {
            "relation": rel,
            "kind": rel.kind,
            "attributes": dict(rel.attributes),
            "sources": list(rel.sources),
        }
        graph.add_edge(rel.from_, rel.to, key=rel.id, mirrored=False, **data)
        if rel.kind in symmetric:
            graph.add_edge(rel.to, rel.from_, key=rel.id, mirrored=True, **data)
    return graph


def graph_at(model: GovernanceModel, at: dt.date | None) -> nx.MultiDiGraph[str]:
    """:func:`build_graph`, built once per model and date (kept in ``model.graphs``);
    do not modify the result."""
    graphs = model.graphs
    graph = graphs.get(at)
    if graph is None:
        if len(graphs) >= 16:
            graphs.clear()
        graph = graphs[at] = build_graph(model, at)
    return graph
