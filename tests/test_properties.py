"""Properties over the schema: valid models round-trip exactly; broken ones fail cleanly.

Valid models are generated from the vocabulary (node kinds and types, relation kinds
between the node kinds each allows, acyclic kinds only forward so they cannot loop).
Broken models are valid ones with one mutation of a kind a hand or a tool makes: a
dropped key, a wrong type, a dangling reference, a duplicate id, a cycle, a huge or
control-character string, deep nesting, bytes that are not UTF-8, a byte-order mark,
NaN, a 10 MB string. Each must end in a ModelError whose problems all say where,
within a bounded time and memory, and in exit code 1 from the command line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from mra_graph.errors import ModelError
from mra_graph.model.loading import dump_text, load_text
from mra_graph.model.vocabulary import vocabulary

VOCAB = vocabulary()
SETTINGS = settings(
    max_examples=60,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
SECTIONS = ["Inleiding", "Besluit"]
SOURCE = {"document": "doc", "section": "Inleiding"}

# printable text with the letters, marks, symbols and spaces a name may hold; tabs and
# line breaks only where the schema allows them (descriptions)
_NAME = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s != "")
_LONG = st.text(
    st.characters(blacklist_categories=("Cs",), whitelist_characters="\t\n", blacklist_characters="\x7f"),
    min_size=1,
    max_size=200,
).filter(lambda s: not any(ord(c) < 32 and c not in "\t\n" for c in s))


@st.composite
def valid_models(draw: st.DrawFn) -> dict[str, Any]:
    """The data of a valid model file."""
    kinds = sorted(VOCAB.node_kinds)
    count = draw(st.integers(1, 8))
    regions = [
        {"id": f"r{i}", "name": draw(_NAME), "short": draw(_NAME), "sources": [SOURCE]}
        for i in range(draw(st.integers(0, 2)))
    ]
    nodes: list[dict[str, Any]] = []
    for i in range(count):
        kind = draw(st.sampled_from(kinds))
        types = sorted(VOCAB.node_kinds[kind].types) if VOCAB.node_kinds[kind].types else []
        node: dict[str, Any] = {"id": f"n{i}", "kind": kind, "name": draw(_NAME), "sources": [SOURCE]}
        if types and draw(st.booleans()):
            node["type"] = draw(st.sampled_from(types))
        if draw(st.booleans()):
            node["name_en"] = draw(_NAME)
        if draw(st.booleans()):
            node["aliases"] = draw(st.lists(_NAME, max_size=3))
        if draw(st.booleans()):
            node["description"] = draw(_LONG)
        if regions and draw(st.booleans()):
            node["region"] = draw(st.sampled_from(regions))["id"]
        if draw(st.booleans()):
            node["size"] = draw(st.integers(0, 10**6))
        if draw(st.booleans()):
            node["attributes"] = draw(
                st.dictionaries(
                    st.from_regex(r"\A[a-z][a-z0-9]{0,8}\Z"),
                    st.one_of(
                        _NAME, st.integers(-(10**9), 10**9), st.booleans(), st.lists(_NAME, max_size=2)
                    ),
                    max_size=3,
                )
            )
        nodes.append(node)
    relations: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for _ in range(draw(st.integers(0, 12))):
        a, b = draw(st.integers(0, count - 1)), draw(st.integers(0, count - 1))
        if a == b:
            continue
        fitting = sorted(
            k
            for k, spec in VOCAB.relation_kinds.items()
            if nodes[a]["kind"] in spec.from_kinds
            and nodes[b]["kind"] in spec.to_kinds
            and (not spec.acyclic or a < b)
            and not spec.symmetric
        )
        if not fitting:
            continue
        kind = draw(st.sampled_from(fitting))
        if (kind, f"n{a}", f"n{b}") in seen:
            continue
        seen.add((kind, f"n{a}", f"n{b}"))
        relation: dict[str, Any] = {
            "id": f"e{len(relations)}",
            "kind": kind,
            "from": f"n{a}",
            "to": f"n{b}",
            "sources": [SOURCE],
        }
        spec = VOCAB.relation_kinds[kind]
        if spec.capacities and draw(st.booleans()):
            relation["capacity"] = draw(st.sampled_from(sorted(spec.capacities)))
        if spec.countable and draw(st.booleans()):
            relation["count"] = draw(st.integers(0, 50))
        if draw(st.booleans()):
            relation["note"] = draw(_LONG)
        relations.append(relation)
    return {
        "title": draw(_NAME),
        "documents": [
            {"id": "doc", "title": "Doc", "file": "doc.md", "period": "2017", "sections": SECTIONS}
        ],
        "regions": regions,
        "nodes": nodes,
        "relations": relations,
    }


def _text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


@SETTINGS
@given(valid_models())
def test_valid_models_load_dump_and_reload_identically(data: dict[str, Any]) -> None:
    model = load_text(_text(data), "gen.json")
    text = dump_text(model)
    again = load_text(text, "gen.json")
    assert again == model
    assert dump_text(again) == text


# --- mutations: each returns the broken file's bytes ---------------------------------


def _drop_key(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    node = draw(st.sampled_from(data["nodes"]))
    del node[draw(st.sampled_from(["id", "kind", "name", "sources"]))]
    return _text(data).encode()


def _wrong_type(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    node = draw(st.sampled_from(data["nodes"]))
    key = draw(st.sampled_from(["name", "kind", "size", "aliases", "sources", "valid_from"]))
    node[key] = draw(st.sampled_from([[1], {"a": 1}, 3.5, True, "not-a-date-or-kind", -1]))
    if key in ("name", "valid_from") and isinstance(node[key], str):
        node[key] = 12
    return _text(data).encode()


def _dangling(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    target = draw(st.sampled_from(["relation", "region", "document"]))
    if target == "relation" or not data["nodes"]:
        data["relations"].append(
            {"id": "dangling", "kind": "supports", "from": "n0", "to": "nowhere", "sources": [SOURCE]}
        )
    elif target == "region":
        data["nodes"][0]["region"] = "no-region"
    else:
        data["nodes"][0]["sources"] = [{"document": "no-doc", "section": "Inleiding"}]
    return _text(data).encode()


def _duplicate_id(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    data["nodes"].append(dict(draw(st.sampled_from(data["nodes"]))))
    return _text(data).encode()


def _cycle(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    bodies = [{"id": f"c{i}", "kind": "body", "name": f"C {i}", "sources": [SOURCE]} for i in range(3)]
    data["nodes"] += bodies
    length = draw(st.integers(2, 3))
    data["relations"] += [
        {
            "id": f"cy{i}",
            "kind": "part_of",
            "from": f"c{i}",
            "to": f"c{(i + 1) % length}",
            "sources": [SOURCE],
        }
        for i in range(length)
    ]
    return _text(data).encode()


def _huge_string(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    data["nodes"][0]["name"] = "x" * draw(st.integers(501, 100_000))
    return _text(data).encode()


def _ten_megabytes(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    data["nodes"][0][draw(st.sampled_from(["description", "name", "id"]))] = "é" * 5_000_000
    return _text(data).encode()


def _control_character(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    char = draw(st.sampled_from(["\x00", "\x01", "\x1b", "\x7f", "\x0b"]))
    data["nodes"][0]["name"] = f"naam{char}x"
    return _text(data).encode()


def _deep_nesting(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    depth = draw(st.sampled_from([50, 1_000, 100_000]))
    text = _text(data)
    return text.replace('"nodes": [', '"nodes": [' + "[" * depth + "]" * depth + ",", 1).encode()


def _not_utf8(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    raw = _text(data).encode()
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x80"])) + raw[at:]


def _bom(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    return b"\xef\xbb\xbf" + _text(data).encode()


def _nan(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    token = draw(st.sampled_from(["NaN", "Infinity", "-Infinity"]))
    return _text(data).replace('"sources": [', f'"size": {token}, "sources": [', 1).encode()


def _truncated(data: dict[str, Any], draw: st.DrawFn) -> bytes:
    raw = _text(data).encode()
    return raw[: draw(st.integers(1, len(raw) - 1))]


MUTATIONS: dict[str, Callable[[dict[str, Any], st.DrawFn], bytes]] = {
    "drop_key": _drop_key,
    "wrong_type": _wrong_type,
    "dangling": _dangling,
    "duplicate_id": _duplicate_id,
    "cycle": _cycle,
    "huge_string": _huge_string,
    "control_character": _control_character,
    "deep_nesting": _deep_nesting,
    "not_utf8": _not_utf8,
    "bom": _bom,
    "nan": _nan,
    "truncated": _truncated,
}


def _assert_clean_failure(raw: bytes, *, seconds: float = 5.0, megabytes: int = 400) -> ModelError:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(ModelError) as caught:
            load_text(raw, "broken.json")
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < seconds
    assert peak < megabytes * 2**20
    problems = caught.value.problems
    assert problems
    for problem in problems:
        assert problem.file == "broken.json"
        assert problem.pointer or problem.line, f"no location: {problem}"
        assert len(str(problem)) < 2_000  # a huge value is shown cut short, not in full
    return caught.value


@pytest.mark.parametrize("name", sorted(MUTATIONS))
@SETTINGS
@given(data=valid_models(), choice=st.data())
def test_every_mutation_ends_in_a_located_model_error(
    name: str, data: dict[str, Any], choice: st.DataObject
) -> None:
    if name in ("drop_key", "wrong_type", "huge_string", "control_character", "nan") and not data["nodes"]:
        return
    raw = MUTATIONS[name](data, choice.draw)
    _assert_clean_failure(raw)


@settings(max_examples=3, deadline=None, derandomize=True)
@given(data=valid_models(), choice=st.data())
def test_ten_megabyte_strings_fail_fast_and_small(data: dict[str, Any], choice: st.DataObject) -> None:
    raw = _ten_megabytes(data, choice.draw)
    assert len(raw) > 10_000_000
    _assert_clean_failure(raw, seconds=10.0)


def _simplest(strategy: st.SearchStrategy[Any], label: object = None) -> Any:
    return find(strategy, lambda _: True)


def test_broken_files_exit_1_from_the_command_line_without_a_traceback(tmp_path: Path) -> None:
    # one real process per kind of damage: what a user sees, not what a test runner catches
    base = {
        "title": "t",
        "documents": [{"id": "doc", "title": "D", "file": "d.md", "period": "2017", "sections": SECTIONS}],
        "nodes": [{"id": "n0", "kind": "body", "name": "N", "sources": [SOURCE]}],
        "relations": [],
    }
    files = []
    for name, mutate in sorted(MUTATIONS.items()):
        data = json.loads(json.dumps(base))
        raw = mutate(data, _simplest)
        path = tmp_path / f"{name}.json"
        path.write_bytes(raw)
        files.append(path)
    big = tmp_path / "ten-megabytes.json"
    big.write_bytes(_ten_megabytes(json.loads(json.dumps(base)), _simplest))
    files.append(big)
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from mra_graph.cli import main\n"
        "for path in sys.argv[1:]:\n"
        "    r = CliRunner().invoke(main, ['check', '--model', path])\n"
        "    print(path, r.exit_code, 'Traceback' in r.output, repr(r.exception))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, files)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    for line in done.stdout.splitlines():
        path, code, traceback, exception = line.split(" ", 3)
        assert (code, traceback) == ("1", "False"), line
        assert exception == "SystemExit(1)", line


@pytest.mark.parametrize("field", ["id", "name"])
def test_a_trailing_newline_is_not_allowed_where_line_breaks_are_not(field: str) -> None:
    data = {
        "title": "t",
        "documents": [{"id": "doc", "title": "D", "file": "d.md", "period": "2017", "sections": SECTIONS}],
        "nodes": [{"id": "n0", "kind": "body", "name": "N", "sources": [SOURCE]}],
    }
    data["nodes"][0][field] += "\n"
    error = _assert_clean_failure(_text(data).encode())
    assert error.problems[0].pointer == f"/nodes/0/{field}"
