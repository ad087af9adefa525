"""The invented example model in examples/: every command works on a model that is not
the bundled one, and its diagrams are drawn from the model alone (no view file)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import mra_graph
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.views import view_file_for
from mra_graph.render import Request, model_views, render, scene, view_names

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "lindenwaard-veenhoven.json"
SOURCES = ROOT / "examples" / "bronnen"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("MRA_GRAPH_UPDATE_GOLDEN"))
AT = dt.date(2024, 6, 1)
Cli = Callable[..., Result]


@pytest.fixture(scope="module")
def example() -> GovernanceModel:
    return mra_graph.load(EXAMPLE)


def _run(cli: Cli, *args: str) -> Result:
    return cli("--model", str(EXAMPLE), "--at", AT.isoformat(), *args)


def test_the_example_says_it_is_invented(example: GovernanceModel) -> None:
    assert "fictief" in example.title
    assert "invented" in (example.title_en or "")
    for document in example.documents:
        text = (SOURCES / document.file).read_text(encoding="utf-8")
        assert text.startswith("FICTIEF VOORBEELD")
    assert "invented" in (ROOT / "examples" / "README.md").read_text(encoding="utf-8")


def test_the_example_has_no_view_file_of_its_own() -> None:
    # its diagrams must come from the model and the bundled views alone
    assert not view_file_for(EXAMPLE).exists()
    assert model_views(EXAMPLE).own == {}


def test_check_with_the_invented_sources(cli: Cli) -> None:
    result = cli("--model", str(EXAMPLE), "check", "--sources", str(SOURCES))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{EXAMPLE}: geldig (23 onderdelen, 32 relaties, 1 tabel met cijfers, "
        "1 tegenstrijdigheid, 0 dubbelzinnigheden, 9 afgeleide feiten, citaten vergeleken met de bronnen)\n"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(("list", "--region", "vs"), "stuurgroep-vs", id="list"),
        pytest.param(("show", "Veenstreekteam"), "ondersteunt                Stuurgroep (VS)", id="show"),
        pytest.param(
            ("ask", "wie ondersteunt de stuurgroep?"),
            "Stuurgroep (LV) wordt ondersteund door:\n"
            "  - regiobureau  [regiobureau-lv.supports.stuurgroep-lv]\n\n"
            "Stuurgroep (VS) (betwist) wordt ondersteund door:\n"
            "  - Veenstreekteam  [veenstreekteam.supports.stuurgroep-vs]",
            id="ask-same-named",
        ),
        pytest.param(
            ("--lang", "en", "ask", "who chairs the Stuurgroep (VS)?"),
            "mayor of Veenhoven",
            id="ask-english",
        ),
        pytest.param(
            ("chain", "regiobureau"),
            "wordt gecontroleerd door  gemeenteraden",
            id="chain",
        ),
        pytest.param(
            ("query", "commissions", "--to", "regiobureau"),
            "  - Ambtelijk overleg (LV) (ambtelijk)  [ambtelijk-overleg-lv.commissions.regiobureau-lv]\n"
            "  - Stuurgroep (LV) (bestuurlijk)  [stuurgroep-lv.commissions.regiobureau-lv]",
            id="query",
        ),
        pytest.param(("members", "Stuurgroep (VS)"), "  - burgemeester: 3 (lid, betwist)", id="members"),
        pytest.param(
            ("path", "Veenstreekteam", "regiobureau"),
            "verzorgt de aanhaking bij  Samenwerkingsverband Lindenwaard-Veenhoven",
            id="path",
        ),
        pytest.param(
            ("formation",), "totaal regiobureau     5   6,5      +1,5          +1,5  ja", id="formation"
        ),
        pytest.param(
            ("diff", "2023-06-01", "2025-06-01"),
            "Actief geworden:\n  - thematafel Mobiliteit (gepland → actief)",
            id="diff",
        ),
    ],
)
def test_every_question_command(cli: Cli, args: tuple[str, ...], expected: str) -> None:
    result = _run(cli, *args)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_the_diff_shows_what_ended(cli: Cli) -> None:
    result = _run(cli, "diff", "2023-06-01", "2024-06-01")
    assert (
        "Beëindigd:\n  - Ambtelijk overleg (LV) stuurt regiobureau aan (actief → beëindigd)" in result.stdout
    )


# --- diagrams -------------------------------------------------------------------------

VIEWS = [
    ("overview", None),
    ("overview-lv", None),
    ("overview-vs", None),
    ("orgchart", "Samenwerkingsverband Lindenwaard-Veenhoven"),
    ("focus", "Veenstreekteam"),
    ("chain", "regiobureau"),
]


def _golden(view: str, node: str | None, lang: str, fmt: str) -> Path:
    parts = ["example", view, *([re.sub(r"[^a-z0-9]+", "-", node.lower())] if node else []), lang]
    return GOLDEN / f"{'-'.join(parts)}-{AT.isoformat()}.{fmt}"


def test_every_view_of_the_example_is_pinned(example: GovernanceModel) -> None:
    assert {view for view, _ in VIEWS} == set(view_names(example))


@pytest.mark.parametrize(("view", "node"), VIEWS, ids=[v for v, _ in VIEWS])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["dot", "mmd"])
def test_golden(example: GovernanceModel, view: str, node: str | None, lang: str, fmt: str) -> None:
    data = render(example, Request(view, node, at=AT, lang=lang, views=model_views(EXAMPLE)), fmt)
    path = _golden(view, node, lang, fmt)
    if UPDATE:
        path.write_bytes(data)
    assert path.is_file(), f"{path.name} is missing; run with MRA_GRAPH_UPDATE_GOLDEN=1 to write it"
    assert data == path.read_bytes(), f"{path.name} changed; if that is intended, MRA_GRAPH_UPDATE_GOLDEN=1"


def test_the_overview_comes_from_the_model(example: GovernanceModel) -> None:
    found = scene(example, Request("overview", at=AT))
    assert found.title == "Samenwerkingsverband Lindenwaard-Veenhoven (fictief voorbeeld)"
    assert found.subtitle == "Stand op 2024-06-01"
    english = scene(example, Request("overview", at=AT, lang="en"))
    assert english.title == "Lindenwaard-Veenhoven Partnership (invented example)"
    # the partnership above its subregion, each region headed by its cooperation
    assert [c.id for c in found.clusters] == ["lv", "vs"]
    assert [c.look for c in found.clusters] == [0, 1]  # by id: lv, vs
    assert found.ranks[0] == ("gemeenteraden-lv", "lv")
    assert dict(found.region_nodes) == {"lv": "lv", "veenstreekoverleg": "vs"}
    level = {node: i for i, rank in enumerate(found.ranks) for node in rank}
    assert level["lv"] < level["stuurgroep-lv"] < level["regiobureau-lv"]
    assert level["regiobureau-lv"] < level["veenstreekoverleg"] < level["stuurgroep-vs"]
    # every body and organisation, and the roles that sit in, chair or support them
    bodies = {n.id for n in example.nodes if n.kind.value in ("body", "organisation")}
    roles = {"wethouder-lv", "gemeentesecretaris-lv", "burgemeester-vs", "burgemeester-veenhoven"}
    assert bodies | roles | {"afgevaardigde-vs-in-lv"} == {n.id for n in found.nodes}
    # the theme tables are drawn inside their group, and take no level of their own
    inside = {n.id for n in found.nodes if n.inside == "thematafels-lv"}
    assert inside == {"thematafel-water-lv", "thematafel-energie-lv", "thematafel-mobiliteit-lv"}
    assert not inside & set(level)


def test_a_region_overview_keeps_its_colour(example: GovernanceModel) -> None:
    found = scene(example, Request("overview-vs", at=AT))
    assert found.title == "Organen en organisaties van Veenstreek"
    assert [(c.id, c.look) for c in found.clusters] == [("vs", 1)]
    assert "regiobureau-lv" not in {n.id for n in found.nodes}


def test_same_named_bodies_and_counts(example: GovernanceModel) -> None:
    found = scene(example, Request("overview", at=AT))
    labels = {n.id: n.label for n in found.nodes}
    assert (labels["stuurgroep-lv"], labels["stuurgroep-vs"]) == ("Stuurgroep (LV)", "Stuurgroep (VS)")
    edges = {e.id: e.label for e in found.edges}
    # the count is disputed between the two sources
    assert edges["burgemeester-vs.member_of.stuurgroep-vs"] == "3 burgemeesters, betwist"
    assert edges["gemeentesecretaris-lv.member_of.ambtelijk-overleg-lv"] == "6 gemeentesecretarissen"
    english = {e.id: e.label for e in scene(example, Request("overview", at=AT, lang="en")).edges}
    assert english["wethouder-lv.member_of.algemeen-bestuur-lv"] == "1 per municipality"


def _inside(root: ET.Element) -> list[str]:
    """The texts drawn outside the picture's own width and height."""
    width = float(root.get("width", "0").removesuffix("pt"))
    height = float(root.get("height", "0").removesuffix("pt"))
    # Graphviz draws everything in one group moved by translate(x y), with y upwards
    group = root.find("{http://www.w3.org/2000/svg}g")
    moved = re.search(
        r"translate\(([-\d.]+) ([-\d.]+)\)", group.get("transform", "") if group is not None else ""
    )
    assert moved is not None
    dx, dy = float(moved.group(1)), float(moved.group(2))
    outside = []
    for text in root.iter("{http://www.w3.org/2000/svg}text"):
        x, y = float(text.get("x", "0")) + dx, float(text.get("y", "0")) + dy
        if not (0 <= x <= width and 0 <= y <= height):
            outside.append(text.text or "")
    return outside


@pytest.mark.exe
@pytest.mark.parametrize(("view", "node"), VIEWS, ids=[v for v, _ in VIEWS])
def test_the_pictures_hold_every_node_and_nothing_outside(
    example: GovernanceModel, view: str, node: str | None
) -> None:
    svg = render(example, Request(view, node, at=AT), "svg")
    root = ET.fromstring(svg)
    ids = {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
    found = scene(example, Request(view, node, at=AT))
    for shown in found.nodes:
        if shown.inside is None:
            assert f"node-{shown.id}" in ids
    assert "legend" in ids
    assert _inside(root) == []
    assert render(example, Request(view, node, at=AT), "png").startswith(b"\x89PNG")


def test_the_legend_lists_what_the_overview_draws(example: GovernanceModel) -> None:
    dot = render(example, Request("overview", at=AT), "dot").decode()
    legend = dot[dot.index("subgraph cluster_legend") :]
    for verb in ("is opdrachtgever van", "ondersteunt", "bereidt voor", "verzorgt de aanhaking bij"):
        assert verb in legend
    assert "beëindigd" in legend  # the ended steering line
    assert "is gehuisvest in" not in legend  # housing is not an overview line


# --- reports and exports --------------------------------------------------------------


@pytest.mark.parametrize("name", ["rapport.html", "rapport.md"])
def test_report(cli: Cli, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    result = _run(cli, "report", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Samenwerkingsverband Lindenwaard-Veenhoven (fictief voorbeeld)" in text
    assert "Stuurgroep (VS)" in text
    assert "Formatie regiobureau" in text


@pytest.mark.parametrize(
    "fmt",
    [
        "csv",
        "graphml",
        "turtle",
        "jsonld",
        "popolo",
        "neo4j",
        pytest.param("archimate", marks=pytest.mark.exe),
    ],
)
def test_every_export(cli: Cli, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / ("out" if fmt in ("csv", "neo4j") else f"out.{fmt}")
    result = _run(cli, "export", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    written = [p for p in target.rglob("*") if p.is_file()] if target.is_dir() else [target]
    assert written
    assert any("veenstreekteam" in p.read_text(encoding="utf-8-sig") for p in written)


@pytest.mark.parametrize(("fmt", "name"), [("csv", "out"), ("popolo", "out.json")])
def test_export_and_import_give_a_valid_model(cli: Cli, tmp_path: Path, fmt: str, name: str) -> None:
    assert _run(cli, "export", fmt, "-o", str(tmp_path / name)).exit_code == 0
    back = tmp_path / "back.json"
    result = cli("import", fmt, str(tmp_path / name), "-o", str(back))
    assert result.exit_code == 0, result.output
    assert cli("--model", str(back), "check").exit_code == 0
    if fmt == "csv":
        assert json.loads(back.read_text(encoding="utf-8")) == json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_a_model_without_regions_is_drawn_in_levels_without_clusters() -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["regions"] = []
    for node in data["nodes"]:
        node.pop("region", None)
    model = mra_graph.load_text(json.dumps(data))
    assert view_names(model) == ["chain", "focus", "orgchart", "overview"]
    found = scene(model, Request("overview", at=AT))
    assert found.clusters == ()
    assert found.region_nodes == ()
    level = {node: i for i, rank in enumerate(found.ranks) for node in rank}
    assert level["lv"] == 0
    assert level["lv"] < level["veenstreekoverleg"] < level["stuurgroep-vs"] < level["veenstreekteam"]
