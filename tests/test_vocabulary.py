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


# --- a model's own vocabulary file -------------------------------------------------------

EXAMPLE = Path(__file__).parent.parent / "examples" / "lindenwaard-veenhoven.json"

OWN_VOCABULARY = {
    "node_kinds": {"organisation": {"types": {"fire_service": {"nl": "brandweer", "en": "fire service"}}}},
    "relation_kinds": {
        "sits_on": {
            "nl": {"active": "heeft zitting in", "passive": "heeft als lid"},
            "en": {"active": "sits on", "passive": "has as a member"},
            "from_kinds": ["role", "organisation"],
            "to_kinds": ["body"],
            "countable": True,
            "role": "membership",
            "responsibility": "to_target",
        }
    },
}


@pytest.fixture
def own_vocabulary(tmp_path: Path) -> Path:
    """The invented example with its memberships of roles in a kind of its own, and a
    fire service that sits on the general board."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for rel in data["relations"]:
        if rel["kind"] == "member_of" and rel["from"] in ("wethouder-lv", "gemeentesecretaris-lv"):
            rel["kind"] = "sits_on"
            rel["id"] = rel["id"].replace(".member_of.", ".sits_on.")
    data["nodes"].append(
        {
            "id": "brandweer",
            "kind": "organisation",
            "type": "fire_service",
            "name": "brandweer Veenstreek",
            "region": "vs",
            "sources": data["nodes"][-2]["sources"],
        }
    )
    path = tmp_path / "regio.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "regio.vocabulary.json").write_text(json.dumps(OWN_VOCABULARY, indent=2), encoding="utf-8")
    return path


def test_a_model_may_add_to_the_vocabulary(own_vocabulary: Path) -> None:
    import datetime as dt

    from mra_graph import load
    from mra_graph.questions.ask import answer_question
    from mra_graph.questions.queries import members

    model = load(own_vocabulary)
    assert model.vocabulary.role("sits_on") == "membership"
    assert "sits_on" not in vocabulary().relation_kinds  # the model's, not the bundled one
    day = dt.date(2024, 6, 1)
    # the kind of its own counts as membership: the board's members are its aldermen
    found = {h.node.id: h.relation.kind for h in members(model, "algemeen-bestuur-lv", day).hits}
    assert found["wethouder-lv"] == "sits_on"
    asked = answer_question(model, "wie heeft zitting in het algemeen bestuur?", day)
    assert asked.reading.kind == "sits_on"
    assert asked.reading.lang == "nl"
    assert model.vocabulary.type_name("organisation", "fire_service", "en") == "fire service"


@pytest.mark.parametrize(
    "args",
    [
        ("members", "algemeen bestuur"),
        ("ask", "welke brandweer is er?"),
        ("show", "brandweer"),
        ("query", "sits_on", "--to", "algemeen bestuur"),
        ("chain", "wethouder"),
        ("render", "overview-vs", "-o", "x.dot"),
        ("render", "focus", "algemeen bestuur", "-o", "x.svg"),
        ("report", "-o", "x.html"),
        ("export", "turtle", "-o", "x.ttl"),
        ("export", "popolo", "-o", "x.json"),
        ("export", "archimate", "-o", "x.xml"),
        ("export", "graphml", "-o", "x.graphml"),
        (
            "add-relation",
            "sits_on",
            "gemeentesecretaris",
            "Stuurgroep (LV)",
            "--source",
            "regeling-lindenwaard-veenhoven",
            "Stuurgroep",
            "--quote",
            "De stuurgroep",
        ),
    ],
    ids=lambda a: a[0],
)
def test_every_command_reads_the_model_with_its_vocabulary(
    cli: Callable[..., Result], own_vocabulary: Path, tmp_cwd: Path, args: tuple[str, ...]
) -> None:
    result = cli("--model", str(own_vocabulary), "--at", "2024-06-01", *args)
    assert result.exit_code == 0, result.stderr
    assert "sits_on" not in vocabulary().relation_kinds


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            {"relation_kinds": {"supports": OWN_VOCABULARY["relation_kinds"]["sits_on"]}},  # type: ignore[index]
            ":3:5 /relation_kinds/supports: 'supports' is bundled already",
        ),
        (
            {"relation_kinds": {"x": {**OWN_VOCABULARY["relation_kinds"]["sits_on"], "role": "boss"}}},  # type: ignore[index]
            "/relation_kinds/x/role",
        ),
        ({"node_kinds": {"person": {"types": {}}}}, "/node_kinds/person: unknown node kind 'person'"),
        ({"relations": {}}, "unknown key 'relations'"),
    ],
)
def test_a_broken_vocabulary_file_names_file_line_and_path(
    own_vocabulary: Path, cli: Callable[..., Result], content: object, message: str
) -> None:
    file = own_vocabulary.with_name("regio.vocabulary.json")
    file.write_text(json.dumps(content, indent=2), encoding="utf-8")
    result = cli("--lang", "en", "--model", str(own_vocabulary), "check")
    assert result.exit_code == 1
    assert f"{file}" in result.stdout
    assert message in result.stdout


def test_the_api_answers_and_draws_with_the_model_vocabulary(own_vocabulary: Path) -> None:
    # the reply's text and the diagram's files are made after the call that returns them
    import mra_graph

    model = mra_graph.load(own_vocabulary)
    reply = model.ask("wie heeft zitting in het algemeen bestuur?", at="2024-06-01")
    diagram = model.render("focus", "algemeen bestuur", at="2024-06-01")
    assert "algemeen bestuur heeft als lid:\n  - wethouder" in str(reply)
    assert reply.data["understood_as"]
    assert "heeft zitting in" in diagram.dot
    assert "heeft zitting in" in diagram.description


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("welke lokale overheden zijn er?", "nl"),
        ("welke lokale overheden zijn lid van het algemeen bestuur?", "nl"),
        ("which local authorities are there?", "en"),
    ],
)
def test_the_organisation_types_of_a_joint_arrangement_are_asked_for(question: str, lang: str) -> None:
    import datetime as dt

    from mra_graph.questions.ask import answer_question
    from tests.test_render_definitions import district_model

    model = district_model()
    result = answer_question(model, question, dt.date(2024, 6, 1))
    assert result.reading.lang == lang
    found = {n.id for a in result.answers for n in (*a.nodes, *(h.node for h in a.hits))}
    assert found == {n.id for n in model.nodes if n.type == "local_authority"}
