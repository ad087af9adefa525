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
)
from mra_graph.answers import answer_json, composition_json, diff_json, step_json
from mra_graph.ask import Answer, AskResult, Reading, chain_hits, question_phrases
from mra_graph.model import GovernanceModel
from mra_graph.names import fold
from mra_graph.queries import Direction
from mra_graph.summary import node_ref
from mra_graph.vocabulary import vocabulary

_SLOT = "…"


def _phrases(lang: str) -> dict[str, str]:
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
        return composition_json(model, answer.composition, at, lang)
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
            labels = [model.label(n.id, result.lang) for n in nodes]
            if result.lang == "en":
                listed = ", ".join(labels[:-1]) + " and " + labels[-1]
                lines.append(f"'{name}' can mean {len(nodes)} things, {listed}: an answer for each.")
            else:
                listed = ", ".join(labels[:-1]) + " en " + labels[-1]
                lines.append(f"'{name}' kan {len(nodes)} dingen betekenen, {listed}: een antwoord voor elk.")
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


def ask_lines(model: GovernanceModel, result: AskResult, sources: bool = False) -> list[str]:
    """The date, a note where a name fits several nodes or the question reads two
    ways, then one block per answer, and the other reading's answers if it has any."""
    at, lang, reading = result.at, result.lang, result.reading
    if result.changes is not None:
        return diff_lines(model, result.changes, lang, sources)
    lines = [as_of_line(at, lang), *_ambiguity_lines(model, result), *_two_way_lines(model, result)]
    for answer in result.answers:
        lines.append("")
        if answer.composition is not None:
            block = composition_lines(model, answer.composition, at, lang, sources)
            if reading.intent == "count":
                # the number comes first and is not repeated below the list
                body = block[:-1] if answer.composition.hits else block
                block = [count_line(model, answer.composition, lang), *body]
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
