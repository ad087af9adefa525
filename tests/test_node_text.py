"""The text of list and show: a table of nodes whose columns line up, and one node's card."""

from __future__ import annotations

import datetime as dt

import pytest

from mra_graph.model.schema import GovernanceModel
from mra_graph.present.node_text import node_card, node_table
from mra_graph.present.summary import node_detail, node_ref
from mra_graph.words import Lang, words

AT = dt.date(2017, 6, 1)


@pytest.mark.parametrize("lang", ["nl", "en"], ids=["dutch", "english"])
def test_the_node_table_has_a_header_and_one_aligned_row_per_node(model: GovernanceModel, lang: Lang) -> None:
    nodes = sorted(model.nodes, key=lambda n: n.id)
    refs = [node_ref(model, n, AT, lang) for n in nodes]
    lines = node_table(model, nodes, refs, lang)
    columns = words(lang).section("model")["columns"]
    assert lines[0].split() == [columns[c] for c in ("id", "name", "kind", "region", "status")]
    assert len(lines) == len(nodes) + 1
    # the second column starts at the same place on every line: past the widest id
    name_at = max(len(columns["id"]), *(len(n.id) for n in nodes)) + 2
    for line, ref in zip(lines[1:], refs, strict=True):
        assert line.startswith(ref["id"])
        assert line[name_at:].startswith(ref["label"])


@pytest.mark.parametrize("lang", ["nl", "en"], ids=["dutch", "english"])
def test_the_node_card_names_the_node_then_its_relations_and_sources(
    model: GovernanceModel, lang: Lang
) -> None:
    node = model.nodes[0]
    detail = node_detail(model, node, AT, lang)
    lines = node_card(model, node, detail, AT, lang)
    w = words(lang)
    assert lines[0] == f"{detail['label']}  [{node.id}]"
    assert f"  {w('model', 'sources')}:" in lines
    quoted = lines[lines.index(f"  {w('model', 'sources')}:") + 1 :]
    assert len(quoted) == len(detail["sources"])
    if detail["outgoing"] or detail["incoming"]:
        assert f"  {w('model', 'relations')}:" in lines
