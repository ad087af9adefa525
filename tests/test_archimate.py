"""ArchiMate exchange file: structurally valid (lxml), relationships the ArchiMate table
allows, every reference resolving, hostile text intact, and the view laid out by Graphviz."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from benchmarks.synthetic import national_model
from mra_graph.interchange import export_model
from mra_graph.interchange.archimate import (
    DOT_LAYOUT_LIMIT,
    NAMESPACE,
    NODE_SIZE,
    element_type,
    grid_layout,
    terms,
)
from mra_graph.model.loading import in_id_order, load_text
from mra_graph.model.schema import GovernanceModel
from tests.english_model import english_model
from tests.hostile import hostile_model
from tests.standards import shared

etree = pytest.importorskip("lxml.etree")

pytestmark = pytest.mark.exe

NS = {"a": NAMESPACE}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# The element and relationship types of ArchiMate 3.1 that this exporter may write.
ELEMENT_TYPES = {
    "BusinessActor",
    "BusinessRole",
    "BusinessCollaboration",
    "BusinessObject",
    "Location",
    "Resource",
}
RELATIONSHIP_TYPES = {"Association", "Serving", "Flow", "Assignment", "Aggregation", "Access"}
MODEL_CHILDREN = ["name", "elements", "relationships", "propertyDefinitions", "views"]


@pytest.fixture(scope="module")
def document(model: GovernanceModel) -> etree._Element:
    return etree.fromstring(export_model(model, "archimate").single)


def _local(element: etree._Element) -> str:
    return str(etree.QName(element).localname)


def test_the_file_has_the_exchange_format_structure(document: etree._Element) -> None:
    assert etree.QName(document).namespace == NAMESPACE
    order = [_local(child) for child in document]
    assert [name for i, name in enumerate(order) if i == 0 or order[i - 1] != name] == MODEL_CHILDREN
    for element in document.iterfind(".//a:element", NS):
        assert _local(element[0]) == "name"
        assert all(c.get(LANG) in ("nl", "en") for c in element if _local(c) in ("name", "documentation"))


def test_identifiers_are_unique_names_and_every_reference_resolves(document: etree._Element) -> None:
    identifiers = [e.get("identifier") for e in document.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))
    assert all(NCNAME.match(i) for i in identifiers)
    elements = {e.get("identifier"): e for e in document.iterfind(".//a:elements/a:element", NS)}
    relationships = {
        r.get("identifier"): r for r in document.iterfind(".//a:relationships/a:relationship", NS)
    }
    definitions = {d.get("identifier") for d in document.iterfind(".//a:propertyDefinition", NS)}
    assert {p.get("propertyDefinitionRef") for p in document.iterfind(".//a:property", NS)} <= definitions
    for relationship in relationships.values():
        assert relationship.get("source") in elements
        assert relationship.get("target") in elements
    nodes = {n.get("identifier"): n for n in document.iterfind(".//a:view/a:node", NS)}
    assert {n.get("elementRef") for n in nodes.values()} == set(elements)
    for connection in document.iterfind(".//a:view/a:connection", NS):
        relationship = relationships[connection.get("relationshipRef")]
        assert nodes[connection.get("source")].get("elementRef") == relationship.get("source")
        assert nodes[connection.get("target")].get("elementRef") == relationship.get("target")


def test_every_relationship_is_one_the_archimate_table_allows(document: etree._Element) -> None:
    types = {e.get("identifier"): e.get(XSI_TYPE) for e in document.iterfind(".//a:element", NS)}
    assert set(types.values()) <= ELEMENT_TYPES
    letters = {name: letter for letter, name in terms()["letters"].items()}
    used = set()
    for relationship in document.iterfind(".//a:relationship", NS):
        kind = relationship.get(XSI_TYPE)
        used.add(kind)
        assert kind in RELATIONSHIP_TYPES
        if kind != "Association":
            source, target = types[relationship.get("source")], types[relationship.get("target")]
            assert letters[kind] in terms()["allowed"][source][target], (kind, source, target)
    # the bundled model's chairs are roles chairing collaborations, which the table gives no
    # Assignment, so they are the one mapped relationship it does not produce
    assert used == RELATIONSHIP_TYPES - {"Assignment"}


def test_every_access_says_how_it_accesses(document: etree._Element) -> None:
    # Archi reads an Access without accessType as a write; working on a programme reads it
    accesses = [r for r in document.iterfind(".//a:relationship", NS) if r.get(XSI_TYPE) == "Access"]
    assert accesses
    assert {r.get("accessType") for r in accesses} == {"Read"}


def test_the_mapping_asks_for_the_relationships_the_issue_names() -> None:
    wanted = {kind: entry["type"] for kind, entry in terms()["relations"].items()}
    assert wanted["supports"] == "Serving"
    assert wanted["prepares"] == "Flow"
    assert wanted["chairs"] == "Assignment"
    assert wanted["member_of"] == "Aggregation"


def test_every_relation_kind_is_kept_as_a_property(document: etree._Element, model: GovernanceModel) -> None:
    definitions = {
        d.get("identifier"): d.findtext("a:name", namespaces=NS)
        for d in document.iterfind(".//a:propertyDefinition", NS)
    }
    kinds = {}
    for relationship in document.iterfind(".//a:relationship", NS):
        for prop in relationship.iterfind(".//a:property", NS):
            if definitions[prop.get("propertyDefinitionRef")] == "relation kind":
                kinds[relationship.get("identifier")] = prop.findtext("a:value", namespaces=NS)
    assert kinds == {f"r-{r.id}": r.kind for r in model.relations}


def test_hostile_text_parses_back_literally(model: GovernanceModel) -> None:
    hostile = hostile_model(model)
    parsed = etree.fromstring(export_model(hostile, "archimate").single)
    names = {
        e.get("identifier"): e.findtext("a:name", namespaces=NS) for e in parsed.iterfind(".//a:element", NS)
    }
    assert names == {f"e-{n.id}": hostile.label(n.id) for n in hostile.nodes}
    docs = {e.findtext("a:documentation", namespaces=NS) for e in parsed.iterfind(".//a:element", NS)}
    assert docs == {n.description for n in hostile.nodes}


def test_view_coordinates_follow_the_graphviz_layout(
    document: etree._Element, model: GovernanceModel
) -> None:
    # lay out the same graph here, straight from dot, and compare every box's position;
    # the export lays out the model in id order
    model = in_id_order(model)
    width, height = (size / 72 for size in NODE_SIZE)
    dot = [
        f'digraph g {{ node [shape=box, fixedsize=true, width={width:.4f}, height={height:.4f}, label=""];'
    ]
    dot.append("rankdir=TB; nodesep=0.4; ranksep=0.8;")
    dot += (
        [f'"{n.id}";' for n in model.nodes] + [f'"{r.from_}" -> "{r.to}";' for r in model.relations] + ["}"]
    )
    laid = json.loads(
        subprocess.run(
            ["dot", "-Tjson"], input="\n".join(dot), capture_output=True, text=True, check=True
        ).stdout
    )
    top = float(laid["bb"].split(",")[3])
    centres = {o["name"]: tuple(float(v) for v in o["pos"].split(",")) for o in laid["objects"]}
    for node in document.iterfind(".//a:view/a:node", NS):
        x, y = centres[node.get("elementRef").removeprefix("e-")]
        assert int(node.get("x")) + NODE_SIZE[0] / 2 == pytest.approx(x, abs=1)
        assert int(node.get("y")) + NODE_SIZE[1] / 2 == pytest.approx(top - y, abs=1)
        assert (int(node.get("w")), int(node.get("h"))) == NODE_SIZE


def test_node_kinds_map_to_the_element_types_the_issue_names(model: GovernanceModel) -> None:
    by_kind = {n.kind.value: element_type(n) for n in model.nodes if n.type not in ("bureau", "team")}
    assert by_kind["body"] == "BusinessCollaboration"
    assert by_kind["role"] == "BusinessRole"
    assert by_kind["place"] == "Location"


def test_export_is_deterministic(model: GovernanceModel) -> None:
    assert export_model(model, "archimate").files == export_model(model, "archimate").files


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    folder = shared("xsd")

    class Local(etree.Resolver):
        # the schemas import the XML namespace's schema by its web address; use the copy beside them
        def resolve(self, url: str, pubid: str, context: object) -> object:
            name = url.rsplit("/", 1)[-1]
            return self.resolve_filename(str(folder / name), context) if (folder / name).exists() else None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(folder / "archimate3_Diagram.xsd"), parser))


@pytest.mark.parametrize("which", ["bundled", "hostile", "synthetic"])
def test_export_is_valid_under_the_open_group_schema(
    schema: etree.XMLSchema, model: GovernanceModel, which: str
) -> None:
    subject = {
        "bundled": lambda: model,
        "hostile": lambda: hostile_model(model),
        # more relations than dot lays out: the view is a grid
        "synthetic": lambda: GovernanceModel.model_validate(national_model(4)),
    }[which]()
    document = etree.fromstring(export_model(subject, "archimate").single)
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)


def test_the_schema_rejects_an_unknown_element_type(
    schema: etree.XMLSchema, document: etree._Element
) -> None:
    # the validation above can fail: an element type ArchiMate does not have
    broken = etree.fromstring(etree.tostring(document))
    broken.find(".//a:element", NS).set(XSI_TYPE, "Committee")
    assert not schema.validate(broken)


def test_a_large_model_is_laid_out_as_a_grid() -> None:
    large = GovernanceModel.model_validate(national_model(4))
    assert len(large.relations) > DOT_LAYOUT_LIMIT
    positions = grid_layout(large)
    assert set(positions) == {n.id for n in large.nodes}
    assert len(set(positions.values())) == len(positions)
    columns = {x for x, _ in positions.values()}
    assert len(columns) ** 2 >= len(positions) > (len(columns) - 1) ** 2


def test_an_english_model_is_tagged_english_and_valid(schema: etree.XMLSchema) -> None:
    english = load_text(json.dumps(english_model()), "english.json")
    document = etree.fromstring(export_model(english, "archimate").single)
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)
    own = [document.find("a:name", NS)]
    own += [e.find("a:name", NS) for e in document.iterfind(".//a:element", NS)]
    own += [e.find("a:documentation", NS) for e in document.iterfind(".//a:element", NS)]
    own += [e.find("a:name", NS) for e in document.iterfind(".//a:relationship", NS)]
    texts = {(x.text, x.get(LANG)) for x in own if x is not None}
    assert ("Westmoor Combined Authority", "en") in texts
    assert ("Combined Authority Board", "en") in texts
    assert {lang for _, lang in texts} == {"en"}
    # the Dutch of the vocabulary's verbs stays Dutch, after the English
    supports = next(
        r
        for r in document.iterfind(".//a:relationship", NS)
        if r.get("identifier").startswith("r-office.supports")
    )
    assert [n.get(LANG) for n in supports.iterfind("a:name", NS)] == ["en", "nl"]


def test_a_dutch_model_is_tagged_dutch_and_its_translations_english(document: etree._Element) -> None:
    element = next(e for e in document.iterfind(".//a:element", NS) if e.get("identifier") == "e-mra-bureau")
    assert [(n.text, n.get(LANG)) for n in element.iterfind("a:name", NS)] == [
        ("MRA Bureau", "nl"),
        ("MRA Bureau", "en"),
    ]
    assert [d.get(LANG) for d in element.iterfind("a:documentation", NS)] == ["nl", "en"]
