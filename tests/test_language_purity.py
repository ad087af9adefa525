"""Output in one language holds no word that only the other language uses.

The words come from every translation pair the project has: the words layer, the
vocabulary and the model's own ``*_en`` fields. A word that occurs only on the Dutch
side of those pairs must not appear in English output, and the other way round.
What is exempt: ids, source citations (document, section, quote) and model text the
model holds in Dutch only, which English output marks as ``«…»``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import mra_graph
from benchmarks.synthetic import national_model
from mra_graph.cli import main
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.views import model_views
from mra_graph.model.vocabulary import data_file
from mra_graph.questions import queries
from mra_graph.words import words

LANGS = ("nl", "en")
AT = "2017-06-01"
EARLY = "2016-06-01"
UNTRANSLATED = re.compile(r"«[^»]*»")
QUOTED = re.compile(r"“[^”]*”")
# words both languages write the same way, which a pair may happen to use on one side only
SHARED = frozenset({"conflict", "per"})
# "bestuurlijk" is the executive-board level, never "administrative"
FALSE_FRIENDS = frozenset({"administrative", "administrator", "administrators"})
WORD = re.compile(r"[^\W\d_]+")
# the id of the relation a line states, at its end: "  - Agendacommissie  [a.steers.b]"
RELATION_ID = re.compile(r"  \[[^\]\n]*\]$", re.MULTILINE)


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if len(w) > 1}


def _leaf_pairs(nl: Any, en: Any) -> Iterator[tuple[str, str]]:
    """Pairs of strings found at the same place in two parallel JSON documents."""
    if isinstance(nl, str) and isinstance(en, str):
        yield nl, en
    elif isinstance(nl, dict) and isinstance(en, dict):
        for key in nl.keys() & en.keys():
            yield from _leaf_pairs(nl[key], en[key])
    elif isinstance(nl, list) and isinstance(en, list) and len(nl) == len(en):
        for a, b in zip(nl, en, strict=True):
            yield from _leaf_pairs(a, b)


def _model_pairs(data: Any) -> Iterator[tuple[str, str]]:
    """Every ``x`` / ``x_en`` pair of the model file, at any depth."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and isinstance(data.get(f"{key}_en"), str):
                yield value, data[f"{key}_en"]
            else:
                yield from _model_pairs(value)
    elif isinstance(data, list):
        for item in data:
            yield from _model_pairs(item)


def _read(folder: str, name: str) -> Any:
    return json.loads(data_file(folder, name).read_text(encoding="utf-8"))


# what a sentence of the words layer holds that is no word of its language: blanks
# ({name}) and quoted literals ('ended', 'valid_from', 'pip install …')
CODE = re.compile(r"\{[^}]*\}|(?<!\w)'[^']*'(?!\w)")


def _layer_pairs() -> Iterator[tuple[str, str]]:
    """The project's own words: every sentence and term of the words layer."""
    for nl, en in _leaf_pairs(words("nl").data, words("en").data):
        yield CODE.sub(" ", nl), CODE.sub(" ", en)


def _nl_en_pairs(data: Any) -> Iterator[tuple[str, str]]:
    """Every ``{"nl": …, "en": …}`` of a definitions file, at any depth."""
    if isinstance(data, dict):
        if isinstance(data.get("nl"), str) and isinstance(data.get("en"), str):
            yield data["nl"], data["en"]
        for value in data.values():
            yield from _nl_en_pairs(value)
    elif isinstance(data, list):
        for item in data:
            yield from _nl_en_pairs(item)


def _vocabulary_pairs() -> Iterator[tuple[str, str]]:
    vocabulary = _read("model", "vocabulary.json")
    for kind in vocabulary["node_kinds"].values():
        yield kind["nl"], kind["en"]
        for name in kind["types"].values():
            yield name["nl"], name["en"]
    for term in [*vocabulary["capacities"].values(), *vocabulary["attribute_flags"].values()]:
        yield term["nl"], term["en"]
    for relation in vocabulary["relation_kinds"].values():
        yield relation["nl"]["active"], relation["en"]["active"]
        yield relation["nl"]["passive"], relation["en"]["passive"]


@cache
def _only(model_file: str = "") -> dict[str, frozenset[str]]:
    """The words that occur on one side only of the translation pairs, per language, with
    the pairs of the model in ``model_file`` (default the bundled one)."""
    path = Path(model_file) if model_file else data_file("model", "organen.json")
    model = json.loads(path.read_text(encoding="utf-8"))
    pairs = [
        *_layer_pairs(),
        *_vocabulary_pairs(),
        *_nl_en_pairs(_read("render", "views.json")),
        *_model_pairs(model),
    ]
    nl = set().union(*(_words(a) for a, b in pairs if a != b))
    en = set().union(*(_words(b) for a, b in pairs if a != b))
    # a name the model gives in one form only is the same in both languages
    same = set().union(*(_words(n["name"]) for n in model["nodes"] if not n.get("name_en")))
    return {"nl": frozenset(nl - en - same - SHARED), "en": frozenset(en - nl - same - SHARED)}


def _citations(model: GovernanceModel, lang: str) -> re.Pattern[str]:
    """Ids and source citations, which stay as they are in either language, and in Dutch
    output the aliases, names the sources use (English output marks them as Dutch)."""
    found: set[str] = set()

    def walk(data: Any) -> None:
        if isinstance(data, dict):
            if "document" in data and "section" in data:
                found.update(str(v) for k, v in data.items() if k in ("document", "section", "quote"))
            found.update(str(v) for k, v in data.items() if k in ("id", "file") and isinstance(v, str))
            for value in data.values():
                walk(value)
        elif isinstance(data, list):
            for item in data:
                walk(item)

    walk(model.model_dump(mode="json", by_alias=True))
    for document in model.documents:
        found.update([*document.sections, document.title])
    if lang == "nl":
        for node in model.nodes:
            found.update(node.aliases)
    found.discard("")
    alternatives = "|".join(re.escape(f) for f in sorted(found, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)|\S+\.json\b")


class _Text(HTMLParser):
    """The text a reader sees in HTML or SVG: character data and a few attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [v for k, v in attrs if k in ("title", "alt", "aria-label", "placeholder") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(text: str) -> str:
    parser = _Text()
    parser.feed(text)
    return "\n".join(parser.parts)


def _dot_text(text: str) -> str:
    """The labels and tooltips of a DOT file, without its ids and markup."""
    parts = []
    for match in re.finditer(r'\b(?:label|xlabel|tooltip)=("(?:[^"\\]|\\.)*"|<)', text):
        if match.group(1) == "<":
            depth, i = 1, match.end()
            while depth and i < len(text):
                depth += {"<": 1, ">": -1}.get(text[i], 0)
                i += 1
            parts.append(html.unescape(re.sub(r"<[^>]*>", " ", text[match.end() : i - 1])))
        else:
            parts.append(html.unescape(match.group(1)[1:-1].replace("\\n", " ")))
    return "\n".join(parts)


def _markdown_text(text: str) -> str:
    """The words of a Markdown file, without link targets, anchors and image files."""
    return re.sub(r"<[^>]*>|\]\([^)]*\)", " ", text)


def _mermaid_text(text: str) -> str:
    """Titles, descriptions and quoted labels of a Mermaid file, with its entities decoded."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
    parts += re.findall(r"^\s*(?:accTitle|accDescr):(.*)$", text, re.MULTILINE)
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), "\n".join(parts))


def _questions(lang: str) -> list[str]:
    """A question of every kind ``ask`` reads, in ``lang``."""
    if lang == "en":
        return [
            "who supports the Regiegroep?",
            "who commissions the MRA Bureau?",
            "who is in the Regiegroep?",
            "does the MRA Bureau support the Steering Group of AM?",
            "is the MRA Bureau located at the Zuidas?",
            "what does the AM team do?",
            "since when has the Agenda Committee steered the MRA Bureau?",
            "how many regional secretaries does Amstelland-Meerlanden have?",
            "what was the total capacity from the regional budget in 2016, in fte?",
            "which platforms does the MRA have?",
            "is the MRA Bureau accountable to the Agenda Committee?",
            "who informs the councils and provincial councils about the MRA?",
            "who steers the MRA Bureua?",
        ]
    return [
        "wie ondersteunt de Regiegroep?",
        "wie is opdrachtgever van het MRA Bureau?",
        "wie zit in de Regiegroep?",
        "ondersteunt het MRA Bureau de Regiegroep van AM?",
        "waar zit het MRA Bureau?",
        "wat doet het AM-team?",
        "sinds wanneer stuurt de Agendacommissie het MRA Bureau aan?",
        "hoeveel regiosecretarissen heeft Amstelland-Meerlanden?",
        "hoeveel fte totale capaciteit uit regionaal budget in 2017?",
        "welke pho's zijn er in AM?",
        "valt de regiosecretaris Economie onder het AM-team?",
        "wie informeren de raden en staten over de MRA?",
        "wie ondersteund de Agendacommisie?",
    ]


def _refused(lang: str) -> list[str]:
    """Questions ``ask`` refuses, in ``lang``: the refusal is in the question's language."""
    if lang == "en":
        return ["how much does the MRA Bureau cost?", "what is the meaning of life?"]
    return ["wat verdient de secretaris-directeur?", "wat is de zin van het leven?"]


def _runs(model: GovernanceModel, every: bool) -> dict[str, tuple[list[str], Callable[[str], str]]]:
    """Command lines per output, each with what reads the visible text out of it: for
    ``every`` node, relation kind, view and date, else for one in eight nodes, the first
    relation of each kind and the views on one date (the quick loop's sample)."""
    plain: Callable[[str], str] = lambda text: text  # noqa: E731
    runs: dict[str, tuple[list[str], Callable[[str], str]]] = {
        "check": (["check"], plain),
        "list": (["list"], plain),
        "list-early": (["--at", EARLY, "list"], plain),
        "formation": (["formation", "--sources"], plain),
        "diff": (["diff", "2016-01-01", "2018-01-01", "--sources"], plain),
    }
    step = 1 if every else 8
    for node in sorted(model.nodes, key=lambda n: n.id)[::step]:
        runs[f"show-{node.id}"] = (["show", node.id], plain)
        runs[f"members-{node.id}"] = (["members", node.id], plain)
        runs[f"chain-{node.id}"] = (["chain", node.id, "--sources"], plain)
    for kind in sorted({r.kind for r in model.relations}):
        of_kind = sorted((r for r in model.relations if r.kind == kind), key=lambda r: r.id)
        for relation in of_kind[: 2 if every else 1]:
            runs[f"query-{relation.id}"] = (["query", kind, "--to", relation.to, "--sources"], plain)
    first, last = sorted(model.nodes, key=lambda n: n.id)[0], sorted(model.nodes, key=lambda n: n.id)[-1]
    runs["path"] = (["path", first.id, last.id], plain)
    for view in ("overview", "overview-mra", "overview-am"):
        for at in (AT, EARLY) if every else (AT,):
            runs[f"render-{view}-{at}-dot"] = (
                ["--at", at, "render", view, "-o", "-", "-f", "dot"],
                _dot_text,
            )
            runs[f"render-{view}-{at}-mmd"] = (
                ["--at", at, "render", view, "-o", "-", "-f", "mmd"],
                _mermaid_text,
            )
    # a node without a line of responsibility has no chain to draw (exit 1)
    day = dt.date.fromisoformat(AT)
    with_chain = {n.id for n in model.nodes if queries.chains(model, n.id, day)}
    for view in ("orgchart", "focus", "chain"):
        for node in sorted(model.nodes, key=lambda n: n.id)[:: 8 if every else 24]:
            if view != "chain" or node.id in with_chain:
                runs[f"render-{view}-{node.id}"] = (
                    ["render", view, node.id, "-o", "-", "-f", "dot"],
                    _dot_text,
                )
    return runs


@pytest.fixture(scope="module")
def bundled() -> GovernanceModel:
    return mra_graph.load()


def _check(text: str, lang: str, exempt: re.Pattern[str], model_file: str = "") -> list[str]:
    other = "en" if lang == "nl" else "nl"
    text = exempt.sub(" ", QUOTED.sub(" ", UNTRANSLATED.sub(" ", RELATION_ID.sub(" ", text))))
    wrong = []
    forbidden = _only(model_file)[other] | (FALSE_FRIENDS if lang == "en" else set())
    for line in text.splitlines():
        found = sorted(_words(line) & forbidden)
        if found:
            wrong.append(f"{', '.join(found)}  in: {line.strip()[:160]}")
    return wrong


def _run(args: list[str], lang: str) -> str:
    result = CliRunner().invoke(main, ["--lang", lang, "--at", AT, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


# the exhaustive sweeps take minutes: the quick loop runs a sample of each
SWEEPS = [pytest.param(True, id="every", marks=pytest.mark.slow), pytest.param(False, id="sample")]


@pytest.mark.parametrize("every", SWEEPS)
@pytest.mark.parametrize("lang", LANGS)
def test_commands_speak_one_language(bundled: GovernanceModel, lang: str, every: bool) -> None:
    exempt = _citations(bundled, lang)
    wrong: list[str] = []
    for name, (args, read) in _runs(bundled, every).items():
        wrong += [f"{name}: {w}" for w in _check(read(_run(args, lang)), lang, exempt)]
    for question in _questions(lang):
        # the answer may quote the question's own words back
        said = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in question.rstrip("?").split()), re.I)
        answer = said.sub(" ", _run(["ask", "--explain", question], lang))
        wrong += [f"ask {question!r}: {w}" for w in _check(answer, lang, exempt)]
    for question in _refused(lang):
        result = CliRunner().invoke(main, ["ask", question], catch_exceptions=False)
        assert result.exit_code == 2, result.output
        said = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in question.rstrip("?").split()), re.I)
        wrong += [f"ask {question!r}: {w}" for w in _check(said.sub(" ", result.stderr), lang, exempt)]
    assert not wrong, f"{len(wrong)} lines in --lang {lang} output use the other language:\n" + "\n".join(
        dict.fromkeys(wrong)
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["html", pytest.param("md", marks=pytest.mark.slow)])
def test_reports_speak_one_language(bundled: GovernanceModel, tmp_path: Path, lang: str, fmt: str) -> None:
    wrong: list[str] = []
    for at in (AT, EARLY):
        out = tmp_path / f"report-{at}.{fmt}"
        _run(["--at", at, "report", "-o", str(out), "--since", "2016-01-01"], lang)
        text = out.read_text(encoding="utf-8")
        wrong += _check(
            _html_text(text) if fmt == "html" else _markdown_text(text), lang, _citations(bundled, lang)
        )
    assert not wrong, (
        f"{len(wrong)} lines of the {fmt} report in {lang} use the other language:\n"
        + "\n".join(dict.fromkeys(wrong))
    )


@pytest.mark.parametrize("every", SWEEPS)
@pytest.mark.parametrize("lang", LANGS)
def test_another_model_speaks_one_language(tmp_path: Path, lang: str, every: bool) -> None:
    """A model with other names, Dutch text only and other terms still gets the words of
    the chosen language around its own text. The sample reports on one body rather than
    the whole model, whose diagrams take Graphviz most of a minute."""
    file = tmp_path / "synthetic.json"
    file.write_text(json.dumps(national_model(3)), encoding="utf-8")
    model = mra_graph.load(file)
    exempt = _citations(model, lang)
    nodes = sorted(model.nodes, key=lambda n: n.id)
    body = next(n for n in nodes if n.kind.value == "body")
    runs = [
        ["check"],
        ["list"],
        # the whole overview is past what Mermaid draws: one region of it
        ["render", "overview-gr-0", "-o", "-", "-f", "mmd"],
        ["report", "-o", str(tmp_path / "r.md"), *([] if every else ["--focus", body.id])],
    ]
    step = 12 if every else 36
    runs += [[command, node.id] for node in nodes[::step] for command in ("show", "members", "chain")]
    wrong: list[str] = []
    for args in runs:
        output = _run(["--model", str(file), *args], lang)
        if args[0] == "report":
            output = _markdown_text((tmp_path / "r.md").read_text(encoding="utf-8"))
        elif args[0] == "render":
            output = _mermaid_text(output)
        wrong += [f"{args[0]}: {w}" for w in _check(output, lang, exempt, str(file))]
    assert not wrong, "\n".join(dict.fromkeys(wrong))


def test_the_pairs_tell_the_languages_apart() -> None:
    """The word lists are not empty and hold the words the brief of each language needs."""
    only = _only()
    assert {"actief", "gepland", "beëindigd", "bestuurlijk"} <= only["nl"]
    assert {"planned", "ended", "political", "consideration"} <= only["en"]
    assert not only["nl"] & only["en"]


@pytest.mark.parametrize(
    ("read", "text", "lang"),
    [
        (lambda t: t, "  - Steering Group (AM) (dagelijks bestuur)", "en"),
        (lambda t: t, "  portefeuillehoudersoverleg (under consideration)", "nl"),
        (_dot_text, '"a-b" [label=<Steering<BR/>Group> tooltip="x (in overweging)"]', "en"),
        (_mermaid_text, '  n_a("Regiegroep #40;gepland#41;")', "en"),
        (_html_text, '<p title="planned">actief</p><script>"planned"</script>', "nl"),
        (_markdown_text, "- **Status:** beëindigd [x](#card-a)", "en"),
    ],
    ids=["text-en", "text-nl", "dot", "mermaid", "html", "markdown"],
)
def test_the_check_finds_a_word_of_the_other_language(
    bundled: GovernanceModel, read: Callable[[str], str], text: str, lang: str
) -> None:
    assert _check(read(text), lang, _citations(bundled, lang))


def test_the_check_lets_marked_text_and_citations_pass(bundled: GovernanceModel) -> None:
    source = bundled.nodes[0].sources[0]
    line = f"  way of working: «coördineert en initieert»; source: {source.document}, {source.section}"
    assert not _check(line, "en", _citations(bundled, "en"))


# Diagnostics: errors, check's problem lines and render's status line speak --lang too.

EXAMPLE = Path(__file__).parent.parent / "examples" / "lindenwaard-veenhoven.json"


def _broken(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with a relation to a node that is not there and a node in no known region."""
    broken = json.loads(json.dumps(data))
    broken["relations"][0]["to"] = "nergens-nowhere"
    broken["nodes"][0]["region"] = "no-such-region"
    return broken


def _diagnostics(file: Path, data: dict[str, Any], tmp_path: Path) -> list[list[str]]:
    """Command lines that end in an error, a problem list or a status line."""
    model = mra_graph.load(file)
    related = model.relations[0].from_
    name = model.nodes_by_id[related].name
    broken = tmp_path / f"broken-{file.name}"
    broken.write_text(json.dumps(_broken(data)), encoding="utf-8")
    # what the schema itself refuses: a value of the wrong type, a key too many or missing,
    # a relation to itself, a period that ends before it starts
    invalid = json.loads(json.dumps(data))
    invalid["nodes"][0]["kind"] = "orgaan"
    invalid["nodes"][1]["size"] = "zeven"
    invalid["nodes"][2]["colour"] = "red"
    del invalid["nodes"][3]["name"]
    invalid["nodes"][4] |= {"valid_from": "2020-01-01", "valid_to": "2019-01-01"}
    invalid["relations"][0]["to"] = invalid["relations"][0]["from"]
    schema = tmp_path / f"schema-{file.name}"
    schema.write_text(json.dumps(invalid), encoding="utf-8")
    not_json = tmp_path / "not-json.json"
    not_json.write_text('{"title": "x", "title": NaN}', encoding="utf-8")
    taken = tmp_path / "taken.csv"
    taken.write_text("", encoding="utf-8")
    out = str(tmp_path / "x.dot")
    return [
        ["--model", str(schema), "check"],
        ["--model", str(not_json), "check"],
        ["--model", str(file), "export", "turtle", "--base", "ftp://x", "-o", str(tmp_path / "x.ttl")],
        ["--model", str(file), "export", "csv", "-o", str(taken)],
        ["--model", str(file), "export", "neo4j", "-o", "-"],
        ["--model", str(file), "report", "-o", str(tmp_path / "r.xyz")],
        ["--model", str(file), "report", "-o", str(tmp_path / "r.html"), "--mermaid"],
        ["--model", str(file), "render", "overview", "-o", str(tmp_path / "x.png"), "--dpi", "5"],
        ["--model", str(file), "render", "overview", "-o", out, "--relations", ","],
        ["--model", str(file), "check"],
        ["--model", str(file), "show", "nobody-at-all"],
        ["--model", str(file), "show", name[:-1]],
        ["--model", str(file), "query", "supportz", "--to", related],
        ["--model", str(file), "render", "focus", "-o", out],
        ["--model", str(file), "render", "no-such-view", "-o", out],
        ["--model", str(file), "render", "focus", related, "-o", out],
        ["--model", str(file), "render", "overview", related, "-o", out],
        ["--model", str(broken), "check"],
        ["--model", str(broken), "list"],
    ]


def _diagnostic_leaks(file: Path, lang: str, tmp_path: Path) -> list[str]:
    data = json.loads(file.read_text(encoding="utf-8"))
    model = mra_graph.load(file)
    exempt = _citations(model, lang)
    names = model_views(str(file)).names(model)
    views = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w-])"
    )
    wrong: list[str] = []
    for args in _diagnostics(file, data, tmp_path):
        result = CliRunner().invoke(main, ["--lang", lang, "--at", AT, *args], catch_exceptions=False)
        # what the user typed and the ids and view names the message offers are quoted
        # or listed as they are, in no language
        said = re.sub(r"'[^'\n]*'", " ", result.output.replace(str(tmp_path), " "))
        said = re.sub(r"(?:de weergaven zijn|the views are) .*", " ", said)
        said = views.sub(" ", said)  # a view's name is an id, as a node's is
        said = FORMATS.sub(" ", said)
        said = re.sub(r"(?<!\S)/\S*", " ", said)  # JSON pointers: /relations/0/to
        wrong += [f"{' '.join(args[2:])}: {w}" for w in _check(said, lang, exempt, str(file))]
    return wrong


def _english_file(tmp_path: Path) -> Path:
    from tests.english_model import english_model

    file = tmp_path / "westmoor.json"
    file.write_text(json.dumps(english_model()), encoding="utf-8")
    return file


@pytest.mark.parametrize("lang", LANGS)
def test_errors_problems_and_status_lines_speak_one_language(tmp_path: Path, lang: str) -> None:
    file = tmp_path / "organen.json"
    file.write_bytes(data_file("model", "organen.json").read_bytes())
    wrong = _diagnostic_leaks(file, lang, tmp_path)
    assert not wrong, "\n".join(dict.fromkeys(wrong))


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", ["example", "english"])
def test_every_model_gets_its_diagnostics_in_one_language(tmp_path: Path, lang: str, which: str) -> None:
    file = EXAMPLE if which == "example" else _english_file(tmp_path)
    wrong = _diagnostic_leaks(file, lang, tmp_path)
    assert not wrong, "\n".join(dict.fromkeys(wrong))


def test_an_english_model_reads_unmarked_in_english_and_marked_in_dutch(tmp_path: Path) -> None:
    file = _english_file(tmp_path)
    args = ["--model", str(file), "--at", "2024-06-01", "show", "board"]
    english = CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False).stdout
    dutch = CliRunner().invoke(main, ["--lang", "nl", *args], catch_exceptions=False).stdout
    assert "«" not in english
    assert "1 per constituent council" in english
    assert "1 per «constituent council»" in dutch
    # without --lang, the model's own language
    plain = CliRunner().invoke(main, args, catch_exceptions=False).stdout
    assert plain == english
    ended = CliRunner().invoke(main, [*args[:-1], "transition"], catch_exceptions=False).stdout
    assert "ended on 2023-04-01" in ended
    assert "2024-06-01" not in ended.split("\n")[1]


@pytest.mark.parametrize("lang", LANGS)
def test_edits_speak_one_language(tmp_path: Path, lang: str) -> None:
    """Confirmations and refusals of the edits, on a model started with init."""
    path = tmp_path / "gr.json"
    src = ["--source", "besluit", "Artikel 1"]
    steps: list[list[str]] = [
        ["init", str(path), "--title", "Regeling"],
        ["add-document", "besluit", "--title", "Besluit", "--file", "b.txt", "--period", "2025",
         "--section", "Artikel 1"],
        ["add-section", "besluit", "Artikel 2"],
        ["add-region", "oost", "--name", "Oost", "--short", "O", *src],
        ["add-node", "ab", "--kind", "body", "--name", "Bestuur", *src],
        ["add-node", "db", "--kind", "body", "--name", "Kern", "--region", "oost", *src],
        ["add-relation", "part_of", "db", "ab", *src],
        ["set", "region:oost", "name_en=East"],
        ["rename", "db", "Kern2", "--on", "2025-01-01"],
        ["remove", "ab"],  # refused: relations remain
        ["remove", "oost"],  # refused: a node is in it
        ["remove", "besluit"],  # refused: it is cited
        ["end", "db", "--on", "2026-01-01"],  # refused: its relation still runs
        ["set", "model:", "colour=red"],  # refused: no such field
        ["add-figure-row", "t", "r", "--label", "R", "--value", "2025=1", *src],  # refused: no table
        ["remove", "ab", "--cascade"],
        ["end", "db", "--on", "2026-01-01", "--with-relations"],
        ["add-node", "ab", "--kind", "body", "--name", "X", *src],
        ["add-node", "ab", "--kind", "body", "--name", "X", *src],  # refused: the id is taken
    ]  # fmt: skip
    said = []
    for step in steps:
        result = CliRunner().invoke(main, ["--lang", lang, "--model", str(path), *step])
        assert result.exit_code in (0, 2), result.output
        said.append(result.stdout + result.stderr)
    text = "\n".join(said)
    # ids, names and paths are quoted, relation ids, kinds and field names are joined by
    # '.' or '_'; what is left is the words layer's
    exempt = re.compile(r"'[^']*'|" + re.escape(str(path)) + r"|[\w-]+(?:[._][\w-]+)+")
    assert not _check(text, lang, exempt)
    assert text.count("Error:" if lang == "en" else "Fout:") == 7


# Exports and imports: the notes on what a format cannot carry and the ``wrote`` lines.

EXPORTS = ("popolo", "turtle", "jsonld", "archimate", "graphml", "neo4j", "csv", "mmd")
# the names of formats, which commands and messages name as they are
FORMATS = re.compile(r"\b(?:" + "|".join([*EXPORTS, "svg", "png", "pdf", "dot"]) + r")\b")


def _said(result: Any, tmp_path: Path) -> str:
    """What a command said, without the paths of its files and what it quotes ('…'):
    ids, kinds and the field names of other formats, in no language."""
    text = FORMATS.sub(" ", re.sub(r"'[^'\n]*'", " ", result.stdout + result.stderr))
    return re.sub(r"\S*/\S*", " ", text.replace(str(tmp_path), " "))


def _interchange_leaks(file: Path, lang: str, tmp_path: Path, formats: tuple[str, ...]) -> list[str]:
    model = mra_graph.load(file)
    exempt = _citations(model, lang)
    runner = CliRunner()
    wrong: list[str] = []

    def run(args: list[str]) -> None:
        result = runner.invoke(main, ["--lang", lang, "--model", str(file), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        wrong.extend(
            f"{' '.join(args[:2])}: {w}" for w in _check(_said(result, tmp_path), lang, exempt, str(file))
        )

    for fmt in formats:
        if fmt == "mmd":
            continue  # Mermaid is a picture, not an export
        run(["export", fmt, "-o", str(tmp_path / f"{file.stem}-{lang}-{fmt}")])
    for fmt in ("popolo", "csv"):
        if fmt in formats:
            run(
                [
                    "import",
                    fmt,
                    str(tmp_path / f"{file.stem}-{lang}-{fmt}"),
                    "-o",
                    str(tmp_path / f"back-{fmt}.json"),
                ]
            )
    return wrong


def _foreign_popolo(tmp_path: Path) -> Path:
    """Popolo written by others: a file whose every kind of loss the importer names."""
    from tests.test_popolo_import import FOREIGN

    file = tmp_path / "foreign.json"
    file.write_text(json.dumps(FOREIGN), encoding="utf-8")
    return file


def _import_leaks(source: Path, lang: str, tmp_path: Path) -> list[str]:
    result = CliRunner().invoke(
        main,
        ["--lang", lang, "import", "popolo", str(source), "-o", str(tmp_path / "in.json")],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert result.stderr  # the file holds what the model has no place for
    return _check(_said(result, tmp_path), lang, re.compile(r"\S+\.json\b|[\w-]+(?:[._:][\w-]+)+"))


@pytest.mark.parametrize("lang", LANGS)
def test_export_and_import_notes_speak_one_language(tmp_path: Path, lang: str) -> None:
    """The quick loop's representative: every export of the bundled model, its Popolo and
    CSV read back, and a foreign Popolo file with every kind of loss."""
    file = tmp_path / "organen.json"
    file.write_bytes(data_file("model", "organen.json").read_bytes())
    wrong = _interchange_leaks(file, lang, tmp_path, EXPORTS)
    wrong += [f"import foreign: {w}" for w in _import_leaks(_foreign_popolo(tmp_path), lang, tmp_path)]
    assert not wrong, "\n".join(dict.fromkeys(wrong))


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", ["example", "english", "published"])
def test_every_model_gets_its_export_notes_in_one_language(tmp_path: Path, lang: str, which: str) -> None:
    if which == "published":
        published = (
            Path(__file__).parent.parent.parent
            / "shared"
            / "popolo-data"
            / "australia-tas-local-councillors.json"
        )
        if not published.is_file():
            pytest.skip(f"{published} is absent")
        wrong = _import_leaks(published, lang, tmp_path)
    else:
        wrong = _interchange_leaks(
            EXAMPLE if which == "example" else _english_file(tmp_path), lang, tmp_path, EXPORTS
        )
    assert not wrong, "\n".join(dict.fromkeys(wrong))


# Edits on models that exist: confirmations and refusals, the bundled model's, the
# example's and an English model's.


def _edit_steps(model: GovernanceModel) -> list[list[str]]:
    """Edits that go through and edits that are refused, made of what ``model`` holds."""
    document = model.documents[0]
    src = ["--source", document.id, document.sections[0]]
    relation = model.relations[0]
    used = next(n.region for n in model.nodes if n.region)
    return [
        ["add-node", "qx-1", "--kind", "body", "--name", "Qx Zy", *src],
        ["add-relation", relation.kind, "qx-1", relation.to, *src],
        ["set", "qx-1", "name_en=Qx En"],
        ["rename", "qx-1", "Qx Zw", "--on", "2030-01-01"],
        ["remove", relation.from_],  # refused: relations remain
        ["remove", used],  # refused: a node is in it
        ["remove", document.id],  # refused: it is cited
        ["end", "qx-1", "--on", "2031-01-01"],  # refused: its relation still runs
        ["set", "model:", "colour=red"],  # refused: no such field
        ["add-node", "qx-1", "--kind", "body", "--name", "Qx", *src],  # refused: the id is taken
        ["add-section", document.id, document.sections[0]],  # refused: it is there
        ["remove", "qx-1", "--cascade"],
    ]


def _edit_leaks(source: Path, lang: str, tmp_path: Path) -> list[str]:
    path = tmp_path / f"edited-{source.name}"
    path.write_bytes(source.read_bytes())
    model = mra_graph.load(path)
    said = []
    for step in _edit_steps(model):
        result = CliRunner().invoke(main, ["--lang", lang, "--model", str(path), *step])
        assert result.exit_code in (0, 2), result.output
        said.append(result.stdout + result.stderr)
    # ids, names and paths are quoted, relation ids, kinds and field names are joined by
    # '.' or '_'; what is left is the words layer's
    exempt = re.compile(r"'[^']*'|" + re.escape(str(path)) + r"|[\w-]+(?:[._][\w-]+)+|Qx \w+")
    text = exempt.sub(" ", "\n".join(said))
    return _check(text, lang, _citations(model, lang), str(path))


@pytest.mark.parametrize("lang", LANGS)
def test_edits_on_the_bundled_model_speak_one_language(tmp_path: Path, lang: str) -> None:
    wrong = _edit_leaks(data_file("model", "organen.json"), lang, tmp_path)
    assert not wrong, "\n".join(dict.fromkeys(wrong))


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", ["example", "english"])
def test_edits_on_every_model_speak_one_language(tmp_path: Path, lang: str, which: str) -> None:
    wrong = _edit_leaks(EXAMPLE if which == "example" else _english_file(tmp_path), lang, tmp_path)
    assert not wrong, "\n".join(dict.fromkeys(wrong))
