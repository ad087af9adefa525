"""Neo4j export: admin-import CSVs that the csv module reads back, and Cypher whose every
statement passes a syntax check and whose string literals decode to the model's text."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from mra_graph.interchange import export_model
from mra_graph.interchange.neo4j import ARRAY_DELIMITER, cypher_string, label_of, type_of
from mra_graph.model.loading import in_id_order
from mra_graph.model.schema import GovernanceModel
from tests.hostile import HOSTILE, hostile_model

# The token kinds of the statements the exporter writes; anything else is a syntax error.
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'(?:[^'\\\n]|\\[\\'nrt])*')
      | (?P<quoted>`(?:[^`]|``)+`)
      | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<symbol>->|\+=|[(){}\[\]:,;=\-.])
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"CREATE", "CONSTRAINT", "IF", "NOT", "EXISTS", "FOR", "REQUIRE", "IS", "UNIQUE", "MERGE", "SET"}
_KEYWORDS |= {"MATCH", "date", "true", "false", "n", "r", "a", "b", "id", "Node", "mra_node_id"}
_CLOSING = {")": "(", "]": "[", "}": "{"}


def _tokens(statement: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    while position < len(statement.rstrip()):
        match = _TOKEN.match(statement, position)
        assert match, f"cannot read {statement[position : position + 40]!r}"
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def _check_syntax(statement: str, labels: set[str]) -> list[str]:
    """The decoded string literals of one statement, after checking it reads as our Cypher."""
    tokens = _tokens(statement)
    assert tokens[-1] == ("symbol", ";")
    assert tokens.count(("symbol", ";")) == 1, statement
    stack: list[str] = []
    strings: list[str] = []
    for kind, text in tokens:
        if kind == "word":
            assert text in _KEYWORDS | labels, f"unexpected word {text!r}"
        elif kind == "symbol" and text in "([{":
            stack.append(text)
        elif kind == "symbol" and text in _CLOSING:
            assert stack, statement
            assert stack.pop() == _CLOSING[text], statement
        elif kind == "string":
            strings.append(_decode(text))
    assert not stack, statement
    return strings


def _decode(literal: str) -> str:
    table = {"\\\\": "\\", "\\'": "'", "\\n": "\n", "\\r": "\r", "\\t": "\t"}
    return re.sub(r"\\[\\'nrt]", lambda m: table[m.group(0)], literal[1:-1])


@pytest.fixture(params=["bundled", "hostile"])
def subject(request: pytest.FixtureRequest, model: GovernanceModel) -> GovernanceModel:
    return model if request.param == "bundled" else hostile_model(model)


def test_every_cypher_statement_passes_the_syntax_check(subject: GovernanceModel) -> None:
    script = export_model(subject, "neo4j").files["graph.cypher"].decode("utf-8")
    labels = {label_of(n) for n in subject.nodes} | {type_of(r) for r in subject.relations}
    statements = script.splitlines()
    assert len(statements) == 1 + len(subject.nodes) + len(subject.relations)
    decoded = [s for statement in statements for s in _check_syntax(statement, labels)]
    for node in subject.nodes:
        assert node.name in decoded
        assert all(alias in decoded for alias in node.aliases)
    for relation in subject.relations:
        assert relation.note is None or relation.note in decoded


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
def test_cypher_string_literals_decode_to_the_text(text: str) -> None:
    literal = cypher_string(text + "\n\t\r")
    assert _tokens(literal) == [("string", literal)]
    assert _decode(literal) == text + "\n\t\r"


def _read(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_admin_csvs_hold_every_node_and_relationship(subject: GovernanceModel) -> None:
    files = export_model(subject, "neo4j").files
    subject = in_id_order(subject)  # the rows are in id order, whatever the file's order
    nodes = _read(files["nodes.csv"])
    assert [row[":ID"] for row in nodes] == [n.id for n in subject.nodes]
    for row, node in zip(nodes, subject.nodes, strict=True):
        assert row["name:string"] == node.name
        assert row[":LABEL"] == f"Node{ARRAY_DELIMITER}{label_of(node)}"
        assert json.loads(row["sources:string"]) == [s.model_dump(exclude_none=True) for s in node.sources]
    relations = _read(files["relationships.csv"])
    assert [(r[":START_ID"], r[":END_ID"], r[":TYPE"]) for r in relations] == [
        (r.from_, r.to, type_of(r)) for r in subject.relations
    ]


def test_array_items_with_the_delimiter_are_a_listed_loss(model: GovernanceModel) -> None:
    assert not any(ARRAY_DELIMITER in a for n in model.nodes for a in n.aliases)
    hostile = hostile_model(model)
    clashing = sum(
        ARRAY_DELIMITER in item
        for n in hostile.nodes
        for item in [
            *n.aliases,
            *(v for value in n.attributes.values() if isinstance(value, list) for v in value),
        ]
    )
    losses = {loss.what: loss.count for loss in export_model(hostile, "neo4j").losses}
    assert losses[f"list items with {ARRAY_DELIMITER!r} in nodes.csv"] == clashing > 0


def test_export_is_deterministic(model: GovernanceModel) -> None:
    assert export_model(model, "neo4j").files == export_model(model, "neo4j").files
