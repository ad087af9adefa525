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


def test_a_level_too_wide_puts_what_has_nothing_below_it_on_further_levels(style: Style) -> None:
    members = [f"m{i}" for i in range(9)]
    nodes = dict.fromkeys(["top", "a", "b", "a1", "b1", *members], "r")
    lines = [_line("top", "steers", "a"), _line("top", "steers", "b")]
    lines += [_line("a1", "member_of", "a"), _line("b1", "member_of", "b")]
    lines += [_line(m, "member_of", "top") for m in members]
    plain = derive_levels(nodes, lines, style)
    assert plain == (("top",), ("a", "b", *members), ("a1", "b1"))
    wrapped = derive_levels(nodes, lines, style, row_length=7)
    # the two with members of their own stay, five of the nine fill the level up to
    # seven, the other four go on a level of their own just below, above a1 and b1
    assert wrapped == (("top",), ("a", "b", *members[:5]), tuple(members[5:]), ("a1", "b1"))
    # twelve that do not fit go on two levels of six, not seven and five
    many = [f"n{i}" for i in range(14)]
    nodes = dict.fromkeys(["top", *many], "r")
    wide = derive_levels(nodes, [_line(n, "member_of", "top") for n in many], style, row_length=2)
    assert [len(level) for level in wide] == [1, 2, 2, 2, 2, 2, 2, 2]
    wide = derive_levels(nodes, [_line(n, "member_of", "top") for n in many], style, row_length=7)
    assert [len(level) for level in wide] == [1, 7, 7]
    # a level as wide as it may be, or of nodes that all have something below, stays
    seven = dict.fromkeys(["top", *many[:7]], "r")
    lines = [_line(n, "member_of", "top") for n in many[:7]]
    assert derive_levels(seven, lines, style, row_length=7) == (("top",), tuple(sorted(many[:7])))
