"""The model as Popolo JSON (organizations, posts, persons, memberships, areas), and back.

Bodies and organisations are Popolo ``organizations`` (``classification`` is the node
type; ``parent_id`` the one organisation it is part of, when there is exactly one), roles
are ``posts``, roles of the type ``person`` are ``persons``, regions are ``areas``, and a
``member_of`` relation of a body, organisation or person in a body or organisation is a
``membership`` (``member`` or ``person_id``). As Popolo asks, every post is held in an
organisation (``organization_id``): a body or organisation the role is part of, else one
it sits in (``member_of``), else one it relates to in another way (of several, through
the relation with the first id); a role with none is not a Popolo post. A post is not a
member of anything, so a role's ``member_of`` relations are no memberships. Popolo end
dates are the last day something held, so ``end_date``/``dissolution_date`` is the day
before the model's exclusive ``valid_to``. With a ``base`` (the address the source
documents are published under), each record's ``sources`` are links to
``<base><file>#<section>``, percent-encoded, with the quote as ``note``; without one they
are left out, as Popolo wants an absolute URL.

What Popolo has no field for (the node kind, status, English texts, attributes, the
structured sources, the documents, the relation behind a ``parent_id`` or a post's
``organization_id``) travels in an ``mra_graph`` object on each record and at the top,
which Popolo readers ignore; so do roles without an organisation and the ``member_of``
relations of roles (as ``nodes`` and ``relations`` of the top object). With it, importing
the export gives back every organisation, role, person, region and every relation the
file holds exactly. How firmly each record holds travels in its extension under the
names every format uses (modality, condition, inference, scoped ends, and the derived
``modality_via`` and ``marks``), the recorded conflicts about the file's records and
the model's abbreviations in the top one. Places, documents, instruments, other
relations, figure tables and conflicts about nothing the file holds have no place in
Popolo and are listed as losses.

Popolo written by others comes in as well: ids that are no model ids (``party/greens``)
get one made from them (``party.greens``) and keep the original in the attribute
``popolo_id``; ``identifiers`` become ``identifier.<scheme>`` attributes; records without
``mra_graph`` sources cite the imported file itself (a document named after it, the
record's JSON path as section) and keep their Popolo source links in ``source_url``;
dates given as a year or a month (``2015``, ``2016-02``) cover that whole year or month
and keep the written form in ``valid_from_written``/``valid_to_written``. Whatever a
record holds that the model has no place for is reported as a loss of the import.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails, to_json

from mra_graph.errors import ConversionError, Problem
from mra_graph.interchange.losses import Export, Loss, loss
from mra_graph.interchange.qualifiers import qualifiers
from mra_graph.model.loading import parse_json
from mra_graph.model.locations import positions
from mra_graph.model.schema import Document, GovernanceModel, Node, NodeKind, Region, Relation
from mra_graph.model.validation import validate
from mra_graph.model.vocabulary import vocabulary
from mra_graph.words import words

__all__ = ["HIERARCHY", "MEMBERSHIP", "Imported", "export_popolo", "import_popolo", "read_popolo"]

# The relation kinds Popolo's fields stand for, found by their roles in the vocabulary.
MEMBERSHIP = vocabulary().kinds_with("membership")[0]
"""A Popolo membership: a body, organisation or person in a body or organisation (the
vocabulary's first kind with the role membership; any kind of that role is read as one)."""
HIERARCHY = vocabulary().kinds_with("part")[0]
"""An organisation's ``parent_id``; the first choice for a post's ``organization_id`` (the
vocabulary's first kind with the role part; any kind of that role is read as one)."""
PERSON = "person"
"""The role type whose nodes are Popolo persons (the model has no kind of its own for them)."""

_ORGANISATIONS = (NodeKind.BODY, NodeKind.ORGANISATION)
_POSTS = (NodeKind.ROLE,)
_DAY = dt.timedelta(days=1)
_ENGLISH = "English name"
_ALIAS = "alias"

# attributes that hold what a standard Popolo key says, for records imported from others
_CLASSIFICATION = "classification"
_ON_BEHALF_OF = "on_behalf_of"
_POST = "post"
_POPOLO_ID = "popolo_id"
_SOURCE_URL = "source_url"
_WRITTEN = ("valid_from_written", "valid_to_written")
_IDENTIFIER = "identifier"
_ALSO_AS = "also_as"

# Popolo classifications as others write them (the EveryPolitician converter's), and
# the kind and type of the model they stand for; the original stays in an attribute
_CLASSIFICATIONS: dict[str, tuple[NodeKind, str | None]] = {
    "legislature": (NodeKind.BODY, "council"),
    "executive": (NodeKind.BODY, "college"),
    "committee": (NodeKind.BODY, "committee"),
    "party": (NodeKind.ORGANISATION, None),
}

# Popolo dates: a year, a month or a day, perhaps with a time (memberships)
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T[0-9:]+(?:Z|[+-][0-9:]+)?)?)?)?")


def _period(text: str) -> tuple[dt.date, dt.date] | None:
    """The first day of a Popolo date and the day after its last: ``2016-02`` covers February."""
    found = _DATE.fullmatch(text)
    if not found:
        return None
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        if day is None:
            first = dt.date(year, month, 1)
            return first, (first + dt.timedelta(days=32)).replace(day=1)
        return dt.date(year, month, day), dt.date(year, month, day) + _DAY
    except ValueError:
        return None


def _dates(item: Node | Relation, written: set[str]) -> tuple[str | None, str | None]:
    """The Popolo start and end of ``item``: as written where an attribute keeps a year or
    a month that agrees with the model's dates (its key then goes into ``written``)."""
    start = item.valid_from.isoformat() if item.valid_from else None
    end = (item.valid_to - _DAY).isoformat() if item.valid_to else None
    for i, key in enumerate(_WRITTEN):
        text = item.attributes.get(key)
        found = _period(text) if isinstance(text, str) else None
        if isinstance(text, str) and found and found[i] == (item.valid_from, item.valid_to)[i]:
            written.add(key)
            start, end = (text, end) if i == 0 else (start, text)
    return start, end


def _sources(
    item: Node | Relation | Region, files: Mapping[str, str], base: str | None
) -> list[dict[str, str]]:
    result = []
    if base is not None:
        for s in item.sources:
            file = quote(files.get(s.document, s.document), safe="/")
            entry = {"url": f"{base}{file}#{quote(s.section, safe='')}"}
            if s.quote:
                entry["note"] = s.quote
            result.append(entry)
    urls = item.attributes.get(_SOURCE_URL) if isinstance(item, Node | Relation) else None
    result += [{"url": url} for url in _texts(urls)]
    return result


def _texts(value: object) -> list[str]:
    """An attribute's texts: its one text, the texts of its list, or none."""
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _extension(item: BaseModel, carried: set[str], written: set[str] | None = None) -> dict[str, Any]:
    """What the record of ``item`` holds in no standard key: its fields but the
    ``carried`` ones, its attributes but those ``written`` in a standard key."""
    data = item.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    attributes = {k: v for k, v in data.get("attributes", {}).items() if k not in (written or set())}
    data = {k: v for k, v in data.items() if k not in carried and k != "attributes"}
    return data | ({"attributes": attributes} if attributes else {})


def _relation_extension(model: GovernanceModel, relation: Relation) -> dict[str, Any]:
    """A relation as the extension of the record whose standard key holds its target."""
    return _qualified(model, relation, _extension(relation, {"from", "to"}))


def _qualified(model: GovernanceModel, item: Node | Relation, extension: dict[str, Any]) -> dict[str, Any]:
    """``extension`` with how firmly ``item`` holds, under the names every format uses: a
    modality taken over from what the item depends on (``modality_via`` with the
    ``modality`` and ``condition`` it takes) and the ``marks`` of recorded conflicts, which
    the model derives and the import derives again; its own modality, condition and
    inference are fields of the item, in the extension already."""
    found = {k: list(v) if isinstance(v, tuple) else v for k, v in qualifiers(model, item).items()}
    return extension | found


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, [], {})}


def _identifiers(node: Node, written: set[str]) -> list[dict[str, str]]:
    found = []
    for key, value in node.attributes.items():
        texts = _texts(value)
        if (key == _IDENTIFIER or key.startswith(_IDENTIFIER + ".")) and texts and texts == _all(value):
            scheme = key.removeprefix(_IDENTIFIER).removeprefix(".") or None
            found += [_clean({"identifier": one, "scheme": scheme}) for one in texts]
            written.add(key)
    return found


def _all(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def _names(node: Node) -> list[dict[str, str]]:
    names = [{"name": node.name_en, "note": _ENGLISH}] if node.name_en else []
    return names + [{"name": alias, "note": _ALIAS} for alias in node.aliases]


_NODE_FIELDS = {"id", "name", "name_en", "aliases", "type", "valid_from", "valid_to", "description", "region"}


def _node(node: Node, carried: _Carried, files: Mapping[str, str], base: str | None) -> dict[str, Any]:
    link = carried.links.get(node.id)
    shown = node.attributes.get(_CLASSIFICATION)
    kind = shown if isinstance(shown, str) else node.type
    record: dict[str, Any]
    fields = set(_NODE_FIELDS)
    written: set[str] = set()
    if node.kind in _POSTS and node.type == PERSON:
        record = {"id": node.id, "name": node.name, "other_names": _names(node)}
        record |= {"identifiers": _identifiers(node, written)}
        fields -= {"type", "valid_from", "valid_to", "region"}
    elif node.kind in _POSTS:
        start, end = _dates(node, written)
        record = {"id": node.id, "label": node.name, "other_label": node.aliases, "role": kind}
        record |= {"organization_id": link.to if link else None, "start_date": start, "end_date": end}
        fields -= {"name_en"}
    else:
        start, end = _dates(node, written)
        record = {"id": node.id, "name": node.name, "other_names": _names(node), "classification": kind}
        record |= {"identifiers": _identifiers(node, written), "parent_id": link.to if link else None}
        record |= {"founding_date": start, "dissolution_date": end}
    if isinstance(shown, str) and not (node.kind in _POSTS and node.type == PERSON):
        written.add(_CLASSIFICATION)
    if "region" in fields:
        record["area_id"] = node.region
    record |= {"description": node.description, "sources": _sources(node, files, base)}
    extension = _qualified(carried.model, node, _extension(node, fields, written))
    if link is not None and link.kind != MEMBERSHIP:
        # the relation behind parent_id or organization_id, for the import to give back
        extension["link"] = _relation_extension(carried.model, link)
    return _clean(record | {"mra_graph": extension})


def _membership(
    relation: Relation, carried: _Carried, files: Mapping[str, str], base: str | None
) -> dict[str, Any]:
    record: dict[str, Any] = {"id": relation.id}
    if relation.from_ in carried.person_ids:
        record["person_id"] = relation.from_
    else:
        record["member"] = {"@type": "Organization", "id": relation.from_}
    record |= {"organization_id": relation.to, "role": relation.role}
    written: set[str] = set()
    # attributes that name a record of the file are Popolo's references
    for attribute, key, targets in (
        (_ON_BEHALF_OF, "on_behalf_of_id", carried.organisation_ids),
        (_POST, "post_id", carried.post_ids),
    ):
        value = relation.attributes.get(attribute)
        if isinstance(value, str) and value in targets:
            record[key] = value
            written.add(attribute)
    start, end = _dates(relation, written)
    also = relation.attributes.get(_ALSO_AS)
    if _texts(also) and _texts(also) == _all(also):
        written.add(_ALSO_AS)  # each a membership of its own
    record |= {
        "start_date": start,
        "end_date": end,
        "sources": _sources(relation, files, base),
        "mra_graph": _qualified(
            carried.model,
            relation,
            _extension(relation, {"id", "from", "to", "role", "valid_from", "valid_to"}, written),
        ),
    }
    return _clean(record)


def _memberships(
    relation: Relation, carried: _Carried, files: Mapping[str, str], base: str | None
) -> list[dict[str, Any]]:
    """The membership of a relation, and one more for each further role it was held in."""
    first = _membership(relation, carried, files, base)
    also = relation.attributes.get(_ALSO_AS)
    more = _texts(also) if _texts(also) == _all(also) else []
    keep = ("person_id", "member", "organization_id", "start_date")
    return [first] + [
        {"id": f"{relation.id}-as-{n}", **{k: first[k] for k in keep if k in first}, "role": role}
        for n, role in enumerate(more, start=2)
    ]


class _Carried:
    """Which nodes and relations become which Popolo records."""

    def __init__(self, model: GovernanceModel) -> None:
        self.model = model
        kind = {n.id: n.kind for n in model.nodes}
        persons = {n.id for n in model.nodes if n.kind in _POSTS and n.type == PERSON}
        organisation = {i for i, k in kind.items() if k in _ORGANISATIONS}
        self.organisations = [n for n in model.nodes if n.kind in _ORGANISATIONS]
        self.persons = [n for n in model.nodes if n.id in persons]
        roles = [n for n in model.nodes if n.kind in _POSTS and n.id not in persons]
        self.links = self._posts_and_parents(model, kind, organisation, persons)
        self.posts = [n for n in roles if n.id in self.links]
        self.post_ids = {n.id for n in self.posts}
        self.unplaced = [n for n in roles if n.id not in self.links]
        voc = model.vocabulary
        members = [r for r in model.relations if voc.role(r.kind) == "membership" and r.to in organisation]
        self.memberships = [r for r in members if r.from_ in organisation or r.from_ in persons]
        self.person_ids = persons
        self.organisation_ids = organisation
        self.seats = [r for r in members if kind.get(r.from_) in _POSTS and r.from_ not in persons]

    @staticmethod
    def _posts_and_parents(
        model: GovernanceModel, kind: Mapping[str, NodeKind], organisation: set[str], persons: set[str]
    ) -> dict[str, Relation]:
        # per role, the relation to its organisation: one it is part of, else one it sits
        # in, else one it relates to at all; per body, the one it is part of, if it is
        # part of exactly one (through the relation with the first id)
        voc = model.vocabulary
        rank = dict.fromkeys(voc.kinds_with("part"), 0) | dict.fromkeys(voc.kinds_with("membership"), 1)
        best: dict[str, tuple[int, str, Relation]] = {}
        parents: dict[str, dict[str, Relation]] = {}
        for r in model.relations:
            if r.to not in organisation:
                continue
            if kind.get(r.from_) in _POSTS and r.from_ not in persons:
                found = (rank.get(r.kind, 2), r.id, r)  # the first id, whatever the file's order
                if r.from_ not in best or found[:2] < best[r.from_][:2]:
                    best[r.from_] = found
            elif voc.role(r.kind) == "part" and r.from_ in organisation:
                held = parents.setdefault(r.from_, {})
                if r.to not in held or r.id < held[r.to].id:
                    held[r.to] = r
        links = {role: relation for role, (_, _, relation) in best.items()}
        links |= {body: next(iter(found.values())) for body, found in parents.items() if len(found) == 1}
        return links


def export_popolo(model: GovernanceModel, base: str | None = None) -> Export:
    """The model as one Popolo JSON file, and what Popolo cannot hold.

    ``base`` is the address the source documents are published under (ending in ``/``);
    without it, records have no Popolo ``sources`` (their sources stay in the extension).
    """
    files = {d.id: d.file for d in model.documents}
    carried = _Carried(model)
    # by id: comparing the records themselves would compare every pair (quadratic)
    kept_nodes = {n.id for n in (*carried.organisations, *carried.posts, *carried.persons, *carried.unplaced)}
    kept_relations = {r.id for r in (*carried.memberships, *carried.seats, *carried.links.values())}
    # a conflict names what the file holds of its subjects, and marks them on import again
    kept = kept_nodes | kept_relations
    conflicts = [(c, [s for s in c.subjects if s in kept]) for c in model.conflicts]
    dump = {"mode": "json", "by_alias": True, "exclude_defaults": True}
    data: dict[str, Any] = {
        "mra_graph": {
            **model.model_dump(mode="json", by_alias=True, include={"schema_ref", "title", "title_en"}),
            **model.model_dump(mode="json", include={"lang"}, exclude_defaults=True),
            "documents": [d.model_dump(mode="json") for d in model.documents],
            "nodes": [
                _qualified(model, n, n.model_dump(**dump))  # type: ignore[arg-type]
                for n in carried.unplaced
            ],
            "relations": [
                _qualified(model, r, r.model_dump(**dump))  # type: ignore[arg-type]
                for r in carried.seats
            ],
            "conflicts": [
                c.model_dump(**dump) | {"subjects": subjects}  # type: ignore[arg-type]
                for c, subjects in conflicts
                if subjects
            ],
            "abbreviations": [a.model_dump(**dump) for a in model.abbreviations],  # type: ignore[arg-type]
        },
        "areas": [
            _clean(
                {
                    "id": r.id,
                    "name": r.name,
                    "identifier": r.short,
                    "sources": _sources(r, files, base),
                    "mra_graph": _extension(r, {"id", "name", "short"}),
                }
            )
            for r in model.regions
        ],
        "organizations": [_node(n, carried, files, base) for n in carried.organisations],
        "posts": [_node(n, carried, files, base) for n in carried.posts],
        "persons": [_node(n, carried, files, base) for n in carried.persons],
        "memberships": [
            record for r in carried.memberships for record in _memberships(r, carried, files, base)
        ],
    }
    data["mra_graph"] = _clean(data["mra_graph"])
    data = {k: v for k, v in data.items() if k != "persons" or v}  # as before where there are none
    encoded = _indented(data, model)
    left_nodes = Counter(n.kind.value for n in model.nodes if n.id not in kept_nodes)
    left_relations = Counter(r.kind for r in model.relations if r.id not in kept_relations)
    losses = [loss("popolo_nodes", count, kind=kind) for kind, count in left_nodes.items()]
    losses += [loss("popolo_relations", count, kind=kind) for kind, count in left_relations.items()]
    losses += [
        loss("figure_tables_none", len(model.figures), format="Popolo"),
        loss("conflicts_nothing_held", sum(1 for _, subjects in conflicts if not subjects)),
        loss(
            "conflict_subjects", sum(len(c.subjects) - len(subjects) for c, subjects in conflicts if subjects)
        ),
        loss("unplaced_roles", len(carried.unplaced)),
        loss("role_seats", len(carried.seats)),
    ]
    return Export("popolo", {"organen.popolo.json": encoded}, tuple(sorted(x for x in losses if x.count)))


# where pydantic's serializer writes a number otherwise than the json module: below this
# (1e-05 as 0.00001, 1e-09 as 1e-9); above it, and every text, it writes the same
_SMALLEST_ALIKE = 1e-4


def _indented(data: Any, model: GovernanceModel) -> bytes:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` and a line end, in UTF-8.

    The json module writes indented JSON in Python, a record at a time (most of the
    export's time); pydantic's serializer writes the same bytes several times faster but
    for numbers very near zero. The only numbers of the export that are no counts are
    the model's own (attributes, the values of claims): where one of those is such a
    number, the json module writes the file.
    """
    values: list[object] = [v for node in model.nodes for v in node.attributes.values()]
    values += [v for relation in model.relations for v in relation.attributes.values()]
    values += [claim.value for conflict in model.conflicts for claim in conflict.claims]
    if any(isinstance(v, float) and 0 < abs(v) < _SMALLEST_ALIKE for v in values):
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return to_json(data, indent=2) + b"\n"


class Imported(NamedTuple):
    """A model read from Popolo, and what the file held that the model has no place for."""

    model: GovernanceModel
    losses: tuple[Loss, ...]


def import_popolo(path: str | os.PathLike[str]) -> GovernanceModel:
    """Read a Popolo JSON file into a model: see :func:`read_popolo`."""
    return read_popolo(path).model


def read_popolo(path: str | os.PathLike[str]) -> Imported:
    """Read a Popolo JSON file (its own export or Popolo written by others) into a model,
    with the losses: what the file holds that the model has no place for.

    Raises :class:`~mra_graph.errors.ConversionError` naming every value that cannot be
    mapped by its JSON path in the file (``/organizations/3/parent_id``).
    """
    file = Path(path)
    shown = str(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConversionError(
            [Problem(shown, 0, 0, "", f"cannot read {shown!r} as UTF-8 text: {error}")]
        ) from error
    data = parse_json(text, shown)
    if not isinstance(data, dict):
        raise ConversionError([Problem(shown, 1, 1, "", "a Popolo file is a JSON object")])
    reader = _Reader(data, file.name)
    model = reader.read()
    if model is None or reader.problems:
        where = positions(text, {pointer for pointer, _, _ in reader.problems})
        problems = []
        for pointer, message, hint in dict.fromkeys(reader.problems):
            line, column = where.get(pointer, (0, 0))
            problems.append(Problem(shown, line, column, pointer, message, hint))
        raise ConversionError(problems)
    return Imported(model, tuple(sorted(reader.losses())))


_LISTS = ("areas", "organizations", "posts", "persons", "memberships")
_READ = (*_LISTS, "mra_graph")
"""The keys of a Popolo file the importer reads."""
_KEYS_READ = {
    "areas": {"id", "name", "identifier", "sources", "mra_graph"},
    "organizations": {
        "id",
        "name",
        "other_names",
        "identifiers",
        "classification",
        "parent_id",
        "area_id",
        "description",
        "founding_date",
        "dissolution_date",
        "sources",
        "mra_graph",
    },
    "posts": {
        "id",
        "label",
        "other_label",
        "role",
        "organization_id",
        "area_id",
        "description",
        "start_date",
        "end_date",
        "sources",
        "mra_graph",
    },
    "persons": {"id", "name", "other_names", "identifiers", "description", "sources", "mra_graph"},
    "memberships": {
        "id",
        "person_id",
        "member",
        "organization_id",
        "post_id",
        "on_behalf_of_id",
        "role",
        "start_date",
        "end_date",
        "sources",
        "mra_graph",
    },
}
_DOCUMENT = "popolo-import"
_DERIVED = ("modality_via", "marks")
"""The qualifiers the export writes that the model derives, from relations and conflicts."""
_TAKEN_OVER = ("modality", "condition", "condition_en")
"""What a record with ``modality_via`` takes over from what it depends on."""


def _model_id(original: str) -> str:
    """A model id made of a Popolo id: ``legislature/break_o'day_council`` gives
    ``legislature.break_o-day_council``."""
    text = unicodedata.normalize("NFKD", original).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"/+", ".", text)
    text = re.sub(r"[^a-z0-9._-]+", "-", text)
    text = re.sub(r"[-_.]{2,}", lambda m: m.group()[0], text).strip("-_.")
    return text[:150].strip("-_.") or "x"


_ID = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")


class _Reader:
    """One Popolo file read into a model: the problems found, and the losses."""

    def __init__(self, data: dict[str, Any], file_name: str) -> None:
        self.data = data
        self.file_name = file_name
        self.problems: list[tuple[str, str, str | None]] = []  # JSON path, message, hint
        # what the model has no place for: by the loss's key and its values
        self.dropped: Counter[tuple[str, tuple[tuple[str, str], ...]]] = Counter()
        self.partial = 0
        self.merged = 0
        self.unknown_types = 0
        self.source_notes = 0
        self.made_ids = 0
        self.cited_file = 0
        self.shortless = 0
        self.given: list[tuple[Any, str, dict[str, Any]]] = []  # id, JSON path, derived qualifiers
        self.underived_count = 0
        self.taken: set[str] = set()
        self.ids: dict[str, dict[str, str]] = {key: {} for key in _LISTS}
        self.sections: list[str] = []
        self.document = _DOCUMENT

    # the shape of the file

    def problem(self, where: str, message: str, hint: str | None = None) -> None:
        self.problems.append((where, message, hint))

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        """``value`` when it is a JSON object (or absent); otherwise a problem at ``where``."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(where, f"{_json_kind(value)} where a JSON object belongs")
            return {}
        return value

    def listed(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(where, f"{_json_kind(value)} where a JSON list belongs")
            return []
        return value

    def records(self, key: str) -> list[tuple[str, dict[str, Any]]]:
        result = []
        for i, item in enumerate(self.listed(self.data.get(key), f"/{key}")):
            if isinstance(item, dict):
                result.append((f"/{key}/{i}", item))
            else:
                self.problem(f"/{key}/{i}", "a record is a JSON object")
        return result

    def text(self, record: Mapping[str, Any], key: str, where: str) -> str | None:
        value = record.get(key)
        if value is None or isinstance(value, str):
            return value
        self.problem(f"{where}/{key}", f"{_json_kind(value)} where a text belongs")
        return None

    # ids: a Popolo id that is no model id gets one made from it, unique in the model

    def claim_ids(self, lists: Mapping[str, list[tuple[str, dict[str, Any]]]]) -> None:
        given = [(key, where, r.get("id")) for key, found in lists.items() for where, r in found]
        for key, where, value in given:
            if value is not None and not isinstance(value, str):
                self.problem(f"{where}/id", f"{_json_kind(value)} where a text belongs")
            elif isinstance(value, str) and value in self.ids[key]:
                self.problem(f"{where}/id", f"{value!r}: a second record of '{key}' with this id")
            elif isinstance(value, str) and _ID.fullmatch(value):
                self.ids[key][value] = value
                self.taken.add(value)
        for key, _, value in given:
            if isinstance(value, str) and value not in self.ids[key]:
                self.ids[key][value] = self.fresh(_model_id(value))
                self.made_ids += 1

    def fresh(self, wanted: str) -> str:
        found, n = wanted, 1
        while found in self.taken:
            n += 1
            found = f"{wanted}-{n}"
        self.taken.add(found)
        return found

    def own_id(self, key: str, record: Mapping[str, Any]) -> str | None:
        """The model id of a record of ``key``."""
        given = record.get("id")
        return self.ids[key].get(given) if isinstance(given, str) else None

    def ref(self, key: str, value: Any, where: str) -> str | None:
        """The model id of the record of ``key`` a Popolo reference names."""
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(where, f"{_json_kind(value)} where an id belongs")
            return None
        if value in self.ids[key]:
            return self.ids[key][value]
        self.problem(where, f"{value!r} is the id of no record in '{key}'")
        return None

    # what every record may hold

    def derived(self, ext: dict[str, Any], where: str) -> dict[str, Any]:
        """The extension ``ext`` without what the model derives: a modality taken over
        (``modality_via`` with its ``modality`` and ``condition``) and the ``marks``. They
        are kept by the id of the item at ``where``, to tell after the import whether the
        model derives them from the file again (:meth:`underived`)."""
        taken = {k for k in _DERIVED if k in ext}
        if "modality_via" in ext:
            taken |= {k for k in _TAKEN_OVER if k in ext}
        if taken:
            self.given.append((ext.get("id"), where, {k: ext[k] for k in sorted(taken)}))
        return {k: v for k, v in ext.items() if k not in taken}

    def underived(self, model: GovernanceModel, ids: Mapping[str, str | None]) -> None:
        """Count the items whose derived qualifiers, as the file gives them, the imported
        model does not derive: the conflict or the relation they come from is not in it."""
        items: dict[str, Node | Relation] = {**model.nodes_by_id, **{r.id: r for r in model.relations}}
        for given_id, where, given in self.given:
            ident = given_id if isinstance(given_id, str) else ids.get(where)
            item = items.get(ident or "")
            found = qualifiers(model, item) if item is not None else {}
            again = {k: list(v) if isinstance(v, tuple) else v for k, v in found.items() if k in given}
            if again != given:
                self.underived_count += 1

    def dropped_keys(self, key: str, where: str, record: Mapping[str, Any]) -> None:
        for field, value in record.items():
            if field not in _KEYS_READ[key] and value not in (None, [], {}, ""):
                self.dropped["dropped_field", (("collection", key), ("field", field))] += 1

    def date(
        self, record: Mapping[str, Any], key: str, where: str, end: bool
    ) -> tuple[str | None, str | None]:
        """The model date (``valid_to`` exclusive for an end) of a Popolo date, and the
        written form when it is a year, a month or has a time."""
        value = self.text(record, key, where)
        if value is None:
            return None, None
        found = _period(value)
        if found is None:
            self.problem(
                f"{where}/{key}",
                f"{value!r}: a Popolo date is a year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD",
            )
            return None, None
        day = found[1] if end else found[0]
        exact = len(value) == 10
        if not exact:
            self.partial += 1
        return day.isoformat(), None if exact else value

    def sources(self, record: Mapping[str, Any], extension: Mapping[str, Any], where: str) -> dict[str, Any]:
        """The model's sources of a record: its own (in the extension) or the file itself;
        Popolo's source links, when others wrote them, as the attribute ``source_url``."""
        if "sources" in extension:
            return {}
        urls = []
        for i, link in enumerate(self.listed(record.get("sources"), f"{where}/sources")):
            found = self.obj(link, f"{where}/sources/{i}")
            url = self.text(found, "url", f"{where}/sources/{i}")
            if url:
                urls.append(url)
            if found.get("note"):
                self.source_notes += 1
        self.sections.append(where)
        self.cited_file += 1
        result: dict[str, Any] = {"sources": [{"document": self.document, "section": where}]}
        return result | ({"attributes": {_SOURCE_URL: urls}} if urls else {})

    def names(self, record: Mapping[str, Any], where: str) -> dict[str, Any]:
        names = [
            self.obj(n, f"{where}/other_names/{j}")
            for j, n in enumerate(self.listed(record.get("other_names"), f"{where}/other_names"))
        ]
        english = [n.get("name") for n in names if n.get("note") == _ENGLISH]
        aliases = [n.get("name") for n in names if n.get("note") != _ENGLISH and n.get("name") is not None]
        dated = sum(1 for n in names if set(n) - {"name", "note"})
        if dated:
            self.dropped["dropped_name_parts", ()] += dated
        return {"name_en": english[0] if english else None, "aliases": aliases or None}

    def identifiers(self, record: Mapping[str, Any], where: str) -> dict[str, Any]:
        found: dict[str, list[str]] = {}
        for j, item in enumerate(self.listed(record.get("identifiers"), f"{where}/identifiers")):
            at = f"{where}/identifiers/{j}"
            one = self.obj(item, at)
            value, scheme = self.text(one, "identifier", at), self.text(one, "scheme", at)
            if value is None:
                if one:
                    self.problem(f"{at}/identifier", "an identifier needs its 'identifier'")
                continue
            key = f"{_IDENTIFIER}.{_model_id(scheme)}" if scheme else _IDENTIFIER
            found.setdefault(key, []).append(value)
        return {k: v[0] if len(v) == 1 else v for k, v in found.items()}

    def typed(
        self, kind: NodeKind, value: str | None, kind_given: bool
    ) -> tuple[NodeKind, str | None, str | None]:
        """The kind and type a Popolo classification (or post role) stands for, and the
        classification itself where it is no type of the vocabulary."""
        if value is None:
            return kind, None, None
        types = vocabulary().node_kinds[kind.value].types
        if value in types:
            return kind, value, None
        if value in _CLASSIFICATIONS and not kind_given:
            mapped, type_ = _CLASSIFICATIONS[value]
            return mapped, type_, value
        if value in _CLASSIFICATIONS and _CLASSIFICATIONS[value][0] is kind:
            return kind, _CLASSIFICATIONS[value][1], value
        self.unknown_types += 1
        return kind, None, value

    # the records

    def read(self) -> GovernanceModel | None:
        data = self.data
        meta = self.obj(data.get("mra_graph"), "/mra_graph")
        for key, value in sorted(data.items()):
            # records of a kind this importer does not read: reported, never dropped silently
            if key not in _READ and value not in (None, [], {}):
                self.dropped["dropped_top", (("key", key),)] += (
                    len(value) if isinstance(value, list | dict) else 1
                )
        lists = {key: self.records(key) for key in _LISTS}
        self.claim_ids(lists)
        documents = [
            self.checked(Document, self.obj(d, f"/mra_graph/documents/{i}"), f"/mra_graph/documents/{i}")
            for i, d in enumerate(self.listed(meta.get("documents"), "/mra_graph/documents"))
        ]
        known_documents = {d.id for d in documents if d is not None}
        while self.document in known_documents:
            self.document += "-file"
        self.taken |= known_documents
        regions: list[tuple[str, Any]] = []
        for where, area in lists["areas"]:
            self.dropped_keys("areas", where, area)
            ext = self.obj(area.get("mra_graph"), f"{where}/mra_graph")
            raw = {**ext, "id": self.own_id("areas", area), "name": area.get("name")}
            raw["short"] = area.get("identifier")
            if raw["short"] is None and isinstance(area.get("name"), str):
                raw["short"] = area["name"]
                self.shortless += 1
            sourced = self.sources(area, ext, where)
            if sourced.pop("attributes", None):
                self.dropped["dropped_area_sources", ()] += 1
            if self.own_id("areas", area) != area.get("id"):
                self.dropped["dropped_area_ids", ()] += 1
            raw |= sourced
            regions.append((where, self.checked(Region, _present(raw), where)))
        nodes: list[tuple[str, dict[str, Any]]] = []
        links: list[tuple[str, str, str, dict[str, Any]]] = []  # where, from, to, the relation's extension
        for key in ("organizations", "posts", "persons"):
            for where, record in lists[key]:
                raw, link = self.node(key, where, record)
                nodes.append((where, raw))
                if link is not None:
                    links.append(link)
        relations: list[tuple[str, dict[str, Any]]] = []
        held: dict[tuple[Any, ...], dict[str, Any]] = {}
        for where, record in lists["memberships"]:
            raw = self.membership(where, record, lists["posts"])
            signature = (raw.get("from"), raw.get("to"), raw.get("valid_from"))
            first = held.get(signature)
            if first is not None and "role" in raw and "mra_graph" not in record:
                # the model holds one relation per member, organisation and start: a second
                # role there (a councillor who is also deputy mayor) joins the first
                also = first["attributes"].setdefault(_ALSO_AS, [])
                also.append(raw["role"])
                self.merged += 1
                if self.sections and self.sections[-1] == where:  # it cites nothing now
                    self.sections.pop()
                    self.cited_file -= 1
                continue
            held.setdefault(signature, raw).setdefault("attributes", {})
            relations.append((where, raw))
        extra_nodes, seats = (
            [
                (
                    f"/mra_graph/{key}/{i}",
                    self.derived(self.obj(item, f"/mra_graph/{key}/{i}"), f"/mra_graph/{key}/{i}"),
                )
                for i, item in enumerate(self.listed(meta.get(key), f"/mra_graph/{key}"))
            ]
            for key in ("nodes", "relations")
        )
        nodes += extra_nodes
        relations += seats
        related = {
            (r.get("from"), r.get("to")) for _, r in relations if _hashable(r.get("from"), r.get("to"))
        }
        for where, source, target, ext in links:
            if not ext and (source, target) in related:
                continue  # a role's seat in the body already carries its organization_id
            raw = {"kind": HIERARCHY, **ext, "from": source, "to": target}
            if "id" not in raw:
                raw["id"] = self.fresh(f"{source}.{HIERARCHY.replace('_', '-')}")
            if "sources" not in raw:
                section = where.rsplit("/", 1)[0]
                self.sections.append(section)
                raw |= {"sources": [{"document": self.document, "section": section}]}
            relations.append((where, raw))
        if self.problems:
            return None
        checked_nodes = [(where, self.checked(Node, raw, where)) for where, raw in nodes]
        checked_relations = [(where, self.checked(Relation, raw, where)) for where, raw in relations]
        if self.sections:
            sections = list(dict.fromkeys(self.sections))
            names = (words("nl")("popolo", "import_period"), words("en")("popolo", "import_period"))
            raw = {"id": self.document, "title": self.file_name, "file": self.file_name.replace(":", "-")}
            raw |= {"period": names[0], "period_en": names[1], "sections": sections}
            try:
                documents.append(Document.model_validate(raw))
            except ValidationError as error:
                message = _message(error.errors(include_url=False)[0])
                self.problem("", f"the file's name cannot name the document its records cite: {message}")
        if self.problems:
            return None
        title = meta.get("title") or self.file_name
        try:
            model = GovernanceModel.model_validate(
                {
                    **{k: v for k, v in meta.items() if k not in ("documents", "nodes", "relations")},
                    "title": title,
                    "documents": documents,
                    "regions": [r for _, r in regions],
                    "nodes": [n for _, n in checked_nodes],
                    "relations": [r for _, r in checked_relations],
                }
            )
        except ValidationError as error:
            for e in error.errors(include_url=False):
                self.problem("/mra_graph/" + "/".join(map(str, e["loc"])), _message(e))
            return None
        places = {("regions", i): where for i, (where, _) in enumerate(regions)}
        places |= {("nodes", i): where for i, (where, _) in enumerate(checked_nodes)}
        places |= {("relations", i): where for i, (where, _) in enumerate(checked_relations)}
        places |= {("documents", i): f"/mra_graph/documents/{i}" for i in range(len(documents))}
        for f in validate(model):
            message = re.sub(
                r"/(nodes|relations|regions|documents)/(\d+)",
                lambda m: places.get((m.group(1), int(m.group(2))), m.group()),
                f.message,
            )
            self.problem(_found_at(f.path, places), message, f.hint)
        if self.problems:
            return None
        ids: dict[str, str | None] = {}
        for where, item in [*checked_nodes, *checked_relations]:
            ident = item.id if item is not None else None
            ids |= {f"{where}/mra_graph": ident, f"{where.rsplit('/', 1)[0]}/mra_graph/link": ident}
        self.underived(model, ids)
        return model

    def original_id(self, raw: dict[str, Any], key: str, record: Mapping[str, Any]) -> dict[str, Any]:
        """``raw`` with the record's Popolo id kept as an attribute where it is no model id."""
        original = record.get("id")
        if isinstance(original, str) and self.ids[key].get(original) != original:
            raw["attributes"] = {**raw.get("attributes", {}), _POPOLO_ID: original}
        return raw

    def node(
        self, key: str, where: str, record: dict[str, Any]
    ) -> tuple[dict[str, Any], tuple[str, str, str, dict[str, Any]] | None]:
        self.dropped_keys(key, where, record)
        ext = self.obj(record.get("mra_graph"), f"{where}/mra_graph")
        link_ext = self.obj(ext.get("link"), f"{where}/mra_graph/link")
        ext = {k: v for k, v in ext.items() if k != "link"}
        ext = self.derived(ext, f"{where}/mra_graph")
        link_ext = self.derived(link_ext, f"{where}/mra_graph/link")
        given_kind = ext.get("kind")
        default = NodeKind.BODY if key == "organizations" else NodeKind.ROLE
        try:
            kind = NodeKind(given_kind) if given_kind is not None else default
        except ValueError:
            kind = default  # the schema reports the bad kind below
        attributes: dict[str, Any] = dict(self.obj(ext.get("attributes"), f"{where}/mra_graph/attributes"))
        raw: dict[str, Any] = {"kind": kind.value, **ext, "id": self.own_id(key, record)}
        raw["description"] = self.text(record, "description", where)
        if key == "posts":
            kind, type_, shown = self.typed(kind, self.text(record, "role", where), given_kind is not None)
            raw |= {"name": record.get("label"), "aliases": record.get("other_label"), "type": type_}
            dates = ("start_date", "end_date")
            target_key, target_list = "organization_id", "organizations"
        elif key == "persons":
            raw |= {"name": record.get("name"), "type": PERSON, **self.names(record, where)}
            attributes |= self.identifiers(record, where)
            kind, shown, dates = NodeKind.ROLE, None, None
            target_key = target_list = ""
        else:
            kind, type_, shown = self.typed(
                kind, self.text(record, "classification", where), given_kind is not None
            )
            raw |= {"name": record.get("name"), "type": type_, **self.names(record, where)}
            attributes |= self.identifiers(record, where)
            dates = ("founding_date", "dissolution_date")
            target_key, target_list = "parent_id", "organizations"
        raw["kind"] = kind.value
        if shown is not None:
            attributes[_CLASSIFICATION] = shown
        if dates is not None:
            for i, (date_key, field) in enumerate(zip(dates, ("valid_from", "valid_to"), strict=True)):
                day, written = self.date(record, date_key, where, end=i == 1)
                raw[field] = day
                if written:
                    attributes[_WRITTEN[i]] = written
        raw["region"] = (
            self.ref("areas", record.get("area_id"), f"{where}/area_id") if "area_id" in record else None
        )
        sourced = self.sources(record, ext, where)
        attributes |= sourced.pop("attributes", {})
        raw |= sourced | {"attributes": attributes}
        raw = self.original_id(raw, key, record)
        link = None
        if target_key and record.get(target_key) is not None:
            target = self.ref(target_list, record.get(target_key), f"{where}/{target_key}")
            if target is not None and raw["id"] is not None:
                link = (f"{where}/{target_key}", raw["id"], target, link_ext)
        return _present(raw), link

    def membership(
        self, where: str, record: dict[str, Any], posts: list[tuple[str, dict[str, Any]]]
    ) -> dict[str, Any]:
        self.dropped_keys("memberships", where, record)
        ext = self.derived(self.obj(record.get("mra_graph"), f"{where}/mra_graph"), f"{where}/mra_graph")
        member = self.obj(record.get("member"), f"{where}/member")
        attributes: dict[str, Any] = dict(self.obj(ext.get("attributes"), f"{where}/mra_graph/attributes"))
        post = self.ref("posts", record.get("post_id"), f"{where}/post_id") if "post_id" in record else None
        if record.get("person_id") is not None:
            source = self.ref("persons", record["person_id"], f"{where}/person_id")
        elif member:
            listing = "persons" if member.get("@type") == "Person" else "organizations"
            source = self.ref(listing, member.get("id"), f"{where}/member/id")
        else:  # Popolo: a membership MUST have a member; a post is held by one, it is none
            self.problem(where, "a membership needs a member: 'person_id' or 'member' (a post is no member)")
            source = None
        target = None
        if record.get("organization_id") is not None:
            target = self.ref("organizations", record["organization_id"], f"{where}/organization_id")
        elif record.get("post_id") is not None:
            held = dict(posts).get(_post_place(posts, record["post_id"]), {})
            target = self.ref("organizations", held.get("organization_id"), f"{where}/post_id")
        if target is None and record.get("organization_id") is None and record.get("post_id") is None:
            self.problem(
                where, "a membership needs an organisation: 'organization_id' or a post that has one"
            )
        if post is not None:
            attributes[_POST] = post
        if record.get("on_behalf_of_id") is not None:
            behalf = self.ref("organizations", record["on_behalf_of_id"], f"{where}/on_behalf_of_id")
            if behalf is not None:
                attributes[_ON_BEHALF_OF] = behalf
        raw: dict[str, Any] = {"kind": MEMBERSHIP, **ext, "from": source, "to": target}
        raw["role"] = self.text(record, "role", where)
        for i, (date_key, field) in enumerate(
            zip(("start_date", "end_date"), ("valid_from", "valid_to"), strict=True)
        ):
            day, written = self.date(record, date_key, where, end=i == 1)
            raw[field] = day
            if written:
                attributes[_WRITTEN[i]] = written
        given = record.get("id")
        if isinstance(given, str):
            raw["id"] = self.ids["memberships"][given]
        elif "id" not in raw:
            raw["id"] = self.fresh(f"membership-{where.rsplit('/', 1)[1]}")
        sourced = self.sources(record, ext, where)
        attributes |= sourced.pop("attributes", {})
        raw |= sourced | {"attributes": attributes}
        return _present(self.original_id(raw, "memberships", record))

    def checked(self, cls: type[BaseModel], raw: dict[str, Any], where: str) -> Any:
        try:
            return cls.model_validate(raw)
        except ValidationError as error:
            said: set[str] = set()
            for e in error.errors(include_url=False):
                pointer = _pointer(where, e["loc"])
                if pointer not in said:  # an attribute's value fails each type it may have: say it once
                    said.add(pointer)
                    self.problem(pointer, _message(e))
            return None

    def losses(self) -> list[Loss]:
        found = sorted(loss(key, count, **dict(values)) for (key, values), count in self.dropped.items())
        found += [
            loss("partial_dates", self.partial, start=_WRITTEN[0], end=_WRITTEN[1]),
            loss("unknown_types", self.unknown_types, attribute=_CLASSIFICATION),
            loss("source_notes", self.source_notes),
            loss("made_ids", self.made_ids, attribute=_POPOLO_ID),
            loss("cited_file", self.cited_file, document=repr(self.document), attribute=_SOURCE_URL),
            loss("merged", self.merged, attribute=_ALSO_AS),
            loss("shortless", self.shortless),
            loss("underived", self.underived_count),
        ]
        return [loss for loss in found if loss.count]


def _post_place(posts: list[tuple[str, dict[str, Any]]], post_id: Any) -> str:
    return next((where for where, record in posts if record.get("id") == post_id), "")


def _hashable(*values: Any) -> bool:
    return all(isinstance(v, str | None) for v in values)


def _present(raw: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in raw.items() if v is not None and v != {}}


def _json_kind(value: Any) -> str:
    """What a JSON value is, in words: 'a number', 'a list'."""
    kinds = (
        (bool, "true or false"),
        (int | float, "a number"),
        (str, "a text"),
        (list, "a list"),
        (dict, "an object"),
    )
    return next((name for kind, name in kinds if isinstance(value, kind)), "null")


def _message(error: ErrorDetails) -> str:
    """A schema error in the words of this importer, with the value it is about."""
    kind, context = error["type"], error.get("ctx") or {}
    value = error.get("input")
    own: dict[str, Callable[[], str]] = {
        "missing": lambda: "missing: this record needs it",
        "string_type": lambda: f"{_json_kind(value)} where a text belongs",
        "string_too_short": lambda: "empty, where a text belongs",
        "string_too_long": lambda: f"longer than {context.get('max_length')} characters",
        "string_pattern_mismatch": lambda: "holds characters that are not allowed here",
        "list_type": lambda: f"{_json_kind(value)} where a JSON list belongs",
        "dict_type": lambda: f"{_json_kind(value)} where a JSON object belongs",
        "model_type": lambda: f"{_json_kind(value)} where a JSON object belongs",
        "enum": lambda: f"not one of {context.get('expected')}",
        "extra_forbidden": lambda: "a key the mra_graph object does not have",
        "date_from_datetime_parsing": lambda: "not a date: YYYY-MM-DD",
        "date_parsing": lambda: "not a date: YYYY-MM-DD",
        "date_type": lambda: "not a date: YYYY-MM-DD",
        "date_from_datetime_inexact": lambda: "not a date: YYYY-MM-DD",
        "int_type": lambda: "not a whole number",
        "bool_type": lambda: "not true or false",
        "too_short": lambda: "empty, where at least one is needed",
    }
    if kind == "value_error":
        message = str(context.get("error", error["msg"])).removeprefix("Value error, ")
    else:
        message = own.get(kind, lambda: "not a value this field can hold")()
    if isinstance(value, str | int | float | bool) and not isinstance(value, dict | list):
        return f"{value!r}: {message}"
    return message


# model field -> the Popolo key that holds it, per Popolo list
_KEYS: dict[str, dict[str, str]] = {
    "organizations": {
        "id": "id",
        "name": "name",
        "type": "classification",
        "valid_from": "founding_date",
        "valid_to": "dissolution_date",
        "region": "area_id",
        "description": "description",
        "name_en": "other_names",
        "aliases": "other_names",
    },
    "persons": {
        "id": "id",
        "name": "name",
        "description": "description",
        "name_en": "other_names",
        "aliases": "other_names",
    },
    "posts": {
        "id": "id",
        "name": "label",
        "aliases": "other_label",
        "type": "role",
        "valid_from": "start_date",
        "valid_to": "end_date",
        "region": "area_id",
        "description": "description",
    },
    "memberships": {
        "id": "id",
        "from": "person_id",
        "from_": "person_id",
        "to": "organization_id",
        "role": "role",
        "valid_from": "start_date",
        "valid_to": "end_date",
    },
    "areas": {"id": "id", "name": "name", "short": "identifier"},
}


_ATTRIBUTE_KEYS = {
    _ON_BEHALF_OF: "on_behalf_of_id",
    _POST: "post_id",
    _POPOLO_ID: "id",
    _SOURCE_URL: "sources",
    _ALSO_AS: "role",
}
"""The standard Popolo key an attribute of an imported record was made of."""
_DATE_KEYS = {
    "organizations": dict(zip(_WRITTEN, ("founding_date", "dissolution_date"), strict=True)),
    "posts": dict(zip(_WRITTEN, ("start_date", "end_date"), strict=True)),
    "memberships": dict(zip(_WRITTEN, ("start_date", "end_date"), strict=True)),
}
_CLASSIFIED = {"organizations": "classification", "posts": "role"}


def _pointer(where: str, loc: Iterable[str | int]) -> str:
    """``/posts/1/start_date`` for a problem with the field ``valid_from`` of the record at ``/posts/1``."""
    path = [str(p) for p in loc]
    parts = where.split("/")
    if len(parts) > 3:  # a relation made of a standard key (/organizations/3/parent_id)
        return where
    keys = _KEYS.get(parts[1], {})
    if len(path) >= 2 and path[0] == "attributes":
        # an attribute made of a standard key is that key's problem
        name = path[1]
        key = {**_ATTRIBUTE_KEYS, **_DATE_KEYS.get(parts[1], {})}.get(name)
        if name == _CLASSIFICATION:
            key = _CLASSIFIED.get(parts[1])
        elif name == _IDENTIFIER or name.startswith(_IDENTIFIER + "."):
            key = "identifiers"
        if key is not None:
            return f"{where}/{key}"
        path = path[:2]
    if path and path[0] in keys:
        return f"{where}/{keys[path[0]]}"
    if path and parts[1] != "mra_graph":
        return f"{where}/mra_graph/" + "/".join(path)
    if path:
        return f"{where}/" + "/".join(path)
    return where


def _found_at(path: tuple[str | int, ...], places: Mapping[tuple[str, int], str]) -> str:
    if len(path) >= 2 and (str(path[0]), path[1]) in places:
        return _pointer(places[(str(path[0]), int(path[1]))], path[2:])
    return "/mra_graph/" + "/".join(str(p) for p in path)
