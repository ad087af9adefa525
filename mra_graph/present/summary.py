"""Plain-data views of nodes and relations, the shapes the JSON outputs share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from mra_graph.model.schema import (
    AsOf,
    Conflict,
    GovernanceModel,
    Node,
    Relation,
    Source,
    status_at,
)
from mra_graph.words import Lang

__all__ = [
    "as_of_json",
    "conflict_marks",
    "marks",
    "node_detail",
    "node_ref",
    "qualifiers",
    "relation_detail",
    "source_ref",
]


def as_of_json(when: AsOf) -> dict[str, Any]:
    """``{"at": DAY}``, plus for a day beyond the documents' horizon ``asked_at``,
    ``beyond_sources`` (``before`` or ``after``) and ``sources_describe`` (``from``, ``to``)."""
    data: dict[str, Any] = {"at": when.used.isoformat()}
    if when.beyond is not None and when.horizon is not None:
        data["asked_at"] = when.asked.isoformat()
        data["beyond_sources"] = when.beyond
        data["sources_describe"] = {"from": when.horizon[0].isoformat(), "to": when.horizon[1].isoformat()}
    return data


def node_ref(model: GovernanceModel, node: Node, at: dt.date, lang: Lang = "nl") -> dict[str, Any]:
    """``{"id", "name", "label", "kind", "type", "region", "status"}`` of a node on ``at``.

    ``name`` is in ``lang`` where the model has it; ``label`` also tells same-named
    nodes apart; ``status`` is the status on ``at``. Only where they apply come
    ``modality`` (and ``condition``, and ``modality_via`` when it is taken from another
    node), ``disputed: true`` (a recorded contradiction names it) and ``unclear: true``
    (a recorded ambiguity names it).
    """
    data: dict[str, Any] = {
        "id": node.id,
        "name": (node.name_en or node.name) if lang == "en" else node.name,
        "label": model.label(node.id, lang),
        "kind": node.kind.value,
        "type": node.type,
        "region": node.region,
        "status": status_at(node, at).value,
    }
    data.update(qualifiers(model, node, lang))
    data.update(marks(model, node.id))
    return data


def marks(model: GovernanceModel, item_id: str, prefix: str = "") -> dict[str, bool]:
    """``disputed: true`` where a recorded contradiction names the item, ``unclear: true``
    where a recorded ambiguity does (keys after ``prefix``)."""
    found = model.marks(item_id)
    return {f"{prefix}{mark}": True for mark in found} if found else {}


def conflict_marks(conflicts: Sequence[Conflict]) -> dict[str, list[str]]:
    """The ids of ``conflicts`` by their mark, only marks that have any:
    ``{"disputed": [...], "unclear": [...]}``."""
    found: dict[str, list[str]] = {}
    for conflict in conflicts:
        found.setdefault(conflict.mark, []).append(conflict.id)
    return found


def qualifiers(model: GovernanceModel, item: Node | Relation, lang: str = "nl") -> dict[str, Any]:
    """A fact's ``modality`` and ``condition`` (in ``lang`` where the model has it), its own
    or taken from a node it depends on (``modality_via``: that node's id), and a
    relation's ``from_scope``/``to_scope``: only those that are set."""
    data: dict[str, Any] = {}
    stated = model.stated.get(item.id)
    if stated is not None:
        data["modality"] = stated.modality.value
        condition = (stated.condition_en or stated.condition) if lang == "en" else stated.condition
        if condition:
            data["condition"] = condition
        if stated.via is not None:
            data["modality_via"] = stated.via
    if isinstance(item, Relation):
        if item.from_scope is not None:
            data["from_scope"] = item.from_scope.value
        if item.to_scope is not None:
            data["to_scope"] = item.to_scope.value
    return data


def source_ref(source: Source) -> dict[str, Any]:
    return source.model_dump(exclude_none=True)


def _period(item: Node | Relation) -> dict[str, str | None]:
    return {
        "valid_from": item.valid_from.isoformat() if item.valid_from else None,
        "valid_to": item.valid_to.isoformat() if item.valid_to else None,
    }


def _inferred(item: Node | Relation, lang: str) -> dict[str, str]:
    """``inferred_because``: why the model holds a fact no quote states, where it does."""
    if not item.inferred:
        return {}
    return {"inferred_because": (item.inferred_en or item.inferred) if lang == "en" else item.inferred}


def relation_detail(
    model: GovernanceModel, relation: Relation, at: dt.date, lang: str = "nl"
) -> dict[str, Any]:
    """A relation's kind, attributes, period, status on ``at``, marks and sources."""
    attributes: dict[str, Any] = dict(relation.attributes)
    for key in ("capacity", "count", "per", "role", "note"):
        value = getattr(relation, key)
        if value is not None:
            attributes[key] = value
    attributes.update(qualifiers(model, relation))
    return {
        "id": relation.id,
        "relation": relation.kind,
        "attributes": attributes,
        "status": status_at(relation, at).value,
        **_period(relation),
        **marks(model, relation.id),
        **_inferred(relation, lang),
        "sources": [source_ref(s) for s in relation.sources],
    }


def node_detail(model: GovernanceModel, node: Node, at: dt.date, lang: Lang = "nl") -> dict[str, Any]:
    """Everything about one node: its fields and every relation in and out."""
    outgoing = []
    incoming = []
    for rel in sorted(model.relations, key=lambda r: r.id):
        if rel.from_ == node.id:
            outgoing.append(
                {
                    **relation_detail(model, rel, at, lang),
                    "other": node_ref(model, model.nodes_by_id[rel.to], at, lang),
                }
            )
        if rel.to == node.id:
            incoming.append(
                {
                    **relation_detail(model, rel, at, lang),
                    "other": node_ref(model, model.nodes_by_id[rel.from_], at, lang),
                }
            )
    return {
        **node_ref(model, node, at, lang),
        "name_nl": node.name,
        "name_en": node.name_en,
        "aliases": list(node.aliases),
        "aliases_en": list(node.aliases_en),
        "own_aliases": list(node.own_aliases),
        "former_names": [f.model_dump(mode="json", exclude_none=True) for f in node.former_names],
        "description": (node.description_en or node.description) if lang == "en" else node.description,
        "size": node.size,
        "attributes": dict(node.attributes),
        **_period(node),
        "recorded_status": node.status.value,
        "conflicts": [c.id for c in model.conflicts if node.id in c.subjects],
        **_inferred(node, lang),
        "outgoing": outgoing,
        "incoming": incoming,
        "sources": [source_ref(s) for s in node.sources],
    }
