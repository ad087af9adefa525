"""Gathering a whole report from a model: pure functions from model, date and language to
:class:`~mra_graph.report.content.Report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import fields, replace

from mra_graph.model.schema import GovernanceModel, Node, Status, status_at
from mra_graph.present.answer_text import as_of_line
from mra_graph.questions.queries import diff, formation, neighbourhood
from mra_graph.render.definitions import Views
from mra_graph.report.cards import CardMaker, marks_of
from mra_graph.report.citations import Citer
from mra_graph.report.content import (
    Card,
    ChangeItem,
    ClaimEntry,
    ConflictEntry,
    Diagram,
    PlannedItem,
    RegionSection,
    Report,
    Staffing,
    StaffingRow,
)
from mra_graph.report.order import in_reading_order
from mra_graph.report.phrases import Phrases, phrases
from mra_graph.words import Lang, lang_of, words

__all__ = ["build_report", "number_text"]

_KIND_ORDER = ("body", "role", "organisation", "place", "document", "instrument")


def number_text(value: float, lang: Lang, signed: bool = False) -> str:
    """``2,5`` in Dutch, ``2.5`` in English; ``+1,5`` when ``signed`` and not zero.

    >>> number_text(1.5, "nl", signed=True), number_text(-7.0, "en", signed=True), number_text(0, "nl", True)
    ('+1,5', '-7', '0')
    """
    return words(lang).number(value, signed)


def build_report(
    model: GovernanceModel,
    *,
    at: dt.date,
    lang: Lang = "nl",
    since: dt.date | None = None,
    focus: Node | None = None,
    diagram: Diagram | None = None,
    views: Views | None = None,
) -> Report:
    """Everything a report says about ``model`` on ``at``, in ``lang``.

    A day ``at`` beyond the documents' horizon is reported as of the horizon's nearest
    end, and the report says so. ``since`` adds the changes from that date to ``at``;
    ``focus`` narrows the report to
    a node and everything directly connected to it. ``diagram`` is the picture to show
    (see :func:`mra_graph.report.diagram.diagram`); without it the report has only the
    placeholder that says so. ``views`` are the model's views, whose overview sets the
    order bodies are told in.
    """
    model = in_reading_order(model, views)  # the file's order of its lists changes nothing
    when = model.as_of(at)
    at = when.used
    t = phrases(lang, model.lang)
    citer = Citer()
    en = lang == "en"
    if focus is not None:
        around = neighbourhood(model, focus.id, None, depth=1)
        included = {n.id for n in around.nodes} | {focus.id}
    else:
        included = {n.id for n in model.nodes}
    maker = CardMaker(model, at, t, citer, frozenset(included) if focus is not None else None)
    nodes = [n for n in model.nodes if n.id in included]

    regions = []
    for region in model.regions:
        region_nodes = [n for n in nodes if n.region == region.id and n.kind.value == "body"]
        if not region_nodes and focus is not None:
            continue
        anchor = f"region-{region.id}"
        name = t.words.pick(region.name, region.name_en)
        citer.add(region.sources, anchor, name)
        in_region = [n for n in nodes if n.region == region.id]
        regions.append(
            RegionSection(
                id=region.id,
                anchor=anchor,
                name=name,
                other_name=t.words.other_language(region.name if en else region.name_en or "")
                if region.name_en and region.name_en != region.name
                else None,
                short=region.short,
                intro=t("region_intro", short=region.short, counts=_kind_counts(in_region, t)),
                cards=tuple(maker.card(n) for n in region_nodes),
                sources=tuple(region.sources),
            )
        )
    in_regions = {c.ref.id for r in regions for c in r.cards}
    others: list[tuple[str, tuple[Card, ...]]] = []
    for kind in _KIND_ORDER:
        cards = tuple(maker.card(n) for n in nodes if n.kind.value == kind and n.id not in in_regions)
        if cards:
            others.append((t["kind_plural"][kind], cards))

    staffing = _staffing(model, maker) if model.figures else None
    changes = _changes(model, maker, since, at) if since is not None else None
    planned = _planned(maker, nodes)
    conflicts = _conflicts(model, maker, included, staffing is not None)
    citations, documents = citer.number(model, lang)

    title = t.words.pick(model.title, model.title_en)
    focus_ref = maker.ref(focus) if focus is not None else None
    heading = f"{title}: {t('about_focus', name=focus_ref.label)}" if focus_ref else title
    relation_count = sum(1 for r in model.relations if r.from_ in included and r.to in included)
    source_lang = lang_of(model.lang)
    in_language = (
        t("documents_language", language=t.words("ask", "language_name", source_lang))
        if source_lang != lang and model.documents
        else ""
    )
    all_cards = [c for r in regions for c in r.cards] + [c for _, cs in others for c in cs]
    report = Report(
        lang=lang,
        at=at,
        as_of=as_of_line(when, lang),
        since=since,
        title=title,
        heading=heading,
        focus=focus_ref,
        model_title=title,
        counts=t("counts", what=_kind_counts(nodes, t), relations=relation_count),
        documents=documents,
        diagram=diagram or Diagram(None, t.diagram, "", reason="no diagram was asked for"),
        regions=tuple(regions),
        others=tuple(others),
        staffing=staffing,
        changes=changes,
        planned=planned,
        conflicts=conflicts,
        citations=citations,
        search_index=tuple(_search_entry(model, c, t) for c in all_cards),
        graph_index={
            "relations": {
                r.id: [r.from_, r.to] for r in model.relations if r.from_ in included and r.to in included
            },
            "cards": sorted(c.ref.id for c in all_cards),
        },
        phrases=t,
        subtitle=t("subtitle_figures" if staffing is not None else "subtitle"),
        documents_intro=t.words.counted("report", "documents_intro", n=len(documents), language=in_language),
        source_lang=source_lang,
    )
    # the note on «…» is there only when the report holds marked text
    # (read from what the report says, not from its phrases, which explain the marks)
    said = [repr(getattr(report, f.name)) for f in fields(report) if f.name != "phrases"]
    if not any("«" in text for text in said):
        return report
    other = t.words("ask", "language_name", "en" if lang == "nl" else "nl")
    return replace(report, marked_note=t("marked_note", language=other))


def _kind_counts(nodes: Iterable[Node], t: Phrases) -> str:
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n.kind.value] = counts.get(n.kind.value, 0) + 1
    parts = [
        f"{counts[k]} {t['kind_singular' if counts[k] == 1 else 'kind_plural'][k]}"
        for k in _KIND_ORDER
        if k in counts
    ]
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {t('and')} {parts[-1]}"


def _search_entry(model: GovernanceModel, card: Card, t: Phrases) -> dict[str, object]:
    node = model.nodes_by_id[card.ref.id]
    names = [
        card.ref.label,
        node.name,
        node.name_en,
        *node.aliases,
        *node.aliases_en,
        *node.own_aliases,
        model.labels_en[node.id],
        node.id,
    ]
    unique = list(dict.fromkeys(n for n in names if n))
    return {
        "id": node.id,
        "label": card.ref.label,
        "anchor": card.ref.anchor,
        "what": card.what,
        "names": unique,
    }


def _staffing(model: GovernanceModel, maker: CardMaker) -> Staffing:
    t, lang = maker.t, maker.lang
    table = formation(model)
    figure = model.figures[0]
    rows = []
    for row in table.rows:
        label = t.words.pick(row.label, row.label_en)
        anchor = f"row-{row.id}"
        maker.citer.add(row.sources, anchor, label)
        computed = None
        if row.computed is not None:
            sums = " / ".join(number_text(row.computed[y], lang) for y in table.years)
            computed = t("staffing_total", n=len(row.total_of or ()), sums=sums)
        rows.append(
            StaffingRow(
                id=row.id,
                anchor=anchor,
                label=label,
                values=tuple(number_text(row.values[y], lang) for y in table.years),
                difference=number_text(row.difference, lang, signed=True),
                stated=number_text(row.stated_difference, lang, signed=True)
                if row.stated_difference is not None
                else None,
                computed=computed,
                consistent=row.consistent,
                checked=row.checked,
                is_total=row.total_of is not None,
                nodes=tuple(maker.ref(model.nodes_by_id[n]) for n in row.nodes if n in model.nodes_by_id),
                marks=marks_of(model, row.id, t),
                sources=row.sources,
            )
        )
    maker.citer.add(figure.sources, "staffing", t.words.pick(table.title, table.title_en))
    return Staffing(
        title=t.words.pick(table.title, table.title_en),
        unit=table.unit,
        note=t.words.pick(table.note, table.note_en),
        years=table.years,
        rows=tuple(rows),
        consistent=table.consistent,
        sources=tuple(figure.sources),
    )


def _changes(
    model: GovernanceModel, maker: CardMaker, since: dt.date, at: dt.date
) -> tuple[tuple[str, tuple[ChangeItem, ...]], ...]:
    from mra_graph.present.answer_text import sentence

    t, lang = maker.t, maker.lang
    found = diff(model, since, at)
    groups = []
    for title, items in (
        (t.changes_added, found.added),
        (t.changes_ended, found.ended),
        (t.changes_changed, found.changed),
    ):
        entries = []
        for change in items:
            if isinstance(change.item, Node):
                text, href = model.label(change.item.id, lang), f"#card-{change.item.id}"
            else:
                text, href = sentence(model, change.item, lang), f"#rel-{change.item.id}"
            entries.append(
                ChangeItem(
                    text,
                    href,
                    t.status_word(change.before.value),
                    t.status_word(change.after.value),
                    tuple(change.item.sources),
                )
            )
        groups.append((title, tuple(entries)))
    return tuple(groups)


def _planned(maker: CardMaker, nodes: list[Node]) -> tuple[tuple[str, tuple[PlannedItem, ...]], ...]:
    t = maker.t
    groups = []
    for status in (Status.PLANNED, Status.UNDER_CONSIDERATION, Status.ENDED):
        items = tuple(
            PlannedItem(
                ref=maker.ref(n),
                period=maker._period(n),
                description=t.words.pick(n.description, n.description_en),
                sources=tuple(n.sources),
            )
            for n in nodes
            if status_at(n, maker.at) is status
        )
        if items:
            groups.append((t.status_word(status.value), items))
    return tuple(groups)


def _conflicts(
    model: GovernanceModel, maker: CardMaker, included: set[str], with_staffing: bool
) -> tuple[ConflictEntry, ...]:
    from mra_graph.present.answer_text import sentence

    t, lang = maker.t, maker.lang
    relations = {r.id: r for r in model.relations}
    rows = {row.id: row for table in model.figures for row in table.rows}
    entries = []
    for conflict in model.conflicts:
        subjects: list[tuple[str, str]] = []
        relevant = False
        for subject in conflict.subjects:
            if subject in model.nodes_by_id:
                subjects.append((f"#card-{subject}", model.label(subject, lang)))
                relevant = relevant or subject in included
            elif subject in relations:
                rel = relations[subject]
                subjects.append((f"#rel-{subject}", sentence(model, rel, lang)))
                relevant = relevant or (rel.from_ in included and rel.to in included)
            elif subject in rows:
                row = rows[subject]
                subjects.append((f"#row-{subject}", t.words.pick(row.label, row.label_en)))
                relevant = relevant or with_staffing
        if not relevant:
            continue
        anchor = f"conflict-{conflict.id}"
        claims = []
        for claim in conflict.claims:
            statement = t.words.pick(claim.statement, claim.statement_en)
            maker.citer.add(claim.sources, anchor, statement)
            claims.append(
                ClaimEntry(statement, None if claim.value is None else str(claim.value), tuple(claim.sources))
            )
        kind = t["conflict_kinds"][conflict.kind.value]
        entries.append(
            ConflictEntry(
                id=conflict.id,
                anchor=anchor,
                kind=kind,
                title=t("conflict_about", kind=kind[:1].upper() + kind[1:], subject=subjects[0][1]),
                description=t.words.pick(conflict.description, conflict.description_en),
                claims=tuple(claims),
                model_choice=t.words.pick(conflict.model_choice, conflict.model_choice_en),
                subjects=tuple(subjects),
                model_choice_lang="en" if lang == "en" and conflict.model_choice_en else "nl",
            )
        )
    return tuple(entries)
