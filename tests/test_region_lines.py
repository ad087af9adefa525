"""A region's own view leaves out its lines to other regions, and says so: its subtitle
counts them, its text alternative lists them, and a printed report lists each once, so
that nothing the whole overview draws is lost on the regions' pages."""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET

import pytest

from mra_graph.model.schema import GovernanceModel
from mra_graph.render import Request, Views, build_scene, description, load_views, render
from mra_graph.report import render_report
from mra_graph.report.diagram import region_views
from tests.test_print_size import CASES

pytestmark = pytest.mark.exe

WITH_REGIONS = ["bundled", "example", "synthetic"]
SVG = "{http://www.w3.org/2000/svg}"


def _scene_lines(
    model: GovernanceModel, view: str, at: dt.date, views: Views | None
) -> tuple[set[str], set[str]]:
    scene = build_scene(model, view, at=at, views=views)
    return {e.id for e in scene.edges}, {e.id for e in scene.across}


@pytest.mark.parametrize("name", WITH_REGIONS)
def test_every_line_of_the_whole_overview_is_on_a_region_page_or_listed(name: str) -> None:
    case = CASES[name]
    whole, _ = _scene_lines(case.model, "overview", case.at, case.views)
    drawn: set[str] = set()
    listed: set[str] = set()
    for view in region_views(case.model, case.views):
        on_page, across = _scene_lines(case.model, view, case.at, case.views)
        assert not on_page & across
        drawn |= on_page
        listed |= across
    assert listed, "the model has lines between its regions"
    assert whole <= drawn | listed, sorted(whole - drawn - listed)


@pytest.mark.parametrize("name", WITH_REGIONS)
def test_a_listed_line_joins_a_node_drawn_to_a_node_of_another_region(name: str) -> None:
    case = CASES[name]
    model = case.model
    for view in region_views(model, case.views):
        scene = build_scene(model, view, at=case.at, views=case.views)
        drawn = {n.id for n in scene.nodes}
        region = (case.views or Views(load_views())).get(view, model).region
        assert region is not None
        for edge in scene.across:
            assert (edge.source in drawn) != (edge.target in drawn), edge.id
            other = model.nodes_by_id[edge.target if edge.source in drawn else edge.source]
            assert other.region is not None
            assert other.region != region


def test_the_legend_counts_the_lines_and_names_the_region_in_each_language() -> None:
    case = CASES["example"]
    model = case.model
    first, second = model.regions[0], model.regions[1]
    for lang, text in (
        ("nl", f"lijnen naar {second.name} niet getekend"),
        ("en", f"lines to {second.name_en or second.name} not drawn"),
    ):
        request = Request(f"overview-{first.id}", at=case.at, lang=lang, views=case.views)
        scene = build_scene(model, request.view, at=case.at, lang=lang, views=case.views)
        count = len(scene.across)
        assert count >= 2
        svg = ET.fromstring(render(model, request, "svg"))
        entry = next(g for g in svg.iter(f"{SVG}g") if g.get("id") == "legend-across")
        assert "".join(entry.itertext()).strip() == f"{count} {text}"
        # the last entry of the legend, and in no other part of the picture
        legend = [g.get("id") for g in svg.iter(f"{SVG}g") if (g.get("id") or "").startswith("legend-")]
        assert legend[-1] == "legend-across"
        assert text not in scene.subtitle
    # the whole overview draws them, and its legend says nothing of lines left out
    whole = build_scene(model, "overview", at=case.at, views=case.views)
    assert whole.across == ()
    drawn = render(model, Request("overview", at=case.at, views=case.views), "svg")
    assert b"legend-across" not in drawn


def test_the_text_alternative_lists_the_lines_left_out() -> None:
    case = CASES["bundled"]
    for view in region_views(case.model, case.views):
        request = Request(view, at=case.at, views=case.views)
        parts = description(case.model, request)
        scene = build_scene(case.model, view, at=case.at, views=case.views)
        assert len(parts.across) == len(scene.across) > 0
        assert parts.across_head.startswith("Lijnen naar ")
        assert parts.text().splitlines()[-1] == f"{parts.across_head}: " + "; ".join(parts.across) + "."


@pytest.mark.parametrize("name", WITH_REGIONS)
def test_the_printed_report_lists_each_line_between_regions_once(name: str) -> None:
    case = CASES[name]
    page = render_report(case.model, "html", at=case.at, views=case.views)[""].decode("utf-8")
    found = re.search(r'<ul class="across">(.*?)</ul>', page, re.DOTALL)
    assert found
    items = [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", found.group(1))]
    expected: dict[str, None] = {}
    for view in region_views(case.model, case.views):
        expected.update(
            dict.fromkeys(description(case.model, Request(view, at=case.at, views=case.views)).across)
        )
    assert items == list(expected)
    assert len(items) == len(set(items))


def test_a_report_without_region_pages_lists_nothing() -> None:
    case = CASES["small"]
    page = render_report(case.model, "html", at=case.at, views=case.views)[""].decode("utf-8")
    assert 'class="across"' not in page
