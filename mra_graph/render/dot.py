"""A :class:`~mra_graph.render.scene.Scene` as a Graphviz graph (``graphviz.Digraph``).

Every label is an HTML-like label built from :func:`~mra_graph.render.labels.html_text`,
so no model text can end a string, open a tag or start a new statement. Nodes get the
DOT attribute ``id="node-<id>"`` and relations ``id="edge-<relation id>"``, which Graphviz
copies into the SVG. Relations whose style says ``upward`` (support, membership,
preparation) are laid out from their target down to their source with ``dir=back``, so
the arrow still points the right way while the supported body sits above its support.
"""

from __future__ import annotations

import itertools

import graphviz

from mra_graph.model import Status
from mra_graph.render.definitions import Style
from mra_graph.render.labels import dot_text, html_text, status_word, wrap
from mra_graph.render.scene import Scene, SceneEdge, SceneNode
from mra_graph.vocabulary import vocabulary

__all__ = ["to_digraph"]


def _num(value: float) -> str:
    return f"{value:g}"


def _title_label(scene: Scene, style: Style) -> str:
    title = "<BR/>".join(html_text(line) for line in wrap(scene.title, 70))
    return (
        f'<<FONT POINT-SIZE="{_num(style.title_size)}"><B>{title}</B></FONT><BR/>'
        f'<FONT POINT-SIZE="{_num(style.subtitle_size)}">{html_text(scene.subtitle)}</FONT>>'
    )


def _node_label(node: SceneNode, style: Style) -> str:
    name = "<BR/>".join(html_text(line) for line in wrap(node.label, style.wrap))
    if node.emphasised:
        name = f"<B>{name}</B>"
    notes = "".join(
        f'<BR/><FONT POINT-SIZE="{_num(style.edge_font_size)}"><I>{html_text(line)}</I></FONT>'
        for note in node.notes
        for line in wrap(note, style.wrap + 6)
    )
    return f"<{name}{notes}>"


def _node_attrs(node: SceneNode, style: Style) -> dict[str, str]:
    look = style.node(node.kind, node.type)
    styles = look.style.split(",")
    line, fill, font = look.line, look.fill, "#000000"
    status = style.statuses.get(node.status.value) if node.status is not Status.ACTIVE else None
    if status is not None:
        styles = [s for s in styles if s != "bold"] + [status.style]
        line, font = status.line, status.font
        fill = status.fill or fill
    penwidth = look.penwidth
    if node.emphasised:
        line, penwidth = style.emphasis.line, style.emphasis.penwidth
    return {
        "id": f"node-{node.id}",
        "label": _node_label(node, style),
        "shape": look.shape,
        "style": ",".join(styles),
        "fillcolor": fill,
        "color": line,
        "fontcolor": font,
        "penwidth": _num(penwidth),
        "peripheries": str(look.peripheries),
        "tooltip": dot_text(node.tooltip),
    }


def _edge(graph: graphviz.Digraph, edge: SceneEdge, style: Style) -> None:
    look = style.relation(edge.kind)
    color = look.color
    styles = [look.style]
    if edge.status is not Status.ACTIVE:
        styles = ["dashed" if edge.status is not Status.ENDED else "dotted"]
        color = style.statuses[edge.status.value].line if edge.status.value in style.statuses else color
    penwidth = look.penwidth
    if edge.emphasised:
        penwidth = max(penwidth, style.emphasis.penwidth)
    attrs = {
        "id": f"edge-{edge.id}",
        "color": color,
        "style": ",".join(styles),
        "penwidth": _num(penwidth),
        "tooltip": dot_text(edge.phrase + (f" ({edge.label})" if edge.label else "")),
    }
    if edge.label:
        lines = "<BR/>".join(html_text(line) for line in wrap(edge.label, 22))
        attrs["label"] = f"<{lines}>"
    if look.upward:
        attrs.update(dir="back", arrowtail=look.arrowhead, arrowhead="none")
        graph.edge(edge.target, edge.source, **attrs)
    else:
        attrs["arrowhead"] = look.arrowhead
        graph.edge(edge.source, edge.target, **attrs)


def _legend(scene: Scene, style: Style) -> graphviz.Digraph:
    """A cluster listing the node looks and relation kinds this scene uses, and nothing else."""
    voc = vocabulary()
    lang = scene.lang
    words = style.words(lang)
    legend = graphviz.Digraph(name="cluster_legend")
    legend.attr(
        label=f"<<B>{html_text(words['legend'])}</B>>",
        style="rounded",
        color="#7F7F7F",
        fontsize=_num(style.font_size),
        id="legend",
    )
    legend.attr("node", fontsize=_num(style.edge_font_size))
    rows: list[str] = []
    looks: dict[str, list[str]] = {}
    for node in scene.nodes:
        key = f"{node.kind}.{node.type}" if f"{node.kind}.{node.type}" in style.nodes else node.kind
        info = voc.node_kinds.get(node.kind)
        name = info.en if info and lang == "en" else info.nl if info else node.kind
        if "." in key and info and node.type in info.types:
            found = info.types[node.type or ""]
            name = found.en if lang == "en" else found.nl
        names = looks.setdefault(key, [])
        if name not in names:
            names.append(name)
    for i, (key, names) in enumerate(looks.items()):
        kind, _, type_ = key.partition(".")
        look = style.node(kind, type_ or None)
        row = f"legend-node-{i}"
        legend.node(
            row,
            label=f"<{html_text(', '.join(names))}>",
            shape=look.shape,
            style=look.style,
            fillcolor=look.fill,
            color=look.line,
            penwidth=_num(look.penwidth),
            peripheries=str(look.peripheries),
            id=f"legend-{key}",
        )
        rows.append(row)
    statuses = sorted({n.status for n in scene.nodes if n.status is not Status.ACTIVE}, key=lambda s: s.value)
    for status in statuses:
        look_status = style.statuses.get(status.value)
        row = f"legend-status-{status.value}"
        legend.node(
            row,
            label=f"<{html_text(status_word(status, lang, style))}>",
            shape="box",
            style=f"rounded,{look_status.style}" if look_status else "rounded",
            color=look_status.line if look_status else "#7F7F7F",
            fontcolor=look_status.font if look_status else "#000000",
            id=f"legend-status-{status.value}",
        )
        rows.append(row)
    kinds = sorted(
        {e.kind for e in scene.edges},
        key=lambda k: list(style.relations).index(k) if k in style.relations else 999,
    )
    for kind in kinds:
        look_edge = style.relation(kind)
        relation = voc.relation_kinds.get(kind)
        verb = relation.phrasing(lang).active if relation else kind
        start, end = f"legend-{kind}-from", f"legend-{kind}-to"
        with legend.subgraph() as row:
            row.attr(rank="same")
            row.node(start, label="", shape="point", width="0.02", color="#FFFFFF", id=f"{start}")
            row.node(end, label=f"<{html_text(verb)}>", shape="plaintext", id=f"{end}")
            row.edge(
                start,
                end,
                color=look_edge.color,
                style=look_edge.style,
                penwidth=_num(look_edge.penwidth),
                arrowhead=look_edge.arrowhead,
                minlen="2",
                id=f"legend-edge-{kind}",
            )
        rows.append(end)
    for upper, lower in itertools.pairwise(rows):
        legend.edge(upper, lower, style="invis")
    return legend


def to_digraph(scene: Scene, style: Style) -> graphviz.Digraph:
    """The Graphviz graph of ``scene`` drawn in ``style``; its ``.source`` is the DOT text."""
    graph = graphviz.Digraph(name=scene.view)
    graph.attr(
        label=_title_label(scene, style),
        labelloc="t",
        labeljust="c",
        fontname=style.font,
        fontsize=_num(style.font_size),
        **dict(style.graph),
        **dict(scene.graph),
    )
    graph.attr("node", fontname=style.font, fontsize=_num(style.font_size), margin="0.12,0.06")
    graph.attr("edge", fontname=style.font, fontsize=_num(style.edge_font_size), fontcolor="#222222")
    clustered = {n for c in scene.clusters for n in c.nodes}
    nodes = scene.nodes_by_id
    for cluster in scene.clusters:
        look = style.cluster(cluster.id)
        with graph.subgraph(name=f"cluster_{cluster.id}") as sub:
            sub.attr(
                label=f"<<B>{html_text(cluster.label)}</B>>",
                style=look.style,
                fillcolor=look.fill,
                color=look.line,
                fontsize=_num(style.font_size + 3),
                id=f"cluster-{cluster.id}",
            )
            for node_id in cluster.nodes:
                sub.node(node_id, **_node_attrs(nodes[node_id], style))
    for node in scene.nodes:
        if node.id not in clustered:
            graph.node(node.id, **_node_attrs(node, style))
    for rank in scene.ranks:
        with graph.subgraph() as same:
            same.attr(rank="same")
            for node_id in rank:
                same.node(node_id)
    for edge in scene.edges:
        _edge(graph, edge, style)
    if scene.nodes:
        graph.subgraph(_legend(scene, style))
    return graph
