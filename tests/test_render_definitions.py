"""The views a model sees: bundled views, one per region, and a model's own view file."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import mra_graph
from mra_graph.errors import RenderError, UsageError
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.views import view_file_for
from mra_graph.model.vocabulary import bundled_model_path
from mra_graph.render import Request, model_views, render, scene

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "lindenwaard-veenhoven.json"
AT = dt.date(2024, 6, 1)
Cli = Callable[..., Result]


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    path = tmp_path / "regio.json"
    shutil.copyfile(EXAMPLE, path)
    return path


def _own(path: Path, content: object) -> None:
    text = content if isinstance(content, str) else json.dumps(content)
    view_file_for(path).write_text(text, encoding="utf-8")


def test_the_view_file_sits_beside_the_model(tmp_path: Path) -> None:
    assert view_file_for(tmp_path / "regio.json") == tmp_path / "regio.views.json"
    assert view_file_for(None) == bundled_model_path().with_name("organen.views.json")


def test_the_bundled_model_keeps_its_caption_and_levels(model: GovernanceModel) -> None:
    views = model_views()
    found = scene(model, Request("overview", at=dt.date(2017, 6, 1), views=views))
    assert found.title == "Overzicht samenhang bestuurlijke MRA-AM overleggen"
    assert found.ranks[0] == ("colleges-mra", "raden-en-staten", "mra")
    # without its view file it is drawn as any model is
    derived = scene(model, Request("overview", at=dt.date(2017, 6, 1)))
    assert derived.title == model.title
    assert derived.ranks != found.ranks


def test_a_view_file_changes_fields_of_a_view(example_copy: Path) -> None:
    _own(
        example_copy,
        {
            "overview": {
                "title": {"nl": "Mijn eigen titel", "en": "My own title"},
                "ranks": [["lv", "gemeenteraden-lv"], ["stuurgroep-lv", "algemeen-bestuur-lv"]],
            },
            "overview-vs": {"title": {"nl": "Alleen de {region}", "en": "Only the {region}"}},
        },
    )
    model = mra_graph.load(example_copy)
    views = model_views(example_copy)
    found = scene(model, Request("overview", at=AT, views=views))
    assert found.title == "Mijn eigen titel"
    assert found.subtitle == f"{model.title} · Stand op 2024-06-01"
    assert found.ranks == (("lv", "gemeenteraden-lv"), ("stuurgroep-lv", "algemeen-bestuur-lv"))
    assert scene(model, Request("overview-vs", at=AT, views=views, lang="en")).title == "Only the Veenstreek"
    # the other fields stay the bundled view's
    assert {c.id for c in found.clusters} == {"lv", "vs"}


def test_a_view_file_may_add_a_whole_view(example_copy: Path, model: GovernanceModel) -> None:
    whole = {
        "title": {"nl": "Teams", "en": "Teams"},
        "about": {"nl": "de teams", "en": "the teams"},
        "needs_node": False,
        "select": {"kinds": ["body"], "include": []},
        "derive_levels": True,
    }
    _own(example_copy, {"teams": whole, "half": {"title": {"nl": "x", "en": "x"}}})
    model = mra_graph.load(example_copy)
    views = model_views(example_copy)
    assert "teams" in views.names(model)
    assert scene(model, Request("teams", at=AT, views=views)).title == "Teams"
    with pytest.raises(RenderError, match=r"regio\.views\.json /half/about: Field required"):
        scene(model, Request("half", at=AT, views=views))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "regio.views.json: cannot be read: Expecting property name"),
        ("[]", "regio.views.json: must hold an object of views, each an object of fields"),
        ('{"overview": 3}', "regio.views.json: must hold an object of views, each an object of fields"),
        ('{"overview": {"colour": "red"}}', "regio.views.json: 'colour' is no field of a view"),
    ],
)
def test_a_broken_view_file_is_a_one_line_error(example_copy: Path, content: str, message: str) -> None:
    _own(example_copy, content)
    with pytest.raises(RenderError) as raised:
        model_views(example_copy)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_wrong_value_names_the_view_and_field(example_copy: Path) -> None:
    _own(example_copy, {"overview": {"ranks": "lv"}})
    model = mra_graph.load(example_copy)
    with pytest.raises(
        RenderError, match=r"regio\.views\.json /overview/ranks: Input should be a valid list"
    ):
        scene(model, Request("overview", at=AT, views=model_views(example_copy)))


def test_region_views_follow_the_model(model: GovernanceModel) -> None:
    example = mra_graph.load(EXAMPLE)
    assert (
        scene(example, Request("overview-lv", at=AT)).title
        == "Organen en organisaties van Lindenwaard-Veenhoven"
    )
    with pytest.raises(
        UsageError, match=r"unknown view 'overview-am'; the views are .*overview-lv, overview-vs$"
    ):
        scene(example, Request("overview-am", at=AT))
    with pytest.raises(UsageError, match="unknown view 'overview-lv'"):
        scene(model, Request("overview-lv", at=AT))
    # the template itself is no view
    with pytest.raises(UsageError, match=r"unknown view 'overview-\{region\}'"):
        scene(example, Request("overview-{region}", at=AT))


def test_a_view_needing_a_node_names_one_of_the_model(cli: Cli) -> None:
    result = cli("--lang", "en", "--model", str(EXAMPLE), "render", "focus", "-o", "x.dot")
    assert result.exit_code == 2
    assert "Error: the view 'focus' needs a node, e.g. focus 'algemeen bestuur'" in result.stderr


# --- a model with nothing to draw ----------------------------------------------------


@pytest.fixture
def no_bodies(tmp_path: Path) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["nodes"] = [n for n in data["nodes"] if n["kind"] == "place"]
    data["relations"], data["figures"], data["conflicts"] = [], [], []
    path = tmp_path / "leeg.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_overview_with_nothing_to_draw_is_an_error(cli: Cli, no_bodies: Path, tmp_path: Path) -> None:
    target = tmp_path / "leeg.dot"
    result = cli("--model", str(no_bodies), "--lang", "en", "render", "overview", "-o", str(target))
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: the view 'overview' has nothing to draw: the model has no body or organisation\n"
    )
    # in the model's own language by default
    dutch = cli("--model", str(no_bodies), "render", "overview", "-o", str(target))
    assert dutch.stderr == (
        "Fout: de weergave 'overview' heeft niets te tekenen: het model heeft geen orgaan of organisatie\n"
    )
    assert not target.exists()
    region = cli("--model", str(no_bodies), "--lang", "en", "render", "overview-vs", "-o", str(target))
    assert region.exit_code == 1
    assert "the model has no body or organisation in region vs" in region.stderr


def test_nothing_active_to_draw_is_an_error(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    # everything begins in 2020 (or later), so in 2000 nothing is active yet
    for item in [*data["nodes"], *data["relations"]]:
        item.setdefault("valid_from", "2020-01-01")
    model = mra_graph.load_text(json.dumps(data))
    with pytest.raises(RenderError, match="no body or organisation is active on 2000-01-01"):
        render(model, Request("overview", at=dt.date(2000, 1, 1), active_only=True, lang="en"), "dot")
    # without --active-only it is drawn, everything planned
    assert render(model, Request("overview", at=dt.date(2000, 1, 1)), "dot")
    assert render(model, Request("overview", at=AT, active_only=True), "dot")


def test_check_reads_the_view_file_beside_the_model(cli: Cli, example_copy: Path) -> None:
    assert cli("--model", str(example_copy), "check").exit_code == 0
    _own(example_copy, {"overview": {"ranks": "lv"}})
    result = cli("--model", str(example_copy), "check")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {view_file_for(example_copy)} /overview/ranks: Input should be")
    _own(example_copy, "{")
    assert "regio.views.json: cannot be read" in cli("--model", str(example_copy), "check").stderr


@pytest.mark.parametrize(
    ("own", "message"),
    [
        pytest.param(
            {"overview": {"ranks": [["lv"], ["regiobureau"]]}},
            "/overview/ranks/1/0: unknown node 'regiobureau'",
            id="rank",
        ),
        pytest.param(
            {"overview-vs": {"cluster_of": {"lv": "zuid"}}},
            "/overview-vs: unknown region 'zuid'",
            id="region",
        ),
    ],
)
def test_check_names_what_the_view_file_gets_wrong(
    cli: Cli, example_copy: Path, own: dict[str, object], message: str
) -> None:
    _own(example_copy, own)
    result = cli("--lang", "en", "--model", str(example_copy), "check")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {view_file_for(example_copy)} {message}\n"


def test_the_bundled_view_file_passes_check(model: GovernanceModel) -> None:
    model_views().check(model)


# --- a region of organisations only --------------------------------------------------


def district_model() -> GovernanceModel:
    """An invented safety region: its board in one region, a district of six
    municipalities that are members of it, and a district with nothing in it but a place."""
    doc = "regeling"

    def source(quote: str) -> list[dict[str, str]]:
        return [{"document": doc, "section": "Leden", "quote": quote}]

    towns = ["Aa", "Bee", "Cee", "Dee", "Ee", "Eff"]
    data = {
        "title": "Veiligheidsregio Voorbeeld",
        "documents": [
            {"id": doc, "title": "Regeling", "file": "regeling.txt", "period": "2024", "sections": ["Leden"]}
        ],
        "regions": [
            {"id": "vr", "name": "Veiligheidsregio", "short": "VR", "sources": source("de regio")},
            {"id": "noord", "name": "District Noord", "short": "N", "sources": source("district Noord")},
            {"id": "zuid", "name": "District Zuid", "short": "Z", "sources": source("district Zuid")},
        ],
        "nodes": [
            {
                "id": "ab",
                "kind": "body",
                "type": "council",
                "name": "algemeen bestuur",
                "region": "vr",
                "sources": source("het algemeen bestuur"),
            },
            *[
                {
                    "id": f"gemeente-{t.lower()}",
                    "kind": "organisation",
                    "type": "local_authority",
                    "name": f"gemeente {t}",
                    "region": "noord",
                    "sources": source(f"gemeente {t}"),
                }
                for t in towns
            ],
            {
                "id": "kazerne",
                "kind": "place",
                "type": "building",
                "name": "kazerne",
                "region": "zuid",
                "sources": source("de kazerne"),
            },
        ],
        "relations": [
            {
                "id": f"gemeente-{t.lower()}.member_of.ab",
                "kind": "member_of",
                "from": f"gemeente-{t.lower()}",
                "to": "ab",
                "sources": source(f"gemeente {t}"),
            }
            for t in towns
        ],
    }
    return mra_graph.load_text(json.dumps(data))


def test_a_district_of_municipalities_has_an_overview() -> None:
    district = district_model()
    found = scene(district, Request("overview-noord", at=AT))
    assert len([n for n in found.nodes if n.id.startswith("gemeente-")]) == 6
    assert found.title == "Organen en organisaties van District Noord"
    whole = scene(district, Request("overview", at=AT))
    assert {n.id for n in whole.nodes} >= {"ab", "gemeente-aa", "gemeente-eff"}


def test_a_region_with_nothing_to_draw_is_no_view_of_the_model() -> None:
    district = district_model()
    names = model_views().names(district)
    assert {"overview-noord", "overview-vr"} <= set(names)
    assert "overview-zuid" not in names
    with pytest.raises(RenderError, match="the model has no body or organisation in region zuid") as caught:
        scene(district, Request("overview-zuid", at=AT, lang="en"))
    assert "the views are" not in str(caught.value)
    with pytest.raises(UsageError, match="the views are") as unknown:
        scene(district, Request("landkaart", at=AT))
    assert "overview-zuid" not in str(unknown.value)
    assert "overview-noord" in str(unknown.value)
