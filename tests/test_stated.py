"""How firmly facts hold when they depend on something conditional, and the two marks a
recorded conflict gives: *betwist* for a contradiction, *onduidelijk* for an ambiguity."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result

from mra_graph.model.loading import load_text
from mra_graph.model.schema import GovernanceModel, Modality
from tests.qualified import MODEL, relation_entry


def _model(change: Callable[[dict[str, Any]], None]) -> GovernanceModel:
    data = copy.deepcopy(MODEL)
    change(data)
    return load_text(json.dumps(data), "stated.json")


def _node(ident: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "kind": "role",
        "type": "post",
        "name": ident,
        **extra,
        "sources": [{"document": "notitie", "section": "Teams"}],
    }


def _with_posts(data: dict[str, Any]) -> None:
    # a unit of the conditional bureau, a post within that unit, and a proposed post
    data["nodes"] += [
        _node("hoofd", kind="body", type="team"),
        _node("medewerker"),
        _node("eigen", modality="proposed"),
    ]
    data["relations"] += [
        relation_entry("hoofd", "part_of", "bureau"),
        relation_entry("medewerker", "part_of", "hoofd"),
        relation_entry("eigen", "part_of", "bureau"),
        relation_entry("medewerker", "supports", "werkgroep"),
    ]


def test_a_part_of_a_conditional_node_is_conditional_through_it() -> None:
    model = _model(_with_posts)
    hoofd, medewerker = model.stated["hoofd"], model.stated["medewerker"]
    assert (hoofd.modality, hoofd.via, hoofd.condition) == (
        Modality.CONDITIONAL,
        "bureau",
        "als het voorstel wordt aangenomen",
    )
    # a part of a part takes it from where it starts, not from the part in between
    assert (medewerker.modality, medewerker.via) == (Modality.CONDITIONAL, "bureau")
    # and so does a relation of such a part, even one to a plain node
    assert model.stated["medewerker.supports.werkgroep"].via == "bureau"


def test_a_facts_own_modality_wins_over_one_it_could_take() -> None:
    model = _model(_with_posts)
    assert (model.stated["eigen"].modality, model.stated["eigen"].via) == (Modality.PROPOSED, None)
    assert model.stated["team.supports.bureau"].modality is Modality.PROPOSED


def test_plain_facts_stay_plain() -> None:
    model = _model(_with_posts)
    assert {"team", "werkgroep", "overleg-noord", "team.supports.overleggen"}.isdisjoint(model.stated)


def test_a_relation_kind_that_is_not_dependent_passes_nothing_on() -> None:
    # a member of a conditional body does not exist because of it
    def change(data: dict[str, Any]) -> None:
        data["nodes"].append(_node("lid"))
        data["relations"].append(relation_entry("lid", "member_of", "bureau"))

    model = _model(change)
    assert "lid" not in model.stated
    assert model.stated["lid.member_of.bureau"].via == "bureau"


def test_a_contradiction_is_disputed_and_an_ambiguity_unclear() -> None:
    def change(data: dict[str, Any]) -> None:
        claims = copy.deepcopy(data["conflicts"][0]["claims"])
        data["conflicts"].append(
            {
                "id": "aantal",
                "kind": "contradiction",
                "subjects": ["team"],
                "description": "De ene bron noemt twee secretarissen, de andere drie.",
                "claims": claims,
            }
        )

    model = _model(change)
    assert model.marks("team") == ("disputed",)
    assert model.marks("team.supports.overleggen") == ("unclear",)
    assert model.marks("werkgroep") == ()


def test_show_list_and_diff_say_a_post_of_the_bureau_is_conditional(cli: Callable[..., Result]) -> None:
    # 'Als de voorstellen worden overgenomen dan komt er één centrale en coördinerende
    # organisatie. [...] Daarmee worden de functies van secretaris-directeur [...] toegevoegd.'
    post = cli("--at", "2017-06-01", "show", "secretaris-directeur").stdout.splitlines()
    assert post[1].endswith("voorwaardelijk, net als MRA Bureau")
    rows = {line.split()[0]: line for line in cli("--at", "2017-06-01", "list").stdout.splitlines()[1:]}
    assert rows["secretaris-directeur"].endswith("actief, voorwaardelijk")
    regiegroep = cli("--at", "2017-06-01", "show", "regiegroep-mra").stdout
    assert "MRA Bureau (voorwaardelijk, net als MRA Bureau, bestuurlijk)" in regiegroep
    diff = cli("--lang", "en", "diff", "2016-06-01", "2017-06-01").stdout
    assert "  - secretary-director (conditional, like MRA Bureau; planned → active)\n" in diff


def test_a_yes_rests_on_a_fact_that_is_conditional_and_says_so(cli: Callable[..., Result]) -> None:
    out = cli("--at", "2017-06-01", "ask", "Ondersteunt het MRA Bureau de Agendacommissie?").stdout
    assert out.splitlines()[-2:] == [
        "Ja: MRA Bureau ondersteunt Agendacommissie.  [mra-bureau.supports.agendacommissie-mra]",
        "  (voorwaardelijk, net als MRA Bureau)",
    ]


@pytest.mark.parametrize(
    ("node", "marks"),
    [
        # 'vier portefeuillehoudersoverleggen' against 'drie': the sources disagree
        ("pho-ruimte-am", {"disputed": True}),
        # 'vier directeuren en gemeentesecretarissen' reads two ways; nobody disagrees
        ("werkgeverscommissie-mra", {"unclear": True}),
        ("regiegroep-am", {}),
    ],
)
def test_json_tells_a_dispute_from_an_open_reading(
    cli: Callable[..., Result], node: str, marks: dict[str, bool]
) -> None:
    data = json.loads(cli("--format", "json", "--at", "2017-06-01", "show", node).stdout)
    assert {k: data[k] for k in ("disputed", "unclear") if k in data} == marks
