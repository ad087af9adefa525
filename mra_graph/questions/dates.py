"""The dates a question names: taken out of it before it is read.

A day (``op 2016-06-01``, ``on 1 January 2017``, or a full date anywhere), or a month
or a year after a preposition (``in juni 2017``, ``in 2016``); a range between two of
them (``tussen 2016 en 2017``). A bare year without a preposition stays in the question,
so that a number in a name stays part of the name.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from mra_graph.errors import UsageError
from mra_graph.questions.lexicon import questions_data
from mra_graph.words import worded_error

__all__ = ["Span", "take_dates"]

Span = tuple[dt.date, dt.date]
"""The first and last day a written date names."""


def _month_names() -> dict[str, int]:
    data = questions_data()
    return {name: i for lang in ("nl", "en") for i, name in enumerate(data[lang]["months"], 1)}


@cache
def _date_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A range (``tussen 2016 en 2017``) and a single date with its preposition, if any."""
    data = questions_data()
    months = "|".join(_month_names())
    date = (
        rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}\s+(?:{months})\s+\d{{4}}|(?:{months})\s+\d{{1,2}},?\s+\d{{4}}"
        rf"|(?:{months})\s+\d{{4}}|\d{{4}})"
    )

    def words(key: str) -> str:
        found = {w for lang in ("nl", "en") for w in data[lang][key]}
        return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))

    span = re.compile(
        rf"\b(?:{words('range_from')})\s+(?P<a>{date})\s+(?:{words('range_to')})\s+(?P<b>{date})\b", re.I
    )
    single = re.compile(rf"(?:\b(?P<prep>{words('date_prepositions')})\s+)?\b(?P<a>{date})\b", re.I)
    return span, single


def _span(text: str) -> Span:
    """The first and last day a written date names: a day, a month or a year."""
    months = _month_names()
    parts = text.casefold().replace("-", " ").replace(",", " ").split()
    try:
        if len(parts) == 3 and parts[1] in months:
            day = dt.date(int(parts[2]), months[parts[1]], int(parts[0]))
            return day, day
        if len(parts) == 3 and parts[0] in months:  # 'January 1, 2017'
            day = dt.date(int(parts[2]), months[parts[0]], int(parts[1]))
            return day, day
        if len(parts) == 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return day, day
        if len(parts) == 2:
            first = dt.date(int(parts[1]), months[parts[0]], 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        return dt.date(int(parts[0]), 1, 1), dt.date(int(parts[0]), 12, 31)
    except ValueError:
        raise worded_error(UsageError, "usage/not_a_date", text=repr(text)) from None


def take_dates(question: str) -> tuple[str, tuple[Span, ...], tuple[str, ...]]:
    """The question without its dates, the span each date names, and the preposition
    each was said with (empty when none).

    >>> text, spans, preps = take_dates("wie stuurt het MRA Bureau aan in 2017?")
    >>> text.strip(), spans[0][0].isoformat(), preps
    ('wie stuurt het MRA Bureau aan  ?', '2017-01-01', ('in',))
    """
    if not any(c.isdecimal() for c in question):
        # every date has a year in digits; without one there is nothing to compile
        return question, (), ()
    span, single = _date_regexes()
    found = span.search(question)
    if found:
        rest = question[: found.start()] + " " + question[found.end() :]
        return rest, (_span(found["a"]), _span(found["b"])), ("", "")
    spans: list[Span] = []
    preps: list[str] = []
    pieces: list[str] = []
    last = 0
    for match in single.finditer(question):
        is_day = "-" in match["a"] or len(match["a"].replace(",", " ").split()) == 3
        if not is_day and match["prep"] is None:
            continue
        if spans:
            raise worded_error(UsageError, "usage/two_dates", question=repr(question))
        spans.append(_span(match["a"]))
        preps.append((match["prep"] or "").casefold())
        pieces.append(question[last : match.start()])
        last = match.end()
    pieces.append(question[last:])
    return " ".join(pieces), tuple(spans), tuple(preps)
