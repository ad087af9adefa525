"""The sources' time horizon: a date beyond what the documents describe is answered as of
the nearest day they do, and every output says so."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable

import pytest
from click.testing import Result

from mra_graph.errors import ModelError
from mra_graph.model.loading import load_text
from mra_graph.model.schema import GovernanceModel
from mra_graph.render.scene import build_scene
from mra_graph.report.gather import build_report
from tests.qualified import MODEL

LATER = dt.date(2026, 12, 7)


def test_a_day_inside_the_horizon_is_answered_as_asked(model: GovernanceModel) -> None:
    # the proposal speaks for 2016 and 2017, the brochure for about 2017-2018
    assert model.horizon == (dt.date(2016, 1, 1), dt.date(2018, 12, 31))
    when = model.as_of(dt.date(2017, 6, 1))
    assert (when.used, when.beyond) == (dt.date(2017, 6, 1), None)


@pytest.mark.parametrize(
    ("asked", "used", "beyond"),
    [(LATER, dt.date(2018, 12, 31), "after"), (dt.date(2010, 6, 1), dt.date(2016, 1, 1), "before")],
)
def test_a_day_beyond_the_horizon_is_moved_to_its_nearest_end(
    model: GovernanceModel, asked: dt.date, used: dt.date, beyond: str
) -> None:
    when = model.as_of(asked)
    assert (when.asked, when.used, when.beyond) == (asked, used, beyond)


def test_a_model_whose_documents_give_no_dates_answers_any_day_as_asked() -> None:
    model = load_text(json.dumps(MODEL), "qualified.json")
    assert model.horizon is None
    assert model.as_of(LATER).used == LATER


def test_a_document_cannot_end_before_it_begins() -> None:
    data = copy.deepcopy(MODEL)
    data["documents"][0].update(covers_from="2020-12-31", covers_to="2020-01-01")
    with pytest.raises(ModelError, match="'covers_to' is before 'covers_from'"):
        load_text(json.dumps(data), "horizon.json")


def test_list_and_show_say_which_day_they_answer_for(cli: Callable[..., Result]) -> None:
    first = cli("--at", "2026-12-07", "list").stdout.splitlines()[0]
    assert first == (
        "Stand op 2018-12-31, de laatste dag die de bronnen beschrijven (2016–2018); "
        "over 2026-12-07 zeggen ze niets."
    )
    card = cli("--lang", "en", "--at", "2010-06-01", "show", "AM-team").stdout.splitlines()
    assert card[0].startswith("As of 2016-01-01, the first day the sources describe (2016–2018)")
    # the AM-team formed 'met het ontstaan van de MRA': nothing is said of it in 2010
    assert "active on 2016-01-01" in card[3]
    # inside the horizon nothing changes
    assert cli("--at", "2017-06-01", "list").stdout.splitlines()[0].split()[:2] == ["id", "naam"]


def test_json_gives_the_day_asked_and_the_day_answered_for(cli: Callable[..., Result]) -> None:
    data = json.loads(
        cli("--format", "json", "--at", "2026-12-07", "query", "supports", "--to", "AM-team").stdout
    )
    assert {k: data[k] for k in ("at", "asked_at", "beyond_sources", "sources_describe")} == {
        "at": "2018-12-31",
        "asked_at": "2026-12-07",
        "beyond_sources": "after",
        "sources_describe": {"from": "2016-01-01", "to": "2018-12-31"},
    }
    inside = json.loads(cli("--format", "json", "--at", "2017-06-01", "list").stdout)
    assert "asked_at" not in inside


def test_ask_says_the_horizon_and_when_a_fact_has_no_date(cli: Callable[..., Result]) -> None:
    out = cli(
        "--at", "2026-12-07", "ask", "Vanaf wanneer bestaat de werkgeverscommissie?"
    ).stdout.splitlines()
    assert out[0].startswith("Stand op 2018-12-31, de laatste dag die de bronnen beschrijven")
    # 'Een werkgeverscommissie ... vervult de rol van ambtelijk opdrachtgever': no date
    assert out[2:4] == [
        "De bron noemt voor werkgeverscommissie geen begin en geen einde.",
        "De bronnen beschrijven 2016–2018; daarbuiten zeggen ze er niets over.",
    ]
    # a day named in the question is moved too
    asked = cli("--lang", "en", "ask", "who supported the AM team in 2010?").stdout
    assert asked.startswith("As of 2016-01-01, the first day the sources describe (2016–2018)")


def test_a_diagram_and_a_report_say_the_day_they_show(model: GovernanceModel) -> None:
    scene = build_scene(model, "overview-am", at=LATER)
    assert scene.at == dt.date(2018, 12, 31)
    assert scene.subtitle.endswith("Stand op 2018-12-31, de laatste die de bronnen beschrijven")
    report = build_report(model, at=LATER, lang="en")
    assert report.at == dt.date(2018, 12, 31)
    assert report.as_of == (
        "As of 2018-12-31, the last day the sources describe (2016–2018); they say nothing about 2026-12-07."
    )
