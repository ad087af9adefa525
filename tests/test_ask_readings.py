"""`ask` on Dutch questions that read two ways (``wat ondersteunt X``): the likelier
reading is answered, the choice is said, and the other reading is shown when it has answers."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from click.testing import Result

from mra_graph.errors import QuestionError
from mra_graph.model.schema import GovernanceModel
from mra_graph.questions.ask import answer_question

Cli = Callable[..., Result]
Y2017 = dt.date(2017, 6, 1)


@pytest.mark.parametrize(
    ("question", "direction", "why", "found"),
    [
        # brochure: "De Regiegroep, het secretarissenoverleg en het plenair overleg worden
        # ondersteund door de algemeen regiosecretaris"
        (
            "Welke organen ondersteunt de algemeen regiosecretaris?",
            "outgoing",
            "agreement",
            ["plenair-overleg-am", "regiegroep-am", "secretarissenoverleg-am"],
        ),
        # Inleiding: the bureau supports the Regiegroep, Agendacommissie, platforms, PHO's, ...
        (
            "Wat ondersteunt het MRA Bureau?",
            "outgoing",
            "default_object",
            [
                "agendacommissie-mra",
                "colleges-mra",
                "mra",
                "mra-agenda",
                "pho-mra",
                "platforms-mra",
                "regiegroep-mra",
            ],
        ),
        # brochure: the PHO's AM are "ter voorbereiding op de Platforms en
        # portefeuillehoudersoverleggen binnen de MRA"
        (
            "Wat bereiden de portefeuillehoudersoverleggen AM voor?",
            "outgoing",
            "agreement",
            ["pho-mra", "platforms-mra"],
        ),
        ("Wie ondersteunt de Regiegroep AM?", "incoming", "default", ["algemeen-regiosecretaris-am"]),
        ("Wie ondersteunen de Regiegroep AM?", "incoming", "default", ["algemeen-regiosecretaris-am"]),
        # a place cannot be housed anywhere, so the name is what houses
        ("Wat huisvest het Amsterdam WTC?", "incoming", "kinds", ["mra-bureau"]),
        ("Wat stuurt de Agendacommissie aan?", "outgoing", "default_object", ["mra-bureau"]),
    ],
    ids=["welke-organen-plural", "wat-bureau", "plural-verb", "wie", "wie-plural", "place", "separable"],
)
def test_a_two_way_question_answers_the_likelier_reading(
    model: GovernanceModel, question: str, direction: str, why: str, found: list[str]
) -> None:
    result = answer_question(model, question, Y2017)
    assert result.reading.direction == direction
    assert result.reading.other_direction == ("incoming" if direction == "outgoing" else "outgoing")
    assert result.reading.why == why
    assert sorted(h.node.id for a in result.answers for h in a.hits) == found


@pytest.mark.parametrize(
    "question",
    [
        "wie is lid van het AM-team?",
        "door wie wordt het MRA Bureau aangestuurd?",
        "who supports the MRA Bureau?",
    ],
    ids=["preposition", "passive", "english"],
)
def test_a_question_that_reads_one_way_has_no_other_reading(model: GovernanceModel, question: str) -> None:
    result = answer_question(model, question, Y2017)
    assert result.reading.other_direction is None
    assert result.other_answers == ()


def test_the_text_says_which_reading_and_shows_the_other_when_it_has_answers(cli: Cli) -> None:
    out = cli("--at", "2017-06-01", "ask", "Wat bereiden de portefeuillehoudersoverleggen AM voor?").stdout
    lines = out.splitlines()
    assert lines[1] == (
        "De vraag is op twee manieren te lezen; beantwoord is: "
        "'portefeuillehoudersoverleggen AM bereidt … voor' (werkwoord en vraagwoord verschillen in getal, "
        "dus portefeuillehoudersoverleggen AM is het onderwerp)."
    )
    assert lines[3:6] == [
        "portefeuillehoudersoverleggen AM (betwist) bereiden voor:",
        "  - platforms van portefeuillehouders  [pho-am.prepares.platforms-mra]",
        "  - portefeuillehoudersoverleggen  [pho-am.prepares.pho-mra]",
    ]
    assert (
        "De andere lezing, '… bereidt portefeuillehoudersoverleggen AM voor', heeft ook antwoorden:" in lines
    )
    # 'Ieder portefeuillehoudersoverleg wordt voorbereid door een ambtelijke werkgroep'
    assert lines[-1] == (
        "  - ambtelijke werkgroep (voor ieder lid of onderdeel, 1 per portefeuillehoudersoverleg)"
        "  [ambtelijke-werkgroep-am.prepares.pho-am]"
    )


def test_the_plain_reading_without_other_answers_adds_no_note(cli: Cli) -> None:
    out = cli("--at", "2017-06-01", "ask", "wie ondersteunt de Regiegroep AM?").stdout
    assert (
        out == "Stand op 2017-06-01\n\nRegiegroep (AM) wordt ondersteund door:\n"
        "  - algemeen regiosecretaris  [algemeen-regiosecretaris-am.supports.regiegroep-am]\n"
    )


def test_json_lists_both_readings_with_the_answered_one_first(cli: Cli) -> None:
    out = cli("--at", "2017-06-01", "--format", "json", "ask", "Wat ondersteunt de Regiegroep AM?").stdout
    data = json.loads(out)
    first, second = data["understood_as"]
    assert (first["direction"], first["chosen"], first["why"]) == ("outgoing", True, "default_object")
    assert (second["direction"], second["chosen"]) == ("incoming", False)
    assert data["answers"][0]["results"] == []
    assert [r["id"] for r in second["answers"][0]["results"]] == ["algemeen-regiosecretaris-am"]


def test_the_note_follows_the_answer_language(cli: Cli) -> None:
    out = cli("--lang", "en", "--at", "2017-06-01", "ask", "Wat ondersteunt de Regiegroep AM?").stdout
    assert "The question reads two ways; answered is: 'Steering Group (AM) supports …'" in out
    assert "The other reading, '… supports Steering Group (AM)', has answers too:" in out
    assert "ondersteunt" not in out


@pytest.fixture(scope="module")
def other_region() -> GovernanceModel:
    """A made-up model of other regions, with names and ids that share nothing with MRA-AM."""
    from benchmarks.synthetic import national_model
    from mra_graph import load_text

    return load_text(json.dumps(national_model(6)), "synthetic.json")


@pytest.mark.parametrize("which", ["bundled", "other-region"])
def test_every_example_offered_for_an_unreadable_question_can_be_answered(
    model: GovernanceModel, other_region: GovernanceModel, which: str
) -> None:
    chosen = model if which == "bundled" else other_region
    with pytest.raises(QuestionError) as caught:
        answer_question(chosen, "waarom?", Y2017)
    # in the question's language, built from the model's own relations
    assert 2 <= len(caught.value.examples) <= 3
    assert all(e.startswith("Wie ") for e in caught.value.examples)
    for example in caught.value.examples:
        result = answer_question(chosen, example, Y2017)
        assert result.reading.intent == "relation"
        assert any(a.hits for a in result.answers) or any(a.hits for a in result.other_answers)
