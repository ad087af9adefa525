"""The faithfulness check of ``check --sources``: every relation stated by a quote, every
description clause by its cited sections, every alias written by a source, or the fact
marked as the model's own (``inferred``, ``own_aliases``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import mra_graph
from mra_graph.errors import ModelError
from mra_graph.model.faithfulness import section_texts, written_in
from mra_graph.model.schema import Document
from tests.conftest import ROOT

MODEL = ROOT / "model" / "organen.json"
EXAMPLE = ROOT / "examples" / "lindenwaard-veenhoven.json"


def _problems(data: dict[str, Any], tmp_path: Path, sources: Path) -> list[tuple[str, str]]:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    try:
        mra_graph.load(path, sources_dir=sources)
    except ModelError as error:
        return [(p.pointer, p.message) for p in error.problems]
    return []


def _bundled() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MODEL.read_text(encoding="utf-8"))
    return data


def _index(items: list[dict[str, Any]], item_id: str) -> int:
    return next(i for i, item in enumerate(items) if item["id"] == item_id)


def test_the_bundled_model_says_only_what_its_sources_say_or_marks_it(sources_dir: Path) -> None:
    model = mra_graph.load(MODEL, sources_dir=sources_dir)
    # each inferred fact gives its reason in both languages
    assert model.inferred
    assert all(item.inferred and item.inferred_en for item in model.inferred.values())


def test_the_example_model_says_only_what_its_sources_say_or_marks_it() -> None:
    model = mra_graph.load(EXAMPLE, sources_dir=ROOT / "examples" / "bronnen")
    assert len(model.inferred) == 9


def test_an_inferred_relation_without_its_mark_is_a_problem(tmp_path: Path, sources_dir: Path) -> None:
    data = _bundled()
    i = _index(data["relations"], "platforms-mra.proposes_to.agendacommissie-mra")
    del data["relations"][i]["inferred"], data["relations"][i]["inferred_en"]
    assert _problems(data, tmp_path, sources_dir) == [
        (
            f"/relations/{i}",
            "no quote of the relation 'platforms-mra.proposes_to.agendacommissie-mra' states it: "
            "none holds Agendacommissie, proposes_to",
        )
    ]


def test_a_quote_without_the_relations_verb_is_a_problem(tmp_path: Path, sources_dir: Path) -> None:
    data = _bundled()
    i = _index(data["relations"], "agendacommissie-mra.steers.mra-bureau")
    # verbatim, and it names both ends, but does not say 'stuurt aan'
    data["relations"][i]["sources"][0]["quote"] = "De Agendacommissie stuurt het MRA-Bureau"
    assert _problems(data, tmp_path, sources_dir) == []
    data["relations"][i]["sources"][0]["quote"] = (
        "Het bureau richt zich op de ondersteuning van de Regiegroep, Agendacommissie"
    )
    data["relations"][i]["sources"][0]["section"] = "Inleiding"
    assert _problems(data, tmp_path, sources_dir) == [
        (
            f"/relations/{i}",
            "no quote of the relation 'agendacommissie-mra.steers.mra-bureau' states it: none holds steers",
        )
    ]


def test_a_quote_without_an_ends_name_is_a_problem(tmp_path: Path, sources_dir: Path) -> None:
    data = _bundled()
    i = _index(data["relations"], "burgemeester.member_of.regiegroep-am")
    data["relations"][i]["sources"][0]["quote"] = "bestaat uit de zeven burgemeesters."
    assert _problems(data, tmp_path, sources_dir) == [
        (
            f"/relations/{i}",
            "no quote of the relation 'burgemeester.member_of.regiegroep-am' states it: "
            "none holds Regiegroep",
        )
    ]


def test_a_description_clause_no_cited_section_states_is_a_problem(tmp_path: Path, sources_dir: Path) -> None:
    data = _bundled()
    i = _index(data["nodes"], "zuidas")
    data["nodes"][i]["description"] = (
        "Het Amsterdam WTC ligt aan de Zuidas; het is het drukste zakendistrict van het land."
    )
    assert _problems(data, tmp_path, sources_dir) == [
        (
            f"/nodes/{i}/description",
            "the sections 'zuidas' cites do not state 'het is het drukste zakendistrict van het land.'",
        )
    ]


def test_an_alias_no_source_writes_belongs_to_the_models_own(tmp_path: Path, sources_dir: Path) -> None:
    data = _bundled()
    i = _index(data["nodes"], "regiegroep-mra")
    data["nodes"][i]["aliases"].append("MRA-Regiegroep")
    j = len(data["nodes"][i]["aliases"]) - 1
    assert _problems(data, tmp_path, sources_dir) == [
        (f"/nodes/{i}/aliases/{j}", "no source writes the alias 'MRA-Regiegroep' of 'regiegroep-mra'")
    ]


def test_without_the_sources_nothing_is_judged(tmp_path: Path) -> None:
    data = _bundled()
    i = _index(data["relations"], "platforms-mra.proposes_to.agendacommissie-mra")
    del data["relations"][i]["inferred"], data["relations"][i]["inferred_en"]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert mra_graph.load(path).relations[i].inferred is None


def test_a_section_runs_from_its_heading_to_the_next() -> None:
    document = Document(id="d", title="D", file="d.txt", period="2016", sections=["Een", "Twee", "Drie"])
    texts = section_texts("Een\neerste tekst, ge-\nsplitst\nTwee\ntweede tekst\n", document)
    assert "eerste tekst" in texts["Een"]
    assert "tweede" not in texts["Een"]
    assert "gesplitst" in texts["Een"]  # a word the PDF split is also read whole
    assert "tweede tekst" in texts["Twee"]
    assert texts["Drie"].startswith("Een\n")  # a heading not found: the whole text


@pytest.mark.parametrize(
    ("name", "text", "written"),
    [
        ("MRA-Bureau", "het personeel van het MRA-Bureau", True),
        ("Plenair Overleg", "het plenair\n  overleg is", True),
        ("bureau", "het bureaublad", False),
        ("Amstelland-Meerlanden", "het Amstelland-Meer-\nlanden Overleg", True),
    ],
)
def test_an_alias_is_written_as_whole_words(name: str, text: str, written: bool) -> None:
    assert written_in(name, text) is written


def test_check_counts_the_inferred_facts(cli: Any, sources_dir: Path) -> None:
    model = mra_graph.load(MODEL)
    result = cli("check", "--sources", str(sources_dir))
    assert result.exit_code == 0, result.output
    assert f"{len(model.inferred)} afgeleide feiten" in result.stdout
    english = cli("--lang", "en", "--format", "json", "check", "--sources", str(sources_dir))
    assert json.loads(english.stdout)["inferred"] == len(model.inferred)


def test_a_quote_may_name_an_end_by_its_name_before_a_rename(tmp_path: Path, sources_dir: Path) -> None:
    data = _bundled()
    i = _index(data["nodes"], "regiegroep-am")
    # renamed later: the sources still call it by the name it had
    data["nodes"][i]["former_names"] = [{"name": data["nodes"][i]["name"], "valid_to": "2030-01-01"}]
    data["nodes"][i]["name"] = "Stuurgroep Amstelland-Meerlanden"
    assert _problems(data, tmp_path, sources_dir) == []
