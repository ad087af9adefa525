"""``mra-graph render``: formats from the extension, stdout, options, errors and atomic files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mra_graph.cli import main

AT = ("--at", "2017-06-01")


@pytest.mark.parametrize(
    ("name", "start"),
    [("o.dot", b"digraph overview {"), ("o.gv", b"digraph overview {"), ("o.mmd", b"---\ntitle:")],
)
def test_the_format_comes_from_the_extension(
    cli: Callable[..., Result], tmp_path: Path, name: str, start: bytes
) -> None:
    target = tmp_path / name
    result = cli("--lang", "en", *AT, "render", "overview", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(start)
    assert result.stderr.startswith(f"{target}: overview as ")


@pytest.mark.exe
@pytest.mark.parametrize(("name", "start"), [("o.svg", b"<?xml"), ("o.png", b"\x89PNG"), ("o.pdf", b"%PDF")])
def test_graphviz_formats(cli: Callable[..., Result], tmp_path: Path, name: str, start: bytes) -> None:
    target = tmp_path / name
    result = cli(*AT, "render", "chain", "MRA Bureau", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(start)


def test_format_overrides_the_extension_and_dash_is_stdout(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = cli(*AT, "render", "focus", "AM-team", "--format", "mmd", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith('---\ntitle: "Wie doet wat rond AM-team"')
    target = tmp_path / "diagram.txt"
    assert cli(*AT, "render", "focus", "AM-team", "-f", "dot", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("digraph focus {")


def test_lang_depth_relations_and_active_only(cli: Callable[..., Result]) -> None:
    english = cli("--lang", "en", *AT, "render", "focus", "AM-team", "-f", "dot", "-o", "-")
    assert "Who does what around AM team" in english.stdout
    deep = cli(*AT, "render", "focus", "AM-team", "--depth", "2", "-f", "dot", "-o", "-")
    assert 'id="node-mra-bureau"' in deep.stdout
    narrow = cli(*AT, "render", "focus", "AM-team", "--relations", "member_of", "-f", "dot", "-o", "-")
    assert 'id="node-mra"' not in narrow.stdout
    planned = cli("--at", "2016-06-01", "render", "overview", "-f", "dot", "-o", "-")
    assert 'id="node-mra-bureau"' in planned.stdout
    active = cli("--at", "2016-06-01", "render", "overview", "--active-only", "-f", "dot", "-o", "-")
    assert 'id="node-mra-bureau"' not in active.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("render", "overview", "-o", "x.txt"), 2, "Error: cannot tell the format from 'x.txt'"),
        (("render", "focus", "-o", "x.dot"), 2, "Error: the view 'focus' needs a node"),
        (
            ("render", "overview", "--depth", "2", "-o", "x.dot"),
            2,
            "Error: the view 'overview' takes no --depth",
        ),
        (
            ("render", "focus", "AM-team", "--relations", "helps", "-o", "x.dot"),
            2,
            "Error: unknown relation kind 'helps'",
        ),
        (("render", "focus", "Regiegroep", "-o", "x.dot"), 1, "Error: 'Regiegroep' matches 2 nodes"),
        (("render", "focus", "nobody", "-o", "x.dot"), 1, "Error: unknown node 'nobody'"),
        (
            ("render", "landkaart", "-o", "x.dot"),
            2,
            "Error: unknown view 'landkaart'; the views are chain, focus",
        ),
    ],
)
def test_errors_are_one_line_with_the_documented_exit_code(
    tmp_cwd: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    result = CliRunner().invoke(main, ["--lang", "en", *AT, *args])
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_cwd / "x.dot").exists()


def test_a_failed_write_leaves_nothing_behind(cli: Callable[..., Result], tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "o.dot"
    result = CliRunner().invoke(main, ["--lang", "en", *AT, "render", "overview", "-o", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write into ")
    assert result.stderr.count("\n") == 1
    assert not missing.parent.exists()


def test_an_existing_file_is_replaced_whole(cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "o.dot"
    target.write_text("old", encoding="utf-8")
    assert cli(*AT, "render", "overview", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("digraph")
    assert os.listdir(tmp_path) == ["o.dot"]


@pytest.mark.exe
def test_a_missing_dot_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    result = CliRunner().invoke(
        main, ["--lang", "en", *AT, "render", "overview", "-o", str(tmp_path / "o.svg")]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: drawing SVG, PNG or PDF needs Graphviz's 'dot' program; "
        "install Graphviz with 'apt-get install graphviz' or 'brew install graphviz'\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_broken_view_file_breaks_only_render(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mra_graph.model import views as definitions

    broken = tmp_path / "views.json"
    broken.write_text("{", encoding="utf-8")
    real = definitions.data_file
    monkeypatch.setattr(
        definitions, "data_file", lambda folder, name: broken if name == "views.json" else real(folder, name)
    )
    definitions.load_views.cache_clear()
    # a model without a view file of its own does not read the views to be checked
    example = Path(__file__).resolve().parent.parent / "examples" / "lindenwaard-veenhoven.json"
    try:
        assert CliRunner().invoke(main, ["--model", str(example), "check"]).exit_code == 0
        result = CliRunner().invoke(main, [*AT, "render", "overview", "-o", str(tmp_path / "o.dot")])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: {broken}: cannot be read: ")
        assert result.stderr.count("\n") == 1
    finally:
        definitions.load_views.cache_clear()


def test_the_command_offers_the_renderers_formats() -> None:
    # the command names the formats itself, so that building it imports no renderer
    from mra_graph.cli import render_cmds
    from mra_graph.render import FORMATS

    assert render_cmds.FORMATS == FORMATS
