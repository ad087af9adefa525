"""What a question was understood to ask, one class per kind of question, each able to
answer itself from the model.

A :class:`Reading` holds what every question has: its language, the names tagged in it
(:class:`~mra_graph.questions.tagging.Tag`), the day it names, and the cue phrases and
reasons that chose the reading (for ``ask --explain``). Each subclass adds what its kind
of question needs and answers with :class:`Answer` objects, one per node a name may mean.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field, replace
from typing import ClassVar, Literal

from mra_graph.model.schema import FigureRow, FigureTable, GovernanceModel, Node, Relation, status_at
from mra_graph.questions.dates import Span
from mra_graph.questions.queries import (
    Composition,
    Diff,
    Direction,
    Hit,
    Step,
    chains,
    composition_kinds,
    diff,
    members,
    paths,
    related,
    relations_of,
)
from mra_graph.questions.tagging import Tag
from mra_graph.words import Lang

__all__ = [
    "Answer",
    "AttributeReading",
    "ChainReading",
    "ChainYesNoReading",
    "ChangesReading",
    "CountOfReading",
    "CountReading",
    "DescribeReading",
    "ExistsReading",
    "Figure",
    "FigureReading",
    "Intent",
    "ListReading",
    "MembersReading",
    "PathReading",
    "Reading",
    "Readings",
    "RelationReading",
    "WhenReading",
    "WhereReading",
    "YesNoReading",
    "named_like",
]

Intent = Literal[
    "relation",
    "members",
    "count",
    "count_of",
    "chain",
    "path",
    "changes",
    "period",
    "attribute",
    "describe",
    "yesno",
    "where",
    "list",
    "exists",
    "figure",
]


@dataclass(frozen=True)
class Answer:
    """The answer for one node the question names (or one pair of nodes).

    ``hits`` are the nodes found (relations, places, the top of lines of responsibility);
    ``composition`` a body's members; ``chains`` and ``paths`` the steps;
    ``other`` the second node of a pair; ``verdict`` the yes or no of a yes/no question
    (no means: not recorded); ``incoming`` the relations into the subject of a
    description; ``nodes`` the nodes of a list; ``kind`` the relation kind answered,
    where it differs from the one asked (a part asked as a member).
    """

    subject: Node
    hits: tuple[Hit, ...] = ()
    composition: Composition | None = None
    chains: tuple[tuple[Step, ...], ...] = ()
    other: Node | None = None
    paths: tuple[tuple[Step, ...], ...] = ()
    verdict: bool | None = None
    incoming: tuple[Hit, ...] = ()
    nodes: tuple[Node, ...] = ()
    kind: str | None = None


@dataclass(frozen=True)
class Figure:
    """A row of a figure table, and the years asked about (all of the table's when the
    question names none)."""

    table: FigureTable
    row: FigureRow
    years: tuple[str, ...]


@dataclass(frozen=True)
class Readings:
    """A reading's answers, the other reading's (of a question that reads two ways) and,
    for a question about changes, the changes; for a question about a figure, the figure."""

    answers: tuple[Answer, ...] = ()
    other_answers: tuple[Answer, ...] = ()
    changes: Diff | None = None
    figure: Figure | None = None


@dataclass(frozen=True)
class Reading:
    """What a question asks, apart from the kind of question (see the subclasses).

    ``cues`` are the phrases that were read (as the data writes them), ``ignored`` the
    words passed over as fillers and ``corrected`` the words read as another word (a
    misspelling: ``(said, read as)``). ``why`` names what chose the reading where the
    question could be read another way.
    """

    intent: ClassVar[Intent] = "relation"
    lang: Lang
    tags: tuple[Tag, ...]
    at: dt.date | None = None
    spans: tuple[Span, ...] = ()
    cues: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    corrected: tuple[tuple[str, str], ...] = ()
    why: str | None = None
    unused: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.said for t in self.tags)

    @property
    def kind(self) -> str | None:
        return None

    @property
    def direction(self) -> Direction | None:
        return None

    @property
    def other_direction(self) -> Direction | None:
        return None

    @property
    def capacity(self) -> str | None:
        return None

    @property
    def attribute(self) -> str | None:
        return None

    def subjects(self) -> tuple[Node, ...]:
        return self.tags[0].nodes if self.tags else ()

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        raise NotImplementedError


def _composition_hits(
    model: GovernanceModel, node: Node, kind: str, direction: Direction, day: dt.date
) -> tuple[tuple[Hit, ...], str]:
    """Hits of ``kind``, or of the other composition kind when a member is asked as a
    part (or the other way round) and only that kind is recorded: users do not tell
    'lid van' from 'onderdeel van'."""
    hits = related(model, node.id, kind, direction, day)
    kinds = composition_kinds(model.vocabulary)
    if hits or kind not in kinds:
        return hits, kind
    for other in kinds:
        found = related(model, node.id, other, direction, day) if other != kind else ()
        if found:
            return found, other
    return hits, kind


@dataclass(frozen=True)
class RelationReading(Reading):
    """Who stands in ``relation_kind`` to the name (``incoming``: who supports X), or to
    whom the name does (``outgoing``: what X supports). A Dutch verb-second question
    (``wat ondersteunt X``) reads two ways: ``flipped`` is the other direction and
    ``wh`` the question word."""

    intent: ClassVar[Intent] = "relation"
    relation_kind: str = ""
    asked: Direction = "incoming"
    narrowed_to: str | None = None
    flipped: Direction | None = None
    wh: str | None = None

    @property
    def kind(self) -> str | None:
        return self.relation_kind

    @property
    def direction(self) -> Direction | None:
        return self.asked

    @property
    def other_direction(self) -> Direction | None:
        return self.flipped

    @property
    def capacity(self) -> str | None:
        return self.narrowed_to

    def _one(self, model: GovernanceModel, node: Node, direction: Direction, day: dt.date) -> Answer:
        hits, kind = _composition_hits(model, node, self.relation_kind, direction, day)
        if self.narrowed_to is not None:
            hits = tuple(h for h in hits if h.relation.capacity == self.narrowed_to)
        return Answer(node, hits=hits, kind=kind if kind != self.relation_kind else None)

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        answers = tuple(self._one(model, n, self.asked, day) for n in self.subjects())
        others: tuple[Answer, ...] = ()
        if self.flipped is not None:
            others = tuple(self._one(model, n, self.flipped, day) for n in self.subjects())
        return Readings(answers, others)


@dataclass(frozen=True)
class MembersReading(Reading):
    """Who or what makes up a body: its members and parts."""

    intent: ClassVar[Intent] = "members"

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        return Readings(tuple(Answer(n, composition=members(model, n.id, day)) for n in self.subjects()))


@dataclass(frozen=True)
class CountReading(Reading):
    """How many: members of a body (``counted`` is ``members``), a figure of the staffing
    table (``figure``), members of one kind (``of``: the second tag is counted in the
    first), or the parts of a group (``parts``)."""

    intent: ClassVar[Intent] = "count"
    counted: Literal["members", "figure", "of", "parts"] = "members"

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        if self.counted != "of":
            return Readings(tuple(Answer(n, composition=members(model, n.id, day)) for n in self.subjects()))
        wanted = {n.id for n in self.tags[1].nodes}
        answers = []
        for subject in self.subjects():
            whole = members(model, subject.id, day)
            hits = tuple(h for h in whole.hits if h.node.id in wanted)
            answers.append(
                Answer(subject, composition=Composition(subject, None, hits, vocabulary=model.vocabulary))
            )
        return Readings(tuple(answers))


@dataclass(frozen=True)
class CountOfReading(CountReading):
    intent: ClassVar[Intent] = "count_of"


@dataclass(frozen=True)
class ChainReading(Reading):
    """The lines of responsibility up from the name."""

    intent: ClassVar[Intent] = "chain"

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        return Readings(tuple(Answer(n, chains=chains(model, n.id, day)) for n in self.subjects()))


@dataclass(frozen=True)
class PathReading(Reading):
    """How two names are connected."""

    intent: ClassVar[Intent] = "path"

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        found = [
            Answer(a, other=b, paths=paths(model, a.id, b.id, day))
            for a, b in itertools.product(self.tags[0].nodes, self.tags[1].nodes)
            if a.id != b.id
        ]
        return Readings(tuple(found))


@dataclass(frozen=True)
class ChangesReading(Reading):
    """What changed on a day, in a year or between two dates."""

    intent: ClassVar[Intent] = "changes"

    def bounds(self) -> tuple[dt.date, dt.date]:
        if len(self.spans) == 1:
            return self.spans[0][0] - dt.timedelta(days=1), self.spans[0][1]
        return self.spans[0][0], self.spans[1][0]

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        start, end = self.bounds()
        return Readings(changes=diff(model, start, end))


@dataclass(frozen=True)
class WhenReading(Reading):
    """Since or until when a node exists (``edge``: ``from``, ``until`` or ``both``), or,
    with a relation kind and two names, since when that relation holds."""

    intent: ClassVar[Intent] = "period"
    edge: Literal["from", "until", "both"] = "both"
    relation_kind: str | None = None

    @property
    def kind(self) -> str | None:
        return self.relation_kind

    def relations(self, model: GovernanceModel) -> tuple[Relation, ...]:
        """The relations of the asked kind between the two names, in either direction,
        or, with one name, every relation of that kind it has."""
        if self.relation_kind is None:
            return ()
        first = {n.id for n in self.tags[0].nodes}
        second = {n.id for n in self.tags[1].nodes} if len(self.tags) > 1 else None
        found = []
        for r in model.relations:
            if r.kind != self.relation_kind:
                continue
            ends = (r.from_ in first and (second is None or r.to in second)) or (
                r.to in first and (second is None or r.from_ in second)
            )
            if ends:
                found.append(r)
        return tuple(found)

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        if self.relation_kind is not None:
            return Readings((Answer(self.subjects()[0]),))  # one answer: the relations' periods
        return Readings(tuple(Answer(n) for n in self.subjects()))


@dataclass(frozen=True)
class AttributeReading(Reading):
    """An attribute of a node, such as how often a body meets."""

    intent: ClassVar[Intent] = "attribute"
    name: str = "meetings_per_year"

    @property
    def attribute(self) -> str | None:
        return self.name

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        return Readings(tuple(Answer(n) for n in self.subjects()))


@dataclass(frozen=True)
class WhereReading(Reading):
    """Where a body is housed, or where a place lies, and where that lies in turn."""

    intent: ClassVar[Intent] = "where"

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        answers, voc = [], model.vocabulary
        for node in self.subjects():
            housing, location = voc.kinds_with("housing"), voc.kinds_with("location")
            hits = [h for k in housing for h in related(model, node.id, k, "outgoing", day)]
            hits += [
                h for k in location for h in related(model, node.id, k, "outgoing", day, transitive=True)
            ]
            for place in [h.node for h in hits if h.relation.kind in housing]:
                hits += [
                    h for k in location for h in related(model, place.id, k, "outgoing", day, transitive=True)
                ]
            unique = {h.node.id: h for h in hits}
            answers.append(Answer(node, hits=tuple(unique.values())))
        return Readings(tuple(answers))


@dataclass(frozen=True)
class DescribeReading(Reading):
    """What the model says about a node: its description and its relations both ways."""

    intent: ClassVar[Intent] = "describe"

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        answers = []
        for node in self.subjects():
            out, into = relations_of(model, node.id, day)
            answers.append(Answer(node, hits=out, incoming=into))
        return Readings(tuple(answers))


@dataclass(frozen=True)
class YesNoReading(Reading):
    """Whether the first name stands in ``relation_kind`` to the second (``source_first``)
    or the second to the first. No means: the model does not record it."""

    intent: ClassVar[Intent] = "yesno"
    relation_kind: str = ""
    source_first: bool = True
    narrowed_to: str | None = None

    @property
    def kind(self) -> str | None:
        return self.relation_kind

    @property
    def capacity(self) -> str | None:
        return self.narrowed_to

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        first, second = self.tags[0].nodes, self.tags[1].nodes
        answers = []
        for a, b in itertools.product(first, second):
            source, target = (a, b) if self.source_first else (b, a)
            hits, kind = _composition_hits(model, source, self.relation_kind, "outgoing", day)
            found = tuple(
                h
                for h in hits
                if h.node.id == target.id
                and (self.narrowed_to is None or h.relation.capacity == self.narrowed_to)
            )
            if not found and self.relation_kind in composition_kinds(model.vocabulary):
                # a part of a part is part of it too
                deeper = related(model, source.id, kind, "outgoing", day, transitive=True)
                found = tuple(h for h in deeper if h.node.id == target.id)
            if not found and model.vocabulary.role(self.relation_kind) in ("housing", "location"):
                # 'is X located at the Zuidas': housed in a building that lies there
                place = WhereReading(self.lang, (replace(self.tags[0], nodes=(source,)),)).answer(model, day)
                hits = tuple(h for a in place.answers for h in a.hits)
                ids = [h.node.id for h in hits]
                # every step up to the place asked about: housed here, which lies there
                found = hits[: ids.index(target.id) + 1] if target.id in ids else ()
            answers.append(
                Answer(
                    a,
                    other=b,
                    hits=found,
                    verdict=bool(found),
                    kind=kind if kind != self.relation_kind else None,
                )
            )
        return Readings(tuple(answers))


@dataclass(frozen=True)
class FigureReading(Reading):
    """A row of a figure table (the staffing table), for the year the question names,
    the two years of a difference, or every year."""

    intent: ClassVar[Intent] = "figure"
    table_id: str = ""
    row_id: str = ""
    difference: bool = False

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        table = next(t for t in model.figures if t.id == self.table_id)
        row = next(r for r in table.rows if r.id == self.row_id)
        years = tuple(str(s[0].year) for s in self.spans if str(s[0].year) in table.years)
        if self.difference and len(years) < 2:
            years = (table.years[0], table.years[-1])
        if not years and self.at is None:
            years = tuple(table.years)
        if not years and self.at is not None and str(self.at.year) in table.years:
            years = (str(self.at.year),)
        return Readings(figure=Figure(table, row, years))


@dataclass(frozen=True)
class ChainYesNoReading(Reading):
    """Whether the second name stands above the first on a line of responsibility
    (``valt X onder Y``, ``is X accountable to Y``). No means: not recorded."""

    intent: ClassVar[Intent] = "yesno"

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        answers = []
        for a, b in itertools.product(self.tags[0].nodes, self.tags[1].nodes):
            found = chains(model, a.id, day)
            steps = tuple(
                c[: i + 1]
                for c in found
                for i, s in enumerate(c)
                if (s.target if s.forward else s.source).id == b.id
            )
            answers.append(Answer(a, other=b, chains=steps[:1], verdict=bool(steps)))
        return Readings(tuple(answers))


@dataclass(frozen=True)
class ExistsReading(Reading):
    """Whether a node exists (is active) on the day."""

    intent: ClassVar[Intent] = "exists"

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        return Readings(
            tuple(Answer(n, verdict=status_at(n, day).value == "active") for n in self.subjects())
        )


@dataclass(frozen=True)
class ListReading(Reading):
    """The nodes of a kind (``of_kind``: a node kind or type) or named like a word
    (``named``), within a region, body or group (the tag, if any), active on the day."""

    intent: ClassVar[Intent] = "list"
    of_kind: str | None = None
    named: str | None = None
    within_region: str | None = None
    exclude: tuple[str, ...] = field(default=())
    counted: bool = False
    """Whether the question asks how many (the answer leads with the number)."""

    def answer(self, model: GovernanceModel, day: dt.date) -> Readings:
        scope: set[str] | None = None
        anchor: Node | None = None
        if self.tags:
            anchor = self.tags[0].nodes[0]
            voc = model.vocabulary
            inside = [
                h for k in voc.kinds_with("part") for h in related(model, anchor.id, k, "incoming", day, True)
            ]
            inside += [
                h for k in voc.kinds_with("membership") for h in related(model, anchor.id, k, "incoming", day)
            ]
            scope = {h.node.id for h in inside}
            if self.within_region is not None and not scope:
                scope = None
        found = []
        for node in model.nodes:
            if status_at(node, day).value != "active" or node.id in self.exclude:
                continue
            if anchor is not None and node.id == anchor.id:
                continue
            if scope is not None and node.id not in scope:
                continue
            if self.within_region is not None and node.region != self.within_region:
                continue
            if self.of_kind is not None and self.of_kind not in (node.kind.value, node.type):
                continue
            if self.named is not None and not named_like(model, node, self.named):
                continue
            found.append(node)
        subject = anchor or (found[0] if found else None)
        if subject is None:
            return Readings()
        return Readings((Answer(subject, nodes=tuple(found)),))


def named_like(model: GovernanceModel, node: Node, phrase: str) -> bool:
    """Whether one of the node's names holds ``phrase`` (folded) as words of its own."""
    from mra_graph.model.names import fold

    names = (node.name, node.name_en or "", model.labels[node.id])
    return any(f" {phrase} " in f" {fold(name)} " for name in names)
