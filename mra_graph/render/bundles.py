"""A hub's lines taken together: where one node has many lines of one kind to nodes that
have no other line, the picture draws one line to a box listing those nodes.

The focus of a busy body (the MRA Bureau supports seven bodies and cooperates with four
organisations) would otherwise fan out in a row too wide to print. Only the picture
changes: the text alternative and Mermaid still say every line, and each listed node
keeps its own box style inside the bundle's box, so nothing the picture said is lost.
Lines are bundled only when they look and read alike (same kind, direction, status and
label), so the one line drawn says what each of them said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mra_graph.model.schema import Status
from mra_graph.model.vocabulary import vocabulary
from mra_graph.render.scene import Scene, SceneEdge, SceneNode
from mra_graph.words import words

__all__ = ["BUNDLE", "bundled"]

BUNDLE = "bundle"
"""The node kind of a bundle's box, which has a look of its own in the style sheet."""


def bundled(scene: Scene) -> Scene:
    """``scene`` with the root's lines bundled where more than ``scene.bundle_over`` lines
    of one look and label go to (or come from) nodes that have no other line; the scene
    itself when the view bundles nothing."""
    if scene.bundle_over is None or scene.root is None:
        return scene
    root = scene.root
    touching: dict[str, list[SceneEdge]] = {}
    for edge in scene.edges:
        if not edge.folded:
            touching.setdefault(edge.source, []).append(edge)
            touching.setdefault(edge.target, []).append(edge)
    containers = {n.inside for n in scene.nodes if n.inside is not None}
    stand_ins = {node for node, _ in scene.region_nodes}
    ranked = {node for rank in scene.ranks for node in rank}
    groups: dict[tuple[str, bool, Status, bool, str], list[tuple[SceneEdge, str]]] = {}
    for edge in touching.get(root, []):
        other = edge.target if edge.source == root else edge.source
        lines = touching.get(other, [])
        if len(lines) != 1 or other in containers | stand_ins | ranked:
            continue
        if scene.nodes_by_id[other].inside is not None:
            continue
        key = (edge.kind, edge.source == root, edge.status, edge.emphasised, edge.label)
        groups.setdefault(key, []).append((edge, other))
    chosen = [(key, found) for key, found in groups.items() if len(found) > scene.bundle_over]
    if not chosen:
        return scene
    return _bundle(scene, chosen)


def _bundle(
    scene: Scene, chosen: Sequence[tuple[tuple[str, bool, Status, bool, str], list[tuple[SceneEdge, str]]]]
) -> Scene:
    assert scene.root is not None
    root = scene.nodes_by_id[scene.root]
    voc, w = vocabulary(), words(scene.lang)
    inside: dict[str, str] = {}
    folded: set[str] = set()
    boxes: list[SceneNode] = []
    lines: list[SceneEdge] = []
    placed: dict[str, str | None] = {}
    for (kind, outgoing, status, emphasised, _), found in chosen:
        info = voc.relation_kinds.get(kind)
        phrasing = info.phrasing(scene.lang) if info else None
        verb = (
            (phrasing.active if outgoing or (info and info.symmetric) else phrasing.passive)
            if phrasing
            else kind
        )
        ident = f"bundle-{kind}-{'out' if outgoing else 'in'}-{status.value}-{len(boxes)}"
        members = [scene.nodes_by_id[other] for _, other in found]
        heading = w("diagram", "bundle", phrase=verb, n=len(members))
        regions = {m.cluster for m in members}
        cluster = regions.pop() if len(regions) == 1 else None
        placed[ident] = cluster
        boxes.append(
            SceneNode(
                id=ident,
                label=heading,
                kind=BUNDLE,
                type=None,
                cluster=cluster,
                status=Status.ACTIVE,
                emphasised=False,
                notes=(),
                tooltip=f"{root.label} {heading}: " + w.listing([m.label for m in members]),
            )
        )
        first = found[0][0]
        names = w.listing([m.label for m in members])
        lines.append(
            SceneEdge(
                id=ident,
                kind=kind,
                source=root.id if outgoing else ident,
                target=ident if outgoing else root.id,
                label=first.label,
                status=status,
                emphasised=emphasised,
                phrase=f"{root.label} {verb} {names}",
                parts=first.parts,
            )
        )
        for edge, other in found:
            inside[other] = ident
            folded.add(edge.id)
    nodes = [
        replace(n, inside=inside[n.id], cluster=placed[inside[n.id]]) if n.id in inside else n
        for n in scene.nodes
    ]
    edges = [replace(e, folded=True) if e.id in folded else e for e in scene.edges]
    clusters = tuple(
        replace(c, nodes=(*c.nodes, *(b.id for b in boxes if b.cluster == c.id))) for c in scene.clusters
    )
    return replace(scene, nodes=(*nodes, *boxes), edges=(*edges, *lines), clusters=clusters)
