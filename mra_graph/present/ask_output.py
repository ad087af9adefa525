"""The answer to an ``ask`` question as JSON data or as lines of text.

The JSON is ``{"question", "understood_as", "at", "answers": [...]}``. ``understood_as``
lists the readings of the question, the answered one first (``"chosen": true``), each
with the names tagged (``tags``: what was said, the node ids, how it was read), the cue
phrases read, the words passed over and corrected; a question that reads two ways
(Dutch ``wat ondersteunt X``) has a second reading with its own ``answers``, and each
reading of such a question says ``why`` the first was chosen (``agreement``, ``kinds``,
``default`` or ``default_object``). Each answer has the shape ``query`` and ``members``
print (``subject``, ``relation``, ``direction``, ``results``), with these additions per
kind of question: a yes/no answer has ``object`` and ``verdict``; a description has the
``description`` and ``incoming`` results beside the outgoing ``results``; a list has
relation ``list``; a line-of-responsibility answer has relation ``chain``, the nodes
above as results and the ``chains``; a connection answer has relation ``path``, an
``object`` and the ``paths``. A question about changes has no answers but ``changes``,
shaped as ``diff`` prints them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from mra_graph.model.names import fold, fold_text
from mra_graph.model.schema import AsOf, Conflict, GovernanceModel, Status, status_at
from mra_graph.present.answer_text import (
    answer_lines,
    as_of_line,
    chain_lines,
    composition_lines,
    count_line,
    diff_lines,
    evidence_lines,
    marked_label,
    modality_text,
    path_lines,
    sentence,
    source_lines,
    span_text,
    status_word,
)
from mra_graph.present.answers import answer_json, composition_json, diff_json, hit_json, number, step_json
from mra_graph.present.summary import as_of_json, conflict_marks, node_ref, source_ref
from mra_graph.questions import frames as f
from mra_graph.questions.ask import Answer, AskResult, chain_hits, stated_count
from mra_graph.questions.queries import Direction
from mra_graph.questions.tagging import Tag
from mra_graph.words import Lang, Words, words

__all__ = ["ask_json", "ask_lines", "explain_lines"]

_SLOT = "…"


def _reading_json(reading: f.Reading, direction: Direction | None, chosen: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "intent": reading.intent,
        "relation": reading.kind,
        "capacity": reading.capacity,
        "direction": direction,
        "names": list(reading.names),
        "lang": reading.lang,
        "chosen": chosen,
        "tags": [
            {
                "said": t.said,
                "nodes": [n.id for n in t.nodes],
                "how": t.how,
                **({"read_as": t.read_as} if t.read_as else {}),
                **({"region": t.region} if t.region else {}),
            }
            for t in reading.tags
        ],
        "cues": list(reading.cues),
        "ignored": list(reading.ignored),
        "corrected": [list(c) for c in reading.corrected],
        "unused": list(reading.unused),
    }
    if reading.why is not None:
        data["why"] = reading.why
    return data


def ask_json(model: GovernanceModel, result: AskResult) -> dict[str, Any]:
    reading = result.reading
    readings = [_reading_json(reading, reading.direction, True)]
    if reading.other_direction is not None:
        other = _reading_json(reading, reading.other_direction, False)
        assert isinstance(reading, f.RelationReading)
        flipped = replace(result, reading=replace(reading, asked=reading.other_direction))
        other["answers"] = [_answer_json(model, flipped, a) for a in result.other_answers]
        readings.append(other)
    data: dict[str, Any] = {
        "question": result.question,
        "understood_as": readings,
        **as_of_json(result.when or AsOf(result.at, result.at, None, None)),
        "answers": [_answer_json(model, result, a) for a in result.answers],
    }
    if result.changes is not None:
        data["changes"] = diff_json(model, result.changes, result.lang)
    if result.figure is not None:
        figure = result.figure
        data["figure"] = {
            "table": figure.table.id,
            "row": figure.row.id,
            "label": figure.row.label_en or figure.row.label if result.lang == "en" else figure.row.label,
            "unit": figure.row.unit or figure.table.unit,
            "values": {y: number(figure.row.values[y]) for y in figure.years},
            **conflict_marks(
                [c for c in model.conflicts if {figure.row.id, figure.table.id} & set(c.subjects)]
            ),
            "sources": [source_ref(s) for s in figure.row.sources],
        }
    return data


def _answer_json(model: GovernanceModel, result: AskResult, answer: Answer) -> dict[str, Any]:
    at, lang, reading = result.at, result.lang, result.reading
    subject = node_ref(model, answer.subject, at, lang)
    if answer.composition is not None:
        data = composition_json(model, answer.composition, at, lang)
        if isinstance(reading, f.CountReading):
            count = _count(model, reading, answer, result)
            data["count"] = {"number": count.number, "per": count.per, "basis": count.basis}
            if count.basis == "figure":
                data["count"].update(unit=count.unit, table=count.table, row=count.row, year=str(at.year))
            data.update(conflict_marks(_disputes(model, answer)))
        return data
    if isinstance(reading, f.WhenReading):
        relations = reading.relations(model)
        item = relations[0] if relations else answer.subject
        return {
            "subject": subject,
            "relation": "period",
            "of_relation": relations[0].id if relations else None,
            "valid_from": item.valid_from.isoformat() if item.valid_from else None,
            "valid_to": item.valid_to.isoformat() if item.valid_to else None,
            "sources": [source_ref(s) for s in item.sources],
        }
    if isinstance(reading, f.AttributeReading):
        assert reading.attribute is not None
        return {
            "subject": subject,
            "relation": "attribute",
            "attribute": reading.attribute,
            "value": answer.subject.attributes.get(reading.attribute),
            "sources": [source_ref(s) for s in answer.subject.sources],
        }
    if isinstance(reading, f.ChainReading):
        data = answer_json(model, answer.subject, "chain", "outgoing", chain_hits(answer.chains), at, lang)
        data["chains"] = [[step_json(model, s, at, lang) for s in c] for c in answer.chains]
        return data
    if isinstance(reading, f.PathReading):
        assert answer.other is not None
        data = answer_json(model, answer.subject, "path", "outgoing", (), at, lang)
        data["object"] = node_ref(model, answer.other, at, lang)
        data["paths"] = [[step_json(model, s, at, lang) for s in p] for p in answer.paths]
        return data
    if isinstance(reading, f.YesNoReading):
        assert answer.other is not None
        kind = answer.kind or reading.relation_kind
        data = answer_json(
            model,
            answer.subject,
            kind,
            "outgoing" if reading.source_first else "incoming",
            answer.hits,
            at,
            lang,
        )
        data["object"] = node_ref(model, answer.other, at, lang)
        data["verdict"] = answer.verdict
        return data
    if isinstance(reading, f.ExistsReading):
        return {"subject": subject, "relation": "exists", "verdict": answer.verdict, "results": []}
    if isinstance(reading, f.ChainYesNoReading):
        assert answer.other is not None
        data = answer_json(model, answer.subject, "chain", "outgoing", chain_hits(answer.chains), at, lang)
        data["object"] = node_ref(model, answer.other, at, lang)
        data["verdict"] = answer.verdict
        data["chains"] = [[step_json(model, s, at, lang) for s in c] for c in answer.chains]
        return data
    if isinstance(reading, f.ListReading):
        return {
            "subject": subject,
            "relation": "list",
            "of_kind": reading.of_kind,
            "results": [node_ref(model, n, at, lang) for n in answer.nodes],
        }
    if isinstance(reading, f.DescribeReading):
        data = answer_json(model, answer.subject, "describe", "outgoing", answer.hits, at, lang)
        node = answer.subject
        data["description"] = (node.description_en or node.description) if lang == "en" else node.description
        data["incoming"] = [hit_json(model, h, at, lang) for h in answer.incoming]
        return data
    if isinstance(reading, f.WhereReading):
        return answer_json(model, answer.subject, "where", "outgoing", answer.hits, at, lang)
    assert reading.kind is not None
    assert reading.direction is not None
    return answer_json(
        model, answer.subject, answer.kind or reading.kind, reading.direction, answer.hits, at, lang
    )


def _count(model: GovernanceModel, reading: f.CountReading, answer: Answer, result: AskResult) -> Any:
    assert answer.composition is not None
    return stated_count(model, answer.composition, result.at, figure=reading.counted == "figure")


# ---------------------------------------------------------------- text


def _ambiguity_lines(model: GovernanceModel, result: AskResult) -> list[str]:
    lines = []
    w = words(result.lang, model.lang)
    for tag in result.reading.tags:
        if len(tag.nodes) > 1:
            listed = w.listing([model.label(n.id, result.lang) for n in tag.nodes])
            lines.append(w("answers", "ambiguous", name=fold(tag.said), n=len(tag.nodes), listed=listed))
    return lines


def _correction_lines(model: GovernanceModel, result: AskResult) -> list[str]:
    w = words(result.lang, model.lang)
    lines = []
    for tag in result.reading.tags:
        if tag.how == "fuzzy":
            # several nodes of that name: the ambiguity line below lists them
            name = model.label(tag.nodes[0].id, result.lang) if len(tag.nodes) == 1 else tag.read_as
            lines.append(w("ask", "corrected_note", said=tag.said, name=name))
    for said, read in result.reading.corrected:
        if not any(t.said == said for t in result.reading.tags):
            lines.append(w("ask", "corrected_note", said=said, name=read))
    return lines


def _unused_lines(result: AskResult) -> list[str]:
    unused = result.reading.unused
    if not unused:
        return []
    w = words(result.lang)
    return [w("ask", "unused", words=w.listing([f"'{u}'" for u in unused]))]


def _relation_text(model: GovernanceModel, kind: str, subject: str, obj: str, lang: Lang) -> str:
    """``algemeen regiosecretaris ondersteunt …``: a relation as a clause, with a
    separable Dutch verb around its object."""
    phrasing = model.vocabulary.relation_kinds[kind].phrasing(lang)
    for synonym in phrasing.synonyms_active:
        if _SLOT in synonym and synonym.replace(_SLOT, " ").split() == phrasing.active.split():
            return f"{subject} {synonym.replace(_SLOT, obj)}"
    return f"{subject} {phrasing.active} {obj}"


def _reading_text(model: GovernanceModel, result: AskResult, direction: Direction) -> str:
    reading = result.reading
    assert reading.kind is not None
    nodes = result.matches[0]
    name = model.label(nodes[0].id, result.lang) if len(nodes) == 1 else fold(reading.names[0])
    subject, obj = (name, _SLOT) if direction == "outgoing" else (_SLOT, name)
    return f"'{_relation_text(model, reading.kind, subject, obj, result.lang)}'"


def _two_way_lines(model: GovernanceModel, result: AskResult) -> list[str]:
    """How a question that reads two ways was answered; empty when it reads one way or
    when its plain reading was answered and the other has no answers."""
    reading = result.reading
    if not isinstance(reading, f.RelationReading) or reading.flipped is None or reading.why is None:
        return []
    others_found = any(a.hits for a in result.other_answers)
    if reading.why == "default" and not others_found:
        return []
    w = words(result.lang, model.lang)
    nodes = result.matches[0]
    name = model.label(nodes[0].id, result.lang) if len(nodes) == 1 else fold(reading.names[0])
    why = w("ask", f"why_{reading.why}", name=name, wh=reading.wh or "")
    return [w("ask", "read_as", reading=_reading_text(model, result, reading.asked), why=why)]


def _other_reading_lines(model: GovernanceModel, result: AskResult, sources: bool) -> list[str]:
    reading = result.reading
    if not isinstance(reading, f.RelationReading) or reading.flipped is None:
        return []
    if not any(a.hits for a in result.other_answers):
        return []
    head = words(result.lang, model.lang)(
        "ask", "other_reading", reading=_reading_text(model, result, reading.flipped)
    )
    lines = ["", head]
    for answer in result.other_answers:
        lines.append("")
        kind = answer.kind or reading.relation_kind
        lines += answer_lines(
            model, answer.subject, kind, reading.flipped, answer.hits, result.at, result.lang, sources
        )
    return lines


def _disputes(model: GovernanceModel, answer: Answer) -> list[Conflict]:
    """The conflicts of the sources about a count: about its body or a member relation."""
    assert answer.composition is not None
    about = {answer.subject.id, *(h.relation.id for h in answer.composition.hits)}
    return [c for c in model.conflicts if about.intersection(c.subjects)]


def _count_line(model: GovernanceModel, reading: f.CountReading, answer: Answer, result: AskResult) -> str:
    assert answer.composition is not None
    lang, w = result.lang, words(result.lang, model.lang)
    count = _count(model, reading, answer, result)
    label = model.label(answer.subject.id, lang)
    if reading.intent == "count":
        hits = answer.composition.hits
        # a size the sources give for a group of parts reads as parts, not members
        parts = bool(hits) and all(model.vocabulary.role(h.relation.kind) == "part" for h in hits)
        if count.basis == "parts" or (count.basis == "size" and parts):
            return w("ask", "count_parts", name=label, count=count.number)
        if count.basis == "figure" and count.number is not None:
            table = next(t for t in model.figures if t.id == count.table)
            title = (table.title_en or table.title) if lang == "en" else table.title
            return w(
                "ask",
                "count_figure",
                name=label,
                count=w.number(count.number),
                unit=count.unit,
                year=result.at.year,
                title=title,
            )
        return count_line(model, answer.composition, lang)
    # the nodes counted: those the name means that are in it on the day (a council that
    # left is not named among them)
    counted = list(dict.fromkeys(h.node.id for h in answer.composition.hits))
    named = counted or [n.id for n in result.reading.tags[1].nodes]
    who = ", ".join(model.label(n, lang) for n in named)
    if not answer.composition.hits:
        return w("ask", "count_of_none", who=who, where=label)
    if count.number is None or count.basis == "at_least":
        return w("ask", "count_of_unknown", who=who, where=label)
    if count.per:
        return w("ask", "count_of_per", who=who, where=label, count=number(count.number), per=count.per)
    return w("ask", "count_of", who=who, where=label, count=number(count.number))


def _period_text(item_from: Any, item_to: Any, w: Words) -> str:
    start = item_from.isoformat() if item_from else None
    end = item_to.isoformat() if item_to else None
    if start and end:
        return w("ask", "period_both_short", start=start, end=end)
    if start:
        return w("ask", "period_from_short", start=start)
    if end:
        return w("ask", "period_to_short", end=end)
    return w("ask", "period_none_short")


def _period_lines(
    model: GovernanceModel, reading: f.WhenReading, answer: Answer, result: AskResult
) -> list[str]:
    subject, lang, w = answer.subject, result.lang, words(result.lang, model.lang)
    label = model.label(subject.id, lang)
    if reading.relation_kind is not None:
        relations = reading.relations(model)
        if not relations:
            first = model.label(reading.tags[0].nodes[0].id, lang)
            second = model.label(reading.tags[1].nodes[0].id, lang) if len(reading.tags) > 1 else _SLOT
            return [
                w(
                    "ask",
                    "relation_none",
                    clause=_relation_text(model, reading.relation_kind, first, second, lang),
                )
            ]
        lines = []
        for rel in relations:
            clause = _relation_text(
                model, rel.kind, model.label(rel.from_, lang), model.label(rel.to, lang), lang
            )
            lines.append(f"{clause}: {_period_text(rel.valid_from, rel.valid_to, w)}.  [{rel.id}]")
        return lines
    start = subject.valid_from.isoformat() if subject.valid_from else None
    end = subject.valid_to.isoformat() if subject.valid_to else None
    state = status_at(subject, result.at)
    # a body planned or under consideration does not exist yet: its dates are those it
    # is planned for, and how firmly it is planned is said with its status
    planned = "_planned" if state not in (Status.ACTIVE, Status.ENDED) else ""
    if start and end:
        line = w("ask", "period_both" + planned, name=label, start=start, end=end)
    elif start:
        line = w("ask", "period_from" + planned, name=label, start=start)
    elif end:
        line = w("ask", "period_to" + planned, name=label, end=end)
    else:
        line = w("ask", "period_none", name=label)
    status = _status_line(model, subject, result.at, lang)
    if model.horizon is None or start or end:
        return [line, status]
    # without a period of its own a fact holds as far as the sources describe
    horizon = w("ask", "period_horizon", span=span_text(*model.horizon))
    return [line, horizon, status]


def _figure_lines(model: GovernanceModel, result: AskResult, sources: bool) -> list[str]:
    assert result.figure is not None
    figure, lang, w = result.figure, result.lang, words(result.lang, model.lang)
    table, row = figure.table, figure.row
    label = w.pick(row.label, row.label_en)
    unit = w.pick(row.unit or table.unit, row.unit_en or table.unit)
    title = w.pick(table.title, table.title_en)
    reading = result.reading
    if isinstance(reading, f.FigureReading) and reading.difference and len(figure.years) >= 2:
        a, b = row.values[figure.years[0]], row.values[figure.years[-1]]
        lines = [
            w(
                "ask",
                "figure_difference",
                name=label,
                a=w.number(a),
                b=w.number(b),
                unit=unit,
                difference=w.number(b - a, signed=True),
                title=title,
            )
        ]
        if row.stated_difference is not None:
            lines.append(w("ask", "figure_stated", stated=w.number(row.stated_difference, signed=True)))
    else:
        lines = [
            w(
                "ask",
                "count_figure",
                name=label,
                count=w.number(row.values[y]),
                unit=unit,
                year=y,
                title=title,
            )
            for y in figure.years
        ]
    for conflict in model.conflicts:
        if {row.id, table.id} & set(conflict.subjects):
            lines.append(
                w(
                    "ask",
                    conflict.mark,
                    description=w.pick(conflict.description, conflict.description_en),
                )
            )
    if sources:
        lines += source_lines(row.sources, lang)
    return lines


def _attribute_lines(
    model: GovernanceModel, reading: f.Reading, answer: Answer, result: AskResult
) -> list[str]:
    attribute, w = reading.attribute, words(result.lang, model.lang)
    label = model.label(answer.subject.id, result.lang)
    value = answer.subject.attributes.get(attribute or "")
    if value is None:
        return [w("ask", "attribute_none", name=label)]
    return [w("ask", f"attribute_{attribute}", name=label, value=value)]


def _yes_no_lines(
    model: GovernanceModel, reading: f.YesNoReading, answer: Answer, result: AskResult, sources: bool
) -> list[str]:
    assert answer.other is not None
    lang, w = result.lang, words(result.lang, model.lang)
    first, second = answer.subject, answer.other
    source, target = (first, second) if reading.source_first else (second, first)
    kind = answer.kind or reading.relation_kind
    clause = _relation_text(model, kind, model.label(source.id, lang), model.label(target.id, lang), lang)
    if not answer.verdict:
        # the model may hold the fact for another time than the day asked about: a bare
        # "no" would read as if it held nothing of the kind
        other_times = [
            r
            for r in model.relations_from.get(source.id, ())
            if r.to == target.id and r.kind == kind and status_at(r, result.at) is not Status.ACTIVE
        ]
        lines = [w("ask", "no_line", clause=clause)]
        if other_times:
            lines.append("  " + w("ask", "other_times", date=result.at.isoformat()))
            lines += [
                f"  - {sentence(model, r, lang)} ({_period_text(r.valid_from, r.valid_to, w)}, "
                f"{w.status(status_at(r, result.at).value)})"
                for r in other_times
            ]
        return lines
    lines = [w("ask", "yes_line", clause=clause)]
    direct = len(answer.hits) == 1 and {answer.hits[0].relation.from_, answer.hits[0].relation.to} == {
        source.id,
        target.id,
    }
    for hit in answer.hits:
        # what the yes rests on: the relation itself, or each step to it; the clause
        # names the ends without their marks, so a modality taken from one is said here
        extras = _hit_extras(model, hit, lang, derived=True)
        tail = f" ({', '.join(extras)})" if extras else ""
        said = ("" if direct else "- " + sentence(model, hit.relation, lang)) + tail
        if direct:  # the yes line states the one relation: its id goes there
            lines[0] += f"  [{hit.relation.id}]"
        else:
            said += f"  [{hit.relation.id}]"
        lines.append(f"  {said.strip()}")
        if sources:
            lines += evidence_lines(hit.relation, lang, "    ", model.lang)
    return [line for line in lines if line.strip()]


def _hit_extras(model: GovernanceModel, hit: Any, lang: Lang, derived: bool = False) -> list[str]:
    from mra_graph.present.answer_text import relation_extras

    # the hit's node is shown with its own marks beside the relation, unless ``derived``
    return relation_extras(
        hit.relation, lang, model=model, derived=derived, beside=None if derived else hit.node
    )


def _status_line(model: GovernanceModel, node: Any, day: dt.date, lang: Lang) -> str:
    """``Status op 2018-12-31: actief (voorwaardelijk: als …).``: the node's status on
    ``day``, with how firmly it holds where it holds on a condition or the like."""
    w = words(lang, model.lang)
    status, modality = status_word(status_at(node, day), lang), modality_text(model, node, lang)
    if modality:
        return w("ask", "period_status_modality", date=day.isoformat(), status=status, modality=modality)
    return w("ask", "period_status", date=day.isoformat(), status=status)


def _describe_lines(model: GovernanceModel, answer: Answer, result: AskResult, sources: bool) -> list[str]:
    lang, w = result.lang, words(result.lang, model.lang)
    node = answer.subject
    label = marked_label(model, node, lang)
    vocab = model.vocabulary
    lines = [f"{label}: {vocab.type_name(node.kind.value, node.type, lang)}"]
    description = w.pick(node.description, node.description_en)
    if description:
        lines.append(f"  {description}")
    if status_at(node, result.at) is not Status.ACTIVE or model.stated.get(node.id):
        # a body that is planned, or holds only on a condition, says so with its status
        lines.append("  " + _status_line(model, node, result.at, lang))
    if not answer.hits and not answer.incoming:
        lines.append(w("ask", "describe_none", name=model.label(node.id, lang), date=result.at.isoformat()))
        return lines
    lines.append(w("ask", "describe_relations", name=model.label(node.id, lang)))
    rows: list[tuple[str, str, Any]] = []
    for hit in answer.hits:
        rows.append(
            (
                vocab.relation_kinds[hit.relation.kind].phrasing(lang).active,
                marked_label(model, hit.node, lang),
                hit,
            )
        )
    for hit in answer.incoming:
        rows.append(
            (
                vocab.relation_kinds[hit.relation.kind].phrasing(lang).passive,
                marked_label(model, hit.node, lang),
                hit,
            )
        )
    width = max(len(p) for p, _, _ in rows)
    for phrase, other, hit in rows:
        extras = _hit_extras(model, hit, lang)
        tail = f" ({', '.join(extras)})" if extras else ""
        lines.append(f"  {phrase.ljust(width)}  {other}{tail}  [{hit.relation.id}]")
        if sources:
            lines += evidence_lines(hit.relation, lang, "      ", model.lang)
    if sources:
        lines += evidence_lines(node, lang, "  ", model.lang)
    return lines


def _list_lines(
    model: GovernanceModel, reading: f.ListReading, answer: Answer, result: AskResult
) -> list[str]:
    lang, w = result.lang, words(result.lang, model.lang)
    vocab = model.vocabulary
    what = f"'{reading.named}'" if reading.named else reading.of_kind or ""
    for kind, info in vocab.node_kinds.items():
        if kind == what:
            what = info.en if lang == "en" else info.nl
        elif what in info.types:
            what = info.types[what].text(lang)
    if reading.tags:
        where = w("ask", "list_in", name=model.label(reading.tags[0].nodes[0].id, lang))
    elif reading.within_region is not None:
        region = model.regions_by_id[reading.within_region]
        where = w("ask", "list_in", name=w.pick(region.name, region.name_en))
    else:
        where = ""
    if not answer.nodes:
        return [w("ask", "list_none", what=what, where=where, date=result.at.isoformat())]
    if reading.counted:
        head = w("ask", "list_count", n=len(answer.nodes), what=what, where=where)
    else:
        head = w("ask", "list_of", what=what, where=where)
    return [head, *(f"  - {marked_label(model, n, lang)}" for n in answer.nodes)]


def _where_lines(model: GovernanceModel, answer: Answer, result: AskResult, sources: bool) -> list[str]:
    lang, w = result.lang, words(result.lang, model.lang)
    label = marked_label(model, answer.subject, lang)
    if not answer.hits:
        return [w("ask", "where_none", name=label)]
    lines = [w("ask", "where_is", name=label)]
    for hit in answer.hits:
        extras = _hit_extras(model, hit, lang)
        tail = f" ({', '.join(extras)})" if extras else ""
        lines.append(f"  - {marked_label(model, hit.node, lang)}{tail}  [{hit.relation.id}]")
        if sources:
            lines += evidence_lines(hit.relation, lang, "      ", model.lang)
    return lines


def ask_lines(model: GovernanceModel, result: AskResult, sources: bool = False) -> list[str]:
    """The date, a note where a name fits several nodes, was corrected or the question
    reads two ways, then one block per answer, and the other reading's answers if any."""
    at, lang, reading = result.at, result.lang, result.reading
    if result.changes is not None:
        return diff_lines(model, result.changes, lang, sources)
    when = result.when or AsOf(at, at, None, None)
    if result.figure is not None:
        return [as_of_line(when, lang), "", *_figure_lines(model, result, sources)]
    lines = [
        as_of_line(when, lang),
        *_correction_lines(model, result),
        *_unused_lines(result),
        *_ambiguity_lines(model, result),
        *_two_way_lines(model, result),
    ]
    w = words(lang, model.lang)
    for answer in result.answers:
        lines.append("")
        if isinstance(reading, f.WhenReading):
            lines += _period_lines(model, reading, answer, result)
            lines += evidence_lines(answer.subject, lang, "  ", model.lang) if sources else []
        elif isinstance(reading, f.AttributeReading):
            lines += _attribute_lines(model, reading, answer, result)
            lines += evidence_lines(answer.subject, lang, "  ", model.lang) if sources else []
        elif isinstance(reading, f.YesNoReading):
            lines += _yes_no_lines(model, reading, answer, result, sources)
        elif isinstance(reading, f.ChainYesNoReading):
            assert answer.other is not None
            names = {
                "name": model.label(answer.subject.id, lang),
                "other": model.label(answer.other.id, lang),
            }
            if answer.verdict:
                lines.append(w("ask", "chain_yes", **names))
                lines += chain_lines(model, answer.subject, answer.chains, at, lang, sources)[1:]
            else:
                lines.append(w("ask", "chain_no", **names))
        elif isinstance(reading, f.ExistsReading):
            label = model.label(answer.subject.id, lang)
            status = status_at(answer.subject, at)
            if answer.verdict:
                lines.append(w("ask", "exists_yes", name=label, date=at.isoformat()))
            else:
                lines.append(
                    w("ask", "exists_no", name=label, date=at.isoformat(), status=status_word(status, lang))
                )
        elif isinstance(reading, f.DescribeReading):
            lines += _describe_lines(model, answer, result, sources)
        elif isinstance(reading, f.ListReading):
            lines += _list_lines(model, reading, answer, result)
        elif isinstance(reading, f.WhereReading):
            lines += _where_lines(model, answer, result, sources)
        elif answer.composition is not None:
            block = composition_lines(model, answer.composition, at, lang, sources)
            if isinstance(reading, f.CountReading):
                # the number comes first and is not repeated below the list; a figure
                # from a table has no list of members under it
                body = block[:-1] if answer.composition.hits else block
                if _count(model, reading, answer, result).basis == "figure":
                    body = []
                disputed = [
                    w("ask", c.mark, description=w.pick(c.description, c.description_en))
                    for c in _disputes(model, answer)
                ]
                block = [_count_line(model, reading, answer, result), *disputed, *body]
            lines += block
        elif isinstance(reading, f.ChainReading):
            lines += chain_lines(model, answer.subject, answer.chains, at, lang, sources)
        elif isinstance(reading, f.PathReading):
            assert answer.other is not None
            lines += path_lines(model, answer.subject, answer.other, answer.paths, lang, sources)
        else:
            assert reading.kind is not None
            assert reading.direction is not None
            kind = answer.kind or reading.kind
            lines += answer_lines(
                model, answer.subject, kind, reading.direction, answer.hits, at, lang, sources
            )
    if not result.answers and isinstance(reading, f.ListReading):
        lines += ["", w("ask", "list_none", what=reading.of_kind or "", where="", date=at.isoformat())]
    return lines + _other_reading_lines(model, result, sources)


def _name_form(tag: Tag, lang: Lang) -> str:
    """The name a tag was read as, marked in English output when it is a Dutch one."""
    assert tag.read_as is not None
    english = {fold_text(name) for n in tag.nodes for name in (n.name_en or "", *n.aliases_en)}
    if lang == "nl" or fold_text(tag.read_as) in english:
        return tag.read_as
    return words(lang).untranslated(tag.read_as)


def explain_lines(model: GovernanceModel, result: AskResult) -> list[str]:
    """How the question was read: language, names, kind of question, cues, why."""
    reading, lang = result.reading, result.lang
    w = words(lang, model.lang)
    none = w("ask", "explain_none")
    names = []
    for tag in reading.tags:
        labels = ", ".join(model.label(n.id, lang) for n in tag.nodes)
        said = f"'{tag.said}'"
        if tag.read_as:
            said += " " + w("ask", "explain_read_as", said="", name=_name_form(tag, lang)).split(" ", 1)[1]
        names.append(f"{said} → {labels}")
    frame = w("ask", "intent", reading.intent)
    if reading.kind is not None:
        frame += f": '{model.vocabulary.relation_kinds[reading.kind].phrasing(lang).active}'"
    if reading.direction is not None and reading.tags:
        frame += (
            " ("
            + w("ask", "direction", reading.direction, name=model.label(reading.tags[0].nodes[0].id, lang))
            + ")"
        )
    lines = [
        f"{w('ask', 'understood')}:",
        f"  {w('ask', 'explain_language')}: {w('ask', 'language_name', reading.lang)}",
        f"  {w('ask', 'explain_names')}: {'; '.join(names) or none}",
        f"  {w('ask', 'explain_frame')}: {frame}",
        f"  {w('ask', 'explain_cues')}: {', '.join(repr(c) for c in reading.cues) or none}",
    ]
    if reading.ignored:
        lines.append(f"  {w('ask', 'explain_ignored')}: {', '.join(repr(i) for i in reading.ignored)}")
    if reading.corrected:
        fixed = ", ".join(w("ask", "explain_read_as", said=a, name=b) for a, b in reading.corrected)
        lines.append(f"  {w('ask', 'explain_corrected')}: {fixed}")
    if reading.why is not None:
        name = model.label(reading.tags[0].nodes[0].id, lang) if reading.tags else ""
        wh = reading.wh if isinstance(reading, f.RelationReading) and reading.wh else ""
        lines.append(f"  {w('ask', 'explain_why')}: {w('ask', f'why_{reading.why}', name=name, wh=wh)}")
    return lines
