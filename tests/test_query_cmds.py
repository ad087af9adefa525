"""The question commands: JSON contract, time travel, text layout, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result

from mra_graph.model.schema import GovernanceModel
from mra_graph.present.answer_text import formation_lines
from mra_graph.present.answers import formation_json
from mra_graph.questions.queries import formation

Cli = Callable[..., Result]
NODE_KEYS = {"id", "name", "kind", "region", "status"}


def _json(cli: Cli, *args: str) -> Any:
    result = cli("--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_query_json_contract(cli: Cli) -> None:
    data = _json(cli, "--at", "2017-06-01", "query", "commissions", "--to", "MRA Bureau")
    (answer,) = data["answers"]
    assert answer["subject"]["id"] == "mra-bureau"
    assert set(answer["subject"]) >= NODE_KEYS
    assert (answer["relation"], answer["direction"]) == ("commissions", "incoming")
    results = {r["id"]: r for r in answer["results"]}
    assert set(results) == {"regiegroep-mra", "werkgeverscommissie-mra"}
    # the bureau exists only if the proposals are adopted, so commissioning it does too
    assert results["regiegroep-mra"]["attributes"] == {
        "capacity": "bestuurlijk",
        "modality": "conditional",
        "condition": "als de voorstellen worden overgenomen",
        "modality_via": "mra-bureau",
    }
    assert results["regiegroep-mra"]["sources"][0]["document"] == "mra-bureau-voorstel-2016"
    assert set(results["regiegroep-mra"]) >= NODE_KEYS


def test_query_gives_one_answer_per_node_a_name_fits(cli: Cli) -> None:
    data = _json(cli, "--at", "2017-06-01", "query", "supports", "--to", "Regiegroep")
    assert [a["subject"]["label"] for a in data["answers"]] == ["Regiegroep (MRA)", "Regiegroep (AM)"]


def test_members_json_carries_count_and_per(cli: Cli) -> None:
    data = _json(cli, "--at", "2017-06-01", "members", "raadsledenplatform")
    (answer,) = data["answers"]
    assert answer["relation"] == "members"
    assert [(r["id"], r["count"], r["per"]) for r in answer["results"]] == [("raadslid", 2, "raad")]


def test_chain_and_path_json_steps(cli: Cli) -> None:
    chain = _json(cli, "--at", "2017-06-01", "chain", "portefeuillehoudersoverleg Wonen")
    assert chain["subject"]["id"] == "pho-wonen-am"
    assert [[(s["from"]["id"], s["relation"], s["to"]["id"]) for s in c] for c in chain["chains"]] == [
        [("pho-wonen-am", "part_of", "pho-am"), ("pho-am", "part_of", "am-overleg")]
    ]
    path = _json(
        cli, "--at", "2017-06-01", "path", "AM-team", "MRA Bureau", "--relations", "liaises_with,coordinates"
    )
    assert [[(s["from"]["id"], s["to"]["id"], s["forward"]) for s in p] for p in path["paths"]] == [
        [("am-team", "mra", True), ("mra-bureau", "mra", False)]
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2016-06-01", []), ("2017-06-01", ["regiegroep-mra", "werkgeverscommissie-mra"])],
    ids=["before-the-bureau", "after"],
)
def test_commissioning_exists_only_from_2017(cli: Cli, day: str, expected: list[str]) -> None:
    data = _json(cli, "--at", day, "query", "commissions", "--to", "MRA Bureau")
    assert [r["id"] for r in data["answers"][0]["results"]] == expected
    assert data["answers"][0]["subject"]["status"] == ("planned" if day < "2017" else "active")


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2016-06-01", ["medewerkers-stadsregio-mra"]), ("2017-06-01", [])],
    ids=["stadsregio-staff-in-2016", "gone-in-2017"],
)
def test_stadsregio_staff_ends_in_2017(cli: Cli, day: str, expected: list[str]) -> None:
    data = _json(cli, "--at", day, "query", "employs", "--from", "Stadsregio Amsterdam")
    assert [r["id"] for r in data["answers"][0]["results"]] == expected


def test_diff_json_contract(cli: Cli) -> None:
    data = _json(cli, "diff", "2016-06-01", "2017-06-01")
    assert (data["from"], data["to"]) == ("2016-06-01", "2017-06-01")
    assert {"what": "node", "id": "mra-bureau", "before": "planned", "after": "active"}.items() <= next(
        item for item in data["added"] if item["id"] == "mra-bureau"
    ).items()
    assert [i["id"] for i in data["ended"] if i["what"] == "node"] == ["medewerkers-stadsregio-mra"]
    assert data["changed"] == []


def test_formation_json_contract(cli: Cli) -> None:
    data = _json(cli, "formation")
    assert data["years"] == ["2016", "2017"]
    total = next(r for r in data["rows"] if r["total_of"])
    assert total["values"] == {"2016": 15, "2017": 14}
    assert (total["difference"], total["stated_difference"], total["consistent"]) == (-1, -1, True)
    support = next(r for r in data["rows"] if r["id"] == "formatie-ondersteunende-taken")
    assert support["values"] == {"2016": 1, "2017": 2.5}


def test_formation_marks_a_disagreement(model: GovernanceModel) -> None:
    # a table whose stated total no longer adds up must say so, not hide it
    table = model.figures[0]
    rows = [
        r.model_copy(update={"values": {"2016": 16.0, "2017": 14.0}}) if r.total_of else r for r in table.rows
    ]
    broken = model.model_copy(update={"figures": [table.model_copy(update={"rows": rows})]})
    result = formation(broken)
    assert not result.consistent
    total = next(r for r in formation_json(result, "nl")["rows"] if r["total_of"])
    assert (total["consistent"], total["computed"]) == (False, {"2016": 15, "2017": 14})
    assert any(line.endswith("NEE") for line in formation_lines(broken, result, "nl"))


def test_text_output_reads_as_sentences_with_sources(cli: Cli) -> None:
    result = cli("--at", "2017-06-01", "query", "steers", "--to", "MRA Bureau", "--sources")
    assert result.stdout == (
        "Stand op 2017-06-01\n\nMRA Bureau (voorwaardelijk, onduidelijk) wordt aangestuurd door:\n"
        "  - Agendacommissie  [agendacommissie-mra.steers.mra-bureau]\n"
        "      bron: mra-bureau-voorstel-2016, Sturing: "
        '"De Agendacommissie stuurt het MRA-Bureau inhoudelijk aan"\n'
    )


def test_diff_text_uses_separable_dutch_verbs(cli: Cli) -> None:
    result = cli("diff", "2016-06-01", "2017-06-01")
    # the change carries how firmly it holds: the bureau is conditional
    assert (
        "  - Agendacommissie stuurt MRA Bureau aan (voorwaardelijk, net als MRA Bureau; gepland → actief)"
        "  [agendacommissie-mra.steers.mra-bureau]\n" in result.stdout
    )


@pytest.mark.parametrize(
    "args",
    [
        ("query", "supports", "--to", "MRA Bureau", "--from", "AM-team"),
        ("query", "supports"),
        ("query", "suports", "--to", "MRA Bureau"),
        ("path", "AM-team", "MRA Bureau", "--relations", "steers,nope"),
        ("diff", "2016-06-01", "1-1-2017"),
    ],
    ids=["both-ends", "no-end", "unknown-kind", "unknown-kind-in-path", "bad-date"],
)
def test_usage_errors_exit_2(cli: Cli, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_unknown_and_ambiguous_names_exit_1(cli: Cli) -> None:
    assert cli("--lang", "en", "members", "secretarisenoverleg").stderr.startswith(
        "Error: unknown node 'secretarisenoverleg' (did"
    )
    ambiguous = cli("chain", "Regiegroep")
    assert ambiguous.exit_code == 1
    assert "regiegroep-mra" in ambiguous.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--at", "2017-06-01", "ask", "wie ondersteunt de Regiegroep?"),
        ("--at", "2017-06-01", "path", "Regiegroep MRA", "AM-team"),
        ("diff", "2016-06-01", "2017-06-01"),
        ("formation",),
    ],
    ids=["ask", "path", "diff", "formation"],
)
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_is_byte_identical_between_runs(cli: Cli, args: tuple[str, ...], fmt: str) -> None:
    assert cli("--format", fmt, *args).stdout == cli("--format", fmt, *args).stdout


def test_ask_json_says_how_the_question_was_read(cli: Cli) -> None:
    data = _json(cli, "--at", "2017-06-01", "ask", "door wie wordt het MRA Bureau aangestuurd?")
    assert data["understood_as"] == [
        {
            "intent": "relation",
            "relation": "steers",
            "capacity": None,
            "direction": "incoming",
            "names": ["mra bureau"],
            "lang": "nl",
            "chosen": True,
            "tags": [{"said": "mra bureau", "nodes": ["mra-bureau"], "how": "name"}],
            "cues": ["wordt aangestuurd door"],
            "ignored": [],
            "corrected": [],
            "unused": [],
        }
    ]
    assert [r["id"] for r in data["answers"][0]["results"]] == ["agendacommissie-mra"]
    chain = _json(cli, "--at", "2017-06-01", "ask", "aan wie legt het MRA Bureau verantwoording af?")
    assert chain["answers"][0]["relation"] == "chain"
    assert len(chain["answers"][0]["chains"]) == 3
