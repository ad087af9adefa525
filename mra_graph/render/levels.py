"""Levels of a diagram derived from its relations: who sits above whom.

A view without hand-tuned ranks (``derive_levels`` in ``render/views.json``) gets its
levels here, from the model alone:

- A relation decides levels when its kind is a line of responsibility in the
  vocabulary (``responsibility``: commissions, steers, chairs, member of, part of) or
  when the style draws it upward (support, preparation, coordination): the end the
  line is drawn towards from below sits above the other, as the arrows show it.
- Within each region (and among the nodes without one) the levels are a longest-path
  layering of those relations: a node with nothing above it is on the region's first
  level, every other node one level below the lowest node above it. Lines of
  responsibility are taken first, then the others, each kind in the vocabulary's and
  the style's order and each relation by id; one that would close a cycle is left out.
- Regions are stacked: a region whose nodes sit above another's more often than below
  it comes first, ties by region id, the nodes without a region last.
- Nodes of the view's ``top_types`` (the cooperation itself, councils) that have
  nothing above them sit alone on their region's first level; the other nodes with
  nothing above them one level lower.
- Within a level, nodes follow the position of what they sit under, then their id.

The same nodes and relations give the same levels, whatever their order.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import networkx as nx

from mra_graph.model.views import Style
from mra_graph.model.vocabulary import Vocabulary, vocabulary

__all__ = ["Line", "derive_levels", "evenly", "rank_kinds", "region_order"]


@dataclass(frozen=True)
class Line:
    """A relation as the layering sees it."""

    id: str
    kind: str
    source: str
    target: str


T = TypeVar("T")


def evenly(items: Sequence[T], most: int) -> list[list[T]]:
    """``items`` in as few rows of at most ``most`` as they need, filled evenly and in
    order: nine in rows of four are 3, 3, 3, not 4, 4, 1.

    >>> evenly(list("abcdefghi"), 4)
    [['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i']]
    """
    if not items:
        return []
    per_row = -(-len(items) // -(-len(items) // most))
    return [list(items[i : i + per_row]) for i in range(0, len(items), per_row)]


def rank_kinds(style: Style, vocab: Vocabulary | None = None) -> list[str]:
    """The relation kinds that decide levels, in the order they are taken: the lines of
    responsibility as ``vocab`` (the bundled vocabulary when None) lists them, then the
    kinds the style draws upward."""
    kinds = [k for k, info in (vocab or vocabulary()).relation_kinds.items() if info.responsibility]
    kinds += [k for k, look in style.relations.items() if look.upward and k not in kinds]
    return kinds


def _above(line: Line, style: Style) -> tuple[str, str]:
    """(upper, lower) end of ``line`` as it is drawn."""
    return (line.target, line.source) if style.relation(line.kind).upward else (line.source, line.target)


def region_order(
    groups: Collection[str | None],
    lines: Sequence[Line],
    group_of: Mapping[str, str | None],
    style: Style,
    vocab: Vocabulary | None = None,
) -> list[str | None]:
    """``groups`` (region ids, None for the nodes without one) from the top down: a region
    whose nodes sit above another's, over ``lines`` of the kinds that decide levels, more
    often than below it comes first; ties by id, None after the regions it ties with.

    >>> from mra_graph.model.views import load_style
    >>> line = Line("x.member_of.y", "member_of", "x", "y")
    >>> region_order(["a", "b"], [line], {"x": "a", "y": "b"}, load_style())
    ['b', 'a']
    """
    kinds = set(rank_kinds(style, vocab))
    score = dict.fromkeys(groups, 0)
    for line in lines:
        if line.kind not in kinds or line.source not in group_of or line.target not in group_of:
            continue
        upper, lower = _above(line, style)
        if group_of[upper] != group_of[lower] and group_of[upper] in score and group_of[lower] in score:
            score[group_of[upper]] -= 1
            score[group_of[lower]] += 1
    return sorted(groups, key=lambda g: (score[g], g is None, g or ""))


def _layers(
    nodes: list[str], lines: list[Line], style: Style, top: Collection[str], row_length: int | None = None
) -> list[list[str]]:
    """Longest-path layering of ``nodes`` over ``lines`` (taken in order, each left out
    when it would close a cycle); a level lists its nodes under their uppers' positions.
    The ``top`` nodes with nothing above them are alone on the first level. A level of
    more than ``row_length`` nodes puts those with nothing below them that do not fit
    on further levels just under it, evenly filled (six members of a body side by side
    make a picture too wide to print)."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(nodes)
    for line in lines:
        upper, lower = _above(line, style)
        if upper != lower and not graph.has_edge(upper, lower) and not nx.has_path(graph, lower, upper):
            graph.add_edge(upper, lower)
    heads = {n for n in nodes if n in top and graph.in_degree(n) == 0}
    level: dict[str, int] = {}
    for node in nx.lexicographical_topological_sort(graph):
        uppers = [level[u] + 1 for u in graph.predecessors(node)]
        # with a head on the first level, whatever has nothing above it comes one lower
        level[node] = max(uppers) if uppers else int(bool(heads) and node not in heads)
    layers: list[list[str]] = [[] for _ in range(max(level.values(), default=-1) + 1)]
    for node in sorted(level):
        layers[level[node]].append(node)
    position: dict[str, int] = {}
    result: list[list[str]] = []
    for layer in layers:

        def key(node: str) -> tuple[int, str]:
            uppers = [position[u] for u in graph.predecessors(node)]
            return (min(uppers) if uppers else -1, node)

        layer.sort(key=key)
        for row in _wrapped(layer, graph, row_length):
            position.update((node, len(position)) for node in row)
            result.append(row)
    return result


def _wrapped(layer: list[str], graph: nx.DiGraph[str], row_length: int | None) -> list[list[str]]:
    """``layer`` as one level, or where it holds more than ``row_length`` nodes, its nodes
    with something below them and as many of the others as fit, then the rest of those
    on further levels of at most ``row_length``, evenly filled, in the layer's order."""
    if row_length is None or len(layer) <= row_length:
        return [layer]
    leaves = [n for n in layer if graph.out_degree(n) == 0]
    room = max(0, row_length - (len(layer) - len(leaves)))
    moved = leaves[room:]
    if not moved:
        return [layer]
    away = set(moved)
    return [[n for n in layer if n not in away], *evenly(moved, row_length)]


def derive_levels(
    nodes: Mapping[str, str | None],
    lines: Sequence[Line],
    style: Style,
    *,
    loose: Collection[str] = (),
    top: Collection[str] = (),
    vocab: Vocabulary | None = None,
    row_length: int | None = None,
) -> tuple[tuple[str, ...], ...]:
    """The levels, top down, of ``nodes`` (node id → its region, or None) over ``lines``.

    Lines whose kind or id is in ``loose`` and lines of kinds that do not decide levels
    (:func:`rank_kinds`) are ignored; so are lines to nodes not in ``nodes``. The ``top``
    nodes that have nothing above them sit alone on their region's first level. ``vocab``
    is the model's vocabulary, the bundled one when None. A level holds at most
    ``row_length`` nodes where some have nothing below them (see :func:`_layers`).

    >>> from mra_graph.model.views import load_style
    >>> lines = [Line("b.member_of.a", "member_of", "b", "a"), Line("a.steers.c", "steers", "a", "c")]
    >>> derive_levels({"a": "r", "b": "r", "c": "r"}, lines, load_style())
    (('a',), ('b', 'c'))
    """
    kinds = rank_kinds(style, vocab)
    order = {kind: index for index, kind in enumerate(kinds)}
    ranked = sorted(
        (
            line
            for line in lines
            if line.kind in order
            and line.kind not in loose
            and line.id not in loose
            and line.source in nodes
            and line.target in nodes
        ),
        key=lambda line: (order[line.kind], line.id),
    )
    members: dict[str | None, list[str]] = {}
    for node in sorted(nodes):
        members.setdefault(nodes[node], []).append(node)
    inside: dict[str | None, list[Line]] = {}
    for line in ranked:
        if nodes[line.source] == nodes[line.target]:
            inside.setdefault(nodes[line.source], []).append(line)
    levels: list[tuple[str, ...]] = []
    for group in region_order(list(members), ranked, nodes, style, vocab):
        layers = _layers(members[group], inside.get(group, []), style, top, row_length)
        levels += [tuple(layer) for layer in layers]
    return tuple(levels)
