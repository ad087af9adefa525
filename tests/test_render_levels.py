"""Levels derived from the relations: longest-path layering, cycles, regions, order."""

from __future__ import annotations

import random

import pytest

from mra_graph.model.views import Style, load_style
from mra_graph.render.levels import Line, derive_levels, rank_kinds, region_order


@pytest.fixture(scope="module")
def style() -> Style:
    return load_style()


def _line(source: str, kind: str, target: str) -> Line:
    return Line(f"{source}.{kind}.{target}", kind, source, target)


def test_the_lines_of_responsibility_come_first(style: Style) -> None:
    kinds = rank_kinds(style)
    assert kinds[:5] == ["steers", "commissions", "chairs", "member_of", "part_of"]
    assert {"supports", "prepares"} <= set(kinds)
    # lines that do not say who sits above whom
    assert not {"informs", "decides_on", "cooperates_with"} & set(kinds)


def test_longest_path_layering(style: Style) -> None:
    nodes = dict.fromkeys(["top", "mid", "low", "side"], "r")
    lines = [
        _line("top", "commissions", "mid"),
        _line("mid", "steers", "low"),
        _line("top", "steers", "low"),  # shorter way down: low stays under mid
        _line("side", "supports", "top"),  # drawn upward: the supported one above
    ]
    assert derive_levels(nodes, lines, style) == (("top",), ("mid", "side"), ("low",))


def test_a_line_that_closes_a_cycle_is_left_out(style: Style) -> None:
    nodes = dict.fromkeys(["a", "b"], "r")
    # a steers b and b is a member of a agree; b steering a would close a cycle
    lines = [_line("b", "steers", "a"), _line("a", "steers", "b"), _line("b", "member_of", "a")]
    assert derive_levels(nodes, lines, style) == (("a",), ("b",))


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_order_of_the_input_changes_nothing(style: Style, seed: int) -> None:
    nodes = {f"n{i}": ("r" if i % 3 else "s") for i in range(12)}
    lines = [_line(f"n{i}", "member_of", f"n{(i * 5) % 12}") for i in range(12) if i != (i * 5) % 12]
    lines += [_line(f"n{i}", "steers", f"n{(i + 1) % 12}") for i in range(12)]
    expected = derive_levels(nodes, lines, style)
    rng = random.Random(seed)
    shuffled_nodes = list(nodes.items())
    rng.shuffle(shuffled_nodes)
    rng.shuffle(lines)
    assert derive_levels(dict(shuffled_nodes), lines, style) == expected


def test_top_types_sit_alone_on_the_first_level(style: Style) -> None:
    nodes = dict.fromkeys(["whole", "board", "loose"], "r")
    lines = [_line("board", "part_of", "whole")]
    assert derive_levels(nodes, lines, style) == (("loose", "whole"), ("board",))
    assert derive_levels(nodes, lines, style, top={"whole"}) == (("whole",), ("loose", "board"))


def test_loose_lines_do_not_decide_levels(style: Style) -> None:
    nodes = dict.fromkeys(["a", "b"], "r")
    lines = [_line("a", "liaises_with", "b")]
    assert derive_levels(nodes, lines, style) == (("b",), ("a",))
    assert derive_levels(nodes, lines, style, loose={"liaises_with"}) == (("a", "b"),)
    assert derive_levels(nodes, lines, style, loose={"a.liaises_with.b"}) == (("a", "b"),)


def test_regions_are_stacked_the_upper_one_first(style: Style) -> None:
    nodes = {"x": "south", "y": "north", "z": None}
    # x prepares y: the north region sits above the south one; lines between regions
    # order the regions and decide no level within one
    lines = [_line("x", "prepares", "y"), _line("z", "member_of", "x")]
    assert derive_levels(nodes, lines, style) == (("y",), ("x",), ("z",))
    assert region_order(["south", "north", None], lines, nodes, style) == ["north", "south", None]


def test_regions_without_lines_between_them_go_by_id(style: Style) -> None:
    nodes = {"x": "b", "y": "a"}
    assert derive_levels(nodes, [], style) == (("y",), ("x",))
