"""The overview in docs/ (shown by the README) is what scripts/render-docs.sh draws now."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mra_graph.model.schema import GovernanceModel
from mra_graph.render import Request, model_views, render
from mra_graph.render.output import graphviz_version

pytestmark = pytest.mark.exe

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCRIPT = ROOT / "scripts" / "render-docs.sh"
STALE = "docs/overview.* are out of date; run ./scripts/render-docs.sh"


def _at() -> dt.date:
    found = re.search(r"^AT=(\d{4}-\d\d-\d\d)$", SCRIPT.read_text(encoding="utf-8"), flags=re.M)
    assert found, "scripts/render-docs.sh must set AT=YYYY-MM-DD"
    return dt.date.fromisoformat(found.group(1))


def _content(svg: bytes) -> list[tuple[str, str]]:
    """Every group's id and title, and every drawn text: what the picture says, not where."""
    root = ET.fromstring(svg)
    svg_ns = "{http://www.w3.org/2000/svg}"
    said = [(g.get("id", ""), g.findtext(f"{svg_ns}title") or "") for g in root.iter(f"{svg_ns}g")]
    said += [("text", t.text or "") for t in root.iter(f"{svg_ns}text")]
    said += [("desc", root.findtext(f"{svg_ns}desc") or "")]
    return sorted(said)


def test_the_docs_overview_is_current(model: GovernanceModel) -> None:
    committed = (DOCS / "overview.svg").read_bytes()
    # drawn as the command line draws it, with the bundled model's own view file
    request = Request("overview", at=_at(), views=model_views())
    fresh = render(model, request, "svg")
    # what the picture says must match whatever Graphviz drew it
    assert _content(committed) == _content(fresh), STALE
    if graphviz_version(committed) == graphviz_version(fresh):
        # with the same Graphviz, the layout must match too, to the byte
        assert committed == fresh, STALE
        assert (DOCS / "overview.png").read_bytes() == render(model, request, "png"), STALE


def test_the_readme_shows_the_overview() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/overview.svg)" in readme or "](docs/overview.png)" in readme
    assert "scripts/render-docs.sh" in readme
