"""What the program says around a model comes from that model, never from the bundled one.

The report, ``--help`` and completion of a model that is not the bundled one hold no
name of the bundled model (its nodes' names and aliases, its regions, documents and
title), unless the model shown uses that name itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from benchmarks.synthetic import national_model
from mra_graph.cli import main
from mra_graph.model.vocabulary import data_file
from tests.english_model import english_model

EXAMPLE = Path(__file__).parent.parent / "examples" / "lindenwaard-veenhoven.json"


def _bundled_names() -> set[str]:
    """Every name the bundled model gives: nodes (names, aliases, former names), regions,
    documents and the model's title, in both languages."""
    data = json.loads(data_file("model", "organen.json").read_text(encoding="utf-8"))
    names: set[str] = {data["title"], data.get("title_en", "")}
    for node in data["nodes"]:
        names.update([node["name"], node.get("name_en", "")])
        for key in ("aliases", "aliases_en", "own_aliases"):
            names.update(node.get(key, []))
        names.update(f["name"] for f in node.get("former_names", []))
    for region in data["regions"]:
        names.update([region["name"], region.get("name_en", ""), region["short"]])
    for document in data["documents"]:
        names.update([document["title"], document.get("title_en", "")])
    # the vocabulary's words (a "regiegroep" is a type of body) belong to every model
    terms = {
        t.casefold() for t in _texts(json.loads(data_file("model", "vocabulary.json").read_text("utf-8")))
    }
    return {n for n in names if len(n) > 2 and n.casefold() not in terms}


def _texts(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [t for value in data.values() for t in _texts(value)]
    if isinstance(data, list):
        return [t for value in data for t in _texts(value)]
    return [data] if isinstance(data, str) else []


def _foreign(model: dict[str, Any]) -> re.Pattern[str]:
    """The bundled names that ``model`` does not use itself, as one pattern."""
    own = json.dumps(model, ensure_ascii=False).casefold()
    names = sorted((n for n in _bundled_names() if n.casefold() not in own), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)


def _leaks(text: str, model: dict[str, Any]) -> list[str]:
    foreign = _foreign(model)
    return [
        f"{m.group(0)!r} in: {line.strip()[:140]}"
        for line in text.splitlines()
        for m in foreign.finditer(line)
    ]


def _models(tmp_path: Path) -> dict[str, Path]:
    files = {"example": EXAMPLE}
    for name, data in (("synthetic", national_model(3)), ("english", english_model())):
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(data), encoding="utf-8")
    return files


def test_the_check_knows_the_bundled_names() -> None:
    names = _bundled_names()
    assert {"MRA Bureau", "Metropoolregio Amsterdam", "Amstelland-Meerlanden"} <= names
    assert _leaks("Wie doet wat in de Metropoolregio Amsterdam", {"nodes": []})
    assert not _leaks("made with mra-graph", {"nodes": []})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_report_of_another_model_names_nothing_of_the_bundled_one(tmp_path: Path, lang: str) -> None:
    wrong: list[str] = []
    for name, file in _models(tmp_path).items():
        model = json.loads(file.read_text(encoding="utf-8"))
        for fmt in ("md", "html"):
            out = tmp_path / f"{name}-{lang}.{fmt}"
            args = ["--model", str(file), "--lang", lang, "report", "--no-diagrams", "-o", str(out)]
            if len(model["nodes"]) > 300:
                args += ["--focus", model["nodes"][0]["id"]]
            result = CliRunner().invoke(main, args, catch_exceptions=False)
            assert result.exit_code == 0, result.output
            wrong += [f"{name} {fmt}: {leak}" for leak in _leaks(out.read_text(encoding="utf-8"), model)]
    assert not wrong, "\n".join(dict.fromkeys(wrong))


def test_help_names_nothing_of_the_bundled_model() -> None:
    wrong: list[str] = []
    for command in ("", "ask", "render", "report", "export", "check", "show", "query"):
        result = CliRunner().invoke(main, [*command.split(), "--help"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        wrong += [f"{command or 'mra-graph'} --help: {leak}" for leak in _leaks(result.output, {"nodes": []})]
    assert not wrong, "\n".join(wrong)


def test_view_completion_offers_the_views_of_the_model_given(tmp_path: Path) -> None:
    from mra_graph.cli.completion import complete_view

    file = _models(tmp_path)["english"]
    command = main.get_command(None, "render")  # type: ignore[arg-type]
    assert command is not None
    ctx = command.make_context("render", ["--model", str(file), "overview"], resilient_parsing=True)
    offered = [item.value for item in complete_view(ctx, command.params[0], "overview")]
    assert "overview" in offered
    assert not [v for v in offered if v in ("overview-mra", "overview-am")], offered
