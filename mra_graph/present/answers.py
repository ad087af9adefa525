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
from collections.abc import Iterator, Sequence
from typing import Any

from mra_graph.model.schema import GovernanceModel, Node, Relation, Source, Status
from mra_graph.present.summary import marks, node_ref, qualifiers, relation_detail, source_ref
from mra_graph.questions.queries import Change, Composition, Diff, Direction, Formation, Hit, Rename, Step
from mra_graph.words import Lang

__all__ = [
    "MEMBERS",
    "answer_json",
    "chain_json",
    "composition_json",
    "diff_json",
    "diff_json_text",
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
        "renamed": [_rename_json(r) for r in change.renamed],
    }


def _rename_json(r: Rename) -> dict[str, Any]:
    return {
        "id": r.node.id,
        "old_name": r.old,
        "new_name": r.new,
        "on": r.on.isoformat(),
        "new_id": r.successor.id if r.successor else r.node.id,
    }


def diff_json_text(model: GovernanceModel, change: Diff, lang: Lang) -> Iterator[str]:
    """The text of :func:`diff_json` as :func:`pydantic_core.to_json` writes it with
    ``indent=2``, in pieces of one item each, written as the changes are read.

    A national model's diff names a hundred thousand items, mostly relations among a few
    thousand nodes: each node's reference and each list of citations is made into text
    once, however many items name it, and no answer for the whole model is held as data.
    """
    from pydantic_core import to_json

    def text(value: Any, depth: int) -> str:
        """``value`` as JSON standing ``depth`` levels deep (each level two spaces)."""
        return to_json(value, indent=2).decode().replace("\n", "\n" + "  " * depth)

    def key(name: str) -> str:
        """The start of an item's field ``name``, after the previous field."""
        return f",\n      {text(name, 0)}: "

    nodes = model.nodes_by_id
    stated, marked = model.stated, model.marked
    statuses = {s: text(s.value, 0) for s in Status}
    kinds: dict[str, str] = {}
    keys: dict[str, str] = {}
    refs: dict[str, str] = {}
    cited: dict[tuple[int, ...], str] = {}  # by the citations' objects, alive while the model is

    def ref(node_id: str) -> str:
        found = refs[node_id] = text(node_ref(model, nodes[node_id], change.end, lang), 3)
        return found

    def cite(sources: Sequence[Source]) -> str:
        found = cited[tuple(map(id, sources))] = text([source_ref(s) for s in sources], 3)
        return found

    def extra(relation: Relation) -> str:
        """A relation's qualifiers and marks, where it has any."""
        pairs = (*qualifiers(model, relation, lang).items(), *marks(model, relation.id).items())
        return "".join(f"{keys.get(k) or keys.setdefault(k, key(k))}{text(v, 3)}" for k, v in pairs)

    starts = {
        what: f"{{\n      {text('what', 0)}: {text(what, 0)}{key('id')}" for what in ("node", "relation")
    }
    before, after, node, relation = key("before"), key("after"), key("node"), key("relation")
    from_node, to_node, sources, end = key("from_node"), key("to_node"), key("sources"), "\n    }"

    def item(c: Change) -> str:
        thing = c.item
        cites = cited.get(tuple(map(id, thing.sources))) or cite(thing.sources)
        # an id is one line of JSON, at any depth
        head = f"{starts[c.what]}{to_json(thing.id).decode()}"
        head += f"{before}{statuses[c.before]}{after}{statuses[c.after]}"
        if isinstance(thing, Node):
            return f"{head}{node}{refs.get(thing.id) or ref(thing.id)}{sources}{cites}{end}"
        kind = kinds.get(thing.kind) or kinds.setdefault(thing.kind, text(thing.kind, 0))
        ends = f"{from_node}{refs.get(thing.from_) or ref(thing.from_)}"
        ends += f"{to_node}{refs.get(thing.to) or ref(thing.to)}"
        # qualifiers and marks only where the model has any (most relations have none)
        more = (
            extra(thing)
            if thing.id in stated or thing.id in marked or thing.from_scope or thing.to_scope
            else ""
        )
        return f"{head}{relation}{kind}{ends}{more}{sources}{cites}{end}"

    yield f"{{\n  {text('from', 0)}: {text(change.start.isoformat(), 0)}"
    yield f",\n  {text('to', 0)}: {text(change.end.isoformat(), 0)}"
    for name, changes in (("added", change.added), ("ended", change.ended), ("changed", change.changed)):
        if not changes:
            yield f",\n  {text(name, 0)}: []"
            continue
        yield f",\n  {text(name, 0)}: [\n    "
        for i, c in enumerate(changes):
            yield f",\n    {item(c)}" if i else item(c)
        yield "\n  ]"
    renamed = [_rename_json(r) for r in change.renamed]
    yield f",\n  {text('renamed', 0)}: {text(renamed, 1)}\n}}"


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
