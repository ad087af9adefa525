"""A :class:`~mra_graph.render.scene.Scene` as a Graphviz graph (``graphviz.Digraph``).

Every label is an HTML-like label built from :func:`~mra_graph.render.labels.html_text`,
so no model text can end a string, open a tag or start a new statement. Nodes get the
DOT attribute ``id="node-<id>"`` and relations ``id="edge-<relation id>"``, which Graphviz
copies into the SVG. Relations whose style says ``upward`` (support, membership,
preparation) are laid out from their target down to their source with ``dir=back``, so
the arrow still points the right way while the supported body sits above its support.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import replace

import graphviz

from mra_graph.model.schema import Status
from mra_graph.model.views import NodeStyle, Style, load_style
from mra_graph.render.bundles import BUNDLE, STACK, bundled
from mra_graph.render.dot_runner import run_dot
from mra_graph.render.labels import dot_text, html_text, status_word, wrap
from mra_graph.render.levels import evenly
from mra_graph.render.output import accessible_svg
from mra_graph.render.scene import Scene, SceneEdge, SceneNode
from mra_graph.render.text import describe_scene
from mra_graph.words import words

__all__ = ["AccessibleDigraph", "legend_columns", "shared_parts", "to_digraph", "to_dot"]
# a blank label of fixed width keeps a legend's sample line long enough to see
_BLANK = '<<TABLE BORDER="0" CELLPADDING="0"><TR><TD WIDTH="34" HEIGHT="1"></TD></TR></TABLE>>'


# points of room right of a line's label, between it and the next line
_LABEL_ROOM = 14

# attributes whose value is an HTML-like label built here from escaped text
_HTML_KEYS = frozenset({"label", "xlabel"})


def _values(attrs: dict[str, str]) -> dict[str, str]:
    """``attrs`` for the graphviz package: every value but a label marked as plain text,
    so that model text in a tooltip is quoted and never taken for a label's markup."""
    return {k: v if k in _HTML_KEYS else graphviz.nohtml(v) for k, v in attrs.items()}


def _add_node(graph: graphviz.Digraph, name: str, attrs: dict[str, str]) -> None:
    graph.node(name, **_values(attrs))


def _add_edge(graph: graphviz.Digraph, tail: str, head: str, attrs: dict[str, str]) -> None:
    graph.edge(tail, head, **_values(attrs))


def _attr_statement(graph: graphviz.Digraph, kw: str | None = None, **attrs: str) -> None:
    graph.attr(kw, **_values(attrs))


def _num(value: float) -> str:
    return f"{value:g}"


def _title_label(scene: Scene, style: Style) -> str:
    title = "<BR/>".join(html_text(line) for line in wrap(scene.title, 70))
    subtitle = "<BR/>".join(html_text(line) for line in _subtitle_lines(scene.subtitle))
    return (
        f'<<FONT POINT-SIZE="{_num(style.title_size)}"><B>{title}</B></FONT><BR/>'
        f'<FONT POINT-SIZE="{_num(style.subtitle_size)}">{subtitle}</FONT>>'
    )


def _plain(label: str) -> str:
    """The text of a Graphviz label, without its HTML-like markup.

    >>> _plain("<<B>stuurt aan</B> (gepland)>")
    'stuurt aan (gepland)'
    """
    if label.startswith("<") and label.endswith(">"):
        label = label[1:-1]
    return html.unescape(re.sub(r"<[^>]*>", "", label))


def _subtitle_lines(subtitle: str, width: int = 120) -> list[str]:
    """A long subtitle broken between its parts (``a · b · c``) into lines of at most
    ``width`` characters where it can be, so that it is not what makes a picture wide:
    about as wide as a title of 70 characters, in its larger letters.

    >>> _subtitle_lines("model · date · lines left out", 14)
    ['model · date', 'lines left out']
    """
    lines: list[str] = []
    for part in subtitle.split(" · "):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines


def _text(node: SceneNode, style: Style) -> str:
    name = "<BR/>".join(html_text(line) for line in wrap(node.label, style.wrap))
    if node.emphasised:
        name = f"<B>{name}</B>"
    notes = "".join(
        f'<BR/><FONT POINT-SIZE="{_num(style.edge_font_size)}"><I>{html_text(line)}</I></FONT>'
        for note in node.notes
        for line in wrap(note, style.wrap + 6)
    )
    return name + notes


def _short_labels(labels: list[str]) -> list[str]:
    """Labels without the words all of them start with, when there are several:
    inside *platforms*, "platform Ruimte" reads "Ruimte".

    >>> _short_labels(["platform Ruimte", "platform Economie"])
    ['Ruimte', 'Economie']
    """
    if len(labels) < 2:
        return labels
    words = [label.split(" ") for label in labels]
    common = 0
    while all(len(w) > common + 1 and w[common] == words[0][common] for w in words):
        common += 1
    return [" ".join(w[common:]) for w in words]


def _node_label(node: SceneNode, parts: list[SceneNode], style: Style, ported: set[str]) -> str:
    """A node's label; one with ``parts`` lists them, each in a cell of its own that is a
    port where it is in ``ported`` (its own line ends there). A stack lists its parts
    with their whole names and no heading; a bundle of four or more with notes lists them
    in two columns, so that it is not the tallest thing in its row."""
    if not parts:
        return f"<{_text(node, style)}>"
    columns = 2 if node.kind == BUNDLE and len(parts) >= 4 and any(p.notes for p in parts) else 1
    span = f' COLSPAN="{columns}"' if columns > 1 else ""
    heading = [f"<TD{span}>{_text(node, style)}</TD>"] if node.kind != STACK else []
    shorts = _short_labels([p.label for p in parts]) if node.kind != STACK else [p.label for p in parts]
    cells = []
    for part, short in zip(parts, shorts, strict=True):
        port = f' PORT="{html_text(part.id)}"' if part.id in ported else ""
        part = replace(part, label=short)
        look = style.node(part.kind, part.type)
        dashed = ""
        color = look.line
        if part.status is not Status.ACTIVE and part.status.value in style.statuses:
            dashed = "," + style.statuses[part.status.value].style
            color = style.statuses[part.status.value].line
        cells.append(
            f'<TD ID="node-{part.id}"{port} TOOLTIP="{html_text(part.tooltip)}" HREF="" BORDER="1" '
            f'STYLE="rounded{dashed}" COLOR="{color}" BGCOLOR="{look.fill}" CELLPADDING="4">'
            f"{_text(part, style)}</TD>"
        )
    rows = heading + ["".join(cells[i : i + columns]) for i in range(0, len(cells), columns)]
    table = "".join(f"<TR>{row}</TR>" for row in rows)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="1">{table}</TABLE>>'


def _node_attrs(node: SceneNode, parts: list[SceneNode], style: Style, ported: set[str]) -> dict[str, str]:
    if node.kind == STACK:
        label = _node_label(node, parts, style, ported)
        return {"id": f"node-{node.id}", "label": label, "shape": "plain", "tooltip": dot_text(node.tooltip)}
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
        "label": _node_label(node, parts, style, ported),
        "shape": look.shape,
        "style": ",".join(styles),
        "fillcolor": fill,
        "color": line,
        "fontcolor": font,
        "penwidth": _num(penwidth),
        "peripheries": str(look.peripheries),
        "tooltip": dot_text(node.tooltip),
    }


_STATUS_ORDER = {status: index for index, status in enumerate(Status)}


def _look_key(kind: str, status: Status, emphasised: bool) -> str:
    """The name of a line's look: its kind, its status when not active, and whether it
    is highlighted; the class a drawn line and its legend sample share in the SVG."""
    key = kind if status is Status.ACTIVE else f"{kind}-{status.value}"
    return f"{key}-emphasised" if emphasised else key


def _line_look(kind: str, status: Status, emphasised: bool, style: Style) -> dict[str, str]:
    """How a line is drawn, the same for a line and its legend sample: its kind's colour,
    pattern, width and arrowhead; a line not active on the day is dashed or dotted in its
    kind's colour made lighter; a highlighted line is cased in the emphasis colour, so that
    it keeps its kind's look."""
    look = style.relation(kind)
    color, pattern = look.color, look.style
    faded = style.line_statuses.get(status.value) if status is not Status.ACTIVE else None
    if faded is not None:
        pattern = faded.style
        if len(color) == 7 and color.startswith("#"):
            color += faded.opacity
    if emphasised:
        color = f"{color}:{style.emphasis.halo}:{color}"
    return {
        "class": f"look-{_look_key(kind, status, emphasised)}",
        "color": color,
        "style": pattern,
        "penwidth": _num(look.penwidth),
    }


def shared_parts(scene: Scene) -> dict[str, tuple[str, ...]]:
    """The label parts every line of a look carries, by look, where two or more lines
    have it: said once in the legend ("maakt deel uit van (afgeleid)") instead of on each
    line. A line's tooltip and the text alternative keep its whole label."""
    by_look: dict[str, list[SceneEdge]] = {}
    for edge in scene.edges:
        if not edge.folded:
            by_look.setdefault(_look_key(edge.kind, edge.status, edge.emphasised), []).append(edge)
    shared: dict[str, tuple[str, ...]] = {}
    for key, lines in by_look.items():
        common = tuple(p for p in lines[0].parts if all(p in line.parts for line in lines[1:]))
        if len(lines) > 1 and common:
            shared[key] = common
    return shared


def _edge_label(parts: list[str]) -> str:
    """A line's label, wrapped, with a margin around it and room on its right, where
    Graphviz puts the next line, so that a label stays with its own line and two labels
    side by side do not run together."""
    lines = "<BR/>".join(html_text(line) for line in wrap(", ".join(parts), 22))
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
    return f'<{table}<TR><TD>{lines}</TD><TD WIDTH="{_LABEL_ROOM}"></TD></TR></TABLE>>'


def _edge(
    graph: graphviz.Digraph,
    edge: SceneEdge,
    style: Style,
    borders: dict[str, str],
    *,
    ranked: bool,
    shared: tuple[str, ...] = (),
    row: int = 0,
    ports: dict[str, str] | None = None,
) -> None:
    """Draw ``edge``; ``borders`` maps an end that stands for a region to its cluster, an
    edge that is not ``ranked`` does not decide levels, and the label parts in ``shared``
    are said in the legend instead, ``row`` is how many rows below the first under its
    upper end the lower end goes, and ``ports`` maps an end drawn inside another box to
    its place there (``box:port``)."""
    look = style.relation(edge.kind)

    def at(end: str) -> str:
        return (ports or {}).get(end, end)

    attrs = {
        "id": f"edge-{edge.id}",
        **_line_look(edge.kind, edge.status, edge.emphasised, style),
        "tooltip": dot_text(edge.phrase + (f" ({edge.label})" if edge.label else "")),
    }
    parts = [p for p in edge.parts if p not in shared]
    if parts:
        attrs["label"] = _edge_label(parts)
    if row:
        attrs["minlen"] = str(row + 1)
    # a line to a node that stands for a whole region ends at the region's border
    at_target = borders.get(edge.target)
    at_source = borders.get(edge.source)
    if not ranked:
        attrs["constraint"] = "false"
    if look.upward:
        attrs.update(dir="back", arrowtail=look.arrowhead, arrowhead="none")
        if at_target:
            attrs["ltail"] = at_target
        if at_source:
            attrs["lhead"] = at_source
        _add_edge(graph, at(edge.target), at(edge.source), attrs)
    else:
        attrs["arrowhead"] = look.arrowhead
        if at_target:
            attrs["lhead"] = at_target
        if at_source:
            attrs["ltail"] = at_source
        _add_edge(graph, at(edge.source), at(edge.target), attrs)


def _upper_lower(edge: SceneEdge, style: Style) -> tuple[str, str]:
    """The end of ``edge`` drawn above and the one drawn below: an upward line (support,
    membership) has its target above its source."""
    if style.relation(edge.kind).upward:
        return edge.target, edge.source
    return edge.source, edge.target


def _under(scene: Scene, style: Style, rows: dict[str, int]) -> list[tuple[str, str]]:
    """Pairs (upper, lower) of the ends of one node's lines that a row too long put on
    several rows, by the levels (:func:`mra_graph.render.levels.derive_levels`) or by
    ``rows`` (:func:`_rows`): each row goes under the one before it, end under end,
    instead of spreading out beside it."""
    if scene.row_length is None:
        return []
    level = {node: i for i, rank in enumerate(scene.ranks) for node in rank}
    ends: dict[str, list[str]] = {}
    for edge in scene.edges:
        ends.setdefault(edge.source, []).append(edge.target)
        ends.setdefault(edge.target, []).append(edge.source)
    by_row: dict[tuple[str, int], list[str]] = {}
    for rank in scene.ranks:
        for node in rank:
            others = ends.get(node, [])
            if len(others) == 1 and level.get(others[0], len(level)) < level[node]:
                by_row.setdefault((others[0], level[node]), []).append(node)
    for edge in scene.edges:
        if edge.id in rows:
            upper, lower = _upper_lower(edge, style)
            by_row.setdefault((upper, rows[edge.id]), []).append(lower)
    pairs = []
    for (parent, row), ends_in_row in sorted(by_row.items(), key=lambda item: (item[0][1], item[0][0])):
        pairs += list(zip(by_row.get((parent, row - 1), []), ends_in_row, strict=False))
    return pairs


def _rows(scene: Scene, style: Style) -> dict[str, int]:
    """The row, below the first, of each line's lower end where a node has more than
    ``scene.row_length`` ends with nothing else drawn below it: they go in rows of that
    length, so a body with many members is not one long row. Ends in the view's levels
    stay where the levels put them."""
    if scene.row_length is None:
        return {}
    length = scene.row_length
    lines: dict[str, int] = {}
    below: dict[str, list[SceneEdge]] = {}
    ranked = {node for rank in scene.ranks for node in rank}
    for edge in scene.edges:
        if edge.folded:
            continue
        lines[edge.source] = lines.get(edge.source, 0) + 1
        lines[edge.target] = lines.get(edge.target, 0) + 1
        below.setdefault(_upper_lower(edge, style)[0], []).append(edge)
    rows: dict[str, int] = {}
    for edges in below.values():
        leaves = [
            e for e in edges if (lower := _upper_lower(e, style)[1]) not in ranked and lines[lower] == 1
        ]
        if len(leaves) > length:
            rows.update((e.id, index) for index, row in enumerate(evenly(leaves, length)) for e in row)
    return rows


def _legend_items(
    scene: Scene, style: Style, shared: dict[str, tuple[str, ...]]
) -> list[tuple[str, dict[str, str], dict[str, str] | None]]:
    """(id, node attributes, edge attributes or None) of each legend entry, in a fixed order;
    a line sample names the label parts all its lines share (``shared``)."""
    voc = scene.vocabulary
    lang = scene.lang
    items: list[tuple[str, dict[str, str], dict[str, str] | None]] = []
    # one entry per look: kinds and types drawn alike share it ("bureau, team")
    looks: dict[NodeStyle, tuple[str, list[str]]] = {}
    # a bundle's box says what it holds in its heading; its parts have their own looks
    for node in (n for n in scene.nodes if n.kind not in (BUNDLE, STACK)):
        key = f"{node.kind}.{node.type}" if f"{node.kind}.{node.type}" in style.nodes else node.kind
        name = voc.type_name(node.kind, node.type if "." in key else None, lang)
        _, names = looks.setdefault(style.node(node.kind, node.type), (key, []))
        if name not in names:
            names.append(name)
    for look, (key, names) in looks.items():
        attrs = {
            "label": f"<{html_text(', '.join(names))}>",
            "shape": look.shape,
            "style": look.style,
            "fillcolor": look.fill,
            "color": look.line,
            "penwidth": _num(look.penwidth),
            "peripheries": str(look.peripheries),
        }
        items.append((f"legend-{key}", attrs, None))
    for status in sorted({n.status for n in scene.nodes} - {Status.ACTIVE}, key=lambda s: s.value):
        look_status = style.statuses.get(status.value)
        attrs = {
            "label": f"<{html_text(status_word(status, lang))}>",
            "shape": "box",
            "style": f"rounded,{look_status.style}" if look_status else "rounded",
            "color": look_status.line if look_status else "#7F7F7F",
            "fontcolor": look_status.font if look_status else "#000000",
        }
        items.append((f"legend-status-{status.value}", attrs, None))
    if any(n.emphasised for n in scene.nodes):
        attrs = {
            "label": f"<{html_text(words(lang)('diagram', 'emphasis'))}>",
            "shape": "box",
            "style": "rounded",
            "color": style.emphasis.line,
            "penwidth": _num(style.emphasis.penwidth),
        }
        items.append(("legend-emphasis", attrs, None))
    # one sample for each look a line is drawn in, named by what it means: kinds drawn
    # alike (two kinds that differ only in their pattern, when planned) share one
    order = list(style.relations)
    drawn = {(e.kind, e.status, e.emphasised) for e in scene.edges if not e.folded}
    highlight = scene.emphasis_label or words(lang)("diagram", "emphasis")
    samples: dict[tuple[tuple[str, str], ...], tuple[str, dict[str, str], list[tuple[str, str]]]] = {}
    for kind, status, emphasised in sorted(
        drawn,
        key=lambda k: (order.index(k[0]) if k[0] in order else len(order), k[0], _STATUS_ORDER[k[1]], k[2]),
    ):
        relation = voc.relation_kinds.get(kind)
        verb = relation.phrasing(lang).active if relation else kind
        qualifiers = [status_word(status, lang)] if status is not Status.ACTIVE else []
        qualifiers += [highlight] if emphasised else []
        qualifiers += shared.get(_look_key(kind, status, emphasised), ())
        edge = _line_look(kind, status, emphasised, style)
        # drawn the way the lines are (an upward one from its arrow's end), so that
        # Graphviz draws its arrowhead alike
        arrow = style.relation(kind).arrowhead
        if style.relation(kind).upward:
            edge.update(dir="back", arrowtail=arrow, arrowhead="none")
        else:
            edge["arrowhead"] = arrow
        same = tuple(sorted((k, v) for k, v in edge.items() if k != "class"))
        ident = f"legend-{_look_key(kind, status, emphasised)}"
        samples.setdefault(same, (ident, edge, []))[2].append((verb, ", ".join(qualifiers)))
    for ident, edge, meanings in samples.values():
        if len({qualifier for _, qualifier in meanings}) == 1:
            verbs, qualifier = ", ".join(verb for verb, _ in meanings), meanings[0][1]
            text = f"{verbs} ({qualifier})" if qualifier else verbs
        else:
            text = "; ".join(f"{verb} ({qualifier})" if qualifier else verb for verb, qualifier in meanings)
        label = {"label": f"<{html_text(text)}>", "shape": "plaintext"}
        items.append((ident, label, {**edge, "label": _BLANK}))
    if scene.across:
        # what a region's view leaves out, said where a reader looks for what it shows
        # (a line more in the subtitle would cost the picture height or width)
        text = words(lang).counted("diagram", "across", n=len(scene.across), regions=scene.across_to)
        items.append(("legend-across", {"label": f"<<I>{html_text(text)}</I>>", "shape": "plaintext"}, None))
    return items


def legend_columns(scene: Scene, names: list[str]) -> int:
    """Entries per legend row, for entries named ``names``: three under a small picture;
    under a large one five, or up to seven where five would make more than four rows, so
    that a legend of many entries does not make the picture taller than a page across
    allows, as long as no row runs to more than :data:`_LEGEND_ROW` characters (long
    names, "(gepland)" on each, would make the legend wider than the picture)."""
    if sum(n.inside is None for n in scene.nodes) <= 12:
        return 3
    columns = min(7, max(5, -(-len(names) // 4)))
    while (
        columns > 5
        and max(sum(len(name) for name in names[i : i + columns]) for i in range(0, len(names), columns))
        > _LEGEND_ROW
    ):
        columns -= 1
    return columns


_LEGEND_ROW = 150
"""The most characters of names in one legend row of more than five entries."""


def _legend(graph: graphviz.Digraph, scene: Scene, style: Style, shared: dict[str, tuple[str, ...]]) -> str:
    """Add a cluster listing the node looks and relation kinds this scene draws, and nothing
    else, in rows of :func:`legend_columns`; returns the id of its first entry."""
    items = _legend_items(scene, style, shared)
    heads: list[str] = []
    columns = legend_columns(scene, [_plain(attrs.get("label", "")) for _, attrs, _ in items])
    with graph.subgraph(name="cluster_legend") as legend:
        _attr_statement(
            legend,
            label=f"<<B>{html_text(words(scene.lang)('diagram', 'legend'))}</B>>",
            style="rounded",
            color="#7F7F7F",
            fontsize=_num(style.font_size),
            id="legend",
        )
        _attr_statement(legend, "node", fontsize=_num(style.edge_font_size), margin="0.08,0.03", height="0.3")
        for start in range(0, len(items), columns):
            with legend.subgraph() as row:
                _attr_statement(row, rank="same")
                previous = None
                for ident, attrs, edge in items[start : start + columns]:
                    first = ident
                    if edge is not None:
                        first = f"{ident}-from"
                        point = {
                            "label": "<>",
                            "shape": "point",
                            "width": "0.01",
                            "color": "#FFFFFF",
                            "id": first,
                        }
                        _add_node(row, first, point)
                        _add_node(row, ident, {"id": ident, **attrs})
                        _add_edge(row, first, ident, {"id": f"{ident}-line", **edge})
                    else:
                        _add_node(row, ident, {"id": ident, **attrs})
                    if previous is not None:
                        _add_edge(row, previous, first, {"style": "invis", "minlen": "1"})
                    else:
                        heads.append(first)
                    previous = ident
        for upper, lower in itertools.pairwise(heads):
            _add_edge(legend, upper, lower, {"style": "invis"})
    return heads[0]


class AccessibleDigraph(graphviz.Digraph):  # type: ignore[misc]  # graphviz has no type hints
    """A ``graphviz.Digraph`` that shows itself in Jupyter as the accessible SVG.

    ``scene`` is what it shows, ``drawn`` that scene as drawn (a hub's lines bundled, see
    :mod:`mra_graph.render.bundles`); a copy made by graphviz's own methods loses them and
    then shows itself as any ``Digraph`` does.
    """

    scene: Scene | None = None
    drawn: Scene | None = None

    def accessible(self, svg: bytes) -> bytes:
        """``svg``, drawn by dot from this graph's source, with the titles of what it draws
        and the text alternative of everything it shows."""
        assert self.scene is not None
        assert self.drawn is not None
        return accessible_svg(svg, self.drawn, describe_scene(self.scene, load_style()))

    def _repr_svg_(self) -> str:
        if self.scene is None:
            return str(self.pipe(format="svg", encoding="utf-8"))
        return self.accessible(run_dot(self.source, "svg")).decode("utf-8")

    def _repr_mimebundle_(
        self, include: object = None, exclude: object = None, **_: object
    ) -> dict[str, str]:
        return {"image/svg+xml": self._repr_svg_()}


def to_digraph(scene: Scene, style: Style) -> AccessibleDigraph:
    """The Graphviz graph of ``scene`` drawn in ``style``; its ``.source`` is :func:`to_dot`'s text."""
    graph = AccessibleDigraph(name=scene.view)
    graph.scene, graph.drawn = scene, bundled(scene, style)
    _draw(graph, graph.drawn, style)
    return graph


def to_dot(scene: Scene, style: Style) -> str:
    """The DOT text of ``scene`` drawn in ``style``: ``to_digraph(scene, style).source``."""
    return str(to_digraph(scene, style).source)


def _draw(graph: graphviz.Digraph, scene: Scene, style: Style) -> None:
    """Add the statements of ``scene`` to ``graph``."""
    _attr_statement(
        graph,
        label=_title_label(scene, style),
        labelloc="t",
        labeljust="c",
        fontname=style.font,
        fontsize=_num(style.font_size),
        # a view's own graph attributes over the style's
        **{**dict(style.graph), **dict(scene.graph)},
    )
    _attr_statement(graph, "node", fontname=style.font, fontsize=_num(style.font_size), margin="0.09,0.05")
    _attr_statement(
        graph,
        "edge",
        fontname=style.font,
        fontsize=_num(style.edge_font_size),
        fontcolor="#222222",
    )
    clustered = {n for c in scene.clusters for n in c.nodes}
    nodes = scene.nodes_by_id
    # dot keeps the order it reads nodes in where it can: read them level by level,
    # left to right as the view lists them, then the others in model order
    placed = {
        node: (index, position)
        for index, rank in enumerate(scene.ranks)
        for position, node in enumerate(rank)
    }
    unplaced = (len(scene.ranks), 0)
    parts: dict[str, list[SceneNode]] = {}
    for node in scene.nodes:
        if node.inside is not None:
            parts.setdefault(node.inside, []).append(node)
    # a node inside another box whose own line is drawn (a stacked one) is a port of that
    # box; its line comes in from the left, past the cells above it
    box_of = {n.id: n.inside for n in scene.nodes if n.inside is not None}
    ported = {end for e in scene.edges if not e.folded for end in (e.source, e.target) if end in box_of}
    ports = {end: f"{box_of[end]}:{end}:w" for end in ported}
    for cluster in scene.clusters:
        look = style.cluster(cluster.look)
        with graph.subgraph(name=f"cluster_{cluster.id}") as sub:
            _attr_statement(
                sub,
                label=f"<<B>{html_text(cluster.label)}</B>>",
                style=look.style,
                fillcolor=look.fill,
                color=look.line,
                fontsize=_num(style.font_size + 3),
                id=f"cluster-{cluster.id}",
            )
            for node_id in sorted(cluster.nodes, key=lambda n: placed.get(n, unplaced)):
                if nodes[node_id].inside is None:
                    _add_node(
                        sub, node_id, _node_attrs(nodes[node_id], parts.get(node_id, []), style, ported)
                    )
    for node in sorted(scene.nodes, key=lambda n: placed.get(n.id, unplaced)):
        if node.id not in clustered and node.inside is None:
            _add_node(graph, node.id, _node_attrs(node, parts.get(node.id, []), style, ported))
    for rank in scene.ranks:
        with graph.subgraph() as same:
            _attr_statement(same, rank="same")
            for node_id in rank:
                _add_node(same, node_id, {})
    region_of = {n: c.id for c in scene.clusters for n in c.nodes}
    stands_for = dict(scene.region_nodes)
    loose = set(scene.unranked)
    level = {node: index for index, rank in enumerate(scene.ranks) for node in rank}
    uppers: set[str] = set()
    shared = shared_parts(scene)
    rows = _rows(scene, style)
    if stands_for:
        _attr_statement(graph, compound="true")
    for edge in scene.edges:
        if edge.folded:
            continue
        borders = {}
        for end, other in ((edge.source, edge.target), (edge.target, edge.source)):
            region = stands_for.get(end)
            if region is not None and region_of.get(end) == region and region_of.get(other) != region:
                borders[end] = f"cluster_{region}"
        upper, lower = _upper_lower(edge, style)
        against = level.get(upper, -1) > level.get(lower, len(level))
        ranked = not (edge.id in loose or edge.kind in loose or against)
        if ranked:
            uppers.add(upper)
        # a line against the view's levels, or one the view lets loose, does not decide levels
        key = _look_key(edge.kind, edge.status, edge.emphasised)
        _edge(
            graph,
            edge,
            style,
            borders,
            ranked=ranked,
            shared=shared.get(key, ()),
            row=rows.get(edge.id, 0),
            ports=ports,
        )
    # the view's levels are ordered from the top down, whatever the lines say
    for above, below in itertools.pairwise(scene.ranks):
        _add_edge(graph, above[0], below[0], {"style": "invis", "weight": "0"})
    for upper, lower in _under(scene, style, rows):
        _add_edge(graph, upper, lower, {"style": "invis", "weight": "4"})
    if scene.nodes:
        first = _legend(graph, scene, style, shared)
        # below everything else: an invisible line to the legend from every node that
        # has nothing drawn below it (lines from every node would widen the picture)
        for node in scene.nodes:
            if node.inside is None and node.id not in uppers:
                _add_edge(graph, node.id, first, {"style": "invis", "weight": "0"})
