"""``-o -``: every command that writes one file writes it to standard output instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Cli = Callable[..., Result]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        pytest.param(["render", "overview", "-f", "dot"], "out.dot", id="render-dot"),
        pytest.param(["render", "overview", "-f", "mmd"], "out.mmd", id="render-mermaid"),
        pytest.param(
            ["render", "focus", "mra-bureau", "-f", "svg"], "out.svg", id="render-svg", marks=pytest.mark.exe
        ),
        pytest.param(["export", "turtle"], "out.ttl", id="export-turtle"),
        pytest.param(["export", "graphml"], "out.graphml", id="export-graphml"),
        pytest.param(["export", "popolo"], "out.json", id="export-popolo"),
        pytest.param(["report", "--format", "html"], "out.html", id="report-html"),
    ],
)
def test_standard_output_gets_the_bytes_the_file_would_hold(
    cli: Cli, tmp_path: Path, args: list[str], name: str
) -> None:
    fixed = ["--at", "2017-06-01"]
    to_file = cli(*fixed, *args, "-o", str(tmp_path / name))
    to_stdout = cli(*fixed, *args, "-o", "-")
    assert to_file.exit_code == to_stdout.exit_code == 0, to_stdout.output
    assert to_stdout.stdout_bytes == (tmp_path / name).read_bytes()
    assert list(tmp_path.iterdir()) == [tmp_path / name]


def test_a_report_on_standard_output_is_html_unless_told(cli: Cli, tmp_cwd: Path) -> None:
    result = cli("report", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert list(tmp_cwd.iterdir()) == []


def test_a_markdown_report_on_standard_output_links_no_missing_diagram(cli: Cli, tmp_cwd: Path) -> None:
    result = cli("report", "-o", "-", "--format", "md")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert "diagram.svg" not in result.stdout
    assert list(tmp_cwd.iterdir()) == []
    with_mermaid = cli("report", "-o", "-", "--format", "md", "--mermaid")
    assert "```mermaid" in with_mermaid.stdout


def test_import_writes_the_model_to_standard_output(cli: Cli, tmp_path: Path) -> None:
    assert cli("export", "csv", "-o", str(tmp_path / "csv")).exit_code == 0
    result = cli("import", "csv", str(tmp_path / "csv"), "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout == (Path(__file__).parent.parent / "model" / "organen.json").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("fmt", ["csv", "neo4j"])
def test_a_folder_format_says_it_needs_a_folder(cli: Cli, tmp_path: Path, fmt: str) -> None:
    result = cli("--lang", "en", "export", fmt, "-o", "-")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {fmt} writes a folder of ")
    assert result.stderr.endswith("files, which cannot go to standard output; give a folder to -o\n")
    a_file = tmp_path / "model.csv"
    a_file.write_text("x")
    result = cli("--lang", "en", "export", fmt, "-o", str(a_file))
    assert result.exit_code == 1
    assert (
        result.stderr == f"Error: {str(a_file)!r} is a file, and {fmt} writes a folder; give a folder to -o\n"
    )


@pytest.mark.exe
def test_a_png_goes_to_standard_output_as_bytes(cli: Cli, tmp_cwd: Path) -> None:
    result = cli("render", "overview", "-o", "-", "-f", "png")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\x89PNG\r\n\x1a\n")
    assert list(tmp_cwd.iterdir()) == []
