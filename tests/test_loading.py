"""Loading and validating models: every invariant has a broken model in tests/broken/
(a patch to valid.json, or a file) and the exact error it must produce, with line:column
and JSON pointer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

import mra_graph
from mra_graph.errors import ModelError, Problem
from mra_graph.model import loading
from mra_graph.model.locations import positions
from tests.broken import VALID, broken_model, names

# (broken model in tests/broken, the first problem after the file name)
EXPECTED = [
    (
        "active-relation-to-planned",
        ":95:5 /relations/1/status: relation is active but 'secretaris' is under consideration (give the relation status 'under_consideration')",
    ),
    (
        "bad-id",
        ":68:7 /nodes/3/id: 'Kantoor MRA' is not a valid id (use lower-case letters and digits joined by '-', '_' or '.')",
    ),
    ("bom", ":1:1 /: the file starts with a byte-order mark (save it as UTF-8 without BOM)"),
    (
        "capacity-not-allowed",
        ":106:7 /relations/1/capacity: capacity 'ambtelijk' is not allowed here (allowed: none for member_of)",
    ),
    ("condition-without-conditional", ":107:5 /relations/2: 'condition' needs modality 'conditional'"),
    ("control-character", ":33:7 /nodes/0/name: 'Bu\\x07reau' contains a control character"),
    (
        "count-not-allowed",
        ":93:7 /relations/0/count: commissions relations carry no count (counts belong on member_of, prepares, is_secretary_of, represents)",
    ),
    (
        "cycle",
        ":94:5 /relations/1: member_of relations form a cycle: secretaris -> regiegroep -> secretaris (member_of must not loop back)",
    ),
    ("deep-nesting", ":1:101 /: the JSON is nested more than 100 levels deep here"),
    (
        "duplicate-id",
        ":79:7 /nodes/4/id: duplicate id 'secretaris', first used at /nodes/2/id (ids must be unique)",
    ),
    ("duplicate-key", ":3:3 /: duplicate key 'title'"),
    ("duplicate-relation", ":120:5 /relations/3: same relation as /relations/1 (merge their sources)"),
    ("empty", " /: the file is empty (a model is a JSON object with 'title', 'documents' and 'nodes')"),
    ("ended-without-end", ":43:5 /nodes/1: status 'ended' needs a valid_to date: when did it end?"),
    ("long-quote", ":40:11 /nodes/0/sources/0/quote: quote has 30 words, at most 25 are allowed; shorten it"),
    ("malformed", ":2:26 /: not valid JSON: Expecting property name enclosed in double quotes"),
    ("missing-key", ":67:5 /nodes/3/name: missing required key 'name'"),
    ("nan", ":144:32 /: NaN is not allowed in JSON"),
    ("negative-figure", ":157:13 /figures/0/rows/1/values/2017: -2 is negative; figures must be 0 or more"),
    ("not-an-object", ":1:1 /: a model is a JSON object, got list"),
    ("not-utf8", ":18:17 /: the file is not valid UTF-8 (byte 0xe9) (save it as UTF-8)"),
    (
        "outside-lifetime",
        ":86:7 /relations/0/valid_from: relation period 2016-01-01 – … is outside the lifetime 2017-01-01 – … of 'bureau' (give the relation a period inside both endpoints' lifetimes)",
    ),
    ("per-without-count", ":94:5 /relations/1: 'per' needs a 'count': how many per 'raad'?"),
    ("period-order", ":43:5 /nodes/1: valid_from 2018-01-01 must be before valid_to 2017-01-01"),
    (
        "scope-without-members",
        ":86:7 /relations/0/to_scope: to_scope 'each_member' needs members or parts of 'bureau', and it has none (add member_of, part_of relations into 'bureau', or drop to_scope)",
    ),
    ("self-relation", ":80:5 /relations/0: relation points from 'regiegroep' to itself"),
    (
        "stated-difference",
        ":144:11 /figures/0/rows/0/stated_difference: stated difference 2 but 2017 minus 2016 is 1 (fix the figure, or record the disagreement in 'conflicts')",
    ),
    (
        "total-mismatch",
        ":171:13 /figures/0/rows/2/values/2017: total for 2017 is 5 but its rows add up to 4 (fix the figure, or record the disagreement in 'conflicts')",
    ),
    (
        "unknown-conflict-subject",
        ":192:9 /conflicts/0/subjects/0: unknown subject 'buro' (did you mean 'bureau'?)",
    ),
    ("unknown-document", ":38:11 /nodes/0/sources/0/document: unknown document 'dok' (did you mean 'doc'?)"),
    ("unknown-key", ":42:7 /nodes/0/nmae: unknown key 'nmae' (did you mean 'name'?)"),
    ("unknown-node", ":83:7 /relations/0/from: unknown node 'regigroep' (did you mean 'regiegroep'?)"),
    ("unknown-region", ":34:7 /nodes/0/region: unknown region 'mar'"),
    (
        "unknown-relation-kind",
        ":82:7 /relations/0/kind: unknown relation kind 'comissions' (did you mean 'commissions'?)",
    ),
    (
        "unknown-section",
        ":39:11 /nodes/0/sources/0/section: 'Inleidng' is not a section of 'doc' (did you mean 'Inleiding'?)",
    ),
    ("unknown-total-row", ":175:13 /figures/0/rows/2/total_of/1: unknown row 'c' in table 'formatie'"),
    ("unknown-type", ":32:7 /nodes/0/type: 'buro' is not a type of body (did you mean 'bureau'?)"),
    (
        "wrong-endpoint-kind",
        ":111:7 /relations/2/to: housed_at cannot end at 'regiegroep', of kind body (allowed: place)",
    ),
    (
        "wrong-type",
        ":99:7 /relations/1/count: input should be a valid integer, got 'zeven'",
    ),
]


def _problems_loading(data: dict[str, Any], folder: Path) -> list[Problem]:
    """The problems loading ``data``, written as an indented model file in ``folder``, reports."""
    path = folder / "model.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        mra_graph.load(path)
    return list(caught.value.problems)


def _write(name: str, folder: Path) -> Path:
    path = folder / f"{name}.json"
    path.write_bytes(broken_model(name))
    return path


def test_every_broken_model_is_listed() -> None:
    assert names() == sorted(name for name, _ in EXPECTED)


def test_the_base_of_the_broken_models_is_valid() -> None:
    model = mra_graph.load(VALID)
    assert [n.id for n in model.nodes] == ["bureau", "regiegroep", "secretaris", "kantoor"]


@pytest.mark.parametrize(("name", "expected"), EXPECTED, ids=[name for name, _ in EXPECTED])
def test_broken_model_gives_exact_error(name: str, expected: str, tmp_path: Path) -> None:
    path = _write(name, tmp_path)
    with pytest.raises(ModelError) as caught:
        mra_graph.load(path)
    assert str(caught.value.problems[0]) == f"{path}{expected}"


@pytest.mark.parametrize(("name", "expected"), EXPECTED, ids=[name for name, _ in EXPECTED])
def test_validating_a_batch_at_a_time_gives_the_same_errors(
    name: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a national model's nodes and relations are validated in batches: with batches of
    # one, every broken model still gives its exact error
    monkeypatch.setattr(loading, "_BATCH", 1)
    path = _write(name, tmp_path)
    with pytest.raises(ModelError) as caught:
        mra_graph.load(path)
    assert str(caught.value.problems[0]) == f"{path}{expected}"


def test_a_model_validated_in_batches_is_the_model_validated_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = mra_graph.load(VALID)
    monkeypatch.setattr(loading, "_BATCH", 2)
    batched = mra_graph.load(VALID)
    assert batched.model_dump() == whole.model_dump()
    assert batched.model_fields_set == whole.model_fields_set
    assert [r.model_fields_set for r in batched.relations] == [r.model_fields_set for r in whole.relations]


@pytest.mark.parametrize("batch", [1, 2, 2_000])
def test_schema_errors_in_several_batches_are_reported_at_once(
    batch: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "_BATCH", batch)
    data = json.loads(VALID.read_text(encoding="utf-8"))
    data["nodes"][1]["id"] = "Regie Groep"
    data["nodes"][3]["size"] = -1
    data["relations"][0]["count"] = "zeven"
    del data["relations"][-1]["to"]
    problems = _problems_loading(data, tmp_path)
    pointers = [p.pointer for p in problems]
    last = len(data["relations"]) - 1
    assert pointers == ["/nodes/1/id", "/nodes/3/size", "/relations/0/count", f"/relations/{last}/to"]


def test_facts_citing_the_same_section_share_one_citation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "_BATCH", 2)
    model = mra_graph.load(VALID)
    citations = [s for item in (*model.nodes, *model.relations) for s in item.sources]
    same = {(s.document, s.section, s.quote) for s in citations}
    assert len(same) < len(citations)
    assert len({id(s) for s in citations}) == len(same)


@pytest.mark.parametrize(("name", "expected"), EXPECTED[:5], ids=[name for name, _ in EXPECTED[:5]])
def test_check_reports_problem_and_exits_1(
    cli: Callable[..., Result], name: str, expected: str, tmp_path: Path
) -> None:
    path = str(_write(name, tmp_path))
    result = cli("--lang", "en", "check", "--model", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == path + expected
    assert "Traceback" not in result.output


@pytest.mark.parametrize("batch", [1, 2_000])
def test_all_problems_are_reported_at_once(
    batch: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "_BATCH", batch)
    data = json.loads(VALID.read_text(encoding="utf-8"))
    data["relations"][0]["from"] = "regigroep"
    data["relations"][1]["kind"] = "lid_van"
    data["nodes"][0]["region"] = "mar"
    problems = _problems_loading(data, tmp_path)
    pointers = [p.pointer for p in problems]
    assert pointers == ["/nodes/0/region", "/relations/0/from", "/relations/1/kind"]
    assert all(p.line > 0 and p.column > 0 for p in problems)


def test_missing_file_is_one_problem(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot read the model: No such file or directory"):
        mra_graph.load(tmp_path / "absent.json")


def test_quotes_are_checked_against_the_documents(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(
        "Het bureau werkt\nintensief samen met de gemeen-\nten.", encoding="utf-8"
    )
    data = json.loads(VALID.read_text(encoding="utf-8"))
    data["nodes"][0]["sources"] = [
        {"document": "doc", "section": "Inleiding", "quote": "werkt intensief samen"}
    ]
    data["nodes"][1]["sources"] = [{"document": "doc", "section": "Inleiding", "quote": "met de gemeenten"}]
    data["nodes"][2]["sources"] = [{"document": "doc", "section": "Inleiding", "quote": "werkt samen"}]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        mra_graph.load(path, sources_dir=tmp_path)
    # the quotes are what this test is about; whether they state the facts is tested apart
    quotes = [(p.pointer, p.message) for p in caught.value.problems if p.pointer.endswith("/quote")]
    assert quotes == [("/nodes/2/sources/0/quote", "quote does not appear verbatim in doc.txt")]


def test_positions_point_at_keys_and_array_items() -> None:
    text = '{\n  "a": [1, {"b": "x/y"}],\n  "c~d": 2\n}'
    found = positions(text, {"/a/1/b", "/c~0d", "/a/0", "/missing"})
    assert found == {"/a/1/b": (2, 13), "/c~0d": (3, 3), "/a/0": (2, 9)}
