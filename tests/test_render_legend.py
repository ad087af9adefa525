"""Legends that tell the truth, read from the SVG as a reader sees it.

Every line sample in a legend must be drawn in the picture exactly as the sample shows
it (colour, opacity, width, dash pattern and arrowhead), and every line drawn must have
a sample that looks exactly like it. Every fill colour a node is drawn in has a sample of
that colour, and every node sample's colour is drawn. The looks are compared as Graphviz drew them, not
as the code meant them; the ``look-…`` class a line and its sample share only names the
look in a failure message.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

import mra_graph
from benchmarks.synthetic import national_model
from mra_graph.model.loading import load_text
from mra_graph.model.schema import GovernanceModel
from mra_graph.questions import queries
from mra_graph.render import Request, model_views, render, view_names

pytestmark = pytest.mark.exe

SVG = "{http://www.w3.org/2000/svg}"
EXAMPLE = Path(__file__).parent.parent / "examples" / "lindenwaard-veenhoven.json"

Look = tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]


def _look(group: ET.Element) -> Look:
    """A line as drawn: its strokes (colour, width, dashes, opacity) and its arrowheads
    (shape, corners, fill, outline, width)."""
    strokes: list[tuple[str, ...]] = []
    heads: list[tuple[str, ...]] = []
    for element in group.iter():
        tag = element.tag.removeprefix(SVG)
        if tag not in ("path", "polygon", "polyline", "ellipse"):
            continue
        width = element.get("stroke-width", "1")
        opacity = element.get("stroke-opacity", "1")
        if tag == "path" and element.get("fill") == "none":
            strokes.append((element.get("stroke", ""), width, element.get("stroke-dasharray", ""), opacity))
        else:
            corners = str(len(element.get("points", "").split()))
            fill = element.get("fill", "") + "/" + element.get("fill-opacity", "1")
            heads.append((tag, corners, fill, element.get("stroke", ""), width, opacity))
    return tuple(strokes), tuple(sorted(heads))


def legend_problems(svg: bytes) -> list[str]:
    """What the legend of ``svg`` says that the picture does not show, and the other way
    round; empty when the legend tells the truth."""
    root = ET.fromstring(svg)
    drawn: dict[Look, list[str]] = {}
    samples: dict[Look, list[str]] = {}
    for group in root.iter(f"{SVG}g"):
        ident = group.get("id", "")
        classes = group.get("class", "").split()
        if "edge" not in classes:
            continue
        look = next((c for c in classes if c.startswith("look-")), "no look class")
        if ident.startswith("edge-"):
            drawn.setdefault(_look(group), []).append(f"{ident} ({look})")
        elif ident.startswith("legend-"):
            samples.setdefault(_look(group), []).append(f"{ident} ({look})")
    problems = [f"legend sample drawn nowhere: {samples[k]}" for k in samples.keys() - drawn.keys()]
    problems += [f"lines with no legend sample: {drawn[k]}" for k in drawn.keys() - samples.keys()]
    problems += [f"samples that look alike: {v}" for v in samples.values() if len(v) > 1]
    return sorted(problems)


_PLAIN = {"", "none", "transparent", "#ffffff", "white"}
"""Fills that tell nothing apart: the page's own colour."""


def fill_problems(svg: bytes) -> list[str]:
    """Fill colours of nodes the legend has no sample of, and samples of colours no node
    is drawn in. A bundle's own grey box is left out: its heading says what it is, and the
    nodes listed in it keep their colours."""
    root = ET.fromstring(svg)
    drawn: dict[str, list[str]] = {}
    samples: dict[str, list[str]] = {}
    for group in root.iter(f"{SVG}g"):
        ident = group.get("id", "")
        if "node" not in group.get("class", "").split():
            continue
        shapes = [
            e for e in group.iter() if e.tag.removeprefix(SVG) in ("path", "polygon", "ellipse", "polyline")
        ]
        if ident.startswith("node-bundle-"):
            shapes = shapes[1:]
        fills = {e.get("fill", "") for e in shapes} - _PLAIN
        target = samples if ident.startswith("legend-") else drawn if ident.startswith("node-") else None
        if target is not None:
            for fill in fills:
                target.setdefault(fill, []).append(ident)
    problems = [f"node sample in a colour drawn nowhere: {samples[k]}" for k in samples.keys() - drawn.keys()]
    problems += [f"nodes in a colour with no sample: {drawn[k]}" for k in drawn.keys() - samples.keys()]
    return sorted(problems)


@cache
def _example() -> GovernanceModel:
    return mra_graph.load(EXAMPLE)


@cache
def _synthetic() -> GovernanceModel:
    return load_text(json.dumps(national_model(3)), "synthetic.json")


MODELS = {
    "bundled": (mra_graph.load, None, (dt.date(2016, 6, 1), dt.date(2017, 6, 1))),
    "example": (_example, EXAMPLE, (dt.date(2022, 6, 1), dt.date(2024, 6, 1))),
    "synthetic": (_synthetic, None, (dt.date(2015, 6, 1), dt.date(2024, 6, 1))),
}


def _requests(name: str) -> list[tuple[str, str | None]]:
    """Every view of the model; a view rooted at a node once for each body."""
    load, path, _ = MODELS[name]
    model = load()
    views = model_views(path) if path is not None else None
    bodies = sorted(n.id for n in model.nodes if n.kind.value == "body")
    if name == "synthetic":
        # a national model has hundreds of bodies alike: one of each type does
        by_type: dict[str | None, str] = {}
        for node in bodies:
            by_type.setdefault(model.nodes_by_id[node].type, node)
        bodies = sorted(by_type.values())
    found: list[tuple[str, str | None]] = []
    for view in view_names(model, views):
        if name == "synthetic" and view == "overview":
            continue  # half a minute of Graphviz: see test_the_synthetic_overview_tells_the_truth
        needs_node = view in ("orgchart", "focus", "chain")
        found += [(view, node) for node in bodies] if needs_node else [(view, None)]
    return found


def test_a_sample_drawn_nowhere_is_found() -> None:
    model = mra_graph.load()
    svg = render(model, Request("chain", "MRA Bureau", at=dt.date(2017, 6, 1)), "svg")
    assert legend_problems(svg) == []
    # a line left out of the picture leaves its sample alone in the legend
    root = ET.fromstring(svg)
    for parent in root.iter():
        for child in list(parent):
            if child.get("id", "").startswith("edge-agendacommissie-mra.steers"):
                parent.remove(child)
    problems = legend_problems(ET.tostring(root))
    assert len(problems) == 1
    assert problems[0].startswith("legend sample drawn nowhere: ['legend-steers-line")


def test_a_colour_without_a_sample_is_found() -> None:
    model = mra_graph.load()
    svg = render(model, Request("focus", "AM-team", at=dt.date(2017, 6, 1)), "svg")
    assert fill_problems(svg) == []
    # a node drawn in a colour of its own, which the legend does not explain
    root = ET.fromstring(svg)
    node = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "node-pho-am")
    next(e for e in node.iter() if e.tag == f"{SVG}path").set("fill", "#123456")
    assert fill_problems(ET.tostring(root)) == ["nodes in a colour with no sample: ['node-pho-am']"]


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_legend_tells_the_truth(name: str) -> None:
    load, path, days = MODELS[name]
    model = load()
    views = model_views(path) if path is not None else None
    wrong: dict[str, list[str]] = {}
    lines = 0
    for view, node in _requests(name):
        for day in days:
            if view == "chain" and node is not None and not queries.chains(model, node, day):
                continue  # a chain of one box is not drawn (exit 1, as 'chain' says)
            svg = render(model, Request(view, node, at=day, views=views), "svg")
            lines += svg.count(b'id="edge-')
            problems = legend_problems(svg) + fill_problems(svg)
            if problems:
                wrong[f"{view} {node or ''} {day}"] = problems
    assert lines > 0
    assert wrong == {}


@pytest.mark.slow
def test_the_synthetic_overview_tells_the_truth() -> None:
    svg = render(_synthetic(), Request("overview", at=dt.date(2015, 6, 1)), "svg")
    assert svg.count(b'id="edge-') > 100
    assert legend_problems(svg) == []


def test_a_qualifier_every_line_of_a_look_shares_is_said_once_in_the_legend() -> None:
    model = mra_graph.load()
    request = Request("orgchart", "MRA Bureau", at=dt.date(2017, 6, 1))
    dot = render(model, request, "dot").decode()
    lines = [line for line in dot.splitlines() if "edge-" in line and ".part_of.mra-bureau" in line]
    assert len(lines) == 4
    assert not any("afgeleid" in line.split("tooltip=")[0] for line in lines)
    # the tooltip keeps the whole label, and the legend says it once
    assert all("(afgeleid)" in line.split("tooltip=")[1] for line in lines)
    assert "<maakt deel uit van (afgeleid)>" in dot
    assert legend_problems(render(model, request, "svg")) == []


def _with_members(count: int) -> GovernanceModel:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    source = [{"document": "regeling-lindenwaard-veenhoven", "section": "Algemeen bestuur"}]
    for index in range(count):
        node = f"wethouder-{index}"
        data["nodes"].append(
            {"id": node, "kind": "role", "type": "post", "name": f"wethouder {index}", "sources": source}
        )
        data["relations"].append(
            {
                "id": f"{node}.member_of.stuurgroep-lv",
                "kind": "member_of",
                "from": node,
                "to": "stuurgroep-lv",
                "sources": source,
            }
        )
    return load_text(json.dumps(data), "members.json")


def test_an_orgchart_puts_many_members_in_several_rows() -> None:
    model = _with_members(8)
    svg = render(model, Request("orgchart", "stuurgroep-lv", at=dt.date(2024, 6, 1)), "svg")
    root = ET.fromstring(svg)
    rows: set[float] = set()
    for group in root.iter(f"{SVG}g"):
        if group.get("id", "").startswith("node-wethouder-"):
            text = next(group.iter(f"{SVG}text"))
            rows.add(round(float(text.get("y", "0"))))
    # nine ends under the body (eight members and the delegate) in rows of at most four
    assert len(rows) == 3
    width = float(root.get("width", "0pt").removesuffix("pt"))
    assert width < 1000
