"""How firmly each fact holds travels in every format with a place for it: modality (its
own, or taken over from what the fact depends on), condition, the reason a fact is
inferred, the marks of recorded conflicts, scoped relation ends, period and sources.

Each format's file is read back with a reader of its own kind (networkx, csv, an XML
parser, Oxigraph) and compared with what the model says; a format without a place for
one lists it as a loss."""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mra_graph.interchange import export_model, import_model
from mra_graph.interchange.popolo import read_popolo
from mra_graph.model.loading import load_text
from mra_graph.model.schema import GovernanceModel, Node, Relation
from tests.qualified import MODEL, qualified_model, relation_entry

pyoxigraph = pytest.importorskip("pyoxigraph")

Found = dict[str, dict[str, Any]]  # item id -> qualifier name -> value


def _expected(model: GovernanceModel) -> Found:
    """What the model itself says, item by item (only what is given)."""
    found: Found = {}
    items: list[Node | Relation] = [*model.nodes, *model.relations]
    for item in items:
        here: dict[str, Any] = {}
        stating = model.stated.get(item.id)
        if stating is not None:
            here["modality"] = stating.modality.value
            if stating.via:
                here["modality_via"] = stating.via
            if stating.condition:
                here["condition"] = stating.condition
        if item.inferred:
            here["inferred"] = item.inferred
        if model.marks(item.id):
            here["marks"] = set(model.marks(item.id))
        if isinstance(item, Relation):
            for end in ("from_scope", "to_scope"):
                if getattr(item, end) is not None:
                    here[end] = getattr(item, end).value
        here["valid_from"] = item.valid_from.isoformat() if item.valid_from else None
        here["sources"] = len(item.sources)
        found[item.id] = here
    return found


_NAMES = ("modality", "modality_via", "condition", "inferred", "from_scope", "to_scope", "valid_from")


def _graphml(model: GovernanceModel) -> Found:
    graph = nx.read_graphml(io.BytesIO(export_model(model, "graphml").single), force_multigraph=True)
    items = [(i, d) for i, d in graph.nodes(data=True)] + [
        (k, d) for _, _, k, d in graph.edges(keys=True, data=True)
    ]
    found: Found = {}
    for ident, data in items:
        here = {name: data[name] for name in _NAMES if name in data}
        here.setdefault("valid_from", None)
        if "marks" in data:
            here["marks"] = set(json.loads(data["marks"]))
        here["sources"] = len(json.loads(data.get("sources", "[]")))
        found[ident] = here
    return found


def _neo4j(model: GovernanceModel) -> Found:
    files = export_model(model, "neo4j").files
    found: Found = {}
    for name in ("nodes.csv", "relationships.csv"):
        for row in csv.DictReader(io.StringIO(files[name].decode("utf-8"))):
            cells = {key.split(":")[0]: value for key, value in row.items() if value}
            here: dict[str, Any] = {n: cells[n] for n in _NAMES if n in cells}
            here.setdefault("valid_from", None)
            if "marks" in cells:
                here["marks"] = set(cells["marks"].split(";"))
            here["sources"] = len(json.loads(cells["sources"]))
            found[cells["id"]] = here
    return found


def _archimate(model: GovernanceModel) -> Found:
    ns = {"a": "http://www.opengroup.org/xsd/archimate/3.0/"}
    root = ET.fromstring(export_model(model, "archimate").single)
    names = {
        d.get("identifier"): d.find("a:name", ns).text for d in root.iterfind(".//a:propertyDefinition", ns)
    }  # type: ignore[union-attr]
    found: Found = {}
    for item in [*root.iterfind(".//a:element", ns), *root.iterfind(".//a:relationship", ns)]:
        props = {
            names[p.get("propertyDefinitionRef")]: p.find("a:value", ns).text  # type: ignore[union-attr]
            for p in item.iterfind("a:properties/a:property", ns)
        }
        here: dict[str, Any] = {n: props[n] for n in _NAMES if n in props}
        here.setdefault("valid_from", None)
        if "marks" in props:
            here["marks"] = set(str(props["marks"]).split())
        here["sources"] = len(str(props["sources"]).split("\n")) if props.get("sources") else 0
        found[str(props["id"] if "id" in props else item.get("identifier", "")[2:])] = here
    return found


def _jsonld(model: GovernanceModel) -> Found:
    store = pyoxigraph.Store()
    store.load(export_model(model, "jsonld").single, format=pyoxigraph.RdfFormat.JSON_LD)
    vocab = "https://mra-graph.invalid/def#"
    names = {"modality": "modality", "modalityVia": "modality_via", "inferred": "inferred", "mark": "marks"}
    names |= {"fromScope": "from_scope", "toScope": "to_scope", "validFrom": "valid_from"}
    names |= {"condition": "condition"}
    found: Found = {}
    query = """SELECT ?id ?p ?v WHERE {
      ?s <http://purl.org/dc/terms/identifier> ?id ; ?p ?v
      FILTER(REGEX(STR(?s), "^https://mra-graph.invalid/id/(node|relation)/"))
    }"""
    for row in store.query(query):
        here = found.setdefault(row["id"].value, {"valid_from": None, "sources": 0})
        prop = row["p"].value.removeprefix(vocab)
        value = row["v"]
        if row["p"].value == "http://www.w3.org/ns/prov#wasDerivedFrom":
            here["sources"] += 1
        elif prop in names and getattr(value, "language", None) in (None, "nl"):
            text = value.value.removeprefix("https://mra-graph.invalid/id/node/")
            if prop == "mark":
                here.setdefault("marks", set()).add(text)
            else:
                here[names[prop]] = text
    return {
        ident: here
        for ident, here in found.items()
        if ident in {*model.nodes_by_id, *(r.id for r in model.relations)}
    }


def _csv(model: GovernanceModel, tmp: Path) -> Found:
    folder = tmp / "csv"
    folder.mkdir()
    for name, data in export_model(model, "csv").files.items():
        (folder / name).write_bytes(data)
    return _expected(import_model("csv", folder))


READERS: dict[str, Callable[..., Found]] = {
    "graphml": _graphml,
    "neo4j": _neo4j,
    "archimate": _archimate,
    "jsonld": _jsonld,
}


@pytest.fixture(params=["qualified", "bundled"])
def subject(request: pytest.FixtureRequest, model: GovernanceModel) -> GovernanceModel:
    return qualified_model() if request.param == "qualified" else model


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_every_format_carries_how_firmly_each_fact_holds(subject: GovernanceModel, fmt: str) -> None:
    expected = _expected(subject)
    found = READERS[fmt](subject)
    assert found == expected
    assert any("modality_via" in here for here in expected.values())
    assert any("marks" in here for here in expected.values())


def test_csv_carries_them_by_carrying_the_model(subject: GovernanceModel, tmp_path: Path) -> None:
    assert _csv(subject, tmp_path) == _expected(subject)


@pytest.mark.parametrize("fmt", [*sorted(READERS), "turtle", "csv", "popolo"])
def test_a_format_that_carries_them_lists_no_loss_of_them(fmt: str) -> None:
    model = qualified_model()
    losses = {loss.what for loss in export_model(model, fmt).losses}
    assert not losses & {"modalities", "inferred facts", "scoped relation ends"}, fmt


def _scoped() -> GovernanceModel:
    """The invented model with a membership and a part that Popolo carries, scoped: one
    of the team's secretaries sits in each meeting, and the bureau is part of one of them."""
    data = copy.deepcopy(MODEL)
    data["relations"] += [
        relation_entry("team", "member_of", "overleggen", from_scope="one_of", to_scope="each_member"),
        relation_entry("bureau", "part_of", "overleggen", to_scope="one_of"),
    ]
    return load_text(json.dumps(data), "scoped.json")


def _popolo(text: bytes) -> Found:
    """The qualifiers each record of a Popolo file states in its ``mra_graph`` extension,
    read as any JSON reader would: the records', the relations behind a ``parent_id`` or
    a post's ``organization_id`` (``link``), and the top-level nodes and relations."""
    data = json.loads(text)
    top = data.get("mra_graph", {})
    extensions = [(item["id"], item) for item in top.get("nodes", []) + top.get("relations", [])]
    for key in ("organizations", "posts", "persons", "memberships"):
        for record in data.get(key, []):
            if "mra_graph" in record:  # a further role of a membership has none
                extensions.append((record["id"], record["mra_graph"]))
                if "link" in record["mra_graph"]:
                    extensions.append((record["mra_graph"]["link"]["id"], record["mra_graph"]["link"]))
    found: Found = {}
    for ident, ext in extensions:
        here = {n: ext[n] for n in _NAMES if n in ext and n != "valid_from"}
        if "marks" in ext:
            here["marks"] = set(ext["marks"])
        found[ident] = here
    return found


def _firmness(found: Found) -> Found:
    return {i: {k: v for k, v in f.items() if k not in ("valid_from", "sources")} for i, f in found.items()}


@pytest.mark.parametrize("name", ["scoped", "bundled"])
def test_popolo_carries_them_in_its_extension_and_back(
    name: str, model: GovernanceModel, tmp_path: Path
) -> None:
    subject = _scoped() if name == "scoped" else model
    first = export_model(subject, "popolo")
    in_file = _popolo(first.single)
    expected = {i: here for i, here in _expected(subject).items() if i in in_file}
    # what the file says of each record, for any reader of the extension
    assert in_file == _firmness(expected)
    # and what the import makes of it: the same, down to period and sources
    path = tmp_path / "p.json"
    path.write_bytes(first.single)
    back, losses = read_popolo(path)
    assert _expected(back) == expected
    assert losses == ()
    assert export_model(back, "popolo").single == first.single
    # the file holds every kind of qualifier
    held = {k for here in in_file.values() for k in here}
    wanted = {"modality", "modality_via", "condition"}
    wanted |= {"from_scope", "to_scope"} if name == "scoped" else {"inferred", "marks"}
    assert wanted <= held


def test_popolo_lists_no_loss_of_them_but_the_conflicts_of_what_it_does_not_hold() -> None:
    losses = {loss.what: loss.count for loss in export_model(_scoped(), "popolo").losses}
    assert not losses.keys() & {"modalities", "inferred facts", "scoped relation ends", "conflicts"}
    # the one conflict is about the team's support of the meetings, which Popolo does not hold
    assert losses["conflicts about nothing Popolo holds"] == 1
