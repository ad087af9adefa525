"""Reading a question: the names first, then the words around them, then what it asks.

1. Dates are taken out (:mod:`~mra_graph.questions.dates`) and the rest is folded.
2. The model's names are tagged (:mod:`~mra_graph.questions.tagging`) and the words
   around them read (:mod:`~mra_graph.questions.analysis`).
3. The kind of question is decided (:mod:`~mra_graph.questions.decide`, with
   :mod:`~mra_graph.questions.relations` for which way a relation is asked) and becomes
   a reading (:mod:`~mra_graph.questions.frames`) that answers itself.

Nothing is guessed: what cannot be read raises :class:`~mra_graph.errors.QuestionError`
(exit 2) in the question's language, naming the words not understood and offering
questions about the same names that the model can answer; a name the model lacks
raises :class:`~mra_graph.errors.UnknownNameError` (exit 1) with suggestions
(:mod:`~mra_graph.questions.refusal`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from mra_graph.errors import MraGraphError, QuestionError, UsageError
from mra_graph.model.names import NameIndex, fold_text
from mra_graph.model.names import index as name_index
from mra_graph.model.schema import GovernanceModel
from mra_graph.questions import frames as f
from mra_graph.questions.analysis import Analysis, Base, names_as_words, read_words
from mra_graph.questions.dates import Span, take_dates
from mra_graph.questions.decide import decide
from mra_graph.questions.refusal import refusal
from mra_graph.questions.tagging import MAX_WORDS, original_words
from mra_graph.words import Lang, words

__all__ = ["MAX_CHARACTERS", "read_question"]

MAX_CHARACTERS = 1_000
"""A question longer than this is refused before it is read (bounded work)."""


def read_question(
    model: GovernanceModel, question: str, lang_hint: Lang | None = None
) -> tuple[f.Reading, Analysis]:
    """How ``question`` is read and the analysis behind it; raises :class:`QuestionError`,
    :class:`UnknownNameError` or :class:`UsageError` when it cannot be read one way."""
    if len(question) > MAX_CHARACTERS:
        raise QuestionError(
            question[:60], [], message=words(lang_hint or "nl")("ask", "too_long", n=MAX_WORDS)
        )
    text, spans, preps = take_dates(question)
    folded = fold_text(text).split()
    if len(folded) > MAX_WORDS:
        raise QuestionError(question, [], message=words(lang_hint or "nl")("ask", "too_long", n=MAX_WORDS))
    index = name_index(model)
    originals = original_words(text)
    an = read_words(model, index, folded, lang_hint, originals)
    try:
        return _read(model, index, question, originals, an, spans, preps)
    except MraGraphError as error:
        error.lang = an.lang
        raise


def _read(
    model: GovernanceModel,
    index: NameIndex,
    question: str,
    originals: Sequence[str],
    an: Analysis,
    spans: tuple[Span, ...],
    preps: tuple[str, ...],
) -> tuple[f.Reading, Analysis]:
    base = Base(an.lang, _day(spans, preps) if spans else None, spans)
    reading = decide(model, an, base)
    if reading is None:
        # a one-word name that is also a word of a phrase ('voorzitter' in 'is voorzitter
        # van', where a model has a node called Voorzitter): read it as the word
        for worded in names_as_words(an):
            reading = decide(model, worded, base)
            if reading is not None:
                an = worded
                break
    if reading is None:
        raise refusal(model, index, question, an, originals)
    if isinstance(reading, f.ChangesReading):
        if not spans:
            raise UsageError(words(an.lang)("ask", "changes_need_date", question=question))
    elif len(spans) > 1 and not isinstance(reading, f.FigureReading):
        raise UsageError(words(an.lang)("ask", "one_date", question=question))
    ignored = tuple(an.words[i] for i, role in sorted(an.roles.items()) if role == "filler")
    # of the kinds that share a phrase, the one read; then capacities and the other cues
    chosen = [m for m in an.relations if m.cue.value == reading.kind] or an.relations
    said: dict[tuple[int, ...], str] = {}
    for m in sorted(chosen, key=lambda m: not m.cue.primary):  # a kind's own phrase first
        said.setdefault(m.positions, m.cue.said)
    cues = tuple(dict.fromkeys(said.values()))
    cues += tuple(dict.fromkeys(m.cue.said for m in an.capacities))
    cues += tuple(dict.fromkeys(m.cue.said for ms in an.frames.values() for m in ms))
    return replace(reading, cues=cues, ignored=ignored, corrected=tuple(an.corrected)), an


def _day(spans: tuple[Span, ...], preps: tuple[str, ...]) -> dt.date:
    first, last = spans[0]
    prep = preps[0] if preps else ""
    if prep in ("voor", "before", "tot", "until"):
        return first - dt.timedelta(days=1)
    if prep in ("na", "after"):
        return last + dt.timedelta(days=1)
    return first
