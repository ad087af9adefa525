"""The words a diagram shows: wrapped names, notes, counts, tooltips, and escaping.

Everything that puts model text into a diagram goes through here, so escaping is done
in one place: :func:`html_text` for Graphviz HTML-like labels (and therefore SVG),
:func:`dot_text` for plain DOT strings, and :mod:`mra_graph.render.mermaid` for Mermaid.
"""

from __future__ import annotations

import datetime as dt
import functools
import textwrap

from mra_graph.model.schema import GovernanceModel, Node, Relation, Status
from mra_graph.present.answer_text import modality_word
from mra_graph.words import Lang, words

__all__ = [
    "dot_text",
    "edge_label",
    "edge_label_parts",
    "html_text",
    "node_notes",
    "node_tooltip",
    "number",
    "status_word",
    "type_name",
    "wrap",
]

MAX_TOOLTIP = 400


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken at word boundaries into lines of about ``width`` characters.

    A long Dutch compound stays whole up to twice ``width``; a longer word is cut, so a
    very long name cannot make a very wide box.

    >>> wrap("portefeuillehoudersoverleg Verkeer en Vervoer", 24)
    ['portefeuillehoudersoverleg', 'Verkeer en Vervoer']
    >>> wrap("x" * 40, 16)
    ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'xxxxxxxx']
    """
    return list(_wrapped(text, width))


@functools.lru_cache(maxsize=8192)
def _wrapped(text: str, width: int) -> tuple[str, ...]:
    # a view wraps the same names again on every drawing; textwrap is slow enough to notice
    hard = 2 * width
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        for line in textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=True) or [""]:
            if not line:
                lines.append("")
                continue
            lines.extend(line[i : i + hard] for i in range(0, len(line), hard))
    return tuple(lines)


def html_text(text: str) -> str:
    """``text`` escaped for a Graphviz HTML-like label: every character stands for itself.

    >>> html_text('"];<script>&')
    '&quot;];&lt;script&gt;&amp;'
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def dot_text(text: str) -> str:
    r"""``text`` for a plain DOT string attribute (a tooltip): backslashes and newlines literal.

    Graphviz reads ``\n``, ``\N`` and friends in such strings as escapes, so a backslash
    is doubled, and character entities such as ``&amp;``, so ``&`` is written ``&amp;``;
    the ``graphviz`` package then quotes the double quotes.

    >>> dot_text("a\\b\nc")
    'a\\\\b\\nc'
    """
    return text.replace("\\", "\\\\").replace("&", "&amp;").replace("\r", "").replace("\n", "\\n")


def number(value: float, lang: Lang) -> str:
    """``2,5`` in Dutch, ``2.5`` in English, and ``1`` rather than ``1.0``."""
    return words(lang).number(value)


def status_word(status: Status, lang: Lang) -> str:
    return words(lang).status(status.value)


def type_name(model: GovernanceModel, node: Node, lang: Lang) -> str:
    """The vocabulary's name of a node's type (``bureau``), else of its kind (``orgaan``)."""
    return model.vocabulary.type_name(node.kind.value, node.type, lang)


def node_notes(
    model: GovernanceModel,
    node: Node,
    status: Status,
    at: dt.date,
    lang: Lang,
    *,
    staffing: bool,
) -> tuple[str, ...]:
    """The small lines under a node's name: its status when not active, its modality (also
    one it takes from what it is part of), a disputed or unclear mark, its staffing (fte)."""
    w, voc = words(lang, model.lang), model.vocabulary
    notes: list[str] = []
    if status is not Status.ACTIVE:
        word = w.status(status.value)
        if status is Status.PLANNED and node.valid_from:
            word = w("status_from", status=word, date=node.valid_from.isoformat())
        elif status is Status.ENDED and node.valid_to:
            word = w("status_on", status=word, date=node.valid_to.isoformat())
        notes.append(word)
    modality = modality_word(model, node, lang)
    if modality is not None:
        notes.append(modality)
    notes += [voc.mark_text(m, lang) for m in model.marks(node.id)]
    if staffing:
        for table in sorted(model.figures, key=lambda t: t.id):
            years = [y for y in table.years if int(y) <= at.year] or table.years[:1]
            year = years[-1]
            for row in table.rows:
                if node.id in row.nodes:
                    text = f"{w.number(row.values[year])} {table.unit} ({year})"
                    if len(row.nodes) > 1:
                        text = w("diagram", "staffing_shared", text=text, n=len(row.nodes))
                    notes.append(text)
    return tuple(notes)


def node_tooltip(model: GovernanceModel, node: Node, status: Status, lang: Lang) -> str:
    """What a reader sees when pointing at a node: name, type, status and description."""
    head = f"{model.label(node.id, lang)} ({type_name(model, node, lang)}"
    if status is not Status.ACTIVE:
        head += ", " + status_word(status, lang)
    head += ")"
    description = words(lang, model.lang).pick(node.description, node.description_en)
    if description:
        description = " ".join(description.split())
        if len(description) > MAX_TOOLTIP:
            description = description[: MAX_TOOLTIP - 1].rstrip() + "…"
        head += ": " + description
    return head


def edge_label(model: GovernanceModel, rel: Relation, lang: Lang) -> str:
    """A relation's label: the parts of :func:`edge_label_parts`, joined by commas."""
    return ", ".join(edge_label_parts(model, rel, lang))


def edge_label_parts(model: GovernanceModel, rel: Relation, lang: Lang) -> tuple[str, ...]:
    """The parts of a relation's label: its own modality (one taken from an end shows on that end's box),
    scoped ends ("één van de leden of onderdelen"), count ("7 burgemeesters", "2 per raad"),
    capacity, role, flags and a disputed or unclear mark."""
    voc, w = model.vocabulary, words(lang, model.lang)
    parts: list[str] = []
    if rel.modality is not None:
        parts.append(voc.modality_text(rel.modality.value, lang))
    for side, scope in (("from", rel.from_scope), ("to", rel.to_scope)):
        if scope is not None:
            parts.append(voc.mark_text(f"{side}.{scope.value}", lang))
    if rel.count is not None:
        if rel.per is not None:
            parts.append(w("count", "per", count=rel.count, per=w.per(rel.per, rel.per_en)))
        else:
            plural = w.plural_of(model.nodes_by_id[rel.from_]) if rel.count != 1 else None
            parts.append(
                w("count", "plural", count=rel.count, plural=plural)
                if plural
                else w("count", "bare", count=rel.count)
            )
    if rel.capacity:
        parts.append(voc.capacity_text(rel.capacity, lang))
    if rel.role:
        parts.append(w.term(rel.role))
    for key, value in sorted(rel.attributes.items()):
        if value is True and key in voc.attribute_flags:
            parts.append(voc.attribute_flags[key].text(lang))
    parts += [voc.mark_text(m, lang) for m in model.marks(rel.id)]
    return tuple(parts)
