"""The notebook API (``mra_graph.api``): load, ask and render give what the CLI gives."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import mra_graph
from mra_graph import api
from mra_graph.errors import AmbiguousNameError, QuestionError, UnknownNameError, UsageError
from mra_graph.model import loading
from mra_graph.questions import queries
from mra_graph.render import Request, diagram, drawing

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "lindenwaard-veenhoven.json"
AT = "2017-06-01"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def model() -> api.Model:
    return mra_graph.load()


@pytest.fixture(scope="module")
def example() -> api.Model:
    return mra_graph.load(EXAMPLE)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("wie stuurt het MRA Bureau aan?", None),
        ("hoeveel burgemeesters zitten in de Regiegroep AM?", None),
        ("who supports the Regiegroep?", None),
        ("wie ondersteunt de Regiegroep?", "en"),
        ("what does the MRA Bureau support?", "nl"),
    ],
)
def test_an_answer_prints_and_holds_what_ask_prints(
    model: api.Model, cli: Callable[..., Result], question: str, lang: str | None
) -> None:
    reply = model.ask(question, at=AT, lang=lang)  # type: ignore[arg-type]
    given = ["--lang", lang] if lang else []
    text = cli("--at", AT, *given, "ask", question)
    assert text.exit_code == 0
    assert str(reply) + "\n" == text.stdout
    assert repr(reply) == str(reply)
    assert (
        reply.text(sources=True, explain=True) + "\n"
        == cli("--at", AT, *given, "ask", "--sources", "--explain", question).stdout
    )
    as_json = cli("--at", AT, *given, "--format", "json", "ask", question)
    assert reply.data == json.loads(as_json.stdout)


def test_an_answer_is_in_the_question_s_language_unless_another_is_asked(model: api.Model) -> None:
    assert str(model.ask("wie stuurt het MRA Bureau aan?", at=AT)).startswith("Stand op 2017-06-01")
    assert str(model.ask("who steers the MRA Bureau?", at=AT)).startswith("As of 2017-06-01")
    assert str(model.ask("wie stuurt het MRA Bureau aan?", at=AT, lang="en")).startswith("As of 2017-06-01")


def test_a_day_may_be_a_date_or_text_and_is_today_when_not_given(model: api.Model) -> None:
    question = "wie stuurt het MRA Bureau aan?"
    assert model.ask(question, at=dt.date(2017, 6, 1)).data == model.ask(question, at=AT).data
    assert model.ask(question, at=dt.datetime(2017, 6, 1, 12)).result.at == dt.date(2017, 6, 1)
    # today lies beyond what the documents describe: the answer is for their last day
    today = model.as_of(dt.date.today()).used
    assert model.ask(question).result.at == today
    assert model.render("chain", "MRA Bureau").scene.at == today
    assert Request("overview").at == dt.date.today()


@pytest.mark.exe
@pytest.mark.parametrize(
    ("view", "node"),
    [
        ("overview", None),
        ("overview-am", None),
        ("orgchart", "Regiegroep AM"),
        ("focus", "AM-team"),
        ("chain", "MRA Bureau"),
    ],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_diagram_is_the_svg_render_writes(
    model: api.Model, cli: Callable[..., Result], tmp_path: Path, view: str, node: str | None, lang: str
) -> None:
    drawn = model.render(view, node, at=AT, lang=lang)  # type: ignore[arg-type]
    target = tmp_path / "view.svg"
    result = cli("--at", AT, "--lang", lang, "render", view, *([node] if node else []), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert drawn.svg.encode("utf-8") == target.read_bytes()
    assert drawn._repr_svg_() == drawn.svg
    assert 'role="img"' in drawn.svg
    assert '<title id="diagram-title">' in drawn.svg
    assert drawn.dot.startswith("digraph")


@pytest.mark.exe
def test_a_notebook_cell_shows_the_overview(model: api.Model) -> None:
    shown = mra_graph.load().render("overview")
    svg = shown._repr_svg_()
    assert isinstance(svg, str)
    assert svg.startswith("<?xml")
    assert svg.rstrip().endswith("</svg>")
    png = shown._repr_png_()
    assert isinstance(png, bytes)
    assert png.startswith(PNG)


@pytest.mark.exe
def test_what_a_diagram_shows_is_settled_at_once_and_drawn_once_when_asked(
    model: api.Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = drawing.run_dot

    def counting(source: str, fmt: str, *, dpi: int | None = None) -> bytes:
        calls.append(fmt)
        return real(source, fmt, dpi=dpi)

    monkeypatch.setattr(drawing, "run_dot", counting)
    drawn = model.render("focus", "AM-team", at=AT)
    assert drawn.scene.root == "am-team"
    assert drawn.dot.startswith("digraph")  # DOT needs no Graphviz
    assert calls == []
    assert drawn.svg == drawn._repr_svg_() == drawn.svg
    assert calls == ["svg"]
    assert drawn._repr_png_() == drawn.data("png")
    assert calls == ["svg", "png"]


@pytest.mark.exe
def test_the_same_view_gives_the_same_svg(model: api.Model) -> None:
    first = model.render("overview", at=AT).svg
    assert model.render("overview", at=AT).svg == first
    assert mra_graph.load().render("overview", at=AT).svg == first


def test_names_are_taken_where_ids_are(model: api.Model) -> None:
    assert model.node("het MRA-bureau").id == "mra-bureau"
    assert model.node("mra-bureau").id == "mra-bureau"
    assert model.render("focus", "MRA Bureau", at=AT).dot == model.render("focus", "mra-bureau", at=AT).dot
    day = dt.date(2017, 6, 1)
    assert queries.related(model, "MRA Bureau", "commissions", "incoming", day) == queries.related(
        model, "mra-bureau", "commissions", "incoming", day
    )
    assert queries.members(model, "Regiegroep AM", day) == queries.members(model, "regiegroep-am", day)
    assert queries.chains(model, "MRA Bureau", day) == queries.chains(model, "mra-bureau", day)
    assert queries.paths(model, "AM-team", "MRA Bureau", day) == queries.paths(
        model, "am-team", "mra-bureau", day
    )


def test_a_name_the_model_does_not_have_raises_one_of_our_errors(model: api.Model) -> None:
    with pytest.raises(UnknownNameError, match=r"unknown node 'Regigroep' \(did you mean 'regiegroep-mra'"):
        model.render("focus", "Regigroep")
    with pytest.raises(UnknownNameError, match="unknown node 'Regigroep'"):
        model.node("Regigroep")
    with pytest.raises(UnknownNameError, match="unknown node 'nergens-bureau'"):
        queries.related(model, "nergens-bureau", "supports", "incoming", None)
    with pytest.raises(AmbiguousNameError, match="'Regiegroep' matches 2 nodes: regiegroep-mra"):
        model.render("focus", "Regiegroep")
    with pytest.raises(UnknownNameError):
        model.ask("wie ondersteunt het Nergensbureau?")
    with pytest.raises(QuestionError):
        model.ask("hoe laat is het?")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: m.render("kaart"), "unknown view 'kaart'"),
        (lambda m: m.render("focus"), "the view 'focus' needs a node"),
        (lambda m: m.render("overview", at="1 juni"), r"'1 juni' is not a date; write it as YYYY-MM-DD"),
        (lambda m: m.render("overview", lang="de"), "unknown language 'de'; use 'nl' or 'en'"),
        (lambda m: m.ask("wie stuurt het MRA Bureau aan?", lang="fr"), "unknown language 'fr'"),
        (lambda m: m.render("overview", relations="stuurt"), "unknown relation kind 'stuurt'"),
        (lambda m: m.render("chain", "MRA Bureau").data("gif"), "unknown diagram format 'gif'"),
    ],
)
def test_a_bad_request_raises_a_usage_error(
    model: api.Model, call: Callable[[api.Model], object], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        call(model)


def test_relations_may_be_a_list_or_comma_separated(model: api.Model) -> None:
    as_text = model.render("focus", "MRA Bureau", at=AT, relations="supports, steers").dot
    assert as_text == model.render("focus", "MRA Bureau", at=AT, relations=["supports", "steers"]).dot
    assert as_text != model.render("focus", "MRA Bureau", at=AT).dot


@pytest.mark.parametrize(
    ("name", "start"),
    [
        pytest.param("d.svg", b"<?xml", marks=pytest.mark.exe),
        pytest.param("d.png", PNG, marks=pytest.mark.exe),
        pytest.param("d.pdf", b"%PDF", marks=pytest.mark.exe),
        ("d.dot", b"digraph chain {"),
        ("d.gv", b"digraph chain {"),
        ("d.mmd", b"---\ntitle:"),
    ],
)
def test_save_writes_the_format_its_extension_names(
    model: api.Model, tmp_path: Path, name: str, start: bytes
) -> None:
    drawn = model.render("chain", "MRA Bureau", at=AT)
    written = drawn.save(tmp_path / name)
    assert written == tmp_path / name
    assert written.read_bytes().startswith(start)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_save_with_an_extension_that_names_no_format_writes_nothing(model: api.Model, tmp_path: Path) -> None:
    target = tmp_path / "keten.txt"
    target.write_text("eerder", encoding="utf-8")
    with pytest.raises(UsageError, match=r"cannot tell the format from '.*keten\.txt'"):
        model.render("chain", "MRA Bureau", at=AT).save(target)
    assert target.read_text(encoding="utf-8") == "eerder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keten.txt"]


@pytest.mark.parametrize("path", [None, EXAMPLE], ids=["bundled", "example"])
def test_a_model_s_repr_is_one_short_line(path: Path | None) -> None:
    loaded = mra_graph.load(path)
    text = repr(loaded)
    assert text == str(loaded)
    assert "\n" not in text
    assert len(text) < 250
    assert text.startswith(f"<Model {loaded.title!r} from {(path or loaded.file or Path()).name}: ")
    assert f"{len(loaded.nodes)} nodes, {len(loaded.relations)} relations" in text
    assert repr(loading.load(path)).startswith("<GovernanceModel ")


def test_a_model_with_the_verbs_equals_the_same_model_without(model: api.Model) -> None:
    plain = loading.load()
    assert model == plain
    assert plain == model
    assert (model != plain) is False
    assert model.with_lists(nodes=model.nodes[1:]) != plain
    assert isinstance(model.with_lists(nodes=model.nodes[1:]), api.Model)


def test_a_model_read_from_text_has_no_file_and_the_bundled_views(model: api.Model) -> None:
    raw = (ROOT / "model" / "organen.json").read_bytes()
    from_text = mra_graph.load_text(raw)
    assert from_text.file is None
    assert model.file == ROOT / "model" / "organen.json"
    assert from_text == model
    assert from_text.render("overview", at=AT).scene.nodes  # the bundled views draw it too


@pytest.mark.exe
def test_the_example_model_answers_and_draws_as_the_cli_does(
    example: api.Model, cli: Callable[..., Result], tmp_path: Path
) -> None:
    at = "2024-06-01"
    question = "wie stuurt het regiobureau aan?"
    given = ("--model", str(EXAMPLE), "--at", at)
    assert str(example.ask(question, at=at)) + "\n" == cli(*given, "ask", question).stdout
    for view, node in [
        ("overview", None),
        ("orgchart", "Stuurgroep LV"),
        ("focus", "regiobureau"),
        ("chain", "directeur regiobureau"),
    ]:
        target = tmp_path / f"{view}.svg"
        result = cli(*given, "render", view, *([node] if node else []), "-o", str(target))
        assert result.exit_code == 0, result.output
        assert example.render(view, node, at=at).svg.encode("utf-8") == target.read_bytes()


def test_the_render_function_and_the_diagram_give_the_same_bytes(model: api.Model) -> None:
    from mra_graph.render import render

    request = Request("focus", "AM-team", at=dt.date(2017, 6, 1))
    assert diagram(model, request).data("dot") == render(model, request, "dot")
    assert diagram(model, request).data("mmd") == render(model, request, "mmd")


def test_importing_the_package_loads_no_renderer_templates_or_command_line() -> None:
    code = (
        "import sys, mra_graph; mra_graph.load(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'graphviz', 'jinja2', 'click'}), "
        "sorted(m for m in sys.modules if m.startswith(('mra_graph.render', 'mra_graph.present', "
        "'mra_graph.report', 'mra_graph.cli', 'mra_graph.questions'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] []"


@pytest.mark.parametrize(
    "args",
    [
        ["ask", "wie ondersteunt de Regiegroep?"],
        ["query", "supports", "--to", "mra-bureau"],
        ["chain", "mra-bureau"],
        ["check"],
    ],
    ids=["ask", "query", "chain", "check"],
)
def test_a_question_or_check_imports_no_graph_library_renderer_or_exchange_format(args: list[str]) -> None:
    # start-up is most of a question's time: it loads only what answering needs; check
    # validates the bundled model's view file with the view definitions alone
    own = ("mra_graph.render", "mra_graph.report", "mra_graph.interchange")
    assert _heavy_and_own_after(["--at", "2017-06-01", *args], own) == "[] []"


def _heavy_and_own_after(argv: list[str], own: tuple[str, ...], check: str = "") -> str:
    """What a fresh process has imported after running ``mra-graph ARGV``: the heavy
    libraries and the modules of ours starting with ``own``, as two printed lists;
    ``check`` is a line of Python run on the captured output ``out`` first."""
    code = (
        "import sys, io, contextlib\n"
        "from mra_graph.cli import main\n"
        f"sys.argv = ['mra-graph', *{argv!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.suppress(SystemExit):\n"
        "    main()\n"
        f"{check}\n"
        "heavy = {'networkx', 'graphviz', 'jinja2', 'lxml', 'pyoxigraph', 'rdflib'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy), "
        f"sorted(m for m in sys.modules if m.startswith({own!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_help_imports_no_graph_library_or_renderer() -> None:
    # help reads every command's short help, so it imports every command's module: each
    # imports the library it draws or writes with only when it runs
    listed = "assert 'render' in out.getvalue() and 'export' in out.getvalue(), out.getvalue()"
    assert _heavy_and_own_after(["--help"], ("mra_graph.render", "mra_graph.report"), listed) == "[] []"


def test_the_package_and_the_command_line_import_no_model_layer_until_used() -> None:
    # the package's names are imported on first use, and the command line loads the
    # model (and pydantic) when a command reads one, not when it is built
    code = (
        "import sys, mra_graph, mra_graph.cli\n"
        "layer = ('pydantic', 'mra_graph.model', 'mra_graph.api')\n"
        "print(sorted(m for m in sys.modules if m.startswith(layer)))\n"
        "mra_graph.load_text\n"
        "print('mra_graph.api' in sys.modules, mra_graph.Node.__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[]", "True mra_graph.model.schema"]
