"""Starting a model and the edits that build and correct it: init, remove, add-section,
add-figure-row, add-conflict, set on every kind of item, names for ids, inherited
periods, attributes, renames in diff, and each message in both languages."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from mra_graph import load
from mra_graph.editing import edits as editing
from mra_graph.editing.model_file import edit_model_file, lock_path
from mra_graph.model.schema import GovernanceModel
from mra_graph.questions import queries

Cli = Callable[..., Result]
SRC = ("--source", "besluit", "Artikel 1")


def _ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def small(cli: Cli, tmp_path: Path) -> Path:
    """A model of three nodes and two relations, made with commands only."""
    path = tmp_path / "gr.json"
    m = ("--model", str(path))
    _ok(cli("init", str(path), "--title", "Regeling Oostmoer (fictief)"))
    _ok(cli(*m, "add-document", "besluit", "--title", "Besluit", "--file", "besluit.txt",
            "--period", "2025", "--section", "Artikel 1"))  # fmt: skip
    _ok(cli(*m, "add-region", "oost", "--name", "Oost", "--short", "O", *SRC))
    _ok(cli(*m, "add-node", "ab", "--kind", "body", "--name", "Algemeen bestuur", *SRC))
    _ok(cli(*m, "add-node", "db", "--kind", "body", "--name", "Dagelijks bestuur", "--region", "oost", *SRC))
    _ok(cli(*m, "add-node", "kamer", "--kind", "body", "--name", "Kamer", "--from", "2025-03-01", *SRC))
    _ok(cli(*m, "add-relation", "part_of", "Dagelijks bestuur", "ab", *SRC))
    _ok(cli(*m, "add-relation", "informs", "kamer", "algemeen bestuur", *SRC))
    return path


def test_init_writes_the_smallest_valid_model_and_refuses_an_existing_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "nieuw.json"
    assert _ok(cli("init", str(path), "--title", "Nieuw")) == f"{path}: nieuw model 'Nieuw' (nl)\n"
    assert json.loads(path.read_text(encoding="utf-8")) == {"title": "Nieuw", "nodes": []}
    assert load(path).documents == []
    english = tmp_path / "new.json"
    _ok(cli("--lang", "en", "init", str(english), "--title", "New", "--lang", "en"))
    assert load(english).lang == "en"
    before = path.read_bytes()
    refused = cli("--lang", "en", "init", str(path), "--title", "Other")
    assert refused.exit_code == 1
    assert "exists already; nothing was written" in refused.stderr
    assert path.read_bytes() == before


def test_a_fact_still_needs_a_document(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "leeg.json"
    _ok(cli("init", str(path), "--title", "Leeg"))
    result = cli(
        "--lang",
        "en",
        "--model",
        str(path),
        "add-node",
        "x",
        "--kind",
        "body",
        "--name",
        "X",
        "--source",
        "d",
        "s",
    )
    assert result.exit_code == 1
    assert "/nodes/0/sources/0/document: unknown document 'd'" in result.stderr


def test_an_edit_of_a_missing_file_says_so_and_leaves_no_lock(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "weg.json"
    for lang, words in (("nl", "bestaat niet"), ("en", "does not exist")):
        result = cli("--lang", lang, "--model", str(path), "add-document", "d", "--title", "T",
                     "--file", "d.txt", "--period", "2025", "--section", "S")  # fmt: skip
        assert result.exit_code == 1
        assert words in result.stderr
        assert "init" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert not lock_path(path).exists()


def test_remove_a_node_refuses_while_relations_remain_and_cascades(cli: Cli, small: Path) -> None:
    m = ("--model", str(small))
    before = small.read_bytes()
    refused = cli("--lang", "en", *m, "remove", "Algemeen bestuur")
    assert refused.exit_code == 2
    assert "'ab' still has 2 relations (db.part_of.ab, kamer.informs.ab)" in refused.stderr
    assert small.read_bytes() == before
    said = _ok(cli(*m, "remove", "ab", "--cascade"))
    assert said == f"{small}: onderdeel 'ab' verwijderd, met 2 relaties: db.part_of.ab, kamer.informs.ab\n"
    model = load(small)
    assert "ab" not in model.nodes_by_id
    assert model.relations == []
    assert '"relations"' not in small.read_text(encoding="utf-8")  # the empty list is left out


def test_remove_a_relation_a_region_and_a_document(cli: Cli, small: Path) -> None:
    m = ("--model", str(small), "--lang", "en")
    assert _ok(cli(*m, "remove", "db.part_of.ab")) == f"{small}: removed relation 'db.part_of.ab'\n"
    in_use = cli(*m, "remove", "oost")
    assert in_use.exit_code == 2
    assert "region 'oost' still holds 1 node (db)" in in_use.stderr
    _ok(cli(*m, "set", "db", "--unset", "region"))
    assert _ok(cli(*m, "remove", "region:oost")) == f"{small}: removed region 'oost'\n"
    cited = cli(*m, "remove", "besluit")
    assert cited.exit_code == 2
    assert "document 'besluit' is cited by 4 items (ab, kamer, db, kamer.informs.ab)" in cited.stderr


def test_set_reaches_the_model_regions_and_documents(cli: Cli, small: Path) -> None:
    m = ("--model", str(small))
    _ok(cli(*m, "set", "model:", "title_en=Oostmoer arrangement", "lang=en"))
    _ok(cli(*m, "set", "region:oost", "name_en=East"))
    _ok(cli(*m, "set", "besluit", "title_en=Decision"))
    _ok(cli(*m, "add-section", "besluit", "Artikel 2"))
    model = load(small)
    assert (model.title_en, model.lang) == ("Oostmoer arrangement", "en")
    assert model.regions_by_id["oost"].name_en == "East"
    assert model.documents[0].title_en == "Decision"
    assert model.documents[0].sections == ["Artikel 1", "Artikel 2"]
    bad = cli("--lang", "en", *m, "set", "model:", "nodes=[]")
    assert bad.exit_code == 2
    said = "a model has no field 'nodes' that can be set; use one of 'lang', 'title', 'title_en'"
    assert said in bad.stderr


def test_every_edit_takes_a_name_or_an_id(cli: Cli, small: Path) -> None:
    m = ("--model", str(small))
    _ok(cli(*m, "set", "Dagelijks bestuur", "size=5"))
    _ok(cli(*m, "rename", "dagelijks bestuur", "DB", "--on", "2025-06-01"))
    _ok(cli(*m, "end", "DB", "--on", "2026-01-01", "--with-relations"))
    node = load(small).nodes_by_id["db"]
    assert (node.size, node.name, str(node.valid_to)) == (5, "DB", "2026-01-01")


def test_a_relation_takes_the_period_of_its_nodes_unless_given(cli: Cli, small: Path) -> None:
    model = load(small)
    assert model.relations_from["kamer"][0].valid_from == dt.date(2025, 3, 1)
    assert model.relations_from["db"][0].valid_from is None
    _ok(cli("--model", str(small), "add-relation", "supports", "kamer", "db", "--from", "2025-05-01", *SRC))
    given = next(r for r in load(small).relations if r.id == "kamer.supports.db")
    assert given.valid_from == dt.date(2025, 5, 1)
    # an end alone keeps the start the nodes give
    _ok(cli("--model", str(small), "add-relation", "informs", "kamer", "db", "--to", "2025-09-01", *SRC))
    ended = next(r for r in load(small).relations if r.id == "kamer.informs.db")
    assert (ended.valid_from, ended.valid_to) == (dt.date(2025, 3, 1), dt.date(2025, 9, 1))


def test_attributes_on_a_relation_and_the_id_in_the_confirmation(cli: Cli, small: Path) -> None:
    said = _ok(cli("--lang", "en", "--model", str(small), "add-relation", "chairs", "ab", "db",
                   "--attr", "rotating=true", "--attr", "formal=true", *SRC))  # fmt: skip
    assert said == f"{small}: added relation 'ab.chairs.db': 'chairs' ab → db\n"
    relation = next(r for r in load(small).relations if r.id == "ab.chairs.db")
    assert relation.attributes == {"formal": True, "rotating": True}
    shown = _ok(cli("--model", str(small), "--at", "2025-06-01", "show", "db"))
    assert "[ab.chairs.db]" in shown


def test_figure_rows_and_conflicts(cli: Cli, small: Path) -> None:
    m = ("--model", str(small), "--lang", "en")
    missing = cli(*m, "add-figure-row", "formatie", "staf", "--label", "Staf", "--value", "2025=3", *SRC)
    assert missing.exit_code == 2
    assert "there is no figure table 'formatie'" in missing.stderr
    _ok(cli(*m, "add-figure-row", "formatie", "staf", "--label", "Staf", "--value", "2025=3",
            "--value", "2026=4", "--table-title", "Formatie", "--table-unit", "fte",
            "--node", "Dagelijks bestuur", *SRC))  # fmt: skip
    _ok(cli(*m, "add-figure-row", "formatie", "directie", "--label", "Directie", "--value", "2025=1",
            "--value", "2026=1", *SRC))  # fmt: skip
    _ok(cli(*m, "add-conflict", "omvang", "--kind", "contradiction", "--subject", "db",
            "--description", "Omvang",
            "--claim", "Vijf leden", "--claim-source", "besluit", "Artikel 1",
            "--claim", "Zeven leden", "--claim-source", "besluit", "Artikel 1"))  # fmt: skip
    model = load(small)
    table = model.figures[0]
    assert ([r.id for r in table.rows], table.years, table.rows[0].nodes) == (
        ["staf", "directie"],
        ["2025", "2026"],
        ["db"],
    )
    assert model.disputed == frozenset({"db"})
    one_claim = cli(*m, "add-conflict", "x", "--kind", "ambiguity", "--subject", "db", "--description", "X",
                    "--claim", "Een", "--claim-source", "besluit", "Artikel 1")  # fmt: skip
    assert one_claim.exit_code == 1  # a conflict needs two claims: the schema says so, with its pointer
    assert "/conflicts/1/claims" in one_claim.stderr


def test_diff_reports_a_rename_and_a_node_replaced_under_a_new_id(small: Path) -> None:
    model = load(small)
    renamed = editing.rename(model, "db", "DB", dt.date(2025, 6, 1))
    change = queries.diff(renamed, dt.date(2025, 1, 1), dt.date(2025, 12, 1))
    assert [(r.node.id, r.old, r.new, r.successor) for r in change.renamed] == [
        ("db", "Dagelijks bestuur", "DB", None)
    ]
    # the same node ended and begun again under a new id, with the same relations
    day = dt.date(2025, 9, 1)
    replaced = editing.end(model, "ab", day, with_relations=True)
    replaced = editing.add_node(
        replaced,
        {"id": "ab2", "kind": "body", "name": "Bestuur", "valid_from": day.isoformat(),
         "sources": [{"document": "besluit", "section": "Artikel 1"}]},
    )  # fmt: skip
    for kind, source in (("part_of", "db"), ("informs", "kamer")):
        replaced = editing.add_relation(
            replaced,
            {
                "kind": kind,
                "from": source,
                "to": "ab2",
                "sources": [{"document": "besluit", "section": "Artikel 1"}],
            },
        )
    change = queries.diff(replaced, dt.date(2025, 6, 1), dt.date(2025, 12, 1))
    assert [(r.node.id, r.new, r.successor.id if r.successor else None) for r in change.renamed] == [
        ("ab", "Bestuur", "ab2")
    ]


def test_an_edit_notes_a_rewrite_only_when_the_file_was_not_canonical(small: Path) -> None:
    def change(draft: editing.Draft) -> str:
        return editing.draft_set_fields(draft, "ab", {"size": 3})

    assert edit_model_file(small, change).reformatted is False
    data = json.loads(small.read_text(encoding="utf-8"))
    small.write_text(json.dumps(data, indent=4) + "\n", encoding="utf-8")  # another layout
    assert edit_model_file(small, change).reformatted is True
    data = json.loads(small.read_text(encoding="utf-8"))
    data["nodes"][1] = dict(reversed(list(data["nodes"][1].items())))  # keys out of order
    small.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert edit_model_file(small, change).reformatted is True
    data = json.loads(small.read_text(encoding="utf-8"))
    data["nodes"][2]["status"] = "active"  # a default written out
    small.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert edit_model_file(small, change).reformatted is True
    assert edit_model_file(small, change).reformatted is False


def test_an_edit_notes_a_rewrite_of_what_it_changes_and_judges_the_model_fields_whole(small: Path) -> None:
    def rename_model(draft: editing.Draft) -> str:
        return editing.draft_set_fields(draft, "model:", {"title": "Regeling Westmoer (fictief)"})

    def remove_with_relations(draft: editing.Draft) -> editing.Target:
        return editing.draft_remove(draft, "ab", cascade=True)

    def set_size(draft: editing.Draft) -> str:
        return editing.draft_set_fields(draft, "ab", {"size": 3})

    canonical = small.read_bytes()
    assert edit_model_file(small, rename_model).reformatted is False
    data = json.loads(canonical)
    data["lang"] = "nl"  # a default of the model's own, written out
    small.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert edit_model_file(small, rename_model).reformatted is True
    # a node and the relations of two others go: canonical before, so nothing else changed
    small.write_bytes(canonical)
    result = edit_model_file(small, remove_with_relations)
    assert (result.changed, result.reformatted) == (True, False)
    # the item the edit changes had its keys out of order: the file was not canonical
    data = json.loads(canonical)
    data["nodes"][0] = dict(reversed(list(data["nodes"][0].items())))
    assert data["nodes"][0]["id"] == "ab"
    small.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert edit_model_file(small, set_size).reformatted is True
    assert edit_model_file(small, set_size).reformatted is False


def test_the_canonical_writer_writes_what_the_json_module_writes(model: GovernanceModel) -> None:
    data = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    expected = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert editing.canonical_bytes(model) == expected.encode("utf-8")


def test_an_id_shared_by_a_region_and_a_node_means_the_node_unless_qualified(model: GovernanceModel) -> None:
    assert "mra" in model.regions_by_id
    assert "mra" in model.nodes_by_id
    changed = editing.set_fields(model, "mra", {"size": 2}, lang="en")
    assert changed.nodes_by_id["mra"].size == 2
    changed = editing.set_fields(model, "region:mra", {"name_en": "Amsterdam Metropolitan Area"})
    assert changed.regions_by_id["mra"].name_en == "Amsterdam Metropolitan Area"


def test_a_source_and_its_quote_are_added_to_what_exists(cli: Cli, small: Path) -> None:
    m = ("--model", str(small), "--lang", "en")
    said = _ok(cli(*m, "add-source", "kamer.informs.ab", *SRC, "--quote", "De kamer ondersteunt het bestuur"))
    assert said == f"{small}: added a source to 'kamer.informs.ab'\n"
    relation = next(r for r in load(small).relations if r.id == "kamer.informs.ab")
    assert relation.sources[-1].quote == "De kamer ondersteunt het bestuur"
    # the same source and quote again is refused, and nothing is written
    again = cli(*m, "add-source", "kamer.informs.ab", *SRC, "--quote", "De kamer ondersteunt het bestuur")
    assert again.exit_code == 2
    assert "cites 'besluit' there with that quote already" in again.stderr
    # a node by its name, in Dutch
    _ok(
        cli(
            "--model", str(small), "add-source", "Dagelijks bestuur", *SRC, "--quote", "Het dagelijks bestuur"
        )
    )
    assert len(load(small).nodes_by_id["db"].sources) == 2


def test_a_question_to_a_model_without_nodes_offers_no_empty_examples(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "leeg.json"
    _ok(cli("init", str(path), "--title", "Leeg"))
    asked = cli("--model", str(path), "ask", "wie ondersteunt het bestuur?")
    assert asked.exit_code == 2
    assert asked.stderr.endswith("het model heeft nog niets om naar te vragen\n")
    assert "bijvoorbeeld" not in asked.stderr
