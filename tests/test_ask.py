"""`ask`: questions in Dutch and English, each answer pinned to what the sources say.

The expected answers in QUESTIONS were written from reading the two source documents
(the 2016 MRA Bureau proposal and the AM brochure), not from running the code; the
comment beside a group names the passage. Dates: the MRA Bureau, its commissioning,
steering and staff exist from 1 January 2017; the Stadsregio staff ends then.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from mra_graph import load, load_text
from mra_graph.errors import QuestionError, UnknownNameError, UsageError
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.vocabulary import bundled_model_path, vocabulary
from mra_graph.questions.ask import AskResult, answer_question, parse_question
from mra_graph.questions.lexicon import lexicon

Cli = Callable[..., Result]

Y2016 = dt.date(2016, 6, 1)
Y2017 = dt.date(2017, 6, 1)
Y2024 = dt.date(2024, 6, 1)

# (question, date, expected {subject id: sorted ids}). For relations and composition the
# ids are the nodes found; for lines of responsibility the top of every chain; for
# connections every shortest walk as 'a > b > c'.
QUESTIONS: list[tuple[str, dt.date, dict[str, list[str]]]] = [
    # supports — Inleiding ("ondersteuning van de Regiegroep, Agendacommissie, platforms …,
    # portefeuillehoudersoverleggen", "de colleges structureel ondersteunen"); brochure:
    # "De Regiegroep, het secretarissenoverleg en het plenair overleg worden ondersteund
    # door de algemeen regiosecretaris"; PHO's "ondersteund door … het AM-team"
    (
        "wie ondersteunt de Regiegroep?",
        Y2017,
        {"regiegroep-mra": ["mra-bureau"], "regiegroep-am": ["algemeen-regiosecretaris-am"]},
    ),
    (
        "who supports the Regiegroep?",
        Y2017,
        {"regiegroep-mra": ["mra-bureau"], "regiegroep-am": ["algemeen-regiosecretaris-am"]},
    ),
    (
        "wie ondersteunt de Regiegroep op 2016-06-01?",
        Y2017,
        {"regiegroep-mra": [], "regiegroep-am": ["algemeen-regiosecretaris-am"]},
    ),
    (
        "door wie wordt het secretarissenoverleg ondersteund?",
        Y2017,
        {"secretarissenoverleg-am": ["algemeen-regiosecretaris-am"]},
    ),
    (
        "who is the plenary meeting supported by?",
        Y2017,
        {"plenair-overleg-am": ["algemeen-regiosecretaris-am"]},
    ),
    (
        "what is supported by the MRA Bureau?",
        Y2017,
        {
            "mra-bureau": sorted(
                [
                    "mra",
                    "mra-agenda",
                    "regiegroep-mra",
                    "agendacommissie-mra",
                    "platforms-mra",
                    "pho-mra",
                    "colleges-mra",
                ]
            )
        },
    ),
    ("what does the AM-team support?", Y2017, {"am-team": ["pho-am"]}),
    # steers — Sturing: "De Agendacommissie stuurt het MRA-Bureau inhoudelijk aan"
    ("door wie wordt het MRA Bureau aangestuurd?", Y2017, {"mra-bureau": ["agendacommissie-mra"]}),
    ("wie stuurt het MRA Bureau aan?", Y2017, {"mra-bureau": ["agendacommissie-mra"]}),
    ("who steers the MRA Bureau?", Y2017, {"mra-bureau": ["agendacommissie-mra"]}),
    ("who is the MRA Bureau steered by?", Y2017, {"mra-bureau": ["agendacommissie-mra"]}),
    ("wat wordt aangestuurd door de Agendacommissie?", Y2017, {"agendacommissie-mra": ["mra-bureau"]}),
    ("what does the Agenda Committee steer?", Y2017, {"agendacommissie-mra": ["mra-bureau"]}),
    ("door wie wordt het MRA Bureau aangestuurd?", Y2016, {"mra-bureau": []}),
    # commissions — Opdrachtgeverschap: bestuurlijke regiegroep and werkgeverscommissie
    (
        "wie is opdrachtgever van het MRA Bureau?",
        Y2017,
        {"mra-bureau": ["regiegroep-mra", "werkgeverscommissie-mra"]},
    ),
    ("who commissions the MRA Bureau?", Y2017, {"mra-bureau": ["regiegroep-mra", "werkgeverscommissie-mra"]}),
    (
        "by whom is the MRA Bureau commissioned?",
        Y2017,
        {"mra-bureau": ["regiegroep-mra", "werkgeverscommissie-mra"]},
    ),
    ("waarvan is de werkgeverscommissie opdrachtgever?", Y2017, {"werkgeverscommissie-mra": ["mra-bureau"]}),
    ("wie is opdrachtgever van het MRA Bureau op 1 januari 2016?", Y2017, {"mra-bureau": []}),
    (
        "wie is opdrachtgever van het MRA Bureau op 1 januari 2017?",
        Y2016,
        {"mra-bureau": ["regiegroep-mra", "werkgeverscommissie-mra"]},
    ),
    # chairs — Plenair overleg: "Voorzitter is de burgemeester van Amstelveen";
    # Secretarissenoverleg: "kent een roulerend voorzitterschap"
    (
        "wie is voorzitter van het plenair overleg?",
        Y2017,
        {"plenair-overleg-am": ["burgemeester-amstelveen"]},
    ),
    ("wie zit het plenair overleg voor?", Y2017, {"plenair-overleg-am": ["burgemeester-amstelveen"]}),
    ("who chairs the plenary meeting?", Y2017, {"plenair-overleg-am": ["burgemeester-amstelveen"]}),
    (
        "door wie wordt het secretarissenoverleg voorgezeten?",
        Y2017,
        {"secretarissenoverleg-am": ["gemeentesecretaris"]},
    ),
    ("what does the mayor of Amstelveen chair?", Y2017, {"burgemeester-amstelveen": ["plenair-overleg-am"]}),
    # member_of — werkgeverscommissie "bestaande uit vier directeuren en gemeentesecretarissen";
    # secretarissenoverleg "bestaat uit de zeven gemeentesecretarissen"; raadsleden
    (
        "wie is lid van de werkgeverscommissie?",
        Y2017,
        {"werkgeverscommissie-mra": ["directeur", "gemeentesecretaris"]},
    ),
    (
        "waarvan is de gemeentesecretaris lid?",
        Y2017,
        {"gemeentesecretaris": ["secretarissenoverleg-am", "werkgeverscommissie-mra"]},
    ),
    # the werkgeverscommissie has no date in the sources, so it holds in 2016 too
    (
        "waarvan is de gemeentesecretaris lid op 2016-06-01?",
        Y2017,
        {"gemeentesecretaris": ["secretarissenoverleg-am", "werkgeverscommissie-mra"]},
    ),
    (
        "what is a council member a member of?",
        Y2017,
        {"raadslid": ["gemeenteraden-am", "raadsledenplatform-am"]},
    ),
    ("welke organen hebben als lid de burgemeester?", Y2017, {"burgemeester": ["regiegroep-am"]}),
    # part_of — brochure: four PHO's AM (Duurzaamheid only under consideration, Toelichting);
    # Verandering: the functions added to the bureau
    (
        "wat maakt deel uit van de portefeuillehoudersoverleggen AM?",
        Y2017,
        {"pho-am": ["pho-economie-am", "pho-ruimte-am", "pho-verkeer-en-vervoer-am", "pho-wonen-am"]},
    ),
    (
        "what is part of the MRA Bureau?",
        Y2017,
        {
            "mra-bureau": [
                "coordinator-netwerken-communicatie",
                "financieel-medewerker",
                "secretariaat-mra-bureau",
                "secretaris-directeur",
            ]
        },
    ),
    ("what is part of the MRA Bureau?", Y2016, {"mra-bureau": []}),
    # prepares — "ter voorbereiding op de Platforms en portefeuillehoudersoverleggen binnen
    # de MRA"; "Ieder portefeuillehoudersoverleg wordt voorbereid door een ambtelijke werkgroep"
    ("wie bereidt de portefeuillehoudersoverleggen AM voor?", Y2017, {"pho-am": ["ambtelijke-werkgroep-am"]}),
    ("what do the AM portfolio holders' meetings prepare?", Y2017, {"pho-am": ["platforms-mra", "pho-mra"]}),
    ("door wie worden de platforms voorbereid?", Y2017, {"platforms-mra": ["pho-am"]}),
    # informs / consults — Informeren van raden en staten
    ("wie informeert de raden en staten?", Y2017, {"raden-en-staten": ["colleges-mra", "mra-bureau"]}),
    ("who informs the raden en staten on 2016-06-01?", Y2017, {"raden-en-staten": ["colleges-mra"]}),
    (
        "who is informed by the MRA Bureau?",
        Y2017,
        {"mra-bureau": ["mra-netwerk", "raads-en-statenleden", "raden-en-staten"]},
    ),
    ("wie worden geconsulteerd door het MRA Bureau?", Y2017, {"mra-bureau": ["raads-en-statenleden"]}),
    (
        "who consults the council and provincial council members?",
        Y2017,
        {"raads-en-statenleden": ["mra-bureau"]},
    ),
    # employs — "in dienst zijn bij de Gemeente Amsterdam"; Stadsregio staff "vervalt per 2017"
    ("wie heeft het MRA Bureau in dienst?", Y2017, {"mra-bureau": ["gemeente-amsterdam"]}),
    ("wie is in dienst bij de Gemeente Amsterdam?", Y2017, {"gemeente-amsterdam": ["mra-bureau"]}),
    (
        "who employs the personeel van de Stadsregio?",
        Y2016,
        {"medewerkers-stadsregio-mra": ["stadsregio-amsterdam"]},
    ),
    ("who employs the personeel van de Stadsregio?", Y2017, {"medewerkers-stadsregio-mra": []}),
    # housed_at / located_in / provides_accommodation — Huisvesting
    # where: the building, and where it lies ("in het Amsterdam WTC aan de Zuidas")
    ("waar is het MRA Bureau gehuisvest?", Y2017, {"mra-bureau": ["amsterdam-wtc", "zuidas"]}),
    ("where is the MRA Bureau housed?", Y2017, {"mra-bureau": ["amsterdam-wtc", "zuidas"]}),
    ("what does the Amsterdam WTC house?", Y2017, {"amsterdam-wtc": ["mra-bureau"]}),
    ("where is the Amsterdam WTC located?", Y2017, {"amsterdam-wtc": ["zuidas"]}),
    ("wat ligt in de Zuidas?", Y2017, {"zuidas": ["amsterdam-wtc"]}),
    ("wie reserveert huisvesting voor het MRA Bureau?", Y2017, {"mra-bureau": ["gemeente-amsterdam"]}),
    ("who provides office space for the MRA Bureau?", Y2017, {"mra-bureau": ["gemeente-amsterdam"]}),
    # shares_facilities_with / cooperates_with: symmetric, answerable from both ends
    ("wie deelt faciliteiten met het Expat Centre?", Y2017, {"expat-centre": ["mra-bureau"]}),
    (
        "who shares facilities with the MRA Bureau?",
        Y2017,
        {"mra-bureau": ["amsterdam-in-business", "expat-centre"]},
    ),
    ("wie werkt samen met de Vervoerregio?", Y2017, {"vervoerregio": ["mra-bureau"]}),
    (
        "who cooperates with the MRA Bureau?",
        Y2017,
        {"mra-bureau": ["amsterdam-economic-board", "gemeenten-mra", "provincies-mra", "vervoerregio"]},
    ),
    # liaises_with — "Het AM-team zorgt voor het organiseren van de aanhaking bij de MRA"
    ("who liaises with the MRA?", Y2017, {"mra": ["am-team"]}),
    ("wie verzorgt de aanhaking bij de MRA?", Y2017, {"mra": ["am-team"]}),
    # decides_on — Inleiding (platforms bepalen acties en trekker); besluitvorming bij raden en staten
    # the platforms decide which actions are taken up, not on the MRA Agenda itself
    ("waarover besluiten de platforms?", Y2017, {"platforms-mra": ["bestuurlijk-trekker"]}),
    ("who decides on the MRA?", Y2017, {"mra": ["raden-en-staten"]}),
    # works_on — "De samenwerkende overheden werken nu al aan de uitvoering van de MRA-Agenda"
    ("wie werkt aan de MRA Agenda?", Y2017, {"mra-agenda": ["samenwerkende-overheden"]}),
    (
        "wie werkt aan de MRA Agenda?",
        Y2016,
        {"mra-agenda": ["medewerkers-stadsregio-mra", "samenwerkende-overheden"]},
    ),
    # coordinates — "vanaf 1 januari 2017 gecoördineerd door een gezamenlijke organisatie"
    ("wie coördineert de MRA?", Y2017, {"mra": ["mra-bureau"]}),
    (
        "door wie wordt de Metropoolregio Amsterdam gecoördineerd op 1 januari 2017?",
        Y2016,
        {"mra": ["mra-bureau"]},
    ),
    ("door wie wordt de Metropoolregio Amsterdam gecoördineerd op 31 december 2016?", Y2017, {"mra": []}),
    # drives — "Het secretarissenoverleg dient als aanjager van Amstelland-Meerlanden Overleg"
    (
        "wie is aanjager van het Amstelland-Meerlanden Overleg?",
        Y2017,
        {"am-overleg": ["secretarissenoverleg-am"]},
    ),
    ("what drives the AM-overleg?", Y2017, {"am-overleg": ["secretarissenoverleg-am"]}),
    # proposes_to / guides — Sturing
    (
        "wie doet voorstellen aan de Agendacommissie?",
        Y2017,
        {"agendacommissie-mra": ["pho-mra", "platforms-mra"]},
    ),
    (
        "who makes proposals to the Agenda Committee?",
        Y2017,
        {"agendacommissie-mra": ["pho-mra", "platforms-mra"]},
    ),
    ("wat vormt de basis voor het MRA Bureau?", Y2017, {"mra-bureau": ["werkplannen-mra"]}),
    ("what is the basis for the platforms?", Y2017, {"platforms-mra": ["mra-agenda", "werkplannen-mra"]}),
    # owns / uses / buys_capacity_from — Inleiding and Informeren van raden en staten
    ("what does the MRA Bureau have?", Y2017, {"mra-bureau": ["mra-budget"]}),
    ("wie heeft de werkplannen?", Y2017, {"werkplannen-mra": ["platforms-mra"]}),
    ("wie gebruikt civocracy?", Y2017, {"civocracy": ["mra-bureau"]}),
    ("who does the MRA Bureau buy capacity from?", Y2017, {"mra-bureau": ["samenwerkende-overheden"]}),
    (
        "wie huurt capaciteit in bij de samenwerkende overheden?",
        Y2017,
        {"samenwerkende-overheden": ["mra-bureau"]},
    ),
    # is_secretary_of — Formatie: secretarissen van de (platforms) portefeuillehoudersoverleggen
    ("wie is secretaris van de platforms?", Y2017, {"platforms-mra": ["secretaris-platform-pho-mra"]}),
    (
        "who is the secretary of the portfolio holders' meetings?",
        Y2017,
        {"pho-mra": ["secretaris-platform-pho-mra"]},
    ),
    # represents / strengthens — AM-Raadsledenplatform ('vertegenwoordigers ... per raad')
    ("wie vertegenwoordigt de gemeenteraden?", Y2017, {"gemeenteraden-am": ["raadslid"]}),
    ("who represents the municipal councils?", Y2017, {"gemeenteraden-am": ["raadslid"]}),
    (
        "wie versterkt de positie van de gemeenteraden?",
        Y2017,
        {"gemeenteraden-am": ["raadsledenplatform-am"]},
    ),
    (
        "what does the raadsledenplatform strengthen the position of?",
        Y2017,
        {"raadsledenplatform-am": ["gemeenteraden-am"]},
    ),
    # composition — Regiegroep "bestaat uit de zeven burgemeesters … aangevuld met
    # portefeuillehouders"; AM-team of four regiosecretarissen; "twee raadsleden per raad"
    (
        "wie zitten in de Regiegroep AM?",
        Y2017,
        {"regiegroep-am": ["burgemeester", "portefeuillehouder-am-in-mra"]},
    ),
    (
        "wie zitten in de Regiegroep?",
        Y2017,
        {"regiegroep-mra": [], "regiegroep-am": ["burgemeester", "portefeuillehouder-am-in-mra"]},
    ),
    ("who is in the secretarissenoverleg?", Y2017, {"secretarissenoverleg-am": ["gemeentesecretaris"]}),
    (
        "uit wie bestaat het AM-team?",
        Y2017,
        {
            "am-team": [
                "algemeen-regiosecretaris-am",
                "regiosecretaris-economie-am",
                "regiosecretaris-verkeer-en-vervoer-am",
                "regiosecretaris-wonen-am",
            ]
        },
    ),
    ("wie zitten in het MRA Bureau op 2016-06-01?", Y2017, {"mra-bureau": []}),
    (
        "hoeveel leden heeft het secretarissenoverleg?",
        Y2017,
        {"secretarissenoverleg-am": ["gemeentesecretaris"]},
    ),
    (
        "how many members does the werkgeverscommissie have?",
        Y2017,
        {"werkgeverscommissie-mra": ["directeur", "gemeentesecretaris"]},
    ),
    ("hoeveel leden heeft het raadsledenplatform?", Y2017, {"raadsledenplatform-am": ["raadslid"]}),
    # lines of responsibility — Opdrachtgeverschap and Sturing; brochure on the PHO's AM
    (
        "aan wie legt het MRA Bureau verantwoording af?",
        Y2017,
        {"mra-bureau": ["agendacommissie-mra", "regiegroep-mra", "werkgeverscommissie-mra"]},
    ),
    ("aan wie legt het MRA Bureau verantwoording af op 2016-06-01?", Y2017, {"mra-bureau": []}),
    ("who is the AM-team accountable to?", Y2017, {"am-team": []}),
    ("aan wie rapporteert het portefeuillehoudersoverleg Wonen?", Y2017, {"pho-wonen-am": ["am-overleg"]}),
    ("who does the regiosecretaris Wonen report to?", Y2017, {"regiosecretaris-wonen-am": ["am-team"]}),
    # connections — AM-team liaises with the MRA, which the MRA Bureau coordinates and supports
    (
        "hoe is het AM-team verbonden met het MRA Bureau?",
        Y2017,
        {"am-team": ["am-team > mra > mra-bureau", "am-team > mra > mra-bureau"]},
    ),
    (
        "how are the AM-team and the MRA Bureau connected?",
        Y2017,
        {"am-team": ["am-team > mra > mra-bureau", "am-team > mra > mra-bureau"]},
    ),
    ("hoe is het AM-team verbonden met het MRA Bureau?", Y2016, {"am-team": []}),
    (
        "how is the Regiegroep MRA connected to the MRA Bureau?",
        Y2017,
        {"regiegroep-mra": ["regiegroep-mra > mra-bureau", "regiegroep-mra > mra-bureau"]},
    ),
]


def _found(result: AskResult) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for answer in result.answers:
        if result.reading.intent == "chain":
            tops = {(c[-1].target if c[-1].forward else c[-1].source).id for c in answer.chains}
            ids = sorted(tops)
        elif result.reading.intent == "path":
            walks = []
            for path in answer.paths:
                walk = [answer.subject.id] + [(s.target if s.forward else s.source).id for s in path]
                walks.append(" > ".join(walk))
            ids = sorted(walks)
        elif answer.composition is not None:
            ids = sorted(h.node.id for h in answer.composition.hits)
        else:
            ids = sorted(h.node.id for h in answer.hits)
        found[answer.subject.id] = ids
    return found


@pytest.mark.parametrize(
    ("question", "at", "expected"), QUESTIONS, ids=[f"{q} @{d}" for q, d, _ in QUESTIONS]
)
def test_question_is_answered_as_the_sources_say(
    model: GovernanceModel, question: str, at: dt.date, expected: dict[str, list[str]]
) -> None:
    assert _found(answer_question(model, question, at)) == {k: sorted(v) for k, v in expected.items()}


def test_the_question_table_is_large_and_bilingual() -> None:
    dutch_words = {
        "wie",
        "wat",
        "waar",
        "waarvan",
        "door",
        "welke",
        "hoe",
        "aan",
        "uit",
        "hoeveel",
        "waarover",
    }
    dutch = [q for q, _, _ in QUESTIONS if q.split()[0] in dutch_words]
    assert len(QUESTIONS) >= 60
    assert 25 <= len(dutch) <= len(QUESTIONS) - 25


def _phrasings() -> list[tuple[str, str, str]]:
    # a phrase of function words alone ('is van') says nothing a question can be read by
    said = {(c.value, lang, c.said) for lang in ("nl", "en") for c in lexicon(lang).cues}  # type: ignore[arg-type]
    return [
        (kind, lang, voice)
        for kind, info in sorted(vocabulary().relation_kinds.items())
        for lang in ("nl", "en")
        for voice in ("active", "passive")
        if (kind, lang, getattr(info.phrasing(lang), voice)) in said  # type: ignore[arg-type]
        or getattr(info.phrasing(lang), voice).startswith("waar")
    ]


def test_only_phrases_of_function_words_cannot_be_asked_alone() -> None:
    missing = {
        (kind, lang, voice)
        for kind in vocabulary().relation_kinds
        for lang in ("nl", "en")
        for voice in ("active", "passive")
    } - set(_phrasings())
    assert missing == {("owns", "nl", "passive")}  # 'is van'


@pytest.mark.parametrize(("kind", "lang", "voice"), _phrasings(), ids=["-".join(p) for p in _phrasings()])
def test_every_relation_kind_can_be_asked_in_both_languages_and_voices(
    model: GovernanceModel, kind: str, lang: str, voice: str
) -> None:
    # ask with the vocabulary's own verb about a relation the model has (the invented
    # example has the kinds the bundled model does not), and expect the other end of
    # that relation among the answers
    day = Y2017
    if not any(r.kind == kind for r in model.relations):
        model, day = load(Path(__file__).parent.parent / "examples" / "lindenwaard-veenhoven.json"), Y2024
    relation = next(r for r in model.relations if r.kind == kind)
    phrasing = vocabulary().relation_kinds[kind].phrasing(lang)
    wh = "wie" if lang == "nl" else "who"
    if voice == "active":
        question, subject, other = f"{wh} {phrasing.active} {relation.to}?", relation.to, relation.from_
    else:
        question, subject, other = f"{wh} {phrasing.passive} {relation.from_}?", relation.from_, relation.to
    if voice == "passive" and phrasing.passive.split()[0].startswith("waar"):
        # 'waarover besluit X?' carries its own question word
        question = f"{phrasing.passive} {relation.from_}?"
    result = answer_question(model, question, day)
    assert result.reading.kind == kind
    assert result.reading.lang == lang
    assert other in _found(result)[subject]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("wat is de zin van het leven?", "'zin' en 'leven' begrijp ik niet"),
        ("stuurt het MRA Bureau aan?", "ik herken er geen vraag in"),
        ("", "er staat geen naam uit het model in"),
        ("   ?", "er staat geen naam uit het model in"),
        ("MRA Bureau", "ik herken er geen vraag in"),
        ("why?", "it names nothing in the model"),
    ],
    ids=["nonsense", "no-question-word", "empty", "punctuation", "bare-name", "why"],
)
def test_a_question_it_cannot_read_is_a_usage_error_that_says_why_with_examples(
    model: GovernanceModel, question: str, said: str
) -> None:
    with pytest.raises(QuestionError) as caught:
        parse_question(model, question)
    assert caught.value.exit_code == 2
    assert said in str(caught.value)
    assert caught.value.examples
    for example in caught.value.examples:
        assert f"'{example}'" in str(caught.value)
        answer_question(model, example, Y2017)  # each one is answered


def test_a_close_misspelling_is_read_as_the_name_and_said(model: GovernanceModel) -> None:
    result = answer_question(model, "wie ondersteunt de Regiegrop?", Y2017)
    assert [t.read_as for t in result.reading.tags] == ["regiegroep"]
    assert _found(result) == {
        "regiegroep-mra": ["mra-bureau"],
        "regiegroep-am": ["algemeen-regiosecretaris-am"],
    }


def test_names_alike_without_spaces_are_all_read() -> None:
    # 'Regie Groep' beside 'Regiegroep': 'regiegroe p' may be either, and is read as
    # each (before, the one read depended on the order of a set of strings)
    data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    twin = {**next(n for n in data["nodes"] if n["id"] == "regiegroep-mra"), "id": "regie-groep"}
    twin["name"] = "Regie Groep"
    for key in ("name_en", "aliases", "former_names"):
        twin.pop(key, None)
    data["nodes"].append(twin)
    result = answer_question(load_text(json.dumps(data)), "wie ondersteunt de regiegroe p?", Y2017)
    assert set(_found(result)) == {"regie-groep", "regiegroep-mra", "regiegroep-am"}


def test_a_misspelling_of_one_nodes_names_alike_without_spaces_is_read(model: GovernanceModel) -> None:
    # "employer's committee" and "employers' committee" are one without spaces, and
    # name one node: its misspelling reads one way
    _, meant = parse_question(model, "Who does the employers comittee commission?")
    assert [[n.id for n in nodes] for nodes in meant] == [["werkgeverscommissie-mra"]]


@pytest.mark.parametrize(
    ("question", "suggested"),
    [
        ("who steers the MRA Buro?", "mra-bureau"),
        ("wie is voorzitter van het Sekretarisoverlech?", "secretarissenoverleg-am"),
    ],
    ids=["buro", "secretarissenoverleg"],
)
def test_a_far_misspelling_of_a_name_gets_did_you_mean(
    model: GovernanceModel, question: str, suggested: str
) -> None:
    with pytest.raises(UnknownNameError) as caught:
        parse_question(model, question)
    assert suggested in caught.value.suggestions
    assert caught.value.exit_code == 1


def test_an_impossible_date_in_a_question_is_a_usage_error(model: GovernanceModel) -> None:
    with pytest.raises(UsageError, match="'2017-02-30' is not a date"):
        parse_question(model, "wie ondersteunt de Regiegroep op 2017-02-30?")


@pytest.mark.parametrize(
    ("question", "at"),
    [
        ("wie stuurt het MRA Bureau aan in 2017?", dt.date(2017, 1, 1)),
        ("wie stuurt het MRA Bureau aan in juni 2017?", dt.date(2017, 6, 1)),
        ("who steers the MRA Bureau in December 2016?", dt.date(2016, 12, 1)),
        ("who steers the MRA Bureau on 1 January 2017?", dt.date(2017, 1, 1)),
        ("wie stuurt het MRA Bureau aan 2017-03-05?", dt.date(2017, 3, 5)),
    ],
    ids=["year", "month", "month-en", "day-written", "day-iso-without-preposition"],
)
def test_a_year_or_month_in_a_question_is_answered_for_its_first_day(
    model: GovernanceModel, question: str, at: dt.date
) -> None:
    reading, _ = parse_question(model, question)
    assert reading.at == at


def test_a_bare_year_without_a_preposition_is_not_taken_for_a_date(model: GovernanceModel) -> None:
    # '2017' could be part of a name; only 'in 2017', 'op 2017-01-01' or a full date count
    with pytest.raises(QuestionError, match="'2017' begrijp ik niet"):
        parse_question(model, "wie ondersteunt het MRA Bureau 2017?")


def test_a_relation_question_with_two_dates_is_a_usage_error(model: GovernanceModel) -> None:
    with pytest.raises(UsageError, match="more than one date"):
        parse_question(model, "wie stuurt het MRA Bureau aan in 2016 of in 2017?")


# werkgeverscommissie: "vervult de rol van ambtelijk opdrachtgever"; Regiegroep:
# "bestuurlijk opdrachtgever van het bureau" (Opdrachtgeverschap en werkgeverscommissie)
@pytest.mark.parametrize(
    ("question", "capacity", "expected"),
    [
        ("wie is ambtelijk opdrachtgever van het MRA Bureau?", "ambtelijk", ["werkgeverscommissie-mra"]),
        ("wie is de bestuurlijke opdrachtgever van het MRA Bureau?", "bestuurlijk", ["regiegroep-mra"]),
        ("who is the political commissioner of the MRA Bureau?", "bestuurlijk", ["regiegroep-mra"]),
        (
            "who is the civil-service commissioner of the MRA Bureau?",
            "ambtelijk",
            ["werkgeverscommissie-mra"],
        ),
        ("wie is opdrachtgever van het MRA Bureau?", None, ["regiegroep-mra", "werkgeverscommissie-mra"]),
    ],
    ids=["ambtelijk", "bestuurlijke", "political", "civil-service", "either"],
)
def test_a_capacity_word_narrows_the_answer_to_that_capacity(
    model: GovernanceModel, question: str, capacity: str | None, expected: list[str]
) -> None:
    result = answer_question(model, question, Y2017)
    assert result.reading.kind == "commissions"
    assert result.reading.capacity == capacity
    assert _found(result) == {"mra-bureau": expected}


def test_a_capacity_word_on_a_relation_without_capacities_is_a_usage_error(model: GovernanceModel) -> None:
    with pytest.raises(UsageError, match="'ambtelijk' maakt alleen relaties met een hoedanigheid nauwer"):
        parse_question(model, "wie ondersteunt ambtelijk de Regiegroep AM?")


def test_a_name_containing_a_capacity_word_is_still_a_name(model: GovernanceModel) -> None:
    # "wie hierbij optreedt als bestuurlijk trekker" is decided in the platforms (Inleiding)
    result = answer_question(model, "wie besluit over de bestuurlijk trekker?", Y2017)
    assert result.reading.capacity is None
    assert _found(result) == {"bestuurlijk-trekker": ["platforms-mra"]}


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("wat veranderde er op 1 januari 2017?", dt.date(2016, 12, 31), dt.date(2017, 1, 1)),
        ("wat is er veranderd in 2017?", dt.date(2016, 12, 31), dt.date(2017, 12, 31)),
        ("what changed between 2016 and 2017?", dt.date(2016, 1, 1), dt.date(2017, 1, 1)),
        ("what has changed since 2017-01-01?", dt.date(2016, 12, 31), dt.date(2017, 1, 1)),
    ],
    ids=["day", "year", "between-years", "since-day"],
)
def test_a_question_about_changes_compares_two_days(
    model: GovernanceModel, question: str, start: dt.date, end: dt.date
) -> None:
    result = answer_question(model, question, Y2017)
    assert result.reading.intent == "changes"
    assert result.changes is not None
    assert (result.changes.start, result.changes.end) == (start, end)
    # "vanaf 1 januari 2017 gecoördineerd door een gezamenlijke organisatie" (Inleiding);
    # "Het personeel van de Stadsregio … vervalt per 2017" (Verandering in personeel)
    added = {c.item.id for c in result.changes.added if c.what == "node"}
    ended = {c.item.id for c in result.changes.ended if c.what == "node"}
    assert {"mra-bureau", "secretaris-directeur"} <= added
    # the sources give the werkgeverscommissie no start: it does not appear in 2017
    assert "werkgeverscommissie-mra" not in added
    assert ended == {"medewerkers-stadsregio-mra"}


def test_a_question_about_changes_needs_a_date(model: GovernanceModel) -> None:
    with pytest.raises(UsageError, match="zeg vanaf wanneer"):
        parse_question(model, "wat veranderde er?")


def test_changes_are_printed_as_diff_prints_them(cli: Cli) -> None:
    asked = cli("ask", "wat veranderde er op 1 januari 2017?")
    direct = cli("diff", "2016-12-31", "2017-01-01")
    assert asked.exit_code == 0
    assert asked.stdout == direct.stdout
    data = json.loads(cli("--format", "json", "ask", "what changed on 1 January 2017?").stdout)
    assert data["understood_as"][0]["intent"] == "changes"
    assert data["answers"] == []
    assert data["changes"] == json.loads(
        cli("--format", "json", "--lang", "en", "diff", "2016-12-31", "2017-01-01").stdout
    )


def test_the_answer_is_in_the_question_language_unless_asked_otherwise(cli: Cli) -> None:
    dutch = cli("--at", "2017-06-01", "ask", "wie ondersteunt het platform Ruimte?")
    english = cli("--at", "2017-06-01", "ask", "who supports the Regiegroep AM?")
    forced = cli("--lang", "nl", "--at", "2017-06-01", "ask", "who supports the Regiegroep AM?")
    assert dutch.stdout.startswith("Stand op 2017-06-01")
    assert (
        english.stdout == "As of 2017-06-01\n\nSteering Group (AM) is supported by:\n"
        "  - general regional secretary  [algemeen-regiosecretaris-am.supports.regiegroep-am]\n"
    )
    assert (
        forced.stdout == "Stand op 2017-06-01\n\nRegiegroep (AM) wordt ondersteund door:\n"
        "  - algemeen regiosecretaris  [algemeen-regiosecretaris-am.supports.regiegroep-am]\n"
    )


def test_an_ambiguous_name_is_answered_for_each_node_with_labels(cli: Cli) -> None:
    result = cli("--at", "2017-06-01", "ask", "wie ondersteunt de Regiegroep?")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == (
        "'regiegroep' kan 2 dingen betekenen, Regiegroep (MRA) en Regiegroep (AM): een antwoord voor elk."
    )
    assert "Regiegroep (MRA) wordt ondersteund door:\n  - MRA Bureau" in result.stdout
    assert "Regiegroep (AM) wordt ondersteund door:\n  - algemeen regiosecretaris" in result.stdout


def test_ask_exit_codes(cli: Cli) -> None:
    assert cli("ask", "wat is de zin van het leven?").exit_code == 2
    unknown = cli("ask", "wie ondersteunt het Sekretarisoverlech?")
    assert unknown.exit_code == 1
    assert unknown.stderr.startswith(
        "Fout: onbekende naam 'sekretarisoverlech' (bedoelt u 'secretarissenoverleg'"
    )
    english = cli("ask", "who supports the Sekretarisoverlech?")
    assert english.stderr.startswith(
        "Error: unknown name 'sekretarisoverlech' (did you mean 'secretaries' meeting'"
    )


def test_a_count_question_leads_with_the_number(cli: Cli) -> None:
    result = cli("--at", "2017-06-01", "ask", "hoeveel leden heeft het secretarissenoverleg?")
    assert result.stdout.splitlines()[2] == "secretarissenoverleg heeft 7 leden."
    partial = cli("--at", "2017-06-01", "ask", "how many members does the Regiegroep AM have?")
    assert "Steering Group (AM) has at least 7 members" in partial.stdout
