"""The HTML report in headless Chromium: self-contained, searchable, clickable, accessible."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from mra_graph.model.schema import GovernanceModel
from mra_graph.report import write_report
from tests.browser import BrowserPage, node_module
from tests.hostile import hostile_model

pytestmark = pytest.mark.exe

AT = dt.date(2017, 6, 1)


@pytest.fixture(scope="module")
def report_file(model: GovernanceModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "rapport.html"
    write_report(model, target, at=AT, lang="nl", since=dt.date(2016, 6, 1))
    return target


@pytest.fixture
def opened(page: BrowserPage, report_file: Path) -> BrowserPage:
    page.open(report_file)
    return page


def _search(page: BrowserPage, text: str) -> list[str]:
    page.page.fill("#search-input", text)
    return page.evaluate(
        "[...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('data-node'))"
    )


def test_the_report_opens_offline_without_errors_and_looks_right(opened: BrowserPage, tmp_path: Path) -> None:
    assert opened.errors == []
    assert opened.requests == []
    assert opened.evaluate("document.querySelectorAll('.diagram svg g.node[role=button]').length") >= 20
    # the first screenful: title, search, contents and the diagram (the full page is some 48 000 pixels tall)
    shot = opened.screenshot(tmp_path / "report.png", full_page=False)
    assert shot.stat().st_size > 50_000


def test_search_finds_a_body_by_any_name_or_alias(opened: BrowserPage) -> None:
    assert _search(opened, "regiegroep")[:2] == ["regiegroep-am", "regiegroep-mra"]
    assert _search(opened, "het bureau")[0] == "mra-bureau"
    assert _search(opened, "Steering Group")[:2] == ["regiegroep-am", "regiegroep-mra"]
    assert "secretarissenoverleg-am" in _search(opened, "secretarissenoverleg")
    assert _search(opened, "coordinator")[0] == "coordinator-netwerken-communicatie"
    assert _search(opened, "xyzzy") == []
    assert "Niets gevonden" in opened.evaluate("document.getElementById('search-status').textContent")
    _search(opened, "het bureau")
    opened.page.press("#search-input", "Enter")
    assert opened.evaluate("location.hash") == "#card-mra-bureau"
    assert opened.evaluate("document.getElementById('node-mra-bureau').classList.contains('is-selected')")
    assert opened.errors == []


def test_clicking_a_body_highlights_its_relations_and_shows_its_card(opened: BrowserPage) -> None:
    opened.page.click("#node-mra-bureau")
    state = opened.evaluate(
        """() => ({
            selected: [...document.querySelectorAll('.diagram .is-selected')].map(e => e.id),
            related: [...document.querySelectorAll('.diagram .is-related')].map(e => e.id),
            panel: document.querySelector('#selected-card .card-title').textContent,
            pressed: document.getElementById('node-mra-bureau').getAttribute('aria-pressed'),
        })"""
    )
    assert state["selected"] == ["node-mra-bureau"]
    assert "edge-regiegroep-mra.commissions.mra-bureau" in state["related"]
    assert "edge-agendacommissie-mra.steers.mra-bureau" in state["related"]
    assert all("mra-bureau" in edge for edge in state["related"])
    assert state["panel"].startswith("MRA Bureau")
    assert state["pressed"] == "true"
    opened.page.keyboard.press("Escape")
    assert (
        opened.evaluate("document.querySelectorAll('.diagram .is-selected, .diagram .is-related').length")
        == 0
    )


def test_the_chosen_card_shows_beside_the_picture_from_1200_pixels(opened: BrowserPage) -> None:
    opened.page.click("#node-mra-bureau")
    beside = """() => {
        const picture = document.getElementById('diagram').getBoundingClientRect();
        const card = document.getElementById('selected').getBoundingClientRect();
        return card.left >= picture.right && card.top < picture.bottom;
    }"""
    for width, expected in ((1200, True), (1240, True), (1920, True), (1180, False), (800, False)):
        opened.page.set_viewport_size({"width": width, "height": 1000})
        assert opened.evaluate(beside) is expected, width


def test_clicking_a_part_drawn_inside_its_group_chooses_the_part(opened: BrowserPage) -> None:
    box = opened.page.locator("#node-platform-ruimte-mra").bounding_box()
    assert box is not None
    opened.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    selected = "[...document.querySelectorAll('.diagram .is-selected')].map(e => e.id)"
    assert opened.evaluate(selected) == ["node-platform-ruimte-mra"]
    assert opened.evaluate("document.getElementById('node-platforms-mra').classList.contains('is-neighbour')")


def test_the_diagram_and_controls_work_from_the_keyboard(opened: BrowserPage) -> None:
    opened.page.focus("#node-plenair-overleg-am")
    opened.page.keyboard.press("Enter")
    assert opened.evaluate("document.querySelector('#selected-card .card-title').textContent").startswith(
        "plenair overleg"
    )
    assert opened.evaluate(
        "document.getElementById('node-burgemeester-amstelveen').classList.contains('is-neighbour')"
    )
    opened.page.focus("#diagram-zoom")
    opened.page.keyboard.press("Enter")
    assert opened.evaluate("document.getElementById('diagram-frame').classList.contains('is-zoomed')")


def test_the_staffing_table_toggles_between_its_years(opened: BrowserPage) -> None:
    visible = (
        "[...document.querySelectorAll('#staffing-table thead th.year')]"
        ".filter(c => c.offsetParent).map(c => c.textContent)"
    )
    assert opened.evaluate(visible) == ["2016", "2017"]
    opened.page.check("input[name=staffing-year][value='2017']")
    assert opened.evaluate(visible) == ["2017"]
    hidden_cells = "document.querySelectorAll('#staffing-table td.year.is-hidden').length"
    assert opened.evaluate(hidden_cells) == 8
    opened.page.check("input[name=staffing-year][value='all']")
    assert opened.evaluate(visible) == ["2016", "2017"]


def test_printing_unfolds_the_text_alternative(opened: BrowserPage) -> None:
    assert opened.evaluate("document.getElementById('diagram-description').open") is False
    opened.page.emulate_media(media="print")
    opened.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert opened.evaluate("document.getElementById('diagram-description').open") is True
    assert opened.evaluate("getComputedStyle(document.querySelector('.search')).display") == "none"


def test_axe_finds_no_serious_accessibility_violation(opened: BrowserPage) -> None:
    opened.add_script(node_module("axe-core/axe.min.js"))
    opened.page.click("#node-mra-bureau")  # the card panel and highlighted diagram are checked too
    violations = opened.evaluate(
        """axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
            id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))
        })))"""
    )
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_headings_are_in_order(opened: BrowserPage) -> None:
    levels = opened.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_hostile_model_text_runs_no_script(model: GovernanceModel, page: BrowserPage, tmp_path: Path) -> None:
    target = tmp_path / "hostile.html"
    write_report(hostile_model(model), target, at=AT)
    dialogs: list[str] = []
    page.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.open(target)
    page.page.fill("#search-input", "script")
    assert dialogs == []
    assert page.errors == []
    assert page.requests == []
    assert page.evaluate("document.querySelectorAll('#search-results a').length") > 0


def test_the_markdown_report_renders_in_a_markdown_renderer(
    model: GovernanceModel, page: BrowserPage, tmp_path: Path
) -> None:
    # marked, the GitHub-flavoured Markdown renderer Mermaid itself uses (pinned in package-lock.json)
    target = tmp_path / "raad.md"
    write_report(hostile_model(model), target, at=AT, mermaid=True)
    blank = tmp_path / "blank.html"
    blank.write_text('<!doctype html><html lang="nl"><head><title>md</title></head><body></body></html>')
    page.open(blank)
    page.add_script(node_module("marked/lib/marked.umd.js"))
    page.evaluate("md => { document.body.innerHTML = marked.parse(md); }", target.read_text(encoding="utf-8"))
    result = page.evaluate(
        """() => ({
            h2: [...document.querySelectorAll('h2')].map(h => h.textContent),
            rows: document.querySelectorAll('table tbody tr').length,
            headers: [...document.querySelectorAll('table thead th')].map(h => h.textContent),
            image: document.querySelector('img').getAttribute('src'),
            mermaid: document.querySelector('code.language-mermaid') !== null,
            scripts: document.querySelectorAll('body script').length,
            bold: document.querySelectorAll('body b').length,
            broken: [...document.querySelectorAll('a[href^="#"]')]
                .map(a => a.getAttribute('href').slice(1))
                .filter(id => !document.getElementById(id)),
            heading: document.querySelector('h3').textContent,
        })"""
    )
    assert result["h2"][:2] == ["Overzicht", "Metropoolregio Amsterdam (MRA)"]
    assert result["h2"][-3:] == [
        "Gepland, in overweging en beëindigd",
        "Tegenspraak en dubbelzinnigheid in de bronnen",
        "Bronnenlijst",
    ]
    assert result["rows"] == 8
    assert result["headers"][:3] == ["regel", "2016", "2017"]
    assert result["image"] == "raad-diagram.svg"
    assert result["mermaid"]
    assert result["scripts"] == 0
    assert result["bold"] == 0, "hostile <b> must stay text"
    assert result["broken"] == []
    assert result["heading"].startswith('"];<script>alert(1)</script> 0')
    assert page.errors == []
