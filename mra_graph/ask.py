"""Questions in plain Dutch or English, answered by a deterministic grammar.

The verbs come from the relation vocabulary (``model/vocabulary.json``: each kind's
active and passive phrasing and their ``synonyms_active`` / ``synonyms_passive``);
the other question forms (composition, counts, lines of responsibility, connections)
and the question words come from ``model/questions.json``. A question is folded (lower
case, no accents, punctuation as spaces), a date in it (``op 2016-06-01``, ``on 1
January 2017``) is taken out, and the first pattern that matches and whose names all
resolve decides what it means. A date may name a day (``op 2016-06-01``, ``on 1
January 2017``), a month (``in juni 2017``) or a year (``in 2016``); a month or a year is
answered for its first day, and ``wat veranderde er in 2017?`` compares the day before
it with its last day. A capacity word (``ambtelijk``, ``political``) narrows a relation
that has capacities to that capacity. Nothing is guessed: a question no pattern matches
raises :class:`~mra_graph.errors.QuestionError` with example questions, a name that
fits no node raises :class:`~mra_graph.errors.UnknownNameError` with suggestions.

How a relation phrase becomes questions, for a phrase P whose subject is the
relation's source (*A ondersteunt B*) and a passive phrase Q whose subject is its
target (*B wordt ondersteund door A*):

- ``WH P X`` (*wie ondersteunt X*), ``WH P-with-X-in-its-slot`` (*wie stuurt X aan*,
  for a phrase written ``stuurt … aan``) and ``X Q WH`` ask who stands at the source:
  incoming relations of X;
- ``WH Q X`` (*wat wordt ondersteund door X*), ``X P WH``, ``WH is X rest-of-P``
  (*waar is X gehuisvest*, *what is X a member of*) and ``WH does X base-of-P``
  (*what does X support*) ask who stands at the target: outgoing relations of X;
- a passive phrase ending in its agent word (``door``, ``by``) also gives ``door wie
  wordt X aangestuurd`` / ``by whom is X steered`` / ``who is X steered by``: incoming.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, NamedTuple

from mra_graph.errors import QuestionError, UnknownNameError, UsageError
from mra_graph.model import GovernanceModel, Node
from mra_graph.names import resolve_all
from mra_graph.queries import Composition, Diff, Direction, Hit, Step, chains, diff, members, paths, related
from mra_graph.resources import data_file
from mra_graph.vocabulary import vocabulary

__all__ = [
    "Answer",
    "AskResult",
    "Intent",
    "Reading",
    "answer_question",
    "chain_hits",
    "fold_text",
    "parse_question",
]

Intent = Literal["relation", "members", "count", "chain", "path", "changes"]
_SLOT = "…"
_NON_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Reading:
    """What a question was understood to ask."""

    intent: Intent
    lang: str
    names: tuple[str, ...]
    kind: str | None = None
    direction: Direction | None = None
    at: dt.date | None = None
    capacity: str | None = None
    spans: tuple[tuple[dt.date, dt.date], ...] = ()


@dataclass(frozen=True)
class Answer:
    """The answer for one node the question names (or one pair, for a connection)."""

    subject: Node
    hits: tuple[Hit, ...] = ()
    composition: Composition | None = None
    chains: tuple[tuple[Step, ...], ...] = ()
    other: Node | None = None
    paths: tuple[tuple[Step, ...], ...] = ()


@dataclass(frozen=True)
class AskResult:
    """A question, how it was read, the language and date answered in, and the answers."""

    question: str
    reading: Reading
    lang: str
    at: dt.date
    matches: tuple[tuple[Node, ...], ...]
    answers: tuple[Answer, ...]
    changes: Diff | None = None


class _Pattern(NamedTuple):
    """One question form; ``words`` are the plain words a question must contain for
    it to match (a tuple, so that a thousand patterns are quick to build)."""

    template: str
    wh: str
    intent: Intent
    lang: str
    kind: str | None
    direction: Direction | None
    words: frozenset[str]

    def regexes(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return _compile(self.template, self.wh)


def fold_text(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces.

    >>> fold_text("Door wie wordt het MRA-Bureau aangestuurd?")
    'door wie wordt het mra bureau aangestuurd'
    """
    text = text.casefold()
    if not text.isascii():  # ASCII text has no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


@cache
def _questions() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(data_file("model", "questions.json").read_text(encoding="utf-8"))
    return data


@cache
def _compile(template: str, wh: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # both a greedy and a lazy first name, so that 'X en Y' splits right whichever
    # of the two names contains the separator itself
    body = template.replace("{wh}", wh)
    greedy = body.replace("{x}", "(?P<x>.+)").replace("{y}", "(?P<y>.+)")
    lazy = body.replace("{x}", "(?P<x>.+?)").replace("{y}", "(?P<y>.+)")
    return re.compile(f"^{greedy}$"), re.compile(f"^{lazy}$")


def _base_form(verb: str) -> str:
    """The English infinitive of a third-person verb: supports → support, has → have."""
    if verb == "has":
        return "have"
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") else verb


def _fold_phrase(phrase: str) -> str:
    """A phrase folded with its name slot, if any, kept as ``{x}``."""
    return " {x} ".join(fold_text(part) for part in phrase.split(_SLOT)).strip()


def _active_templates(phrase: str, g: dict[str, Any]) -> Iterator[tuple[str, Direction]]:
    if "{x}" in phrase:
        yield ("{wh} " + phrase, "incoming")
        return
    yield ("{wh} " + phrase + " {x}", "incoming")
    yield ("{x} " + phrase + " {wh}", "outgoing")
    words = phrase.split()
    copula = "(?:" + "|".join(g["copula"]) + ")"
    if words[0] in g["copula"] and len(words) > 1:
        rest = words[1:]
        yield (f"{{wh}} {copula} {{x}} {' '.join(rest)}", "outgoing")
        if len(rest) > 1:
            # 'waar is X gehuisvest', 'van wie is X lid', 'waarvan is X lid'
            short, prep = " ".join(rest[:-1]), rest[-1]
            yield (f"{{wh}} {copula} {{x}} {short}", "outgoing")
            yield (f"{prep} {{wh}} {copula} {{x}} {short}", "outgoing")
            if g["where_compounds"]:
                yield (f"{g['where_compounds']}{prep} {copula} {{x}} {short}", "outgoing")
    elif g["does"]:
        does = "(?:" + "|".join(g["does"]) + ")"
        yield (f"{{wh}} {does} {{x}} {' '.join([_base_form(words[0]), *words[1:]])}", "outgoing")


def _passive_templates(phrase: str, g: dict[str, Any]) -> Iterator[tuple[str, Direction]]:
    if "{x}" in phrase:
        yield ("{wh} " + phrase, "outgoing")
        return
    words = phrase.split()
    if re.fullmatch(g["wh"], words[0]):
        # a phrase that is itself a question ('waarover besluit'): the name follows it
        yield (phrase + " {x}", "outgoing")
        return
    yield ("{wh} " + phrase + " {x}", "outgoing")
    yield ("{x} " + phrase + " {wh}", "incoming")
    if g["does"] and words[0] not in g["copula"]:
        # 'what does the WTC house?': the name is the passive phrase's subject
        does = "(?:" + "|".join(g["does"]) + ")"
        yield (f"{{wh}} {does} {{x}} {' '.join([_base_form(words[0]), *words[1:]])}", "incoming")
    if len(words) >= 3 and words[-1] in g["agent"]:
        aux, middle = words[0], " ".join(words[1:-1])
        agent_wh = "(?:" + "|".join(g["agent_wh"]) + ")"
        yield (f"{agent_wh} {aux} {{x}} {middle}", "incoming")
        yield (f"{{wh}} {aux} {{x}} {middle} {words[-1]}", "incoming")


def _pattern(
    template: str,
    wh: str,
    intent: Intent,
    lang: str,
    kind: str | None = None,
    direction: Direction | None = None,
) -> _Pattern:
    words = frozenset(w for w in template.split() if w.isalnum())
    return _Pattern(template, wh, intent, lang, kind, direction, words)


@cache
def _grammar() -> tuple[_Pattern, ...]:
    """Every question pattern in the order they are tried."""
    questions = _questions()
    fixed: list[_Pattern] = []
    for lang in ("nl", "en"):
        g = questions[lang]
        for intent in ("members", "count", "chain", "path", "changes"):
            for template in g[intent]:
                fixed.append(_pattern(template, g["wh"], intent=intent, lang=lang))
    verbal: list[tuple[int, _Pattern]] = []
    for kind, info in vocabulary().relation_kinds.items():
        for lang in ("nl", "en"):
            g = questions[lang]
            phrasing = info.phrasing(lang)
            voices = (
                ([phrasing.active, *phrasing.synonyms_active], _active_templates),
                ([phrasing.passive, *phrasing.synonyms_passive], _passive_templates),
            )
            for phrases, templates in voices:
                for phrase in phrases:
                    folded = _fold_phrase(phrase)
                    for template, direction in templates(folded, g):
                        pattern = _pattern(template, g["wh"], "relation", lang, kind, direction)
                        verbal.append((len(folded), pattern))
    # the longest verb phrase wins: 'heeft als lid' before 'heeft'
    verbal.sort(key=lambda item: -item[0])
    return (*fixed, *(p for _, p in verbal))


def _month_names() -> dict[str, int]:
    questions = _questions()
    return {name: i for lang in ("nl", "en") for i, name in enumerate(questions[lang]["months"], 1)}


@cache
def _date_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A range (``tussen 2016 en 2017``) and a single date with its preposition, if any."""
    questions = _questions()
    months = "|".join(_month_names())
    date = (
        rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}\s+(?:{months})\s+\d{{4}}|(?:{months})\s+\d{{4}}|\d{{4}})"
    )

    def words(key: str) -> str:
        found = {w for lang in ("nl", "en") for w in questions[lang][key]}
        return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))

    span = re.compile(
        rf"\b(?:{words('range_from')})\s+(?P<a>{date})\s+(?:{words('range_to')})\s+(?P<b>{date})\b", re.I
    )
    single = re.compile(rf"(?:\b(?P<prep>{words('date_prepositions')})\s+)?\b(?P<a>{date})\b", re.I)
    return span, single


def _span(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day a written date names: a day, a month or a year."""
    months = _month_names()
    parts = text.casefold().replace("-", " ").split()
    try:
        if len(parts) == 3 and parts[1] in months:
            day = dt.date(int(parts[2]), months[parts[1]], int(parts[0]))
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
        raise UsageError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2017-06-01") from None


def _take_dates(question: str) -> tuple[str, tuple[tuple[dt.date, dt.date], ...]]:
    """The question without its dates, and the span each date names.

    A bare year or month counts as a date only after a preposition (``in 2016``), so that
    a number in a name stays part of the name.
    """
    if not any(c.isdecimal() for c in question):
        # every date has a year in digits (what '\d' matches); without one there is
        # no need to compile the date patterns
        return question, ()
    span, single = _date_regexes()
    found = span.search(question)
    if found:
        rest = question[: found.start()] + " " + question[found.end() :]
        return rest, (_span(found["a"]), _span(found["b"]))
    spans: list[tuple[dt.date, dt.date]] = []
    pieces: list[str] = []
    last = 0
    for match in single.finditer(question):
        is_day = "-" in match["a"] or len(match["a"].split()) == 3
        if not is_day and match["prep"] is None:
            continue
        if spans:
            raise UsageError(
                f"the question {question!r} names more than one date; name one, or a range such as "
                "'tussen 2016 en 2017'"
            )
        spans.append(_span(match["a"]))
        pieces.append(question[last : match.start()])
        last = match.end()
    pieces.append(question[last:])
    return " ".join(pieces), tuple(spans)


def _capacity_in(folded: str) -> tuple[str, str, str] | None:
    """The question without its first capacity word, the capacity and the word as said."""
    for capacity, term in sorted(vocabulary().capacities.items()):
        for word in sorted(term.words(), key=len, reverse=True):
            found = re.search(rf"\b{re.escape(fold_text(word))}\b", folded)
            if found:
                rest = " ".join((folded[: found.start()] + folded[found.end() :]).split())
                return rest, capacity, found[0]
    return None


def _examples() -> list[str]:
    questions = _questions()
    return [*questions["nl"]["examples"][:3], *questions["en"]["examples"][:2]]


def _match(
    model: GovernanceModel, folded: str
) -> tuple[_Pattern, tuple[str, ...], tuple[tuple[Node, ...], ...]]:
    """The first pattern that matches ``folded`` and whose names all resolve."""
    unknown: UnknownNameError | None = None
    if folded:
        present = frozenset(folded.split())
        for pattern in _grammar():
            # compiling every pattern would cost more than answering; most are ruled
            # out by a word the question lacks
            if not pattern.words <= present:
                continue
            for regex in pattern.regexes():
                match = regex.match(folded)
                if match is None:
                    continue
                names = tuple(match[g] for g in ("x", "y") if g in regex.groupindex)
                try:
                    nodes = tuple(tuple(resolve_all(model, name)) for name in names)
                except UnknownNameError as error:
                    unknown = unknown or error
                    continue
                return pattern, names, nodes
    if unknown is not None:
        raise unknown
    raise QuestionError(folded, _examples())


def parse_question(model: GovernanceModel, question: str) -> tuple[Reading, tuple[tuple[Node, ...], ...]]:
    """How ``question`` is read, and the nodes each name in it may mean.

    >>> from mra_graph import load
    >>> reading, nodes = parse_question(load(), "door wie wordt het MRA Bureau aangestuurd?")
    >>> reading.intent, reading.kind, reading.direction, [n.id for n in nodes[0]]
    ('relation', 'steers', 'incoming', ['mra-bureau'])
    >>> reading, nodes = parse_question(load(), "wie is ambtelijk opdrachtgever van het MRA Bureau in 2017?")
    >>> reading.kind, reading.capacity, reading.at
    ('commissions', 'ambtelijk', datetime.date(2017, 1, 1))
    """
    text, spans = _take_dates(question)
    folded = fold_text(text)
    capacity: str | None = None
    try:
        pattern, names, nodes = _match(model, folded)
    except (QuestionError, UnknownNameError) as error:
        narrowed = _capacity_in(folded)
        if narrowed is None:
            raise (
                QuestionError(question, _examples()) if isinstance(error, QuestionError) else error
            ) from None
        rest, capacity, said = narrowed
        try:
            pattern, names, nodes = _match(model, rest)
        except QuestionError:
            raise QuestionError(question, _examples()) from None
        kinds = [k for k, info in vocabulary().relation_kinds.items() if capacity in info.capacities]
        if pattern.kind not in kinds:
            asked = pattern.kind or pattern.intent
            raise UsageError(
                f"{said!r} narrows only relations with a capacity ({', '.join(kinds)}), not {asked!r}; "
                "ask the question without it"
            ) from None
    if pattern.intent == "changes":
        if not spans:
            raise UsageError(
                f"say from when the question {question!r} asks, e.g. 'wat veranderde er op 1 januari 2017?'"
            )
    elif len(spans) > 1:
        raise UsageError(f"the question {question!r} names a range of dates; name one day, e.g. 2017-06-01")
    at = spans[0][0] if spans else None
    reading = Reading(
        pattern.intent, pattern.lang, names, pattern.kind, pattern.direction, at, capacity, spans
    )
    return reading, nodes


def answer_question(model: GovernanceModel, question: str, at: dt.date, lang: str | None = None) -> AskResult:
    """Read ``question`` and answer it for every node its names may mean.

    ``at`` is the day answered for unless the question names one; ``lang`` is the
    answer's language, by default the question's.

    >>> from mra_graph import load
    >>> import datetime as dt
    >>> result = answer_question(load(), "who supports the Regiegroep?", dt.date(2017, 6, 1))
    >>> [(a.subject.id, [h.node.id for h in a.hits]) for a in result.answers]
    [('regiegroep-mra', ['mra-bureau']), ('regiegroep-am', ['algemeen-regiosecretaris-am'])]
    """
    reading, nodes = parse_question(model, question)
    day = reading.at or at
    answers: list[Answer] = []
    if reading.intent == "changes":
        spans = reading.spans
        if len(spans) == 1:
            start, end = spans[0][0] - dt.timedelta(days=1), spans[0][1]
        else:
            start, end = spans[0][0], spans[1][0]
        change = diff(model, start, end)
        return AskResult(question, reading, lang or reading.lang, end, nodes, (), change)
    if reading.intent == "path":
        for a in nodes[0]:
            for b in nodes[1]:
                answers.append(Answer(a, other=b, paths=paths(model, a.id, b.id, day)))
    else:
        for subject in nodes[0]:
            answers.append(_answer_one(model, reading, subject, day))
    return AskResult(question, reading, lang or reading.lang, day, nodes, tuple(answers))


def _answer_one(model: GovernanceModel, reading: Reading, subject: Node, day: dt.date) -> Answer:
    if reading.intent == "relation":
        assert reading.kind is not None
        assert reading.direction is not None
        hits = related(model, subject.id, reading.kind, reading.direction, day)
        if reading.capacity is not None:
            hits = tuple(h for h in hits if h.relation.capacity == reading.capacity)
        return Answer(subject, hits=hits)
    if reading.intent == "chain":
        return Answer(subject, chains=chains(model, subject.id, day))
    return Answer(subject, composition=members(model, subject.id, day))


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
