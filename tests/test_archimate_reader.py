"""The ArchiMate export read by an independent ArchiMate library (pyArchimate), as a tool
that imports exchange files would: every element, relationship and view node comes
through, and its metamodel check finds no relationship the ArchiMate table forbids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mra_graph.interchange import export_model
from mra_graph.model.schema import GovernanceModel

pa = pytest.importorskip("pyArchimate")
etree = pytest.importorskip("lxml.etree")

pytestmark = pytest.mark.exe

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSI_TYPE = f"{{{XSI}}}type"


@pytest.fixture(scope="module")
def exported(model: GovernanceModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("archimate") / "mra.xml"
    path.write_bytes(export_model(model, "archimate").single)
    return path


def _read(path: Path) -> Any:
    archimate = pa.Model("read back")
    archimate.read(str(path))
    return archimate


def test_every_element_and_relationship_is_read(exported: Path, model: GovernanceModel) -> None:
    archimate = _read(exported)
    elements = {e.props["id"]: e for e in archimate.elements}
    assert set(elements) == {node.id for node in model.nodes}
    for node in model.nodes:
        assert elements[node.id].name == model.label(node.id)
    relationships = archimate.relationships
    assert len(relationships) == len(model.relations)
    read_kinds = sorted((r.props["from"], r.props["relation kind"], r.props["to"]) for r in relationships)
    assert read_kinds == sorted((r.from_, r.kind, r.to) for r in model.relations)


def test_the_overview_view_shows_every_element(exported: Path, model: GovernanceModel) -> None:
    (view,) = _read(exported).views
    assert len(view.nodes) == len(model.nodes)
    assert all(node.w > 0 and node.h > 0 for node in view.nodes)


def test_the_metamodel_check_finds_nothing_invalid(exported: Path) -> None:
    archimate = _read(exported)
    assert pa.check_invalid_relationships(archimate) == []
    assert pa.check_invalid_nodes(archimate) == []


def test_the_metamodel_check_would_catch_a_forbidden_relationship(exported: Path, tmp_path: Path) -> None:
    # a control: turn the source of one Serving relationship into a business object,
    # which ArchiMate never lets serve anything, and the same check must object
    document = etree.parse(str(exported))
    ns = {"a": document.getroot().nsmap[None]}
    serving = document.find(".//a:relationship[@xsi:type='Serving']", {**ns, "xsi": XSI})
    assert serving is not None
    source = document.find(f".//a:element[@identifier='{serving.get('source')}']", ns)
    assert source is not None
    source.set(XSI_TYPE, "BusinessObject")
    tampered = tmp_path / "tampered.xml"
    document.write(str(tampered), xml_declaration=True, encoding="UTF-8")
    assert pa.check_invalid_relationships(_read(tampered)) != []
