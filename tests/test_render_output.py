"""The SVG pass reads Graphviz's SVG with an XML parser: it changes the start tags that
parser finds, nothing inside comments, CDATA sections or processing instructions, and
keeps every other byte (no Graphviz needed)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from mra_graph.errors import RenderError
from mra_graph.model import GovernanceModel
from mra_graph.render import Request, scene
from mra_graph.render.output import accessible_svg

AT = dt.date(2017, 6, 1)
NS = {"svg": "http://www.w3.org/2000/svg"}


def _groups(svg: bytes) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}g")}


def test_markup_inside_comments_cdata_and_instructions_is_left_alone(model: GovernanceModel) -> None:
    found = scene(model, Request("focus", "AM-team", at=AT))
    node = found.nodes_by_id["am-team"]
    fake = f'<g id="node&#45;{node.id}" class="node"><title>nep</title></g>'.encode()
    hidden = [
        b"<!-- " + fake + b" -->",
        b"<?note " + fake + b" ?>",
        b"<text><![CDATA[" + fake + b"]]></text>",
    ]
    svg = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- <svg id="not-the-root"> -->\n'
        b'<svg xmlns="http://www.w3.org/2000/svg">\n'
        + b"\n".join(hidden)
        + f'\n<g id="node&#45;{node.id}" class="node">\n<title>am&#45;team</title>\n</g>\n</svg>\n'.encode()
    )
    out = accessible_svg(svg, found, "beschrijving")
    for part in hidden:
        assert part in out
    groups = _groups(out)
    assert list(groups) == [f"node-{node.id}"]
    assert groups[f"node-{node.id}"].findtext("svg:title", namespaces=NS) == node.label
    root = ET.fromstring(out)
    assert root.findtext("svg:title", namespaces=NS) == found.title
    assert root.findtext("svg:desc", namespaces=NS) == "beschrijving"


def test_unusual_attributes_are_read_as_a_parser_reads_them(model: GovernanceModel) -> None:
    found = scene(model, Request("focus", "AM-team", at=AT))
    node = found.nodes_by_id["am-team"]
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg">'
        + f'<g id=\'node&#x2D;{node.id}\' class="node"\n data-x="a&amp;b &lt;c&gt; &quot;d&quot;">'.encode()
        + b"<title>x</title></g><g/></svg>"
    )
    out = accessible_svg(svg, found, "")
    group = _groups(out)[f"node-{node.id}"]
    assert group.get("class") == "node"
    assert group.get("data-x") == 'a&b <c> "d"'
    assert group.findtext("svg:title", namespaces=NS) == node.label
    # written again with double quotes and the parser's reading of each value
    assert f'<g id="node-{node.id}" class="node" data-x="a&amp;b &lt;c&gt; &quot;d&quot;">'.encode() in out


def test_every_byte_outside_the_changed_tags_is_kept(model: GovernanceModel) -> None:
    found = scene(model, Request("focus", "AM-team", at=AT))
    node = found.nodes_by_id["am-team"]
    svg = (
        b"<?xml version='1.0'?>\n<!DOCTYPE svg>\n<svg  width = '1pt'>\n"
        + f'<g id="node&#45;{node.id}" class="node">\n<title>am&#45;team</title>\n'.encode()
        + b"<text x='1'>a &amp; b</text></g>\n<g/>\n<g></g>\n</svg>\n"
    )
    out = accessible_svg(svg, found, "")
    body = out[out.index(b"<svg") :]
    assert body.startswith(b"<svg  width = '1pt' role=\"img\"")
    assert body.endswith(
        f'<g id="node-{node.id}" class="node">\n<title>{node.label}</title>\n'.encode()
        + b"<text x='1'>a &amp; b</text></g>\n<g/>\n<g></g>\n</svg>\n"
    )


@pytest.mark.parametrize(
    "svg",
    [b"", b"<!-- nothing -->", b"<svg><g></svg>", b"<svg>&nope;</svg>"],
    ids=["empty", "only-a-comment", "unclosed", "unknown-entity"],
)
def test_svg_that_does_not_parse_is_a_render_error(model: GovernanceModel, svg: bytes) -> None:
    found = scene(model, Request("focus", "AM-team", at=AT))
    with pytest.raises(RenderError, match="Graphviz wrote SVG that does not parse"):
        accessible_svg(svg, found, "")
