"""The one scan of JSON text that places every error: values, keys, constants, nesting."""

from __future__ import annotations

import pytest

from mra_graph.locations import first_constant, first_repeated_key, first_too_deep, positions, values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('{"a": 1, "b": 2}', (0, 0), id="no-repeat"),
        pytest.param('{"a": 1,\n "a": 2}', (2, 2), id="top-level"),
        pytest.param('{"a": {"x": 1, "x": 2}, "a": 3}', (1, 16), id="nested-comes-first"),
        pytest.param('[{"a": 1}, {"a": 2}]', (0, 0), id="same-key-in-two-objects"),
        pytest.param('{"k\\"": 1, "k\\u0022": 2}', (1, 12), id="escaped-alike"),
    ],
)
def test_first_repeated_key(text: str, expected: tuple[int, int]) -> None:
    assert first_repeated_key(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('{"NaN": "Infinity"}', (0, 0), id="inside-strings"),
        pytest.param('{"a": [1,\n  -Infinity]}', (2, 3), id="negative-infinity"),
        pytest.param("[NaN]", (1, 2), id="nan"),
    ],
)
def test_first_constant(text: str, expected: tuple[int, int]) -> None:
    assert first_constant(text) == expected


def test_first_too_deep_points_at_the_bracket_past_the_limit() -> None:
    text = '{"a": ' + "[" * 5 + "]" * 5 + "}"
    assert first_too_deep(text, 3) == (1, 9)
    assert first_too_deep(text, 6) == (0, 0)


@pytest.mark.parametrize(
    "text",
    ['{"a": [1, 2', "}}}]]", '{"a" "b"}', "{1: 2}", '"unterminated', ""],
    ids=["cut-off", "only-closing", "no-colon", "number-key", "open-string", "empty"],
)
def test_text_that_is_not_json_never_raises(text: str) -> None:
    list(values(text))
    assert positions(text, {"/a/5"}) == {}


def test_positions_of_deep_text_need_no_recursion() -> None:
    text = "[" * 100_000 + "]" * 100_000
    assert positions(text, {"/0/0"}) == {"/0/0": (1, 3)}
