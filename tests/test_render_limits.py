"""What ``render`` refuses instead of drawing: a view too large for Graphviz to lay out,
and a chain of a node that has no line of responsibility."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import mra_graph
import mra_graph.render as rendering
import mra_graph.render.drawing as drawing
from benchmarks.synthetic import national_model
from mra_graph.cli import main
from mra_graph.questions import queries
from mra_graph.render import LAYOUT_LIMIT, Request, render, scene
from mra_graph.words import words

AT = "2017-06-01"
DAY = dt.date.fromisoformat(AT)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic model whose overview has more lines than dot is asked to lay out."""
    file = tmp_path_factory.mktemp("national") / "national.json"
    file.write_text(json.dumps(national_model(6)), encoding="utf-8")
    return file


def _no_layout(*args: object, **kwargs: object) -> bytes:
    raise AssertionError("dot was started for a view that is refused")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_overview_too_large_to_lay_out_is_refused_before_dot_runs(
    national: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr(drawing, "run_dot", _no_layout)
    out = tmp_path / "overview.svg"
    result = CliRunner().invoke(
        main, ["--model", str(national), "--lang", lang, "render", "overview", "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert not out.exists()
    assert not list(tmp_path.iterdir())
    prefix = words(lang)("error")
    assert result.stderr.startswith(f"{prefix}: ")
    message = result.stderr
    assert str(LAYOUT_LIMIT) in message
    # it names a view that does draw: the first region's own overview
    assert "'overview-gr-0'" in message
    assert "focus" in message
    assert "-f dot" in message
    assert "Traceback" not in result.output


def test_the_suggested_region_view_draws(national: Path, tmp_path: Path) -> None:
    out = tmp_path / "region.dot"
    result = CliRunner().invoke(main, ["--model", str(national), "render", "overview-gr-0", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("digraph")


def test_a_large_view_is_still_written_as_dot(national: Path) -> None:
    model = mra_graph.load(national)
    request = Request("overview", at=DAY)
    assert len(scene(model, request).edges) > LAYOUT_LIMIT
    assert render(model, request, "dot").startswith(b"digraph")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_mermaid_past_its_limits_is_refused_not_drawn_as_an_error_picture(
    national: Path, tmp_path: Path, lang: str
) -> None:
    # Mermaid draws at most 500 lines and 50,000 characters, and an error picture past them
    out = tmp_path / "overview.mmd"
    result = CliRunner().invoke(
        main, ["--model", str(national), "--lang", lang, "render", "overview", "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert not out.exists()
    assert result.stderr.startswith(f"{words(lang)('error')}: ")
    assert "Mermaid" in result.stderr
    assert "-f svg" in result.stderr
    # a view within them is written
    region = tmp_path / "region.mmd"
    done = CliRunner().invoke(main, ["--model", str(national), "render", "overview-gr-0", "-o", str(region)])
    assert done.exit_code == 0, done.output
    assert len(region.read_text(encoding="utf-8")) <= drawing.MERMAID_TEXT_LIMIT


def test_a_focus_too_large_asks_for_a_smaller_depth(national: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawing, "run_dot", _no_layout)
    model = mra_graph.load(national)
    busiest = max(model.nodes, key=lambda n: len(model.relations_from.get(n.id, ())))
    request = Request("focus", busiest.id, at=DAY, lang="en", depth=3)
    assert len(scene(model, request).edges) > LAYOUT_LIMIT
    with pytest.raises(rendering.RenderError, match=r"smaller --depth or with --relations") as raised:
        render(model, request, "png")
    assert raised.value.lang == "en"


def test_the_bundled_views_stay_under_the_limit() -> None:
    model = mra_graph.load(None)
    for view in rendering.view_names(model):
        if view.startswith("overview"):
            assert len(scene(model, Request(view, at=DAY)).edges) <= LAYOUT_LIMIT


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_chain_without_lines_is_refused_as_the_chain_command_says_it(tmp_path: Path, lang: str) -> None:
    model = mra_graph.load(None)
    lonely = next(n for n in sorted(model.nodes, key=lambda n: n.id) if not queries.chains(model, n.id, DAY))
    said = CliRunner().invoke(main, ["--lang", lang, "--at", AT, "chain", lonely.id])
    sentence = words(lang)("answers", "no_chain", label=model.label(lonely.id, lang))
    assert sentence in said.stdout
    for fmt in ("svg", "dot", "mmd"):
        out = tmp_path / f"chain.{fmt}"
        result = CliRunner().invoke(
            main, ["--lang", lang, "--at", AT, "render", "chain", lonely.id, "-o", str(out)]
        )
        assert result.exit_code == 1, result.output
        assert result.stderr == f"{words(lang)('error')}: {sentence}\n"
        assert not out.exists()


def test_a_chain_with_lines_still_draws(tmp_path: Path) -> None:
    model = mra_graph.load(None)
    node = next(n for n in sorted(model.nodes, key=lambda n: n.id) if queries.chains(model, n.id, DAY))
    out = tmp_path / "chain.dot"
    result = CliRunner().invoke(main, ["--at", AT, "render", "chain", node.id, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
