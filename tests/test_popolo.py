"""Popolo JSON: organisations, posts and memberships round-trip, everything else is a listed loss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from mra_graph.errors import ConversionError
from mra_graph.interchange import export_model, import_model
from mra_graph.interchange.popolo import read_popolo
from mra_graph.model.schema import Conflict, GovernanceModel, Node, NodeKind, Relation
from mra_graph.model.validation import validate
from tests.hostile import hostile_model
from tests.standards import shared

CARRIED_KINDS = (NodeKind.BODY, NodeKind.ROLE, NodeKind.ORGANISATION)


def _expected(model: GovernanceModel) -> GovernanceModel:
    """What Popolo can carry of ``model``, by id: its bodies, organisations and roles, the
    memberships, each body's one parent and each post's one organisation."""
    nodes = [n for n in model.nodes if n.kind in CARRIED_KINDS]
    kept = {n.id for n in nodes}
    relations = [r for r in model.relations if r.kind == "member_of" and r.from_ in kept and r.to in kept]
    data = json.loads(export_model(model, "popolo").single)
    linked = {
        o["mra_graph"]["link"]["id"]
        for o in data["organizations"] + data["posts"]
        if "link" in o["mra_graph"]
    }
    relations += [r for r in model.relations if r.id in linked and r.kind != "member_of"]
    # a conflict keeps what it names of these, and is gone where that is nothing
    held = {n.id for n in nodes} | {r.id for r in relations}
    conflicts = [
        c.model_copy(update={"subjects": [s for s in c.subjects if s in held]})
        for c in model.conflicts
        if held & set(c.subjects)
    ]
    return _by_id(model, nodes, relations, conflicts)


def _by_id(
    model: GovernanceModel, nodes: list[Node], relations: list[Relation], conflicts: list[Conflict]
) -> GovernanceModel:
    # the export groups records by Popolo list, so the order is compared by id
    data = model.model_dump(by_alias=True) | {
        "nodes": [n.model_dump(by_alias=True) for n in sorted(nodes, key=lambda n: n.id)],
        "relations": [r.model_dump(by_alias=True) for r in sorted(relations, key=lambda r: r.id)],
        "figures": [],
        "conflicts": [c.model_dump(by_alias=True) for c in conflicts],
    }
    return GovernanceModel.model_validate(data)


def _round_trip(model: GovernanceModel, tmp_path: Path) -> GovernanceModel:
    path = tmp_path / "p.json"
    path.write_bytes(export_model(model, "popolo").single)
    return import_model("popolo", path)


@pytest.mark.parametrize("hostile", [False, True], ids=["bundled", "hostile"])
def test_round_trip_keeps_what_popolo_carries(model: GovernanceModel, tmp_path: Path, hostile: bool) -> None:
    subject = hostile_model(model) if hostile else model
    back = _round_trip(subject, tmp_path)
    assert _by_id(back, back.nodes, back.relations, back.conflicts) == _expected(subject)
    assert validate(back) == []


def test_every_fact_left_out_is_a_listed_loss(model: GovernanceModel) -> None:
    expected = _expected(model)
    losses = {loss.what: loss.count for loss in export_model(model, "popolo").losses}
    assert sum(c for what, c in losses.items() if what.endswith(" nodes")) == len(model.nodes) - len(
        expected.nodes
    )
    assert sum(c for what, c in losses.items() if what.endswith(" relations")) == len(model.relations) - len(
        expected.relations
    )
    assert losses["figure tables"] == len(model.figures)
    assert losses["conflicts about nothing Popolo holds"] == len(model.conflicts) - len(expected.conflicts)
    kept = {c.id: c for c in expected.conflicts}
    assert losses["subjects of conflicts that Popolo does not hold"] == sum(
        len(c.subjects) - len(kept[c.id].subjects) for c in model.conflicts if c.id in kept
    )
    assert "abbreviations" not in losses  # they travel in the extension


def test_popolo_fields_use_inclusive_end_dates(model: GovernanceModel) -> None:
    data = json.loads(export_model(model, "popolo").single)
    ended = [n for n in model.nodes if n.valid_to and n.kind in CARRIED_KINDS]
    assert ended, "the bundled model has no ended organisation or post to test with"
    records = {r["id"]: r for r in data["organizations"] + data["posts"]}
    for node in (n for n in ended if n.id in records):
        record = records[node.id]
        last = record.get("dissolution_date") or record.get("end_date")
        assert last == (node.valid_to.fromordinal(node.valid_to.toordinal() - 1)).isoformat()


def test_standard_fields_win_over_the_extension(model: GovernanceModel, tmp_path: Path) -> None:
    data = json.loads(export_model(model, "popolo").single)
    data["organizations"][0]["name"] = "Hernoemd"
    data["organizations"][0]["classification"] = "platform"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    node = import_model("popolo", path).nodes[0]
    assert (node.name, node.type) == ("Hernoemd", "platform")


def test_a_bad_record_is_reported_by_its_place(model: GovernanceModel, tmp_path: Path) -> None:
    data = json.loads(export_model(model, "popolo").single)
    # the bundled model has one membership Popolo carries (the AM colleges in the plenair overleg)
    data["memberships"][0]["organization_id"] = "nergens"
    data["posts"][1]["start_date"] = "morgen"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        import_model("popolo", path)
    # every problem at once, each at its place in the file, in the importer's own words
    found = [(p.pointer, p.message) for p in caught.value.problems]
    assert found == [
        (
            "/posts/1/start_date",
            "'morgen': a Popolo date is a year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        ("/memberships/0/organization_id", "'nergens' is the id of no record in 'organizations'"),
    ]
    assert all(p.line > 0 for p in caught.value.problems)


def _schemas() -> Any:
    """The Popolo JSON Schemas (draft 3) as a registry, by their ids."""
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    from referencing.jsonschema import DRAFT3

    folder = shared("popolo-schemas")
    resources = []
    for file in sorted(folder.glob("*.json")):
        schema = json.loads(file.read_text(encoding="utf-8"))
        resources.append((schema["id"].rstrip("#"), DRAFT3.create_resource(schema)))
    registry = referencing.Registry().with_resources(resources)

    def validator(name: str) -> Any:
        schema = registry.contents(f"http://www.popoloproject.com/schemas/{name}.json")
        return jsonschema.Draft3Validator(
            schema, registry=registry, format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER
        )

    return validator


LISTS = {"areas": "area", "organizations": "organization", "posts": "post", "memberships": "membership"}
BASE = "https://data.example.nl/bronnen/"


def _popolo(model: GovernanceModel, base: str | None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export_model(model, "popolo", base=base).single)
    return data


@pytest.mark.parametrize("base", [None, BASE], ids=["no-base", "base"])
@pytest.mark.parametrize("hostile", [False, True], ids=["bundled", "hostile"])
def test_export_is_valid_under_the_popolo_schemas(
    model: GovernanceModel, base: str | None, hostile: bool
) -> None:
    validator = _schemas()
    data = _popolo(hostile_model(model) if hostile else model, base)
    errors = [
        f"/{key}/{i}: {error.message}"
        for key, name in LISTS.items()
        for i, record in enumerate(data[key])
        for error in validator(name).iter_errors(record)
    ]
    assert errors == []
    assert all(data[key] for key in LISTS), "every Popolo list should hold records to validate"


def test_the_format_check_catches_a_relative_source_url() -> None:
    # the check the test above relies on: without rfc3987, jsonschema skips 'uri' silently
    validator = _schemas()
    bad = {"id": "x", "name": "X", "sources": [{"url": "organen.pdf#Bestuur"}]}
    assert list(validator("organization").iter_errors(bad))


@pytest.mark.parametrize("hostile", [False, True], ids=["bundled", "hostile"])
def test_export_keeps_the_popolo_rules(model: GovernanceModel, hostile: bool) -> None:
    subject = hostile_model(model) if hostile else model
    data = _popolo(subject, BASE)
    organisations = {o["id"] for o in data["organizations"]}
    posts = {p["id"]: p for p in data["posts"]}
    # a post is held in an organization that the file describes
    assert all(p.get("organization_id") in organisations for p in posts.values())
    for m in data["memberships"]:
        # a membership has a member, and a post is never one
        member = (m.get("member") or {}).get("id") or m.get("person_id")
        assert member in organisations, m["id"]
        assert m["organization_id"] in organisations
        if m.get("post_id"):
            assert posts[m["post_id"]]["organization_id"] == m["organization_id"]
    # parent_id: the one organisation a body is part of
    parents = {}
    for r in subject.relations:
        if r.kind == "part_of" and r.from_ in organisations and r.to in organisations:
            parents.setdefault(r.from_, set()).add(r.to)
    found = {o["id"]: o.get("parent_id") for o in data["organizations"] if o.get("parent_id")}
    assert found == {body: next(iter(to)) for body, to in parents.items() if len(to) == 1}
    assert found, "the model has no body part of exactly one other"
    urls = [s["url"] for key in LISTS for record in data[key] for s in record.get("sources", [])]
    assert urls
    for url in urls:
        parts = urlsplit(url)
        assert parts.scheme == "https", url
        assert url.startswith(BASE), url
        assert all(c not in url for c in ' "<>{}|\\^`'), url
        assert url.count("#") == 1, url


def test_without_a_base_no_record_has_popolo_sources(model: GovernanceModel) -> None:
    data = _popolo(model, None)
    assert not [r for key in LISTS for r in data[key] if "sources" in r]
    # they are still in the extension, and come back on import
    assert all(
        o["mra_graph"].get("sources") for o in data["organizations"] if model.nodes_by_id[o["id"]].sources
    )


@pytest.mark.parametrize(
    ("where", "value", "pointer"),
    [
        (("mra_graph",), 1, "/mra_graph"),
        (("mra_graph", "documents"), True, "/mra_graph/documents"),
        (("areas", 0, "mra_graph"), "x", "/areas/0/mra_graph"),
        (("organizations", 0, "other_names"), "x", "/organizations/0/other_names"),
        (("organizations", 0, "other_names"), [1], "/organizations/0/other_names/0"),
        (("memberships", 0, "mra_graph"), [], "/memberships/0/mra_graph"),
    ],
)
def test_a_wrongly_shaped_record_is_one_problem_with_its_json_path(
    model: GovernanceModel, tmp_path: Path, where: tuple[str | int, ...], value: Any, pointer: str
) -> None:
    data = json.loads(export_model(model, "popolo").single)
    target: Any = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        import_model("popolo", path)
    assert pointer in [p.pointer for p in caught.value.problems]


def test_records_of_a_kind_it_does_not_import_are_reported_never_dropped(
    model: GovernanceModel, tmp_path: Path
) -> None:
    data = json.loads(export_model(model, "popolo").single)
    data["events"] = [{"id": "e1", "name": "Verkiezing"}, {"id": "e2", "name": "Herindeling"}]
    data["organizations"][0]["contact_details"] = [{"type": "email", "value": "x@example.org"}]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    back, losses = read_popolo(path)
    assert len(back.nodes) == len(_round_trip(model, tmp_path).nodes)
    assert [(x.what, x.count) for x in losses] == [
        ("organizations: 'contact_details'", 1),
        ("top-level 'events'", 2),
    ]


@pytest.mark.parametrize("number", [0.25, 1e-05, 1e-09, 1e16], ids=["plain", "small", "tiny", "large"])
@pytest.mark.parametrize("hostile", [False, True], ids=["bundled", "hostile"])
def test_the_file_is_laid_out_as_the_json_module_lays_it_out(
    model: GovernanceModel, number: float, hostile: bool
) -> None:
    subject = hostile_model(model) if hostile else model
    body = next(n for n in subject.nodes if n.kind is NodeKind.BODY)
    given = body.model_copy(update={"attributes": {**body.attributes, "share": number}})
    subject = subject.with_lists(nodes=[given if n.id == body.id else n for n in subject.nodes])
    text = export_model(subject, "popolo").single
    assert text == (json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert f'"share": {json.dumps(number)}' in text.decode("utf-8")
