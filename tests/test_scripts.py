"""The shell scripts: the commands demo.sh echoes can be copied into a shell as they are."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parent.parent / "scripts" / "demo.sh"


def _quote(args: list[str]) -> str:
    function = re.search(r"^quote\(\) \{\n.*?^\}\n", DEMO.read_text(encoding="utf-8"), flags=re.M | re.S)
    assert function, "scripts/demo.sh defines quote()"
    done = subprocess.run(
        ["bash", "-c", function.group(0) + 'quote "$@"', "quote", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["show", "MRA Bureau"],
        ["--at", "2017-06-01", "ask", "wie ondersteunt de Regiegroep?"],
        ["ask", "who is the MRA Bureau's chair?"],
        ["show", "$HOME `id` *"],
        ["render", "overview", "-o", "out/overzicht.svg"],
    ],
    ids=["plain", "space", "question-mark", "apostrophe", "shell-characters", "path"],
)
def test_an_echoed_command_reads_back_as_the_same_arguments(args: list[str]) -> None:
    assert shlex.split(_quote(args)) == args


def test_plain_arguments_stay_unquoted() -> None:
    assert _quote(["--at", "2017-06-01", "render", "overview", "-o", "out/overzicht.svg"]) == (
        " --at 2017-06-01 render overview -o out/overzicht.svg"
    )
