"""The README's examples run: Python blocks as doctests, console blocks through the CLI."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from mra_graph.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def test_readme_python_examples() -> None:
    failures, tried = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert tried > 0
    assert failures == 0


def _console_examples() -> list[tuple[str, str]]:
    blocks = re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    examples = []
    for block in blocks:
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


@pytest.mark.parametrize(("command", "output"), _console_examples(), ids=lambda v: v[:40])
def test_readme_console_examples(command: str, output: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = shlex.split(command)
    assert args[0] == "mra-graph"
    if "../shared/sources" in args and not (ROOT.parent / "shared" / "sources").is_dir():
        pytest.skip("the source documents are not beside this checkout")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, args[1:], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == output


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    context = click.Context(main)
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        assert command is not None, name
        assert command.name == name
        assert command.help, f"{name} has no help text"
        assert f"`{name}" in readme, f"the README does not describe {name!r}"
