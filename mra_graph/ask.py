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
  wordt X aangestuurd`` / ``by whom is X steered`` / ``who is X steered by``: incoming;
- a Dutch phrase ending in a preposition also gives ``met wie werkt X samen`` and
  ``waarmee experimenteert X``: who stands at the other end.

Dutch puts the verb second, so ``wat ondersteunt X`` also reads *what does X support*.
Such a question is answered in its likelier reading (number agreement of question word
and verb, then the relation's node kinds, then the question word's usual role; see
:func:`_likelier`), and the other reading is answered too, for the output to show.

Names resolve through :mod:`mra_graph.names`; a name that does not resolve may end in
a region or a body of one region (``de Regiegroep van de MRA``), be a plural, follow
words that stand for the body (``het personeel van``), or be the last words of a
longer name (``the secretaries' meeting``). Further forms (where, since when, how
often, how many of a kind in a body, staffing figures) are data in questions.json.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from mra_graph.ask_grammar import (
    Intent,
    Pattern,
    capacity_in,
    examples,
    fold_text,
    grammar,
    question_phrases,
    questions,
    take_dates,
)
from mra_graph.errors import QuestionError, UnknownNameError, UsageError
from mra_graph.model import GovernanceModel, Node
from mra_graph.names import fold as fold_name
from mra_graph.names import index as name_index
from mra_graph.queries import Composition, Diff, Direction, Hit, Step, chains, diff, members, paths, related
from mra_graph.vocabulary import vocabulary
from mra_graph.words import Lang

__all__ = [
    "Answer",
    "AskResult",
    "Count",
    "Intent",
    "Reading",
    "answer_question",
    "chain_hits",
    "fold_text",
    "parse_question",
    "question_phrases",
    "stated_count",
]


@dataclass(frozen=True)
class Reading:
    """What a question was understood to ask.

    ``other_direction`` is set when the question reads two ways (Dutch ``wat
    ondersteunt X``); ``why`` then names what chose ``direction``: ``agreement``,
    ``kinds``, ``default`` or ``default_object``, and ``wh`` is the question word said.
    """

    intent: Intent
    lang: Lang
    names: tuple[str, ...]
    kind: str | None = None
    direction: Direction | None = None
    at: dt.date | None = None
    capacity: str | None = None
    spans: tuple[tuple[dt.date, dt.date], ...] = ()
    other_direction: Direction | None = None
    why: str | None = None
    wh: str | None = None
    attribute: str | None = None


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


class _Match(NamedTuple):
    pattern: Pattern
    names: tuple[str, ...]
    nodes: tuple[tuple[Node, ...], ...]
    wh: str


def _match(model: GovernanceModel, folded: str) -> _Match:
    """The first pattern that matches ``folded`` and whose names all resolve."""
    unknown: UnknownNameError | None = None
    if folded:
        present = frozenset(folded.split())
        for pattern in grammar():
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
                    nodes = tuple(_resolve(model, name, pattern.lang) for name in names)
                except UnknownNameError as error:
                    unknown = unknown or _worded(model, error, pattern.lang)
                    continue
                wh = match["wh"] if "wh" in regex.groupindex else ""
                return _Match(pattern, names, nodes, wh)
    if unknown is not None:
        raise unknown
    raise QuestionError(folded, examples(model))


def _resolve(model: GovernanceModel, name: str, lang: Lang) -> tuple[Node, ...]:
    """Every node ``name`` may mean: by its names; else the part before a region
    qualifier (``Regiegroep van de MRA``, ``X in AM``) narrowed to that region; else the
    singular of a plural; else a name the words end (``the secretaries meeting``)."""
    index = name_index(model)
    found = tuple(index.matches(name))
    folded = fold_name(name)
    for prefix in questions()[lang]["name_prefixes"]:
        if not found and folded.startswith(prefix + " "):
            name = folded = folded[len(prefix) + 1 :]
            found = tuple(index.matches(name))
    if len(found) > 1 or not found:
        narrowed = _qualified(model, name, lang)
        if narrowed:
            return narrowed
    if found:
        return found
    for ending, replacement in questions()[lang]["plurals"]:
        if folded.endswith(ending) and len(folded) > len(ending) + 2:
            singular = tuple(index.matches(folded[: -len(ending)] + replacement))
            if singular:
                return singular
    tail = tuple(index.tail_matches(name))
    if tail:
        return tail
    return tuple(index.resolve_all(name))


def _qualified(model: GovernanceModel, name: str, lang: Lang) -> tuple[Node, ...]:
    """The nodes ``name`` means when it ends in a region (``… van de MRA``, ``… AM``) or
    in a body of one region (``… van het AM-overleg``): those of that region."""
    words = fold_name(name).split()
    regions: dict[str, str] = {}
    for known in model.regions:
        for said in (known.id, known.name, known.name_en, known.short):
            if said:
                regions[fold_name(said)] = known.id
    qualifiers = set(questions()[lang]["qualifiers"])
    articles = set(questions()[lang]["articles"])
    index = name_index(model)
    for cut in range(len(words) - 1, 0, -1):
        tail = words[cut:]
        head = words[:cut]
        region = regions.get(" ".join(tail))
        if region is None:
            # a body of one region stands for it: 'dagelijks bestuur van het AM-overleg'
            within = {n.region for n in index.matches(" ".join(tail))}
            region = within.pop() if len(within) == 1 else None
        if region is None:
            continue
        while head and head[-1] in articles:
            head = head[:-1]
        if head and head[-1] in qualifiers:
            head = head[:-1]
        if not head:
            continue
        # 'portefeuillehoudersoverleggen in AM' may be named 'portefeuillehoudersoverleggen AM'
        for said in (" ".join(head), " ".join(head + tail), " ".join(tail + head)):
            nodes = tuple(n for n in index.matches(said) if n.region == region)
            if nodes:
                return nodes
    return ()


def _worded(model: GovernanceModel, error: UnknownNameError, lang: Lang) -> UnknownNameError:
    """``error`` with its message in the question's language: 'bedoelt u …?'."""
    phrases = question_phrases(lang)
    message = phrases["unknown_name"].format(name=fold_name(error.name))
    if error.suggestions:
        listed = f" {phrases['or']} ".join(f"'{model.label(s, lang)}' ({s})" for s in error.suggestions)
        message += " (" + phrases["did_you_mean"].format(names=listed) + ")"
    else:
        message += " (" + phrases["see_list"] + ")"
    return UnknownNameError(error.name, error.suggestions, message=message)


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
    text, spans = take_dates(question)
    folded = fold_text(text)
    capacity: str | None = None
    try:
        pattern, names, nodes, wh = _match(model, folded)
    except (QuestionError, UnknownNameError) as error:
        narrowed = capacity_in(folded)
        if narrowed is None:
            raise (
                QuestionError(question, examples(model)) if isinstance(error, QuestionError) else error
            ) from None
        rest, capacity, said = narrowed
        try:
            pattern, names, nodes, wh = _match(model, rest)
        except QuestionError:
            raise QuestionError(question, examples(model)) from None
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
    if pattern.kind is not None and "|" in pattern.kind:
        reading = replace(reading, kind=_fitting_kind(pattern.kind.split("|"), pattern.direction, nodes[0]))
    if pattern.intent == "attribute":
        reading = replace(reading, kind=None, attribute=pattern.kind)
    if pattern.verb and pattern.kind is not None and pattern.direction is not None:
        chosen, why = _likelier(pattern, wh, nodes[0])
        other = _reverse(chosen)
        reading = replace(reading, direction=chosen, other_direction=other, why=why, wh=wh)
    return reading, nodes


def _fitting_kind(kinds: Sequence[str], direction: Direction | None, nodes: Sequence[Node]) -> str:
    """The first of ``kinds`` whose source (outgoing) or target (incoming) kinds fit ``nodes``."""
    relation_kinds = vocabulary().relation_kinds
    for kind in kinds:
        info = relation_kinds[kind]
        allowed = info.from_kinds if direction == "outgoing" else info.to_kinds
        if any(n.kind in allowed for n in nodes):
            return kind
    return kinds[0]


def _reverse(direction: Direction) -> Direction:
    return "outgoing" if direction == "incoming" else "incoming"


def _number(word: str, plural_endings: Sequence[str]) -> str:
    return "plural" if word.endswith(tuple(plural_endings)) else "singular"


def _likelier(pattern: Pattern, wh: str, nodes: Sequence[Node]) -> tuple[Direction, str]:
    """The direction a two-way question more likely asks, and why (see :class:`Reading`).

    First grammar: a question word and verb that differ in number cannot be subject and
    verb, so the name is the subject. Then the relation's node kinds: a reading in which
    the name stands where its kind cannot is out. Last the question word's usual role.
    """
    assert pattern.kind is not None
    assert pattern.direction is not None
    second = questions()[pattern.lang]["verb_second"]
    wh_subject = pattern.direction  # the question word is the verb's subject
    name_subject = _reverse(wh_subject)
    said = wh.split()
    verb_number = (
        "plural"
        if pattern.verb in second["plural_verbs"]
        else _number(pattern.verb, second["plural_verb_endings"])
    )
    wh_number: str | None = None
    if said and said[0] in second["singular_wh"]:
        wh_number = "singular"
    elif len(said) > 1:
        wh_number = _number(said[-1], second["plural_noun_endings"])
    if wh_number is not None and wh_number != verb_number:
        return name_subject, "agreement"
    info = vocabulary().relation_kinds[pattern.kind]

    def fits(direction: Direction) -> bool:
        kinds = info.from_kinds if direction == "outgoing" else info.to_kinds
        return any(n.kind in kinds for n in nodes)

    if fits(wh_subject) != fits(name_subject):
        return (wh_subject if fits(wh_subject) else name_subject), "kinds"
    if said and said[0] in second["subject_wh"]:
        return wh_subject, "default"
    return name_subject, "default_object"


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
    elif reading.intent == "count_of":
        wanted = {n.id for n in nodes[1]}
        for subject in nodes[0]:
            whole = members(model, subject.id, day)
            hits = tuple(h for h in whole.hits if h.node.id in wanted)
            answers.append(Answer(subject, composition=Composition(subject, None, hits)))
        # 'hoeveel portefeuillehoudersoverleggen zijn er in AM': not members of AM, but
        # the group of that name in that region
        within = _qualified(model, f"{reading.names[1]} in {reading.names[0]}", reading.lang)
        if within and not any(a.composition and a.composition.hits for a in answers):
            reading = replace(reading, intent="count", names=(f"{reading.names[1]} {reading.names[0]}",))
            nodes = (within,)
            answers = [Answer(n, composition=members(model, n.id, day)) for n in within]
    else:
        for subject in nodes[0]:
            answers.append(_answer_one(model, reading, subject, day))
    others: tuple[Answer, ...] = ()
    if reading.other_direction is not None:
        flipped = replace(reading, direction=reading.other_direction)
        others = tuple(_answer_one(model, flipped, subject, day) for subject in nodes[0])
    return AskResult(
        question, reading, lang or reading.lang, day, nodes, tuple(answers), other_answers=others
    )


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
    if reading.intent in ("period", "attribute"):
        return Answer(subject)
    return Answer(subject, composition=members(model, subject.id, day))


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


def stated_count(model: GovernanceModel, composition: Composition, day: dt.date) -> Count:
    """How many members or parts ``composition`` has on ``day``, as far as the model says."""
    hits = composition.hits
    if composition.size is not None:
        return Count(composition.size, None, "size")
    if len(hits) == 1 and hits[0].relation.count is not None and hits[0].relation.per:
        return Count(hits[0].relation.count, hits[0].relation.per, "per")
    if composition.counted is not None:
        return Count(composition.counted, None, "counted")
    if hits and all(h.relation.count is None and h.relation.kind == "part_of" for h in hits):
        return Count(len(hits), None, "parts")
    known = sum(h.relation.count or 0 for h in hits if not h.relation.per)
    if known:
        return Count(known, None, "at_least")
    year = str(day.year)
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
