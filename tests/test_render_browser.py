"""In a real browser (headless Chromium, offline): Mermaid renders our Mermaid, axe-core checks the SVG."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import mra_graph
from mra_graph.model.schema import GovernanceModel
from mra_graph.render import Request, model_views, render, scene
from mra_graph.render.mermaid import mermaid_id
from tests.browser import BrowserPage, node_module
from tests.hostile import hostile_model

pytestmark = pytest.mark.exe

AT = dt.date(2017, 6, 1)
CASES = [
    ("overview", None, "nl"),
    ("overview", None, "en"),
    ("orgchart", "am-overleg", "nl"),
    ("focus", "AM-team", "en"),
    ("chain", "MRA Bureau", "nl"),
]

RENDER = """async (source) => {
    mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
    const {svg} = await mermaid.render('diagram', source);
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    document.body.appendChild(holder);
    return {
        svg: svg,
        text: holder.textContent,
        scripts: holder.querySelectorAll('script').length,
        bold: holder.querySelectorAll('.node b').length,
        nodes: holder.querySelectorAll('g.node').length,
        edges: holder.querySelectorAll('path.flowchart-link').length,
        texts: Object.fromEntries(Array.from(holder.querySelectorAll('g.node'))
            .map(n => [n.id.replace(/^flowchart-/, '').replace(/-[0-9]+$/, ''), n.textContent])),
    };
}"""


def _mermaid(page: BrowserPage, tmp_path: Path, source: str) -> dict[str, object]:
    html = tmp_path / "mermaid.html"
    html.write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>m</title></head>'
        "<body></body></html>",
        encoding="utf-8",
    )
    page.open(html)
    page.add_script(node_module("mermaid/dist/mermaid.min.js"))
    result: dict[str, object] = page.evaluate(RENDER, source)
    return result


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(("view", "node", "lang"), CASES, ids=lambda v: str(v))
def test_every_view_renders_in_mermaid(
    page: BrowserPage, tmp_path: Path, model: GovernanceModel, view: str, node: str | None, lang: str
) -> None:
    source = render(model, Request(view, node, at=AT, lang=lang), "mmd").decode()
    result = _mermaid(page, tmp_path, source)
    assert page.errors == []
    assert page.requests == []
    found = scene(model, Request(view, node, at=AT, lang=lang))
    assert result["nodes"] == len(found.nodes)
    assert result["edges"] == len(found.edges)
    # the text alternative is the diagram's accessible description
    assert ("The diagram shows" if lang == "en" else "Het diagram toont") in str(result["svg"])
    text = _squash(str(result["text"]))
    for item in found.nodes:
        assert _squash(item.label) in text, item.label
    for edge in found.edges:
        if edge.label:
            assert _squash(edge.label) in text


MARKDOWN = (
    "*nadruk* en _ook_ en **vet**",
    "`code` # kop",
    "[a](b) www.example.com a@b.nl $$x$$",
    "- lijst",
)


def test_hostile_labels_render_literally_in_mermaid(page: BrowserPage, tmp_path: Path) -> None:
    hostile = hostile_model(mra_graph.load())
    # Mermaid reads labels as Markdown too: none of it may take effect
    nodes = list(hostile.nodes)
    index = {n.id: i for i, n in enumerate(nodes)}
    for node_id, text in zip(
        ["mra", "regiegroep-mra", "agendacommissie-mra", "mra-agenda"], MARKDOWN, strict=True
    ):
        nodes[index[node_id]] = nodes[index[node_id]].model_copy(update={"name": text})
    hostile = GovernanceModel.model_validate(
        hostile.model_copy(update={"nodes": nodes}).model_dump(by_alias=True)
    )
    source = render(hostile, Request("focus", "mra-bureau", at=AT), "mmd").decode()
    result = _mermaid(page, tmp_path, source)
    assert page.errors == []
    assert result["scripts"] == 0
    assert result["bold"] == 0
    texts = result["texts"]
    assert isinstance(texts, dict)
    found = scene(hostile, Request("focus", "mra-bureau", at=AT))
    for item in found.nodes:
        # each node shows exactly its label (and status), character for character
        assert texts[mermaid_id(item.id)] == " · ".join((item.label, *item.notes))
    assert {n.label for n in found.nodes} >= set(MARKDOWN)


def test_the_svg_passes_axe_when_embedded_in_a_page(
    page: BrowserPage, tmp_path: Path, model: GovernanceModel
) -> None:
    svg = render(model, Request("overview", at=AT, views=model_views()), "svg").decode()
    body = svg.split("?>", 1)[1]
    html = tmp_path / "report.html"
    html.write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Rapport</title></head>'
        f"<body><main><h1>Overzicht</h1>{body}</main></body></html>",
        encoding="utf-8",
    )
    page.open(html)
    page.add_script(node_module("axe-core/axe.min.js"))
    violations = page.evaluate("axe.run().then(r => r.violations.map(v => v.id + ': ' + v.help))")
    assert violations == []
    # the accessible name of the picture is its title, its description the text alternative
    name = page.evaluate("document.querySelector('svg').getAttribute('aria-labelledby')")
    assert name == "diagram-title diagram-desc"
    assert page.evaluate("document.getElementById('diagram-title').textContent") == (
        "Overzicht samenhang bestuurlijke MRA-AM overleggen"
    )
    # a page finds a node by the id the module documents
    assert page.evaluate("document.getElementById('node-mra-bureau').querySelector('title').textContent") == (
        "MRA Bureau"
    )
    assert page.errors == []
    assert page.requests == []
