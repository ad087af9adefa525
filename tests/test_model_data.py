"""The bundled model: valid, faithful to the sources, complete."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import mra_graph
from mra_graph.model.schema import GovernanceModel, Status


def test_bundled_model_is_valid_with_quotes_checked(sources_dir: Path) -> None:
    model = mra_graph.load(sources_dir=sources_dir)
    assert len(model.nodes) > 50


def test_same_named_bodies_are_told_apart(model: GovernanceModel) -> None:
    assert model.label("regiegroep-mra") == "Regiegroep (MRA)"
    assert model.label("regiegroep-am") == "Regiegroep (AM)"
    assert len(set(model.labels.values())) == len(model.nodes)


# Facts read off the two documents, each with the section that states it.
FACTS = [
    # mra-bureau-voorstel-2016, Opdrachtgeverschap en werkgeverscommissie
    ("regiegroep-mra", "commissions", "mra-bureau", {"capacity": "bestuurlijk"}),
    ("werkgeverscommissie-mra", "commissions", "mra-bureau", {"capacity": "ambtelijk"}),
    ("gemeente-amsterdam", "employs", "mra-bureau", {}),
    # Sturing
    ("agendacommissie-mra", "steers", "mra-bureau", {}),
    ("platforms-mra", "proposes_to", "agendacommissie-mra", {}),
    ("pho-mra", "proposes_to", "agendacommissie-mra", {}),
    # Inleiding
    ("mra-bureau", "supports", "regiegroep-mra", {}),
    ("mra-bureau", "supports", "agendacommissie-mra", {}),
    ("mra-bureau", "supports", "platforms-mra", {}),
    ("mra-bureau", "supports", "pho-mra", {}),
    ("mra-bureau", "informs", "mra-netwerk", {}),
    ("mra-bureau", "cooperates_with", "vervoerregio", {}),
    ("mra-bureau", "cooperates_with", "amsterdam-economic-board", {}),
    # Huisvesting
    ("mra-bureau", "housed_at", "amsterdam-wtc", {}),
    ("amsterdam-wtc", "located_in", "zuidas", {}),
    ("mra-bureau", "shares_facilities_with", "expat-centre", {}),
    ("mra-bureau", "shares_facilities_with", "amsterdam-in-business", {}),
    # Informeren van raden en staten
    ("mra-bureau", "informs", "raads-en-statenleden", {}),
    ("mra-bureau", "consults", "raads-en-statenleden", {}),
    ("mra-bureau", "supports", "colleges-mra", {}),
    # am-overleggen-brochure
    ("burgemeester-amstelveen", "chairs", "plenair-overleg-am", {}),
    ("burgemeester", "member_of", "regiegroep-am", {"count": 7}),
    ("gemeentesecretaris", "member_of", "secretarissenoverleg-am", {"count": 7}),
    ("raadslid", "member_of", "raadsledenplatform-am", {"count": 2, "per": "raad"}),
    ("regiegroep-am", "part_of", "am-overleg", {"role": "dagelijks bestuur"}),
    ("algemeen-regiosecretaris-am", "supports", "regiegroep-am", {}),
    ("algemeen-regiosecretaris-am", "supports", "secretarissenoverleg-am", {}),
    ("algemeen-regiosecretaris-am", "supports", "plenair-overleg-am", {}),
    ("pho-am", "prepares", "platforms-mra", {}),
    ("pho-am", "prepares", "pho-mra", {}),
    ("ambtelijke-werkgroep-am", "prepares", "pho-am", {"count": 1, "per": "portefeuillehoudersoverleg"}),
    ("am-team", "liaises_with", "mra", {}),
    ("secretarissenoverleg-am", "drives", "am-overleg", {}),
    ("portefeuillehouder-am-in-mra", "member_of", "regiegroep-am", {}),
    ("portefeuillehouder-am-in-mra", "member_of", "platforms-mra", {}),
]


@pytest.mark.parametrize(("source", "kind", "target", "fields"), FACTS, ids=lambda v: str(v))
def test_documented_relation_is_modelled(
    model: GovernanceModel, source: str, kind: str, target: str, fields: dict[str, object]
) -> None:
    found = [r for r in model.relations if (r.from_, r.kind, r.to) == (source, kind, target)]
    assert len(found) == 1
    for key, value in fields.items():
        assert getattr(found[0], key) == value


def test_periods_follow_the_proposal(model: GovernanceModel) -> None:
    nodes = model.nodes_by_id
    assert nodes["mra-bureau"].valid_from == dt.date(2017, 1, 1)
    assert nodes["secretaris-directeur"].valid_from == dt.date(2017, 1, 1)
    staff = nodes["medewerkers-stadsregio-mra"]
    assert (staff.status, staff.valid_to) == (Status.ENDED, dt.date(2017, 1, 1))
    assert nodes["pho-duurzaamheid-am"].status is Status.UNDER_CONSIDERATION


def test_am_team_has_four_regional_secretaries(model: GovernanceModel) -> None:
    members = sorted(r.from_ for r in model.relations if r.kind == "member_of" and r.to == "am-team")
    assert members == [
        "algemeen-regiosecretaris-am",
        "regiosecretaris-economie-am",
        "regiosecretaris-verkeer-en-vervoer-am",
        "regiosecretaris-wonen-am",
    ]


def test_conflicts_are_recorded_with_both_claims(model: GovernanceModel) -> None:
    conflicts = {c.id: c for c in model.conflicts}
    assert [claim.value for claim in conflicts["pho-am-aantal"].claims] == [4, 3]
    assert {"pho-ruimte-am", "pho-am"} <= set(conflicts["pho-am-aantal"].subjects)
    assert "werkgeverscommissie-mra" in conflicts["werkgeverscommissie-samenstelling"].subjects
    assert "pho-sociaal-mra" in conflicts["mra-sociaal"].subjects


def test_staffing_table_matches_the_proposal(model: GovernanceModel) -> None:
    (table,) = model.figures
    rows = {row.id: row for row in table.rows}
    assert table.years == ["2016", "2017"]
    assert rows["formatie-totaal-regionaal-budget"].values == {"2016": 15, "2017": 14}
    assert rows["formatie-capaciteit-samenwerkende-overheden"].values == {"2016": 60, "2017": 80}
    assert rows["formatie-ambtelijk-betrokken"].stated_difference is None
    assert len(table.rows) == 8


def test_municipalities_are_never_named(model: GovernanceModel) -> None:
    # The sources count burgemeesters and gemeentesecretarissen but name only Amstelveen and Amsterdam.
    municipalities = sorted(n.id for n in model.nodes if n.type == "gemeente")
    assert municipalities == ["gemeente-amstelveen", "gemeente-amsterdam"]


def test_every_node_and_relation_cites_a_source(model: GovernanceModel) -> None:
    assert all(n.sources for n in model.nodes)
    assert all(r.sources for r in model.relations)
