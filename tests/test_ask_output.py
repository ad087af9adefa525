"""The text and JSON of the answers to the newer question forms: since when, how often,
how many of a kind in a body, and a count the sources dispute."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from click.testing import Result

Cli = Callable[..., Result]


@pytest.mark.parametrize(
    ("question", "lines"),
    [
        (
            "sinds wanneer bestaat het MRA Bureau?",
            [
                "MRA Bureau bestaat vanaf 2017-01-01.",
                # the bureau exists if the proposals are taken over: said with its status
                "Status op 2017-06-01: actief (voorwaardelijk: als de voorstellen worden overgenomen).",
            ],
        ),
        (
            "until when did the programme managers and policy officers of the Amsterdam City Region exist?",
            [
                "programme managers and policy officers of the Amsterdam City Region"
                " exists until 2017-01-01.",
                "Status on 2017-06-01: ended.",
            ],
        ),
        ("hoe vaak vergadert het plenair overleg?", ["plenair overleg komt 2 keer per jaar bijeen."]),
        ("how often does the plenary meeting meet?", ["plenary meeting meets 2 times a year."]),
        (
            "hoe vaak vergadert het secretarissenoverleg?",
            ["De bron zegt hierover niets voor secretarissenoverleg."],
        ),
        ("hoeveel burgemeesters zitten in de Regiegroep AM?", ["Regiegroep (AM): 7 × burgemeester."]),
        (
            "hoeveel raadsleden per raad zitten in het raadsledenplatform?",
            ["AM-Raadsledenplatform: 2 × raadslid per raad."],
        ),
        (
            "hoeveel directeuren zitten in de werkgeverscommissie?",
            ["De bron noemt directeur in werkgeverscommissie, maar geen aantal."],
        ),
    ],
    ids=[
        "since",
        "until-en",
        "how-often",
        "how-often-en",
        "how-often-unknown",
        "how-many",
        "per",
        "no-number",
    ],
)
def test_a_newer_question_form_answers_in_plain_sentences(cli: Cli, question: str, lines: list[str]) -> None:
    result = cli("--at", "2017-06-01", "ask", question)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[2 : 2 + len(lines)] == lines


def test_a_disputed_count_says_so_in_text_and_json(cli: Cli) -> None:
    question = "hoeveel portefeuillehoudersoverleggen zijn er in AM?"
    text = cli("--at", "2017-06-01", "ask", question).stdout.splitlines()
    assert text[2] == "portefeuillehoudersoverleggen AM omvat 4 onderdelen."
    assert text[3].startswith("Betwist: De brochure noemt vier portefeuillehoudersoverleggen AM")
    data = json.loads(cli("--at", "2017-06-01", "--format", "json", "ask", question).stdout)
    answer = data["answers"][0]
    # the brochure's 'vier' is the group's size in the model (the Toelichting's 'drie' disputes it)
    assert answer["count"] == {"number": 4, "per": None, "basis": "size"}
    assert answer["disputed"] == ["pho-am-aantal"]


def test_period_and_attribute_answers_carry_their_sources_in_json(cli: Cli) -> None:
    period = json.loads(cli("--format", "json", "ask", "wanneer begon het MRA Bureau?").stdout)["answers"][0]
    assert (period["relation"], period["valid_from"], period["valid_to"]) == ("period", "2017-01-01", None)
    assert period["sources"]
    often = json.loads(cli("--format", "json", "ask", "hoe vaak vergadert het plenair overleg?").stdout)
    assert (often["answers"][0]["attribute"], often["answers"][0]["value"]) == ("meetings_per_year", 2)
    assert often["understood_as"][0]["intent"] == "attribute"


def test_every_question_in_the_help_is_answered(cli: Cli) -> None:
    text = cli("ask", "--help").stdout
    block = text[text.index("for instance") : text.index("A name may")]
    block = block[block.index("model:") + len("model:") :]
    asked = [q.strip() + "?" for line in block.splitlines() for q in line.split("?")[:-1]]
    assert len(asked) >= 12
    # A and B stand for the names of two nodes of the model
    names = {"A": "MRA Bureau", "B": "Agendacommissie"}
    asked = [re.sub(r"\b[AB]\b", lambda m: names[m.group(0)], q) for q in asked]
    for question in asked:
        result = cli("--at", "2017-06-01", "ask", question)
        assert result.exit_code == 0, question


@pytest.mark.parametrize(
    "question",
    ["hoe vaak vergadert het plenair overleg?", "sinds wanneer bestaat het MRA Bureau?"],
    ids=["attribute", "period"],
)
def test_sources_follow_a_period_or_attribute_answer(cli: Cli, question: str) -> None:
    lines = cli("--at", "2017-06-01", "ask", "--sources", question).stdout.splitlines()
    assert any(line.startswith("  bron: ") for line in lines)
