"""Questions in plain Dutch or English, answered from the model.

:func:`answer_question` reads a question (:mod:`~mra_graph.questions.reader`: names
first, then the words around them, then what kind of question it is), and the reading
answers itself (:mod:`~mra_graph.questions.frames`). The answer is in the question's
language unless another is asked for; a day the question names overrides ``at``.

Nothing is guessed: a question that cannot be read one way raises
:class:`~mra_graph.errors.QuestionError` (exit 2), a name the model does not have
:class:`~mra_graph.errors.UnknownNameError` (exit 1), each in the question's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from mra_graph.model.schema import AsOf, GovernanceModel, Node
from mra_graph.questions.analysis import Analysis
from mra_graph.questions.frames import Answer, Figure, Intent, Reading
from mra_graph.questions.queries import Composition, Diff, Hit, Step
from mra_graph.questions.reader import read_question
from mra_graph.words import Lang

__all__ = [
    "Answer",
    "AskResult",
    "Count",
    "Intent",
    "Reading",
    "answer_question",
    "chain_hits",
    "parse_question",
    "stated_count",
]


@dataclass(frozen=True)
class AskResult:
    """A question, how it was read, the language and date answered in, and the answers;
    ``other_answers`` answer the other reading of a question that reads two ways."""

    question: str
    reading: Reading
    lang: Lang
    at: dt.date
    matches: tuple[tuple[Node, ...], ...]
    answers: tuple[Answer, ...]
    changes: Diff | None = None
    other_answers: tuple[Answer, ...] = ()
    analysis: Analysis | None = None
    figure: Figure | None = None
    when: AsOf | None = None
    """The day asked and the day answered for, where they differ because the asked day
    lies beyond the documents' horizon; ``at`` is the day answered for."""


def parse_question(
    model: GovernanceModel, question: str, lang: Lang | None = None
) -> tuple[Reading, tuple[tuple[Node, ...], ...]]:
    """How ``question`` is read, and the nodes each name in it may mean.

    >>> from mra_graph import load
    >>> reading, nodes = parse_question(load(), "door wie wordt het MRA Bureau aangestuurd?")
    >>> reading.intent, reading.kind, reading.direction, [n.id for n in nodes[0]]
    ('relation', 'steers', 'incoming', ['mra-bureau'])
    >>> reading, nodes = parse_question(load(), "wie is ambtelijk opdrachtgever van het MRA Bureau in 2017?")
    >>> reading.kind, reading.capacity, reading.at
    ('commissions', 'ambtelijk', datetime.date(2017, 1, 1))
    """
    reading, _ = read_question(model, question, lang)
    return reading, tuple(t.nodes for t in reading.tags)


def answer_question(
    model: GovernanceModel, question: str, at: dt.date, lang: Lang | None = None
) -> AskResult:
    """Read ``question`` and answer it for every node its names may mean.

    ``at`` is the day answered for unless the question names one; ``lang`` is the
    answer's language, by default the question's.

    >>> from mra_graph import load
    >>> import datetime as dt
    >>> result = answer_question(load(), "who supports the Regiegroep?", dt.date(2017, 6, 1))
    >>> [(a.subject.id, [h.node.id for h in a.hits]) for a in result.answers]
    [('regiegroep-mra', ['mra-bureau']), ('regiegroep-am', ['algemeen-regiosecretaris-am'])]
    """
    reading, analysis = read_question(model, question, lang)
    # a day beyond what the documents describe is answered for the nearest day they do
    asked = model.as_of(reading.at or at)
    day = asked.used
    found = reading.answer(model, day)
    when = asked if asked.beyond else None
    if found.changes is not None:
        day, when = found.changes.end, None
    return AskResult(
        question,
        reading,
        lang or reading.lang,
        day,
        tuple(t.nodes for t in reading.tags),
        found.answers,
        found.changes,
        found.other_answers,
        analysis,
        found.figure,
        when,
    )


class Count(NamedTuple):
    """The number the model states for a composition: ``basis`` is ``size`` (the body's
    own figure), ``counted`` (the sum of every member's count), ``per`` (one member's
    count per something), ``parts`` (parts without counts, one each), ``at_least`` (some
    members have no count), ``figure`` (a row of a figure table that counts the node
    alone, for the year asked: ``unit``, ``table`` and ``row`` say which) or ``none``."""

    number: float | None
    per: str | None
    basis: str
    unit: str | None = None
    table: str | None = None
    row: str | None = None


def stated_count(
    model: GovernanceModel, composition: Composition, day: dt.date, figure: bool = False
) -> Count:
    """How many members or parts ``composition`` has on ``day``, as far as the model says;
    with ``figure``, the staffing table's figure for the node in ``day``'s year first."""
    hits = composition.hits
    year = str(day.year)
    if figure:
        # the staffing table or nothing: a count of members is no count of fte
        for table in model.figures:
            for row in table.rows:
                if row.nodes == [composition.subject.id] and year in row.values:
                    return Count(row.values[year], None, "figure", table.unit, table.id, row.id)
        return Count(None, None, "none")
    if composition.size is not None:
        return Count(composition.size, None, "size")
    if len(hits) == 1 and hits[0].relation.count is not None and hits[0].relation.per:
        return Count(hits[0].relation.count, hits[0].relation.per, "per")
    if composition.counted is not None:
        return Count(composition.counted, None, "counted")
    if hits and all(
        h.relation.count is None and model.vocabulary.role(h.relation.kind) == "part" for h in hits
    ):
        return Count(len(hits), None, "parts")
    known = composition.at_least
    if known:
        return Count(known, None, "at_least")
    for table in model.figures:
        for row in table.rows:
            if row.nodes == [composition.subject.id] and year in row.values:
                return Count(row.values[year], None, "figure", table.unit, table.id, row.id)
    return Count(None, None, "none")


def chain_hits(found: Sequence[Sequence[Step]]) -> tuple[Hit, ...]:
    """The nodes above, each once at its smallest depth, with the relation that reaches it."""
    best: dict[str, Hit] = {}
    for chain in found:
        lower: str | None = None
        for depth, step in enumerate(chain, 1):
            higher = step.target if step.forward else step.source
            if higher.id not in best or best[higher.id].depth > depth:
                best[higher.id] = Hit(higher, step.relation, depth, lower if depth > 1 else None)
            lower = higher.id
    return tuple(sorted(best.values(), key=lambda h: (h.depth, h.node.id)))
