"""Members drawn inside their group's box in the report's diagram: clickable, not nested buttons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mra_graph.model.schema import GovernanceModel
from mra_graph.report import write_report
from tests.browser import BrowserPage

pytestmark = pytest.mark.exe


@pytest.fixture(scope="module")
def report_file(model: GovernanceModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "rapport.html"
    write_report(model, target, at=dt.date(2017, 6, 1), lang="nl")
    return target


def test_a_member_inside_a_group_is_selected_alone_and_is_no_nested_button(
    page: BrowserPage, report_file: Path
) -> None:
    page.open(report_file)
    inner = ".diagram svg g.node[id^='node-'] g.node[id^='node-']"
    parts = page.evaluate(f'[...document.querySelectorAll("{inner}")].map(g => g.id)')
    assert parts, "the overview draws some members inside their group"
    nested = page.evaluate(
        "document.querySelectorAll('.diagram svg g.node[role=button] g.node[role=button]').length"
    )
    assert nested == 0
    group = page.evaluate(f"document.getElementById('{parts[0]}').parentNode.closest('g.node').id")
    page.page.click(f"#{parts[0]}")
    selected = page.evaluate("[...document.querySelectorAll('.diagram svg .is-selected')].map(g => g.id)")
    assert parts[0] in selected
    assert group not in selected
    assert page.errors == []


def test_a_card_shows_a_nodes_modality_and_condition_and_its_lines_their_scopes() -> None:
    from mra_graph.report import build_report
    from mra_graph.report.output import render_report
    from tests.qualified import qualified_model

    model = qualified_model()
    report = build_report(model, at=dt.date(2020, 6, 1), lang="nl")
    bureau = next(c for c in report.cards if c.ref.id == "bureau")
    assert (bureau.ref.modality_text, bureau.ref.modality_detail) == (
        "voorwaardelijk",
        "voorwaardelijk: als het voorstel wordt aangenomen",
    )
    text = next(iter(render_report(model, "md", at=dt.date(2020, 6, 1)).values())).decode("utf-8")
    assert "- **Status:** voorwaardelijk: als het voorstel wordt aangenomen" in text
    assert (
        "(één van de leden of onderdelen van Team, ieder lid of onderdeel van overleggen)"
        " *([onduidelijk](#conflict-steun))*" in text
    )
