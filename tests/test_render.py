"""Views as data: what each view selects, its DOT and Mermaid (pinned by golden files),
and that no model text can break out of a label."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import mra_graph
from mra_graph.errors import AmbiguousNameError, UnknownNameError, UnknownRelationKindError, UsageError
from mra_graph.model.schema import GovernanceModel
from mra_graph.render import Request, build_view, describe, model_views, render, scene, view_names
from mra_graph.render.labels import html_text, wrap
from mra_graph.render.mermaid import mermaid_id, mermaid_text
from tests.hostile import HOSTILE, hostile_model

GOLDEN = Path(__file__).parent / "golden"
AT = dt.date(2017, 6, 1)
UPDATE = bool(os.environ.get("MRA_GRAPH_UPDATE_GOLDEN"))
# the bundled model as the command line draws it: with its own view file (organen.views.json)
VIEWS = model_views()

# every view at least once, and the overview in both languages and before the bureau began
CASES = [
    ("overview", None, "nl", AT),
    ("overview", None, "en", AT),
    ("overview", None, "nl", dt.date(2016, 6, 1)),
    ("orgchart", "MRA Bureau", "nl", AT),
    ("orgchart", "am-overleg", "en", AT),
    ("focus", "AM-team", "nl", AT),
    ("chain", "MRA Bureau", "nl", AT),
    ("overview-mra", None, "nl", AT),
    ("overview-am", None, "en", AT),
]
# the views as any model gets them, without a view file of its own: levels derived
DERIVED = [
    ("overview", None, "nl", AT),
    ("overview", None, "en", dt.date(2016, 6, 1)),
    ("overview-am", None, "nl", AT),
    ("overview-mra", None, "en", AT),
]


def _golden_name(view: str, node: str | None, lang: str, at: dt.date) -> str:
    parts = [view, *([re.sub(r"[^a-z0-9]+", "-", node.lower())] if node else []), lang, at.isoformat()]
    return "-".join(parts)


def _check_golden(path: Path, data: bytes) -> None:
    if UPDATE:
        path.write_bytes(data)
    assert path.is_file(), f"{path.name} is missing; run with MRA_GRAPH_UPDATE_GOLDEN=1 to write it"
    assert data == path.read_bytes(), f"{path.name} changed; if that is intended, MRA_GRAPH_UPDATE_GOLDEN=1"


@pytest.mark.parametrize(("view", "node", "lang", "at"), CASES, ids=lambda v: str(v))
@pytest.mark.parametrize("fmt", ["dot", "mmd"])
def test_golden(
    model: GovernanceModel, view: str, node: str | None, lang: str, at: dt.date, fmt: str
) -> None:
    data = render(model, Request(view, node, at=at, lang=lang, views=VIEWS), fmt)
    _check_golden(GOLDEN / f"{_golden_name(view, node, lang, at)}.{fmt}", data)


@pytest.mark.parametrize(("view", "node", "lang", "at"), DERIVED, ids=lambda v: str(v))
@pytest.mark.parametrize("fmt", ["dot", "mmd"])
def test_golden_derived(
    model: GovernanceModel, view: str, node: str | None, lang: str, at: dt.date, fmt: str
) -> None:
    data = render(model, Request(view, node, at=at, lang=lang), fmt)
    _check_golden(GOLDEN / f"derived-{_golden_name(view, node, lang, at)}.{fmt}", data)


def test_every_view_has_a_golden_file(model: GovernanceModel) -> None:
    # test_golden fails for a case whose file is missing; here, every view must have a case
    assert {view for view, *_ in CASES} == set(view_names(model, VIEWS))
    pinned = {p.stem for p in GOLDEN.glob("*.dot")} & {p.stem for p in GOLDEN.glob("*.mmd")}
    expected = {_golden_name(*case) for case in CASES} | {f"derived-{_golden_name(*c)}" for c in DERIVED}
    assert pinned == expected | {p for p in pinned if p.startswith("example-")}


def test_output_is_the_same_on_every_run(model: GovernanceModel) -> None:
    fresh = mra_graph.load()
    for fmt in ("dot", "mmd"):
        assert render(model, Request("overview", at=AT), fmt) == render(
            fresh, Request("overview", at=AT), fmt
        )


def test_view_names_come_from_the_view_file(model: GovernanceModel) -> None:
    views = json.loads((Path(__file__).parent.parent / "render" / "views.json").read_text(encoding="utf-8"))
    assert {"overview", "orgchart", "focus", "chain", "overview-{region}"} <= set(views)
    # a view per region of the model
    expected = sorted({*views, "overview-am", "overview-mra"} - {"overview-{region}"})
    assert view_names(model) == view_names() == expected


def test_the_overview_shows_every_body_of_both_regions(model: GovernanceModel) -> None:
    shown = {n.id for n in scene(model, Request("overview", at=AT)).nodes}
    bodies = {n.id for n in model.nodes if n.kind.value == "body" and n.region in ("mra", "am")}
    assert bodies <= shown
    # the lines that connect the regions are drawn
    edges = {e.id for e in scene(model, Request("overview", at=AT)).edges}
    assert {
        "pho-am.prepares.platforms-mra",
        "pho-am.prepares.pho-mra",
        "portefeuillehouder-am-in-mra.member_of.platforms-mra",
        "am-team.liaises_with.mra",
        "mra-bureau.supports.regiegroep-mra",
    } <= edges


def test_the_overview_groups_by_region_with_mra_first(model: GovernanceModel) -> None:
    found = scene(model, Request("overview", at=AT))
    assert [c.id for c in found.clusters] == ["mra", "am"]
    clusters = {c.id: set(c.nodes) for c in found.clusters}
    assert "regiegroep-mra" in clusters["mra"]
    assert "regiegroep-am" in clusters["am"]


def test_same_named_bodies_are_labelled_apart(model: GovernanceModel) -> None:
    labels = {n.id: n.label for n in scene(model, Request("overview", at=AT)).nodes}
    assert labels["regiegroep-mra"] == "Regiegroep (MRA)"
    assert labels["regiegroep-am"] == "Regiegroep (AM)"
    english = {n.id: n.label for n in scene(model, Request("overview", at=AT, lang="en")).nodes}
    assert english["regiegroep-am"] == "Steering Group (AM)"


def test_membership_lines_carry_their_counts(model: GovernanceModel) -> None:
    labels = {e.id: e.label for e in scene(model, Request("overview", at=AT)).edges}
    assert labels["burgemeester.member_of.regiegroep-am"] == "7 burgemeesters"
    assert labels["raadslid.member_of.raadsledenplatform-am"] == "2 per raad"
    assert labels["gemeentesecretaris.member_of.secretarissenoverleg-am"] == "7 gemeentesecretarissen"
    english = {e.id: e.label for e in scene(model, Request("overview", at=AT, lang="en")).edges}
    assert english["burgemeester.member_of.regiegroep-am"] == "7 mayors"
    assert english["raadslid.member_of.raadsledenplatform-am"] == "2 per council"
    assert english["regiegroep-mra.commissions.mra-bureau"] == "executive"


def test_planned_nodes_are_marked_or_left_out(model: GovernanceModel) -> None:
    before = {n.id: n for n in scene(model, Request("overview", at=dt.date(2016, 6, 1))).nodes}
    assert before["mra-bureau"].status.value == "planned"
    # the proposal says the bureau comes only if it is adopted
    assert before["mra-bureau"].notes == ("gepland vanaf 2017-01-01", "voorwaardelijk", "onduidelijk")
    dot = render(model, Request("overview", at=dt.date(2016, 6, 1)), "dot").decode()
    bureau = next(line for line in dot.splitlines() if 'id="node-mra-bureau"' in line)
    assert "dashed" in bureau
    active = {n.id for n in scene(model, Request("overview", at=dt.date(2016, 6, 1), active_only=True)).nodes}
    assert "mra-bureau" not in active
    assert "pho-duurzaamheid-am" not in active
    assert "regiegroep-mra" in active


def test_ended_nodes_are_grey_and_dated(model: GovernanceModel) -> None:
    found = scene(model, Request("focus", "stadsregio-amsterdam", at=AT))
    staff = found.nodes_by_id["medewerkers-stadsregio-mra"]
    assert staff.status.value == "ended"
    assert staff.notes == ("beëindigd op 2017-01-01",)


def test_focus_reaches_as_deep_as_asked(model: GovernanceModel) -> None:
    one = {n.id for n in scene(model, Request("focus", "AM-team", at=AT)).nodes}
    assert one == {
        "am-team",
        "mra",
        "pho-am",
        "algemeen-regiosecretaris-am",
        "regiosecretaris-economie-am",
        "regiosecretaris-wonen-am",
        "regiosecretaris-verkeer-en-vervoer-am",
    }
    two = {n.id for n in scene(model, Request("focus", "AM-team", at=AT, depth=2)).nodes}
    assert one < two
    assert {"regiegroep-am", "platforms-mra", "mra-bureau"} <= two


def test_focus_relations_restrict_the_kinds(model: GovernanceModel) -> None:
    found = scene(model, Request("focus", "AM-team", at=AT, relations=["member_of"]))
    assert {e.kind for e in found.edges} == {"member_of"}
    assert "mra" not in {n.id for n in found.nodes}
    with pytest.raises(UnknownRelationKindError, match="member_of"):
        scene(model, Request("focus", "AM-team", at=AT, relations=["memberof"]))


def test_focus_emphasises_its_node(model: GovernanceModel) -> None:
    found = scene(model, Request("focus", "AM-team", at=AT))
    assert [n.id for n in found.nodes if n.emphasised] == ["am-team"]
    assert found.root == "am-team"


def test_orgchart_goes_down_from_its_body(model: GovernanceModel) -> None:
    found = scene(model, Request("orgchart", "MRA Bureau", at=AT))
    assert [n.id for n in found.nodes] == [
        "mra-bureau",
        "secretaris-directeur",
        "coordinator-netwerken-communicatie",
        "secretariaat-mra-bureau",
        "financieel-medewerker",
    ]
    # a post of the conditional bureau is conditional too
    notes = found.nodes_by_id["secretaris-directeur"].notes
    assert notes == ("voorwaardelijk", "1 fte (2017)")
    # the conflict 'nieuwe-functies' names the post, so the diagram marks it disputed
    assert found.nodes_by_id["secretariaat-mra-bureau"].notes == (
        "voorwaardelijk",
        "betwist",
        "2,5 fte (2017), gedeeld door 3",
    )


def test_chain_highlights_the_lines_of_responsibility(model: GovernanceModel) -> None:
    # every line of a whole chain is one: a highlight on all of them would tell nothing apart
    found = scene(model, Request("chain", "MRA Bureau", at=AT))
    assert {e.id for e in found.edges} == {
        "regiegroep-mra.commissions.mra-bureau",
        "werkgeverscommissie-mra.commissions.mra-bureau",
        "agendacommissie-mra.steers.mra-bureau",
    }
    assert not any(e.emphasised for e in found.edges)
    # a chain cut short shows a line that is not on it: then those that are stand out
    short = scene(model, Request("chain", "secretarissenoverleg-am", at=AT, depth=1))
    assert {e.id: e.emphasised for e in short.edges} == {
        "gemeentesecretaris.chairs.secretarissenoverleg-am": True,
        "gemeentesecretaris.member_of.secretarissenoverleg-am": False,
    }
    dot = render(model, Request("chain", "secretarissenoverleg-am", at=AT, depth=1), "dot").decode()
    assert 'id="legend-chairs-emphasised"' in dot
    assert "is voorzitter van (verantwoordingslijn)" in dot
    assert 'id="legend-member_of"' in dot


def test_steers_and_commissions_keep_their_looks_in_the_chain(model: GovernanceModel) -> None:
    dot = render(model, Request("chain", "MRA Bureau", at=AT), "dot").decode()
    steers = next(line for line in dot.splitlines() if "edge-agendacommissie-mra.steers" in line)
    commissions = next(line for line in dot.splitlines() if "edge-regiegroep-mra.commissions" in line)
    assert "arrowhead=vee" in steers
    assert "penwidth=1.6" in steers
    assert "arrowhead=normal" in commissions
    assert "penwidth=2.6" in commissions


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (
            ("nowhere", None),
            UsageError,
            "unknown view 'nowhere'; the views are chain, focus, orgchart, overview",
        ),
        (("focus", None), UsageError, "the view 'focus' needs a node"),
        (("overview", "MRA Bureau"), UsageError, "takes no node"),
        (("focus", "Regiegroep"), AmbiguousNameError, "'Regiegroep' matches 2 nodes"),
        (("focus", "regiegroep-amm"), UnknownNameError, "did you mean 'regiegroep-am'"),
    ],
)
def test_bad_requests_are_one_line_errors(
    model: GovernanceModel, args: tuple[str, str | None], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        render(model, Request(*args, at=AT), "dot")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_depth_and_format_are_checked(model: GovernanceModel) -> None:
    with pytest.raises(UsageError, match="takes no --depth"):
        render(model, Request("overview", at=AT, depth=2), "dot")
    with pytest.raises(UsageError, match="--depth must be 1 or more"):
        render(model, Request("focus", "AM-team", at=AT, depth=0), "dot")
    with pytest.raises(UsageError, match="unknown diagram format 'gif'"):
        render(model, Request("overview", at=AT), "gif")
    with pytest.raises(UsageError, match="unknown language"):
        render(model, Request("overview", at=AT, lang="de"), "dot")


def test_the_legend_lists_only_what_the_view_draws(model: GovernanceModel) -> None:
    dot = render(model, Request("orgchart", "MRA Bureau", at=AT), "dot").decode()
    legend = dot[dot.index("subgraph cluster_legend") :]
    assert "maakt deel uit van" in legend
    assert "is opdrachtgever van" not in legend
    assert "ondersteunt" not in legend
    overview = render(model, Request("overview", at=AT), "dot").decode()
    assert "is opdrachtgever van" in overview[overview.index("subgraph cluster_legend") :]


def test_title_and_model_date_are_in_the_picture(model: GovernanceModel) -> None:
    dot = render(model, Request("overview", at=AT, views=VIEWS), "dot").decode()
    assert "Overzicht samenhang bestuurlijke MRA-AM overleggen" in dot
    assert "Stand op 2017-06-01" in dot
    english = render(model, Request("overview", at=AT, lang="en"), "dot").decode()
    assert "As of 2017-06-01" in english


def test_ids_of_nodes_and_edges_are_stable(model: GovernanceModel) -> None:
    dot = render(model, Request("overview", at=AT), "dot").decode()
    for found in scene(model, Request("overview", at=AT)).nodes:
        if found.inside is None:
            assert f'id="node-{found.id}"' in dot
        else:
            assert f'ID="node-{found.id}"' in dot
    for edge in scene(model, Request("overview", at=AT)).edges:
        if not edge.folded:
            assert f'id="edge-{edge.id}"' in dot


def test_describe_names_every_node_and_line(model: GovernanceModel) -> None:
    text = describe(model, Request("overview", at=AT, views=VIEWS))
    assert text.startswith("Overzicht samenhang bestuurlijke MRA-AM overleggen. ")
    found = scene(model, Request("overview", at=AT, views=VIEWS))
    for node in found.nodes:
        assert node.label in text
    assert "MRA Bureau ondersteunt Regiegroep (MRA)" in text
    assert "burgemeester is lid van Regiegroep (AM) (7 burgemeesters)" in text
    assert f"toont {len(found.nodes)} onderdelen en {len(found.edges)} verbindingen" in text
    assert "The diagram shows" in describe(model, Request("overview", at=AT, lang="en"))


def test_build_view_returns_a_digraph(model: GovernanceModel) -> None:
    import graphviz

    graph = build_view(model, Request("chain", "MRA Bureau", at=AT))
    assert isinstance(graph, graphviz.Digraph)
    assert graph.source.encode() == render(model, Request("chain", "MRA Bureau", at=AT), "dot")


# --- escaping -------------------------------------------------------------------------

LONG = "Overleg " + "zeer" * 60 + " lang"


@pytest.fixture(scope="module")
def hostile() -> GovernanceModel:
    base = hostile_model(mra_graph.load())
    nodes = list(base.nodes)
    nodes[0] = nodes[0].model_copy(update={"name": LONG})
    data = base.model_copy(update={"nodes": nodes}).model_dump(by_alias=True)
    return GovernanceModel.model_validate(data)


def test_html_labels_escape_markup() -> None:
    assert html_text('"];<script>alert(1)</script>') == "&quot;];&lt;script&gt;alert(1)&lt;/script&gt;"
    assert html_text("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;"


def test_long_names_wrap_into_short_lines() -> None:
    assert all(len(line) <= 32 for line in wrap(LONG, 16))


def test_mermaid_text_has_no_syntax_left() -> None:
    for text in HOSTILE:
        escaped = re.sub(r"#[0-9]+;", "", mermaid_text(text))
        assert not set(escaped) & set('"<>[](){}|;`#&\n'), escaped
    assert mermaid_id("a.b-c_d") == "n_a___b_c__d"


def _split_dot(dot: str) -> tuple[str, list[str], list[str]]:
    """DOT text as (what is outside strings and HTML labels, the quoted strings, the HTML labels)."""
    outside, strings, labels = [], [], []
    i = 0
    while i < len(dot):
        c = dot[i]
        if c == '"':
            j = i + 1
            while dot[j] != '"':
                j += 2 if dot[j] == "\\" else 1
            strings.append(dot[i + 1 : j])
            i = j + 1
        elif c == "<":
            depth, j = 1, i + 1
            while depth:
                depth += {"<": 1, ">": -1}.get(dot[j], 0)
                j += 1
            labels.append(dot[i + 1 : j - 1])
            i = j
        else:
            outside.append(c)
            i += 1
    return "".join(outside), strings, labels


def test_hostile_names_stay_inside_their_labels_in_dot(hostile: GovernanceModel) -> None:
    dot = render(hostile, Request("overview", at=AT), "dot").decode()
    outside, strings, labels = _split_dot(dot)
    # outside strings and labels there is only DOT syntax and our own identifiers
    assert re.fullmatch(r"[A-Za-z0-9_.\-\s=\[\]{};>]*", outside), outside
    assert "script" not in outside
    # backslashes in tooltips are doubled, so Graphviz reads no escape sequence into them
    assert any("back\\\\slash \\\\n" in string for string in strings)
    # every HTML-like label is well-formed markup whose text is the model's text, literally
    texts = []
    for label in labels:
        element = ET.fromstring(f"<x>{label}</x>")
        texts.append("".join(element.itertext()))
    joined = "".join(texts).replace(" ", "")
    for node in scene(hostile, Request("overview", at=AT)).nodes:
        if node.inside is None:
            assert node.label.replace(" ", "") in joined
    assert '"];<script>alert(1)</script>' in "".join(texts)


def test_hostile_names_stay_inside_their_labels_in_mermaid(hostile: GovernanceModel) -> None:
    text = render(hostile, Request("overview", at=AT), "mmd").decode()
    assert "<script>" not in text
    for line in text.splitlines()[4:]:
        # outside quoted labels only our own syntax remains
        outside = re.sub(r'"[^"]*"', '""', line)
        assert not re.search(r"[<>;&]", outside.replace("-->", "").replace("-.->", "").replace("==>", "")), (
            line
        )


def test_the_legend_explains_planned_lines(model: GovernanceModel) -> None:
    dot = render(model, Request("overview", at=dt.date(2016, 6, 1)), "dot").decode()
    legend = dot[dot.index("subgraph cluster_legend") :]
    assert 'id="legend-supports-planned"' in legend
    assert "<ondersteunt (gepland)>" in legend
    assert 'id="legend-status-planned"' in legend
    # a planned line keeps its kind's colour, lighter, and its arrowhead
    line = next(line for line in dot.splitlines() if 'edge-mra-bureau.supports.mra"' in line)
    assert 'color="#009E7380"' in line
    assert "arrowtail=empty" in line
    assert "-planned" not in render(model, Request("overview", at=AT), "dot").decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("views.json", "{", "views.json: cannot be read: Expecting property name"),
        ("views.json", "[]", "views.json: must hold an object of views"),
        ("views.json", '{"x": {"needs_node": false}}', "views.json /title: Field required"),
        ("style.json", '{"font": 3}', "style.json /font: Input should be a valid string"),
    ],
)
def test_a_broken_view_or_style_file_is_a_one_line_error(
    model: GovernanceModel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: str,
    message: str,
) -> None:
    from mra_graph.errors import RenderError
    from mra_graph.model import views as definitions

    real = definitions.data_file

    def data_file(folder: str, file: str) -> Path:
        if file == name:
            (tmp_path / name).write_text(content, encoding="utf-8")
            return tmp_path / name
        return real(folder, file)

    monkeypatch.setattr(definitions, "data_file", data_file)
    definitions.load_views.cache_clear()
    definitions.load_style.cache_clear()
    try:
        with pytest.raises(RenderError) as raised:
            render(model, Request("overview", at=AT), "dot")
        assert message in str(raised.value)
        assert str(raised.value).startswith(str(tmp_path / name))
        assert "\n" not in str(raised.value)
    finally:
        definitions.load_views.cache_clear()
        definitions.load_style.cache_clear()


def test_a_root_left_out_by_active_only_is_a_clear_error(model: GovernanceModel) -> None:
    with pytest.raises(
        UsageError, match=r"^'MRA Bureau' is planned on 2016-06-01, and --active-only leaves it out$"
    ):
        scene(model, Request("focus", "MRA Bureau", at=dt.date(2016, 6, 1), active_only=True))
    # without --active-only it is drawn, marked as planned
    found = scene(model, Request("focus", "MRA Bureau", at=dt.date(2016, 6, 1)))
    assert found.nodes_by_id["mra-bureau"].status.value == "planned"


def test_the_description_in_parts_keeps_model_text_whole() -> None:
    from mra_graph.render import description

    # names holding "; " and ": " must not split a line's sentence in two
    hostile = hostile_model(mra_graph.load())
    parts = description(hostile, Request("overview", at=AT))
    assert parts.text() == describe(hostile, Request("overview", at=AT))
    assert len(parts.connections) == len(scene(hostile, Request("overview", at=AT)).edges)
    assert any('" ]; evil [label="x"]; a -> b' in sentence for sentence in parts.connections)
