"""A :class:`~mra_graph.render.scene.Scene` as a Mermaid flowchart (``.mmd``).

Mermaid has no escape character inside quoted labels, only entity codes, and it reads
labels as Markdown and HTML; so every ASCII punctuation mark and every character that
is not printable (controls, line and paragraph separators, format characters) becomes
a numeric entity code ``#NNN;`` (which Mermaid turns into an HTML character reference,
shown literally), and labels are always quoted. Node ids are the model ids with ``-``,
``_`` and ``.`` spelt ``_``, ``__`` and ``___`` (unique, since model ids never have two
separators in a row), prefixed with ``n_``.
"""

from __future__ import annotations

import json
import re
import string

from mra_graph.model.schema import Status
from mra_graph.render.definitions import Style
from mra_graph.render.scene import Scene, SceneNode
from mra_graph.render.text import describe_scene

__all__ = ["mermaid_id", "mermaid_text", "to_mermaid"]

# every ASCII punctuation mark: Mermaid's syntax, HTML, and the Markdown that Mermaid
# applies to labels (emphasis, code, links, autolinks such as www.x or a@b.nl, KaTeX $$)
_SPECIAL = set(string.punctuation)


def mermaid_text(text: str) -> str:
    """``text`` safe inside a quoted Mermaid label: syntax characters as ``#NNN;`` codes.

    >>> mermaid_text('"];<script>')
    '#34;#93;#59;#60;script#62;'
    """
    return "".join(f"#{ord(c)};" if c in _SPECIAL or not c.isprintable() else c for c in text)


def _plain(text: str) -> str:
    """``text`` for ``accTitle`` and ``accDescr``, which take no entity codes: words and
    plain punctuation only (and the multiplication sign of counts, the en dash of periods),
    everything else a space, never one before a full stop or a comma."""
    spaced = " ".join(re.sub(r"[^\w\s.,:()'’·×–-]", " ", text).split())
    return re.sub(r" ([.,)])", r"\1", spaced)


def mermaid_id(node_id: str) -> str:
    """The Mermaid id of a model id: ``mra-bureau`` → ``n_mra_bureau``."""
    return "n_" + node_id.replace("_", "__").replace("-", "_").replace(".", "___")


def _label(text: str) -> str:
    return '"' + mermaid_text(text) + '"'


_SHAPES = {
    "box": ("[", "]"),
    "box-rounded": ("(", ")"),
    "ellipse": ("([", "])"),
    "component": ("[[", "]]"),
    "house": ("[/", "\\]"),
    "note": (">", "]"),
    "hexagon": ("{{", "}}"),
}


def _node(node: SceneNode, style: Style) -> str:
    look = style.node(node.kind, node.type)
    shape = look.shape + ("-rounded" if look.shape == "box" and "rounded" in look.style else "")
    left, right = _SHAPES.get(shape, ("[", "]"))
    # one line: Mermaid wraps labels itself, and a <br> of ours would make it read the
    # label as HTML and Markdown after decoding our entity codes
    text = mermaid_text(" · ".join((node.label, *node.notes)))
    return f'{mermaid_id(node.id)}{left}"{text}"{right}'


def _class(kind: str, type_: str | None, style: Style) -> str:
    key = f"{kind}.{type_}" if f"{kind}.{type_}" in style.nodes else kind
    return "k_" + key.replace(".", "_")


def to_mermaid(scene: Scene, style: Style) -> str:
    """The Mermaid flowchart of ``scene``, with title, accessible title and description."""
    out = [
        "---",
        f"title: {json.dumps(scene.title, ensure_ascii=False)}",
        "---",
        "flowchart TB",
        f"  accTitle: {_plain(scene.title)}",
        # the text alternative, on one line as accDescr wants it, sentences kept apart
        f"  accDescr: {_plain(describe_scene(scene, style).replace(chr(10), ' ').replace('; ', '. '))}",
    ]
    nodes = scene.nodes_by_id
    clustered = set()
    for cluster in scene.clusters:
        out.append(f"  subgraph c_{mermaid_id(cluster.id)[2:]}[{_label(cluster.label)}]")
        for node_id in cluster.nodes:
            out.append("    " + _node(nodes[node_id], style))
            clustered.add(node_id)
        out.append("  end")
    for node in scene.nodes:
        if node.id not in clustered:
            out.append("  " + _node(node, style))
    link_styles = []
    for index, edge in enumerate(scene.edges):
        look = style.relation(edge.kind)
        arrow = (
            "-.->"
            if "dashed" in look.style or "dotted" in look.style
            else "==>"
            if "bold" in look.style
            else "-->"
        )
        if look.arrowhead == "none":
            arrow = {"-->": "---", "-.->": "-.-", "==>": "==="}[arrow]
        label = f"|{_label(edge.label)}|" if edge.label else ""
        out.append(f"  {mermaid_id(edge.source)} {arrow}{label} {mermaid_id(edge.target)}")
        color = look.color
        dash = ",stroke-dasharray:2 4" if "dotted" in look.style else ""
        if edge.status is not Status.ACTIVE:
            color = "#7F7F7F"
            dash = ",stroke-dasharray:6 4"
        width = max(look.penwidth, style.emphasis.penwidth) if edge.emphasised else look.penwidth
        link_styles.append(f"  linkStyle {index} stroke:{color},stroke-width:{width:g}px{dash}")
    out.extend(link_styles)
    classes: dict[str, list[str]] = {}
    for node in scene.nodes:
        classes.setdefault(_class(node.kind, node.type, style), []).append(mermaid_id(node.id))
        if node.status is not Status.ACTIVE:
            classes.setdefault(f"s_{node.status.value}", []).append(mermaid_id(node.id))
        if node.emphasised:
            classes.setdefault("emphasis", []).append(mermaid_id(node.id))
    order = sorted(classes, key=lambda c: (not c.startswith("k_"), c == "emphasis", c))
    for name in order:
        if name.startswith("k_"):
            kind, _, type_ = name[2:].partition("_")
            node_look = style.node(kind, type_ or None)
            css = f"fill:{node_look.fill},stroke:{node_look.line},stroke-width:{node_look.penwidth:g}px"
            css += ",color:#000000"
        elif name == "emphasis":
            css = f"stroke:{style.emphasis.line},stroke-width:{style.emphasis.penwidth:g}px"
        else:
            status = style.statuses.get(name[2:])
            line = status.line if status else "#7F7F7F"
            fill = f",fill:{status.fill}" if status and status.fill else ""
            css = f"stroke:{line},stroke-dasharray:6 4,color:{status.font if status else '#404040'}{fill}"
        out.append(f"  classDef {name} {css}")
    for name in order:
        out.append(f"  class {','.join(classes[name])} {name}")
    return "\n".join(out) + "\n"
