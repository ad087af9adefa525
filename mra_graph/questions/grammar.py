"""The grammar of ``ask``: question patterns built from the question words
(``model/questions.json``) and the relation vocabulary, and the dates a question names.

See :mod:`mra_graph.questions.ask` for how a relation phrase becomes questions.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any, Literal, NamedTuple

from mra_graph.errors import UsageError
from mra_graph.model.names import fold_text
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.vocabulary import data_file, vocabulary
from mra_graph.questions.queries import Direction
from mra_graph.words import LANGUAGES, Lang

__all__ = [
    "Intent",
    "Pattern",
    "capacity_in",
    "examples",
    "fold_text",
    "grammar",
    "question_phrases",
    "questions",
    "take_dates",
]

Intent = Literal[
    "relation", "members", "count", "count_of", "chain", "path", "changes", "period", "attribute"
]
_SLOT = "…"
_GROUP = re.compile(r"\([^()]*\)[?*+]?")


class Pattern(NamedTuple):
    """One question form; ``words`` are the plain words a question must contain for
    it to match (a tuple, so that a thousand patterns are quick to build)."""

    template: str
    wh: str
    intent: Intent
    lang: Lang
    kind: str | None
    direction: Direction | None
    words: frozenset[str]
    verb: str = ""

    def regexes(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return _compile(self.template, self.wh)


@cache
def questions() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(data_file("model", "questions.json").read_text(encoding="utf-8"))
    return data


@cache
def _compile(template: str, wh: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # both a greedy and a lazy first name, so that 'X en Y' splits right whichever
    # of the two names contains the separator itself
    body = template.replace("{wh}", f"(?P<wh>{wh})")
    greedy = body.replace("{x}", "(?P<x>.+)").replace("{y}", "(?P<y>.+)")
    lazy = body.replace("{x}", "(?P<x>.+?)").replace("{y}", "(?P<y>.+?)")
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


def _two_way_verb(phrase: str, g: dict[str, Any]) -> str:
    """The verb of ``{wh} phrase {x}`` when that question also reads with X as subject.

    Only a language with verb-second questions has them, and only when no preposition
    ties the name to the phrase (``wat ondersteunt X``, ``wat stuurt X aan``; not ``wie
    is lid van X``). Empty when the question reads one way.
    """
    second = g.get("verb_second")
    if not second:
        return ""
    words = phrase.split()
    before = words[: words.index("{x}")] if "{x}" in words else words
    if any(w in second["prepositions"] for w in before):
        return ""
    return words[0]


def _active_templates(phrase: str, g: dict[str, Any]) -> Iterator[tuple[str, Direction, str]]:
    verb = _two_way_verb(phrase, g)
    if "{x}" in phrase:
        yield ("{wh} " + phrase, "incoming", verb)
        return
    yield ("{wh} " + phrase + " {x}", "incoming", verb)
    yield ("{x} " + phrase + " {wh}", "outgoing", "")
    yield from _preposition_first(phrase, g, "outgoing")
    words = phrase.split()
    copula = "(?:" + "|".join(g["copula"]) + ")"
    if words[0] in g["copula"] and len(words) > 1:
        rest = words[1:]
        yield (f"{{wh}} {copula} {{x}} {' '.join(rest)}", "outgoing", "")
        if len(rest) > 1:
            # 'waar is X gehuisvest', 'van wie is X lid', 'waarvan is X lid'
            short, prep = " ".join(rest[:-1]), rest[-1]
            yield (f"{{wh}} {copula} {{x}} {short}", "outgoing", "")
            yield (f"{prep} {{wh}} {copula} {{x}} {short}", "outgoing", "")
            if g["where_compounds"]:
                yield (f"{g['where_compounds']}{prep} {copula} {{x}} {short}", "outgoing", "")
    elif g["does"]:
        does = "(?:" + "|".join(g["does"]) + ")"
        yield (f"{{wh}} {does} {{x}} {' '.join([_base_form(words[0]), *words[1:]])}", "outgoing", "")


def _preposition_first(
    phrase: str, g: dict[str, Any], direction: Direction
) -> Iterator[tuple[str, Direction, str]]:
    """``met wie werkt X samen``, ``bij wie is X in dienst``: a phrase ending in a
    preposition, asked with the preposition and question word first (Dutch only)."""
    second = g.get("verb_second")
    words = phrase.split()
    if not second or len(words) < 2 or words[-1] not in second["prepositions"] or words[-1] in g["agent"]:
        return
    prep, rest = words[-1], " ".join(words[1:-1])
    yield (f"{prep} {{wh}} {words[0]} {{x}} {rest}".rstrip(), direction, "")
    if g["where_compounds"]:
        # 'waarmee experimenteert X', 'waarvan maakt X deel uit'
        where = g["where_forms"].get(prep, g["where_compounds"] + prep)
        yield (f"{where} {words[0]} {{x}} {rest}".rstrip(), direction, "")


def _passive_templates(phrase: str, g: dict[str, Any]) -> Iterator[tuple[str, Direction, str]]:
    verb = _two_way_verb(phrase, g)
    if "{x}" in phrase:
        yield ("{wh} " + phrase, "outgoing", verb)
        return
    words = phrase.split()
    if re.fullmatch(g["wh"], words[0]):
        # a phrase that is itself a question ('waarover besluit'): the name follows it
        yield (phrase + " {x}", "outgoing", "")
        return
    yield ("{wh} " + phrase + " {x}", "outgoing", verb)
    yield ("{x} " + phrase + " {wh}", "incoming", "")
    yield from _preposition_first(phrase, g, "incoming")
    if g["does"] and words[0] not in g["copula"]:
        # 'what does the WTC house?': the name is the passive phrase's subject
        does = "(?:" + "|".join(g["does"]) + ")"
        yield (f"{{wh}} {does} {{x}} {' '.join([_base_form(words[0]), *words[1:]])}", "incoming", "")
    if len(words) >= 3 and words[-1] in g["agent"]:
        aux, middle = words[0], " ".join(words[1:-1])
        agent_wh = "(?:" + "|".join(g["agent_wh"]) + ")"
        yield (f"{agent_wh} {aux} {{x}} {middle}", "incoming", "")
        yield (f"{{wh}} {aux} {{x}} {middle} {words[-1]}", "incoming", "")


def _pattern(
    template: str,
    wh: str,
    intent: Intent,
    lang: Lang,
    kind: str | None = None,
    direction: Direction | None = None,
    verb: str = "",
) -> Pattern:
    # only the words outside groups are certain to be in a question that matches
    plain = template
    while True:
        stripped = _GROUP.sub(" ", plain)
        if stripped == plain:
            break
        plain = stripped
    words = frozenset(w for w in plain.split() if w.isalnum())
    return Pattern(template, wh, intent, lang, kind, direction, words, verb)


@cache
def grammar() -> tuple[Pattern, ...]:
    """Every question pattern in the order they are tried."""
    data = questions()
    fixed: list[Pattern] = []
    for lang in LANGUAGES:
        g = data[lang]
        for intent in ("members", "count", "count_of", "chain", "path", "changes", "period"):
            for template in g[intent]:
                fixed.append(_pattern(template, g["wh"], intent=intent, lang=lang))
        for attribute, templates in g["attributes"].items():
            for template in templates:
                fixed.append(_pattern(template, g["wh"], "attribute", lang, kind=attribute))
        for form in g["relation_forms"]:
            kinds = [k for k in form["kinds"] if k in vocabulary().relation_kinds]
            if kinds:
                # several kinds: the first whose node kinds fit the name, chosen when it resolves
                pattern = _pattern(
                    form["template"], g["wh"], "relation", lang, "|".join(kinds), form["direction"]
                )
                fixed.append(pattern)
    verbal: list[tuple[int, Pattern]] = []
    for kind, info in vocabulary().relation_kinds.items():
        for lang in LANGUAGES:
            g = data[lang]
            phrasing = info.phrasing(lang)
            voices = (
                ([phrasing.active, *phrasing.synonyms_active], _active_templates),
                ([phrasing.passive, *phrasing.synonyms_passive], _passive_templates),
            )
            for phrases, templates in voices:
                for phrase in phrases:
                    folded = _fold_phrase(phrase)
                    for template, direction, verb in templates(folded, g):
                        pattern = _pattern(template, g["wh"], "relation", lang, kind, direction, verb)
                        verbal.append((len(folded), pattern))
    # the longest verb phrase wins: 'heeft als lid' before 'heeft'
    verbal.sort(key=lambda item: -item[0])
    return (*fixed, *(p for _, p in verbal))


def question_phrases(lang: Lang) -> dict[str, str]:
    """The sentences ``ask`` adds to its answers in ``lang`` (``phrases`` in questions.json)."""
    phrases: dict[str, str] = questions()[lang]["phrases"]
    return phrases


def _month_names() -> dict[str, int]:
    data = questions()
    return {name: i for lang in ("nl", "en") for i, name in enumerate(data[lang]["months"], 1)}


@cache
def _date_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A range (``tussen 2016 en 2017``) and a single date with its preposition, if any."""
    data = questions()
    months = "|".join(_month_names())
    date = (
        rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}\s+(?:{months})\s+\d{{4}}|(?:{months})\s+\d{{4}}|\d{{4}})"
    )

    def words(key: str) -> str:
        found = {w for lang in ("nl", "en") for w in data[lang][key]}
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


def take_dates(question: str) -> tuple[str, tuple[tuple[dt.date, dt.date], ...]]:
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


def capacity_in(folded: str) -> tuple[str, str, str] | None:
    """The question without its first capacity word, the capacity and the word as said."""
    for capacity, term in sorted(vocabulary().capacities.items()):
        for word in sorted(term.words(), key=len, reverse=True):
            found = re.search(rf"\b{re.escape(fold_text(word))}\b", folded)
            if found:
                rest = " ".join((folded[: found.start()] + folded[found.end() :]).split())
                return rest, capacity, found[0]
    return None


def examples(model: GovernanceModel) -> list[str]:
    """Questions ``model`` can answer: ``who <verb> <target>?`` for the first relations of
    three kinds in Dutch and two in English; the stock examples when it has no relations."""
    data = questions()
    found: list[str] = []
    amounts: tuple[tuple[Lang, int], ...] = (("nl", 3), ("en", 2))
    for lang, wanted in amounts:
        kinds: set[str] = set()
        for relation in model.relations:
            if len(kinds) == wanted:
                break
            if relation.kind in kinds:
                continue
            kinds.add(relation.kind)
            phrasing = vocabulary().relation_kinds[relation.kind].phrasing(lang)
            target = model.label(relation.to, lang)
            asked = f"{phrasing.active} {target}"
            for synonym in phrasing.synonyms_active:
                # a separable verb puts the name in its slot: 'stuurt … aan'
                if _SLOT in synonym and synonym.replace(_SLOT, " ").split() == phrasing.active.split():
                    asked = synonym.replace(_SLOT, target)
            found.append(f"{data[lang]['example_wh']} {asked}?")
    return found or [*data["nl"]["examples"][:3], *data["en"]["examples"][:2]]
