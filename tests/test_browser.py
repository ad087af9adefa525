"""The browser fixtures themselves: they must catch what a self-contained page must not do."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import BrowserPage, node_module

pytestmark = pytest.mark.exe


def _write(tmp_path: Path, body: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head>'
        f"<body><main>{body}</main></body></html>",
        encoding="utf-8",
    )
    return page


def test_a_local_page_loads_without_errors_or_requests(page: BrowserPage, tmp_path: Path) -> None:
    page.open(_write(tmp_path, "<h1>Regiegroep</h1>"))
    assert page.evaluate("document.querySelector('h1').textContent") == "Regiegroep"
    assert page.errors == []
    assert page.requests == []


def test_requests_that_leave_the_machine_are_blocked_and_recorded(page: BrowserPage, tmp_path: Path) -> None:
    page.open(_write(tmp_path, '<h1>x</h1><img alt="" src="https://example.invalid/logo.png">'))
    assert page.requests == ["https://example.invalid/logo.png"]


def test_console_errors_and_uncaught_exceptions_are_recorded(page: BrowserPage, tmp_path: Path) -> None:
    page.open(_write(tmp_path, "<h1>x</h1><script>console.error('kapot'); undefinedFunction();</script>"))
    assert page.errors[0] == "kapot"
    assert "undefinedFunction" in page.errors[1]


def test_axe_core_finds_an_image_without_a_text_alternative(page: BrowserPage, tmp_path: Path) -> None:
    page.open(_write(tmp_path, '<h1>x</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'))
    page.add_script(node_module("axe-core/axe.min.js"))
    ids = page.evaluate("axe.run().then(r => r.violations.map(v => v.id))")
    assert "image-alt" in ids


def test_mermaid_renders_a_flowchart_offline(page: BrowserPage, tmp_path: Path) -> None:
    page.open(_write(tmp_path, "<h1>x</h1>"))
    page.add_script(node_module("mermaid/dist/mermaid.min.js"))
    svg = page.evaluate(
        """async () => {
            mermaid.initialize({startOnLoad: false});
            const {svg} = await mermaid.render('g', 'flowchart TD\\n  a["MRA Bureau"] --> b["Regiegroep"]');
            return svg;
        }"""
    )
    assert "MRA Bureau" in svg
    assert "Regiegroep" in svg
    assert page.errors == []
    assert page.requests == []
