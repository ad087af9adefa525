"""A hub's lines taken together: where one node has many lines of one kind to nodes that
have no other line, the picture draws one line to a box listing those nodes.

The focus of a busy body (the MRA Bureau supports seven bodies and cooperates with four
organisations) would otherwise fan out in a row too wide to print. Only the picture
changes: the text alternative and Mermaid still say every line, and each listed node
keeps its own box style inside the bundle's box, so nothing the picture said is lost.
Lines are bundled only when they look and read alike (same kind, direction, status and
label), so the one line drawn says what each of them said.

Where even then too many boxes stand around the node, its other neighbours with no other
line are *stacked*: those on one side of it and in one region go, one under the other,
in one box, and each keeps its own line, drawn to its own place in the box, with its own
look and label. A row of nine odd neighbours becomes a column, and nothing is said less.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mra_graph.model.schema import Status
from mra_graph.model.views import Style
from mra_graph.render.levels import evenly
from mra_graph.render.scene import Scene, SceneEdge, SceneNode
from mra_graph.words import words

__all__ = ["BUNDLE", "STACK", "bundled"]

_STACK_HEIGHT = 4
"""The most nodes one stack holds: more on one side of a region make several, evenly filled."""

BUNDLE = "bundle"
"""The node kind of a bundle's box, which has a look of its own in the style sheet."""

STACK = "stack"
"""The node kind of a stack: no box of its own, only the nodes in it, one under the other."""


def bundled(scene: Scene, style: Style) -> Scene:
    """``scene`` with the root's lines bundled where more than ``scene.bundle_over`` lines
    of one look and label go to (or come from) nodes that have no other line, and its other
    such neighbours stacked where more than ``scene.stack_over`` boxes stand around it; the
    scene itself when the view does neither."""
    if scene.bundle_over is None or scene.root is None:
        return scene
    return _stacked(_bundled(scene), style)


def _leaves(scene: Scene) -> list[tuple[SceneEdge, str]]:
    """The root's lines to nodes that have no other line and may leave their place in the
    picture (no region stands for them, no view level holds them, nothing is inside them,
    they are inside nothing), each with that node."""
    assert scene.root is not None
    root = scene.root
    touching: dict[str, list[SceneEdge]] = {}
    for edge in scene.edges:
        if not edge.folded:
            touching.setdefault(edge.source, []).append(edge)
            touching.setdefault(edge.target, []).append(edge)
    containers = {n.inside for n in scene.nodes if n.inside is not None}
    stand_ins = {node for node, _ in scene.region_nodes}
    ranked = {node for rank in scene.ranks for node in rank}
    found = []
    for edge in touching.get(root, []):
        other = edge.target if edge.source == root else edge.source
        if len(touching.get(other, [])) != 1 or other in containers | stand_ins | ranked:
            continue
        if scene.nodes_by_id[other].inside is not None:
            continue
        found.append((edge, other))
    return found


def _bundled(scene: Scene) -> Scene:
    assert scene.bundle_over is not None
    assert scene.root is not None
    groups: dict[tuple[str, bool, Status, bool, str], list[tuple[SceneEdge, str]]] = {}
    for edge, other in _leaves(scene):
        key = (edge.kind, edge.source == scene.root, edge.status, edge.emphasised, edge.label)
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
    voc, w = scene.vocabulary, words(scene.lang)
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
        names = w.listing([m.label for m in members])
        boxes.append(_box(ident, heading, BUNDLE, cluster, f"{root.label} {heading}: {names}"))
        first = found[0][0]
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


def _stacked(scene: Scene, style: Style) -> Scene:
    """``scene`` with the root's leaves stacked, one box per side of the root and region,
    where more than ``scene.stack_over`` boxes stand around the root and a side of a region
    has two or more of them. A stacked node is ``inside`` its stack and keeps its line."""
    if scene.stack_over is None:
        return scene
    assert scene.root is not None
    around = {e.source for e in scene.edges if not e.folded} | {e.target for e in scene.edges if not e.folded}
    if len(around - {scene.root}) <= scene.stack_over:
        return scene
    sides: dict[tuple[bool, str | None], list[str]] = {}
    for edge, other in _leaves(scene):
        node = scene.nodes_by_id[other]
        if node.kind in (BUNDLE, STACK):
            continue
        below = (edge.source == scene.root) != style.relation(edge.kind).upward
        sides.setdefault((below, node.cluster), []).append(other)
    inside: dict[str, str] = {}
    boxes: list[SceneNode] = []
    chunks: list[tuple[bool, str | None, list[str]]] = []
    for (below, cluster), found in sides.items():
        # as many stacks as needed, filled evenly: five nodes in stacks of four are 3 and 2
        chunks.extend((below, cluster, members) for members in evenly(found, _STACK_HEIGHT))
    for below, cluster, members in chunks:
        if len(members) < 2:
            continue
        ident = f"stack-{'below' if below else 'above'}-{len(boxes)}"
        names = [scene.nodes_by_id[m].label for m in members]
        boxes.append(_box(ident, "", STACK, cluster, words(scene.lang).listing(names)))
        inside.update((m, ident) for m in members)
    if not boxes:
        return scene
    nodes = [replace(n, inside=inside[n.id]) if n.id in inside else n for n in scene.nodes]
    clusters = tuple(
        replace(c, nodes=(*c.nodes, *(b.id for b in boxes if b.cluster == c.id))) for c in scene.clusters
    )
    return replace(scene, nodes=(*nodes, *boxes), clusters=clusters)


def _box(ident: str, label: str, kind: str, cluster: str | None, tooltip: str) -> SceneNode:
    """A box of the picture's own that holds other nodes: a bundle or a stack."""
    return SceneNode(
        id=ident,
        label=label,
        kind=kind,
        type=None,
        cluster=cluster,
        status=Status.ACTIVE,
        emphasised=False,
        notes=(),
        tooltip=tooltip,
    )
