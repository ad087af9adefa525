"""The report: what it says (checked against the source documents), how it escapes, its files and errors."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from mra_graph.errors import RenderError, TemplateError, UnknownNameError, UsageError
from mra_graph.model.names import resolve
from mra_graph.model.schema import GovernanceModel, Source
from mra_graph.report import Report, build_report, render_report, template_text, write_report
from mra_graph.report.phrases import phrases
from tests.hostile import hostile_model

AT = dt.date(2017, 6, 1)
BEFORE = dt.date(2016, 6, 1)


@pytest.fixture(scope="module")
def report(model: GovernanceModel) -> Report:
    return build_report(model, at=AT, lang="nl", since=BEFORE)


@pytest.fixture(scope="module")
def report_en(model: GovernanceModel) -> Report:
    return build_report(model, at=AT, lang="en")


@pytest.fixture(scope="module")
def html(model: GovernanceModel) -> str:
    return render_report(model, "html", at=AT, since=BEFORE)[""].decode("utf-8")


def _card(report: Report, node_id: str):  # type: ignore[no-untyped-def]
    return next(c for c in report.cards if c.ref.id == node_id)


def _group(report: Report, node_id: str, key: str) -> list[str]:
    card = _card(report, node_id)
    group = next(g for g in (*card.groups, *card.other_groups) if g.key == key)
    return [line.other.id for line in group.lines]


def _all_sources(model: GovernanceModel) -> set[Source]:
    found: set[Source] = set()
    for item in (*model.nodes, *model.relations, *model.regions):
        found.update(item.sources)
    for table in model.figures:
        found.update(table.sources)
        for row in table.rows:
            found.update(row.sources)
    for conflict in model.conflicts:
        for claim in conflict.claims:
            found.update(claim.sources)
    return found


def test_the_phrase_files_have_the_same_keys_in_both_languages() -> None:
    def keys(data: object, prefix: str = "") -> set[str]:
        if isinstance(data, dict):
            return {k for key, value in data.items() for k in keys(value, f"{prefix}{key}.")} | {
                prefix + key for key in data
            }
        return set()

    assert keys(phrases("nl")._data) == keys(phrases("en")._data)


def test_every_node_has_one_card_and_every_body_sits_in_its_region(
    model: GovernanceModel, report: Report
) -> None:
    ids = [c.ref.id for c in report.cards]
    assert sorted(ids) == sorted(n.id for n in model.nodes)
    for region in report.regions:
        assert {c.ref.id for c in region.cards} == {
            n.id for n in model.nodes if n.kind.value == "body" and n.region == region.id
        }


def test_every_relation_and_row_has_exactly_one_anchor_in_the_html(model: GovernanceModel, html: str) -> None:
    for relation in model.relations:
        assert html.count(f'id="rel-{relation.id}"') == 1, relation.id
    for row in model.figures[0].rows:
        assert html.count(f'id="row-{row.id}"') == 1, row.id
    anchors = re.findall(r'\sid="([^"]+)"', html)
    assert len(anchors) == len(set(anchors)), "an id is used twice"


def test_every_fact_links_to_a_source_that_is_in_the_source_list(
    model: GovernanceModel, report: Report, html: str
) -> None:
    assert set(report.citations) == _all_sources(model)
    for citation in report.citations.values():
        assert f'id="{citation.anchor}"' in html
        assert citation.cited_by, f"source {citation.number} supports nothing"
        for anchor, _ in citation.cited_by:
            assert f'id="{anchor}"' in html, anchor
    for href in set(re.findall(r'href="#([^"]+)"', html)):
        assert f'id="{href}"' in html, f"link to #{href} goes nowhere"


def test_the_mra_bureau_card_says_who_commissions_steers_and_supports_it(report: Report) -> None:
    # Voorstel, Opdrachtgeverschap: bestuurlijk opdrachtgever Regiegroep, ambtelijk de werkgeverscommissie
    card = _card(report, "mra-bureau")
    commissioned = next(g for g in card.groups if g.key == "commissions-in")
    assert [(line.other.id, line.extras) for line in commissioned.lines] == [
        ("regiegroep-mra", ("bestuurlijk",)),
        ("werkgeverscommissie-mra", ("ambtelijk",)),
    ]
    assert _group(report, "mra-bureau", "steers-in") == ["agendacommissie-mra"]
    assert set(_group(report, "mra-bureau", "supports-out")) >= {
        "regiegroep-mra",
        "agendacommissie-mra",
        "platforms-mra",
        "pho-mra",
    }
    assert [[s.other.id for s in chain] for chain in card.chains] == [
        ["agendacommissie-mra"],
        ["regiegroep-mra"],
        ["werkgeverscommissie-mra"],
    ]
    assert card.period == "vanaf 2017-01-01"


def test_a_card_leaves_out_the_relations_it_has_none_of(
    model: GovernanceModel, report: Report, html: str
) -> None:
    for card in report.cards:
        assert all(group.lines for group in (*card.groups, *card.other_groups)), card.ref.id
    # the Agendacommissie steers and is supported, but commissions nothing and supports nobody
    keys = [g.key for g in _card(report, "agendacommissie-mra").groups]
    assert "steers-out" in keys
    assert "supports-in" in keys
    assert "commissions-out" not in keys
    assert "supports-out" not in keys
    assert '<span class="none">—</span>' not in html
    titles = re.findall(r"<dt>([^<]*)</dt>", _card_html(html, "agendacommissie-mra"))
    assert titles[-3:] == ["Wordt ondersteund door", "Stuurt aan", "Krijgt voorstellen van"]
    markdown = render_report(model, "md", at=AT, image_name=None)[""].decode("utf-8")
    assert not re.search(r"^- \*\*[^*]+:\*\* —$", markdown, flags=re.M)


def _card_html(html: str, node_id: str) -> str:
    start = html.rindex("<article", 0, html.index(f'id="card-{node_id}"'))
    return html[start : html.index("</article>", start)]


def test_the_am_bodies_read_as_the_brochure_describes_them(report: Report) -> None:
    plenair = _card(report, "plenair-overleg-am")
    assert [line.other.id for line in plenair.chair] == ["burgemeester-amstelveen"]
    assert plenair.meetings == "twee maal per jaar"
    assert ("plaats", "steeds in een andere gemeente") in plenair.facts
    assert set(_group(report, "plenair-overleg-am", "supports-in")) == {"algemeen-regiosecretaris-am"}

    secretaries = _card(report, "secretarissenoverleg-am")
    assert [(line.other.id, line.extras[0]) for line in secretaries.composition] == [
        ("gemeentesecretaris", "7")
    ]
    assert secretaries.size_sentence == "secretarissenoverleg heeft 7 leden."
    assert secretaries.chair[0].extras == ("roulerend",)

    regiegroep = _card(report, "regiegroep-am")
    assert ("burgemeester", "7") in [(line.other.id, line.extras[0]) for line in regiegroep.composition]
    platform = _card(report, "raadsledenplatform-am")
    assert [line.extras[0] for line in platform.composition] == ["2 per raad"]
    assert _group(report, "am-team", "supports-out") == ["pho-am"]


def test_the_staffing_table_is_recomputed_and_marked_consistent(report: Report) -> None:
    staffing = report.staffing
    assert staffing is not None
    assert staffing.years == ("2016", "2017")
    rows = {row.id: row for row in staffing.rows}
    support = rows["formatie-ondersteunende-taken"]
    assert (support.values, support.difference, support.stated) == (("1", "2,5"), "+1,5", "+1,5")
    total = rows["formatie-totaal-regionaal-budget"]
    assert total.is_total
    assert total.computed == "som van 5 regels: 15 / 14"
    assert rows["formatie-ambtelijk-betrokken"].stated is None
    assert staffing.consistent
    assert all(row.consistent for row in staffing.rows)


def test_changes_since_a_date_list_what_started_and_ended(report: Report) -> None:
    assert report.changes is not None
    groups = dict(report.changes)
    added = [item.href for item in groups["Actief geworden"]]
    ended = [item.href for item in groups["Beëindigd"]]
    assert "#card-mra-bureau" in added
    assert "#rel-regiegroep-mra.commissions.mra-bureau" in added
    assert "#card-medewerkers-stadsregio-mra" in ended


def test_planned_bodies_are_listed_for_the_day_of_the_report(model: GovernanceModel) -> None:
    before = dict(build_report(model, at=BEFORE).planned)
    assert "mra-bureau" in [item.ref.id for item in before["gepland"]]
    assert [item.ref.id for item in before["in overweging"]] == ["pho-duurzaamheid-am"]
    after = dict(build_report(model, at=AT).planned)
    assert "mra-bureau" not in [item.ref.id for group in after.values() for item in group]
    assert [item.ref.id for item in after["beëindigd"]] == ["medewerkers-stadsregio-mra"]


def test_every_recorded_conflict_is_shown_with_both_claims_and_their_sources(
    model: GovernanceModel, report: Report
) -> None:
    assert [c.id for c in report.conflicts] == sorted(c.id for c in model.conflicts)
    for entry in report.conflicts:
        assert len(entry.claims) >= 2
        assert all(report.cite(claim.sources) for claim in entry.claims)
    ruimte = next(c for c in report.conflicts if c.id == "pho-am-aantal")
    assert ("#card-pho-ruimte-am", "portefeuillehoudersoverleg Ruimte") in ruimte.subjects
    (mark,) = _card(report, "pho-ruimte-am").ref.marks
    assert (mark.kind, mark.anchor) == ("disputed", "conflict-pho-am-aantal")
    # an ambiguity is marked unclear, not disputed, and links to its own explanation
    (mark,) = _card(report, "werkgeverscommissie-mra").ref.marks
    assert (mark.kind, mark.text, mark.anchor) == (
        "unclear",
        "onduidelijk",
        "conflict-werkgeverscommissie-samenstelling",
    )


def test_the_english_report_uses_english_names_and_words(report_en: Report) -> None:
    card = _card(report_en, "mra-bureau")
    commissioned = next(g for g in card.groups if g.key == "commissions-in")
    assert commissioned.title == "Is commissioned by"
    assert [(line.other.label, line.extras) for line in commissioned.lines] == [
        ("employer committee", ("civil-service",)),
        ("Steering Group (MRA)", ("executive",)),
    ]
    assert report_en.title == "Executive meetings of the MRA and Amstelland-Meerlanden"
    assert report_en.staffing is not None
    assert report_en.staffing.rows[2].values == ("1", "2.5")


def test_a_focused_report_shows_the_node_and_its_neighbours_only(model: GovernanceModel) -> None:
    focused = build_report(model, at=AT, focus=resolve(model, "AM-team"))
    ids = {c.ref.id for c in focused.cards}
    assert ids == {"am-team", "mra", "pho-am", *(f"regiosecretaris-{x}-am" for x in ("economie", "wonen")),
                   "regiosecretaris-verkeer-en-vervoer-am", "algemeen-regiosecretaris-am"}  # fmt: skip
    for card in focused.cards:
        for group in (*card.groups, *card.other_groups):
            assert all(line.other.id in ids for line in group.lines)
    assert focused.heading.endswith("rond AM-team")


def test_an_unknown_focus_is_an_error(model: GovernanceModel) -> None:
    with pytest.raises(UnknownNameError, match="AM-tea"):
        render_report(model, "html", at=AT, focus="AM-tea")


def test_hostile_model_text_is_escaped_in_html_and_markdown(model: GovernanceModel) -> None:
    hostile = hostile_model(model)
    html = render_report(hostile, "html", at=AT)[""].decode("utf-8")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>&amp;</b>" not in html
    data = html.split('<script id="report-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    assert json.loads(data)["index"][0]["names"]
    markdown = render_report(hostile, "md", at=AT)[""].decode("utf-8")
    assert "<script>" not in markdown
    assert "<b>" not in markdown
    assert '### "\\];&lt;script&gt;alert(1)&lt;/script&gt; 0' in markdown


def test_the_same_model_gives_the_same_bytes(model: GovernanceModel, html: str) -> None:
    assert render_report(model, "html", at=AT, since=BEFORE)[""].decode("utf-8") == html
    first = render_report(model, "md", at=AT, mermaid=True)
    assert render_report(model, "md", at=AT, mermaid=True) == first


def test_markdown_links_the_diagram_written_beside_it(model: GovernanceModel, tmp_path: Path) -> None:
    target = tmp_path / "raad.md"
    written = write_report(model, target, at=AT, lang="nl", mermaid=True)
    assert written == [target, tmp_path / "raad-diagram.svg"]
    text = target.read_text(encoding="utf-8")
    assert "](raad-diagram.svg)" in text
    assert "```mermaid\n" in text
    assert (tmp_path / "raad-diagram.svg").read_bytes().lstrip().startswith((b"<?xml", b"<svg"))
    assert re.search(
        r"secretaris-directeur \[\[\d+\]\(#src-\d+\)\] \| 0 \| 1 \| \+1 \| \+1 \| ✓ klopt \|", text
    )
    assert "## Formatie" in text
    assert "## Bronnenlijst" in text


def test_a_template_can_leave_out_and_reorder_sections(model: GovernanceModel, tmp_path: Path) -> None:
    text = template_text("html")
    assert '{% include "sections/staffing.html.j2" %}' in text
    mine = tmp_path / "mine.html.j2"
    mine.write_text(
        text.replace('{% include "sections/staffing.html.j2" %}\n', "").replace(
            '{% include "sections/sources.html.j2" %}',
            '{% include "sections/sources.html.j2" %}\n<p>eigen</p>',
        ),
        encoding="utf-8",
    )
    html = render_report(model, "html", at=AT, template=mine)[""].decode("utf-8")
    assert 'id="staffing-table"' not in html
    assert "<p>eigen</p>" in html


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{% if %}", r"bad\.html\.j2:1: template syntax error"),
        ("{{ report.no_such_thing }}", r"bad\.html\.j2:1: .*no_such_thing"),
        ('{% include "sections/none.html.j2" %}', r"template 'sections/none.html.j2' not found"),
    ],
    ids=["syntax", "undefined", "missing-include"],
)
def test_a_broken_template_is_one_clear_error(
    model: GovernanceModel, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.html.j2"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(TemplateError, match=message):
        render_report(model, "html", at=AT, template=bad)


def test_without_weasyprint_a_pdf_is_one_error_naming_the_install(
    model: GovernanceModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(RenderError, match=r"pip install mra-graph\[pdf\]"):
        render_report(model, "pdf", at=AT)


def test_mermaid_outside_markdown_and_a_late_since_are_usage_errors(model: GovernanceModel) -> None:
    with pytest.raises(UsageError, match="Markdown"):
        render_report(model, "html", at=AT, mermaid=True)
    with pytest.raises(UsageError, match="after the report date"):
        render_report(model, "html", at=BEFORE, since=AT)


def test_cli_writes_the_report_named_by_its_extension(cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    result = cli("--at", "2017-06-01", "--lang", "en", "report", "-o", str(target), "--since", "2016-06-01")
    assert result.exit_code == 0, result.output
    assert result.output == f"{target}\n"
    html = target.read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "As of 2017-06-01" in html
    assert 'id="changes"' in html


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--focus", "AM-tea"], 1, "Error: unknown node 'AM-tea' (did you mean 'am-team'?)\n"),
        (["--template", "missing.j2"], 1, "Error: cannot read the template 'missing.j2': no such file\n"),
        (
            ["--mermaid"],
            2,
            "Error: --mermaid adds a Mermaid block to a Markdown report; use it with a .md output\n",
        ),
    ],
    ids=["unknown-focus", "missing-template", "mermaid-in-html"],
)
def test_cli_errors_are_one_line_and_leave_no_file(
    cli: Callable[..., Result], tmp_cwd: Path, args: list[str], code: int, message: str
) -> None:
    result = cli("--lang", "en", "--at", "2017-06-01", "report", "-o", "out.html", *args)
    assert result.exit_code == code
    assert result.output == message
    assert list(tmp_cwd.iterdir()) == []


def test_cli_an_unwritable_path_or_unknown_extension_is_one_line(
    cli: Callable[..., Result], tmp_cwd: Path
) -> None:
    result = cli("--lang", "en", "report", "-o", "no/such/folder/out.html")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write into 'no/such/folder'")
    assert result.output.count("\n") == 1
    result = cli("--lang", "en", "report", "-o", "out.docx")
    assert result.exit_code == 2
    assert "end it in .html, .md or .pdf" in result.output
    assert list(tmp_cwd.iterdir()) == []


def test_cli_prints_the_template_to_copy(cli: Callable[..., Result]) -> None:
    result = cli("report", "--print-template", "--format", "md")
    assert result.exit_code == 0
    assert result.output == template_text("md")
    assert '{% include "sections/staffing.md.j2" %}' in result.output


def test_the_source_list_covers_every_section_of_both_documents(report: Report) -> None:
    uncited = [
        (document.id, section.title)
        for document in report.documents
        for section in document.sections
        if not section.citations
    ]
    # the brochure's last heading is the caption of a picture that is not in the text;
    # the report's overview diagram stands in for it
    assert uncited == [("am-overleggen-brochure", "Overzicht samenhang bestuurlijke MRA-AM overleggen")]
    numbers = [c.number for d in report.documents for s in d.sections for c in s.citations]
    assert numbers == list(range(1, len(report.citations) + 1))


def test_without_graphviz_the_report_says_why_the_picture_is_missing(
    model: GovernanceModel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import mra_graph.render

    def no_dot(*args: object, **kwargs: object) -> bytes:
        raise RenderError("Graphviz 'dot' is not installed; install it with apt-get install graphviz")

    monkeypatch.setattr(mra_graph.render, "render", no_dot)
    written = write_report(model, tmp_path / "raad.md", at=AT)
    assert written == [tmp_path / "raad.md"]
    text = (tmp_path / "raad.md").read_text(encoding="utf-8")
    assert "*Het diagram kon niet worden gemaakt: Graphviz 'dot' is not installed" in text
    assert "**Tekstalternatief van het diagram.**" in text, "the text alternative needs no Graphviz"
    html = render_report(model, "html", at=AT)[""].decode("utf-8")
    assert 'class="diagram-missing"' in html
    assert "<svg" not in html


def test_a_model_too_large_to_print_is_reported_one_part_at_a_time() -> None:
    from benchmarks.synthetic import national_model
    from mra_graph.report.output import WHOLE_REPORT_LIMIT

    large = GovernanceModel.model_validate(national_model(90))
    assert len(large.nodes) > WHOLE_REPORT_LIMIT
    at = dt.date(2017, 6, 1)
    with pytest.raises(UsageError, match="--focus NODE"):
        render_report(large, "html", at=at)
    part = render_report(large, "html", at=at, focus="gemeente-0-college")[""]
    assert b"gemeente-0-college" in part
