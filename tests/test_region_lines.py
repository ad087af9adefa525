"""A region's own view leaves out its lines to other regions, and says so: its subtitle
counts them, its text alternative lists them, and a printed report lists each once, so
that nothing the whole overview draws is lost on the regions' pages."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from mra_graph.model.schema import GovernanceModel
from mra_graph.render import Request, Views, build_scene, description, load_views
from mra_graph.render.dot import legend_columns
from mra_graph.report import render_report
from mra_graph.report.diagram import region_views
from tests.test_print_size import CASES

pytestmark = pytest.mark.exe

WITH_REGIONS = ["bundled", "example", "synthetic"]


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


def test_the_subtitle_counts_the_lines_and_names_the_region_in_each_language() -> None:
    case = CASES["example"]
    model = case.model
    first, second = model.regions[0], model.regions[1]
    for lang, text in (("nl", f"lijnen naar {second.name} niet getekend"), ("en", "lines to ")):
        scene = build_scene(model, f"overview-{first.id}", at=case.at, lang=lang, views=case.views)
        count = len(scene.across)
        assert count >= 2
        assert f" · {count} {text}" in scene.subtitle
        if lang == "en":
            assert scene.subtitle.endswith(f"{second.name_en or second.name} not drawn")
    # the whole overview draws them, and says nothing of lines left out
    whole = build_scene(model, "overview", at=case.at, views=case.views)
    assert whole.across == ()
    assert "niet getekend" not in whole.subtitle


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


def test_a_legend_under_a_large_picture_takes_the_fewest_rows_its_width_allows() -> None:
    scene = build_scene(
        CASES["bundled"].model, "overview", at=CASES["bundled"].at, views=CASES["bundled"].views
    )
    short = [f"e{i}" for i in range(13)]
    assert legend_columns(scene, short) == 7  # two rows, not three of five
    assert legend_columns(scene, short[:10]) == 5  # two rows either way: the narrower
    long = ["x" * 40] * 13
    assert legend_columns(scene, long) == 5  # seven would make a row wider than the picture
