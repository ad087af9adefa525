"""What a report says, as plain frozen data that templates turn into HTML or Markdown.

Nothing here knows about markup: texts are plain strings (templates escape them) and
links are fragment anchors (``card-<node id>``, ``rel-<relation id>``, ``row-<row id>``,
``conflict-<id>``, ``src-<n>``) that every output format shares.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mra_graph.errors import RenderError
from mra_graph.model.schema import Source
from mra_graph.report.paper import fit
from mra_graph.report.phrases import Phrases
from mra_graph.words import Lang

if TYPE_CHECKING:
    from mra_graph.render.text import Description

__all__ = [
    "Card",
    "ChainStep",
    "ChangeItem",
    "Citation",
    "ClaimEntry",
    "ConflictEntry",
    "Diagram",
    "DocumentEntry",
    "Group",
    "Line",
    "Mark",
    "PlannedItem",
    "PrintedView",
    "Ref",
    "RegionSection",
    "Report",
    "SectionEntry",
    "Staffing",
    "StaffingRow",
]


@dataclass(frozen=True)
class Mark:
    """A mark on a node, relation or figure row that a recorded conflict names: ``kind`` is
    ``disputed`` (the sources contradict each other) or ``unclear`` (a source reads two
    ways), ``text`` its word, ``title`` what that means, ``anchor`` the conflict that
    explains it."""

    kind: str
    text: str
    title: str
    anchor: str


@dataclass(frozen=True)
class Ref:
    """A link to a node's card: its id, distinguishing label and status on the report date.

    ``status_text`` is ``None`` while the node is active, else e.g. ``gepland``;
    ``modality_text`` is ``None`` for a node the sources state plainly, else e.g.
    ``voorwaardelijk``, and ``modality_detail`` adds its condition
    (``voorwaardelijk: als de voorstellen worden overgenomen``) for the node's own card.
    """

    id: str
    label: str
    anchor: str
    kind: str
    status: str
    status_text: str | None
    marks: tuple[Mark, ...]
    modality_text: str | None = None
    modality_detail: str | None = None


@dataclass(frozen=True)
class Line:
    """One relation as a card shows it: the node at the other end and what qualifies it.

    ``anchor`` is set on the one line per relation that owns its ``rel-<id>`` anchor
    (on the card of the relation's ``from`` node); ``details`` are attribute
    name/value pairs, ``extras`` short qualifiers (capacity, count, role).
    """

    relation_id: str
    anchor: str | None
    other: Ref
    extras: tuple[str, ...]
    details: tuple[tuple[str, str], ...]
    note: str | None
    status_text: str | None
    marks: tuple[Mark, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Group:
    """Relations of one kind in one direction, under a heading such as *Wordt ondersteund door*."""

    key: str
    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class ChainStep:
    phrase: str
    other: Ref
    extras: tuple[str, ...]
    relation_id: str


@dataclass(frozen=True)
class Card:
    """Everything the report says about one node."""

    ref: Ref
    name: str
    other_name: str | None
    aliases: tuple[str, ...]
    what: str
    region: str | None
    description: str | None
    description_lang: Lang
    period: str | None
    facts: tuple[tuple[str, str], ...]
    composition: tuple[Line, ...]
    size_sentence: str | None
    chair: tuple[Line, ...]
    chair_note: str | None
    meetings: str | None
    groups: tuple[Group, ...]
    other_groups: tuple[Group, ...]
    chains: tuple[tuple[ChainStep, ...], ...]
    chain_note: str | None
    conflicts: tuple[tuple[str, str], ...]
    sources: tuple[Source, ...]
    staffing_rows: tuple[tuple[str, str], ...] = ()

    @property
    def is_body(self) -> bool:
        return self.ref.kind == "body"


@dataclass(frozen=True)
class RegionSection:
    id: str
    anchor: str
    name: str
    other_name: str | None
    short: str
    intro: str
    cards: tuple[Card, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class StaffingRow:
    id: str
    anchor: str
    label: str
    values: tuple[str, ...]
    difference: str
    stated: str | None
    computed: str | None
    consistent: bool
    checked: bool
    is_total: bool
    nodes: tuple[Ref, ...]
    marks: tuple[Mark, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Staffing:
    title: str
    unit: str
    note: str | None
    years: tuple[str, ...]
    rows: tuple[StaffingRow, ...]
    consistent: bool
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ChangeItem:
    text: str
    href: str
    before: str
    after: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class PlannedItem:
    ref: Ref
    period: str | None
    description: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ClaimEntry:
    statement: str
    value: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ConflictEntry:
    id: str
    anchor: str
    kind: str
    title: str
    description: str
    claims: tuple[ClaimEntry, ...]
    model_choice: str | None
    subjects: tuple[tuple[str, str], ...]
    model_choice_lang: Lang = "nl"


@dataclass(frozen=True)
class Citation:
    """A numbered passage of a source, and the facts of the report that rest on it."""

    number: int
    anchor: str
    source: Source
    cited_by: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SectionEntry:
    title: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class DocumentEntry:
    id: str
    title: str
    file: str
    period: str
    sections: tuple[SectionEntry, ...]
    title_en: str | None = None


@dataclass(frozen=True)
class PrintedView:
    """A picture the printed report gives a page of its own: the view's SVG, its caption,
    and whether it prints across the page, with its smallest text there in points."""

    view: str
    svg: str
    caption: str
    landscape: bool
    smallest_pt: float
    across: tuple[str, ...] = ()
    """The lines to other regions the view leaves out, a sentence each."""

    @property
    def src(self) -> str:
        """The SVG as a ``data:`` URL, for an ``<img>`` (WeasyPrint draws those every time)."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")


@dataclass(frozen=True)
class Diagram:
    """The overview picture: inline SVG markup (already safe to embed) and its text alternative.

    ``svg`` is ``None`` when it could not be drawn; ``reason`` then says why. ``printed``
    holds the views that print in its place, one page each, when the picture itself
    would print too small to read on A4 (see :mod:`mra_graph.report.paper`): the
    overview of each region.
    """

    svg: str | None
    title: str
    description: str
    reason: str | None = None
    mermaid: str | None = None
    parts: Description | None = None
    """The description in parts (:class:`mra_graph.render.Description`), when it could be made."""
    printed: tuple[PrintedView, ...] = ()
    small_print: str = ""
    """What the caption says when the picture, printed itself, keeps its smallest text
    under 7 pt on A4 (empty when it prints legibly, or its regions print instead)."""

    @property
    def across(self) -> tuple[str, ...]:
        """The lines between regions, which no page of :attr:`printed` draws: each once,
        in the order of the pages."""
        return tuple(dict.fromkeys(line for view in self.printed for line in view.across))

    @property
    def landscape(self) -> bool:
        """Whether the picture prints larger across an A4 page than upright on it.

        The boxes are those of :data:`mra_graph.report.paper.PAGES`, which the print
        style sheet gives the picture.
        """
        if not self.svg:
            return True
        try:
            return fit(self.svg).page.name == "landscape"
        except RenderError:
            return True


@dataclass(frozen=True)
class Report:
    """A whole report: what the templates get as ``report``, with the phrases as ``t``."""

    lang: Lang
    at: dt.date
    as_of: str
    """``Stand op 2017-06-01``, or for a day asked beyond the documents' horizon the day
    reported for and why."""
    since: dt.date | None
    title: str
    heading: str
    focus: Ref | None
    model_title: str
    counts: str
    documents: tuple[DocumentEntry, ...]
    diagram: Diagram
    regions: tuple[RegionSection, ...]
    others: tuple[tuple[str, tuple[Card, ...]], ...]
    staffing: Staffing | None
    changes: tuple[tuple[str, tuple[ChangeItem, ...]], ...] | None
    planned: tuple[tuple[str, tuple[PlannedItem, ...]], ...]
    conflicts: tuple[ConflictEntry, ...]
    citations: dict[Source, Citation]
    search_index: tuple[dict[str, object], ...]
    graph_index: dict[str, object]
    phrases: Phrases
    subtitle: str = ""
    """What the report tells, from what the model holds (a staffing table or not)."""
    documents_intro: str = ""
    """How many source documents the report describes, and their language where it is
    not the report's."""
    source_lang: Lang = "nl"
    """The language of the model's own text and its sources (the model's ``lang``)."""
    marked_note: str = ""
    """What «…» means, when the report holds text so marked (else empty)."""

    def cite(self, sources: tuple[Source, ...]) -> tuple[Citation, ...]:
        """The numbered citations of ``sources``, in number order, each once."""
        found = {self.citations[s].number: self.citations[s] for s in sources if s in self.citations}
        return tuple(found[n] for n in sorted(found))

    @property
    def cards(self) -> tuple[Card, ...]:
        every = [c for r in self.regions for c in r.cards]
        every += [c for _, cards in self.others for c in cards]
        return tuple(every)
