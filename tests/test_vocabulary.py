"""The vocabulary file: its own consistency, and how its terms read."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from mra_graph.errors import ModelError
from mra_graph.model.schema import Modality, Scope
from mra_graph.model.vocabulary import data_file, vocabulary


def test_a_capacity_a_relation_kind_names_must_be_defined(tmp_path: Path) -> None:
    data = json.loads(data_file("model", "vocabulary.json").read_text(encoding="utf-8"))
    data["relation_kinds"]["commissions"]["capacities"].append("informeel")
    broken = tmp_path / "vocabulary.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="names capacities \\['informeel'\\] not under 'capacities'"):
        vocabulary(broken)


@pytest.mark.parametrize(
    ("capacity", "lang", "text"),
    [
        ("bestuurlijk", "nl", "bestuurlijk"),
        ("bestuurlijk", "en", "executive"),
        ("ambtelijk", "en", "civil-service"),
    ],
)
def test_capacities_read_in_the_answer_language(capacity: str, lang: str, text: str) -> None:
    assert vocabulary().capacity_text(capacity, lang) == text


def test_a_true_attribute_flag_is_shown_with_the_relation(cli: Callable[..., Result]) -> None:
    # "Het secretarissenoverleg … kent een roulerend voorzitterschap" (Secretarissenoverleg)
    nl = cli("--at", "2017-06-01", "query", "chairs", "--to", "secretarissenoverleg")
    en = cli("--lang", "en", "--at", "2017-06-01", "query", "chairs", "--to", "secretarissenoverleg")
    assert "  - gemeentesecretaris (roulerend, afgeleid)" in nl.stdout
    assert "(rotating, inferred)" in en.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_modality_scope_and_mark_reads_in_both_languages(lang: str) -> None:
    voc = vocabulary()
    for modality in Modality:
        assert voc.modality_text(modality.value, lang) != modality.value or lang == "en"
        assert modality.value in voc.modalities
    for scope in Scope:
        assert "{node}" in voc.scopes[scope.value].text(lang)
        assert voc.scope_text(scope.value, "AM-team", lang).endswith("AM-team")
        for side in ("from", "to"):
            assert f"{side}.{scope.value}" in voc.marks
    assert "{node}" in voc.marks["through"].text(lang)
    assert voc.mark_text("disputed", lang) == {"nl": "betwist", "en": "disputed"}[lang]


@pytest.mark.parametrize(
    ("modality", "lang", "text"),
    [
        ("conditional", "nl", "voorwaardelijk"),
        ("conditional", "en", "conditional"),
        ("reserved", "nl", "gereserveerd"),
        ("possible", "en", "possible"),
    ],
)
def test_modalities_read_in_the_answer_language(modality: str, lang: str, text: str) -> None:
    assert vocabulary().modality_text(modality, lang) == text


def test_no_code_names_a_relation_kind() -> None:
    # what a kind means to the code is its role in the vocabulary, so a model's own
    # vocabulary may call its kinds anything
    import ast

    import mra_graph

    kinds = set(vocabulary().relation_kinds)
    found = []
    for file in sorted(Path(mra_graph.__file__).parent.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in kinds:
                found.append(f"{file.name}:{node.lineno} {node.value}")
    assert found == []


def test_every_role_the_code_reads_has_a_kind_in_the_bundled_vocabulary() -> None:
    from mra_graph.model.vocabulary import ROLES

    voc = vocabulary()
    assert {r for r in ROLES if voc.kinds_with(r)} == set(ROLES)
    assert voc.kinds_with("membership", "part") == ("member_of", "part_of")
    assert voc.role("chairs") == "chair"
    assert voc.role("cooperates_with") is None


def test_every_relation_kind_is_used_by_the_bundled_model_or_the_example() -> None:
    # so that every kind is asked, drawn and exported somewhere in the tests
    from mra_graph import load

    example = Path(__file__).parent.parent / "examples" / "lindenwaard-veenhoven.json"
    used = {r.kind for model in (load(), load(example)) for r in model.relations}
    assert set(vocabulary().relation_kinds) - used == set()


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("nl", "wie controleert het algemeen bestuur?"),
        ("nl", "wie houdt toezicht op het algemeen bestuur?"),
        ("nl", "door wie wordt het algemeen bestuur gecontroleerd?"),
        ("en", "who scrutinises the general board?"),
        ("en", "who oversees the general board?"),
        ("en", "by whom is the general board held to account?"),
    ],
)
def test_scrutiny_is_asked_in_both_languages(lang: str, question: str) -> None:
    import datetime as dt

    from mra_graph import load
    from mra_graph.questions.ask import answer_question

    model = load(Path(__file__).parent.parent / "examples" / "lindenwaard-veenhoven.json")
    result = answer_question(model, question, dt.date(2024, 6, 1))
    assert result.reading.kind == "scrutinises"
    hits = [h.node.id for a in result.answers for h in a.hits]
    assert hits == ["gemeenteraden-lv"]
