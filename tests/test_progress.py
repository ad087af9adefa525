"""Progress on standard error: a bar when it is a terminal, not a byte when it is a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mra_graph.cli import main
from mra_graph.words import words

AT = "2017-06-01"
COMMANDS = {
    "render": ["render", "overview", "-o", "{out}/overview.dot"],
    "export": ["export", "graphml", "-o", "{out}/model.graphml"],
    "report": ["report", "-o", "{out}/report.md", "--no-diagrams"],
    "import": ["import", "popolo", "{popolo}", "-o", "{out}/model.json"],
}


@pytest.fixture(scope="module")
def popolo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    file = tmp_path_factory.mktemp("popolo") / "popolo.json"
    result = CliRunner().invoke(main, ["export", "popolo", "-o", str(file)])
    assert result.exit_code == 0, result.output
    return file


def _args(name: str, out: Path, popolo: Path) -> list[str]:
    return [a.format(out=out, popolo=popolo) for a in COMMANDS[name]]


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run mra-graph with standard error on a pseudo-terminal; its exit code and what the terminal got."""
    main_fd, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "mra_graph", *args], stdout=subprocess.DEVNULL, stderr=terminal
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the other end is closed: the program has ended
            break
        if not chunk:
            break
        shown += chunk
    os.close(main_fd)
    return process.wait(timeout=120), shown.decode("utf-8", "replace")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_nothing_of_the_progress_goes_into_a_pipe(name: str, tmp_path: Path, popolo: Path) -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "--at", AT, *_args(name, tmp_path, popolo)])
    assert result.exit_code == 0, result.output
    for step in words("en").section("progress").values():
        assert step not in result.stderr
    assert "[" not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_terminal_sees_the_stages(name: str, tmp_path: Path, popolo: Path) -> None:
    code, shown = _on_a_terminal(["--lang", "en", "--at", AT, *_args(name, tmp_path, popolo)])
    assert code == 0, shown
    first = "reading the file" if name == "import" else "reading the model"
    assert first in shown
    assert "#####" in shown  # the bar, filled
    assert "2/2" in shown or "3/3" in shown  # every stage done


def test_a_terminal_in_dutch_sees_dutch_stages(tmp_path: Path) -> None:
    code, shown = _on_a_terminal(["--at", AT, "render", "overview", "-o", str(tmp_path / "o.dot")])
    assert code == 0, shown
    assert "model lezen" in shown
    assert "reading" not in shown
