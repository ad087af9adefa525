"""The question corpus (nl.json, en.json): every question asked as a user would, each
answer compared with what the source documents say.

A question marked with a ``gap`` is expected to fail (strictly: once it is answered
right the mark must go). The score line after the run counts right answers, known gaps
and wrong answers.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from mra_graph.errors import MraGraphError, UnknownNameError
from mra_graph.model.schema import GovernanceModel
from mra_graph.questions.ask import AskResult, answer_question, stated_count

HERE = Path(__file__).parent
DEFAULT_DAY = dt.date(2017, 6, 1)


def _corpus() -> list[Any]:
    cases = []
    for lang in ("nl", "en"):
        for i, entry in enumerate(
            json.loads((HERE / f"{lang}.json").read_text(encoding="utf-8"))["questions"]
        ):
            marks = [pytest.mark.xfail(reason=entry["gap"], strict=True)] if "gap" in entry else []
            cases.append(pytest.param(entry, id=f"{lang}{i:03d}-{entry['q']}", marks=marks))
    return cases


def _value(result_model: GovernanceModel, result: AskResult) -> dict[str, Any]:
    """What the answer says, per node asked about, in the corpus's shape."""
    reading = result.reading
    if result.changes is not None:
        return {
            "added": sorted(c.item.id for c in result.changes.added if c.what == "node"),
            "ended": sorted(c.item.id for c in result.changes.ended if c.what == "node"),
        }
    if result.figure is not None:
        return {result.figure.row.id: [result.figure.row.values[y] for y in result.figure.years]}
    found: dict[str, Any] = {}
    for answer in result.answers:
        subject = answer.subject
        if answer.verdict is not None:
            found[subject.id] = found.get(subject.id, False) or answer.verdict
        elif answer.nodes:
            found[subject.id] = sorted(n.id for n in answer.nodes)
        elif reading.intent == "describe":
            found[subject.id] = sorted({h.node.id for h in (*answer.hits, *answer.incoming)})
        elif reading.intent in ("count", "count_of"):
            assert answer.composition is not None
            count = stated_count(
                result_model, answer.composition, result.at, figure=reading.counted == "figure"
            )
            number = None if count.number is None else count.number
            number = int(number) if number is not None and number == int(number) else number
            found[subject.id] = f"{number} per {count.per}" if count.per else number
        elif reading.intent == "period":
            start, end = subject.valid_from, subject.valid_to
            found[subject.id] = [start.isoformat() if start else None, end.isoformat() if end else None]
        elif reading.intent == "attribute":
            found[subject.id] = subject.attributes.get(reading.attribute or "")
        elif reading.intent == "chain":
            found[subject.id] = sorted(
                {(c[-1].target if c[-1].forward else c[-1].source).id for c in answer.chains}
            )
        elif answer.composition is not None:
            found[subject.id] = sorted(h.node.id for h in answer.composition.hits)
        else:
            found[subject.id] = sorted(h.node.id for h in answer.hits)
    return found


def _check(model: GovernanceModel, entry: dict[str, Any]) -> None:
    day = dt.date.fromisoformat(entry.get("at", DEFAULT_DAY.isoformat()))
    if "exit" in entry:
        with pytest.raises(MraGraphError) as caught:
            answer_question(model, entry["q"], day)
        assert caught.value.exit_code == entry["exit"]
        if "suggests" in entry:
            assert isinstance(caught.value, UnknownNameError)
            assert entry["suggests"] in caught.value.suggestions
        return
    expected = entry["answer"]
    found = _value(model, answer_question(model, entry["q"], day))
    assert found == expected


@pytest.mark.parametrize("entry", _corpus())
def test_the_corpus_question_is_answered_as_the_sources_say(
    model: GovernanceModel, entry: dict[str, Any]
) -> None:
    _check(model, entry)


def test_the_corpus_is_large_bilingual_and_spans_both_regions_and_dates() -> None:
    entries = [
        e
        for lang in ("nl", "en")
        for e in json.loads((HERE / f"{lang}.json").read_text("utf-8"))["questions"]
    ]
    assert len(entries) >= 150
    for lang in ("nl", "en"):
        assert len(json.loads((HERE / f"{lang}.json").read_text("utf-8"))["questions"]) >= 50
    answered = json.dumps([e.get("answer") for e in entries])
    assert "-mra" in answered
    assert "-am" in answered
    days = {e.get("at", "") for e in entries} | {
        e["q"] for e in entries if "2016" in e["q"] or "2017" in e["q"]
    }
    assert any("2016" in d for d in days)
    assert any("2017" in d for d in days)
    assert sum("exit" in e for e in entries) >= 10
