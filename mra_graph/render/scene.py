"""A view of the model, resolved: which nodes and relations a diagram shows, and how.

A :class:`Scene` is what every output format draws (DOT, Mermaid, the text
alternative), so they cannot disagree. It is computed from the model, a view
definition (``render/views.json``), a date and the caller's options, and holds only
sorted tuples, so the same input gives the same scene.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from mra_graph.errors import RenderError, UsageError
from mra_graph.model.names import resolve
from mra_graph.model.schema import AsOf, GovernanceModel, Node, Relation, Status, status_at
from mra_graph.model.views import Style, ViewDefinition, Views, load_style, load_views
from mra_graph.model.vocabulary import Vocabulary
from mra_graph.present.answer_text import as_of_line, sentence
from mra_graph.questions.queries import check_kind
from mra_graph.render.labels import edge_label_parts, node_notes, node_tooltip
from mra_graph.render.layout import Layout, framed, plan, selected
from mra_graph.words import Lang, worded_error, words

__all__ = ["Cluster", "Scene", "SceneEdge", "SceneNode", "build_scene", "figure_order"]


@dataclass(frozen=True)
class SceneNode:
    """A node as drawn: ``label`` is its distinguishable name in the scene's language."""

    id: str
    label: str
    kind: str
    type: str | None
    cluster: str | None
    status: Status
    emphasised: bool
    notes: tuple[str, ...]
    tooltip: str
    inside: str | None = None


@dataclass(frozen=True)
class SceneEdge:
    """A relation as drawn; ``phrase`` reads it as a sentence ("MRA Bureau ondersteunt …"),
    ``label`` is its ``parts`` joined by commas ("7 burgemeesters, afgeleid")."""

    id: str
    kind: str
    source: str
    target: str
    label: str
    status: Status
    emphasised: bool
    phrase: str
    folded: bool = False
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cluster:
    """A region as drawn; ``look`` is its place among the model's regions by id (its colour)."""

    id: str
    label: str
    nodes: tuple[str, ...]
    look: int = 0


@dataclass(frozen=True)
class Scene:
    view: str
    lang: Lang
    at: dt.date
    title: str
    subtitle: str
    root: str | None
    nodes: tuple[SceneNode, ...]
    edges: tuple[SceneEdge, ...]
    clusters: tuple[Cluster, ...]
    ranks: tuple[tuple[str, ...], ...]
    graph: tuple[tuple[str, str], ...]
    region_nodes: tuple[tuple[str, str], ...] = ()
    unranked: tuple[str, ...] = ()
    emphasis_label: str | None = None
    row_length: int | None = None
    bundle_over: int | None = None
    stack_over: int | None = None
    across: tuple[SceneEdge, ...] = ()
    """In a view drawn for one region, the lines between its nodes and nodes of other
    regions, which it leaves out (the whole model's view draws them)."""
    across_to: str = ""
    """The regions the lines ``across`` lead to, named and listed."""
    vocabulary: Vocabulary = field(kw_only=True, repr=False, compare=False)
    """The vocabulary of the model drawn, whose words the drawing shows."""

    @property
    def nodes_by_id(self) -> dict[str, SceneNode]:
        return {n.id: n for n in self.nodes}


def _kinds(model: GovernanceModel, view: ViewDefinition, relations: Sequence[str] | None) -> set[str] | None:
    """The relation kinds shown: the view's, narrowed to ``relations`` when given."""
    chosen = {check_kind(k, model.vocabulary) for k in relations} if relations is not None else None
    if view.relations is None:
        return chosen
    shown = set(view.relations)
    return shown & chosen if chosen is not None else shown


def _walk(
    view: ViewDefinition,
    root: str,
    model: GovernanceModel,
    visible: Callable[[Relation], bool],
    kinds: set[str] | None,
    depth: int | None,
) -> tuple[dict[str, int], set[str]]:
    """Nodes reached from ``root`` along the view's steps (breadth first) with their level
    (the root's is 0), and the ids of the relations used. Only the relations of the nodes
    reached are looked at, so a walk costs the size of the neighbourhood, not the model."""
    symmetric = {k for k, info in model.vocabulary.relation_kinds.items() if info.symmetric}
    outgoing = model.relations_from
    incoming = model.relations_to

    def allowed(rel: Relation, direction: str) -> bool:
        if kinds is not None and rel.kind not in kinds:
            return False
        for step in view.walk:
            if step.kind not in ("*", rel.kind):
                continue
            if step.direction == "both" or step.direction == direction or rel.kind in symmetric:
                return True
        return False

    reached = [root]
    seen = {root: 0}
    used: set[str] = set()
    frontier = [root]
    level = 0
    while frontier and (depth is None or level < depth):
        level += 1
        nxt: list[str] = []
        for current in frontier:
            steps = [(r, r.to, "out") for r in outgoing.get(current, ())]
            steps += [(r, r.from_, "in") for r in incoming.get(current, ())]
            for rel, other, direction in steps:
                if not visible(rel) or not allowed(rel, direction):
                    continue
                used.add(rel.id)
                if other not in seen:
                    seen[other] = level
                    reached.append(other)
                    nxt.append(other)
        frontier = nxt
    return seen, used


def figure_order(model: GovernanceModel) -> dict[str, int]:
    """Each node counted in a staffing table by where it first comes in the tables (taken
    by id, their rows in the order the source gives them)."""
    order: dict[str, int] = {}
    for table in sorted(model.figures, key=lambda t: t.id):
        for row in table.rows:
            for node in row.nodes:
                order.setdefault(node, len(order))
    return order


def build_scene(
    model: GovernanceModel,
    view_name: str,
    node: str | None = None,
    *,
    at: dt.date,
    lang: Lang = "nl",
    depth: int | None = None,
    relations: Sequence[str] | None = None,
    active_only: bool = False,
    style: Style | None = None,
    views: Views | None = None,
) -> Scene:
    """The scene of view ``view_name``; raises UsageError, UnknownNameError or AmbiguousNameError.

    A day ``at`` beyond the documents' horizon is drawn as of the horizon's nearest end,
    and the subtitle says so.

    >>> import datetime as dt
    >>> from mra_graph import load
    >>> scene = build_scene(load(), "chain", "MRA Bureau", at=dt.date(2017, 6, 1))
    >>> [n.id for n in scene.nodes]
    ['mra-bureau', 'agendacommissie-mra', 'regiegroep-mra', 'werkgeverscommissie-mra']
    """
    if lang not in ("nl", "en"):
        raise worded_error(UsageError, "usage/unknown_language", lang=repr(lang))
    view = (views or Views(load_views())).get(view_name, model)
    style = style or load_style()
    if view.needs_node and node is None:
        bodies = sorted(n.id for n in model.nodes if n.kind.value == "body")
        example = model.nodes_by_id[bodies[0]].name if bodies else ""
        if example:
            raise worded_error(
                UsageError,
                "view_needs_node_like",
                view=repr(view_name),
                name=view_name,
                example=repr(example),
            )
        raise worded_error(UsageError, "view_needs_node", view=repr(view_name))
    if not view.needs_node and node is not None:
        raise worded_error(UsageError, "view_takes_no_node", view=repr(view_name))
    if depth is not None and (depth < 1 or not view.walk):
        if depth < 1:
            raise worded_error(UsageError, "depth_too_small", depth=depth)
        raise worded_error(UsageError, "view_takes_no_depth", view=repr(view_name))
    kinds = _kinds(model, view, relations)
    when = model.as_of(at)
    at = when.used

    def visible(item: Node | Relation) -> bool:
        return not active_only or status_at(item, at) is Status.ACTIVE

    root: str | None = None
    used: set[str] = set()
    levels: dict[str, int] = {}
    if node is not None:
        root = resolve(model, node).id
        if not visible(model.nodes_by_id[root]):
            state = status_at(model.nodes_by_id[root], at).value
            raise worded_error(
                UsageError,
                "usage/left_out_inactive",
                name=repr(model.label(root, lang)),
                status=state,
                at=at,
            )
        levels, used = _walk(view, root, model, visible, kinds, depth if depth is not None else view.depth)
        if view_name == "chain" and len(levels) < 2:
            # a chain of one box is no chain: refused, in the words the `chain` command uses
            raise _nothing_around(model, view_name, root, lang, narrowed=relations is not None or active_only)
        ids = list(levels)
        # the relations among the nodes reached, found through the nodes themselves
        candidates = [r for n in ids for r in model.relations_from.get(n, ())]
    else:
        ids = [i for i in selected(model, view) if visible(model.nodes_by_id[i])]
        candidates = list(model.relations)
        if not ids:
            raise _nothing_to_draw(model, view_name, view, at, active_only, lang)
    shown = set(ids)
    edges = [
        r
        for r in candidates
        if r.from_ in shown and r.to in shown and (kinds is None or r.kind in kinds) and visible(r)
    ]
    across = _across(model, view, shown, kinds, visible) if root is None else []
    walked_only = view.walked_only_over is not None and len(levels) - 1 > view.walked_only_over
    unframed = walked_only and framed(model, view, ids)
    if unframed:
        # a hub's neighbours in region frames leave too little room beside the frames
        view = view.model_copy(update={"group_by_region": False})
    arranged = plan(model, view, ids, edges, style)
    if walked_only:
        # a hub's neighbours have lines of their own among them, too many to read beside
        # the hub's; a part keeps its line to the group it is folded into
        edges = [r for r in edges if r.id in used or r.from_ in arranged.folded]
    # the order the nodes are drawn in, whatever the order of the model file's lists: in a
    # walked view level by level from the root (alone on the first), else
    # level by level from the top as the view lists them; then those not active on the day
    # last (a group lists its planned parts after its others), then in the order of the
    # staffing tables (the head of a bureau before its staff), then by id
    placed = {n: (i, p) for i, rank in enumerate(arranged.ranks) for p, n in enumerate(rank)}
    rows = figure_order(model)
    last = (len(arranged.ranks), 0)
    ids = sorted(
        ids,
        key=lambda n: (
            levels.get(n, 0),
            placed.get(n, last),
            status_at(model.nodes_by_id[n], at) is not Status.ACTIVE,
            rows.get(n, len(rows)),
            n,
        ),
    )
    position = {n: i for i, n in enumerate(ids)}
    edges.sort(key=lambda r: (position[r.from_], position[r.to], r.kind, r.id))
    across.sort(
        key=lambda r: (min(position.get(r.from_, len(ids)), position.get(r.to, len(ids))), r.kind, r.id)
    )
    return _assemble(
        model,
        view_name,
        view,
        style,
        ids,
        edges,
        root,
        used,
        when,
        lang,
        arranged,
        walked_only,
        unframed,
        across,
    )


def _across(
    model: GovernanceModel,
    view: ViewDefinition,
    shown: set[str],
    kinds: set[str] | None,
    visible: Callable[[Node | Relation], bool],
) -> list[Relation]:
    """The lines a view drawn for one region leaves out because their other end lies in
    another region: of the view's kinds, shown on the day, from or to a node drawn."""
    if view.region is None:
        return []
    found = []
    for rel in model.relations:
        if (rel.from_ in shown) == (rel.to in shown) or (kinds is not None and rel.kind not in kinds):
            continue
        other = model.nodes_by_id[rel.to if rel.from_ in shown else rel.from_]
        if other.region is not None and other.region != view.region and visible(rel) and visible(other):
            found.append(rel)
    return found


def _nothing_around(model: GovernanceModel, name: str, root: str, lang: Lang, narrowed: bool) -> RenderError:
    label = model.label(root, lang)
    w = words(lang, model.lang)
    if not narrowed:
        error = RenderError(w("answers", "no_chain", label=label))
    else:
        error = RenderError(w("diagram", "nothing_around", view=name, label=label))
    error.lang = lang
    return error


def _nothing_to_draw(
    model: GovernanceModel, name: str, view: ViewDefinition, at: dt.date, active_only: bool, lang: Lang
) -> RenderError:
    """The error of a whole-model view that selects nothing, in ``lang``."""
    w, voc = words(lang, model.lang), model.vocabulary
    select = view.select
    kinds = [voc.type_name(k, None, lang) for k in select.kinds] if select and select.kinds else []
    what = f" {w('errors', 'or')} ".join(kinds) or w("diagram", "any_node")
    where = w("diagram", "in_regions", regions=", ".join(select.regions)) if select and select.regions else ""
    if active_only and selected(model, view):
        text = w("diagram", "nothing_active", view=name, what=what, where=where, date=at.isoformat())
    else:
        text = w("diagram", "nothing_to_draw", view=name, what=what, where=where)
    error = RenderError(text)
    error.lang = lang
    return error


def _assemble(
    model: GovernanceModel,
    name: str,
    view: ViewDefinition,
    style: Style,
    ids: list[str],
    edges: list[Relation],
    root: str | None,
    used: set[str],
    when: AsOf,
    lang: Lang,
    arranged: Layout,
    walked_only: bool = False,
    unframed: bool = False,
    across: Sequence[Relation] = (),
) -> Scene:
    voc = model.vocabulary
    at = when.used
    nodes = []
    for node_id in ids:
        n = model.nodes_by_id[node_id]
        status = status_at(n, at)
        nodes.append(
            SceneNode(
                id=n.id,
                label=model.label(n.id, lang),
                kind=n.kind.value,
                type=n.type,
                cluster=arranged.clusters[n.id],
                status=status,
                emphasised=view.emphasise_root and n.id == root,
                notes=node_notes(model, n, status, at, lang, staffing=view.staffing),
                tooltip=node_tooltip(model, n, status, lang),
            )
        )

    def as_drawn(rel: Relation) -> SceneEdge:
        parts = edge_label_parts(model, rel, lang)
        return SceneEdge(
            id=rel.id,
            kind=rel.kind,
            source=rel.from_,
            target=rel.to,
            label=", ".join(parts),
            parts=parts,
            status=status_at(rel, at),
            emphasised=view.emphasise_walk and rel.id in used,
            phrase=sentence(model, rel, lang)
            if rel.kind in voc.relation_kinds
            else f"{model.label(rel.from_, lang)} {rel.kind} {model.label(rel.to, lang)}",
        )

    scene_edges = [as_drawn(rel) for rel in edges]
    if all(e.emphasised for e in scene_edges):
        # a highlight on every line tells nothing apart: the lines keep their own look
        scene_edges = [replace(e, emphasised=False) for e in scene_edges]
    nodes, scene_edges = _fold(arranged.folded, nodes, scene_edges)
    clusters = []
    # a region keeps its colour in every view: its place among the model's regions by id
    looks = {region: i for i, region in enumerate(sorted(model.regions_by_id))}
    # each region where its first node comes, so the order follows the nodes' order
    members: dict[str, list[str]] = {}
    for drawn in nodes:
        if drawn.cluster is not None:
            members.setdefault(drawn.cluster, []).append(drawn.id)
    for region_id, ids_in in members.items():
        region = model.regions_by_id[region_id]
        label = words(lang, model.lang).pick(region.name, region.name_en)
        clusters.append(Cluster(region.id, label, tuple(ids_in), looks[region.id]))
    model_title = words(lang, model.lang).pick(model.title, model.title_en)
    drawn_for = model.regions_by_id.get(view.region or "")
    region_name = (
        words(lang, model.lang).pick(drawn_for.name, drawn_for.name_en) if drawn_for is not None else ""
    )
    template = view.title.text(lang)
    title = (
        template.replace("{node}", model.label(root, lang) if root else "")
        .replace("{model}", model_title)
        .replace("{region}", region_name)
    )
    as_of = as_of_line(when, lang, short=True)
    if walked_only and root is not None:
        as_of += " · " + words(lang)("diagram", "walked_only_unframed" if unframed else "walked_only")
    across_to = _across_regions(model, across, ids, lang)
    return Scene(
        view=name,
        lang=lang,
        at=at,
        title=title,
        # the model's title under the view's, unless the view's title already is it
        subtitle=as_of if "{model}" in template else f"{model_title} · {as_of}",
        root=root,
        nodes=tuple(nodes),
        edges=tuple(scene_edges),
        clusters=tuple(clusters),
        ranks=arranged.ranks,
        graph=tuple(sorted(view.graph.items())),
        unranked=tuple(sorted(view.unranked)),
        emphasis_label=view.emphasis_label.text(lang) if view.emphasis_label else None,
        region_nodes=arranged.region_nodes,
        row_length=view.row_length,
        bundle_over=view.bundle_over,
        stack_over=view.stack_over,
        across=tuple(as_drawn(rel) for rel in across),
        across_to=across_to,
        vocabulary=voc,
    )


def _across_regions(
    model: GovernanceModel, across: Sequence[Relation], drawn: Sequence[str], lang: Lang
) -> str:
    """The regions the lines ``across`` lead to, from the nodes ``drawn``, named and listed
    in the order of the model's regions."""
    shown = set(drawn)
    ends = {model.nodes_by_id[r.to if r.from_ in shown else r.from_].region for r in across}
    w = words(lang, model.lang)
    return w.listing([w.pick(r.name, r.name_en) for r in model.regions if r.id in ends])


def _fold(
    folded: dict[str, str], nodes: list[SceneNode], edges: list[SceneEdge]
) -> tuple[list[SceneNode], list[SceneEdge]]:
    """Mark the ``folded`` parts and their lines."""
    nodes = [replace(n, inside=folded[n.id]) if n.id in folded else n for n in nodes]
    edges = [replace(e, folded=True) if e.source in folded else e for e in edges]
    return nodes, edges
