"""The one runner of Graphviz's dot: formats, failures and a missing program."""

from __future__ import annotations

import json

import pytest

from mra_graph.errors import RenderError
from mra_graph.render.dot_runner import run_dot

pytestmark = pytest.mark.exe


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf", "json"])
def test_every_format_is_written(fmt: str) -> None:
    out = run_dot("digraph { a -> b }", fmt)
    assert out
    if fmt == "json":
        assert {o["name"] for o in json.loads(out)["objects"]} == {"a", "b"}


def test_a_format_dot_cannot_write_here_is_refused() -> None:
    with pytest.raises(RenderError, match="dot cannot write 'gif' here"):
        run_dot("digraph { a }", "gif")


def test_broken_dot_text_names_the_purpose_and_graphviz_message() -> None:
    with pytest.raises(RenderError, match=r"^laying out the ArchiMate view: Graphviz failed: .*syntax error"):
        run_dot("digraph { a -> }", "json", purpose="archimate")


def test_a_missing_dot_names_the_purpose_and_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(
        RenderError, match=r"^laying out the ArchiMate view needs Graphviz's 'dot' program; install Graphviz"
    ):
        run_dot("digraph { a }", "json", purpose="archimate")
