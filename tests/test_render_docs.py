"""The diagrams in docs/ (shown by the README) are what scripts/render-docs.sh draws now."""

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
STALE = "docs/{view}.* are out of date; run ./scripts/render-docs.sh"


def _setting(name: str) -> str:
    found = re.search(rf'^{name}="?([^"\n]+)"?$', SCRIPT.read_text(encoding="utf-8"), flags=re.M)
    assert found, f"scripts/render-docs.sh must set {name}"
    return found.group(1)


def _at() -> dt.date:
    return dt.date.fromisoformat(_setting("AT"))


VIEWS = _setting("VIEWS").split()


def _content(svg: bytes) -> list[tuple[str, str]]:
    """Every group's id and title, and every drawn text: what the picture says, not where."""
    root = ET.fromstring(svg)
    svg_ns = "{http://www.w3.org/2000/svg}"
    said = [(g.get("id", ""), g.findtext(f"{svg_ns}title") or "") for g in root.iter(f"{svg_ns}g")]
    said += [("text", t.text or "") for t in root.iter(f"{svg_ns}text")]
    said += [("desc", root.findtext(f"{svg_ns}desc") or "")]
    return sorted(said)


def test_the_script_draws_the_views_it_names_and_nothing_else() -> None:
    assert VIEWS == ["overview-mra", "overview-am"]
    drawn = sorted(p.name for p in DOCS.iterdir() if p.suffix in (".svg", ".png"))
    assert drawn == sorted(f"{view}.{fmt}" for view in VIEWS for fmt in ("svg", "png"))


@pytest.mark.parametrize("view", VIEWS)
def test_the_docs_diagrams_are_current(model: GovernanceModel, view: str) -> None:
    committed = (DOCS / f"{view}.svg").read_bytes()
    # drawn as the command line draws it, with the bundled model's own view file
    request = Request(view, at=_at(), views=model_views())
    fresh = render(model, request, "svg")
    stale = STALE.format(view=view)
    # what the picture says must match whatever Graphviz drew it
    assert _content(committed) == _content(fresh), stale
    if graphviz_version(committed) == graphviz_version(fresh):
        # with the same Graphviz, the layout must match too, to the byte
        assert committed == fresh, stale
        assert (DOCS / f"{view}.png").read_bytes() == render(model, request, "png"), stale


def test_the_readme_shows_the_docs_diagrams() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for view in VIEWS:
        assert f"](docs/{view}.svg)" in readme, view
        assert f"](docs/{view}.png)" in readme, view
    assert "scripts/render-docs.sh" in readme
