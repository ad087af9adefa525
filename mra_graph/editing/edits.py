"""Edits to a model: each changes the model's data in one place, and the result is
validated once, as a whole, exactly as the loader validates a file.

An edit works on a :class:`Draft`: the model file's data as parsed (plain JSON values),
its file name for messages, and the language of those messages. The functions here
change the draft and raise :class:`~mra_graph.errors.UsageError` for a request that
cannot be carried out (a taken id, a node that still has relations); whether the result
is a valid model is decided afterwards, once, by :func:`validated` (and by
:func:`mra_graph.editing.model_file.edit_model_file`, which writes it).

Items are named by id, or a node by any of its names. Where ids of different lists
could meet (a region and a node both called ``mra``), a target may say which list it
means: ``region:mra``, ``document:ID``, ``table:ID`` (a figure table), ``conflict:ID``,
``node:ID``, ``relation:ID``; ``model:`` is the model itself (its title and language).

New nodes go after the last node of the same region (new relations after the last one
from the same node), new regions and documents after the last one, so that the file
keeps its grouping and a diff shows one block. ``end`` closes a node or relation at a
date and ``rename`` keeps the old name as a dated former name; ``remove`` deletes, for
the items that were entered by mistake.

The functions taking and giving a :class:`~mra_graph.model.schema.GovernanceModel`
(:func:`add_node`, :func:`set_fields`, ...) apply one edit to a model in memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from mra_graph.errors import ModelError, UsageError
from mra_graph.model.schema import (
    Conflict,
    Document,
    FigureRow,
    FigureTable,
    GovernanceModel,
    Node,
    Region,
    Relation,
)
from mra_graph.words import Lang, Words, words

if TYPE_CHECKING:
    from mra_graph.model.vocabulary import Vocabulary

__all__ = [
    "EDITABLE_NODE_FIELDS",
    "EDITABLE_RELATION_FIELDS",
    "Draft",
    "Target",
    "add_conflict",
    "add_document",
    "add_figure_row",
    "add_node",
    "add_region",
    "add_relation",
    "add_section",
    "canonical_bytes",
    "draft_add_conflict",
    "draft_add_document",
    "draft_add_figure_row",
    "draft_add_node",
    "draft_add_region",
    "draft_add_relation",
    "draft_add_section",
    "draft_end",
    "draft_of",
    "draft_remove",
    "draft_rename",
    "draft_set_fields",
    "end",
    "item_class",
    "list_word",
    "new_model",
    "relation_id",
    "remove",
    "rename",
    "set_fields",
    "validated",
]

Data = dict[str, Any]

# the id is the identity of an item and status/period have their own commands
# (end) or follow from them; every other field may be set
_FIXED = {"id"}


def _fields(cls: type[Any], fixed: Iterable[str] = _FIXED) -> tuple[str, ...]:
    return tuple(
        sorted((f.alias or n) for n, f in cls.model_fields.items() if n not in fixed and f.alias != "$schema")
    )


EDITABLE_NODE_FIELDS = _fields(Node)
EDITABLE_RELATION_FIELDS = _fields(Relation)
_EDITABLE: dict[str, tuple[str, ...]] = {
    "nodes": EDITABLE_NODE_FIELDS,
    "relations": EDITABLE_RELATION_FIELDS,
    "regions": _fields(Region),
    "documents": _fields(Document),
    "figures": _fields(FigureTable),
    "conflicts": _fields(Conflict),
    "model": ("lang", "title", "title_en"),
}
_CLASSES: dict[str, type[Any]] = {
    "nodes": Node,
    "relations": Relation,
    "regions": Region,
    "documents": Document,
    "figures": FigureTable,
    "conflicts": Conflict,
}


def item_class(section: str) -> type[Any] | None:
    """The class of the items of the model's list ``section`` (``nodes``: :class:`Node`)."""
    return _CLASSES.get(section)


# the lists an item may be in, in the order an unqualified id is looked up, with the
# word a target may be qualified with
_LISTS = {
    "nodes": "node",
    "relations": "relation",
    "regions": "region",
    "documents": "document",
    "figures": "table",
    "conflicts": "conflict",
}
_QUALIFIERS = {word: section for section, word in _LISTS.items()}


@dataclass
class Draft:
    """A model's data being edited: the parsed file, its name and the messages' language.

    ``original`` gives the model the draft started from, validated, for the rare edit
    that must look a node up by a name that is not one of its plain names (a region-
    qualified or misspelt one); it is called at most once.
    """

    data: Data
    file: str = "<model>"
    lang: Lang = "nl"
    original: Callable[[], GovernanceModel] | None = None
    _model: GovernanceModel | None = field(default=None, repr=False)
    vocabulary: Vocabulary | None = field(default=None, repr=False)
    """The vocabulary the model is read with; the bundled one when None."""

    @property
    def w(self) -> Words:
        return words(self.lang)

    def say(self, key: str, **values: object) -> str:
        """A sentence of the ``edit`` section of the words layer."""
        return self.w("edit", key, **values)

    def refuse(self, key: str, **values: object) -> UsageError:
        error = UsageError(self.say(key, **values))
        error.lang = self.lang
        return error

    def items(self, section: str) -> list[Data]:
        if section not in self.data:
            self.data[section] = []
            self.reorder()
        found: list[Data] = self.data[section]
        return found

    def peek(self, section: str) -> list[Data]:
        """The items of ``section``, without adding the list when there is none."""
        found: list[Data] = self.data.get(section) or []
        return found

    def reorder(self) -> None:
        """Put the model's own keys back in the schema's order after one was added."""
        ordered = _ordered(GovernanceModel, self.data)
        self.data.clear()
        self.data.update(ordered)

    def model(self) -> GovernanceModel:
        if self._model is None:
            if self.original is None:
                self._model = validated(
                    Draft(json.loads(json.dumps(self.data)), self.file, self.lang, vocabulary=self.vocabulary)
                )
            else:
                self._model = self.original()
        return self._model

    # -- finding items ---------------------------------------------------------------

    def node_id(self, text: str) -> str:
        """The id of the node ``text`` names: its id or one of its names (any case), else
        whatever :func:`mra_graph.model.names.resolve` reads it as."""
        nodes = self.peek("nodes")
        if any(n.get("id") == text for n in nodes):
            return text
        folded = text.casefold()
        found = {str(n.get("id")) for n in nodes if folded in _names(n)}
        if len(found) == 1:
            return found.pop()
        from mra_graph.model.names import resolve

        return resolve(self.model(), text).id

    def find(self, target: str, sections: Iterable[str] = tuple(_LISTS)) -> tuple[str, Data]:
        """The list and the item ``target`` names (see the module for qualified targets)."""
        allowed = tuple(sections)
        kind, colon, rest = target.partition(":")
        if colon and kind == "model" and not rest:
            if "model" not in allowed:
                raise self.refuse("not_here", target=target)
            return "model", self.data
        if colon and kind in _QUALIFIERS:
            section = _QUALIFIERS[kind]
            if section not in allowed:
                raise self.refuse("not_here", target=target)
            item = self._by_id(section, rest)
            if item is None:
                if section == "nodes":
                    return section, self._by_id_or_fail(section, self.node_id(rest))
                raise self.refuse("unknown", what=self.w("edit", "what", kind), id=rest)
            return section, item
        # a node or relation comes first, as the commands that name them take ids; an id
        # that is neither may be any other item's, and must be one only
        hits = [(s, i) for s in allowed if s != "model" for i in [self._by_id(s, target)] if i is not None]
        if any(s in ("nodes", "relations") for s, _ in hits):
            hits = [(s, i) for s, i in hits if s in ("nodes", "relations")]
        if len(hits) > 1:
            raise self.refuse(
                "ambiguous", id=target, targets=", ".join(f"{_LISTS[s]}:{target}" for s, _ in hits)
            )
        if hits:
            return hits[0]
        if "nodes" in allowed:
            return "nodes", self._by_id_or_fail("nodes", self.node_id(target))
        raise self.refuse("unknown_any", id=target)

    def _by_id(self, section: str, item_id: str) -> Data | None:
        for item in self.data.get(section, []):
            if isinstance(item, dict) and item.get("id") == item_id:
                return item
        return None

    def _by_id_or_fail(self, section: str, item_id: str) -> Data:
        item = self._by_id(section, item_id)
        if item is None:
            raise self.refuse("unknown", what=self.w("edit", "what", _LISTS[section]), id=item_id)
        return item

    def ids(self) -> set[str]:
        """The ids of every node and relation (they share one space: a conflict names either)."""
        found = {n.get("id") for n in self.peek("nodes")} | {r.get("id") for r in self.peek("relations")}
        return {i for i in found if isinstance(i, str)}


def list_word(section: str) -> str:
    """The word a target is qualified with for the list ``section`` (``nodes``: ``node``)."""
    return _LISTS.get(section, "model")


def _names(node: Data) -> set[str]:
    names = [node.get("name"), node.get("name_en")]
    for key in ("aliases", "aliases_en", "own_aliases"):
        names += node.get(key) or []
    names += [f.get("name") for f in node.get("former_names") or [] if isinstance(f, dict)]
    return {n.casefold() for n in names if isinstance(n, str)}


def _clean(fields: Mapping[str, Any]) -> Data:
    return {k: v for k, v in fields.items() if v is not None and v != [] and v != {}}


def _ordered(cls: type[Any], item: Data) -> Data:
    """``item`` with its keys in the schema's order (unknown keys last, for validation to
    name), so that the file is written as it would be read back."""
    order = [f.alias or n for n, f in cls.model_fields.items()]
    known = {k: item[k] for k in order if k in item}
    return known | {k: v for k, v in item.items() if k not in known}


def _reorder(cls: type[Any], item: Data) -> None:
    # in place: the item stays where it is in its list
    ordered = _ordered(cls, item)
    item.clear()
    item.update(ordered)


def _listed(ids: list[str]) -> str:
    return ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")


# -- the edits on a draft -----------------------------------------------------------


def new_model(title: str, lang: Lang = "nl", title_en: str | None = None) -> Data:
    """The smallest valid model: a title, its language and no nodes (nor documents, until
    a fact cites one)."""
    return _clean({"title": title, "title_en": title_en, "lang": lang, "nodes": []}) | {"nodes": []}


def draft_add_node(draft: Draft, fields: Mapping[str, Any]) -> str:
    """Add the node ``fields`` after the last node of its region; gives its id."""
    node = _ordered(Node, _clean(fields))
    if node.get("id") in draft.ids():
        raise draft.refuse("id_taken", id=node["id"])
    nodes = draft.items("nodes")
    same_region = [i for i, n in enumerate(nodes) if n.get("region") == node.get("region")]
    nodes.insert(same_region[-1] + 1 if same_region else len(nodes), node)
    return str(node.get("id"))


def _append(draft: Draft, section: str, fields: Mapping[str, Any]) -> str:
    item = _ordered(_CLASSES[section], _clean(fields))
    items = draft.items(section)
    if draft._by_id(section, str(item.get("id"))) is not None:
        raise draft.refuse("id_exists", what=draft.w("edit", "what", _LISTS[section]), id=item["id"])
    items.append(item)
    return str(item.get("id"))


def draft_add_region(draft: Draft, fields: Mapping[str, Any]) -> str:
    """Add the region ``fields`` after the last one; gives its id."""
    return _append(draft, "regions", fields)


def draft_add_document(draft: Draft, fields: Mapping[str, Any]) -> str:
    """Add the source document ``fields`` after the last one; gives its id."""
    return _append(draft, "documents", fields)


def draft_add_section(draft: Draft, document: str, heading: str) -> str:
    """Add the section ``heading`` to ``document``; gives the document's id."""
    _, item = draft.find(document, ("documents",))
    sections: list[str] = item.setdefault("sections", [])
    if heading in sections:
        raise draft.refuse("section_exists", document=item.get("id"), section=heading)
    sections.append(heading)
    return str(item.get("id"))


def draft_add_source(draft: Draft, target: str, sources: list[Data]) -> str:
    """Add ``sources`` (document, section and a quote where given) to the node, relation,
    region or figure row ``target`` names; a source it cites already (same document,
    section and quote) is refused. Gives the item's id."""
    _, item = draft.find(target, ("nodes", "relations", "regions"))
    cited: list[Data] = item.setdefault("sources", [])
    for source in sources:
        if source in cited:
            raise draft.refuse("source_exists", id=item.get("id"), document=source.get("document"))
        cited.append(source)
    return str(item.get("id"))


def relation_id(kind: str, from_: str, to: str, taken: set[str]) -> str:
    """The conventional id ``from.kind.to``, with ``-2``, ``-3``, ... when it is taken."""
    base = f"{from_}.{kind}.{to}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


_PERIOD = ("status", "valid_from", "valid_to")


def _inherited_period(draft: Draft, ends: Iterable[str]) -> Data:
    """The period a new relation between ``ends`` takes when it gives none: from the
    latest start to the earliest end of its nodes, and the status of one that is not active."""
    nodes = [n for e in ends for n in [draft._by_id("nodes", e)] if n is not None]
    period: Data = {}
    starts = [str(n["valid_from"]) for n in nodes if n.get("valid_from")]
    ends_ = [str(n["valid_to"]) for n in nodes if n.get("valid_to")]
    statuses = [str(n["status"]) for n in nodes if n.get("status") not in (None, "active")]
    if starts:
        period["valid_from"] = max(starts)
    if ends_:
        period["valid_to"] = min(ends_)
    if statuses:
        period["status"] = statuses[0]
    return period


def draft_add_relation(draft: Draft, fields: Mapping[str, Any]) -> str:
    """Add the relation ``fields`` (``from`` and ``to`` ids or names) after the last one
    from the same node; without an id it gets :func:`relation_id`'s; what it does not give
    of its period (start, end, status) its nodes' (:func:`_inherited_period`). Gives its id."""
    relation = _clean(fields)
    relation["from"] = draft.node_id(str(relation.get("from")))
    relation["to"] = draft.node_id(str(relation.get("to")))
    # what of the period it does not give, it takes from its nodes: `--to` alone keeps
    # the start the nodes give
    for key, value in _inherited_period(draft, (relation["from"], relation["to"])).items():
        relation.setdefault(key, value)
    taken = draft.ids()
    if "id" not in relation:
        relation["id"] = relation_id(str(relation.get("kind")), relation["from"], relation["to"], taken)
    elif relation["id"] in taken:
        raise draft.refuse("relation_id_taken", id=relation["id"])
    relation = _ordered(Relation, relation)
    relations = draft.items("relations")
    same_from = [i for i, r in enumerate(relations) if r.get("from") == relation.get("from")]
    relations.insert(same_from[-1] + 1 if same_from else len(relations), relation)
    return str(relation["id"])


def draft_set_fields(draft: Draft, target: str, values: Mapping[str, Any], unset: Iterable[str] = ()) -> str:
    """Set ``values`` of the item ``target`` names and remove ``unset``; gives its id."""
    unset = tuple(unset)
    section, item = draft.find(target, (*_LISTS, "model"))
    allowed = _EDITABLE[section]
    both = sorted(set(values) & set(unset))
    if both:
        raise draft.refuse("set_and_unset", fields=", ".join(both))
    for name in [*values, *unset]:
        if name not in allowed:
            raise draft.refuse(
                "no_such_field",
                what=draft.w("edit", "what", _LISTS.get(section, "model")),
                field=name,
                fields=", ".join(repr(f) for f in allowed),
            )
    for name, value in values.items():
        item[name] = value
    for name in unset:
        item.pop(name, None)
    if section == "model":
        draft.reorder()
        return "model:"
    _reorder(_CLASSES[section], item)
    return str(item.get("id"))


def _close(item: Data, on: dt.date) -> None:
    item["status"] = "ended"
    item["valid_to"] = on.isoformat()


def _open_on(item: Data, on: dt.date) -> bool:
    # still running on ``on``: no end yet, or an end after it
    valid_to = item.get("valid_to")
    return item.get("status", "active") != "ended" and (valid_to is None or valid_to > on.isoformat())


def draft_end(draft: Draft, target: str, on: dt.date, *, with_relations: bool = False) -> str:
    """End the node or relation ``target`` on ``on`` (see :func:`end`); gives its id."""
    section, item = draft.find(target, ("nodes", "relations"))
    item_id = str(item.get("id"))
    if item.get("status") == "ended":
        raise draft.refuse("already_ended", id=item_id, date=item.get("valid_to"))
    if section == "nodes":
        running = [
            r for r in draft.peek("relations") if item_id in (r.get("from"), r.get("to")) and _open_on(r, on)
        ]
        if running and not with_relations:
            raise draft.refuse(
                "still_running",
                id=item_id,
                relations=draft.w.counted("edit", "relations", n=len(running)),
                date=on.isoformat(),
                ids=_listed([str(r.get("id")) for r in running]),
            )
        for relation in running:
            _close(relation, on)
            _reorder(Relation, relation)
    _close(item, on)
    _reorder(_CLASSES[section], item)
    return item_id


def draft_rename(draft: Draft, target: str, name: str, on: dt.date, *, name_en: str | None = None) -> str:
    """Call the node ``target`` ``name`` from ``on`` (see :func:`rename`); gives its id."""
    _, node = draft.find(target, ("nodes",))
    node_id = str(node.get("id"))
    if node.get("name") == name and (name_en is None or node.get("name_en") == name_en):
        raise draft.refuse("already_called", id=node_id, name=name)
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
    _reorder(Node, node)
    return node_id


@dataclass(frozen=True)
class Target:
    """What :func:`draft_remove` removed: the list and id, and the relations that went with a node."""

    section: str
    id: str
    with_relations: tuple[str, ...] = ()


def _cites(item: Any, document: str) -> bool:
    if isinstance(item, dict):
        if item.get("document") == document and "section" in item:
            return True
        return any(_cites(v, document) for v in item.values())
    if isinstance(item, list):
        return any(_cites(v, document) for v in item)
    return False


def draft_remove(draft: Draft, target: str, *, cascade: bool = False) -> Target:
    """Remove the node, relation, region, document, figure table or conflict ``target`` names.

    A node that relations still touch is refused (the error lists them) unless
    ``cascade``, which removes them too; a region that nodes are in and a document that
    anything cites are refused.
    """
    section, item = draft.find(target)
    item_id = str(item.get("id"))
    gone: list[str] = []
    if section == "nodes":
        touching = [r for r in draft.peek("relations") if item_id in (r.get("from"), r.get("to"))]
        gone = [str(r.get("id")) for r in touching]
        if touching and not cascade:
            raise draft.refuse(
                "has_relations",
                id=item_id,
                relations=draft.w.counted("edit", "relations", n=len(touching)),
                ids=_listed(gone),
            )
        if touching:
            draft.data["relations"] = [r for r in draft.peek("relations") if r not in touching]
    elif section == "regions":
        users = [str(n.get("id")) for n in draft.peek("nodes") if n.get("region") == item_id]
        if users:
            raise draft.refuse(
                "region_in_use",
                id=item_id,
                nodes=draft.w.counted("edit", "nodes", n=len(users)),
                ids=_listed(users),
            )
    elif section == "documents":
        citing = [
            str(i.get("id", "?"))
            for s in ("regions", "nodes", "relations", "figures", "conflicts")
            for i in draft.peek(s)
            if _cites(i, item_id)
        ]
        if citing:
            raise draft.refuse(
                "document_cited",
                id=item_id,
                items=draft.w.counted("edit", "items", n=len(citing)),
                ids=_listed(citing),
            )
    draft.data[section] = [i for i in draft.peek(section) if i is not item]
    for emptied in ("relations", section):
        # an empty list is the default, which the canonical layout leaves out; the nodes
        # are the one list a model always has
        if emptied in draft.data and not draft.data[emptied] and emptied != "nodes":
            del draft.data[emptied]
    return Target(section, item_id, tuple(gone))


def draft_add_figure_row(
    draft: Draft,
    table: str,
    row: Mapping[str, Any],
    *,
    new_table: Mapping[str, Any] | None = None,
) -> str:
    """Add ``row`` to the figure table ``table``; a new table made of ``new_table``
    (``title``, ``unit``, ``sources``, ...) when there is none, with the row's years."""
    item = _ordered(FigureRow, _clean(row))
    if "nodes" in item:
        item["nodes"] = [draft.node_id(str(n)) for n in item["nodes"]]
    found = draft._by_id("figures", table)
    if found is None:
        if new_table is None:
            raise draft.refuse("no_table", id=table)
        years = sorted(item.get("values", {}))
        fields = {"id": table, **_clean(new_table), "years": years, "rows": [item]}
        draft.items("figures").append(_ordered(FigureTable, fields))
        return str(item.get("id"))
    rows: list[Data] = found.setdefault("rows", [])
    if any(r.get("id") == item.get("id") for r in rows):
        raise draft.refuse("id_exists", what=draft.say("row"), id=item.get("id"))
    rows.append(item)
    return str(item.get("id"))


def draft_add_conflict(draft: Draft, fields: Mapping[str, Any]) -> str:
    """Record the conflict ``fields``; its subjects may name nodes by name. Gives its id."""
    conflict = _clean(fields)
    # a subject is a node, relation or figure row by id, or a node by a name
    known = draft.ids() | _row_ids(draft)
    conflict["subjects"] = [s if s in known else draft.node_id(s) for s in conflict.get("subjects", [])]
    return _append(draft, "conflicts", conflict)


def _row_ids(draft: Draft) -> set[str]:
    return {str(r.get("id")) for t in draft.peek("figures") for r in t.get("rows", [])}


# -- validating and writing -----------------------------------------------------------


def validated(draft: Draft) -> GovernanceModel:
    """The draft as a model, validated once as the loader validates a file.

    Raises :class:`~mra_graph.errors.ModelError` with the JSON pointer of each problem;
    the lines are those of the text the edit would have written, which no one sees, so
    they are left out. The draft is used up: its lists may hold the model's items after.
    """
    from pydantic import ValidationError

    from mra_graph.model.loading import _validated, load_text, paused
    from mra_graph.model.validation import validate

    with paused():
        # validated as the loader validates a file: a batch at a time, each shared
        # citation once, and the validated items taking the parsed ones' places in the
        # draft's lists, so that the parsed data and the model are not both whole in
        # memory (the draft is used up: its lists hold the model's items)
        try:
            model = _validated(dict(draft.data))
        except ValidationError:
            model = None
        if model is not None:
            model._vocabulary = draft.vocabulary
            if not validate(model):
                return model
        # located as the loader locates them (only now, when something is wrong)
        try:
            text = json.dumps(draft.data, ensure_ascii=False, default=_plain)
            load_text(text, draft.file, vocab=draft.vocabulary)
        except ModelError as error:
            raise ModelError([replace(p, line=0, column=0) for p in error.problems]) from None
    raise AssertionError("a model that failed validation passed it the second time")  # pragma: no cover


def _plain(value: object) -> object:
    # an item or citation validated while the draft was validated, as the file has it
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    raise TypeError(type(value).__name__)


def canonical_bytes(model: GovernanceModel) -> bytes:
    """The canonical text of ``model``'s file (:func:`~mra_graph.model.loading.dump_text`),
    as UTF-8: keys in the schema's order, defaults left out, two-space indentation and a
    final newline."""
    from mra_graph.model.loading import dump_text

    return dump_text(model).encode("utf-8")


# -- the same edits on a model in memory ------------------------------------------------


def draft_of(model: GovernanceModel, *, file: str = "<model>", lang: Lang = "nl") -> Draft:
    """A draft of ``model``'s canonical data, to edit."""
    data: Data = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return Draft(data, file, lang, original=lambda: model, vocabulary=model.vocabulary)


def _on_model(
    model: GovernanceModel, file: str, lang: Lang, edit: Callable[[Draft], object]
) -> GovernanceModel:
    draft = draft_of(model, file=file, lang=lang)
    edit(draft)
    return validated(draft)


def add_node(
    model: GovernanceModel, fields: Mapping[str, Any], *, file: str = "<model>", lang: Lang = "nl"
) -> GovernanceModel:
    """``model`` with a new node made of ``fields`` (``id``, ``kind``, ``name``, ``sources``, ...)."""
    return _on_model(model, file, lang, lambda d: draft_add_node(d, fields))


def add_region(
    model: GovernanceModel, fields: Mapping[str, Any], *, file: str = "<model>", lang: Lang = "nl"
) -> GovernanceModel:
    """``model`` with a new region made of ``fields`` (``id``, ``name``, ``short``, ``sources``,
    optionally ``name_en``), after the last region."""
    return _on_model(model, file, lang, lambda d: draft_add_region(d, fields))


def add_document(
    model: GovernanceModel, fields: Mapping[str, Any], *, file: str = "<model>", lang: Lang = "nl"
) -> GovernanceModel:
    """``model`` with a new source document made of ``fields`` (``id``, ``title``, ``file``,
    ``period``, ``sections``, ...), after the last document, so that sources may cite it."""
    return _on_model(model, file, lang, lambda d: draft_add_document(d, fields))


def add_section(
    model: GovernanceModel, document: str, heading: str, *, file: str = "<model>", lang: Lang = "nl"
) -> GovernanceModel:
    """``model`` with the section ``heading`` added to ``document``, for sources to cite."""
    return _on_model(model, file, lang, lambda d: draft_add_section(d, document, heading))


def add_relation(
    model: GovernanceModel, fields: Mapping[str, Any], *, file: str = "<model>", lang: Lang = "nl"
) -> GovernanceModel:
    """``model`` with a new relation made of ``fields`` (``kind``, ``from``, ``to``, ``sources``, ...).

    ``from`` and ``to`` are ids or names; without an ``id`` the relation gets
    :func:`relation_id`'s, and without a period it takes its nodes' (see
    :func:`_inherited_period`).
    """
    return _on_model(model, file, lang, lambda d: draft_add_relation(d, fields))


def add_figure_row(
    model: GovernanceModel,
    table: str,
    row: Mapping[str, Any],
    *,
    new_table: Mapping[str, Any] | None = None,
    file: str = "<model>",
    lang: Lang = "nl",
) -> GovernanceModel:
    """``model`` with ``row`` added to the figure table ``table`` (made from ``new_table`` when new)."""
    return _on_model(model, file, lang, lambda d: draft_add_figure_row(d, table, row, new_table=new_table))


def add_conflict(
    model: GovernanceModel, fields: Mapping[str, Any], *, file: str = "<model>", lang: Lang = "nl"
) -> GovernanceModel:
    """``model`` with a new conflict made of ``fields`` (``id``, ``kind``, ``subjects``, ``claims``, ...)."""
    return _on_model(model, file, lang, lambda d: draft_add_conflict(d, fields))


def set_fields(
    model: GovernanceModel,
    item_id: str,
    values: Mapping[str, Any],
    unset: tuple[str, ...] = (),
    *,
    file: str = "<model>",
    lang: Lang = "nl",
) -> GovernanceModel:
    """``model`` with fields of the item ``item_id`` names set to ``values``, and ``unset`` removed.

    Values are given as they would be written in the file (strings for dates); the id
    cannot change. A field that is both set and unset is a usage error.
    """
    return _on_model(model, file, lang, lambda d: draft_set_fields(d, item_id, values, unset))


def end(
    model: GovernanceModel,
    item_id: str,
    on: dt.date,
    *,
    with_relations: bool = False,
    file: str = "<model>",
    lang: Lang = "nl",
) -> GovernanceModel:
    """``model`` with the node or relation ``item_id`` ended on ``on`` (its first day gone).

    With ``with_relations``, every relation of an ended node that still runs on ``on``
    ends on the same day; without it, such relations are a usage error naming them.
    """
    return _on_model(model, file, lang, lambda d: draft_end(d, item_id, on, with_relations=with_relations))


def rename(
    model: GovernanceModel,
    node_id: str,
    name: str,
    on: dt.date,
    *,
    name_en: str | None = None,
    file: str = "<model>",
    lang: Lang = "nl",
) -> GovernanceModel:
    """``model`` with node ``node_id`` called ``name`` from ``on``; the old name becomes a former name.

    The id stays, so every relation keeps pointing at the node. The former name holds
    until ``on`` and from the end of the previous rename, where there was one; the old
    English name goes with it when ``name_en`` replaces it.
    """
    return _on_model(model, file, lang, lambda d: draft_rename(d, node_id, name, on, name_en=name_en))


def remove(
    model: GovernanceModel, target: str, *, cascade: bool = False, file: str = "<model>", lang: Lang = "nl"
) -> GovernanceModel:
    """``model`` without the item ``target`` names (see :func:`draft_remove`)."""
    return _on_model(model, file, lang, lambda d: draft_remove(d, target, cascade=cascade))
