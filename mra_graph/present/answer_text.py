"""Query results as text a person can paste into an e-mail, in Dutch or English.

Every function returns lines (without newlines); the caller decides where they go.
Relations read with the vocabulary's own verbs, nodes with their distinguishing label.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence

from mra_graph.model.schema import AsOf, Conflict, GovernanceModel, Node, Relation, Source, Status, status_at
from mra_graph.questions.queries import Composition, Diff, Direction, Formation, Hit, Step
from mra_graph.words import Lang, Words, words

__all__ = [
    "answer_lines",
    "as_of_line",
    "chain_lines",
    "composition_lines",
    "count_line",
    "diff_lines",
    "evidence_lines",
    "formation_lines",
    "inferred_text",
    "marked_label",
    "modality_text",
    "modality_word",
    "path_lines",
    "relation_extras",
    "sentence",
    "source_lines",
    "span_text",
    "status_word",
]

_SLOT = "…"


def status_word(status: Status | str, lang: Lang) -> str:
    return words(lang).status(str(status))


def as_of_line(when: AsOf, lang: Lang, short: bool = False) -> str:
    """``Stand op 2017-06-01``; for a day beyond the documents' horizon, the day answered
    for instead and why: ``Stand op 2018-12-31, de laatste dag die de bronnen beschrijven
    (2016-2018); over 2026-12-07 zeggen ze niets.`` (``short``: without the last part)."""
    w = words(lang)
    if when.beyond is None or when.horizon is None:
        return w("as_of", date=when.used.isoformat())
    key = f"as_of_{when.beyond}" + ("_short" if short else "")
    return w(key, date=when.used.isoformat(), span=span_text(*when.horizon), asked=when.asked.isoformat())


def span_text(start: dt.date, end: dt.date) -> str:
    """``2016-2018`` for whole years, else ``2016-03-01-2018-06-30``, with an en dash."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}–{end.year}" if start.year != end.year else str(start.year)
    return f"{start.isoformat()}–{end.isoformat()}"


def _phrase(model: GovernanceModel, kind: str, lang: Lang, active: bool) -> str:
    phrasing = model.vocabulary.relation_kinds[kind].phrasing(lang)
    return phrasing.active if active else phrasing.passive


def sentence(model: GovernanceModel, relation: Relation, lang: Lang) -> str:
    """``Agendacommissie stuurt MRA Bureau aan``: a relation as a main clause.

    A Dutch separable verb reads right through the synonym that marks where the object
    goes (``stuurt … aan``); other verbs put the object after the phrase.
    """
    phrasing = model.vocabulary.relation_kinds[relation.kind].phrasing(lang)
    subject, obj = model.label(relation.from_, lang), model.label(relation.to, lang)
    plural = model.nodes_by_id[relation.from_].plural if relation.from_ in model.nodes_by_id else False
    agree = words(lang, model.lang).agree
    for synonym in phrasing.synonyms_active:
        if _SLOT in synonym and synonym.replace(_SLOT, " ").split() == phrasing.active.split():
            return f"{subject} {agree(synonym.replace(_SLOT, obj), plural)}"
    return f"{subject} {agree(phrasing.active, plural)} {obj}"


def modality_text(model: GovernanceModel, item: Node | Relation, lang: Lang) -> str | None:
    """``voorwaardelijk: als de voorstellen worden overgenomen`` for a fact's own modality,
    ``voorwaardelijk, net als MRA Bureau`` for one it takes from what it depends on, or
    None for a plain fact."""
    stated = model.stated.get(item.id)
    if stated is None:
        return None
    voc = model.vocabulary
    text = voc.modality_text(stated.modality.value, lang)
    if stated.via is not None:
        return f"{text}, {voc.mark_text('via', lang, model.label(stated.via, lang))}"
    condition = (stated.condition_en or stated.condition) if lang == "en" else stated.condition
    return f"{text}: {condition}" if condition else text


def marked_label(model: GovernanceModel, node: Node, lang: Lang) -> str:
    """A node's label with its modality and marks: ``MRA Bureau (voorwaardelijk, betwist)``."""
    marks = [m for m in (modality_word(model, node, lang), *mark_words(model, node.id, lang)) if m]
    label = model.label(node.id, lang)
    return f"{label} ({', '.join(marks)})" if marks else label


def modality_word(model: GovernanceModel, node: Node, lang: Lang) -> str | None:
    """``voorwaardelijk`` for a conditional node (own or taken from what it is part of),
    without its condition; None for a plain one."""
    stated = model.stated.get(node.id)
    return model.vocabulary.modality_text(stated.modality.value, lang) if stated else None


def mark_words(model: GovernanceModel, item_id: str, lang: Lang) -> list[str]:
    """``betwist`` where a recorded contradiction names the item, ``onduidelijk`` where a
    recorded ambiguity does."""
    return [model.vocabulary.mark_text(m, lang) for m in model.marks(item_id)]


def relation_extras(
    relation: Relation,
    lang: Lang,
    model: GovernanceModel,
    *,
    with_count: bool = True,
    with_marks: bool = True,
    scopes: bool = True,
    derived: bool = True,
    beside: Node | None = None,
) -> list[str]:
    """What a relation adds to its sentence: its modality (own or taken from an end),
    scoped ends (``één van de leden … van AM-team``) unless ``scopes`` is False, capacity,
    true flags (rotating), count per, role, and unless ``with_marks`` is False its
    disputed or unclear mark. With ``derived`` False a modality taken from an end is left
    out: where both ends are shown with their own, it would say the same twice; a mark the
    node shown ``beside`` the relation already carries is left out for the same reason."""
    voc, w = model.vocabulary, words(lang, model.lang)
    parts: list[str] = []
    stated = model.stated.get(relation.id)
    modality = modality_text(model, relation, lang) if derived or (stated and stated.via is None) else None
    if modality:
        parts.append(modality)
    if scopes:
        for scope, end in ((relation.from_scope, relation.from_), (relation.to_scope, relation.to)):
            if scope is not None:
                parts.append(voc.scope_text(scope.value, model.label(end, lang), lang))
    if relation.capacity:
        parts.append(voc.capacity_text(relation.capacity, lang))
    parts += [
        term.text(lang) for flag, term in voc.attribute_flags.items() if relation.attributes.get(flag) is True
    ]
    if with_count and relation.count is not None:
        parts.append(_amount(relation, w))
    if relation.role:
        parts.append(w.term(relation.role))
    if with_marks:
        shown = model.marks(beside.id) if beside is not None else ()
        # a conflict naming both the node beside and the relation is said once; an
        # inference is the relation's own
        parts += [
            model.vocabulary.mark_text(m, lang)
            for m in model.marks(relation.id)
            if m not in shown or m == "inferred"
        ]
    return parts


def _amount(relation: Relation, w: Words) -> str:
    assert relation.count is not None
    if relation.per:
        return w("count", "per", count=relation.count, per=w.per(relation.per, relation.per_en))
    return str(relation.count)


def source_lines(sources: Sequence[Source], lang: Lang, indent: str = "  ") -> list[str]:
    """``bron: document, section: "quote"``, one line per source, indented."""
    return _source_lines(sources, lang, indent)


def _source_lines(sources: Sequence[Source], lang: Lang, indent: str) -> list[str]:
    word = words(lang)("answers", "source")
    lines = []
    for s in sources:
        quote = f': "{s.quote}"' if s.quote else ""
        lines.append(f"{indent}{word}: {s.document}, {s.section}{quote}")
    return lines


def evidence_lines(item: Node | Relation, lang: Lang, indent: str, source: str = "nl") -> list[str]:
    """The sources of a node or relation, and for one the model infers, its reasoning
    (written in ``source``, the model's language)."""
    lines = _source_lines(item.sources, lang, indent)
    reason = inferred_text(item, lang, source)
    if reason:
        lines.append(f"{indent}{words(lang)('answers', 'inferred', reason=reason)}")
    return lines


def inferred_text(item: Node | Relation, lang: Lang, source: str = "nl") -> str | None:
    """Why the model holds a fact no quote states, in ``lang`` where it has it (the
    model's own text is in ``source``)."""
    if not item.inferred:
        return None
    return words(lang, source).pick(item.inferred, item.inferred_en)


def _absent(model: GovernanceModel, subject: Node, at: dt.date, lang: Lang) -> list[str]:
    status = status_at(subject, at)
    if status is Status.ACTIVE:
        return []
    label = model.label(subject.id, lang)
    return [
        "  "
        + words(lang, model.lang)(
            "answers", "absent", label=label, date=at.isoformat(), status=status_word(status, lang)
        )
    ]


def answer_lines(
    model: GovernanceModel,
    subject: Node,
    kind: str,
    direction: Direction,
    hits: Sequence[Hit],
    at: dt.date,
    lang: Lang,
    sources: bool = False,
) -> list[str]:
    """``Regiegroep (AM) wordt ondersteund door:`` and one line per node found."""
    label = marked_label(model, subject, lang)
    verb = words(lang, model.lang).agree(_phrase(model, kind, lang, direction == "outgoing"), subject.plural)
    head = f"{label} {verb}:"
    if not hits:
        return [
            f"{head} {words(lang, model.lang)('answers', 'nothing_recorded')}",
            *_absent(model, subject, at, lang),
        ]
    lines = [head]
    for hit in hits:
        name, extras = _hit_name(model, hit, direction, lang)
        if hit.depth > 1 and hit.via:
            extras.append(words(lang, model.lang)("answers", "through", name=model.label(hit.via, lang)))
        tail = f" ({', '.join(extras)})" if extras else ""
        lines.append(f"  - {name}{tail}  [{hit.relation.id}]")
        if sources:
            lines += evidence_lines(hit.relation, lang, "      ", model.lang)
    return lines


def _hit_name(model: GovernanceModel, hit: Hit, direction: Direction, lang: Lang) -> tuple[str, list[str]]:
    """The name a hit is listed under and what follows it in brackets.

    A scoped end reads as a whole: on the found node's end ``één van de leden of
    onderdelen van AM-team``; on the asked node's end ``voor ieder lid of onderdeel``, or,
    where the answer came through a group, ``geldt voor ieder lid of onderdeel van …``.
    """
    voc = model.vocabulary
    rel = hit.relation
    found_side, asked_side = ("from", "to") if direction == "incoming" else ("to", "from")
    found_scope = rel.from_scope if found_side == "from" else rel.to_scope
    asked_scope = rel.to_scope if found_side == "from" else rel.from_scope
    name = marked_label(model, hit.node, lang)
    if found_scope is not None:
        name = voc.scope_text(found_scope.value, name, lang)
    extras = relation_extras(rel, lang, model=model, scopes=False, derived=False, beside=hit.node)
    if hit.group:
        extras.insert(0, voc.mark_text("through", lang, model.label(hit.group, lang)))
    elif asked_scope is not None:
        extras.insert(0, voc.mark_text(f"{asked_side}.{asked_scope.value}", lang))
    return name, extras


def composition_lines(
    model: GovernanceModel, composition: Composition, at: dt.date, lang: Lang, sources: bool = False
) -> list[str]:
    """``Regiegroep (AM) bestaat uit:``, one line per member or part, and the total."""
    subject = composition.subject
    label = marked_label(model, subject, lang)
    w = words(lang, model.lang)
    head = w("answers", "made_up_of", label=label)
    if not composition.hits:
        return [
            f"{head} {words(lang, model.lang)('answers', 'nothing_recorded')}",
            *_absent(model, subject, at, lang),
        ]
    lines = [head]
    for hit in composition.hits:
        rel = hit.relation
        amount = w("answers", "number_not_given") if rel.count is None else _amount(rel, w)
        kind = w("answers", "member" if model.vocabulary.role(rel.kind) == "membership" else "part")
        extras = [
            kind,
            *relation_extras(rel, lang, with_count=False, model=model, derived=False, beside=hit.node),
        ]
        lines.append(f"  - {marked_label(model, hit.node, lang)}: {amount} ({', '.join(extras)})  [{rel.id}]")
        if sources:
            lines += evidence_lines(rel, lang, "      ", model.lang)
    lines += _conflict_lines(composition, lang)
    lines.append(_total_line(composition, lang))
    return lines


def _conflict_lines(composition: Composition, lang: Lang) -> list[str]:
    """Where a recorded conflict names the body: which, and the figures each claim gives."""
    w = words(lang)
    lines = []
    for conflict in composition.conflicts:
        values = [str(c.value) for c in conflict.claims if isinstance(c.value, int | float | str)]
        said = w("answers", "sources_say", values=w.listing(values)) if values else None
        lines.append("; ".join(x for x in (_conflict_line(conflict, lang)[:-1], said) if x) + ".")
    return lines


def _conflict_line(conflict: Conflict, lang: Lang) -> str:
    """``Betwist, zie tegenstrijdigheid 'x'.`` or ``Onduidelijk, zie dubbelzinnigheid 'x'.``"""
    return words(lang)("model", conflict.mark, id=repr(conflict.id)) + "."


def count_line(model: GovernanceModel, composition: Composition, lang: Lang) -> str:
    """How many members a body has, as one sentence: ``secretarissenoverleg heeft 7 leden.``"""
    label = marked_label(model, composition.subject, lang)
    w = words(lang, model.lang)
    total = composition.size if composition.size is not None else composition.counted
    if total is not None:
        return w.counted("answers", "has_members", label=label, n=total)
    known = composition.at_least
    if known:
        return w.counted("answers", "has_at_least", label=label, n=known)
    return w("answers", "no_member_count", label=label)


def _total_line(composition: Composition, lang: Lang) -> str:
    w = words(lang)
    if composition.size is not None:
        return w.counted("answers", "total", n=composition.size)
    if composition.counted is not None:
        return w.counted("answers", "total", n=composition.counted)
    known = composition.at_least
    if known:
        return w.counted("answers", "total_at_least", n=known)
    return w("answers", "no_total")


def _phrase_width(model: GovernanceModel, found: Sequence[Sequence[Step]], lang: Lang) -> int:
    return max(
        (len(_phrase(model, s.relation.kind, lang, s.forward)) for steps in found for s in steps), default=0
    )


def _step_lines(
    model: GovernanceModel, steps: Sequence[Step], lang: Lang, sources: bool, indent: str, width: int
) -> list[str]:
    rows: list[tuple[str, str, Relation]] = []
    for step in steps:
        # the walk's next node is the sentence's object; the verb voice follows the relation
        other = step.target if step.forward else step.source
        extras = relation_extras(step.relation, lang, model=model, derived=False, beside=other)
        tail = f" ({', '.join(extras)})" if extras else ""
        rows.append(
            (
                _phrase(model, step.relation.kind, lang, step.forward),
                marked_label(model, other, lang) + tail,
                step.relation,
            )
        )
    lines = []
    for phrase, name, relation in rows:
        lines.append(f"{indent}{phrase.ljust(width)}  {name}  [{relation.id}]")
        if sources:
            lines += evidence_lines(relation, lang, indent + "    ", model.lang)
    return lines


def chain_lines(
    model: GovernanceModel,
    subject: Node,
    found: Sequence[Sequence[Step]],
    at: dt.date,
    lang: Lang,
    sources: bool = False,
) -> list[str]:
    """Each line of responsibility, numbered, one step up per line."""
    label = model.label(subject.id, lang)
    if not found:
        return [
            words(lang, model.lang)("answers", "no_chain", label=label),
            *_absent(model, subject, at, lang),
        ]
    lines = [words(lang, model.lang)("answers", "chains_of", label=label)]
    for number, chain in enumerate(found, 1):
        lines.append(f"  {number}. {label}")
        lines += _step_lines(model, chain, lang, sources, "       ", _phrase_width(model, found, lang))
    return lines


def path_lines(
    model: GovernanceModel,
    a: Node,
    b: Node,
    found: Sequence[Sequence[Step]],
    lang: Lang,
    sources: bool = False,
) -> list[str]:
    """Each shortest connection from ``a`` to ``b``, one relation per line."""
    la, lb = model.label(a.id, lang), model.label(b.id, lang)
    if not found:
        return [words(lang, model.lang)("answers", "not_connected", a=la, b=lb)]
    lines = [words(lang, model.lang)("answers", "connected", a=la, b=lb)]
    for number, path in enumerate(found, 1):
        lines.append(f"  {number}. {la}")
        lines += _step_lines(model, path, lang, sources, "       ", _phrase_width(model, found, lang))
    return lines


def diff_lines(model: GovernanceModel, change: Diff, lang: Lang, sources: bool = False) -> list[str]:
    """What became active, ended or changed otherwise, one item per line."""
    w = words(lang, model.lang)
    lines = [w("answers", "from_to", start=change.start, end=change.end)]
    groups = (
        (w("answers", "became_active"), change.added),
        (w("answers", "ended"), change.ended),
        (w("answers", "changed"), change.changed),
    )
    for title, items in groups:
        lines.append(f"{title}:" if items else f"{title}: {w('answers', 'nothing')}")
        for c in items:
            states = f"{status_word(c.before, lang)} → {status_word(c.after, lang)}"
            what = model.label(c.item.id, lang) if isinstance(c.item, Node) else sentence(model, c.item, lang)
            # how firmly it holds and whether it is disputed is the same on both dates
            qualified = [
                q for q in (modality_text(model, c.item, lang), *mark_words(model, c.item.id, lang)) if q
            ]
            # a relation's id, for the edits that name it; a node's label finds it already
            shown_id = "" if isinstance(c.item, Node) else f"  [{c.item.id}]"
            lines.append(f"  - {what} ({'; '.join([*qualified, states])}){shown_id}")
            if sources:
                lines += evidence_lines(c.item, lang, "      ", model.lang)
    if change.renamed:
        lines.append(f"{w('edit', 'diff_renamed')}:")
        for r in change.renamed:
            key = "diff_rename_new_id" if r.successor else "diff_rename"
            new_id = r.successor.id if r.successor else r.node.id
            lines.append(
                "  - " + w("edit", key, old=r.old, new=r.new, date=r.on, id=r.node.id, new_id=new_id)
            )
    return lines


def formation_lines(model: GovernanceModel, table: Formation, lang: Lang, sources: bool = False) -> list[str]:
    """The staffing table as an aligned table, with computed beside stated figures."""
    w = words(lang, model.lang)
    title = w.pick(table.title, table.title_en)
    head = [w("formation", "line"), *table.years, w("formation", "difference"),
            w("formation", "stated"), w("formation", "agrees")]  # fmt: skip
    rows: list[list[str]] = []
    notes: list[str] = []
    voc = model.vocabulary
    by_id = {c.id: c for c in model.conflicts}
    kinds = {c.id: c.mark for c in model.conflicts}

    def marked(ids: Sequence[str]) -> list[str]:
        return [voc.mark_text(m, lang) for m in dict.fromkeys(kinds[i] for i in ids)]

    for row in table.rows:
        label = w.pick(row.label, row.label_en)
        unit = w.pick(row.unit, row.unit_en) if row.unit else None
        if unit:
            label += f" [{unit}]"
        if row.conflicts:
            label += f" ({', '.join(marked(row.conflicts))})"
        stated = w.number(row.stated_difference, True) if row.stated_difference is not None else "-"
        agrees = w("formation", "yes" if row.consistent else "no") if row.checked else "-"
        values = [w.number(row.values[y]) for y in table.years]
        wrapped = textwrap.wrap(label, 52) or [""]
        rows.append([wrapped[0], *values, w.number(row.difference, True), stated, agrees])
        rows += [[part, *[""] * (len(head) - 1)] for part in wrapped[1:]]
        if row.computed is not None:
            sums = " / ".join(w.number(row.computed[y]) for y in table.years)
            notes.append("  " + w("formation", "sum", label=label, n=len(row.total_of or ()), sums=sums))
        if sources:
            notes += [f"  {label}:", *_source_lines(row.sources, lang, "    ")]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def fmt(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:-1], widths[1:-1], strict=True)]
        return "  ".join([first, *rest, cells[-1]]).rstrip()

    lines = [
        f"{title} ({', '.join([table.unit, *marked(table.conflicts)])})",
        fmt(head),
        *(fmt(r) for r in rows),
    ]
    if notes:
        lines += [
            w("formation", "notes" if sources else "computed"),
            *notes,
        ]
    note = w.pick(table.note, table.note_en)
    if note:
        lines.append(note)
    for conflict in dict.fromkeys([*table.conflicts, *(c for row in table.rows for c in row.conflicts)]):
        lines.append(_conflict_line(by_id[conflict], lang))
    return lines
