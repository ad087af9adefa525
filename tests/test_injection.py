"""Hostile names and descriptions come through every output literally, and nothing else does.

Every output of tests/outputs.py is made twice: from a model whose texts are the
hostile corpus of tests/hostile.py, and from the same model with plain words in their
place. Each output is parsed back with a parser for its own syntax, which gives its
*skeleton* (the syntax with every text left out: elements, keys, rows, statements,
triples) and its *texts*. The skeletons must be equal: hostile text added no element,
statement, row or triple. The texts must be equal once each plain word is replaced by
the hostile string it stands for: every hostile string came through literally.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from mra_graph.dumping import dump_text
from mra_graph.interchange.csv_format import ENCODING, restore
from mra_graph.model import GovernanceModel
from tests.hostile import HOSTILE, PLAIN, hostile_model
from tests.outputs import OUTPUTS

Parsed = tuple[Any, list[str]]  # (skeleton, texts)


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


def _parser(output: str, file: str) -> Callable[[bytes], Parsed]:
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
        expected = sorted(_as_hostile(t) for t in plain_texts)
        assert sorted(hostile_texts) == expected, f"{file}: a text did not come through literally"
        carried += sum(1 for t in hostile_texts if any(h in t for h in HOSTILE))
    assert carried, f"{output} carries none of the hostile text, so this test proves nothing about it"
