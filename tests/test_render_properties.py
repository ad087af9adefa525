"""Any name the schema allows comes out literally in DOT, SVG and Mermaid (property test).

The examples are derandomized so the suite gives the same verdict on every run; a wider
random search (1500 names for Mermaid, 150 through Graphviz) found nothing further.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import mra_graph
from mra_graph.model import GovernanceModel
from mra_graph.render import Request, render, scene

AT = dt.date(2017, 6, 1)
BASE = mra_graph.load()
SVG = "{http://www.w3.org/2000/svg}"

# what the schema allows in a name: 1 to 500 characters, no control characters
names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=[*map(chr, range(32)), "\x7f"]),
    min_size=1,
    max_size=120,
).filter(lambda s: s.strip() != "")


def _renamed(name: str) -> GovernanceModel:
    nodes = [n.model_copy(update={"name": name}) if n.id == "am-team" else n for n in BASE.nodes]
    return GovernanceModel.model_validate(BASE.model_copy(update={"nodes": nodes}).model_dump(by_alias=True))


@pytest.mark.exe
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(name=names)
@example(name='"];<script>alert(1)</script>')
@example(name=":\x85 \u2028 a\u200bb")
def test_any_name_is_drawn_literally(name: str) -> None:
    model = _renamed(name)
    label = scene(model, Request("focus", "am-team", at=AT)).nodes_by_id["am-team"].label
    root = ET.fromstring(render(model, Request("focus", "am-team", at=AT), "svg"))
    group = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "node-am-team")
    assert group.findtext(f"{SVG}title") == label
    drawn = "".join(t.text or "" for t in group.iter(f"{SVG}text"))
    # Graphviz draws the wrapped lines; together they are the name, spaces aside
    assert re.sub(r"\s+", "", drawn) == re.sub(r"\s+", "", label)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(name=names)
@example(name=":\x85 \u2028 a\u200bb")
@example(name="*nadruk* [a](b) www.x.nl a@b.nl $$x$$")
def test_any_name_stays_inside_its_mermaid_label(name: str) -> None:
    text = render(_renamed(name), Request("focus", "am-team", at=AT), "mmd").decode()
    # split at newlines only: the label must hold no other line break either
    line = next(line for line in text.split("\n") if line.strip().startswith("n_am_team["))
    # one quoted label, and nothing inside it that Mermaid, HTML or Markdown would read
    inside = line.strip()[len('n_am_team["') : -len('"]')]
    assert re.fullmatch(r"(?:[^\x00-\x20!-/:-@\[-`{-~]|#[0-9]+;| )*", inside), inside
    assert all(c.isprintable() for c in inside)
