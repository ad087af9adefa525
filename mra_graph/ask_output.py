"""The answer to an ``ask`` question as JSON data or as lines of text.

The JSON is ``{"question", "understood_as", "at", "answers": [...]}``. ``understood_as``
lists the readings of the question, the answered one first (``"chosen": true``); a
question that reads two ways (Dutch ``wat ondersteunt X``) has a second reading with
its own ``answers``, and each reading of such a question says ``why`` the first was
chosen (``agreement``, ``kinds``, ``default`` or ``default_object``). Each answer
has the shape ``query`` and ``members`` print (``subject``, ``relation``, ``direction``,
``results``). A question about changes has no answers but ``changes``, shaped as
``diff`` prints them. A line-of-responsibility answer has relation ``chain``, the nodes above
as results and the ``chains`` themselves; a connection answer has relation ``path``,
an ``object`` and the ``paths``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mra_graph.answer_text import (
    answer_lines,
    as_of_line,
    chain_lines,
    composition_lines,
    count_line,
    diff_lines,
    path_lines,
    source_lines,
    status_word,
)
from mra_graph.answers import answer_json, composition_json, diff_json, number, step_json
from mra_graph.ask import Answer, AskResult, Reading, chain_hits, question_phrases, stated_count
from mra_graph.model import Conflict, GovernanceModel
from mra_graph.names import fold
from mra_graph.queries import Direction
from mra_graph.summary import node_ref, source_ref
from mra_graph.timeline import status_at
from mra_graph.vocabulary import vocabulary
from mra_graph.words import Lang, words

_SLOT = "…"


def _phrases(lang: Lang) -> dict[str, str]:
    return question_phrases("en" if lang == "en" else "nl")


__all__ = ["ask_json", "ask_lines"]


def _reading_json(reading: Reading, direction: Direction | None, chosen: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "intent": reading.intent,
        "relation": reading.kind,
        "capacity": reading.capacity,
        "direction": direction,
        "names": list(reading.names),
        "lang": reading.lang,
        "chosen": chosen,
    }
    if reading.why is not None:
        data["why"] = reading.why
    return data


def ask_json(model: GovernanceModel, result: AskResult) -> dict[str, Any]:
    reading = result.reading
    readings = [_reading_json(reading, reading.direction, True)]
    if reading.other_direction is not None:
        other = _reading_json(reading, reading.other_direction, False)
        flipped = replace(result, reading=replace(reading, direction=reading.other_direction))
        other["answers"] = [_answer_json(model, flipped, a) for a in result.other_answers]
        readings.append(other)
    data: dict[str, Any] = {
        "question": result.question,
        "understood_as": readings,
        "at": result.at.isoformat(),
        "answers": [_answer_json(model, result, a) for a in result.answers],
    }
    if result.changes is not None:
        data["changes"] = diff_json(model, result.changes, result.lang)
    return data


def _answer_json(model: GovernanceModel, result: AskResult, answer: Answer) -> dict[str, Any]:
    at, lang, reading = result.at, result.lang, result.reading
    if answer.composition is not None:
        data = composition_json(model, answer.composition, at, lang)
        if reading.intent in ("count", "count_of"):
            count = stated_count(model, answer.composition, at)
            data["count"] = {"number": count.number, "per": count.per, "basis": count.basis}
            if count.basis == "figure":
                data["count"].update(unit=count.unit, table=count.table, row=count.row, year=str(at.year))
            data["disputed"] = [c.id for c in _disputes(model, answer)]
        return data
    if reading.intent == "period":
        subject = answer.subject
        return {
            "subject": node_ref(model, subject, at, lang),
            "relation": "period",
            "valid_from": subject.valid_from.isoformat() if subject.valid_from else None,
            "valid_to": subject.valid_to.isoformat() if subject.valid_to else None,
            "sources": [source_ref(s) for s in subject.sources],
        }
    if reading.intent == "attribute":
        assert reading.attribute is not None
        return {
            "subject": node_ref(model, answer.subject, at, lang),
            "relation": "attribute",
            "attribute": reading.attribute,
            "value": answer.subject.attributes.get(reading.attribute),
            "sources": [source_ref(s) for s in answer.subject.sources],
        }
    if reading.intent == "chain":
        data = answer_json(model, answer.subject, "chain", "outgoing", chain_hits(answer.chains), at, lang)
        data["chains"] = [[step_json(model, s, at, lang) for s in c] for c in answer.chains]
        return data
    if reading.intent == "path":
        assert answer.other is not None
        data = answer_json(model, answer.subject, "path", "outgoing", (), at, lang)
        data["object"] = node_ref(model, answer.other, at, lang)
        data["paths"] = [[step_json(model, s, at, lang) for s in p] for p in answer.paths]
        return data
    assert reading.kind is not None
    assert reading.direction is not None
    return answer_json(model, answer.subject, reading.kind, reading.direction, answer.hits, at, lang)


def _ambiguity_lines(model: GovernanceModel, result: AskResult) -> list[str]:
    lines = []
    for said, nodes in zip(result.reading.names, result.matches, strict=True):
        if len(nodes) > 1:
            name = fold(said)
            w = words(result.lang)
            listed = w.listing([model.label(n.id, result.lang) for n in nodes])
            lines.append(w("answers", "ambiguous", name=name, n=len(nodes), listed=listed))
    return lines


def _reading_text(model: GovernanceModel, result: AskResult, direction: Direction) -> str:
    """``algemeen regiosecretaris ondersteunt …`` or ``… ondersteunt algemeen regiosecretaris``."""
    reading = result.reading
    assert reading.kind is not None
    phrasing = vocabulary().relation_kinds[reading.kind].phrasing(result.lang)
    nodes = result.matches[0]
    name = model.label(nodes[0].id, result.lang) if len(nodes) == 1 else fold(reading.names[0])
    subject, obj = (name, _SLOT) if direction == "outgoing" else (_SLOT, name)
    for synonym in phrasing.synonyms_active:
        if _SLOT in synonym and synonym.replace(_SLOT, " ").split() == phrasing.active.split():
            return f"'{subject} {synonym.replace(_SLOT, obj)}'"
    return f"'{subject} {phrasing.active} {obj}'"


def _two_way_lines(model: GovernanceModel, result: AskResult) -> list[str]:
    """How a question that reads two ways was answered; empty when it reads one way or
    when its plain reading was answered and the other has no answers."""
    reading = result.reading
    if reading.other_direction is None or reading.direction is None or reading.why is None:
        return []
    others_found = any(a.hits for a in result.other_answers)
    if reading.why == "default" and not others_found:
        return []
    phrases = _phrases(result.lang)
    nodes = result.matches[0]
    name = model.label(nodes[0].id, result.lang) if len(nodes) == 1 else fold(reading.names[0])
    why = phrases[f"why_{reading.why}"].format(name=name, wh=reading.wh or "")
    return [phrases["read_as"].format(reading=_reading_text(model, result, reading.direction), why=why)]


def _other_reading_lines(model: GovernanceModel, result: AskResult, sources: bool) -> list[str]:
    reading = result.reading
    if reading.other_direction is None or not any(a.hits for a in result.other_answers):
        return []
    assert reading.kind is not None
    head = _phrases(result.lang)["other_reading"].format(
        reading=_reading_text(model, result, reading.other_direction)
    )
    lines = ["", head]
    for answer in result.other_answers:
        lines.append("")
        lines += answer_lines(
            model,
            answer.subject,
            reading.kind,
            reading.other_direction,
            answer.hits,
            result.at,
            result.lang,
            sources,
        )
    return lines


def _disputes(model: GovernanceModel, answer: Answer) -> list[Conflict]:
    """The conflicts of the sources about a count: about its body or a member relation."""
    assert answer.composition is not None
    about = {answer.subject.id, *(h.relation.id for h in answer.composition.hits)}
    return [c for c in model.conflicts if about.intersection(c.subjects)]


def _count_line(model: GovernanceModel, answer: Answer, result: AskResult) -> str:
    assert answer.composition is not None
    lang, phrases = result.lang, _phrases(result.lang)
    count = stated_count(model, answer.composition, result.at)
    label = model.label(answer.subject.id, lang)
    if result.reading.intent == "count":
        hits = answer.composition.hits
        # a size the sources give for a group of parts reads as parts, not members
        parts = bool(hits) and all(h.relation.kind == "part_of" for h in hits)
        if count.basis == "parts" or (count.basis == "size" and parts):
            return phrases["count_parts"].format(name=label, count=count.number)
        if count.basis == "figure" and count.number is not None:
            table = next(t for t in model.figures if t.id == count.table)
            title = (table.title_en or table.title) if lang == "en" else table.title
            return phrases["count_figure"].format(
                name=label, count=number(count.number), unit=count.unit, year=result.at.year, title=title
            )
        return count_line(model, answer.composition, lang)
    wanted = result.matches[1]
    who = ", ".join(model.label(n.id, lang) for n in wanted)
    if not answer.composition.hits:
        return phrases["count_of_none"].format(who=who, where=label)
    if count.number is None or count.basis == "at_least":
        return phrases["count_of_unknown"].format(who=who, where=label)
    if count.per:
        return phrases["count_of_per"].format(who=who, where=label, count=number(count.number), per=count.per)
    return phrases["count_of"].format(who=who, where=label, count=number(count.number))


def _period_lines(model: GovernanceModel, answer: Answer, result: AskResult) -> list[str]:
    subject, lang, phrases = answer.subject, result.lang, _phrases(result.lang)
    label = model.label(subject.id, lang)
    start = subject.valid_from.isoformat() if subject.valid_from else None
    end = subject.valid_to.isoformat() if subject.valid_to else None
    if start and end:
        line = phrases["period_both"].format(name=label, start=start, end=end)
    elif start:
        line = phrases["period_from"].format(name=label, start=start)
    elif end:
        line = phrases["period_to"].format(name=label, end=end)
    else:
        line = phrases["period_none"].format(name=label)
    status = phrases["period_status"].format(
        date=result.at.isoformat(), status=status_word(status_at(subject, result.at), lang)
    )
    return [line, status]


def _attribute_lines(model: GovernanceModel, answer: Answer, result: AskResult) -> list[str]:
    attribute, phrases = result.reading.attribute, _phrases(result.lang)
    label = model.label(answer.subject.id, result.lang)
    value = answer.subject.attributes.get(attribute or "")
    if value is None:
        return [phrases["attribute_none"].format(name=label)]
    return [phrases[f"attribute_{attribute}"].format(name=label, value=value)]


def ask_lines(model: GovernanceModel, result: AskResult, sources: bool = False) -> list[str]:
    """The date, a note where a name fits several nodes or the question reads two
    ways, then one block per answer, and the other reading's answers if it has any."""
    at, lang, reading = result.at, result.lang, result.reading
    if result.changes is not None:
        return diff_lines(model, result.changes, lang, sources)
    lines = [as_of_line(at, lang), *_ambiguity_lines(model, result), *_two_way_lines(model, result)]
    for answer in result.answers:
        lines.append("")
        if reading.intent == "period":
            lines += _period_lines(model, answer, result)
            lines += source_lines(answer.subject.sources, lang) if sources else []
        elif reading.intent == "attribute":
            lines += _attribute_lines(model, answer, result)
            lines += source_lines(answer.subject.sources, lang) if sources else []
        elif answer.composition is not None:
            block = composition_lines(model, answer.composition, at, lang, sources)
            if reading.intent in ("count", "count_of"):
                # the number comes first and is not repeated below the list; a figure
                # from a table has no list of members under it
                body = block[:-1] if answer.composition.hits else block
                if stated_count(model, answer.composition, at).basis == "figure":
                    body = []
                disputed = [
                    _phrases(lang)["disputed"].format(
                        description=c.description_en if lang == "en" and c.description_en else c.description
                    )
                    for c in _disputes(model, answer)
                ]
                block = [_count_line(model, answer, result), *disputed, *body]
            lines += block
        elif reading.intent == "chain":
            lines += chain_lines(model, answer.subject, answer.chains, at, lang, sources)
        elif reading.intent == "path":
            assert answer.other is not None
            lines += path_lines(model, answer.subject, answer.other, answer.paths, lang, sources)
        else:
            assert reading.kind is not None
            assert reading.direction is not None
            lines += answer_lines(
                model, answer.subject, reading.kind, reading.direction, answer.hits, at, lang, sources
            )
    return lines + _other_reading_lines(model, result, sources)
