"""`ask` by kind of question: yes/no, descriptions, where, when, figures, lists and
classes, names set aside as context, misspellings, refusals that say why, and
``--explain``. Expected answers are pinned to the source passages named beside them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from click.testing import Result

from mra_graph.errors import QuestionError, UnknownNameError
from mra_graph.model.schema import GovernanceModel
from mra_graph.questions import frames as f
from mra_graph.questions.ask import answer_question

Cli = Callable[..., Result]
Y2016 = dt.date(2016, 6, 1)
Y2017 = dt.date(2017, 6, 1)


@pytest.mark.parametrize(
    ("question", "verdicts"),
    [
        # Inleiding: "Het bureau richt zich op de ondersteuning van de Regiegroep"
        ("Ondersteunt het MRA Bureau de Regiegroep van de MRA?", [True]),
        ("Ondersteunt het MRA Bureau de Regiegroep?", [True, False]),
        ("Does the MRA Bureau support the Steering Group of AM?", [False]),
        # Sturing: "De Agendacommissie stuurt het MRA-Bureau inhoudelijk aan"
        ("Wordt het MRA Bureau aangestuurd door de Agendacommissie?", [True]),
        ("Is the MRA Bureau steered by the Steering Group of the MRA?", [False]),
        # Plenair overleg: "Voorzitter is de burgemeester van Amstelveen"
        ("Is de burgemeester van Amstelveen voorzitter van het plenair overleg?", [True]),
        # Regiosecretaris en AM-team: four regional secretaries form the AM-team
        ("Is de regiosecretaris Wonen lid van het AM-team?", [True]),
        # Huisvesting: reserved "in het Amsterdam WTC aan de Zuidas"
        ("Is the MRA Bureau located at the Zuidas?", [True]),
    ],
)
def test_a_yes_no_question_says_yes_with_the_facts_or_not_recorded(
    model: GovernanceModel, question: str, verdicts: list[bool]
) -> None:
    result = answer_question(model, question, Y2017)
    assert isinstance(result.reading, f.YesNoReading)
    assert [a.verdict for a in result.answers] == verdicts
    assert all(bool(a.hits) == a.verdict for a in result.answers)


def test_no_means_not_recorded_and_yes_names_the_facts(cli: Cli) -> None:
    no = cli("--at", "2017-06-01", "ask", "Ondersteunt het MRA Bureau de Regiegroep van AM?")
    assert (
        no.stdout.splitlines()[2]
        == "Nee, dat legt het model niet vast: MRA Bureau ondersteunt Regiegroep (AM)."
    )
    yes = cli("--lang", "en", "--at", "2017-06-01", "ask", "Is the MRA Bureau located at the Zuidas?")
    assert yes.stdout.splitlines()[2:] == [
        "Yes: MRA Bureau is housed at Zuidas.",
        "  - MRA Bureau is housed at Amsterdam WTC (reserved)  [mra-bureau.housed_at.amsterdam-wtc]",
        "  - Amsterdam WTC is located in Zuidas (inferred)  [amsterdam-wtc.located_in.zuidas]",
    ]


@pytest.mark.parametrize(
    ("question", "above", "verdict"),
    [
        # Regiosecretaris en AM-team; Opdrachtgeverschap en werkgeverscommissie
        ("Valt de regiosecretaris Economie onder het AM-team?", "am-team", True),
        ("Is the MRA Bureau accountable to the Agenda Committee?", "agendacommissie-mra", True),
        ("Valt het AM-team onder het MRA Bureau?", "mra-bureau", False),
    ],
)
def test_a_yes_no_question_about_a_line_of_responsibility(
    model: GovernanceModel, question: str, above: str, verdict: bool
) -> None:
    result = answer_question(model, question, Y2017)
    assert isinstance(result.reading, f.ChainYesNoReading)
    assert [(a.other.id if a.other else None, a.verdict) for a in result.answers] == [(above, verdict)]


@pytest.mark.parametrize(
    ("question", "mentions"),
    [
        # Regiosecretaris en AM-team: members, and "de aanhaking bij de MRA"
        ("Wat doet het AM-team?", {"mra", "algemeen-regiosecretaris-am", "regiosecretaris-wonen-am"}),
        ("What does the AM team do?", {"mra", "regiosecretaris-economie-am"}),
        # Opdrachtgeverschap: "vervult de rol van ambtelijk opdrachtgever"
        ("Welke rol heeft de werkgeverscommissie?", {"mra-bureau", "directeur", "gemeentesecretaris"}),
        (
            "Wat is het secretarissenoverleg?",
            {"am-overleg", "gemeentesecretaris", "algemeen-regiosecretaris-am"},
        ),
        ("Tell me about the Agenda Committee", {"mra-bureau", "platforms-mra", "pho-mra"}),
    ],
)
def test_a_question_what_something_is_or_does_is_described_both_ways(
    model: GovernanceModel, question: str, mentions: set[str]
) -> None:
    result = answer_question(model, question, Y2017)
    assert isinstance(result.reading, f.DescribeReading)
    found = {h.node.id for a in result.answers for h in (*a.hits, *a.incoming)}
    assert mentions <= found


def test_a_description_prints_the_description_and_the_relations(cli: Cli) -> None:
    out = cli("--at", "2017-06-01", "ask", "Wat doet het AM-team?").stdout.splitlines()
    assert out[2] == "AM-team: team"
    assert out[3].startswith("  De algemeen regiosecretaris en de regiosecretarissen")
    assert out[4] == "Wat het model over AM-team vastlegt:"
    assert "  verzorgt de aanhaking bij  Metropoolregio Amsterdam  [am-team.liaises_with.mra]" in out


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # Inleiding: "vanaf 1 januari 2017"
        ("Sinds wanneer bestaat het MRA Bureau?", "2017-01-01", None),
        ("Since when has the Agenda Committee steered the MRA Bureau?", "2017-01-01", None),
        # Verandering in personeel: the Stadsregio staff's work "vervalt per 2017"
        ("Tot wanneer werkt het personeel van de Stadsregio aan de MRA Agenda?", None, "2017-01-01"),
    ],
)
def test_a_when_question_gives_the_period_of_a_node_or_a_relation(
    model: GovernanceModel, question: str, start: str | None, end: str | None
) -> None:
    result = answer_question(model, question, Y2017)
    assert isinstance(result.reading, f.WhenReading)
    items = result.reading.relations(model) or tuple(a.subject for a in result.answers)
    assert {
        (i.valid_from and i.valid_from.isoformat(), i.valid_to and i.valid_to.isoformat()) for i in items
    } == {(start, end)}


@pytest.mark.parametrize(
    ("question", "row", "values"),
    [
        # Formatie: "totale capaciteit uit regionaal budget 15 14 -1"
        (
            "hoeveel fte totale capaciteit uit regionaal budget in 2017",
            "formatie-totaal-regionaal-budget",
            [14],
        ),
        (
            "What was the total capacity from the regional budget in 2016, in fte?",
            "formatie-totaal-regionaal-budget",
            [15],
        ),
        # the label as the source spells it ('ondersteundende'), asked as it should be spelt
        ("Hoeveel fte ondersteunende taken heeft de MRA in 2017?", "formatie-ondersteunende-taken", [2.5]),
    ],
)
def test_a_staffing_figure_is_found_by_the_words_of_its_row(
    model: GovernanceModel, question: str, row: str, values: list[float]
) -> None:
    result = answer_question(model, question, Y2017)
    assert result.figure is not None
    assert result.figure.row.id == row
    assert [result.figure.row.values[y] for y in result.figure.years] == values


def test_a_difference_between_two_years_is_computed_beside_the_stated_one(cli: Cli) -> None:
    out = cli(
        "ask", "Wat is het verschil in totale capaciteit uit het regionale budget tussen 2016 en 2017?"
    ).stdout
    assert "totale capaciteit uit regionaal budget: van 15 naar 14 fte, verschil -1" in out
    assert "Volgens de bron: verschil -1." in out


@pytest.mark.parametrize(
    ("question", "found"),
    [
        # Regiosecretaris en AM-team: four regional secretaries
        (
            "Welke regiosecretarissen heeft Amstelland-Meerlanden?",
            [
                "algemeen-regiosecretaris-am",
                "regiosecretaris-economie-am",
                "regiosecretaris-verkeer-en-vervoer-am",
                "regiosecretaris-wonen-am",
            ],
        ),
        # Portefeuillehoudersoverleggen: the PHO's of AM (Duurzaamheid only under consideration)
        (
            "welke pho's zijn er in AM",
            ["pho-economie-am", "pho-ruimte-am", "pho-verkeer-en-vervoer-am", "pho-wonen-am"],
        ),
        # Inleiding: the platforms for Ruimte, Economie, Mobiliteit
        (
            "Which platforms does the MRA have?",
            ["platform-economie-mra", "platform-mobiliteit-mra", "platform-ruimte-mra"],
        ),
    ],
)
def test_a_list_of_a_kind_or_a_class_of_names_in_a_region(
    model: GovernanceModel, question: str, found: list[str]
) -> None:
    result = answer_question(model, question, Y2017)
    ids = sorted(
        {n.id for a in result.answers for n in a.nodes} | {h.node.id for a in result.answers for h in a.hits}
    )
    assert ids == found


def test_a_class_of_names_is_counted(cli: Cli) -> None:
    out = cli(
        "--at", "2017-06-01", "ask", "How many regional secretaries does Amstelland-Meerlanden have?"
    ).stdout
    assert out.splitlines()[2] == "4 × 'regional secretary' in Amstelland-Meerlanden:"


def test_a_name_that_only_says_what_the_question_is_about_is_set_aside_and_said(cli: Cli) -> None:
    out = cli(
        "--at", "2017-06-01", "ask", "Wie informeren de raden en staten over de MRA?"
    ).stdout.splitlines()
    assert out[1] == "Niet gebruikt voor het antwoord: 'over de MRA'."
    assert out[3:] == [
        "raden en staten worden geïnformeerd door:",
        "  - colleges (MRA)  [colleges-mra.informs.raden-en-staten]",
        "  - MRA Bureau (voorwaardelijk, onduidelijk) (afgeleid)  [mra-bureau.informs.raden-en-staten]",
    ]


@pytest.mark.parametrize(
    ("question", "read_as", "subject"),
    [
        ("Wie ondersteund de Agendacommisie?", "agendacommissie", "agendacommissie-mra"),
        ("who chairs the plenairy meeting", "plenary meeting", "plenair-overleg-am"),
        (
            "Door wie word het secretarissen overleg ondersteund",
            "secretarissenoverleg",
            "secretarissenoverleg-am",
        ),
        ("wat ondersteunt de algemeen RS", "algemeen regiosecretaris", "algemeen-regiosecretaris-am"),
    ],
    ids=["dt-and-typo", "english-typo", "split-word", "abbreviation"],
)
def test_misspellings_d_t_errors_and_abbreviations_are_read_and_said(
    model: GovernanceModel, question: str, read_as: str, subject: str
) -> None:
    result = answer_question(model, question, Y2017)
    assert [a.subject.id for a in result.answers] == [subject]
    assert any(t.read_as == read_as for t in result.reading.tags)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Wat verdient de secretaris-directeur?", ("verdient",)),
        ("Hoeveel inwoners heeft de Metropoolregio Amsterdam?", ("inwoners",)),
        ("What's the rent for the MRA Bureau's office at the WTC?", ("rent",)),
    ],
)
def test_words_it_does_not_understand_are_named_never_dropped(
    model: GovernanceModel, question: str, words: tuple[str, ...]
) -> None:
    with pytest.raises(QuestionError) as caught:
        answer_question(model, question, Y2017)
    assert set(words) <= set(caught.value.unknown)


def test_a_refusal_is_in_the_question_language_with_questions_about_the_same_name(cli: Cli) -> None:
    dutch = cli("ask", "Wat verdient de secretaris-directeur?")
    assert dutch.exit_code == 2
    assert dutch.stderr.startswith(
        "Fout: de vraag 'Wat verdient de secretaris-directeur?' is niet eenduidig te lezen"
    )
    assert "'verdient' begrijp ik niet" in dutch.stderr
    assert "'Wat doet secretaris-directeur?'" in dutch.stderr
    english = cli("ask", "How much does the MRA Bureau cost?")
    assert english.exit_code == 2
    assert english.stderr.startswith("Error: cannot read the question")
    assert "'What does MRA Bureau do?'" in english.stderr


def test_a_name_the_model_lacks_gets_suggestions_in_the_question_language(model: GovernanceModel) -> None:
    with pytest.raises(UnknownNameError) as caught:
        answer_question(model, "Wie ondersteunt het Jeugdzorgoverleg?", Y2017)
    assert caught.value.exit_code in (1, 2)
    with pytest.raises(UnknownNameError) as far:
        answer_question(model, "who steers the MRA Buro?", Y2017)
    assert "mra-bureau" in far.value.suggestions
    assert str(far.value).startswith("unknown name 'buro' (did you mean 'MRA Bureau'")


def test_explain_shows_the_names_the_kind_of_question_and_why(cli: Cli) -> None:
    out = cli(
        "--at", "2017-06-01", "ask", "--explain", "Wie ondersteund de Agendacommisie?"
    ).stdout.splitlines()
    assert out[:7] == [
        "Gelezen als:",
        "  taal: Nederlands",
        "  namen: 'agendacommisie' gelezen als 'agendacommissie' → Agendacommissie",
        "  soort vraag: wie/wat in een relatie: 'ondersteunt'"
        " (gevraagd wordt wie of wat dat met Agendacommissie doet)",
        "  gelezen woorden: 'ondersteunt'",
        "  verbeterd: 'agendacommisie' gelezen als 'agendacommissie'",
        "  waarom: 'wie' is meestal het onderwerp",
    ]


def test_the_json_says_how_each_name_was_read(cli: Cli) -> None:
    data = json.loads(
        cli("--format", "json", "--at", "2017-06-01", "ask", "welke pho's zijn er in AM").stdout
    )
    reading = data["understood_as"][0]
    assert (reading["intent"], reading["relation"], reading["direction"]) == (
        "relation",
        "part_of",
        "incoming",
    )
    assert reading["tags"] == [
        {
            "said": "pho s",
            "nodes": ["pho-am"],
            "how": "abbreviation",
            "read_as": "portefeuillehoudersoverleggen",
        }
    ]


@pytest.mark.parametrize("question", ["wie " * 100 + "ondersteunt de Regiegroep?", "x" * 100_000])
def test_a_question_too_long_to_be_a_question_is_refused_before_it_is_read(
    model: GovernanceModel, question: str
) -> None:
    with pytest.raises(QuestionError, match="te lang"):
        answer_question(model, question, Y2017)
