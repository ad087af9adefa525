"""The answer to an ``ask`` question as JSON data or as lines of text.

The JSON is ``{"question", "understood_as", "at", "answers": [...]}`` where each answer
has the shape ``query`` and ``members`` print (``subject``, ``relation``, ``direction``,
``results``). A question about changes has no answers but ``changes``, shaped as
``diff`` prints them. A line-of-responsibility answer has relation ``chain``, the nodes above
as results and the ``chains`` themselves; a connection answer has relation ``path``,
an ``object`` and the ``paths``.
"""

from __future__ import annotations

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
from mra_graph.ask import Answer, AskResult, chain_hits
from mra_graph.model import GovernanceModel
from mra_graph.names import fold
from mra_graph.summary import node_ref
from mra_graph.words import words

__all__ = ["ask_json", "ask_lines"]


def ask_json(model: GovernanceModel, result: AskResult) -> dict[str, Any]:
    reading = result.reading
    data: dict[str, Any] = {
        "question": result.question,
        "understood_as": {
            "intent": reading.intent,
            "relation": reading.kind,
            "capacity": reading.capacity,
            "direction": reading.direction,
            "names": list(reading.names),
            "lang": reading.lang,
        },
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
            w = words(result.lang)
            listed = w.listing([model.label(n.id, result.lang) for n in nodes])
            lines.append(w("answers", "ambiguous", name=name, n=len(nodes), listed=listed))
    return lines


def ask_lines(model: GovernanceModel, result: AskResult, sources: bool = False) -> list[str]:
    """The date, a note where a name fits several nodes, then one block per answer."""
    at, lang, reading = result.at, result.lang, result.reading
    if result.changes is not None:
        return diff_lines(model, result.changes, lang, sources)
    lines = [as_of_line(at, lang), *_ambiguity_lines(model, result)]
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
    return lines
