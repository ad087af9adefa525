"""The pydantic schema of a governance model (``model/organen.json``).

Every class here validates one object of the file on its own; rules that need the
whole model (references, cycles, lifetimes, figures against conflicts) live in
:mod:`mra_graph.model.validation`. Also here: the JSON Schema of the file, for editors
and other tools, and what holds at a date (the status of a node or relation on a day).
"""

import datetime as dt
import json
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, Self

from pydantic import Field, PrivateAttr, StringConstraints, field_validator, model_validator

from mra_graph.model.values import (
    AttributeValue,
    ConflictKind,
    FiniteFloat,
    Id,
    Modality,
    NodeKind,
    Scalar,
    Scope,
    ShortText,
    Source,
    Sources,
    Status,
    Strict,
    Text,
    sorted_keys,
)
from mra_graph.words import Lang, worded_value

if TYPE_CHECKING:
    import networkx as nx

    from mra_graph.model.vocabulary import Vocabulary

__all__ = [
    "MARKS",
    "SCHEMA_ID",
    "Abbreviation",
    "AsOf",
    "Claim",
    "Conflict",
    "ConflictKind",
    "Document",
    "FigureRow",
    "FigureTable",
    "FormerName",
    "GovernanceModel",
    "Modality",
    "Node",
    "NodeKind",
    "Region",
    "Relation",
    "Scalar",
    "Scope",
    "Source",
    "Stating",
    "Status",
    "Strict",
    "holds_at",
    "json_schema",
    "json_schema_text",
    "status_at",
]


MARKS = ("disputed", "unclear", "inferred")
"""The marks an item can carry, in the order they are shown: see :meth:`GovernanceModel.marks`."""


class Dated(Strict):
    """Status and period shared by nodes and relations; ``valid_to`` is exclusive."""

    status: Status = Status.ACTIVE
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @model_validator(mode="after")
    def _period_agrees_with_status(self) -> Self:
        if self.valid_from and self.valid_to and self.valid_from >= self.valid_to:
            raise worded_value("period_order", start=self.valid_from, end=self.valid_to)
        if self.status is Status.ENDED and self.valid_to is None:
            raise worded_value("ended_needs_end")
        if self.status in (Status.PLANNED, Status.UNDER_CONSIDERATION) and self.valid_to:
            raise worded_value("no_end_for_status", status=repr(str(self.status)))
        return self


class Stated(Dated):
    """Status, period and modality shared by nodes and relations.

    Without ``modality`` a fact is stated plainly; with one, ``condition`` (and
    ``condition_en``) may say what it depends on.
    """

    modality: Modality | None = Field(
        default=None,
        description=(
            "How firmly the source states the fact: conditional (only if 'condition' is met), "
            "proposed (a proposal says it will be so), reserved (set aside, not yet in use) "
            "or possible (the source says it can be so). Absent: stated plainly."
        ),
    )
    condition: ShortText | None = Field(
        default=None, description="What a conditional fact depends on, in the source's words."
    )
    condition_en: ShortText | None = None
    inferred: Text | None = Field(
        default=None,
        description=(
            "Set when no cited quote states the fact in so many words: the model's reading "
            "of the cited sections, and why it holds. Absent: a quote states it."
        ),
    )
    inferred_en: Text | None = None

    @model_validator(mode="after")
    def _condition_needs_modality(self) -> Self:
        if (self.condition or self.condition_en) and self.modality is not Modality.CONDITIONAL:
            raise worded_value("condition_needs_modality")
        if self.condition_en and not self.condition:
            raise worded_value("condition_en_alone")
        if self.inferred_en and not self.inferred:
            raise worded_value("inferred_en_alone")
        return self


class Document(Strict):
    """A source document the model cites."""

    id: Id
    title: ShortText
    title_en: ShortText | None = None
    file: ShortText = Field(
        description="The document's file, relative to the sources folder (no '..', not absolute)."
    )
    period: ShortText
    period_en: ShortText | None = None
    covers_from: dt.date | None = Field(
        default=None, description="The first day the document describes (its time horizon)."
    )
    covers_to: dt.date | None = Field(default=None, description="The last day the document describes.")
    sections: Annotated[list[ShortText], Field(min_length=1)]

    @model_validator(mode="after")
    def _covers_in_order(self) -> Self:
        if self.covers_from and self.covers_to and self.covers_to < self.covers_from:
            raise worded_value("covers_order")
        return self

    @field_validator("file")
    @classmethod
    def _file_inside_the_sources_folder(cls, file: str) -> str:
        parts = file.replace("\\", "/").split("/")
        if file.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise worded_value("file_outside", file=repr(file))
        return file


class Region(Strict):
    id: Id
    name: ShortText
    name_en: ShortText | None = None
    short: ShortText = Field(description="Short label used to tell same-named bodies apart.")
    sources: Sources


class FormerName(Strict):
    """A name a node was known by until ``valid_to`` (exclusive): an alias with a date.

    ``mra-graph rename`` records one for every rename, so that old documents that use
    the old name still find the node.
    """

    name: ShortText
    name_en: ShortText | None = None
    valid_from: dt.date | None = Field(default=None, description="Since when, where known.")
    valid_to: dt.date = Field(description="The first day the node no longer had this name.")

    @model_validator(mode="after")
    def _period_in_order(self) -> Self:
        if self.valid_from and self.valid_from >= self.valid_to:
            raise worded_value("period_order", start=self.valid_from, end=self.valid_to)
        return self


class Node(Stated):
    """A body, role, organisation, place, document or instrument."""

    id: Id
    kind: NodeKind
    type: Id | None = Field(default=None, description="Subtype from the vocabulary.")
    name: ShortText = Field(description="Dutch name as the source writes it.")
    name_en: ShortText | None = None
    plural: bool = Field(
        default=False, description="The name names several ('raden en staten'): verbs agree with it."
    )
    name_plural: ShortText | None = Field(
        default=None, description="The name's plural, for counts of it ('6 burgemeesters')."
    )
    name_plural_en: ShortText | None = None
    aliases: list[ShortText] = Field(
        default_factory=list, description="Other names for it, as the sources write them."
    )
    aliases_en: list[ShortText] = Field(
        default_factory=list,
        description="Other English names it goes by, such as an earlier or looser translation.",
    )
    own_aliases: list[ShortText] = Field(
        default_factory=list,
        description=(
            "Names no source uses: the model's own wording, such as a region-suffixed form "
            "that tells same-named bodies apart. They find the node; they are never shown "
            "as a source's name."
        ),
    )
    description: Text | None = None
    description_en: Text | None = None
    region: Id | None = None
    size: Annotated[int, Field(ge=0, strict=True)] | None = Field(
        default=None, description="Total number of members where the source gives one."
    )
    attributes: dict[Id, AttributeValue] = Field(default_factory=dict)
    sources: Sources
    former_names: list[FormerName] = Field(
        default_factory=list, description="Earlier names, each with the date it stopped being used."
    )

    _attributes_in_order = field_validator("attributes")(sorted_keys)


class Relation(Stated):
    """A typed, directed edge between two nodes.

    ``from_scope``/``to_scope`` make an end stand for the members or parts of a group
    node rather than the group itself (see :class:`Scope`): a relation into a group
    with ``to_scope`` ``each_member`` holds for each of the group's members.
    """

    id: Id
    kind: Id
    from_: Id = Field(alias="from")
    to: Id
    capacity: Id | None = Field(default=None, description="e.g. bestuurlijk or ambtelijk.")
    count: Annotated[int, Field(ge=0, strict=True)] | None = None
    per: ShortText | None = Field(default=None, description="e.g. 'raad' in two per council.")
    per_en: ShortText | None = Field(default=None, description="'per' in English, e.g. 'council'.")
    role: ShortText | None = Field(default=None, description="In which role, e.g. chair.")
    attributes: dict[Id, AttributeValue] = Field(default_factory=dict)
    note: Text | None = None
    from_scope: Scope | None = Field(
        default=None,
        description=(
            "each_member: the relation holds for each member or part of the 'from' node; "
            "one_of: for one of them, unspecified. Absent: for the node itself."
        ),
    )
    to_scope: Scope | None = Field(
        default=None,
        description=(
            "each_member: the relation holds for each member or part of the 'to' node; "
            "one_of: for one of them, unspecified. Absent: for the node itself."
        ),
    )
    sources: Sources

    _attributes_in_order = field_validator("attributes")(sorted_keys)

    @model_validator(mode="after")
    def _per_needs_count(self) -> Self:
        if self.per is not None and self.count is None:
            raise worded_value("per_needs_count", per=repr(self.per))
        if self.from_ == self.to:
            raise worded_value("self_relation", node=repr(self.to))
        return self


class FigureRow(Strict):
    id: Id
    label: ShortText
    label_en: ShortText | None = None
    values: dict[
        Annotated[str, StringConstraints(pattern=r"^\d{4}$(?!\n)")],
        Annotated[float, Field(ge=0, allow_inf_nan=False)],
    ]
    unit: ShortText | None = Field(
        default=None, description="This row's unit where it differs from the table's (e.g. people)."
    )
    unit_en: ShortText | None = None
    stated_difference: FiniteFloat | None = None
    total_of: list[Id] | None = None
    nodes: list[Id] = Field(default_factory=list, description="Nodes this row counts.")
    sources: Sources

    _values_in_order = field_validator("values")(sorted_keys)


class FigureTable(Strict):
    id: Id
    title: ShortText
    title_en: ShortText | None = None
    unit: ShortText
    note: Text | None = Field(default=None, description="How reliable the figures are, and why.")
    note_en: Text | None = None
    years: Annotated[list[Annotated[str, StringConstraints(pattern=r"^\d{4}$(?!\n)")]], Field(min_length=1)]
    rows: Annotated[list[FigureRow], Field(min_length=1)]
    sources: Sources

    @model_validator(mode="after")
    def _rows_have_every_year(self) -> Self:
        for row in self.rows:
            missing = [y for y in self.years if y not in row.values]
            extra = [y for y in row.values if y not in self.years]
            if missing or extra:
                raise worded_value("row_years", row=repr(row.id), years=self.years)
        return self


class Claim(Strict):
    statement: Text
    statement_en: Text | None = None
    value: Scalar | None = None
    sources: Sources


class Conflict(Strict):
    """Two or more claims of the sources that disagree, or one that reads two ways."""

    id: Id
    kind: ConflictKind
    subjects: Annotated[list[Id], Field(min_length=1)]
    description: Text
    description_en: Text | None = None
    claims: Annotated[list[Claim], Field(min_length=2)]
    model_choice: Text | None = Field(default=None, description="What the model uses meanwhile, and why.")
    model_choice_en: Text | None = None

    @property
    def mark(self) -> str:
        """How the items it names are marked: ``disputed`` for a contradiction between the
        sources, ``unclear`` for a statement that reads two ways."""
        return "disputed" if self.kind is ConflictKind.CONTRADICTION else "unclear"


class Abbreviation(Strict):
    """A short form people use for a word of the model's names (``PHO`` for
    ``portefeuillehoudersoverleg``), written out when a question is read. It is the
    model's own wording, not the sources'."""

    short: ShortText
    long: ShortText
    plural: ShortText | None = Field(default=None, description="The long form's plural ('PHO's').")


class GovernanceModel(Strict):
    """The whole model file."""

    schema_ref: str | None = Field(default=None, alias="$schema")
    title: ShortText
    title_en: ShortText | None = None
    lang: Lang = Field(
        default="nl",
        description=(
            "The language of the model's own text (names, descriptions, 'per' words): 'nl' "
            "(the default) or 'en'. The '_en' fields hold English beside Dutch text."
        ),
    )
    documents: list[Document] = Field(
        default_factory=list,
        description="The source documents; a new model has none until a fact cites one.",
    )
    regions: list[Region] = Field(default_factory=list)
    nodes: list[Node]
    relations: list[Relation] = Field(default_factory=list)
    figures: list[FigureTable] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    abbreviations: list[Abbreviation] = Field(
        default_factory=list, description="Short forms of words in the names, for reading questions."
    )
    _vocabulary: Any = PrivateAttr(default=None)  # a Vocabulary, which builds on this module
    _named_on: dt.date | None = PrivateAttr(default=None)  # see named_on

    @property
    def vocabulary(self) -> "Vocabulary":
        """The vocabulary the model was read with: the bundled one, with the model's own
        vocabulary file's additions where it has one (see :func:`mra_graph.model.loading.load`)."""
        found: Vocabulary | None = self._vocabulary
        if found is not None:
            return found
        from mra_graph.model.vocabulary import vocabulary  # the vocabulary's schema builds on this module

        return vocabulary()

    @cached_property
    def nodes_by_id(self) -> dict[str, Node]:
        """Every node by its id (the first one where ids repeat in an invalid model)."""
        index: dict[str, Node] = {}
        for n in self.nodes:
            index.setdefault(n.id, n)
        return index

    @cached_property
    def relations_from(self) -> dict[str, list[Relation]]:
        """The relations leaving each node, in the model's order (a node without any is absent)."""
        index: dict[str, list[Relation]] = {}
        for rel in self.relations:
            index.setdefault(rel.from_, []).append(rel)
        return index

    @cached_property
    def relations_to(self) -> dict[str, list[Relation]]:
        """The relations arriving at each node, in the model's order (a node without any is absent)."""
        index: dict[str, list[Relation]] = {}
        for rel in self.relations:
            index.setdefault(rel.to, []).append(rel)
        return index

    @cached_property
    def node_order(self) -> dict[str, int]:
        """Each node's place in the model's list of nodes, by id."""
        return {node.id: i for i, node in enumerate(self.nodes)}

    @cached_property
    def relation_order(self) -> dict[str, int]:
        """Each relation's place in the model's list of relations, by id."""
        return {rel.id: i for i, rel in enumerate(self.relations)}

    @cached_property
    def regions_by_id(self) -> dict[str, Region]:
        return {r.id: r for r in self.regions}

    @cached_property
    def labels(self) -> dict[str, str]:
        """A Dutch name per node id that a reader can tell apart from every other node's.

        Nodes whose names are unique keep them; same-named nodes get their region's
        short name (or their kind) in brackets, e.g. ``Regiegroep (MRA)``.
        """
        return self._labels(lambda n: self.names_shown(n)[0], "nl")

    @cached_property
    def labels_en(self) -> dict[str, str]:
        """As :attr:`labels`, from the English names where there are any."""
        return self._labels(lambda n: _english_or_dutch(*self.names_shown(n)), "en")

    def names_shown(self, node: Node) -> tuple[str, str | None]:
        """The Dutch and English name of ``node`` on the day :meth:`named_on` gave, else
        its current names."""
        if not node.former_names:
            return node.name, node.name_en  # most nodes: the day need not be looked up
        day = self._named_on
        if day is not None:
            for former in sorted(node.former_names, key=lambda f: f.valid_to):
                if day < former.valid_to and (former.valid_from is None or former.valid_from <= day):
                    return former.name, former.name_en
        return node.name, node.name_en

    def named_on(self, day: dt.date) -> "GovernanceModel":
        """The model whose labels call each node by the name it had on ``day``: a node
        renamed after ``day`` is shown by its name before the rename. The nodes' own
        fields are unchanged, and every name still finds its node. The model itself when
        its labels already are those of ``day``."""
        wanted = day if any(day < f.valid_to for n in self.nodes for f in n.former_names) else None
        if wanted == self._named_on:
            return self
        copy = self.with_lists()
        copy._named_on = wanted
        return copy

    def label(self, node_id: str, lang: Lang = "nl") -> str:
        """The distinguishable name of a node in ``lang`` ('nl' or 'en')."""
        return (self.labels_en if lang == "en" else self.labels)[node_id]

    def _labels(self, name_of: Callable[[Node], str], lang: Lang) -> dict[str, str]:
        names = [name_of(n) for n in self.nodes]  # each node's name read and folded once
        folded = [_fold(name) for name in names]
        by_name: dict[str, int] = {}
        for key in folded:
            by_name[key] = by_name.get(key, 0) + 1
        labels: dict[str, str] = {}
        voc = self.vocabulary
        for n, name, key in zip(self.nodes, names, folded, strict=True):
            if by_name[key] == 1:
                labels[n.id] = name
            else:
                region = self.regions_by_id.get(n.region or "")
                # the kind's name is looked up only for a node without a region (few are)
                tell = region.short if region else voc.type_name(n.kind.value, None, lang)
                labels[n.id] = f"{name} ({tell})"
        return labels

    @cached_property
    def disputed(self) -> frozenset[str]:
        """Ids of every node, relation or figure row that a recorded contradiction names:
        the sources disagree about it."""
        return frozenset(s for c in self.conflicts if c.mark == "disputed" for s in c.subjects)

    @cached_property
    def unclear(self) -> frozenset[str]:
        """Ids of every node, relation or figure row that a recorded ambiguity names: a
        source states it, but it can be read two ways."""
        return frozenset(s for c in self.conflicts if c.mark == "unclear" for s in c.subjects)

    @cached_property
    def horizon(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the documents describe, from their ``covers_from`` and
        ``covers_to``; ``None`` while no document gives both."""
        starts = [d.covers_from for d in self.documents if d.covers_from is not None]
        ends = [d.covers_to for d in self.documents if d.covers_to is not None]
        return (min(starts), max(ends)) if starts and ends else None

    def as_of(self, at: dt.date) -> "AsOf":
        """The day to answer for when ``at`` is asked: ``at`` itself inside the documents'
        horizon, else its nearest end, for the sources say nothing beyond it (a fact
        without a period of its own would otherwise hold on every date)."""
        if self.horizon is not None:
            start, end = self.horizon
            if at < start:
                return AsOf(at, start, "before", self.horizon)
            if at > end:
                return AsOf(at, end, "after", self.horizon)
        return AsOf(at, at, None, self.horizon)

    @cached_property
    def inferred(self) -> dict[str, "Node | Relation"]:
        """Every node and relation the model holds by its own reading (``inferred`` set),
        by id."""
        items: list[Node | Relation] = [*self.nodes, *self.relations]
        return {item.id: item for item in items if item.inferred}

    def marks(self, item_id: str) -> tuple[str, ...]:
        """``disputed`` where a recorded contradiction names the item, ``unclear`` where a
        recorded ambiguity does, ``inferred`` where the model reads it from the sources
        without a quote that states it, in that order."""
        return self.marked.get(item_id, ())

    @cached_property
    def marked(self) -> dict[str, tuple[str, ...]]:
        """The marks of every item that has any, by id (see :meth:`marks`): made once, as
        an answer about a whole model (a diff) asks for each item's."""
        held = {"disputed": self.disputed, "unclear": self.unclear, "inferred": self.inferred}
        ids = sorted({i for ids in held.values() for i in ids})
        return {i: tuple(m for m in MARKS if i in held[m]) for i in ids}

    @cached_property
    def stated(self) -> dict[str, "Stating"]:
        """How firmly each node and relation holds, where not plainly: its own modality,
        or the one it takes from what it depends on (``via``). A node that exists as part
        of another (a relation kind the vocabulary calls ``dependent``) takes the other's;
        a relation takes its source's, else its target's. So every fact about the
        conditional MRA Bureau is conditional, without the condition copied onto each."""
        found: dict[str, Stating] = {}
        items: list[Node | Relation] = [*self.nodes, *self.relations]
        for item in items:
            if item.modality is not None:
                found[item.id] = Stating(item.modality, item.condition, item.condition_en, None)
        if not found:
            return found  # nothing to take a modality from
        kinds = {k for k, info in self.vocabulary.relation_kinds.items() if info.dependent}
        dependent = [rel for rel in self.relations if rel.kind in kinds]
        changed = True
        while changed:  # parts of parts: the dependent kinds are acyclic
            changed = False
            for rel in dependent:
                if rel.from_ in found:
                    continue
                taken = found.get(rel.id) or found.get(rel.to)
                if taken is not None and rel.from_ in self.nodes_by_id:
                    found[rel.from_] = taken._replace(via=taken.via or rel.to)
                    changed = True
        for rel in self.relations:
            if rel.id in found:
                continue
            for end in (rel.from_, rel.to):
                if end in found and end in self.nodes_by_id:
                    found[rel.id] = found[end]._replace(via=found[end].via or end)
                    break
        return found

    @cached_property
    def conflicts_about(self) -> dict[str, tuple[Conflict, ...]]:
        """The recorded conflicts naming each id, in the model's order (an id without any is absent)."""
        index: dict[str, list[Conflict]] = {}
        for conflict in self.conflicts:
            for subject in dict.fromkeys(conflict.subjects):
                index.setdefault(subject, []).append(conflict)
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def graphs(self) -> dict[dt.date | None, "nx.MultiDiGraph[str]"]:
        """The graphs of this model by date that :func:`mra_graph.questions.graph.graph_at` built.

        A model never changes, so neither does a graph built of it.
        """
        return {}

    @cached_property
    def derived(self) -> dict[str, Any]:
        """What the other parts of the program build from this model once and keep with it,
        by name: its name index (:func:`mra_graph.model.names.index`), the keys a question's
        names are looked up by, and whether it is a report's reading order already.
        """
        return {}

    def with_lists(self, **lists: list[Any]) -> "GovernanceModel":
        """A copy with the given lists (``nodes=[...]``) instead of its own.

        Nothing computed from the old lists (the indexes, labels and graphs above) goes
        into the copy; it is computed anew from the copy's lists when asked for.
        """
        copy = self.model_copy(update=lists)
        for name in _COMPUTED:
            copy.__dict__.pop(name, None)
        return copy

    def __repr__(self) -> str:
        # the fields would run to some hundred thousand characters: say what it holds
        period = f", {self.horizon[0]} to {self.horizon[1]}" if self.horizon else ""
        return (
            f"<{self._named()}: {len(self.nodes)} nodes, {len(self.relations)} relations, "
            f"{len(self.regions)} regions, {len(self.documents)} documents{period}>"
        )

    def __str__(self) -> str:
        return repr(self)

    def _named(self) -> str:
        """The class and title, as the short ``repr`` begins."""
        return f"{type(self).__name__} {self.title!r}"


class AsOf(NamedTuple):
    """The day ``asked`` and the day ``used`` to answer: the same inside the documents'
    ``horizon``; else the horizon's nearest end, and ``beyond`` says on which side
    (``before`` or ``after``) the asked day fell."""

    asked: dt.date
    used: dt.date
    beyond: str | None
    horizon: tuple[dt.date, dt.date] | None


class Stating(NamedTuple):
    """How firmly a node or relation holds: ``modality`` with its ``condition`` (for a
    conditional one), and ``via`` the id of the node it takes the modality from, or
    ``None`` for its own."""

    modality: Modality
    condition: str | None
    condition_en: str | None
    via: str | None


_COMPUTED = tuple(name for name, value in vars(GovernanceModel).items() if isinstance(value, cached_property))


def _english_or_dutch(dutch: str, english: str | None) -> str:
    return english or dutch


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


# The JSON Schema of the model file, for editors and other tools.

SCHEMA_ID = "https://mra-graph.invalid/organen.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that ``model/organen.json`` follows."""
    schema = GovernanceModel.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text() -> str:
    """:func:`json_schema` as the text of ``model/organen.schema.json``."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


# What holds at a date: the status of a node or relation on a given day.


def status_at(item: Dated, date: dt.date) -> Status:
    """The status of ``item`` on ``date``, from its recorded status and period.

    Before ``valid_from`` something is still planned, from ``valid_to`` on it has
    ended (``valid_to`` is exclusive); in between it has its recorded status, except
    that something recorded as ended was active while its period lasted.

    >>> from mra_graph.model.schema import Dated
    >>> bureau = Dated(valid_from=dt.date(2017, 1, 1))
    >>> status_at(bureau, dt.date(2016, 6, 1)).value, status_at(bureau, dt.date(2017, 6, 1)).value
    ('planned', 'active')
    """
    if item.valid_to is not None and date >= item.valid_to:
        return Status.ENDED
    if item.valid_from is not None and date < item.valid_from:
        return Status.PLANNED if item.status is not Status.UNDER_CONSIDERATION else item.status
    if item.status is Status.ENDED:
        return Status.ACTIVE
    return item.status


def holds_at(item: Dated, date: dt.date) -> bool:
    """Whether ``item`` is active on ``date``."""
    return status_at(item, date) is Status.ACTIVE
