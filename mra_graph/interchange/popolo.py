"""The model as Popolo JSON (organizations, posts, memberships, areas), and back.

Bodies and organisations are Popolo ``organizations`` (``classification`` is the node
type; ``parent_id`` the one organisation it is part of, when there is exactly one), roles
are ``posts``, regions are ``areas``, and a ``member_of`` relation between bodies or
organisations is a ``membership`` with the body as ``member``. As Popolo asks, every post
is held in an organisation (``organization_id``): a body or organisation the role is part
of, else one it sits in (``member_of``), else one it relates to in another way (of
several, through the relation with the first id); a role with none is not a Popolo
post. A post is not a member of anything, so a role's ``member_of`` relations are no
memberships. Popolo end dates are the last day
something held, so ``end_date``/``dissolution_date`` is the day before the model's
exclusive ``valid_to``. With a ``base`` (the address the source documents are published
under), each record's ``sources`` are links to ``<base><file>#<section>``,
percent-encoded, with the quote as ``note``; without one they are left out, as Popolo
wants an absolute URL.

What Popolo has no field for (the node kind, status, English texts, attributes, the
structured sources, the documents) travels in an ``mra_graph`` object on each record and
at the top, which Popolo readers ignore; so do roles without an organisation and the
``member_of`` relations of roles (as ``nodes`` and ``relations`` of the top object). With
it, importing the export gives back every organisation, role, region and ``member_of``
relation exactly. Places, documents, instruments, other relations, figure tables and
conflicts have no place in Popolo and are listed as losses.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel, ValidationError

from mra_graph.errors import ConversionError, Problem
from mra_graph.interchange.losses import Export, Loss, abbreviation_loss, qualifier_losses
from mra_graph.model.loading import parse_json
from mra_graph.model.schema import Document, GovernanceModel, Node, NodeKind, Region, Relation
from mra_graph.model.validation import validate
from mra_graph.model.vocabulary import vocabulary

__all__ = ["MEMBERSHIP", "export_popolo", "import_popolo"]

MEMBERSHIP = vocabulary().kinds_with("membership")[0]
"""The relation kind an imported Popolo membership becomes: the vocabulary's first of role membership."""
_ORGANISATIONS = (NodeKind.BODY, NodeKind.ORGANISATION)
_POSTS = (NodeKind.ROLE,)
_DAY = dt.timedelta(days=1)
_ENGLISH = "English name"
_ALIAS = "alias"


def _last_day(valid_to: dt.date | None) -> str | None:
    return (valid_to - _DAY).isoformat() if valid_to else None


def _sources(
    item: Node | Relation | Region, files: Mapping[str, str], base: str | None
) -> list[dict[str, str]]:
    if base is None:
        return []
    result = []
    for s in item.sources:
        file = quote(files.get(s.document, s.document), safe="/")
        entry = {"url": f"{base}{file}#{quote(s.section, safe='')}"}
        if s.quote:
            entry["note"] = s.quote
        result.append(entry)
    return result


def _extension(item: BaseModel, carried: set[str]) -> dict[str, Any]:
    data = item.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return {k: v for k, v in data.items() if k not in carried}


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, [], {})}


def _node(node: Node, files: Mapping[str, str], base: str | None, links: Mapping[str, str]) -> dict[str, Any]:
    start, end = (node.valid_from.isoformat() if node.valid_from else None), _last_day(node.valid_to)
    record: dict[str, Any]
    if node.kind in _POSTS:
        record = {"id": node.id, "label": node.name, "other_label": node.aliases, "role": node.type}
        record |= {"organization_id": links.get(node.id), "start_date": start, "end_date": end}
        carried = {"id", "name", "aliases", "type", "valid_from", "valid_to", "description", "region"}
    else:
        names = [{"name": node.name_en, "note": _ENGLISH}] if node.name_en else []
        names += [{"name": alias, "note": _ALIAS} for alias in node.aliases]
        record = {"id": node.id, "name": node.name, "other_names": names, "classification": node.type}
        record |= {"parent_id": links.get(node.id), "founding_date": start, "dissolution_date": end}
        carried = {
            "id",
            "name",
            "name_en",
            "aliases",
            "type",
            "valid_from",
            "valid_to",
            "description",
            "region",
        }
    record |= {
        "area_id": node.region,
        "description": node.description,
        "sources": _sources(node, files, base),
    }
    return _clean(record | {"mra_graph": _extension(node, carried)})


def _node_fields(record: Mapping[str, Any], post: bool) -> dict[str, Any]:
    """The model fields a Popolo organization or post states in its standard keys."""
    if post:
        raw = {"name": record.get("label"), "aliases": record.get("other_label"), "type": record.get("role")}
        start, end = record.get("start_date"), record.get("end_date")
    else:
        given = record.get("other_names")
        # a wrong shape is reported by the importer; here only the names that are names
        names = [n for n in (given if isinstance(given, list) else []) if isinstance(n, dict)]
        english = [n.get("name") for n in names if n.get("note") == _ENGLISH]
        raw = {
            "name": record.get("name"),
            "name_en": english[0] if english else None,
            "aliases": [n.get("name") for n in names if n.get("note") != _ENGLISH] or None,
            "type": record.get("classification"),
        }
        start, end = record.get("founding_date"), record.get("dissolution_date")
    raw |= {"id": record.get("id"), "description": record.get("description"), "region": record.get("area_id")}
    raw |= {"valid_from": start, "valid_to": _day_after(end)}
    return {k: v for k, v in raw.items() if v is not None}


def _day_after(text: Any) -> Any:
    try:
        return (dt.date.fromisoformat(text) + _DAY).isoformat() if isinstance(text, str) else text
    except ValueError:
        return text  # left for the schema to report with the bad value


def _membership(relation: Relation, files: Mapping[str, str], base: str | None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": relation.id, "organization_id": relation.to, "role": relation.role}
    carried = {"id", "from", "to", "role", "valid_from", "valid_to"}
    record["member"] = {"@type": "Organization", "id": relation.from_}
    record |= {
        "start_date": relation.valid_from.isoformat() if relation.valid_from else None,
        "end_date": _last_day(relation.valid_to),
        "sources": _sources(relation, files, base),
        "mra_graph": _extension(relation, carried),
    }
    return _clean(record)


class _Carried:
    """Which nodes and relations become which Popolo records."""

    def __init__(self, model: GovernanceModel) -> None:
        kind = {n.id: n.kind for n in model.nodes}
        organisation = {i for i, k in kind.items() if k in _ORGANISATIONS}
        self.organisations = [n for n in model.nodes if n.kind in _ORGANISATIONS]
        self.links = self._posts_and_parents(model, kind, organisation)
        roles = [n for n in model.nodes if n.kind in _POSTS]
        self.posts = [n for n in roles if n.id in self.links]
        self.unplaced = [n for n in roles if n.id not in self.links]
        membership = vocabulary().kinds_with("membership")
        members = [r for r in model.relations if r.kind in membership and r.to in organisation]
        self.memberships = [r for r in members if r.from_ in organisation]
        self.seats = [r for r in members if kind.get(r.from_) in _POSTS]

    @staticmethod
    def _posts_and_parents(
        model: GovernanceModel, kind: Mapping[str, NodeKind], organisation: set[str]
    ) -> dict[str, str]:
        # per role, its organisation: one it is part of, else one it sits in, else one it
        # relates to at all; per body, the one it is part of, if it is part of one
        voc = vocabulary()
        rank = dict.fromkeys(voc.kinds_with("part"), 0) | dict.fromkeys(voc.kinds_with("membership"), 1)
        best: dict[str, tuple[int, str, str]] = {}
        parents: dict[str, set[str]] = {}
        for r in model.relations:
            if r.to not in organisation:
                continue
            if kind.get(r.from_) in _POSTS:
                found = (rank.get(r.kind, 2), r.id, r.to)  # the first id, whatever the file's order
                if r.from_ not in best or found < best[r.from_]:
                    best[r.from_] = found
            elif voc.role(r.kind) == "part" and r.from_ in organisation:
                parents.setdefault(r.from_, set()).add(r.to)
        links = {role: target for role, (_, _, target) in best.items()}
        links |= {body: next(iter(found)) for body, found in parents.items() if len(found) == 1}
        return links


def export_popolo(model: GovernanceModel, base: str | None = None) -> Export:
    """The model as one Popolo JSON file, and what Popolo cannot hold.

    ``base`` is the address the source documents are published under (ending in ``/``);
    without it, records have no Popolo ``sources`` (their sources stay in the extension).
    """
    files = {d.id: d.file for d in model.documents}
    carried = _Carried(model)
    dump = {"mode": "json", "by_alias": True, "exclude_defaults": True}
    data: dict[str, Any] = {
        "mra_graph": {
            **model.model_dump(mode="json", by_alias=True, include={"schema_ref", "title", "title_en"}),
            "documents": [d.model_dump(mode="json") for d in model.documents],
            "nodes": [n.model_dump(**dump) for n in carried.unplaced],  # type: ignore[arg-type]
            "relations": [r.model_dump(**dump) for r in carried.seats],  # type: ignore[arg-type]
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
        "organizations": [_node(n, files, base, carried.links) for n in carried.organisations],
        "posts": [_node(n, files, base, carried.links) for n in carried.posts],
        "memberships": [_membership(r, files, base) for r in carried.memberships],
    }
    data["mra_graph"] = _clean(data["mra_graph"])
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    # by id: comparing the records themselves would compare every pair (quadratic)
    kept_nodes = {n.id for n in (*carried.organisations, *carried.posts, *carried.unplaced)}
    kept_relations = {r.id for r in (*carried.memberships, *carried.seats)}
    left_nodes = Counter(n.kind.value for n in model.nodes if n.id not in kept_nodes)
    left_relations = Counter(r.kind for r in model.relations if r.id not in kept_relations)
    losses = [Loss(f"{kind} nodes", count, "Popolo has no such entity") for kind, count in left_nodes.items()]
    losses += [
        Loss(f"{kind} relations", count, "Popolo has memberships only")
        for kind, count in left_relations.items()
    ]
    losses += [
        Loss("figure tables", len(model.figures), "Popolo has no tables of numbers"),
        Loss("conflicts", len(model.conflicts), "Popolo has no recorded conflicts"),
        Loss(
            "roles in no body or organisation (kept in the extension)",
            len(carried.unplaced),
            "a Popolo post is always held in an organization",
        ),
        Loss(
            "roles' seats in bodies (member_of; kept in the extension)",
            len(carried.seats),
            "a Popolo post is not a member; it is held in one organization (organization_id)",
        ),
        *qualifier_losses(model),
        abbreviation_loss(model),
    ]
    return Export(
        "popolo", {"organen.popolo.json": text.encode("utf-8")}, tuple(sorted(x for x in losses if x.count))
    )


def import_popolo(path: str | os.PathLike[str]) -> GovernanceModel:
    """Read a Popolo JSON file written by :func:`export_popolo` into a model.

    Raises :class:`~mra_graph.errors.ConversionError` naming every record (by its list
    and position, ``/organizations/3``) that cannot be mapped.
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
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise ConversionError([Problem(shown, 1, 1, "", "a Popolo file is a JSON object")])

    def obj(value: Any, where: str) -> dict[str, Any]:
        """``value`` when it is a JSON object (or absent); otherwise a problem at ``where``."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            problems.append(Problem(shown, 0, 0, where, f"{_json_kind(value)} where a JSON object belongs"))
            return {}
        return value

    def listed(value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            problems.append(Problem(shown, 0, 0, where, f"{_json_kind(value)} where a JSON list belongs"))
            return []
        return value

    meta = obj(data.get("mra_graph"), "/mra_graph")
    for key, value in sorted(data.items()):
        # records of a kind this importer does not read would be lost without a word
        if key not in _READ and value not in (None, [], {}):
            count = f"{len(value)} records" if isinstance(value, list) else "a value"
            problems.append(
                Problem(
                    shown,
                    0,
                    0,
                    f"/{key}",
                    f"{count} of '{key}', which mra-graph does not import; leave them out",
                )
            )

    def checked(cls: type[BaseModel], raw: dict[str, Any], where: str) -> Any:
        try:
            return cls.model_validate(raw)
        except ValidationError as error:
            for e in error.errors(include_url=False):
                message = e["msg"].removeprefix("Value error, ")
                if e["loc"] and not isinstance(e["input"], dict | list):
                    message = f"{e['input']!r}: {message}"
                problems.append(Problem(shown, 0, 0, _pointer(where, e["loc"]), message))
            return None

    def records(key: str) -> list[tuple[str, dict[str, Any]]]:
        items = data.get(key) or []
        result = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                result.append((f"/{key}/{i}", item))
            else:
                problems.append(Problem(shown, 0, 0, f"/{key}/{i}", "a record is a JSON object"))
        return result

    documents = [
        checked(Document, obj(d, f"/mra_graph/documents/{i}"), f"/mra_graph/documents/{i}")
        for i, d in enumerate(listed(meta.get("documents"), "/mra_graph/documents"))
    ]
    regions = [
        checked(
            Region,
            {
                **obj(a.get("mra_graph"), f"{where}/mra_graph"),
                "id": a.get("id"),
                "name": a.get("name"),
                "short": a.get("identifier"),
            },
            where,
        )
        for where, a in records("areas")
    ]
    for where, record in records("organizations"):
        # a name that is not a name would be lost without a word: say where it is
        for j, name in enumerate(listed(record.get("other_names"), f"{where}/other_names")):
            obj(name, f"{where}/other_names/{j}")
    nodes = [
        checked(
            Node,
            {
                "kind": default,
                **obj(record.get("mra_graph"), f"{where}/mra_graph"),
                **_node_fields(record, key == "posts"),
            },
            where,
        )
        for key, default in (("organizations", NodeKind.BODY.value), ("posts", NodeKind.ROLE.value))
        for where, record in records(key)
    ]
    extra = [
        (f"/mra_graph/nodes/{i}", obj(n, f"/mra_graph/nodes/{i}"))
        for i, n in enumerate(listed(meta.get("nodes"), "/mra_graph/nodes"))
    ]
    nodes += [checked(Node, raw, where) for where, raw in extra]
    relations = []
    for where, record in records("memberships"):
        member = record.get("post_id") or obj(record.get("member"), f"{where}/member").get("id")
        raw = {
            "id": record.get("id"),
            "from": member,
            "to": record.get("organization_id"),
            "role": record.get("role"),
            "valid_from": record.get("start_date"),
            "valid_to": _day_after(record.get("end_date")),
        }
        standard = {k: v for k, v in raw.items() if v is not None}
        relations.append(
            checked(
                Relation,
                {"kind": MEMBERSHIP, **obj(record.get("mra_graph"), f"{where}/mra_graph"), **standard},
                where,
            )
        )
    seats = [
        (f"/mra_graph/relations/{i}", obj(r, f"/mra_graph/relations/{i}"))
        for i, r in enumerate(listed(meta.get("relations"), "/mra_graph/relations"))
    ]
    relations += [checked(Relation, raw, where) for where, raw in seats]
    if problems:
        raise ConversionError(problems)
    places: dict[tuple[str, int], str] = {}
    for group, keys in (
        ("regions", ("areas",)),
        ("nodes", ("organizations", "posts")),
        ("relations", ("memberships",)),
    ):
        wheres = [where for key in keys for where, _ in records(key)]
        wheres += [where for where, _ in {"nodes": extra, "relations": seats}.get(group, [])]
        places.update({(group, i): where for i, where in enumerate(wheres)})
    places.update({("documents", i): f"/mra_graph/documents/{i}" for i in range(len(documents))})
    try:
        model = GovernanceModel.model_validate(
            {
                **{k: v for k, v in meta.items() if k not in ("documents", "nodes", "relations")},
                "documents": documents,
                "regions": regions,
                "nodes": nodes,
                "relations": relations,
            }
        )
    except ValidationError as error:
        raise ConversionError(
            [Problem(shown, 0, 0, "/" + "/".join(map(str, e["loc"])), e["msg"]) for e in error.errors()]
        ) from error
    findings = validate(model)
    if findings:
        raise ConversionError([_problem(shown, f.path, f.message, f.hint, places) for f in findings])
    return model


_READ = ("organizations", "posts", "memberships", "areas", "mra_graph")
"""The keys of a Popolo file the importer reads."""


def _json_kind(value: Any) -> str:
    """What a JSON value is, in words: 'a number', 'a list'."""
    kinds = ((bool, "true or false"), (int | float, "a number"), (str, "a text"), (list, "a list"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "null")


# model field -> the Popolo key that holds it, per Popolo list
_KEYS: dict[str, dict[str, str]] = {
    "organizations": {
        "name": "name",
        "type": "classification",
        "valid_from": "founding_date",
        "valid_to": "dissolution_date",
        "region": "area_id",
    },
    "posts": {
        "name": "label",
        "aliases": "other_label",
        "type": "role",
        "valid_from": "start_date",
        "valid_to": "end_date",
        "region": "area_id",
    },
    "memberships": {
        "from": "post_id",
        "from_": "post_id",
        "to": "organization_id",
        "valid_from": "start_date",
        "valid_to": "end_date",
    },
    "areas": {"short": "identifier"},
}


def _pointer(where: str, loc: tuple[str | int, ...]) -> str:
    """``/posts/1/start_date`` for a problem with the field ``valid_from`` of the record at ``/posts/1``."""
    keys = _KEYS.get(where.split("/")[1], {})
    if loc and str(loc[0]) in keys:
        return f"{where}/{keys[str(loc[0])]}"
    if loc:
        return f"{where}/mra_graph/" + "/".join(str(p) for p in loc)
    return where


def _problem(
    file: str, path: tuple[str | int, ...], message: str, hint: str | None, places: dict[tuple[str, int], str]
) -> Problem:
    if len(path) >= 2 and (str(path[0]), path[1]) in places:
        where = places[(str(path[0]), int(path[1]))]
        return Problem(file, 0, 0, _pointer(where, path[2:]), message, hint)
    return Problem(file, 0, 0, "/mra_graph/" + "/".join(str(p) for p in path), message, hint)
