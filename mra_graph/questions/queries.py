"""Questions about the model as pure functions: who relates to whom, on a given day.

Every function takes the date it answers for (``at``; ``None`` means every recorded
fact regardless of its period) and sees only the nodes and relations active then.
A node is given by its id or by any of its names (``"MRA Bureau"``); a name that fits no
node raises :class:`~mra_graph.errors.UnknownNameError`, one that fits several
:class:`~mra_graph.errors.AmbiguousNameError`.
Results are frozen dataclasses that keep the :class:`~mra_graph.model.schema.Relation`
behind each answer, so its attributes and sources can be shown. Results are sorted,
so the same model and arguments always give the same answer in the same order.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Literal

from mra_graph.errors import MraGraphError, UnknownRelationKindError
from mra_graph.model.names import resolve
from mra_graph.model.schema import (
    Conflict,
    FigureTable,
    GovernanceModel,
    Node,
    NodeKind,
    Relation,
    Scope,
    Source,
    Status,
    holds_at,
    status_at,
)
from mra_graph.model.vocabulary import COMPOSITION, Vocabulary

__all__ = [
    "MAX_CHAINS",
    "MAX_PATHS",
    "Change",
    "Composition",
    "Diff",
    "Direction",
    "Formation",
    "FormationRow",
    "Hit",
    "Neighbourhood",
    "Rename",
    "Step",
    "chains",
    "check_kind",
    "composition_kinds",
    "diff",
    "formation",
    "members",
    "neighbourhood",
    "paths",
    "related",
    "relations_of",
]

Direction = Literal["incoming", "outgoing"]
MAX_CHAINS = 1000
MAX_PATHS = 100
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Hit:
    """One node a query found, with the relation that links it.

    ``depth`` is 1 for a direct relation of the subject; in a transitive query it is
    the number of steps, and ``via`` is the id of the node that ``relation`` joins.
    ``group`` is set when the relation reaches the subject through a group it belongs
    to: the relation names the group with scope ``each_member`` on that end, so it holds
    for the subject as one of the group's members or parts. The relation's own
    ``modality``, ``from_scope`` and ``to_scope`` say how firmly and for whom it holds.
    """

    node: Node
    relation: Relation
    depth: int = 1
    via: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class Composition:
    """Who or what makes up a body: its members and parts, and the size the model gives."""

    subject: Node
    size: int | None
    hits: tuple[Hit, ...]
    conflicts: tuple[Conflict, ...] = ()
    """The recorded conflicts that name the subject (its size among them, where disputed)."""
    vocabulary: Vocabulary = field(kw_only=True, repr=False, compare=False)
    """The vocabulary of the model the composition is of, which says what a member is."""

    @property
    def counted(self) -> int | None:
        """The sum of the members' counts when every member has one (none 'per' something):
        see :func:`member_count`."""
        hits = self.counted_hits
        counts = [member_count(h, self.vocabulary) for h in hits]
        if not counts or any(c is None or h.relation.per for c, h in zip(counts, hits, strict=True)):
            return None
        return sum(c or 0 for c in counts)

    @property
    def at_least(self) -> int:
        """The fewest members the counts given add up to (``1 per council`` is one at
        least), for when :attr:`counted` is unknown; 0 when no count is given."""
        return sum(member_count(h, self.vocabulary) or 0 for h in self.counted_hits)

    @property
    def counted_hits(self) -> tuple[Hit, ...]:
        """The hits a count of members counts: the members where it has any (a combined
        authority's councils, not the board that is a part of it), else its parts (the
        posts a team is made of)."""
        members = tuple(h for h in self.hits if self.vocabulary.role(h.relation.kind) == "membership")
        return members or self.hits


def member_count(hit: Hit, vocab: Vocabulary) -> int | None:
    """How many a member of a composition is: the count its relation states, else one for
    a single body or organisation that is a member (a council is one member; a node whose
    name means several, a post, or a part such as a group of meetings may be more), else
    unknown."""
    if hit.relation.count is not None:
        return hit.relation.count
    member = vocab.role(hit.relation.kind) == "membership"
    single = member and hit.node.kind.value in ("body", "organisation") and not hit.node.plural
    if single and hit.relation.from_scope is None and hit.relation.to_scope is None:
        return 1
    return None


@dataclass(frozen=True)
class Step:
    """A relation on a chain or path; ``source`` and ``target`` are the relation's own ends.

    ``forward`` tells whether the walk goes from ``source`` to ``target`` (True) or
    against the relation's direction (False).
    """

    source: Node
    relation: Relation
    target: Node
    forward: bool = True


@dataclass(frozen=True)
class Neighbourhood:
    """Everything within ``depth`` relations of ``center``, in either direction."""

    center: Node
    depth: int
    nodes: tuple[Node, ...]
    relations: tuple[Relation, ...]


@dataclass(frozen=True)
class Change:
    """A node or relation whose status differs between two dates."""

    item: Node | Relation
    what: Literal["node", "relation"]
    before: Status
    after: Status


@dataclass(frozen=True)
class Diff:
    """What appeared (``added``), ended or otherwise changed status from ``start`` to ``end``."""

    start: dt.date
    end: dt.date
    added: tuple[Change, ...]
    ended: tuple[Change, ...]
    changed: tuple[Change, ...]
    renamed: tuple[Rename, ...] = ()


@dataclass(frozen=True)
class Rename:
    """A node called ``old`` until ``on`` and ``new`` from then: the same node (its id
    kept, the old name a former name), or ``successor``, a node of the same kind, type and
    region that began the day ``node`` ended, with every relation ``node`` had."""

    node: Node
    old: str
    new: str
    on: dt.date
    successor: Node | None = None


@dataclass(frozen=True)
class FormationRow:
    """One line of the staffing table with what can be computed from it.

    ``difference`` is the last year's value minus the first's; ``computed`` holds, for a
    row that totals others, the sum of those rows per year. ``consistent`` is False when
    the stated difference or a stated total disagrees with the computed one.
    """

    id: str
    label: str
    label_en: str | None
    unit: str | None
    unit_en: str | None
    values: dict[str, float]
    difference: float
    stated_difference: float | None
    total_of: tuple[str, ...] | None
    computed: dict[str, float] | None
    consistent: bool
    nodes: tuple[str, ...]
    sources: tuple[Source, ...]
    conflicts: tuple[str, ...] = ()
    """Ids of the recorded conflicts that name this row."""

    @property
    def checked(self) -> bool:
        """Whether the source gives anything to check the row against: a stated difference,
        or rows it is the total of. An unchecked row is neither right nor wrong."""
        return self.stated_difference is not None or self.total_of is not None


@dataclass(frozen=True)
class Formation:
    """A staffing table: its years, unit, reliability note and rows."""

    id: str
    title: str
    title_en: str | None
    unit: str
    note: str | None
    note_en: str | None
    years: tuple[str, ...]
    rows: tuple[FormationRow, ...]
    conflicts: tuple[str, ...] = ()
    """Ids of the recorded conflicts that name the table (its unit, say)."""

    @property
    def consistent(self) -> bool:
        return all(row.consistent for row in self.rows)


def check_kind(kind: str, vocab: Vocabulary) -> str:
    """``kind`` if ``vocab`` has it; raises :class:`UnknownRelationKindError`."""
    kinds = vocab.relation_kinds
    if kind not in kinds:
        raise UnknownRelationKindError(kind, difflib.get_close_matches(kind, list(kinds), n=3, cutoff=0.6))
    return kind


def _node(model: GovernanceModel, node_id: str) -> Node:
    """The node an id or a name means; raises UnknownNameError or AmbiguousNameError."""
    return model.nodes_by_id.get(node_id) or resolve(model, node_id)


def composition_kinds(vocab: Vocabulary) -> tuple[str, ...]:
    """The relation kinds that make a node a group: its membership kinds, then its part kinds."""
    return vocab.kinds_with(*COMPOSITION)


def _label_key(model: GovernanceModel, hit: Hit) -> tuple[int, str, str]:
    return (hit.depth, model.labels[hit.node.id].casefold(), hit.relation.id)


def _groups(model: GovernanceModel, node_id: str, at: dt.date | None) -> list[str]:
    """The groups ``node_id`` is a member or part of on ``at``, each once, in order."""
    found = _edges(model, node_id, composition_kinds(model.vocabulary), "outgoing", at)
    return list(dict.fromkeys(other for other, _ in found))


def _scoped_edges(
    model: GovernanceModel, node_id: str, kinds: Iterable[str], direction: Direction, at: dt.date | None
) -> Iterator[tuple[str, Relation, str | None]]:
    """As :func:`_edges`, plus the relations that reach ``node_id`` through a group.

    A relation into group G with ``to_scope`` ``each_member`` holds for each member of G,
    so asking who relates *to* a member finds it (third item: G); likewise a relation
    out of G with ``from_scope`` ``each_member`` when asking whom a member relates to.
    """
    wanted = tuple(kinds)
    for other, relation in _edges(model, node_id, wanted, direction, at):
        yield other, relation, None
    for group in _groups(model, node_id, at):
        for other, relation in _edges(model, group, wanted, direction, at):
            scope = relation.to_scope if direction == "incoming" else relation.from_scope
            if scope is Scope.EACH_MEMBER and other != node_id:
                yield other, relation, group


def _edges(
    model: GovernanceModel, node_id: str, kinds: Iterable[str], direction: Direction, at: dt.date | None
) -> Iterator[tuple[str, Relation]]:
    """``(other end, relation)`` of every active relation of ``kinds`` at ``node_id``.

    Read from the model's own indexes of relations by end, not from a graph of the whole
    model: a query on a national model asks about a few nodes. A relation of a symmetric
    kind counts from both ends. In the model's order of relations.
    """
    nodes = model.nodes_by_id
    node = nodes.get(node_id)
    if node is None or (at is not None and not holds_at(node, at)):
        return
    wanted = set(kinds)
    incoming = direction == "incoming"
    own = (model.relations_to if incoming else model.relations_from).get(node_id, [])
    found = [(r, r.from_ if incoming else r.to) for r in own if r.kind in wanted]
    symmetric = wanted & _symmetric_kinds(model.vocabulary)
    if symmetric:
        # a symmetric relation recorded the other way round holds this way too
        back = (model.relations_from if incoming else model.relations_to).get(node_id, [])
        mirrored = [(r, r.to if incoming else r.from_) for r in back if r.kind in symmetric]
        if found and mirrored:
            found += mirrored
            order = model.relation_order
            found.sort(key=lambda pair: order[pair[0].id])
        else:
            found = found or mirrored
    for relation, other in found:
        if at is None or (holds_at(relation, at) and holds_at(nodes[other], at)):
            yield other, relation


def _symmetric_kinds(vocab: Vocabulary) -> frozenset[str]:
    return frozenset(k for k, info in vocab.relation_kinds.items() if info.symmetric)


def related(
    model: GovernanceModel,
    node_id: str,
    kind: str,
    direction: Direction,
    at: dt.date | None,
    transitive: bool = False,
) -> tuple[Hit, ...]:
    """Who ``kind`` the node (``incoming``), or whom the node ``kind`` (``outgoing``).

    ``related(m, "regiegroep-am", "supports", "incoming", day)`` answers *who supports
    the Regiegroep (AM)?*; with ``outgoing`` it answers *whom does it support?*. A
    symmetric kind (``cooperates_with``) answers from both ends either way. A relation
    that holds for each member of a group the node belongs to (scope ``each_member``)
    answers too, its hit naming the group in ``group``. With
    ``transitive`` the search goes on from every node found, breadth first, each node
    reported once at its smallest depth.

    >>> from mra_graph import load
    >>> import datetime as dt
    >>> [h.node.id for h in related(load(), "mra-bureau", "commissions", "incoming", dt.date(2017, 6, 1))]
    ['regiegroep-mra', 'werkgeverscommissie-mra']
    """
    check_kind(kind, model.vocabulary)
    node_id = _node(model, node_id).id
    hits: list[Hit] = []
    seen = {node_id}
    frontier = [node_id]
    depth = 1
    while frontier:
        found: list[Hit] = []
        for current in frontier:
            for other, relation, group in _scoped_edges(model, current, (kind,), direction, at):
                if other not in seen:
                    seen.add(other)
                    via = current if depth > 1 else None
                    found.append(Hit(model.nodes_by_id[other], relation, depth, via, group))
        found.sort(key=lambda h: _label_key(model, h))
        hits.extend(found)
        if not transitive:
            break
        frontier = [h.node.id for h in found]
        depth += 1
    return tuple(hits)


def relations_of(
    model: GovernanceModel, node_id: str, at: dt.date | None
) -> tuple[tuple[Hit, ...], tuple[Hit, ...]]:
    """Everything the model records about the node on ``at``: the relations out of it
    and those into it, each with the node at the other end, in the vocabulary's order
    of kinds and then by name; relations it has as a member of a group count too.

    >>> from mra_graph import load
    >>> import datetime as dt
    >>> out, into = relations_of(load(), "am-team", dt.date(2017, 6, 1))
    >>> sorted({h.relation.kind for h in out}), sorted({h.relation.kind for h in into})
    (['liaises_with', 'supports'], ['member_of'])
    """
    node_id = _node(model, node_id).id
    kinds = list(model.vocabulary.relation_kinds)
    found: list[tuple[Hit, ...]] = []
    for direction in ("outgoing", "incoming"):
        # a symmetric relation is in the graph both ways; list it once, as recorded
        end = "from_" if direction == "outgoing" else "to"
        hits = [
            Hit(model.nodes_by_id[other], relation, group=group)
            for other, relation, group in _scoped_edges(model, node_id, kinds, direction, at)
            if getattr(relation, end) in (node_id, group)
        ]
        hits.sort(key=lambda h: (kinds.index(h.relation.kind), *_label_key(model, h)))
        found.append(tuple(hits))
    return found[0], found[1]


def members(model: GovernanceModel, node_id: str, at: dt.date | None) -> Composition:
    """The composition of a body: every active relation into it of a membership or part kind.

    Each hit's relation carries ``count``, ``per`` and ``role`` where the source gives
    them; ``size`` is the body's total where the model records one.
    """
    subject = _node(model, node_id)
    node_id = subject.id
    kinds = composition_kinds(model.vocabulary)
    hits = [Hit(model.nodes_by_id[o], r) for o, r in _edges(model, node_id, kinds, "incoming", at)]
    hits.sort(key=lambda h: (kinds.index(h.relation.kind), *_label_key(model, h)))
    return Composition(
        subject,
        subject.size,
        tuple(hits),
        model.conflicts_about.get(node_id, ()),
        vocabulary=model.vocabulary,
    )


def _responsibility_kinds(vocab: Vocabulary) -> tuple[set[str], set[str]]:
    kinds = vocab.relation_kinds
    to_source = {k for k, v in kinds.items() if v.responsibility == "to_source"}
    to_target = {k for k, v in kinds.items() if v.responsibility == "to_target"}
    return to_source, to_target


def _upward(model: GovernanceModel, node_id: str, at: dt.date | None) -> list[Step]:
    """The steps one level up the line of responsibility from ``node_id``, sorted."""
    to_source, to_target = _responsibility_kinds(model.vocabulary)
    nodes = model.nodes_by_id
    steps = [
        Step(nodes[o], r, nodes[r.to], False)
        for o, r, _ in _scoped_edges(model, node_id, to_source, "incoming", at)
    ]
    steps += [
        Step(nodes[r.from_], r, nodes[o], True)
        for o, r, _ in _scoped_edges(model, node_id, to_target, "outgoing", at)
    ]
    steps.sort(key=lambda s: (model.labels[_higher(s).id].casefold(), s.relation.id))
    return steps


def _higher(step: Step) -> Node:
    return step.target if step.forward else step.source


def chains(model: GovernanceModel, node_id: str, at: dt.date | None) -> tuple[tuple[Step, ...], ...]:
    """Every line of responsibility from the node up to the top, each in order.

    A step goes up along a relation whose vocabulary entry says which end is higher:
    ``commissions``, ``steers`` and ``chairs`` lead to their source (whoever commissions
    the MRA Bureau stands above it), ``member_of`` and ``part_of`` to their target; one
    that holds for each member of a group the node belongs to counts for the node too
    (its step's ends are the relation's own, so the group). A
    chain ends at a node with no step up, or where the next step would revisit a node
    of the same chain (a cycle). At most :data:`MAX_CHAINS` chains are returned. A
    node with nothing above it has no chains.

    >>> from mra_graph import load
    >>> import datetime as dt
    >>> [[s.source.id for s in c] for c in chains(load(), "mra-bureau", dt.date(2017, 6, 1))]
    [['agendacommissie-mra'], ['regiegroep-mra'], ['werkgeverscommissie-mra']]
    """
    node_id = _node(model, node_id).id
    found: list[tuple[Step, ...]] = []

    def walk(current: str, sofar: tuple[Step, ...], visited: frozenset[str]) -> None:
        if len(found) >= MAX_CHAINS:
            return
        ups = [s for s in _upward(model, current, at) if _higher(s).id not in visited]
        if not ups:
            if sofar:
                found.append(sofar)
            return
        for step in ups:
            higher = _higher(step).id
            walk(higher, (*sofar, step), visited | {higher})

    walk(node_id, (), frozenset({node_id}))
    return tuple(found)


def paths(
    model: GovernanceModel,
    a: str,
    b: str,
    at: dt.date | None,
    kinds: Sequence[str] | None = None,
) -> tuple[tuple[Step, ...], ...]:
    """The shortest ways from ``a`` to ``b`` over relations in either direction.

    Each step keeps its relation's true direction (``forward``); where two nodes are
    joined by several relations, each gives its own path. ``kinds`` restricts the
    relation kinds walked. At most :data:`MAX_PATHS` paths: where there are more, the
    first by their nodes' ids; none when the nodes are not connected on ``at``.

    Walked breadth first from ``a`` through the model's indexes of relations by end,
    only as far as ``b``: the work grows with the part of the model within that
    distance, and no graph of the whole model is built.
    """
    a, b = _node(model, a).id, _node(model, b).id
    allowed = {check_kind(k, model.vocabulary) for k in kinds} if kinds is not None else None
    nodes = model.nodes_by_id
    if a == b or not (at is None or (holds_at(nodes[a], at) and holds_at(nodes[b], at))):
        return ()

    def walked(rel: Relation) -> bool:
        return (allowed is None or rel.kind in allowed) and (
            at is None
            or (holds_at(rel, at) and holds_at(nodes[rel.from_], at) and holds_at(nodes[rel.to], at))
        )

    def neighbours(node_id: str) -> set[str]:
        out = {r.to for r in model.relations_from.get(node_id, ()) if walked(r)}
        return out | {r.from_ for r in model.relations_to.get(node_id, ()) if walked(r)}

    # the distance of each node from a, level by level, until b is reached
    distance = {a: 0}
    before: dict[str, list[str]] = {}  # each node's neighbours one step nearer to a
    level = [a]
    while level and b not in before:
        following: list[str] = []
        for node_id in level:
            for other in neighbours(node_id):
                if other not in distance:
                    distance[other] = distance[node_id] + 1
                    following.append(other)
                if distance[other] == distance[node_id] + 1:
                    before.setdefault(other, []).append(node_id)
        level = following
    if b not in before:
        return ()
    # the nodes on a shortest way, found back from b; then the ways, in the order of
    # their nodes' ids, as many as are shown
    on_way = {b}
    back = [b]
    while back:
        for earlier in before.get(back.pop(), ()):
            if earlier not in on_way:
                on_way.add(earlier)
                back.append(earlier)
    after: dict[str, list[str]] = {}
    for node_id in on_way:
        for earlier in before.get(node_id, ()):
            after.setdefault(earlier, []).append(node_id)
    node_paths: list[list[str]] = []

    def extend(way: list[str]) -> None:
        if len(node_paths) >= MAX_PATHS:
            return
        if way[-1] == b:
            node_paths.append(way)
            return
        for following_id in sorted(after.get(way[-1], ())):
            extend([*way, following_id])

    extend([a])
    result: list[tuple[Step, ...]] = []
    for node_path in node_paths:
        hops = [_hop_steps(model, u, v, walked) for u, v in itertools.pairwise(node_path)]
        for combination in itertools.product(*hops):
            result.append(tuple(combination))
            if len(result) >= MAX_PATHS:
                return tuple(result)
    return tuple(result)


def _hop_steps(model: GovernanceModel, u: str, v: str, walked: Callable[[Relation], bool]) -> list[Step]:
    """The relations walked between ``u`` and ``v``, either way, as steps from ``u``."""
    nodes = model.nodes_by_id
    steps: list[Step] = []
    for source, target, forward in ((u, v, True), (v, u, False)):
        for rel in model.relations_from.get(source, ()):
            if rel.to == target and walked(rel):
                steps.append(Step(nodes[source], rel, nodes[target], forward))
    steps.sort(key=lambda s: s.relation.id)
    return steps


def neighbourhood(model: GovernanceModel, node_id: str, at: dt.date | None, depth: int = 1) -> Neighbourhood:
    """Every node within ``depth`` relations of the node (either direction) and the relations among them.

    Walked from the node through the model's indexes of relations by end, so the work
    grows with the neighbourhood, not with the model.
    """
    center = _node(model, node_id)
    node_id = center.id
    nodes = model.nodes_by_id

    def active(rel: Relation) -> bool:
        return at is None or (
            holds_at(rel, at) and holds_at(nodes[rel.from_], at) and holds_at(nodes[rel.to], at)
        )

    if at is not None and not holds_at(center, at):
        return Neighbourhood(center, depth, (), ())
    reached = {node_id: 0}
    frontier = [node_id]
    for distance in range(1, depth + 1):
        found: list[str] = []
        for current in frontier:
            for rel in (*model.relations_from.get(current, ()), *model.relations_to.get(current, ())):
                other = rel.to if rel.from_ == current else rel.from_
                if other not in reached and active(rel):
                    reached[other] = distance
                    found.append(other)
        frontier = found
    order = model.node_order
    ids = sorted(reached, key=lambda n: (reached[n], order[n]))
    relations = sorted(
        (r for n in reached for r in model.relations_from.get(n, ()) if r.to in reached and active(r)),
        key=lambda r: r.id,
    )
    return Neighbourhood(center, depth, tuple(nodes[n] for n in ids), tuple(relations))


def diff(model: GovernanceModel, start: dt.date, end: dt.date) -> Diff:
    """What changed status between two dates: became active, ended, or changed otherwise.

    >>> from mra_graph import load
    >>> import datetime as dt
    >>> change = diff(load(), dt.date(2016, 6, 1), dt.date(2017, 6, 1))
    >>> "mra-bureau" in [c.item.id for c in change.added]
    True
    """
    added: list[Change] = []
    ended: list[Change] = []
    changed: list[Change] = []
    by_id = attrgetter("item.id")
    groups: tuple[tuple[Literal["node", "relation"], Sequence[Node | Relation]], ...] = (
        ("node", model.nodes),
        ("relation", model.relations),
    )
    for what, items in groups:  # the nodes first, then the relations, each by id
        found: tuple[list[Change], list[Change], list[Change]] = ([], [], [])
        for item in items:
            before, after = status_at(item, start), status_at(item, end)
            if before is after:
                continue
            change = Change(item, what, before, after)
            found[0 if after is Status.ACTIVE else 1 if after is Status.ENDED else 2].append(change)
        for into, changes in zip((added, ended, changed), found, strict=True):
            into += sorted(changes, key=by_id)
    return Diff(
        start,
        end,
        tuple(added),
        tuple(ended),
        tuple(changed),
        _renames(model, start, end, ended, added),
    )


def _renames(
    model: GovernanceModel, start: dt.date, end: dt.date, ended: list[Change], added: list[Change]
) -> tuple[Rename, ...]:
    """The renames between ``start`` (exclusive) and ``end``: recorded ones (a former name
    that stopped then) and a node that ended the day another just like it began."""
    found: list[Rename] = []
    for node in model.nodes:
        former = sorted(node.former_names, key=lambda f: f.valid_to)
        names = [f.name for f in former] + [node.name]
        for i, f in enumerate(former):
            if start < f.valid_to <= end:
                found.append(Rename(node, f.name, names[i + 1], f.valid_to))
    # the nodes that began, by the day they began and where they stand: a node that
    # ended is compared only with those that began that day in its place, not with all
    began: dict[tuple[dt.date | None, NodeKind, str | None, str | None], list[Node]] = {}
    for c in added:
        if isinstance(c.item, Node):
            n = c.item
            began.setdefault((n.valid_from, n.kind, n.type, n.region), []).append(n)
    for change in ended:
        old = change.item
        if not isinstance(old, Node) or old.valid_to is None:
            continue
        candidates = began.get((old.valid_to, old.kind, old.type, old.region), [])
        alike = [n for n in candidates if _same_place(model, old, n)]
        if len(alike) == 1:
            found.append(Rename(old, old.name, alike[0].name, old.valid_to, alike[0]))
    return tuple(sorted(found, key=lambda r: (r.on, r.node.id)))


def _same_place(model: GovernanceModel, old: Node, new: Node) -> bool:
    """Whether ``new`` stands where ``old`` stood: the same kind, type and region, and the
    same relations (their kind, direction and other node)."""
    if (old.kind, old.type, old.region) != (new.kind, new.type, new.region):
        return False

    def ties(node: Node) -> set[tuple[str, str, str]]:
        out = {("out", r.kind, r.to) for r in model.relations_from.get(node.id, [])}
        return out | {("in", r.kind, r.from_) for r in model.relations_to.get(node.id, [])}

    return ties(old) == ties(new)


def formation(model: GovernanceModel, table_id: str | None = None) -> Formation:
    """The staffing table with computed differences and totals beside the stated ones.

    ``table_id`` picks a figure table; by default the model's first one.

    >>> from mra_graph import load
    >>> total = formation(load()).rows[5]
    >>> total.values, total.computed, total.consistent
    ({'2016': 15.0, '2017': 14.0}, {'2016': 15.0, '2017': 14.0}, True)
    """
    table = _table(model, table_id)
    years = tuple(table.years)
    by_id = {row.id: row for row in table.rows}
    rows: list[FormationRow] = []
    for row in table.rows:
        difference = _clean(row.values[years[-1]] - row.values[years[0]])
        computed = None
        consistent = row.stated_difference is None or abs(row.stated_difference - difference) <= _TOLERANCE
        if row.total_of is not None:
            parts = [by_id[r] for r in row.total_of if r in by_id]
            computed = {y: _clean(sum(p.values[y] for p in parts)) for y in years}
            complete = len(parts) == len(row.total_of)
            consistent = consistent and complete
            consistent = consistent and all(abs(computed[y] - row.values[y]) <= _TOLERANCE for y in years)
        rows.append(
            FormationRow(
                id=row.id,
                label=row.label,
                label_en=row.label_en,
                unit=row.unit,
                unit_en=row.unit_en,
                values={y: row.values[y] for y in years},
                difference=difference,
                stated_difference=row.stated_difference,
                total_of=tuple(row.total_of) if row.total_of is not None else None,
                computed=computed,
                consistent=consistent,
                nodes=tuple(row.nodes),
                sources=tuple(row.sources),
                conflicts=tuple(c.id for c in model.conflicts_about.get(row.id, ())),
            )
        )
    return Formation(
        table.id,
        table.title,
        table.title_en,
        table.unit,
        table.note,
        table.note_en,
        years,
        tuple(rows),
        tuple(c.id for c in model.conflicts_about.get(table.id, ())),
    )


def _table(model: GovernanceModel, table_id: str | None) -> FigureTable:
    if not model.figures:
        raise MraGraphError("the model has no staffing table (no 'figures'); add one to the model file")
    if table_id is None:
        return model.figures[0]
    for table in model.figures:
        if table.id == table_id:
            return table
    known = ", ".join(repr(t.id) for t in model.figures)
    raise MraGraphError(f"unknown figure table {table_id!r}; the model has {known}")


def _clean(value: float) -> float:
    # 2.5 - 1.0 must print as 1.5, not 1.4999999999999998
    return round(value, 9) + 0.0
