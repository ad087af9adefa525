"""The text of nodes as ``list`` and ``show`` print it: a table of nodes, and one node's card.

Both take the JSON shapes of :mod:`mra_graph.present.summary` (``node_ref`` and
``node_detail``), so the text and the JSON of a command say the same things.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from mra_graph.model.schema import MARKS, GovernanceModel, Node, Relation
from mra_graph.present.answer_text import inferred_text, modality_text, relation_extras
from mra_graph.words import Lang, words

__all__ = ["node_card", "node_table"]


def node_table(
    model: GovernanceModel, nodes: Sequence[Node], refs: Sequence[dict[str, Any]], lang: Lang
) -> list[str]:
    """The lines of the table of ``nodes``: id, name, kind, region and status, under a header.

    ``refs`` are the nodes' ``node_ref`` shapes, in the same order; columns are as wide as
    their widest cell.
    """
    w, vocab = words(lang, model.lang), model.vocabulary
    rows = []
    for node, ref in zip(nodes, refs, strict=True):
        region_short = model.regions_by_id[ref["region"]].short if ref["region"] else "-"
        # the status column also says how firmly the sources state the node, and its marks
        marks = [w.status(ref["status"])]
        if "modality" in ref:
            marks.append(vocab.modality_text(ref["modality"], lang))
        marks += [vocab.mark_text(mark, lang) for mark in MARKS if ref.get(mark)]
        rows.append(
            (
                ref["id"],
                ref["label"],
                vocab.type_name(node.kind.value, node.type, lang),
                region_short,
                ", ".join(marks),
            )
        )
    columns = w.section("model")["columns"]
    return _table(rows, tuple(columns[c] for c in ("id", "name", "kind", "region", "status")))


def _table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]


def node_card(
    model: GovernanceModel, found: Node, detail: dict[str, Any], at: dt.date, lang: Lang
) -> list[str]:
    """The lines that tell everything about ``found`` on ``at``: fields, relations in and
    out, and sources; ``detail`` is its ``node_detail`` shape."""
    w = words(lang, model.lang)
    vocab = model.vocabulary
    out = [f"{detail['label']}  [{detail['id']}]"]
    facts = [vocab.type_name(found.kind.value, found.type, lang)]
    if detail["region"]:
        facts.append(model.regions_by_id[detail["region"]].short)
    ended = detail["status"] == "ended" and detail["valid_to"]
    if ended:  # it ended on its own end date, not on the day asked about
        facts.append(w("status_on", status=w.status("ended"), date=detail["valid_to"]))
    else:
        facts.append(f"{w.status(detail['status'])} {w('model', 'on', date=at.isoformat())}")
    if detail["valid_from"]:
        facts.append(w("model", "from", date=detail["valid_from"]))
    if detail["valid_to"] and not ended:
        facts.append(w("model", "until", date=detail["valid_to"]))
    modality = modality_text(model, found, lang)
    if modality:
        facts.append(modality)
    out.append("  " + " · ".join(facts))
    # English names only in English: a Dutch text holds no English
    also = [w.untranslated(a) for a in detail["aliases"]] + (list(found.aliases_en) if lang == "en" else [])
    if also:
        out.append(f"  {w('model', 'also_called')}: " + ", ".join(also))
    if found.own_aliases:
        out.append(f"  {w('model', 'own_names')}: " + ", ".join(w.untranslated(a) for a in found.own_aliases))
    # the names before and after the day shown: the label is the name on the day
    names = [(f.name, f.name_en, f.valid_to) for f in sorted(found.former_names, key=lambda f: f.valid_to)]
    shown = model.names_shown(found)[0]
    for i, (dutch, english, until) in enumerate(names):
        if dutch == shown:
            later = names[i + 1] if i + 1 < len(names) else (found.name, found.name_en, until)
            said = w("model", "called_from", name=w.pick(later[0], later[1]), date=until.isoformat())
            out.append("  " + said)
        else:
            name = w.pick(dutch, english)
            out.append("  " + w("model", "called_until", name=name, date=until.isoformat()))
    if detail["description"]:
        out.append(f"  {w.pick(found.description, found.description_en)}")
    if detail["size"] is not None:
        out.append(f"  {w('model', 'members')}: {detail['size']}")
    for key, value in detail["attributes"].items():
        out.append(f"  {w.attribute(key)}: {w.value(value)}")
    marks = {c.id: c.mark for c in model.conflicts}
    for conflict_id in detail["conflicts"]:
        out.append("  " + w("model", marks[conflict_id], id=repr(conflict_id)))
    reason = inferred_text(found, lang, model.lang)
    if reason:
        out.append("  " + w("model", "inferred", reason=reason))
    lines: list[tuple[str, str, str, str | None]] = []
    by_id = {r.id: r for r in model.relations}
    for rel, active in [(r, True) for r in detail["outgoing"]] + [(r, False) for r in detail["incoming"]]:
        phrasing = vocab.relation_kinds[rel["relation"]].phrasing(lang)
        relation = by_id[rel["id"]]
        lines.append(
            (
                w.agree(phrasing.active if active else phrasing.passive, found.plural),
                rel["other"]["label"],
                # the id, as the node's own, for the edits that name a relation
                f"{_extras(relation, rel['status'], lang, model, found)}  [{relation.id}]",
                inferred_text(relation, lang, model.lang),
            )
        )
    if lines:
        out.append(f"  {w('model', 'relations')}:")
        width = max(len(p) for p, _, _, _ in lines)
        for phrase, other, extra, why in lines:
            out.append(f"    {phrase.ljust(width)}  {other}{extra}")
            if why:
                out.append(f"    {''.ljust(width)}    {w('answers', 'inferred', reason=why)}")
    out.append(f"  {w('model', 'sources')}:")
    for source in detail["sources"]:
        quote = f': "{source["quote"]}"' if "quote" in source else ""
        out.append(f"    {source['document']}, {source['section']}{quote}")
    return out


def _extras(relation: Relation, status: str, lang: Lang, model: GovernanceModel, here: Node) -> str:
    """A relation's modality, scoped ends, capacity, flags, count and role, its disputed
    or unclear mark, and its status when not active. A modality the relation takes from
    the same place as the card's node ``here`` is left out: the card's head says it."""
    stated, own = model.stated.get(relation.id), model.stated.get(here.id)
    origin = (own.via or here.id) if own else None
    parts = relation_extras(relation, lang, model=model, derived=stated is None or stated.via != origin)
    if status != "active":
        parts.append(words(lang, model.lang).status(status))
    return f" ({', '.join(parts)})" if parts else ""
