"""Answers as text: a fact's modality, scoped ends and disputed marks read wherever it appears."""

from __future__ import annotations

import datetime as dt

import pytest

import mra_graph
from mra_graph.model.schema import GovernanceModel
from mra_graph.present.answer_text import (
    answer_lines,
    composition_lines,
    count_line,
    formation_lines,
    path_lines,
)
from mra_graph.questions.queries import Direction, formation, members, paths, related
from tests.qualified import qualified_model

Y2017 = dt.date(2017, 6, 1)
Y2020 = dt.date(2020, 6, 1)


def _answer(subject: str, kind: str, direction: Direction, lang: str) -> list[str]:
    model = qualified_model()
    hits = related(model, subject, kind, direction, Y2020)
    lines = answer_lines(model, model.nodes_by_id[subject], kind, direction, hits, Y2020, lang)
    # each line of a found node ends in the id of its relation, which set and end take
    ids = [f"  [{hit.relation.id}]" for hit in hits]
    assert [line[-len(i) :] for line, i in zip(lines[1:], ids, strict=True)] == ids
    return [line.removesuffix(i) for line, i in zip(lines, ["", *ids], strict=True)]


@pytest.mark.parametrize(
    ("subject", "kind", "direction", "lang", "expected"),
    [
        (
            "overleg-noord",
            "supports",
            "incoming",
            "nl",
            [
                "overleg Noord wordt ondersteund door:",
                "  - één van de leden of onderdelen van Team"
                " (geldt voor ieder lid of onderdeel van overleggen, onduidelijk)",
            ],
        ),
        (
            "overleg-noord",
            "supports",
            "incoming",
            "en",
            [
                "meeting North is supported by:",
                "  - one of the members or parts of Team"
                " (holds for each member or part of meetings, unclear)",
            ],
        ),
        (
            "overleggen",
            "supports",
            "incoming",
            "nl",
            [
                "overleggen wordt ondersteund door:",
                "  - één van de leden of onderdelen van Team (voor ieder lid of onderdeel, onduidelijk)",
            ],
        ),
        (
            "bureau",
            "supports",
            "incoming",
            "nl",
            ["Bureau (voorwaardelijk) wordt ondersteund door:", "  - Team (voorgesteld)"],
        ),
        (
            "bureau",
            "supports",
            "incoming",
            "en",
            ["Bureau (conditional) is supported by:", "  - Team (proposed)"],
        ),
    ],
    ids=[
        "one-of-through-group-nl",
        "one-of-through-group-en",
        "on-the-group-itself",
        "modality-nl",
        "modality-en",
    ],
)
def test_an_answer_says_for_whom_and_how_firmly_a_fact_holds(
    subject: str, kind: str, direction: Direction, lang: str, expected: list[str]
) -> None:
    assert _answer(subject, kind, direction, lang) == expected


def test_a_path_marks_an_unclear_relation_and_a_conditional_node() -> None:
    model = qualified_model()
    found = paths(model, "werkgroep", "bureau", Y2020)
    lines = path_lines(model, model.nodes_by_id["werkgroep"], model.nodes_by_id["bureau"], found, "nl")
    assert any("Bureau (voorwaardelijk)" in line for line in lines)
    found = paths(model, "secretaris-een", "overleggen", Y2020, ["member_of", "supports"])
    text = "\n".join(
        path_lines(model, model.nodes_by_id["secretaris-een"], model.nodes_by_id["overleggen"], found, "en")
    )
    assert "each member or part of meetings" in text
    assert "unclear" in text
    assert "disputed" not in text


def test_members_mark_a_disputed_part_and_give_the_counts_the_sources_claim(model: GovernanceModel) -> None:
    # 'vier portefeuillehoudersoverleggen ... namelijk ... Ruimte' against 'drie' in the Toelichting
    composition = members(model, "pho-am", Y2017)
    lines = composition_lines(model, composition, Y2017, "nl")
    assert lines[0] == "portefeuillehoudersoverleggen AM (betwist) bestaat uit:"
    # the part's own mark is not repeated for its relation, which the same conflict names
    assert (
        "  - portefeuillehoudersoverleg Ruimte (betwist): aantal niet genoemd (onderdeel)"
        "  [pho-ruimte-am.part_of.pho-am]"
    ) in lines
    assert "Betwist, zie tegenstrijdigheid 'pho-am-aantal'; de bronnen noemen 4 en 3." in lines
    assert lines[-1] == "In totaal 4 leden."
    assert count_line(model, composition, "en").startswith("AM portfolio holders' meetings (disputed) has 4")


def test_the_am_team_counts_its_four_posts(model: GovernanceModel) -> None:
    # 'vormen de regiosecretaris Economie, de regiosecretaris Wonen en de regiosecretaris
    # Verkeer & Vervoer samen met de algemeen regiosecretaris het AM-team' (brochure)
    assert count_line(model, members(model, "am-team", Y2017), "nl") == "AM-team heeft 4 leden."


@pytest.mark.parametrize(
    ("lang", "row", "disputed"),
    [
        (
            "nl",
            "ambtelijk betrokken bij de MRA [personen] 200 250 +50 - - (onduidelijk)",
            "Onduidelijk, zie dubbelzinnigheid",
        ),
        (
            "en",
            "involved in the MRA at civil-service level [people] 200 250 +50 - - (unclear)",
            "Unclear, see ambiguity",
        ),
    ],
    ids=["nl", "en"],
)
def test_the_staffing_table_marks_its_unclear_unit_and_a_headcount_row(
    model: GovernanceModel, lang: str, row: str, disputed: str
) -> None:
    # the Formatie table gives no unit; its last line (200, 250) is probably a headcount
    lines = formation_lines(model, formation(model), lang)
    assert lines[0].endswith(f"(fte, {disputed.split(',')[0].lower()})")
    assert row in " ".join(" ".join(lines).split())
    assert f"{disputed} 'formatie-eenheid'." in lines


def test_parts_are_not_counted_as_members_by_themselves() -> None:
    # two groups of meetings are parts of the AM Overleg, each maybe several: no member count
    reply = mra_graph.load().ask("hoeveel leden heeft het AM Overleg?", at="2017-06-01", lang="nl")
    assert str(reply).splitlines()[2] == "Amstelland-Meerlanden Overleg omvat 2 onderdelen."
