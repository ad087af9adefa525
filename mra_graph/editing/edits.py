"""Edits to a model: each takes a model and gives a new, wholly validated one.

Nothing here touches a file (:mod:`mra_graph.editing.model_file` does). Every edit works on the
model's canonical data, applies one change and validates the whole result exactly as
the loader does, so an edit that would make the model invalid raises
:class:`~mra_graph.errors.ModelError` with the file, line:column and JSON pointer of each
problem in the text the edit would have written. Nothing is ever deleted: ``end``
closes a node or relation at a date, ``rename`` keeps the old name as a dated alias.

New nodes go after the last node of the same region (new relations after the last one
from the same node), new regions and documents after the last one, so that the file
keeps its grouping and a diff shows one block.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from mra_graph.errors import ModelError, UsageError
from mra_graph.model.loading import load_text
from mra_graph.model.schema import GovernanceModel, Node, Relation

__all__ = [
    "EDITABLE_NODE_FIELDS",
    "EDITABLE_RELATION_FIELDS",
    "add_document",
    "add_node",
    "add_region",
    "add_relation",
    "end",
    "relation_id",
    "rename",
    "set_fields",
]

Data = dict[str, Any]

# the id is the identity of an item and status/period have their own commands
# (end) or follow from them; every other field may be set
_FIXED = {"id"}
EDITABLE_NODE_FIELDS = tuple(sorted(n for n in Node.model_fields if n not in _FIXED))
EDITABLE_RELATION_FIELDS = tuple(
    sorted((Relation.model_fields[n].alias or n) for n in Relation.model_fields if n not in _FIXED)
)


def _data(model: GovernanceModel) -> Data:
    data: Data = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return data


def _validated(data: Data, file: str) -> GovernanceModel:
    # validated as the loader validates a file: every problem with its JSON pointer; the
    # text is never shown, so it is written without indentation, which Python's json
    # module writes several times faster
    text = json.dumps(data, ensure_ascii=False)
    try:
        return load_text(text, file)
    except ModelError as error:
        # that text is never written, so its lines would mislead: keep the pointers
        raise ModelError([replace(p, line=0, column=0) for p in error.problems]) from None


def _ids(data: Data) -> set[str]:
    ids = {n.get("id") for n in data.get("nodes", [])} | {r.get("id") for r in data.get("relations", [])}
    return {i for i in ids if isinstance(i, str)}


def _find(data: Data, item_id: str) -> tuple[str, Data]:
    for section in ("nodes", "relations"):
        for item in data.get(section, []):
            if item.get("id") == item_id:
                return section, item
    raise UsageError(f"no node or relation has the id {item_id!r} (ids are exact; see 'mra-graph list')")


def add_node(model: GovernanceModel, fields: Mapping[str, Any], *, file: str = "<model>") -> GovernanceModel:
    """``model`` with a new node made of ``fields`` (``id``, ``kind``, ``name``, ``sources``, ...)."""
    data = _data(model)
    node = {k: v for k, v in fields.items() if v is not None}
    if node.get("id") in _ids(data):
        raise UsageError(f"the id {node['id']!r} is taken; choose another or use 'set' to change it")
    nodes: list[Data] = data["nodes"]
    same_region = [i for i, n in enumerate(nodes) if n.get("region") == node.get("region")]
    nodes.insert(same_region[-1] + 1 if same_region else len(nodes), node)
    return _validated(data, file)


def _append(data: Data, section: str, what: str, fields: Mapping[str, Any], file: str) -> GovernanceModel:
    item = {k: v for k, v in fields.items() if v is not None}
    items: list[Data] = data.setdefault(section, [])
    if item.get("id") in {i.get("id") for i in items}:
        raise UsageError(f"a {what} with the id {item['id']!r} exists already; choose another id")
    items.append(item)
    return _validated(data, file)


def add_region(
    model: GovernanceModel, fields: Mapping[str, Any], *, file: str = "<model>"
) -> GovernanceModel:
    """``model`` with a new region made of ``fields`` (``id``, ``name``, ``short``, ``sources``,
    optionally ``name_en``), after the last region. Raises :class:`UsageError` for a
    region id that is taken and :class:`ModelError` for an invalid region."""
    return _append(_data(model), "regions", "region", fields, file)


def add_document(
    model: GovernanceModel, fields: Mapping[str, Any], *, file: str = "<model>"
) -> GovernanceModel:
    """``model`` with a new source document made of ``fields`` (``id``, ``title``, ``file``,
    ``period``, ``sections``, optionally ``title_en`` and ``period_en``), after the last
    document, so that sources may cite it. Raises :class:`UsageError` for a document id
    that is taken and :class:`ModelError` for an invalid document."""
    return _append(_data(model), "documents", "document", fields, file)


def relation_id(kind: str, from_: str, to: str, taken: set[str]) -> str:
    """The conventional id ``from.kind.to``, with ``-2``, ``-3``, ... when it is taken."""
    base = f"{from_}.{kind}.{to}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def add_relation(
    model: GovernanceModel, fields: Mapping[str, Any], *, file: str = "<model>"
) -> GovernanceModel:
    """``model`` with a new relation made of ``fields`` (``kind``, ``from``, ``to``, ``sources``, ...).

    Without an ``id`` the relation gets :func:`relation_id`'s.
    """
    data = _data(model)
    relation = {k: v for k, v in fields.items() if v is not None}
    taken = _ids(data)
    if "id" not in relation:
        relation = {
            "id": relation_id(
                str(relation.get("kind")), str(relation.get("from")), str(relation.get("to")), taken
            ),
            **relation,
        }
    elif relation["id"] in taken:
        raise UsageError(f"the id {relation['id']!r} is taken; choose another or leave --id out")
    relations: list[Data] = data.setdefault("relations", [])
    same_from = [i for i, r in enumerate(relations) if r.get("from") == relation.get("from")]
    relations.insert(same_from[-1] + 1 if same_from else len(relations), relation)
    return _validated(data, file)


def set_fields(
    model: GovernanceModel,
    item_id: str,
    values: Mapping[str, Any],
    unset: tuple[str, ...] = (),
    *,
    file: str = "<model>",
) -> GovernanceModel:
    """``model`` with fields of the node or relation ``item_id`` set to ``values``, and ``unset`` removed.

    Values are given as they would be written in the file (strings for dates); the id
    cannot change. A field that is both set and unset is a usage error.
    """
    data = _data(model)
    section, item = _find(data, item_id)
    allowed = EDITABLE_NODE_FIELDS if section == "nodes" else EDITABLE_RELATION_FIELDS
    both = sorted(set(values) & set(unset))
    if both:
        raise UsageError(f"{', '.join(both)} cannot be both set and unset")
    for name in [*values, *unset]:
        if name not in allowed:
            what = "node" if section == "nodes" else "relation"
            raise UsageError(
                f"a {what} has no field {name!r} that can be set; use one of {', '.join(allowed)}"
            )
    for name, value in values.items():
        item[name] = value
    for name in unset:
        item.pop(name, None)
    return _validated(data, file)


def _close(item: Data, on: dt.date) -> None:
    item["status"] = "ended"
    item["valid_to"] = on.isoformat()


def _open_on(item: Data, on: dt.date) -> bool:
    # still running on ``on``: no end yet, or an end after it
    valid_to = item.get("valid_to")
    return item.get("status", "active") != "ended" and (valid_to is None or valid_to > on.isoformat())


def end(
    model: GovernanceModel,
    item_id: str,
    on: dt.date,
    *,
    with_relations: bool = False,
    file: str = "<model>",
) -> GovernanceModel:
    """``model`` with the node or relation ``item_id`` ended on ``on`` (its first day gone).

    With ``with_relations``, every relation of an ended node that still runs on ``on``
    ends on the same day; without it, such relations make the result invalid and the
    error names them.
    """
    data = _data(model)
    section, item = _find(data, item_id)
    if item.get("status") == "ended":
        raise UsageError(f"{item_id!r} has already ended on {item.get('valid_to')}")
    _close(item, on)
    if section == "nodes":
        running = [
            r
            for r in data.get("relations", [])
            if item_id in (r.get("from"), r.get("to")) and _open_on(r, on)
        ]
        if running and not with_relations:
            shown = ", ".join(str(r.get("id")) for r in running[:3]) + (", ..." if len(running) > 3 else "")
            raise UsageError(
                f"{item_id!r} has {len(running)} relation{'s' if len(running) != 1 else ''} still running "
                f"on {on.isoformat()} ({shown}); end them too with --with-relations, or end them first"
            )
        for relation in running:
            _close(relation, on)
    return _validated(data, file)


def rename(
    model: GovernanceModel,
    node_id: str,
    name: str,
    on: dt.date,
    *,
    name_en: str | None = None,
    file: str = "<model>",
) -> GovernanceModel:
    """``model`` with node ``node_id`` called ``name`` from ``on``; the old name becomes a former name.

    The id stays, so every relation keeps pointing at the node. The former name holds
    until ``on`` and from the end of the previous rename, where there was one; the old
    English name goes with it when ``name_en`` replaces it.
    """
    data = _data(model)
    section, node = _find(data, node_id)
    if section != "nodes":
        raise UsageError(f"{node_id!r} is a relation; only nodes have names")
    if node.get("name") == name and (name_en is None or node.get("name_en") == name_en):
        raise UsageError(f"{node_id!r} is already called {name!r}")
    former: list[Data] = node.setdefault("former_names", [])
    earlier = [f["valid_to"] for f in former if f.get("valid_to")]
    entry: Data = {"name": node["name"]}
    if name_en is not None and node.get("name_en"):
        entry["name_en"] = node["name_en"]
    if earlier:
        entry["valid_from"] = max(earlier)
    entry["valid_to"] = on.isoformat()
    former.append(entry)
    node["name"] = name
    if name_en is not None:
        node["name_en"] = name_en
    return _validated(data, file)
