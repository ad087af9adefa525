"""Help that carries examples: ``ask --help`` ends in questions that ask answers."""

from __future__ import annotations

import shlex
from collections.abc import Callable

import click
import pytest
from click.testing import CliRunner, Result

from mra_graph.cli.help import ExamplesCommand
from mra_graph.cli.query_cmds import ask

Cli = Callable[..., Result]


def test_examples_are_listed_after_the_options_one_a_line() -> None:
    @click.command(cls=ExamplesCommand, examples=["prog --een 'a b'", "prog" + " x" * 50], epilog="Slot.")
    @click.option("--een")
    def prog(een: str | None) -> None:
        """Doe iets."""

    text = CliRunner().invoke(prog, ["--help"]).stdout
    options, examples = text.split("\nExamples:\n")
    assert "--een TEXT" in options
    # not rewrapped, however long
    assert examples == "  prog --een 'a b'\n  prog" + " x" * 50 + "\n\n  Slot.\n"


def test_a_command_without_examples_has_no_examples_section() -> None:
    @click.command(cls=ExamplesCommand)
    def prog() -> None:
        """Doe iets."""

    assert "Examples" not in CliRunner().invoke(prog, ["--help"]).stdout


def test_ask_help_lists_example_questions(cli: Cli) -> None:
    text = cli("ask", "--help").stdout
    assert "\nExamples:\n" in text
    assert [f"  {e}" for e in ask.examples] == text.split("\nExamples:\n")[1].splitlines()[
        : len(ask.examples)
    ]
    assert len(ask.examples) >= 3


@pytest.mark.parametrize("example", ask.examples)
def test_every_ask_example_is_answered(cli: Cli, example: str) -> None:
    words = shlex.split(example)
    assert words[0] == "mra-graph"
    result = cli(*words[1:], "--at", "2017-06-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") >= 3
