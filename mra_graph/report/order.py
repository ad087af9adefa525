"""The order a report tells the model in, whatever the order of the model file's lists.

A model file's lists (documents, regions, nodes, relations, figures, conflicts) may come
in any order: the same model reordered must give the same report, byte for byte. The
report therefore reads the model in *reading order*: first the nodes that stand for a
region (the cooperation itself), then level by level from the top as the overview
diagram lays them out (:func:`mra_graph.render.layout.layout`: the model's own view file's
levels, or those derived from the relations), then the others in the order of the staffing
tables, then by id; each region where its first node comes; each document where the
first node citing it comes; relations, figure tables and conflicts by id.
"""

from __future__ import annotations

from typing import Any

from mra_graph.errors import MraGraphError
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.views import Views
from mra_graph.render.layout import layout
from mra_graph.render.scene import figure_order

__all__ = ["OVERVIEW", "in_reading_order"]

OVERVIEW = "overview"


def in_reading_order(model: GovernanceModel, views: Views | None = None) -> GovernanceModel:
    """A copy of ``model`` with every list in reading order (see the module's docstring);
    ``views`` are the model's views (its own view file over the bundled ones).

    >>> import mra_graph
    >>> model = in_reading_order(mra_graph.load())
    >>> [r.id for r in model.regions], model.nodes[0].id
    (['mra', 'am'], 'mra')
    >>> in_reading_order(model) is model  # already in reading order: nothing to do again
    True
    """
    if model.derived.get("reading order", _NOT_MADE) is views:
        return model
    try:
        found = layout(model, OVERVIEW, views)
    except MraGraphError:
        ranks: tuple[tuple[str, ...], ...] = ()
        heads: set[str] = set()
    else:
        ranks = found.ranks
        heads = {node for node, _ in found.region_nodes}
    placed = {node: (i, p) for i, rank in enumerate(ranks) for p, node in enumerate(rank)}
    last = (len(ranks), 0)
    rows = figure_order(model)
    nodes = sorted(
        model.nodes,
        key=lambda n: (n.id not in heads, placed.get(n.id, last), rows.get(n.id, len(rows)), n.id),
    )
    first_node: dict[str, int] = {}
    first_citation: dict[str, int] = {}
    for index, node in enumerate(nodes):
        if node.region is not None:
            first_node.setdefault(node.region, index)
        for source in node.sources:
            first_citation.setdefault(source.document, index)
    end = len(nodes)
    update: dict[str, list[Any]] = {
        "nodes": nodes,
        "regions": sorted(model.regions, key=lambda r: (first_node.get(r.id, end), r.id)),
        "documents": sorted(model.documents, key=lambda d: (first_citation.get(d.id, end), d.id)),
        "relations": sorted(model.relations, key=lambda r: r.id),
        "figures": sorted(model.figures, key=lambda f: f.id),
        "conflicts": sorted(model.conflicts, key=lambda c: c.id),
    }
    ordered = model.with_lists(**update)
    # a report orders its model once and hands it on: ordering a national model again
    # would lay out its whole overview a second time
    ordered.derived["reading order"] = views
    return ordered


_NOT_MADE = object()  # what a model this function did not order has instead of its views
