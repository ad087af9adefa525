"""The export and import commands: files written whole or not at all, losses on stderr, exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from mra_graph.interchange import EXPORT_FORMATS

Cli = Callable[..., Result]


# the ArchiMate view is laid out by Graphviz's dot
FORMATS = [pytest.param(f, marks=pytest.mark.exe) if f == "archimate" else f for f in sorted(EXPORT_FORMATS)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_writes_and_lists_losses_on_stderr(cli: Cli, tmp_cwd: Path, fmt: str) -> None:
    result = cli("--lang", "en", "export", fmt, "-o", f"out-{fmt}")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("wrote out-")
    for line in result.stderr.splitlines():
        assert line.startswith(f"not expressed in {fmt}: ")
    # in the model's own language without --lang
    dutch = cli("export", fmt, "-o", f"nl-{fmt}")
    assert dutch.stdout.startswith("geschreven: nl-")
    assert len(dutch.stderr.splitlines()) == len(result.stderr.splitlines())
    for line in dutch.stderr.splitlines():
        assert line.startswith(f"niet uit te drukken in {fmt}: ")
    written = [p for p in tmp_cwd.rglob("*") if p.is_file()]
    assert written
    assert not [p for p in written if p.name.endswith(".tmp")]


def test_export_json_report(cli: Cli, tmp_cwd: Path) -> None:
    data = json.loads(cli("--format", "json", "export", "graphml", "-o", "g.graphml").stdout)
    assert data["files"] == ["g.graphml"]
    assert {loss["what"] for loss in data["losses"]} == {
        "documents",
        "regions",
        "figure tables",
        "conflicts",
        "abbreviations",
    }


def test_unknown_format_is_a_usage_error(cli: Cli, tmp_cwd: Path) -> None:
    assert cli("export", "xlsx", "-o", "x").exit_code == 2


def test_csv_into_an_existing_file_is_refused(cli: Cli, tmp_cwd: Path) -> None:
    (tmp_cwd / "taken").write_text("keep me", encoding="utf-8")
    result = cli("--lang", "en", "export", "csv", "-o", "taken")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 'taken' is a file, and csv writes a folder")
    assert (tmp_cwd / "taken").read_text(encoding="utf-8") == "keep me"


def test_export_into_a_missing_folder_is_one_error_line(cli: Cli, tmp_cwd: Path) -> None:
    result = cli("--lang", "en", "export", "turtle", "-o", "nowhere/x.ttl")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write into 'nowhere'")
    assert len(result.stderr.splitlines()) == 1


def test_import_round_trip_passes_check(cli: Cli, tmp_cwd: Path) -> None:
    assert cli("export", "csv", "-o", "sheet").exit_code == 0
    result = cli("import", "csv", "sheet", "-o", "back.json")
    assert result.exit_code == 0, result.output
    assert cli("--model", "back.json", "check").exit_code == 0


def test_import_reports_rows_and_writes_nothing(cli: Cli, tmp_cwd: Path) -> None:
    cli("export", "csv", "-o", "sheet")
    nodes = tmp_cwd / "sheet" / "nodes.csv"
    nodes.write_bytes(nodes.read_bytes().replace(b",body,", b",orgaan,", 1))
    result = cli("--lang", "en", "import", "csv", "sheet", "-o", "back.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: nodes.csv:2:2 /kind: 'orgaan': Input should be 'body', 'role', 'organisation', 'place', "
        "'document' or 'instrument'",
        "Error: 1 problem; nothing was written",
    ]
    assert not (tmp_cwd / "back.json").exists()


def test_missing_oxigraph_names_the_extra(cli: Cli, tmp_cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a None entry in sys.modules makes the import fail as if the package were not installed
    monkeypatch.setitem(sys.modules, "pyoxigraph", None)
    result = cli("--lang", "en", "export", "turtle", "-o", "x.ttl")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: RDF export needs the Python package 'pyoxigraph'; "
        "install it with pip install 'mra-graph[interchange]'\n"
    )
    assert not (tmp_cwd / "x.ttl").exists()


def test_archimate_without_dot_is_one_error_line(
    cli: Cli, tmp_cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    result = cli("export", "archimate", "-o", "a.xml")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: laying out the ArchiMate view needs Graphviz's 'dot' program; "
        "install Graphviz with 'apt-get install graphviz' or 'brew install graphviz'\n"
    )
    assert not (tmp_cwd / "a.xml").exists()


def test_base_iri_names_the_rdf_nodes(cli: Cli, tmp_cwd: Path) -> None:
    result = cli("export", "turtle", "--base", "https://data.example.nl/mra/", "-o", "m.ttl")
    assert result.exit_code == 0, result.output
    assert "<https://data.example.nl/mra/node/>" in (tmp_cwd / "m.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fmt", "base", "message"),
    [
        pytest.param(
            "csv", "https://x.nl/", "a base IRI applies to turtle, jsonld, popolo only", id="not-rdf"
        ),
        pytest.param("turtle", "x.nl", "base IRI 'x.nl' must be an http(s) IRI", id="not-an-iri"),
        pytest.param("jsonld", "https://x.nl/a b/", "must be an http(s) IRI", id="space"),
        pytest.param("popolo", "https://x.nl/docs#", "must end in '/' for popolo", id="popolo-fragment"),
    ],
)
def test_a_bad_base_is_a_usage_error(cli: Cli, tmp_cwd: Path, fmt: str, base: str, message: str) -> None:
    result = cli("--lang", "en", "export", fmt, "--base", base, "-o", "out")
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_cwd / "out").exists()


def test_popolo_round_trip_through_the_command_line_passes_check(cli: Cli, tmp_cwd: Path) -> None:
    assert cli("export", "popolo", "-o", "p.json").exit_code == 0
    result = cli("import", "popolo", "p.json", "-o", "back.json")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("geschreven: back.json (")
    assert cli("--model", "back.json", "check").exit_code == 0


def test_a_file_name_too_long_for_the_file_system_is_one_line(cli: Cli, tmp_cwd: Path) -> None:
    result = cli("export", "graphml", "-o", "x" * 300 + ".graphml")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1
    assert list(tmp_cwd.iterdir()) == []


def test_a_base_iri_with_a_line_break_is_refused(cli: Cli, tmp_cwd: Path) -> None:
    result = cli("--lang", "en", "export", "turtle", "--base", "http://x.invalid/\n", "-o", "t.ttl")
    assert result.exit_code == 2
    assert "must be an http(s) IRI" in result.stderr
    assert not (tmp_cwd / "t.ttl").exists()
