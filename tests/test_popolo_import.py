"""Popolo round trips on four models, and Popolo written by others: hand-written in the
style of published data, and the published councillors of Tasmania's local governments."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

import mra_graph
from benchmarks.synthetic import national_model
from mra_graph.errors import ConversionError
from mra_graph.interchange import export_model
from mra_graph.interchange.popolo import read_popolo
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.validation import validate
from tests.hostile import hostile_model
from tests.standards import shared
from tests.test_popolo import LISTS, _schemas

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = "australia-tas-local-councillors.json"


def _source(section: str) -> list[dict[str, str]]:
    return [{"document": "notulen", "section": section}]


def _small() -> GovernanceModel:
    """A model made for this test: a body part of two others (Popolo has one parent_id), a
    role held in a body through another relation than part_of, a person sitting in a
    council on behalf of a party from a month on, and a party founded in a year."""
    nodes: list[dict[str, Any]] = [
        {"id": "raad", "kind": "body", "type": "council", "name": "Raad", "sources": _source("Raad")},
        {
            "id": "partij",
            "kind": "organisation",
            "name": "Partij",
            "valid_from": "2015-01-01",
            "attributes": {"valid_from_written": "2015"},
            "sources": _source("Raad"),
        },
        {
            "id": "gemeente",
            "kind": "organisation",
            "type": "gemeente",
            "name": "Gemeente",
            "sources": _source("Raad"),
        },
        {
            "id": "commissie",
            "kind": "body",
            "type": "committee",
            "name": "Commissie",
            "sources": _source("Commissie"),
        },
        {"id": "griffier", "kind": "role", "type": "office", "name": "Griffier", "sources": _source("Raad")},
        {
            "id": "jansen",
            "kind": "role",
            "type": "person",
            "name": "A. Jansen",
            "aliases": ["Anna Jansen"],
            # an identifier that is no text and a written date without a date stay in the extension
            "attributes": {"identifier.wikidata": "Q1", "identifier.count": 3, "valid_from_written": "1999"},
            "sources": _source("Raad"),
        },
    ]
    relations: list[dict[str, Any]] = [
        {
            "id": "c-raad",
            "kind": "part_of",
            "from": "commissie",
            "to": "raad",
            "sources": _source("Commissie"),
        },
        {
            "id": "c-gem",
            "kind": "part_of",
            "from": "commissie",
            "to": "gemeente",
            "sources": _source("Commissie"),
        },
        {"id": "g-raad", "kind": "supports", "from": "griffier", "to": "raad", "sources": _source("Raad")},
        {
            "id": "j-raad",
            "kind": "member_of",
            "from": "jansen",
            "to": "raad",
            "role": "raadslid",
            "valid_from": "2016-02-01",
            # 'post' names no post: it stays an attribute in the extension
            "attributes": {"on_behalf_of": "partij", "valid_from_written": "2016-02", "post": "wethouder"},
            "sources": _source("Raad"),
        },
    ]
    documents = [
        {
            "id": "notulen",
            "title": "Notulen",
            "file": "notulen.txt",
            "period": "2016",
            "sections": ["Raad", "Commissie"],
        }
    ]
    return GovernanceModel.model_validate(
        {"title": "Klein model", "documents": documents, "nodes": nodes, "relations": relations}
    )


MODELS = {
    "bundled": lambda: mra_graph.load(),
    "hostile": lambda: hostile_model(mra_graph.load()),
    "example": lambda: mra_graph.load(ROOT / "examples" / "lindenwaard-veenhoven.json"),
    "synthetic": lambda: GovernanceModel.model_validate(national_model(4)),
    "small": _small,
}


def _write(tmp_path: Path, data: bytes | dict[str, Any], name: str = "p.json") -> Path:
    path = tmp_path / name
    path.write_bytes(
        data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode("utf-8")
    )
    return path


def _counts(text: bytes) -> dict[str, int]:
    data = json.loads(text)
    found = {key: len(data.get(key, [])) for key in ("organizations", "posts", "persons", "memberships")}
    found["parent_id"] = sum("parent_id" in o for o in data["organizations"])
    found["organization_id"] = sum("organization_id" in p for p in data["posts"])
    return found


@pytest.mark.parametrize("name", list(MODELS))
def test_export_import_export_is_identical(name: str, tmp_path: Path) -> None:
    model = MODELS[name]()
    first = export_model(model, "popolo")
    back, losses = read_popolo(_write(tmp_path, first.single))
    again = export_model(back, "popolo")
    # nothing is lost; a year or a month as a date is said, though its written form comes back
    assert [x.what for x in losses if x.what != "dates given as a year or a month"] == []
    assert validate(back) == []
    assert _counts(again.single) == _counts(first.single)
    assert again.single == first.single
    # what did not come back is exactly what the export listed as lost
    gone_nodes = len(model.nodes) - len(back.nodes)
    gone_relations = len(model.relations) - len(back.relations)
    listed = {x.what: x.count for x in first.losses}
    assert sum(c for what, c in listed.items() if what.endswith(" nodes")) == gone_nodes
    assert sum(c for what, c in listed.items() if what.endswith(" relations")) == gone_relations
    kept = {r.id: r for r in model.relations}
    assert all(kept[r.id] == r for r in back.relations)


def test_the_hierarchy_travels_in_standard_keys(tmp_path: Path) -> None:
    model = _small()
    assert validate(model) == []
    export = export_model(model, "popolo")
    data = json.loads(export.single)
    organisations = {o["id"]: o for o in data["organizations"]}
    # part of two: no parent_id, and both part_of relations listed as lost
    assert "parent_id" not in organisations["commissie"]
    assert {x.what: x.count for x in export.losses}["part_of relations"] == 2
    assert organisations["partij"]["founding_date"] == "2015"
    post = data["posts"][0]
    assert (post["id"], post["organization_id"], post["mra_graph"]["link"]["kind"]) == (
        "griffier",
        "raad",
        "supports",
    )
    assert data["persons"] == [
        {
            "id": "jansen",
            "name": "A. Jansen",
            "other_names": [{"name": "Anna Jansen", "note": "alias"}],
            "identifiers": [{"identifier": "Q1", "scheme": "wikidata"}],
            "mra_graph": {
                "kind": "role",
                "type": "person",
                "sources": _source("Raad"),
                "attributes": {"identifier.count": 3, "valid_from_written": "1999"},
            },
        }
    ]
    (membership,) = data["memberships"]
    assert membership["person_id"] == "jansen"
    assert (membership["on_behalf_of_id"], membership["start_date"]) == ("partij", "2016-02")
    assert "post_id" not in membership
    assert membership["mra_graph"]["attributes"] == {"post": "wethouder"}
    # another tool moves the committee under the municipality: the standard key wins
    del model
    data["organizations"][3]["parent_id"] = "gemeente"
    back, _ = read_popolo(_write(tmp_path, data))
    assert [(r.from_, r.to) for r in back.relations if r.kind == "part_of"] == [("commissie", "gemeente")]


# Popolo as others write it: ids with slashes and apostrophes, persons, standard sources,
# partial dates, a post held by a person, identifiers and other names
FOREIGN: dict[str, Any] = {
    "persons": [
        {
            "id": "person/o'brien",
            "name": "Mary O'Brien",
            "other_names": [{"name": "M. O'Brien"}],
            "identifiers": [{"scheme": "everypolitician", "identifier": "abc-123"}, {"identifier": "77"}],
            "email": "mary@example.org",
            "sources": [{"url": "https://example.org/council", "note": "the council's page"}],
        },
        {"id": "person/smith", "name": "John Smith"},
    ],
    "organizations": [
        {"id": "legislature/st_mary's", "name": "St Mary's Council", "classification": "legislature"},
        {"id": "party/greens", "name": "Greens", "classification": "party"},
        {"id": "party/_greens", "name": "The Greens", "classification": "party"},
        {
            "id": "committee/roads",
            "name": "Roads",
            "classification": "board",
            "parent_id": "legislature/st_mary's",
        },
    ],
    "posts": [{"id": "post/mayor", "label": "Mayor", "organization_id": "legislature/st_mary's"}],
    "memberships": [
        {
            "person_id": "person/o'brien",
            "organization_id": "legislature/st_mary's",
            "on_behalf_of_id": "party/_greens",
            "role": "councillor",
            "start_date": "2015",
            "end_date": "2016-02",
        },
        {
            "person_id": "person/smith",
            "organization_id": "legislature/st_mary's",
            "post_id": "post/mayor",
            "start_date": "2014-11-03",
        },
        {"member": {"@type": "Organization", "id": "party/greens"}, "organization_id": "party/_greens"},
    ],
}


def test_popolo_written_by_others_comes_in(tmp_path: Path) -> None:
    model, losses = read_popolo(_write(tmp_path, FOREIGN, "councils.json"))
    assert validate(model) == []
    nodes = model.nodes_by_id
    # ids made of the originals, which are kept; the two greens stay apart
    assert sorted(nodes) == [
        "committee.roads",
        "legislature.st_mary-s",
        "party.greens",
        "party.greens-2",
        "person.o-brien",
        "person.smith",
        "post.mayor",
    ]
    assert nodes["party.greens-2"].attributes["popolo_id"] == "party/_greens"
    council = nodes["legislature.st_mary-s"]
    assert (council.kind.value, council.type, council.attributes["classification"]) == (
        "body",
        "council",
        "legislature",
    )
    roads = nodes["committee.roads"]
    assert (roads.type, roads.attributes["classification"]) == (None, "board")
    mary = nodes["person.o-brien"]
    assert (mary.kind.value, mary.type, mary.aliases) == ("role", "person", ["M. O'Brien"])
    assert mary.attributes["identifier.everypolitician"] == "abc-123"
    assert mary.attributes["identifier"] == "77"
    assert mary.attributes["source_url"] == ["https://example.org/council"]
    # the file itself is the source, each record cited by its JSON path
    (document,) = model.documents
    assert (document.file, mary.sources[0].document, mary.sources[0].section) == (
        "councils.json",
        document.id,
        "/persons/0",
    )
    relations = {(r.kind, r.from_, r.to): r for r in model.relations}
    seat = relations[("member_of", "person.o-brien", "legislature.st_mary-s")]
    # a year and a month cover their whole length, the written form kept
    assert (str(seat.valid_from), str(seat.valid_to)) == ("2015-01-01", "2016-03-01")
    assert seat.attributes["valid_from_written"] == "2015"
    assert seat.attributes["valid_to_written"] == "2016-02"
    assert seat.attributes["on_behalf_of"] == "party.greens-2"
    assert (
        relations[("member_of", "person.smith", "legislature.st_mary-s")].attributes["post"] == "post.mayor"
    )
    assert ("member_of", "party.greens", "party.greens-2") in relations
    assert ("part_of", "committee.roads", "legislature.st_mary-s") in relations
    assert ("part_of", "post.mayor", "legislature.st_mary-s") in relations
    assert {x.what: x.count for x in losses} == {
        "classifications that are no type of the vocabulary": 1,
        "dates given as a year or a month": 2,
        "ids that are no model ids": 7,
        "notes of source links": 1,
        "persons: 'email'": 1,
        "records without sources of the model": 10,
    }
    # and goes out again as it came, under the model's ids
    data = json.loads(export_model(model, "popolo").single)
    (first, second, third) = data["memberships"]
    assert (first["start_date"], first["end_date"], first["on_behalf_of_id"]) == (
        "2015",
        "2016-02",
        "party.greens-2",
    )
    assert (second["post_id"], second["start_date"]) == ("post.mayor", "2014-11-03")
    assert third["member"] == {"@type": "Organization", "id": "party.greens"}
    assert data["persons"][0]["sources"] == [{"url": "https://example.org/council"}]
    assert {"scheme": "everypolitician", "identifier": "abc-123"} in data["persons"][0]["identifiers"]
    assert [o.get("classification") for o in data["organizations"]] == [
        "legislature",
        "party",
        "party",
        "board",
    ]


@pytest.mark.parametrize(
    ("change", "pointer", "message"),
    [
        (("organizations", 0, "id", 5), "/organizations/0/id", "a number where a text belongs"),
        (("persons", 1, "name", None), "/persons/1/name", "missing: this record needs it"),
        (
            ("memberships", 0, "person_id", "person/nobody"),
            "/memberships/0/person_id",
            "'person/nobody' is the id of no record in 'persons'",
        ),
        (
            ("memberships", 0, "start_date", "2015-13"),
            "/memberships/0/start_date",
            "a Popolo date is a year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (("posts", 0, "label", "x" * 600), "/posts/0/label", "longer than 500 characters"),
        (
            ("organizations", 3, "classification", "\x00"),
            "/organizations/3/classification",
            "holds characters that are not allowed here",
        ),
        (
            ("persons", 1, "other_names", [{"name": 5}]),
            "/persons/1/other_names",
            "5: a number where a text belongs",
        ),
        (
            ("persons", 1, "identifiers", [{"scheme": "x"}]),
            "/persons/1/identifiers/0/identifier",
            "an identifier needs its 'identifier'",
        ),
        (
            ("organizations", 3, "parent_id", "legislature/elsewhere"),
            "/organizations/3/parent_id",
            "'legislature/elsewhere' is the id of no record in 'organizations'",
        ),
    ],
)
def test_an_error_names_the_json_path_in_the_popolo_file(
    tmp_path: Path, change: tuple[str, int, str, Any], pointer: str, message: str
) -> None:
    data = json.loads(json.dumps(FOREIGN))
    key, i, field, value = change
    data[key][i][field] = value
    with pytest.raises(ConversionError) as caught:
        read_popolo(_write(tmp_path, data))
    found = [(p.pointer, p.message.removeprefix(repr(value) + ": ")) for p in caught.value.problems]
    assert found[0] == (pointer, message)
    assert "should" not in str(caught.value)  # the schema library's own wording stays out


def _published() -> Path:
    path = shared("popolo-data") / PUBLISHED
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def test_the_published_councillors_come_in(tmp_path: Path) -> None:
    path = _published()
    given = json.loads(path.read_text(encoding="utf-8"))
    model, losses = read_popolo(path)
    assert validate(model) == []
    listed = {x.what: x.count for x in losses}
    kinds = [(n.kind.value, n.type) for n in model.nodes]
    # every organization and person is a node; every membership a relation or joined to one
    assert kinds.count(("role", "person")) == len(given["persons"])
    assert len(model.nodes) == len(given["persons"]) + len(given["organizations"])
    merged = listed["memberships of a member already in the organisation from the same date"]
    assert len(model.relations) + merged == len(given["memberships"])
    also = sum(len(r.attributes.get("also_as", [])) for r in model.relations)  # type: ignore[arg-type]
    assert also == merged
    assert listed["ids that are no model ids"] == len(given["persons"]) + len(given["organizations"])
    originals = {n.attributes["popolo_id"] for n in model.nodes}
    assert originals == {r["id"] for r in given["persons"] + given["organizations"]}
    # every field the model has no place for is named with its count
    assert listed["persons: 'email'"] == sum("email" in p for p in given["persons"])
    assert listed["top-level 'warnings'"] == 1
    # and the export of it round-trips, every membership back in its own record
    first = export_model(model, "popolo")
    assert _counts(first.single)["memberships"] == len(given["memberships"])
    back, _ = read_popolo(_write(tmp_path, first.single))
    assert export_model(back, "popolo").single == first.single


def _schema_errors(data: dict[str, Any]) -> list[str]:
    """Where the records of Popolo ``data`` break the Popolo JSON Schemas."""
    validator = _schemas()
    return [
        f"/{key}/{i}: {error.message}"
        for key, schema in {**LISTS, "persons": "person"}.items()
        for i, record in enumerate(data.get(key, []))
        for error in validator(schema).iter_errors(record)
    ]


@pytest.mark.parametrize("name", ["small", "foreign", "published"])
def test_what_comes_in_goes_out_valid_under_the_popolo_schemas(name: str, tmp_path: Path) -> None:
    if name == "small":
        model = _small()
    else:
        model = read_popolo(_published() if name == "published" else _write(tmp_path, FOREIGN)).model
    data = json.loads(export_model(model, "popolo").single)
    assert _schema_errors(data) == []
    # Popolo's rules: a membership's member and organisation, a post's organisation, a
    # parent, all records the file describes
    ids = {key: {r["id"] for r in data.get(key, [])} for key in ("organizations", "persons", "posts")}
    for m in data["memberships"]:
        assert m.get("person_id") in ids["persons"] or m["member"]["id"] in ids["organizations"]
        assert m["organization_id"] in ids["organizations"]
        assert m.get("on_behalf_of_id", next(iter(ids["organizations"]))) in ids["organizations"]
        assert m.get("post_id", next(iter(ids["posts"] or {""}))) in (ids["posts"] or {""})
    assert all(p["organization_id"] in ids["organizations"] for p in data["posts"])
    assert all(o.get("parent_id", o["id"]) in ids["organizations"] for o in data["organizations"])


def test_the_published_councillors_are_checked_drawn_and_asked_about(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = _published()
    out = tmp_path / "tas.json"
    imported = cli("--lang", "en", "import", "popolo", str(path), "-o", str(out))
    assert imported.exit_code == 0, imported.output
    # what the model has no place for is said on standard error
    assert "not carried over from popolo: persons: 'email' (46)" in imported.stderr
    model = ["--model", str(out), "--lang", "en"]
    assert cli(*model, "check").exit_code == 0
    council = next(
        n.id
        for n in read_popolo(path).model.nodes
        if n.attributes.get("popolo_id") == "legislature/break_o'day_council"
    )
    drawn = cli(*model, "render", "focus", council, "-o", str(tmp_path / "council.dot"))
    assert drawn.exit_code == 0, drawn.output
    assert "Janet Drummond" in (tmp_path / "council.dot").read_text(encoding="utf-8")
    asked = cli(*model, "ask", "who is member of Break O'Day Council?")
    assert asked.exit_code == 0
    assert "Janet Drummond" in asked.stdout


@pytest.mark.parametrize("name", ["foreign", "published"])
def test_the_popolo_read_here_is_valid_popolo(name: str) -> None:
    # the inputs themselves pass the Popolo schemas: what the importer reads is Popolo, not a dialect
    data = json.loads(_published().read_text(encoding="utf-8")) if name == "published" else FOREIGN
    assert _schema_errors(data) == []


def test_popolo_of_others_round_trips_once_imported(tmp_path: Path) -> None:
    model, _ = read_popolo(_write(tmp_path, FOREIGN, "councils.json"))
    first = export_model(model, "popolo")
    back, _ = read_popolo(_write(tmp_path, first.single))
    assert export_model(back, "popolo").single == first.single
    assert back == model


def test_a_membership_without_a_member_is_refused(tmp_path: Path) -> None:
    # Popolo: a membership MUST have a member; a post is held by one and is none itself
    data = json.loads(json.dumps(FOREIGN))
    del data["memberships"][1]["person_id"]
    with pytest.raises(ConversionError) as caught:
        read_popolo(_write(tmp_path, data))
    assert [(p.pointer, p.message) for p in caught.value.problems] == [
        ("/memberships/1", "a membership needs a member: 'person_id' or 'member' (a post is no member)")
    ]


def test_marks_and_taken_over_modalities_without_their_ground_are_reported(tmp_path: Path) -> None:
    # the marks come from the conflicts, a post's modality_via from its part in the bureau:
    # another tool that drops the conflicts and a post's organisation leaves them groundless
    model = mra_graph.load()
    data = json.loads(export_model(model, "popolo").single)
    del data["mra_graph"]["conflicts"]
    post = next(
        p for p in data["posts"] if {"modality_via"} == p["mra_graph"].keys() & {"modality_via", "marks"}
    )
    del post["organization_id"], post["mra_graph"]["link"]
    marked = sum("marks" in ext and set(ext["marks"]) != {"inferred"} for ext in _extensions(data))
    back, losses = read_popolo(_write(tmp_path, data))
    found = {x.what: x.count for x in losses}
    assert found == {"marks and modalities taken over that the file gives no ground for": marked + 1}
    assert back.stated.get(post["id"]) is None
    assert not back.conflicts


def _extensions(data: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(data["mra_graph"].get("nodes", [])) + list(data["mra_graph"].get("relations", []))
    for key in ("organizations", "posts", "persons", "memberships"):
        for record in data.get(key, []):
            ext = record.get("mra_graph", {})
            found += [ext] + ([ext["link"]] if "link" in ext else [])
    return found
