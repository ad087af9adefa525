"""Scoring ``ask`` against question sets written blind: by people who read only the
source documents and docs/questions.md, never the reader or its corpus.

Each question of a set (``blind-*.json``, format in its ``about`` and below) is asked
through the library as a user would, and its answer is put in one of three classes:

- ``right``: the answer is what the set expects (for a question the sources cannot
  answer: a refusal, or an answer that says nothing is recorded);
- ``refused``: ``ask`` refused a question the set expects an answer to, or said nothing
  is recorded where the set expects something;
- ``wrong``: ``ask`` answered (exit 0) with something else than the set expects.

The expectations (``expect``) per ``type``: ``who``/``list``/``where`` list node ids
that must all be in the answer (``answers``) and may be (``optional``); ``yesno`` gives
``yes``; ``describe`` the ids a description must mention; ``when`` a ``from`` and/or
``until`` date (a prefix of the recorded one); ``count`` a ``number`` (and ``per``);
``path`` the ids a connection must pass; ``refuse`` nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from mra_graph.errors import MraGraphError
from mra_graph.model.names import fold
from mra_graph.model.schema import GovernanceModel
from mra_graph.questions import frames as f
from mra_graph.questions.ask import AskResult, answer_question, chain_hits, stated_count

HERE = Path(__file__).parent
Outcome = Literal["right", "refused", "wrong"]


def questions(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))["questions"]
    return data


def _ids(result: AskResult) -> set[str]:
    """Every node an answer names as its answer (not the subject it is about); for a
    description also the nodes its printed description names."""
    found: set[str] = set()
    if isinstance(result.reading, f.DescribeReading):
        found |= _named_in_description(result)
    for answer in result.answers:
        found |= {h.node.id for h in answer.hits}
        found |= {h.node.id for h in answer.incoming}
        found |= {n.id for n in answer.nodes}
        if answer.composition is not None:
            found |= {h.node.id for h in answer.composition.hits}
        if answer.chains:
            found |= {h.node.id for h in chain_hits(answer.chains)}
        for path in answer.paths:
            found |= {s.source.id for s in path} | {s.target.id for s in path}
    return found


def _named_in_description(result: AskResult) -> set[str]:
    model = result_model(result)
    found: set[str] = set()
    for answer in result.answers:
        node = answer.subject
        text = (node.description_en or node.description) if result.lang == "en" else node.description
        folded = f" {fold(text or '')} "
        for other in model.nodes:
            names = (other.name, other.name_en) if result.lang == "en" else (other.name,)
            if other.id != node.id and any(n and f" {fold(n)} " in folded for n in names):
                found.add(other.id)
    return found


def _empty(result: AskResult) -> bool:
    """Whether the answer says nothing is recorded."""
    reading = result.reading
    if isinstance(reading, f.YesNoReading | f.ExistsReading | f.ChainYesNoReading):
        return not any(a.verdict for a in result.answers)
    if isinstance(reading, f.WhenReading):
        items = reading.relations(result_model(result)) or tuple(a.subject for a in result.answers)
        return all(i.valid_from is None and i.valid_to is None for i in items)
    if isinstance(reading, f.AttributeReading):
        return all(a.subject.attributes.get(reading.name) is None for a in result.answers)
    if isinstance(reading, f.CountReading):
        return all(_number(result, a)[0] is None for a in result.answers)
    if isinstance(reading, f.ChangesReading):
        return False
    if result.figure is not None:
        return not result.figure.years
    return not _ids(result)


_MODELS: dict[int, GovernanceModel] = {}


def result_model(result: AskResult) -> GovernanceModel:
    return _MODELS[id(result)]


def _number(result: AskResult, answer: Any) -> tuple[float | None, str | None]:
    reading = result.reading
    if isinstance(reading, f.AttributeReading):
        value = answer.subject.attributes.get(reading.name)
        return (float(value), "jaar") if isinstance(value, int | float) else (None, None)
    if answer.composition is None:
        return None, None
    assert isinstance(reading, f.CountReading)
    count = stated_count(
        result_model(result), answer.composition, result.at, figure=reading.counted == "figure"
    )
    if count.number is None or count.basis == "at_least":
        return None, None
    return count.number, count.per


def _dates(result: AskResult) -> tuple[str | None, str | None]:
    reading = result.reading
    assert isinstance(reading, f.WhenReading)
    relations = reading.relations(result_model(result))
    item = relations[0] if relations else result.answers[0].subject
    return (
        item.valid_from.isoformat() if item.valid_from else None,
        item.valid_to.isoformat() if item.valid_to else None,
    )


def judge(model: GovernanceModel, entry: dict[str, Any]) -> tuple[Outcome, str]:
    """The class of ``ask``'s answer to one question of a set, and what it answered."""
    day = dt.date.fromisoformat(entry["at"])
    expect = entry["expect"]
    kind = entry["type"]
    try:
        result = answer_question(model, entry["question"], day)
    except MraGraphError as error:
        return ("right" if kind == "refuse" else "refused"), f"exit {error.exit_code}: {error}"
    _MODELS[id(result)] = model
    try:
        return _judge(result, kind, expect)
    finally:
        del _MODELS[id(result)]


def _judge(result: AskResult, kind: str, expect: dict[str, Any]) -> tuple[Outcome, str]:
    reading = result.reading
    ids = _ids(result)
    said = f"{reading.intent} {reading.kind or ''} {reading.direction or ''}: {sorted(ids)}"
    if kind == "refuse":
        return ("right" if _empty(result) else "wrong"), said
    if _empty(result) and kind not in ("yesno",):
        wanted = expect.get("answers", expect.get("mentions", [1]))
        if kind in ("who", "list", "where", "path") and not wanted:
            return "right", said
        return "refused", said
    if kind in ("who", "list", "where"):
        allowed = set(expect["answers"]) | set(expect.get("optional", []))
        right = set(expect["answers"]) <= ids <= allowed and reading.intent not in ("describe", "yesno")
        return ("right" if right else "wrong"), said
    if kind == "describe":
        right = reading.intent == "describe" and set(expect["mentions"]) <= ids
        return ("right" if right else "wrong"), said
    if kind == "path":
        right = (
            reading.intent == "path"
            and set(expect["mentions"]) <= ids
            and any(a.paths for a in result.answers)
        )
        return ("right" if right else "wrong"), said
    if kind == "yesno":
        if not isinstance(reading, f.YesNoReading | f.ExistsReading | f.ChainYesNoReading):
            return "wrong", said
        verdict = any(a.verdict for a in result.answers)
        return ("right" if verdict == expect["yes"] else "wrong"), f"{said} {verdict}"
    if kind == "when":
        if not isinstance(reading, f.WhenReading):
            return "wrong", said
        start, end = _dates(result)
        right = all(
            (found or "").startswith(expect[key])
            for key, found in (("from", start), ("until", end))
            if key in expect
        )
        return ("right" if right else "wrong"), f"{said} {start}..{end}"
    if kind == "count" and result.figure is not None:
        figure = result.figure
        values = [figure.row.values[y] for y in figure.years]
        if isinstance(reading, f.FigureReading) and reading.difference and len(values) >= 2:
            values = [values[-1] - values[0]]
        right = len(values) == 1 and values[0] == expect["number"]
        return ("right" if right else "wrong"), f"{said} {figure.row.id} {values}"
    if kind == "count" and isinstance(reading, f.ListReading) and reading.counted:
        found = len(result.answers[0].nodes) if result.answers else 0
        return ("right" if found == expect["number"] else "wrong"), f"{said} {found}"
    if kind == "count":
        if not isinstance(reading, f.CountReading | f.AttributeReading):
            return "wrong", said
        numbers = [_number(result, a) for a in result.answers]
        right = any(
            n == expect["number"] and ("per" not in expect or fold(per or "") == fold(expect["per"]))
            for n, per in numbers
        )
        return ("right" if right else "wrong"), f"{said} {numbers}"
    raise ValueError(f"unknown question type {kind!r}")
