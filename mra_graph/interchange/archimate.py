"""The model in the ArchiMate Model Exchange File Format (3.x), for Archi and other tools.

Nodes become elements by ``archimate_terms.json``: bodies are business collaborations
(a bureau or team a business actor), organisations business actors, roles business
roles, places locations, documents business objects and instruments resources. Each
relation asks for an ArchiMate relationship (serving for *supports*, flow for
*prepares* and *informs*, assignment for *chairs*, aggregation from the whole for
*member of* and *part of*, access for *works on*); where the ArchiMate relationship table
does not allow it between the two element types, or ArchiMate has no counterpart, it is
a directed association. Every relationship carries the relation kind as a property, and
every element and relationship its status, period, how firmly it holds (modality,
condition, inferred, marks; :mod:`mra_graph.interchange.qualifiers`) and sources, so
nothing the model says about a node or relation is dropped; those fallbacks, the figure tables and the
conflicts are listed as losses.

One view, *Overzicht*, shows every element and relationship at the positions Graphviz
``dot`` gives them, so the diagram opens in Archi laid out like ours. Laying out takes
``dot`` time that grows faster than the model (seconds at some hundreds of relations), so
a model of more than :data:`DOT_LAYOUT_LIMIT` relations gets a plain grid instead, its
elements region by region in id order (:func:`grid_layout`); rearrange it in Archi.
"""

from __future__ import annotations

import io
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import cache, partial
from pathlib import Path
from typing import Any

from mra_graph.errors import ExportError, RenderError
from mra_graph.interchange.losses import Export, abbreviation_loss, conflict_loss, loss
from mra_graph.interchange.qualifiers import qualifiers
from mra_graph.model.loading import in_id_order
from mra_graph.model.schema import GovernanceModel, Node, Relation
from mra_graph.render.dot_runner import LAYOUT_LIMIT, run_dot

__all__ = [
    "DOT_LAYOUT_LIMIT",
    "NAMESPACE",
    "NODE_SIZE",
    "element_type",
    "export_archimate",
    "grid_layout",
    "layout",
    "relationship_of",
    "terms",
]

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = f"{NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
# the writer does not resolve namespaces: the root declares them, and names are written
# with their prefixes as they appear in the file
_LANG = "xml:lang"
_TYPE = "xsi:type"
NODE_SIZE = (120, 55)  # Archi's default element size, in pixels
DOT_LAYOUT_LIMIT = LAYOUT_LIMIT  # relations; above it the view is a grid
_GAP = (40, 40)
_POINTS_PER_INCH = 72


@cache
def terms() -> dict[str, Any]:
    """The mapping of ``archimate_terms.json``."""
    data: dict[str, Any] = json.loads(
        (Path(__file__).parent / "archimate_terms.json").read_text(encoding="utf-8")
    )
    return data


def element_type(node: Node) -> str:
    """The ArchiMate element type of a node, e.g. ``BusinessCollaboration``."""
    mapping = terms()["elements"][node.kind.value]
    return str(mapping["by_type"].get(node.type or "", mapping["default"]))


def relationship_of(model: GovernanceModel, relation: Relation) -> tuple[str, str, str]:
    """``(type, source id, target id)`` of the ArchiMate relationship for ``relation``."""
    return _relationship(relation, lambda node: element_type(model.nodes_by_id[node]))


def _relationship(relation: Relation, type_of: Callable[[str], str]) -> tuple[str, str, str]:
    """:func:`relationship_of`, with ``type_of`` giving the element type of a node id."""
    wanted = terms()["relations"].get(relation.kind)
    if wanted is None:
        return "Association", relation.from_, relation.to
    source, target = (relation.to, relation.from_) if wanted["reverse"] else (relation.from_, relation.to)
    letters = terms()["allowed"].get(type_of(source), {}).get(type_of(target), "o")
    allowed = {terms()["letters"][letter] for letter in letters}
    if wanted["type"] in allowed:
        return str(wanted["type"]), source, target
    return "Association", relation.from_, relation.to


def layout(model: GovernanceModel) -> dict[str, tuple[int, int]]:
    """Top-left pixel position of every node in the overview, from ``dot -Tjson``."""
    width, height = (size / _POINTS_PER_INCH for size in NODE_SIZE)
    lines = [
        "digraph overzicht {",
        "  rankdir=TB; nodesep=0.4; ranksep=0.8;",
        f'  node [shape=box, fixedsize=true, width={width:.4f}, height={height:.4f}, label=""];',
    ]
    lines += [f'  "{node.id}";' for node in model.nodes]
    lines += [f'  "{r.from_}" -> "{r.to}";' for r in model.relations]
    lines.append("}")
    try:
        result = run_dot("\n".join(lines), "json", purpose="archimate")
    except RenderError as error:
        raise ExportError(str(error)) from error
    graph = json.loads(result)
    top = float(graph["bb"].split(",")[3])
    positions = {}
    for item in graph.get("objects", []):
        x, y = (float(v) for v in item["pos"].split(","))
        # dot puts the origin bottom-left and gives centres; ArchiMate wants top-left corners
        positions[item["name"]] = (round(x - NODE_SIZE[0] / 2), round(top - y - NODE_SIZE[1] / 2))
    return positions


def grid_layout(model: GovernanceModel) -> dict[str, tuple[int, int]]:
    """Top-left pixel position of every node in a square grid, region by region, in id order.

    Takes time in proportion to the model, for models too large for ``dot`` to lay out.
    """
    ordered = sorted(model.nodes, key=lambda node: (node.region or "", node.id))
    columns = max(1, math.isqrt(len(ordered) - 1) + 1) if ordered else 1
    step_x, step_y = NODE_SIZE[0] + _GAP[0], NODE_SIZE[1] + _GAP[1]
    return {node.id: (i % columns * step_x, i // columns * step_y) for i, node in enumerate(ordered)}


def _text_escaped(value: str) -> str:
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"}
)


def _quoted(value: str) -> str:
    """``value`` escaped for an attribute's double quotes."""
    return value.translate(_ATTRIBUTE_ESCAPES)


def _attributes(attributes: Mapping[str, str]) -> str:
    return "".join(f' {name}="{value.translate(_ATTRIBUTE_ESCAPES)}"' for name, value in attributes.items())


class _Writer:
    """The file written as it is made, tag by tag, indented two spaces a level: no element
    is held as a tree (a tree of the whole document takes about nine times the size of
    the file). Text and attribute values are escaped as XML wants them (``&``, ``<``,
    ``>``; in attributes also quotes and line breaks)."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.write = self.buffer.write
        self.write(b"<?xml version='1.0' encoding='utf-8'?>\n")
        self.depth = 0

    def start(self, tag: str, attributes: Mapping[str, str] | None = None) -> None:
        self.write(f"{'  ' * self.depth}<{tag}{_attributes(attributes) if attributes else ''}>\n".encode())
        self.depth += 1

    def opened(self, tag: str, attributes: str) -> None:
        """:meth:`start` with the attributes written already (`` name="escaped value"``…)."""
        self.write(f"{'  ' * self.depth}<{tag}{attributes}>\n".encode())
        self.depth += 1

    def end(self, tag: str) -> None:
        self.depth -= 1
        self.write(f"{'  ' * self.depth}</{tag}>\n".encode())

    def empty(self, tag: str, attributes: Mapping[str, str]) -> None:
        self.write(f"{'  ' * self.depth}<{tag}{_attributes(attributes)} />\n".encode())

    def text(self, tag: str, value: str, lang: str | None = "nl") -> None:
        self.write(self.line(tag, value, lang))

    def line(self, tag: str, value: str, lang: str | None = "nl") -> bytes:
        """What :meth:`text` writes."""
        opening = f'<{tag} {_LANG}="{lang}">' if lang else f"<{tag}>"
        return f"{'  ' * self.depth}{opening}{_text_escaped(value)}</{tag}>\n".encode()

    def many(self, tag: str, items: Iterable[Callable[[], None]]) -> None:
        """``<tag>`` holding what each of ``items`` writes, or nothing when there are none."""
        opened = False
        for write in items:
            if not opened:
                self.start(tag)
                opened = True
            write()
        if opened:
            self.end(tag)

    def bytes(self) -> bytes:
        return self.buffer.getvalue()


class _Properties:
    """Property definitions are shared; each name gets one identifier the first time it is used.

    Identifiers carry a prefix per kind of thing (``m-`` model, ``e-`` element, ``r-``
    relationship, ``p-`` property, ``v-`` view, ``n-`` view node, ``c-`` connection) so
    that no model id can collide with another kind's.
    """

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def add(self, out: _Writer, values: dict[str, Any]) -> None:
        # the block is written at once: the most frequent tags of the file, each the same
        # but for its (generated, safe) identifier and its escaped value
        pad = "  " * out.depth
        block = [f"{pad}<properties>\n"]
        for name, value in values.items():
            if value is None or value == [] or value == "":
                continue
            ident = self.names.get(name)
            if ident is None:
                ident = self.names[name] = f"p-{len(self.names) + 1}"
            text = json.dumps(value, ensure_ascii=False) if isinstance(value, list | bool) else str(value)
            block.append(
                f'{pad}  <property propertyDefinitionRef="{ident}">\n'
                f"{pad}    <value>{_text_escaped(text)}</value>\n"  # keys, dates: no one language
                f"{pad}  </property>\n"
            )
        if len(block) == 1:
            return
        block.append(f"{pad}</properties>\n")
        out.write("".join(block).encode())


def _dated(model: GovernanceModel, item: Node | Relation) -> dict[str, Any]:
    sources = [f"{s.document} § {s.section}" + (f": “{s.quote}”" if s.quote else "") for s in item.sources]
    found = qualifiers(model, item)
    return {
        "status": item.status.value,
        "valid_from": item.valid_from.isoformat() if item.valid_from else None,
        "valid_to (exclusive)": item.valid_to.isoformat() if item.valid_to else None,
        # how firmly it holds, marks as one text ("disputed inferred")
        **{name: " ".join(value) if isinstance(value, tuple) else value for name, value in found.items()},
        "sources": "\n".join(sources),
        **{f"attr.{k}": v for k, v in item.attributes.items()},
    }


def export_archimate(model: GovernanceModel) -> Export:
    """The model as one ArchiMate exchange file with an overview view, and what was lost.

    Elements and relationships are in id order, whatever the order of the model file.
    """
    model = in_id_order(model)
    kinds = model.vocabulary.relation_kinds
    positions = layout(model) if len(model.relations) <= DOT_LAYOUT_LIMIT else grid_layout(model)
    props = _Properties()
    types = {node.id: element_type(node) for node in model.nodes}  # each node's once
    out = _Writer()
    root = {
        "xmlns": NAMESPACE,
        "xmlns:xsi": _XSI,
        "identifier": "m-model",
        "xsi:schemaLocation": _SCHEMA_LOCATION,
    }
    # the model's own text is in its language; its English translations (name_en, …) in English
    lang = model.lang
    out.start("model", root)
    out.text("name", model.title, lang)
    if model.title_en:
        out.text("name", model.title_en, "en")

    def element(node: Node) -> None:
        out.start("element", {"identifier": f"e-{node.id}", _TYPE: types[node.id]})
        out.text("name", model.label(node.id, lang), lang)
        if node.name_en:
            out.text("name", node.name_en, "en")
        if node.description:
            out.text("documentation", node.description, lang)
        if node.description_en:
            out.text("documentation", node.description_en, "en")
        extra: dict[str, Any] = {"id": node.id, "kind": node.kind.value, "type": node.type}
        extra |= {"name": node.name, "aliases": node.aliases, "region": node.region, "size": node.size}
        props.add(out, extra | _dated(model, node))
        out.end("element")

    fallbacks: Counter[str] = Counter()
    ends: list[tuple[str, str]] = []  # each relationship's, for the view to draw them again
    named: dict[str, bytes] = {}  # the names of a relationship of each kind, as written

    def relationship(relation: Relation) -> None:
        kind, source, target = _relationship(relation, types.__getitem__)
        ends.append((source, target))
        if relation.kind in terms()["relations"] and kind == "Association":
            fallbacks[relation.kind] += 1
        attributes = f' identifier="r-{_quoted(relation.id)}" source="e-{_quoted(source)}"'
        attributes += f' target="e-{_quoted(target)}" {_TYPE}="{_quoted(kind)}"'
        if kind == "Association":
            attributes += ' isDirected="true"'
        access = terms()["relations"].get(relation.kind, {}).get("access")
        if kind == "Access" and access:
            # without it Archi takes an access for a write
            attributes += f' accessType="{_quoted(access)}"'
        out.opened("relationship", attributes)
        names = named.get(relation.kind)
        if names is None:  # the same for every relationship of the kind: made once
            verb = kinds.get(relation.kind)
            if verb is None:
                names = out.line("name", relation.kind, None)  # a key, in no language
            else:  # the vocabulary's verb in both languages, the model's first
                names = b"".join(
                    out.line("name", (verb.en if verb_lang == "en" else verb.nl).active, verb_lang)
                    for verb_lang in sorted(("nl", "en"), key=lambda one: one != lang)
                )
            named[relation.kind] = names
        out.write(names)
        facts: dict[str, Any] = {
            "relation kind": relation.kind,
            "from": relation.from_,
            "to": relation.to,
        }
        facts |= {"capacity": relation.capacity, "count": relation.count, "per": relation.per}
        facts |= {"role": relation.role, "note": relation.note}
        facts |= {"from_scope": relation.from_scope, "to_scope": relation.to_scope}
        props.add(out, facts | _dated(model, relation))
        out.end("relationship")

    out.many("elements", (partial(element, node) for node in model.nodes))
    out.many("relationships", (partial(relationship, relation) for relation in model.relations))

    def definition(name: str, ident: str) -> None:
        out.start("propertyDefinition", {"identifier": ident, "type": "string"})
        out.text("name", name, None)
        out.end("propertyDefinition")

    out.many("propertyDefinitions", (partial(definition, name, ident) for name, ident in props.names.items()))
    _view(out, model, positions, ends, lang)
    out.end("model")
    data = out.bytes()
    losses = [
        loss("association", count, kind=kind, type=terms()["relations"][kind]["type"])
        for kind, count in sorted(fallbacks.items())
    ]
    losses += [
        loss("figure_tables_none", len(model.figures), format="ArchiMate"),
        conflict_loss(model, "ArchiMate"),
        loss("former_names", sum(len(n.former_names) for n in model.nodes)),
        abbreviation_loss(model),
    ]
    return Export("archimate", {"organen.archimate.xml": data}, tuple(x for x in losses if x.count))


def _view(
    out: _Writer,
    model: GovernanceModel,
    positions: dict[str, tuple[int, int]],
    ends: list[tuple[str, str]],
    lang: str,
) -> None:
    out.start("views")
    out.start("diagrams")
    out.start("view", {"identifier": "v-overzicht", _TYPE: "Diagram"})
    for name, name_lang in sorted((("Overzicht", "nl"), ("Overview", "en")), key=lambda one: one[1] != lang):
        out.text("name", name, name_lang)
    # a line per node and connection, each the same but for its ids and position
    pad, size = "  " * out.depth, f'w="{NODE_SIZE[0]}" h="{NODE_SIZE[1]}"'
    for node in model.nodes:
        x, y = positions[node.id]
        ident = _quoted(node.id)
        out.write(
            f'{pad}<node identifier="n-{ident}" elementRef="e-{ident}" {_TYPE}="Element"'
            f' x="{x}" y="{y}" {size} />\n'.encode()
        )
    for relation, (source, target) in zip(model.relations, ends, strict=True):
        ident = _quoted(relation.id)
        out.write(
            f'{pad}<connection identifier="c-{ident}" relationshipRef="r-{ident}" {_TYPE}="Relationship"'
            f' source="n-{_quoted(source)}" target="n-{_quoted(target)}" />\n'.encode()
        )
    out.end("view")
    out.end("diagrams")
    out.end("views")
