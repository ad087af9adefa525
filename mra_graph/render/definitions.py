"""The view definitions (``render/views.json``) and the style sheet (``render/style.json``).

Both are data so that a view or a colour changes with an edit to a JSON file, not to
code. They are read through :func:`mra_graph.resources.data_file`, so they are found in
a source checkout and in an installed wheel alike; a broken file is a
:class:`~mra_graph.errors.RenderError` naming the file and the problem.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from mra_graph.errors import RenderError
from mra_graph.model import Strict
from mra_graph.resources import data_file
from mra_graph.words import Lang

__all__ = [
    "EdgeStyle",
    "NodeStyle",
    "Step",
    "Style",
    "ViewDefinition",
    "load_style",
    "load_views",
]


class Texts(Strict):
    nl: str
    en: str

    def text(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl


class Selection(Strict):
    """Which nodes a view without a root node shows: these kinds in these regions, plus ``include``."""

    kinds: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)


class Step(Strict):
    """One way a view walks from its root: a relation kind (``*`` for any) in a direction.

    ``out`` follows relations from the node reached to the next, ``in`` against them.
    """

    kind: str
    direction: Literal["in", "out", "both"]


class ViewDefinition(Strict):
    title: Texts = Field(description="The diagram's title; '{node}' is replaced by the root's label.")
    about: Texts = Field(description="One line saying what the view shows, for help texts.")
    needs_node: bool
    select: Selection | None = None
    walk: list[Step] = Field(default_factory=list)
    depth: int | None = Field(default=None, ge=1, description="Default walking depth; none is unlimited.")
    relations: list[str] | None = Field(default=None, description="Relation kinds shown; none is every kind.")
    group_by_region: bool = False
    cluster_of: dict[str, str] = Field(default_factory=dict, description="Region to draw a node in.")
    ranks: list[list[str]] = Field(
        default_factory=list, description="Levels from the top down; the nodes of each are kept level."
    )
    emphasise_root: bool = False
    emphasise_walk: bool = False
    emphasis_label: Texts | None = Field(
        default=None, description="What the legend calls a highlighted line."
    )
    staffing: bool = Field(default=False, description="Show the staffing figures (fte) of posts.")
    fold_into: list[str] = Field(
        default_factory=list,
        description="Node types that draw their parts inside their box (a part with no other line).",
    )
    unranked: list[str] = Field(
        default_factory=list,
        description="Relation kinds or ids that do not decide levels (long lines between regions).",
    )
    region_nodes: dict[str, str] = Field(
        default_factory=dict,
        description="Region → the node that stands for it; lines from outside end at the region's border.",
    )
    graph: dict[str, str] = Field(default_factory=dict, description="Extra Graphviz graph attributes.")


class NodeStyle(Strict):
    shape: str
    style: str
    fill: str
    line: str
    penwidth: float = 1.0
    peripheries: int = 1


class StatusStyle(Strict):
    style: str
    line: str
    font: str
    fill: str | None = None


class EdgeStyle(Strict):
    color: str
    style: str
    arrowhead: str
    penwidth: float = 1.0
    upward: bool = Field(
        default=False,
        description="Drawn with its target above its source (support, membership, preparation).",
    )


class ClusterStyle(Strict):
    fill: str
    line: str
    style: str


class Emphasis(Strict):
    line: str
    penwidth: float


class Style(Strict):
    font: str
    font_size: float
    title_size: float
    subtitle_size: float
    edge_font_size: float
    wrap: int = Field(ge=8)
    palette: dict[str, str]
    graph: dict[str, str]
    clusters: dict[str, ClusterStyle]
    nodes: dict[str, NodeStyle]
    statuses: dict[str, StatusStyle]
    emphasis: Emphasis
    relations: dict[str, EdgeStyle]
    default_relation: EdgeStyle

    def node(self, kind: str, type_: str | None) -> NodeStyle:
        """The style of a node: its ``kind.type`` entry, else its kind's, else a plain box."""
        found = self.nodes.get(f"{kind}.{type_}") or self.nodes.get(kind)
        return found or NodeStyle(shape="box", style="filled", fill="#FFFFFF", line="#000000")

    def relation(self, kind: str) -> EdgeStyle:
        return self.relations.get(kind, self.default_relation)

    def cluster(self, region: str) -> ClusterStyle:
        return self.clusters.get(region) or self.clusters["other"]


def _read(name: str) -> object:
    path = data_file("render", name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RenderError(f"{path}: cannot be read: {error}") from error


def _invalid(name: str, error: ValidationError) -> RenderError:
    first = error.errors()[0]
    where = "/" + "/".join(str(p) for p in first["loc"])
    return RenderError(f"{data_file('render', name)} {where}: {first['msg']}")


@cache
def load_views() -> dict[str, ViewDefinition]:
    """Every view of ``render/views.json`` by name. Raises :class:`RenderError`."""
    data = _read("views.json")
    if not isinstance(data, dict):
        raise RenderError(f"{data_file('render', 'views.json')}: must hold an object of views")
    try:
        return {name: ViewDefinition.model_validate(view) for name, view in data.items()}
    except ValidationError as error:
        raise _invalid("views.json", error) from error


@cache
def load_style() -> Style:
    """The style sheet ``render/style.json``. Raises :class:`RenderError`."""
    try:
        return Style.model_validate(_read("style.json"))
    except ValidationError as error:
        raise _invalid("style.json", error) from error


def view_path() -> Path:
    return data_file("render", "views.json")
