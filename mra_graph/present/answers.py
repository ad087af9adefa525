"""The JSON shapes of query results, as plain data (the contract scripts rely on).

A NODE is :func:`mra_graph.present.summary.node_ref`. A result is a NODE plus the relation
that links it (``relation``, ``relation_id``, ``attributes`` (with the relation's
``modality``, ``condition``, ``from_scope`` and ``to_scope`` where set), ``sources`` and,
where they apply, ``count``, ``per``, ``group`` (the group through which a relation for
each of its members reached the subject), ``relation_disputed`` and ``relation_unclear``).
A STEP is ``{"from": NODE, "relation": KIND, "to": NODE}`` in the relation's own
direction, plus ``forward`` (whether the walk follows that direction), ``relation_id``,
``attributes`` and ``sources``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from mra_graph.model.schema import GovernanceModel, Node, Source
from mra_graph.present.summary import marks, node_ref, qualifiers, relation_detail, source_ref
from mra_graph.questions.queries import Change, Composition, Diff, Direction, Formation, Hit, Step
from mra_graph.words import Lang

__all__ = [
    "MEMBERS",
    "answer_json",
    "chain_json",
    "composition_json",
    "diff_json",
    "formation_json",
    "hit_json",
    "number",
    "step_json",
]

MEMBERS = "members"
"""The ``relation`` of a composition answer, whose results are members and parts."""


def number(value: float) -> int | float:
    """``15.0`` as ``15``, ``2.5`` as ``2.5``: whole figures print without a decimal point."""
    return int(value) if value == int(value) else value


def hit_json(model: GovernanceModel, hit: Hit, at: dt.date, lang: Lang) -> dict[str, Any]:
    detail = relation_detail(model, hit.relation, at, lang)
    data: dict[str, Any] = {
        **node_ref(model, hit.node, at, lang),
        "relation": hit.relation.kind,
        "relation_id": hit.relation.id,
        "attributes": detail["attributes"],
        "sources": detail["sources"],
    }
    if hit.relation.count is not None:
        data["count"] = hit.relation.count
    if hit.relation.per is not None:
        data["per"] = hit.relation.per
    if hit.depth > 1:
        data["depth"] = hit.depth
        data["via"] = hit.via
    if hit.group is not None:
        data["group"] = hit.group
    data.update(marks(model, hit.relation.id, "relation_"))
    if "inferred_because" in detail:
        data["relation_inferred_because"] = detail["inferred_because"]
    return data


def answer_json(
    model: GovernanceModel,
    subject: Node,
    relation: str,
    direction: Direction,
    hits: Sequence[Hit],
    at: dt.date,
    lang: Lang,
) -> dict[str, Any]:
    """One answer: ``{"subject": NODE, "relation", "direction", "results": [...]}``."""
    return {
        "subject": node_ref(model, subject, at, lang),
        "relation": relation,
        "direction": direction,
        "results": [hit_json(model, h, at, lang) for h in hits],
    }


def composition_json(
    model: GovernanceModel, composition: Composition, at: dt.date, lang: Lang
) -> dict[str, Any]:
    """A composition answer: relation ``members``, plus ``size`` and ``counted``."""
    data = answer_json(model, composition.subject, MEMBERS, "incoming", composition.hits, at, lang)
    data["size"] = composition.size
    data["counted"] = composition.counted
    if composition.conflicts:
        data["conflicts"] = [c.id for c in composition.conflicts]
    return data


def step_json(model: GovernanceModel, step: Step, at: dt.date, lang: Lang) -> dict[str, Any]:
    detail = relation_detail(model, step.relation, at, lang)
    data = {
        "from": node_ref(model, step.source, at, lang),
        "relation": step.relation.kind,
        "to": node_ref(model, step.target, at, lang),
        "forward": step.forward,
        "relation_id": step.relation.id,
        "attributes": detail["attributes"],
        "sources": detail["sources"],
    }
    data.update(marks(model, step.relation.id, "relation_"))
    if "inferred_because" in detail:
        data["relation_inferred_because"] = detail["inferred_because"]
    return data


def chain_json(
    model: GovernanceModel, subject: Node, found: Sequence[Sequence[Step]], at: dt.date, lang: Lang
) -> dict[str, Any]:
    """``{"subject": NODE, "chains": [[STEP, ...], ...]}``."""
    return {
        "subject": node_ref(model, subject, at, lang),
        "chains": [[step_json(model, s, at, lang) for s in chain] for chain in found],
    }


def diff_json(model: GovernanceModel, change: Diff, lang: Lang) -> dict[str, Any]:
    """``{"from", "to", "added", "ended", "changed"}``; each item names what changed and how,
    a relation with its ``modality`` (``condition``, ``modality_via``) and marks as
    :func:`~mra_graph.present.summary.node_ref` gives them for a node."""

    nodes = model.nodes_by_id
    refs: dict[str, dict[str, Any]] = {}  # a node's reference, made once however often it is named

    def ref(node_id: str) -> dict[str, Any]:
        found = refs.get(node_id)
        if found is None:
            found = refs[node_id] = node_ref(model, nodes[node_id], change.end, lang)
        return found

    cited: dict[tuple[str, str, str | None], dict[str, Any]] = {}  # each citation's reference, made once

    def cite(source: Source) -> dict[str, Any]:
        key = (source.document, source.section, source.quote)
        found = cited.get(key)
        if found is None:
            found = cited[key] = source_ref(source)
        return found

    def item(c: Change) -> dict[str, Any]:
        thing = c.item
        data: dict[str, Any] = {
            "what": c.what,
            "id": thing.id,
            "before": c.before.value,
            "after": c.after.value,
        }
        if isinstance(thing, Node):
            data["node"] = ref(thing.id)
        else:
            data["relation"] = thing.kind
            data["from_node"] = ref(thing.from_)
            data["to_node"] = ref(thing.to)
            data.update(qualifiers(model, thing, lang))
            data.update(marks(model, thing.id))
        data["sources"] = [cite(s) for s in thing.sources]
        return data

    return {
        "from": change.start.isoformat(),
        "to": change.end.isoformat(),
        "added": [item(c) for c in change.added],
        "ended": [item(c) for c in change.ended],
        "changed": [item(c) for c in change.changed],
        "renamed": [
            {
                "id": r.node.id,
                "old_name": r.old,
                "new_name": r.new,
                "on": r.on.isoformat(),
                "new_id": r.successor.id if r.successor else r.node.id,
            }
            for r in change.renamed
        ],
    }


def formation_json(table: Formation, lang: Lang) -> dict[str, Any]:
    """``{"years", "rows": [{"label", "values", "difference", "stated_difference", "total_of", ...}]}``."""
    en = lang == "en"
    return {
        "id": table.id,
        "title": (table.title_en or table.title) if en else table.title,
        "unit": table.unit,
        "note": (table.note_en or table.note) if en else table.note,
        "years": list(table.years),
        "consistent": table.consistent,
        "rows": [
            {
                "id": row.id,
                "label": (row.label_en or row.label) if en else row.label,
                "values": {y: number(v) for y, v in row.values.items()},
                "difference": number(row.difference),
                "stated_difference": number(row.stated_difference)
                if row.stated_difference is not None
                else None,
                "total_of": list(row.total_of) if row.total_of is not None else None,
                "computed": {y: number(v) for y, v in row.computed.items()} if row.computed else None,
                "consistent": row.consistent,
                "checked": row.checked,
                "nodes": list(row.nodes),
                "sources": [source_ref(s) for s in row.sources],
                **({"unit": (row.unit_en or row.unit) if en else row.unit} if row.unit else {}),
                **({"conflicts": list(row.conflicts)} if row.conflicts else {}),
            }
            for row in table.rows
        ],
        **({"conflicts": list(table.conflicts)} if table.conflicts else {}),
    }
