"""A report without Graphviz: refused (exit 1, no file), or with --no-diagrams written
without its diagrams, which standard error says."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mra_graph.cli import main
from mra_graph.words import words

AT = "2017-06-01"


@pytest.fixture
def without_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    # dot is found on the PATH (mra_graph/render/dot_runner.py): a PATH without it
    monkeypatch.setenv("PATH", "/nonexistent")


@pytest.mark.usefixtures("without_dot")
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["report.html", "report.md"])
def test_a_report_without_graphviz_stops_and_writes_nothing(tmp_path: Path, lang: str, name: str) -> None:
    result = CliRunner().invoke(main, ["--lang", lang, "--at", AT, "report", "-o", str(tmp_path / name)])
    assert result.exit_code == 1, result.output
    assert result.stderr == f"{words(lang)('error')}: {words(lang)('diagram', 'report_needs_dot')}\n"
    assert "--no-diagrams" in result.stderr
    assert not list(tmp_path.iterdir())
    assert result.stdout == ""


@pytest.mark.usefixtures("without_dot")
def test_a_report_to_standard_output_without_graphviz_stops_too() -> None:
    result = CliRunner().invoke(main, ["--at", AT, "report", "-o", "-"])
    assert result.exit_code == 1
    assert result.stdout == ""


@pytest.mark.usefixtures("without_dot")
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_diagrams_writes_the_report_and_says_so(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "report.md"
    result = CliRunner().invoke(main, ["--lang", lang, "--at", AT, "report", "-o", str(out), "--no-diagrams"])
    assert result.exit_code == 0, result.output
    assert result.stderr == words(lang)("diagram", "report_without") + "\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no diagram file beside it
    text = out.read_text(encoding="utf-8")
    assert words(lang)("diagram", "left_out") in text
    assert "![" not in text  # no image linked


def test_no_diagrams_with_graphviz_leaves_them_out_as_well(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["--at", AT, "report", "-o", str(out), "--no-diagrams"])
    assert result.exit_code == 0, result.output
    assert "<svg" not in out.read_text(encoding="utf-8")


def test_with_graphviz_the_report_has_its_diagram(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["--at", AT, "report", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "<svg" in out.read_text(encoding="utf-8")
    assert result.stderr == ""
