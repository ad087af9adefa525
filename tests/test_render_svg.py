"""SVG, PNG and PDF through Graphviz: accessible, literal, deterministic; and Jupyter."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

import mra_graph
from mra_graph.errors import RenderError, UsageError
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.views import load_style
from mra_graph.render import Request, build_view, describe, model_views, render, scene
from mra_graph.render.bundles import bundled
from mra_graph.render.output import graphviz_version
from tests.hostile import hostile_model

pytestmark = pytest.mark.exe

AT = dt.date(2017, 6, 1)
NS = {"svg": "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"}
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
VIEWS = [
    ("overview", None),
    ("orgchart", "MRA Bureau"),
    ("focus", "AM-team"),
    ("focus", "MRA Bureau"),  # a hub: bundles and stacks
    ("chain", "MRA Bureau"),
]


def _groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in root.iter("{http://www.w3.org/2000/svg}g")}


def _text(element: ET.Element) -> str:
    return "".join(t.text or "" for t in element.iter("{http://www.w3.org/2000/svg}text"))


@pytest.mark.parametrize(("view", "node"), VIEWS, ids=[f"{v}-{n}" for v, n in VIEWS])
def test_every_node_and_edge_is_in_the_svg_with_its_title(
    model: GovernanceModel, view: str, node: str | None
) -> None:
    root = ET.fromstring(render(model, Request(view, node, at=AT), "svg"))
    groups = _groups(root)
    # as drawn: a hub's alike lines bundled into one line to a box that lists their nodes,
    # its odd neighbours stacked
    found = bundled(scene(model, Request(view, node, at=AT)), load_style())
    for item in found.nodes:
        group = groups[f"node-{item.id}"]
        assert group.findtext("svg:title", namespaces=NS) == (item.label or item.tooltip)
        drawn = _text(group).replace(" ", "")
        if item.inside is None:
            assert drawn.startswith(item.label.replace(" ", ""))
        else:
            # a part drawn inside its group's box is named without the words its group says
            notes = "".join(item.notes).replace(" ", "")
            assert drawn.endswith(notes)
            assert drawn.removesuffix(notes)
            assert item.label.replace(" ", "").endswith(drawn.removesuffix(notes))
            assert group.find("svg:a", NS).get(XLINK_TITLE) == item.tooltip  # type: ignore[union-attr]
    for edge in found.edges:
        if not edge.folded:
            title = groups[f"edge-{edge.id}"].findtext("svg:title", namespaces=NS)
            assert title is not None
            assert title.startswith(edge.phrase)


def test_the_svg_has_a_title_and_a_text_alternative_first(model: GovernanceModel) -> None:
    request = Request("overview", at=AT, views=model_views())
    root = ET.fromstring(render(model, request, "svg"))
    first, second = list(root)[:2]
    assert first.tag == "{http://www.w3.org/2000/svg}title"
    assert first.text == "Overzicht samenhang bestuurlijke MRA-AM overleggen"
    assert second.tag == "{http://www.w3.org/2000/svg}desc"
    assert second.text == describe(model, request)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "diagram-title diagram-desc"
    groups = _groups(root)
    assert groups["cluster-mra"].get("class") == "cluster"
    assert groups["cluster-am"].get("class") == "cluster"
    assert groups["legend"].get("class") == "cluster"


def test_nodes_and_edges_have_tooltips(model: GovernanceModel) -> None:
    root = ET.fromstring(render(model, Request("overview", at=AT), "svg"))
    groups = _groups(root)
    anchor = groups["a_node-mra-bureau"].find("svg:a", NS)
    assert anchor is not None
    assert anchor.get(XLINK_TITLE, "").startswith("MRA Bureau (bureau): ")
    edge = groups["a_edge-burgemeester.member_of.regiegroep-am"].find("svg:a", NS)
    assert edge is not None
    assert edge.get(XLINK_TITLE) == "burgemeester is lid van Regiegroep (AM) (7 burgemeesters)"


def test_the_svg_has_no_scripts_or_links(model: GovernanceModel) -> None:
    svg = render(hostile_model(model), Request("overview", at=AT), "svg")
    root = ET.fromstring(svg)
    for element in root.iter():
        assert not element.tag.endswith("script")
        assert not element.tag.endswith("foreignObject")
        assert not any(name.lower().startswith("on") for name in element.attrib)
        assert "{http://www.w3.org/1999/xlink}href" not in element.attrib
        assert "href" not in element.attrib


def test_hostile_labels_come_out_literally(model: GovernanceModel) -> None:
    hostile = hostile_model(model)
    long_name = "Overleg " + "heel" * 50 + " lang"
    nodes = list(hostile.nodes)
    nodes[1] = nodes[1].model_copy(update={"name": long_name})
    # a tooltip that starts with < and ends with > must not be taken for an HTML label
    nodes[2] = nodes[2].model_copy(update={"name": "<i>schuin</i>", "description": "eind <b>"})
    hostile = GovernanceModel.model_validate(
        hostile.model_copy(update={"nodes": nodes}).model_dump(by_alias=True)
    )
    root = ET.fromstring(render(hostile, Request("overview", at=AT), "svg"))
    groups = _groups(root)
    found = scene(hostile, Request("overview", at=AT))
    checked = 0
    for item in found.nodes:
        if item.inside is not None:
            continue
        group = groups[f"node-{item.id}"]
        assert group.findtext("svg:title", namespaces=NS) == (item.label or item.tooltip)
        # the drawn text, line by line, is the label itself: markup, quotes, emoji and all
        assert _text(group).replace(" ", "").startswith(item.label.replace(" ", ""))
        checked += 1
    assert checked > 20
    texts = "".join(_text(g) for g in groups.values()).replace(" ", "").replace("\u00a0", "")
    assert '"];<script>alert(1)</script>' in texts
    assert "<b>&amp;</b>&]]><!--x-->" in texts
    assert "🏛️" in texts
    # tooltips (descriptions with newlines, tabs and backslashes) come out as the text itself
    for item in found.nodes:
        anchor = groups[f"{'a_' if item.inside is None else ''}node-{item.id}"].find("svg:a", NS)
        assert anchor is not None
        assert anchor.get(XLINK_TITLE) == item.tooltip
    assert "regel twee" in found.nodes[0].tooltip
    assert found.nodes_by_id[nodes[2].id].tooltip == "<i>schuin</i> (regiegroep): eind <b>"


def test_svg_is_identical_on_every_run(model: GovernanceModel) -> None:
    first = render(model, Request("overview", at=AT), "svg")
    assert first == render(mra_graph.load(), Request("overview", at=AT), "svg")
    assert graphviz_version(first)


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF-")])
def test_png_and_pdf(model: GovernanceModel, fmt: str, magic: bytes) -> None:
    assert render(model, Request("chain", "MRA Bureau", at=AT), fmt).startswith(magic)


def test_a_missing_dot_is_a_one_line_error_with_the_install_command(
    model: GovernanceModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(RenderError) as raised:
        render(model, Request("overview", at=AT), "svg")
    message = str(raised.value)
    assert "apt-get install graphviz" in message
    assert "brew install graphviz" in message
    assert "\n" not in message
    # DOT and Mermaid need no Graphviz
    assert render(model, Request("overview", at=AT), "dot").startswith(b"digraph")
    assert render(model, Request("overview", at=AT), "mmd").startswith(b"---")


def test_jupyter_shows_the_accessible_svg(model: GovernanceModel) -> None:
    graph = build_view(model, Request("chain", "MRA Bureau", at=AT))
    bundle = graph._repr_mimebundle_()
    svg = bundle["image/svg+xml"]
    assert svg == graph._repr_svg_()
    root = ET.fromstring(svg)
    assert root.findtext("svg:title", namespaces=NS) == "Verantwoordingslijnen van MRA Bureau"
    assert 'id="node-mra-bureau"' in svg
    assert svg.encode() == render(model, Request("chain", "MRA Bureau", at=AT), "svg")


def test_svg_namespaces_survive_other_xml_writers(model: GovernanceModel) -> None:
    # ElementTree's prefix map is global; another writer (the ArchiMate export) claims
    # the default namespace for its own
    ET.register_namespace("", "http://www.opengroup.org/xsd/archimate/3.0/")
    svg = render(model, Request("chain", "MRA Bureau", at=AT), "svg")
    assert b"<svg " in svg
    assert b"ns0:" not in svg


def test_png_resolution(model: GovernanceModel) -> None:
    def width(png: bytes) -> int:
        return int.from_bytes(png[16:20], "big")

    standard = render(model, Request("chain", "MRA Bureau", at=AT), "png")
    fine = render(model, Request("chain", "MRA Bureau", at=AT), "png", dpi=300)
    assert abs(width(fine) - 2 * width(standard)) <= 2
    with pytest.raises(UsageError, match="--dpi applies to PNG only, not svg"):
        render(model, Request("chain", "MRA Bureau", at=AT), "svg", dpi=300)
    with pytest.raises(UsageError, match="--dpi must be 24 to 1200, got 5000"):
        render(model, Request("chain", "MRA Bureau", at=AT), "png", dpi=5000)
