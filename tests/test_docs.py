"""The examples in README.md and docs/*.md run: Python blocks as doctests, console blocks
through the CLI; every page is linked from the README and every relative link resolves."""

from __future__ import annotations

import doctest
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from mra_graph.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
SOURCES = ROOT.parent / "shared" / "sources"


def _name(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", [p for p in PAGES if ">>> " in _text(p)], ids=_name)
def test_python_examples(page: Path) -> None:
    failures, tried = doctest.testfile(str(page), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert tried > 0
    assert failures == 0


def test_the_python_api_page_has_examples() -> None:
    assert ">>> " in _text(ROOT / "docs" / "api.md")


IN_ONE_FOLDER = "<!-- the console blocks below run in one folder, in order -->"
"""A page's console blocks after this line are one example, in one folder."""


def _commands(text: str) -> list[tuple[str, str]]:
    commands = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            commands.append((command, output))
    return commands


def _console_blocks() -> list[Any]:
    """One case per console block: its commands, each with the output it must print; the
    blocks after :data:`IN_ONE_FOLDER` on a page are one case."""
    cases = []
    for page in PAGES:
        text, _, together = _text(page).partition(IN_ONE_FOLDER)
        for block in re.findall(r"```console\n.*?```", text, flags=re.S):
            commands = _commands(block)
            cases.append(pytest.param(commands, id=f"{_name(page)}: {commands[0][0][:50]}"))
        if together:
            commands = _commands(together)
            cases.append(pytest.param(commands, id=f"{_name(page)}: in one folder"))
    return cases


@pytest.mark.parametrize("commands", _console_blocks())
def test_console_examples(
    commands: list[tuple[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each block runs in a folder of its own laid out as a checkout: a copy of model/,
    # which an example may edit, with the source documents beside it in ../shared
    if any("../shared/sources" in command for command, _ in commands):
        if not SOURCES.is_dir():
            pytest.skip("the source documents are not beside this checkout")
        (tmp_path / "shared").mkdir()
        (tmp_path / "shared" / "sources").symlink_to(SOURCES)
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "model", checkout / "model")
    monkeypatch.chdir(checkout)
    for command, output in commands:
        args = shlex.split(command)
        assert args[0] == "mra-graph"
        result = CliRunner().invoke(main, args[1:], catch_exceptions=False)
        assert result.exit_code == 0, f"{command}\n{result.stderr}"
        assert result.stdout == output, command


def test_every_command_has_help_and_is_in_the_command_list() -> None:
    commands = _text(ROOT / "docs" / "commands.md")
    context = click.Context(main)
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        assert command is not None, name
        assert command.name == name
        assert command.help, f"{name} has no help text"
        assert f"`{name}" in commands, f"docs/commands.md does not list {name!r}"


@pytest.mark.parametrize("page", PAGES[1:], ids=_name)
def test_the_readme_links_every_page(page: Path) -> None:
    assert f"]({_name(page)})" in _text(README)


def test_relative_links_resolve() -> None:
    links = [
        (page, target)
        for page in PAGES
        for target in re.findall(r"\]\(([^)\s#]+)(?:#[^)]*)?\)", _text(page))
        if not re.match(r"[a-z]+:", target)
    ]
    assert len(links) > len(PAGES)
    assert [f"{_name(page)}: {target}" for page, target in links if not (page.parent / target).exists()] == []
