"""Where a view puts what it selects: which nodes a whole-model view selects, the region
each is drawn in, the node that stands for each region, the parts drawn inside their
group, and the levels from the top down (hand-tuned in a view, or derived by
:mod:`mra_graph.render.levels`). It needs no date: a layout holds for every day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mra_graph.model.schema import GovernanceModel, Node, Relation
from mra_graph.model.views import Style, ViewDefinition, Views, load_style, load_views
from mra_graph.render.levels import Line, derive_levels

__all__ = ["Layout", "folded_parts", "framed", "layout", "plan", "selected"]


@dataclass(frozen=True)
class Layout:
    """Where a view puts the nodes it selects: its levels from the top down (hand-tuned
    or derived), the region each node is drawn in, and the node that stands for each
    region, as sorted pairs (node, region)."""

    ranks: tuple[tuple[str, ...], ...]
    clusters: dict[str, str | None]
    region_nodes: tuple[tuple[str, str], ...]
    folded: dict[str, str]


def _cluster(model: GovernanceModel, view: ViewDefinition, node: Node) -> str | None:
    if not view.group_by_region:
        return None
    cluster = view.cluster_of.get(node.id, node.region)
    return cluster if cluster in model.regions_by_id else None


def framed(model: GovernanceModel, view: ViewDefinition, ids: list[str]) -> bool:
    """Whether ``view`` draws any of the nodes ``ids`` in a region's frame."""
    return any(_cluster(model, view, model.nodes_by_id[i]) is not None for i in ids)


def plan(
    model: GovernanceModel, view: ViewDefinition, ids: list[str], relations: list[Relation], style: Style
) -> Layout:
    """The layout of ``view`` for the nodes ``ids`` and the ``relations`` among them."""
    clusters = {i: _cluster(model, view, model.nodes_by_id[i]) for i in ids}
    folded = folded_parts(model, view, ids, relations)
    if view.region_nodes:
        stands_for = {node: region for region, node in view.region_nodes.items() if node in clusters}
    else:
        # a region's node is the one node of a type that stands for a region (the cooperation)
        found: dict[str, list[str]] = {}
        for node_id in sorted(ids):
            region = clusters[node_id]
            if region is not None and model.nodes_by_id[node_id].type in view.region_node_types:
                found.setdefault(region, []).append(node_id)
        stands_for = {nodes[0]: region for region, nodes in found.items() if len(nodes) == 1}
    if view.ranks or not view.derive_levels:
        present = set(ids)
        ranks = tuple(
            tuple(i for i in rank if i in present) for rank in view.ranks if any(i in present for i in rank)
        )
    else:
        # parts drawn inside their group take no level of their own
        drawn = {i: c for i, c in clusters.items() if i not in folded}
        lines = [Line(r.id, r.kind, r.from_, r.to) for r in relations]
        top = {i for i in drawn if model.nodes_by_id[i].type in view.top_types}
        ranks = derive_levels(
            drawn,
            lines,
            style,
            loose=view.unranked,
            top=top,
            vocab=model.vocabulary,
            row_length=view.row_length,
        )
    return Layout(ranks, clusters, tuple(sorted(stands_for.items())), folded)


def layout(model: GovernanceModel, view_name: str, views: Views | None = None) -> Layout:
    """The layout of a view that shows the whole model (``overview``), on no day in
    particular: every node and relation it selects, whatever its status. A view that
    selects nothing has an empty layout."""
    views = views or Views(load_views())
    view = views.get(view_name, model)
    style = load_style()
    ids = selected(model, view)
    shown = set(ids)
    kinds = set(view.relations) if view.relations is not None else None
    relations = [
        r
        for r in model.relations
        if r.from_ in shown and r.to in shown and (kinds is None or r.kind in kinds)
    ]
    return plan(model, view, ids, relations, style)


def selected(model: GovernanceModel, view: ViewDefinition) -> list[str]:
    """The ids of the nodes a view without a root selects, in the model's order."""
    select = view.select
    if select is None:
        return []
    chosen = {
        n.id
        for n in model.nodes
        if n.id in select.include
        or (
            (not select.kinds or n.kind.value in select.kinds)
            and (not select.regions or (n.region or "") in select.regions)
        )
    }
    related = select.related
    if related is not None:
        kinds = set(related.relations)
        wanted = set(related.kinds)
        for rel in model.relations:
            if rel.kind not in kinds:
                continue
            for end, other in ((rel.from_, rel.to), (rel.to, rel.from_)):
                if other in chosen and model.nodes_by_id[end].kind.value in wanted:
                    chosen.add(end)
    chosen -= set(select.exclude)
    return [n.id for n in model.nodes if n.id in chosen]


def folded_parts(
    model: GovernanceModel, view: ViewDefinition, ids: Sequence[str], relations: Sequence[Relation]
) -> dict[str, str]:
    """The parts drawn inside their group, each with its group: a part whose only line in
    the scene is a line of a part kind to a node of a ``fold_into`` type."""
    if not view.fold_into:
        return {}
    voc = model.vocabulary
    groups = {i for i in ids if model.nodes_by_id[i].type in view.fold_into}
    lines: dict[str, list[Relation]] = {}
    for rel in relations:
        lines.setdefault(rel.from_, []).append(rel)
        lines.setdefault(rel.to, []).append(rel)
    folded: dict[str, str] = {}
    for node_id in ids:
        own = lines.get(node_id, [])
        if (
            node_id not in groups
            and len(own) == 1
            and voc.role(own[0].kind) == "part"
            and own[0].from_ == node_id
            and own[0].to in groups
        ):
            folded[node_id] = own[0].to
    return folded
