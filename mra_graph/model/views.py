"""The view definitions (``render/views.json``) and the style sheet (``render/style.json``).

Both are data so that a view or a colour changes with an edit to a JSON file, not to
code. They are read through :func:`mra_graph.model.vocabulary.data_file`, so they are found in
a source checkout and in an installed wheel alike; a broken file is a
:class:`~mra_graph.errors.RenderError` naming the file and the problem.

The bundled views work for any model: they select by node kind and region, take their
title from the model, and derive their levels from the relations. A model may add a
*view file* of its own beside it (``organen.views.json`` beside ``organen.json``) that
changes fields of a view for that model only, e.g. a title of its own or hand-tuned
levels; :class:`Views` holds both and gives each view as the model sees it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from mra_graph.errors import RenderError, UsageError
from mra_graph.model.schema import GovernanceModel, Strict
from mra_graph.model.vocabulary import bundled_model_path, data_file
from mra_graph.words import Lang, worded_error

__all__ = [
    "EdgeStyle",
    "NodeStyle",
    "Step",
    "Style",
    "ViewDefinition",
    "Views",
    "load_style",
    "load_views",
    "model_views",
    "view_file_for",
]


class Texts(Strict):
    nl: str
    en: str

    def text(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl


class Related(Strict):
    """Nodes of these kinds that have a relation of these kinds with a node already selected."""

    kinds: list[str] = Field(default_factory=list)
    relations: list[str] = Field(default_factory=list)


class Selection(Strict):
    """Which nodes a view without a root node shows: these kinds in these regions (every
    region when none is named), the ``related`` nodes of those, plus ``include``."""

    kinds: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    related: Related | None = None
    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)


class Step(Strict):
    """One way a view walks from its root: a relation kind (``*`` for any) in a direction.

    ``out`` follows relations from the node reached to the next, ``in`` against them.
    """

    kind: str
    direction: Literal["in", "out", "both"]


class ViewDefinition(Strict):
    title: Texts = Field(
        description="The diagram's title; '{node}' becomes the root's label, '{model}' the model's "
        "title and '{region}' the region's name."
    )
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
    derive_levels: bool = Field(
        default=False,
        description="Without ranks, derive the levels from the relations (see mra_graph.render.levels).",
    )
    per_region: bool = Field(
        default=False,
        description="A view for each region of the model: its name holds '{region}' for the region id.",
    )
    region: str | None = Field(default=None, description="The region a per-region view is drawn for.")
    top_types: list[str] = Field(
        default_factory=list,
        description="Node types that, with nothing above them, sit on their region's first level alone.",
    )
    region_node_types: list[str] = Field(
        default_factory=list,
        description="Node types that stand for their region when a region has exactly one of them.",
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
    row_length: int | None = Field(
        default=None,
        ge=2,
        description=(
            "Most lines' ends side by side under one node, and in levels derived from the "
            "relations the most nodes side by side where some have nothing below them: more "
            "go on further rows."
        ),
    )
    bundle_over: int | None = Field(
        default=None,
        ge=1,
        description=(
            "Where the root has more than this many lines of one kind, look and label to "
            "nodes with no other line, draw them as one line to a box listing those nodes."
        ),
    )
    stack_over: int | None = Field(
        default=None,
        ge=1,
        description=(
            "Where more than this many boxes stand around the root once its lines are bundled, "
            "stack its other neighbours with no other line, on one side of it and in one region, "
            "in one box; each keeps its own line, drawn to its place in the box."
        ),
    )
    walked_only_over: int | None = Field(
        default=None,
        ge=1,
        description=(
            "Where the walk reaches more than this many nodes besides the root, draw only the "
            "lines walked, not those among the nodes reached, and no region frames; the "
            "subtitle says so."
        ),
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


class LineStatus(Strict):
    """How a line that is not active on the day is drawn: its kind's colour and arrowhead,
    in this ``style`` (dashed, dotted), its colour at ``opacity`` (two hex digits)."""

    style: str
    opacity: str = Field(pattern="^[0-9A-Fa-f]{2}$")


class Emphasis(Strict):
    """A highlighted node's border (``line``, ``penwidth``); a highlighted line keeps its
    kind's look and is cased in ``halo``."""

    line: str
    penwidth: float
    halo: str


class Style(Strict):
    font: str
    font_size: float
    title_size: float
    subtitle_size: float
    edge_font_size: float
    wrap: int = Field(ge=8)
    palette: dict[str, str]
    graph: dict[str, str]
    clusters: list[ClusterStyle] = Field(
        min_length=1, description="Looks of the regions, taken in the order of their ids and then again."
    )
    nodes: dict[str, NodeStyle]
    statuses: dict[str, StatusStyle]
    line_statuses: dict[str, LineStatus] = Field(default_factory=dict)
    emphasis: Emphasis
    relations: dict[str, EdgeStyle]
    default_relation: EdgeStyle

    def node(self, kind: str, type_: str | None) -> NodeStyle:
        """The style of a node: its ``kind.type`` entry, else its kind's, else a plain box."""
        found = self.nodes.get(f"{kind}.{type_}") or self.nodes.get(kind)
        return found or NodeStyle(shape="box", style="filled", fill="#FFFFFF", line="#000000")

    def relation(self, kind: str) -> EdgeStyle:
        return self.relations.get(kind, self.default_relation)

    def cluster(self, position: int) -> ClusterStyle:
        """The look of the region at ``position`` among the model's regions by id."""
        return self.clusters[position % len(self.clusters)]


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


@dataclass(frozen=True)
class Views:
    """The views as one model sees them: the bundled ones, and its own view file over them.

    ``own`` maps a view name to the fields the model's view file sets: they replace the
    bundled view's fields of the same name (a name the bundled views lack needs every
    field of a view). ``file`` is where ``own`` was read, for error messages.
    """

    bundled: Mapping[str, ViewDefinition]
    own: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    file: Path | None = None

    def _templates(self) -> dict[str, ViewDefinition]:
        return {name: view for name, view in self.bundled.items() if view.per_region}

    def names(self, model: GovernanceModel | None = None) -> list[str]:
        """The view names, sorted; a per-region view once per region of ``model`` (as
        written, e.g. ``overview-{region}``, without a model). With a model, a bundled
        view of the whole model that would select none of its nodes is no view of it
        (a model's own views are all offered)."""
        names = {
            name
            for name, view in self.bundled.items()
            if not view.per_region and (model is None or view.needs_node or draws_something(view, model))
        }
        for name, template in self._templates().items():
            if model is None:
                names.add(name)
            else:
                names.update(name.replace("{region}", region) for region in _drawn_regions(template, model))
        names.update(self.own)
        return sorted(names)

    def get(self, name: str, model: GovernanceModel) -> ViewDefinition:
        """The view ``name`` for ``model``. Raises :class:`UsageError` for a name that is
        no view, :class:`RenderError` for a broken entry in the model's view file."""
        base = self.bundled.get(name)
        if base is not None and base.per_region:
            base = None
        for template_name, template in self._templates().items():
            for region in model.regions:
                if base is None and template_name.replace("{region}", region.id) == name:
                    select = template.select or Selection()
                    base = template.model_copy(
                        update={
                            "per_region": False,
                            "region": region.id,
                            "select": select.model_copy(update={"regions": [region.id]}),
                        }
                    )
        own = self.own.get(name)
        if own is None:
            if base is None:
                known = ", ".join(self.names(model))
                raise worded_error(UsageError, "unknown_view", view=repr(name), views=known)
            return base
        merged = {**(base.model_dump() if base is not None else {}), **own}
        try:
            return ViewDefinition.model_validate(merged)
        except ValidationError as error:
            first = error.errors()[0]
            where = "/".join(str(p) for p in (name, *first["loc"]))
            raise RenderError(f"{self.file} /{where}: {first['msg']}") from error

    def check(self, model: GovernanceModel) -> None:
        """Raise :class:`RenderError` for the first view of the model's view file that is
        not a valid view for ``model``, or that names a node or region the model lacks."""
        for name in sorted(self.own):
            view = self.get(name, model)
            named = [(f"ranks/{i}/{j}", n) for i, rank in enumerate(view.ranks) for j, n in enumerate(rank)]
            if view.select is not None:
                named += [(f"select/include/{i}", n) for i, n in enumerate(view.select.include)]
                named += [(f"select/exclude/{i}", n) for i, n in enumerate(view.select.exclude)]
            named += [(f"cluster_of/{n}", n) for n in view.cluster_of]
            named += [(f"region_nodes/{r}", n) for r, n in view.region_nodes.items()]
            for where, node in named:
                if node not in model.nodes_by_id:
                    raise worded_error(
                        RenderError,
                        "views/unknown_node",
                        file=self.file,
                        where=f"{name}/{where}",
                        node=repr(node),
                    )
            regions = [*view.cluster_of.values(), *view.region_nodes]
            regions += view.select.regions if view.select is not None else []
            for region in regions:
                if region not in model.regions_by_id:
                    raise worded_error(
                        RenderError, "views/unknown_region", file=self.file, where=name, region=repr(region)
                    )


def draws_something(view: ViewDefinition, model: GovernanceModel) -> bool:
    """Whether a view of the whole model selects a node of ``model`` (on any day); one
    that needs a node draws what its node leads to, so it is taken to."""
    if view.needs_node:
        return True
    select = view.select
    if select is None:
        return False
    if (set(select.include) - set(select.exclude)) & set(model.nodes_by_id):
        return True
    found = _regions_of_kinds(select, model)
    return bool(found & set(select.regions)) if select.regions else bool(found)


def _drawn_regions(template: ViewDefinition, model: GovernanceModel) -> list[str]:
    """The ids of the regions of ``model`` for which the per-region view ``template``
    selects a node: every region where it includes one by id, else those holding a
    node of its kinds."""
    select = template.select or Selection()
    if (set(select.include) - set(select.exclude)) & set(model.nodes_by_id):
        return [r.id for r in model.regions]
    found = _regions_of_kinds(select, model)
    return [r.id for r in model.regions if r.id in found]


def _regions_of_kinds(select: Selection, model: GovernanceModel) -> set[str | None]:
    """The regions (None for none) of the nodes of the kinds ``select`` names, but those it excludes."""
    exclude = set(select.exclude)
    return {
        n.region
        for n in model.nodes
        if (not select.kinds or n.kind.value in select.kinds) and n.id not in exclude
    }


def view_file_for(model_path: str | os.PathLike[str] | None) -> Path:
    """Where the view file of a model file would be: ``NAME.views.json`` beside ``NAME.json``
    (beside the bundled model when ``model_path`` is None)."""
    path = Path(model_path) if model_path is not None else bundled_model_path()
    return path.with_name(f"{path.stem}.views.json")


def model_views(model_path: str | os.PathLike[str] | None = None) -> Views:
    """The views for the model file ``model_path`` (the bundled model when None): the
    bundled views, with the model's own view file over them where it has one.

    Raises :class:`RenderError` when that file cannot be read or is not an object of views.
    """
    file = view_file_for(model_path)
    if not file.is_file():
        return Views(load_views())
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RenderError(f"{file}: cannot be read: {error}") from error
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise RenderError(f"{file}: must hold an object of views, each an object of fields")
    unknown = sorted({key for view in data.values() for key in view} - set(ViewDefinition.model_fields))
    if unknown:
        raise RenderError(
            f"{file}: {unknown[0]!r} is no field of a view; use {', '.join(ViewDefinition.model_fields)}"
        )
    return Views(load_views(), data, file)


@cache
def load_style() -> Style:
    """The style sheet ``render/style.json``. Raises :class:`RenderError`."""
    try:
        return Style.model_validate(_read("style.json"))
    except ValidationError as error:
        raise _invalid("style.json", error) from error
