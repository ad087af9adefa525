"""The "model from nothing" of docs/editing.md, as a user would go through it: an invented
safety region built from ``init`` with commands only, then checked, drawn in every view
the command line offers for it, reported and exported in every format."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from mra_graph import load
from mra_graph.cli import main
from mra_graph.interchange import EXPORT_FORMATS
from mra_graph.render import model_views

PAGE = Path(__file__).resolve().parent.parent / "docs" / "editing.md"
MARK = "<!-- the console blocks below run in one folder, in order -->"
AT = ("--at", "2026-06-01")  # inside the period the invented document describes


def _commands() -> list[list[str]]:
    together = PAGE.read_text(encoding="utf-8").partition(MARK)[2]
    blocks = re.findall(r"```console\n(.*?)```", together, flags=re.S)
    return [shlex.split(line[2:]) for block in blocks for line in block.splitlines() if line.startswith("$ ")]


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, f"{' '.join(args)}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kustland")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        commands = _commands()
        assert commands[0][:2] == ["mra-graph", "init"]  # from nothing
        for args in commands:
            _run(*args[1:])
    return folder / "kustland.json"


def test_the_walk_through_builds_a_valid_model_without_writing_json(built: Path) -> None:
    commands = _commands()
    # every step is a command of ours; the file is never written by hand
    assert all(args[0] == "mra-graph" for args in commands)
    checked = json.loads(_run("--model", str(built), "--format", "json", "check"))
    assert checked["valid"] is True
    model = load(built)
    assert len(model.nodes) >= 15
    assert len(model.documents) == 1
    assert len(model.regions) == 2
    assert model.figures
    assert model.conflicts
    assert "lang" not in json.loads(built.read_text(encoding="utf-8"))  # Dutch, the default
    # a relation added to a node with a period took that period
    crisis = next(r for r in model.relations if r.from_ == "crisisteam")
    assert crisis.valid_from == model.nodes_by_id["crisisteam"].valid_from
    # what was removed is gone, what was renamed kept its old name
    assert "ghor.supports.dagelijks-bestuur" not in {r.id for r in model.relations}
    assert [f.name for f in model.nodes_by_id["veiligheidsbureau"].former_names] == ["Veiligheidsbureau"]


@pytest.mark.exe
def test_every_view_of_the_walk_through_is_drawn(built: Path, tmp_path: Path) -> None:
    model = load(built)
    subjects = {"orgchart": "vrk", "focus": "vrk", "chain": "directeur"}
    for view in model_views(str(built)).names(model):
        output = tmp_path / f"{view}.svg"
        _run(
            "--model", str(built), *AT, "render", view, *filter(None, [subjects.get(view)]), "-o", str(output)
        )
        assert output.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg")), view
        assert "node-" in output.read_text(encoding="utf-8"), view


@pytest.mark.exe
def test_the_walk_through_has_a_report_and_every_export(built: Path, tmp_path: Path) -> None:
    report = tmp_path / "kustland.html"
    _run("--model", str(built), *AT, "report", "-o", str(report))
    html = report.read_text(encoding="utf-8")
    assert "Veiligheidsregio Kustland" in html
    for fmt in EXPORT_FORMATS:
        output = tmp_path / f"export-{fmt}"
        _run("--model", str(built), "export", fmt, "-o", str(output))
        files = [p for p in output.rglob("*") if p.is_file()] if output.is_dir() else [output]
        assert files, fmt
        assert any("dagelijks-bestuur" in f.read_text(encoding="utf-8") for f in files), fmt
