"""Hostile names and descriptions come through every output literally, and nothing else does.

Every output of tests/outputs.py is made twice: from a model whose texts are the
hostile corpus of tests/hostile.py, and from the same model with plain words in their
place. Each output is parsed back with a parser for its own syntax, which gives its
*skeleton* (the syntax with every text left out: elements, keys, rows, statements,
triples) and its *texts*. The skeletons must be equal: hostile text added no element,
statement, row or triple. The texts must be equal once each plain word is replaced by
the hostile string it stands for: every hostile string came through literally.

Two allowances, each as narrow as the format needs: a diagram breaks a name into lines
at spaces to a width, so its drawn text comes back per label or group with the spaces
left out (:class:`Squeezed`); and a report sorts cards and lines by their names, so an
HTML page's skeleton is its elements with their attributes in any order. DOT is parsed
by Graphviz itself (``dot -Tdot_json``, no layout), SVG by lxml, HTML by the standard
library's parser, Markdown by markdown-it-py as a renderer that lets raw HTML through
would show it; Mermaid line by line (tests/test_render_browser.py draws it in Mermaid).
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from mra_graph.interchange.csv_format import ENCODING, restore
from mra_graph.model.loading import dump_text
from mra_graph.model.schema import GovernanceModel
from tests.hostile import HOSTILE, PLAIN, hostile_model
from tests.outputs import OUTPUTS

Parsed = tuple[Any, list[str]]  # (skeleton, texts)
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class Squeezed(str):
    """A text that a diagram breaks into lines at spaces, to a width: it comes back with
    every space left out (the hostile text is longer than its plain twin, so their lines
    break differently), and is compared with the hostile text likewise squeezed."""


def _squeezed(text: str) -> Squeezed:
    return Squeezed("".join(c for c in text if not c.isspace()))


def _json(data: bytes) -> Parsed:
    texts: list[str] = []

    def skeleton(value: Any) -> Any:
        if isinstance(value, dict):
            texts.extend(value)  # keys too: a key made of model text must come through literally
            return sorted((k if not _has_corpus(k) else "", skeleton(v)) for k, v in value.items())
        if isinstance(value, list):
            return sorted((skeleton(v) for v in value), key=repr)
        if isinstance(value, str):
            texts.append(value)
            return "s"
        return type(value).__name__

    return skeleton(json.loads(data)), texts


def _xml(data: bytes) -> Parsed:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    texts: list[str] = []
    shape = []
    for element in root.iter():
        shape.append((str(element.tag), tuple(sorted(element.attrib))))
        texts += [element.text or "", element.tail or "", *element.attrib.values()]
    assert not any("script" in str(tag).lower() for tag, _ in shape)
    return sorted(shape), texts


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(ENCODING), newline="")))


def _spreadsheet_csv(data: bytes) -> Parsed:
    rows = _csv_rows(data)
    for row in rows:
        for cell in row:
            # no cell a spreadsheet would run as a formula
            number = re.fullmatch(r"-?\d+(\.\d+)?", cell)
            assert number or not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    return [len(r) for r in rows], [restore(c) for r in rows for c in r]


def _neo4j_csv(data: bytes) -> Parsed:
    rows = _csv_rows(data)
    # ';' separates array items for neo4j-admin, so inside one it is written as a
    # full-width '；' (a loss the export lists); read it back as what it stands for
    return [len(r) for r in rows], [c.replace("\uff1b", ";") for r in rows for c in r]


_CYPHER_STRING = re.compile(r"'(?:[^'\\\n]|\\[\\'nrt])*'")


def _cypher(data: bytes) -> Parsed:
    text = data.decode("utf-8")
    table = {"\\\\": "\\", "\\'": "'", "\\n": "\n", "\\r": "\r", "\\t": "\t"}
    texts = [
        re.sub(r"\\[\\'nrt]", lambda m: table[m.group(0)], s[1:-1]) for s in _CYPHER_STRING.findall(text)
    ]
    # everything outside string literals, the statements themselves, must be the same
    return _CYPHER_STRING.sub("''", text), texts


def _turtle(data: bytes) -> Parsed:
    import rdflib

    graph = rdflib.Graph().parse(data=data, format="turtle")
    shape, texts = [], []
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal):
            texts.append(str(o))
            shape.append((str(s), str(p), "literal", str(o.datatype), o.language))
        else:
            shape.append((str(s), str(p), str(o), None, None))
    return sorted(shape), texts


def _text(data: bytes) -> Parsed:
    # answers for people: no syntax to break out of, but the same lines must come out,
    # and a table's padding follows the width of the names
    lines = [re.sub(r" {2,}", " ", line).strip() for line in data.decode("utf-8").splitlines()]
    return len(lines), lines


def _wrapped_text(data: bytes) -> Parsed:
    # a table that wraps its labels to a width: the hostile labels, longer than their
    # plain twins, break into other lines, so the labels (each line's first cell) and the
    # figures (its other cells) are compared as two texts, each squeezed
    cells = [re.split(r" {2,}", line.strip()) for line in data.decode("utf-8").splitlines()]
    labels = "".join(row[0] for row in cells)
    figures = "".join("".join(row[1:]) for row in cells)
    return 0, [_squeezed(labels), _squeezed(figures)]


_DOT_HTML = frozenset({"label", "xlabel", "headlabel", "taillabel"})
_DOT_TEXT = frozenset({"tooltip", "edgetooltip", "labeltooltip", "headtooltip", "tailtooltip"})
_LABEL_TEXT = frozenset({"TOOLTIP", "TITLE"})


def _html_label(value: str) -> Parsed:
    """A Graphviz HTML-like label (XML without its outer ``<>``): its tags, and its text."""
    root = etree.fromstring(f"<label>{value}</label>".encode(), _SAFE_XML)
    shape, texts = [], []
    for element in root.iter():
        if not isinstance(element.tag, str):
            raise AssertionError(f"a comment or instruction in a label: {value}")
        attrs = tuple(sorted((k, "" if k in _LABEL_TEXT else v) for k, v in element.attrib.items()))
        texts += [v for k, v in element.attrib.items() if k in _LABEL_TEXT]
        if element.tag != "BR":  # lines break where the text's length says
            shape.append((element.tag, attrs))
    return shape, [*texts, _squeezed("".join(root.itertext()))]


def _dot_string(value: str) -> str:
    """A plain DOT string as Graphviz shows it: its backslash escapes, then its entities."""
    return html.unescape(re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nlr" else m.group(1), value))


def _dot(data: bytes) -> Parsed:
    # parsed by Graphviz itself, without layout: every graph, node and edge it reads
    dot = shutil.which("dot")
    assert dot, "the DOT parser is Graphviz's dot program"
    done = subprocess.run([dot, "-Tdot_json"], input=data, capture_output=True, timeout=60, check=True)
    graph = json.loads(done.stdout)
    objects = graph.get("objects", [])
    names = {o["_gvid"]: o["name"] for o in objects}
    shape: list[Any] = []
    texts: list[str] = []

    def attributes(item: dict[str, Any], skip: set[str]) -> list[Any]:
        found = []
        for key, value in sorted(item.items()):
            if key in skip:
                continue
            if key in _DOT_HTML:
                label_shape, label_texts = _html_label(value)
                found.append((key, label_shape))
                texts.extend(label_texts)
            elif key in _DOT_TEXT:
                found.append((key, ""))
                texts.append(_dot_string(value))
            else:
                found.append((key, value))
        return found

    shape.append(("graph", attributes(graph, {"objects", "edges", "_subgraph_cnt"})))
    for o in objects:
        members = sorted(names[n] for n in o.get("nodes", []))
        shape.append(("object", o["name"], members, attributes(o, {"_gvid", "nodes", "edges", "subgraphs"})))
    for e in graph.get("edges", []):
        ends = (names[e["tail"]], names[e["head"]])
        shape.append(("edge", ends, attributes(e, {"_gvid", "tail", "head"})))
    return sorted(shape, key=repr), texts


_SVG = "{http://www.w3.org/2000/svg}"
_XLINK = "{http://www.w3.org/1999/xlink}"


def _svg(data: bytes) -> Parsed:
    root = etree.fromstring(data, _SAFE_XML)
    shape, texts = [], []
    lines: dict[str, str] = {}  # the text drawn in each identified group, line after line
    for element in root.iter():
        if not isinstance(element.tag, str):  # a comment: Graphviz's, naming node ids
            shape.append(("comment", element.text))
            continue
        assert element.tag.startswith(_SVG), f"an element from outside SVG: {element.tag}"
        tag = element.tag[len(_SVG) :]
        assert tag not in ("script", "foreignObject", "iframe", "use", "image"), tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"an event handler: {name}"
            if name.endswith("href"):
                assert value.startswith("#"), f"a link out of the picture: {value}"
        if tag == "text":
            group = next(a.get("id") for a in element.iterancestors() if a.get("id"))
            lines[group] = lines.get(group, "") + "".join(element.itertext())
            continue  # how many lines a text takes follows its length
        kept = ("id", "class")
        attrs = []
        for name, value in sorted(element.attrib.items()):
            if name in kept or (name == f"{_XLINK}title" and not _has_corpus(value)):
                attrs.append((name, value))
            elif _has_corpus(value):
                attrs.append((name, ""))
                texts.append(value)
            else:
                attrs.append((name, None))  # geometry and colour
        shape.append((tag, attrs))
        if tag in ("title", "desc"):
            texts.append(element.text or "")
    texts += [_squeezed(text) for text in lines.values()]
    return sorted(shape, key=repr), texts


_MERMAID_LABEL = re.compile(r'"([^"]*)"')
# a label's text: no ASCII punctuation but the entity codes #NNN; that stand for it
_MERMAID_SAFE = re.compile(r"(?:#\d+;|[^!-/:-@\[-`{-~])*")


def _mermaid(data: bytes) -> Parsed:
    shape, texts = [], []
    for line in data.decode("utf-8").splitlines():
        head, _, rest = line.strip().partition(": ")
        if head == "title":
            texts.append(json.loads(rest))  # JSON, which YAML reads alike
            shape.append("title")
            continue
        if head in ("accTitle", "accDescr"):
            # words and plain punctuation only: these take no entity codes
            assert re.fullmatch(r"[\w\s.,:()'’·-]*", rest), line
            shape.append(head)
            continue
        for label in _MERMAID_LABEL.findall(line):
            assert _MERMAID_SAFE.fullmatch(label), label
            texts.append(re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label))
        shape.append(_MERMAID_LABEL.sub('""', line))
    return shape, texts


_SVG_IMAGE = "data:image/svg+xml;base64,"


_PRINT_SIZE = re.compile(r"(Op A4 komt de kleinste tekst|On A4 the smallest text) [^.]*\d[.,]\d pt[^.]*\.")


def _unsized(text: str) -> str:
    """``text`` without what it says of the size a picture prints at (and so of the paper
    it needs), which follows the length of the picture's text."""
    return _PRINT_SIZE.sub(r"\1 …", text)


class _Html(HTMLParser):
    """The elements and texts of an HTML page; an inline SVG's drawn lines as :class:`Squeezed`,
    a Mermaid code block through :func:`_mermaid`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[Any] = []
        self.texts: list[str] = []
        self.svg: list[tuple[str, str | None]] = []  # open SVG elements and their ids
        self.lines: dict[str, str] = {}
        self.mermaid: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = []
        for name, value in attrs:
            assert not name.startswith("on"), f"an event handler: {name}"
            if tag == "img" and name == "src" and value and value.startswith(_SVG_IMAGE):
                # a picture as an image (a page of the printed report): parsed as SVG is
                picture_shape, picture_texts = _svg(base64.b64decode(value[len(_SVG_IMAGE) :]))
                self.shape.append(("picture", tuple(map(repr, picture_shape))))
                self.texts += picture_texts
                attributes.append((name, _SVG_IMAGE))
            elif value is not None and _has_corpus(value):
                attributes.append((name, ""))
                self.texts.append(value)
            else:
                attributes.append((name, _unsized(value) if value is not None else None))
        if tag == "svg" or self.svg:
            self.svg.append((tag, dict(attrs).get("id")))
            # in a picture, only what a part is: where it is drawn follows the text's length
            attributes = [
                (n, v if n in ("id", "class") or n.startswith("aria-") else None) for n, v in attributes
            ]
        if tag == "figure" and self.svg == []:
            # whether the diagram is shown upright or across follows its drawn size
            attributes = [
                (n, re.sub(r"\b(portrait|landscape)\b", "", v) if n == "class" and v else v)
                for n, v in attributes
            ]
        if tag == "code" and ("class", "language-mermaid") in attrs:
            self.mermaid = ""
        if tag in ("text", "tspan") and self.svg:
            return  # how many lines a text takes follows its length
        self.shape.append((tag, tuple(attributes)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "code" and self.mermaid is not None:
            mermaid_shape, mermaid_texts = _mermaid(self.mermaid.encode("utf-8"))
            self.shape.append(mermaid_shape)
            self.texts += mermaid_texts
            self.mermaid = None
        if self.svg:
            while self.svg and self.svg.pop()[0] != tag:
                pass
        else:
            self.shape.append(f"/{tag}")

    def handle_data(self, data: str) -> None:
        if self.mermaid is not None:
            self.mermaid += data
        elif self.svg and self.svg[-1][0] in ("text", "tspan"):
            group = next(i for _, i in reversed(self.svg) if i)
            self.lines[group] = self.lines.get(group, "") + data
        elif self.svg and data.isspace():
            return  # between a picture's lines, as many as it has
        else:
            self.texts.append(_unsized(data))

    def handle_comment(self, data: str) -> None:
        self.shape.append(("comment", data))


def _html(data: bytes) -> Parsed:
    parser = _Html()
    parser.feed(data.decode("utf-8"))
    parser.close()
    # in any order: a report sorts cards and lines by their names, which the hostile
    # text changes; the same elements with the same attributes must all be there
    return sorted(parser.shape, key=repr), parser.texts + [_squeezed(t) for t in parser.lines.values()]


def _markdown(data: bytes) -> Parsed:
    # as a Markdown renderer that lets raw HTML through shows it: what would come out
    from markdown_it import MarkdownIt

    return _html(MarkdownIt("commonmark").render(data.decode("utf-8")).encode("utf-8"))


def _parser(output: str, file: str) -> Callable[[bytes], Parsed]:
    if output.startswith("render-"):
        return {"dot": _dot, "svg": _svg, "mmd": _mermaid}[output.rsplit("-", 1)[1]]
    if output.startswith("report-"):
        return _svg if file.endswith(".svg") else _html if output == "report-html" else _markdown
    if output.endswith("-json") or file.endswith((".json", ".jsonld")):
        return _json
    if file.endswith((".xml", ".graphml")):
        return _xml
    if file.endswith(".ttl"):
        return _turtle
    if file.endswith(".cypher"):
        return _cypher
    if file.endswith(".csv"):
        return _spreadsheet_csv if output == "export-csv" else _neo4j_csv
    if output == "cli-formation-text":
        return _wrapped_text
    if output.endswith("-text"):
        return _text
    raise AssertionError(f"no parser for {output} {file}: add one to tests/test_injection.py")


def _unnested(texts: list[str]) -> list[str]:
    """``texts`` with JSON held in a text (GraphML and ArchiMate properties) read as its strings."""
    result: list[str] = []
    for text in texts:
        if text.startswith(("[", "{")):
            try:
                result += _json(text.encode("utf-8"))[1]
                continue
            except ValueError:
                pass
        result.append(text)
    return result


def _has_corpus(text: str) -> bool:
    return any(p in text for p in PLAIN) or any(h in text for h in HOSTILE)


def _as_hostile(text: str) -> str:
    for plain, hostile in zip(PLAIN, HOSTILE, strict=True):
        text = text.replace(plain, hostile)
    return text


@pytest.fixture(scope="module")
def model_files(model: GovernanceModel, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("injection")
    files = {}
    for name, corpus in (("hostile", HOSTILE), ("plain", PLAIN)):
        path = folder / name / "organen.json"
        path.parent.mkdir()
        path.write_text(dump_text(hostile_model(model, corpus)), encoding="utf-8")
        files[name] = path
    return files


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_hostile_text_comes_through_literally_and_nothing_else(
    output: str, model_files: dict[str, Path]
) -> None:
    hostile = OUTPUTS[output](model_files["hostile"])
    plain = OUTPUTS[output](model_files["plain"])
    assert sorted(hostile) == sorted(plain)
    carried = 0
    for file in sorted(hostile):
        parse = _parser(output, file)
        hostile_shape, hostile_texts = parse(hostile[file])
        plain_shape, plain_texts = parse(plain[file])
        assert hostile_shape == plain_shape, f"{file}: the hostile text changed the structure"
        hostile_texts, plain_texts = _unnested(hostile_texts), _unnested(plain_texts)
        expected = sorted(
            _squeezed(_as_hostile(t)) if isinstance(t, Squeezed) else _as_hostile(t) for t in plain_texts
        )
        assert sorted(hostile_texts) == expected, f"{file}: a text did not come through literally"
        carried += sum(1 for t in hostile_texts if any(h in t for h in HOSTILE))
    assert carried, f"{output} carries none of the hostile text, so this test proves nothing about it"
