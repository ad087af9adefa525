"""Query results as text a person can paste into an e-mail, in Dutch or English.

Every function returns lines (without newlines); the caller decides where they go.
Relations read with the vocabulary's own verbs, nodes with their distinguishing label.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence

from mra_graph.model import GovernanceModel, Node, Relation, Source, Status
from mra_graph.queries import Composition, Diff, Direction, Formation, Hit, Step
from mra_graph.timeline import status_at
from mra_graph.vocabulary import vocabulary

__all__ = [
    "answer_lines",
    "as_of_line",
    "chain_lines",
    "composition_lines",
    "count_line",
    "diff_lines",
    "formation_lines",
    "path_lines",
    "relation_extras",
    "sentence",
    "source_lines",
    "status_word",
]

_STATUS = {
    "nl": {
        "active": "actief",
        "planned": "gepland",
        "under_consideration": "in overweging",
        "ended": "beëindigd",
    },
    "en": {
        "active": "active",
        "planned": "planned",
        "under_consideration": "under consideration",
        "ended": "ended",
    },
}


_SLOT = "…"


def _t(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl


def status_word(status: Status | str, lang: str) -> str:
    return _STATUS["en" if lang == "en" else "nl"][str(status)]


def as_of_line(at: dt.date, lang: str) -> str:
    return _t(lang, f"Stand op {at.isoformat()}", f"As of {at.isoformat()}")


def _phrase(kind: str, lang: str, active: bool) -> str:
    phrasing = vocabulary().relation_kinds[kind].phrasing(lang)
    return phrasing.active if active else phrasing.passive


def sentence(model: GovernanceModel, relation: Relation, lang: str) -> str:
    """``Agendacommissie stuurt MRA Bureau aan``: a relation as a main clause.

    A Dutch separable verb reads right through the synonym that marks where the object
    goes (``stuurt … aan``); other verbs put the object after the phrase.
    """
    phrasing = vocabulary().relation_kinds[relation.kind].phrasing(lang)
    subject, obj = model.label(relation.from_, lang), model.label(relation.to, lang)
    for synonym in phrasing.synonyms_active:
        if _SLOT in synonym and synonym.replace(_SLOT, " ").split() == phrasing.active.split():
            return f"{subject} {synonym.replace(_SLOT, obj)}"
    return f"{subject} {phrasing.active} {obj}"


def relation_extras(relation: Relation, lang: str, with_count: bool = True) -> list[str]:
    """What a relation adds to its sentence: capacity, true flags (rotating), count per, role."""
    words = vocabulary()
    parts: list[str] = []
    if relation.capacity:
        parts.append(words.capacity_text(relation.capacity, lang))
    parts += [
        term.text(lang)
        for flag, term in words.attribute_flags.items()
        if relation.attributes.get(flag) is True
    ]
    if with_count and relation.count is not None:
        parts.append(f"{relation.count} per {relation.per}" if relation.per else str(relation.count))
    if relation.role:
        parts.append(relation.role)
    return parts


def source_lines(sources: Sequence[Source], lang: str, indent: str = "  ") -> list[str]:
    """``bron: document, section: "quote"``, one line per source, indented."""
    return _source_lines(sources, lang, indent)


def _source_lines(sources: Sequence[Source], lang: str, indent: str) -> list[str]:
    word = _t(lang, "bron", "source")
    lines = []
    for s in sources:
        quote = f': "{s.quote}"' if s.quote else ""
        lines.append(f"{indent}{word}: {s.document}, {s.section}{quote}")
    return lines


def _absent(model: GovernanceModel, subject: Node, at: dt.date, lang: str) -> list[str]:
    status = status_at(subject, at)
    if status is Status.ACTIVE:
        return []
    label = model.label(subject.id, lang)
    return [
        _t(
            lang,
            f"  ({label} is op {at.isoformat()} niet actief maar {status_word(status, lang)}.)",
            f"  ({label} is not active on {at.isoformat()} but {status_word(status, lang)}.)",
        )
    ]


def answer_lines(
    model: GovernanceModel,
    subject: Node,
    kind: str,
    direction: Direction,
    hits: Sequence[Hit],
    at: dt.date,
    lang: str,
    sources: bool = False,
) -> list[str]:
    """``Regiegroep (AM) wordt ondersteund door:`` and one line per node found."""
    label = model.label(subject.id, lang)
    head = f"{label} {_phrase(kind, lang, direction == 'outgoing')}:"
    if not hits:
        return [
            f"{head} {_t(lang, 'niets vastgelegd.', 'nothing recorded.')}",
            *_absent(model, subject, at, lang),
        ]
    lines = [head]
    for hit in hits:
        extras = relation_extras(hit.relation, lang)
        if hit.depth > 1 and hit.via:
            extras.append(
                _t(lang, f"via {model.label(hit.via, lang)}", f"through {model.label(hit.via, lang)}")
            )
        tail = f" ({', '.join(extras)})" if extras else ""
        lines.append(f"  - {model.label(hit.node.id, lang)}{tail}")
        if sources:
            lines += _source_lines(hit.relation.sources, lang, "      ")
    return lines


def composition_lines(
    model: GovernanceModel, composition: Composition, at: dt.date, lang: str, sources: bool = False
) -> list[str]:
    """``Regiegroep (AM) bestaat uit:``, one line per member or part, and the total."""
    subject = composition.subject
    label = model.label(subject.id, lang)
    head = _t(lang, f"{label} bestaat uit:", f"{label} is made up of:")
    if not composition.hits:
        return [
            f"{head} {_t(lang, 'niets vastgelegd.', 'nothing recorded.')}",
            *_absent(model, subject, at, lang),
        ]
    lines = [head]
    for hit in composition.hits:
        rel = hit.relation
        if rel.count is None:
            amount = _t(lang, "aantal niet genoemd", "number not given")
        else:
            amount = f"{rel.count} per {rel.per}" if rel.per else str(rel.count)
        kind = _t(lang, "lid", "member") if rel.kind == "member_of" else _t(lang, "onderdeel", "part")
        extras = [kind, *relation_extras(rel, lang, with_count=False)]
        lines.append(f"  - {model.label(hit.node.id, lang)}: {amount} ({', '.join(extras)})")
        if sources:
            lines += _source_lines(rel.sources, lang, "      ")
    lines.append(_total_line(composition, lang))
    return lines


def count_line(model: GovernanceModel, composition: Composition, lang: str) -> str:
    """How many members a body has, as one sentence: ``secretarissenoverleg heeft 7 leden.``"""
    label = model.label(composition.subject.id, lang)
    total = composition.size if composition.size is not None else composition.counted
    if total is not None:
        return _t(lang, f"{label} heeft {total} leden.", f"{label} has {total} members.")
    known = sum(h.relation.count or 0 for h in composition.hits if not h.relation.per)
    if known:
        return _t(
            lang,
            f"{label} heeft ten minste {known} leden; niet voor elk lid noemt de bron een aantal.",
            f"{label} has at least {known} members; the source does not give a number for every member.",
        )
    return _t(
        lang,
        f"Voor {label} noemt de bron geen aantal leden.",
        f"The source gives no number of members of {label}.",
    )


def _total_line(composition: Composition, lang: str) -> str:
    if composition.size is not None:
        return _t(lang, f"In totaal {composition.size} leden.", f"{composition.size} members in all.")
    if composition.counted is not None:
        return _t(lang, f"In totaal {composition.counted} leden.", f"{composition.counted} members in all.")
    known = sum(h.relation.count or 0 for h in composition.hits if not h.relation.per)
    if known:
        return _t(
            lang,
            f"In totaal ten minste {known} leden; niet voor elk lid noemt de bron een aantal.",
            f"At least {known} members in all; the source does not give a number for every member.",
        )
    return _t(lang, "De bron noemt geen totaal aantal.", "The source gives no total number.")


def _phrase_width(found: Sequence[Sequence[Step]], lang: str) -> int:
    return max((len(_phrase(s.relation.kind, lang, s.forward)) for steps in found for s in steps), default=0)


def _step_lines(
    model: GovernanceModel, steps: Sequence[Step], lang: str, sources: bool, indent: str, width: int
) -> list[str]:
    rows: list[tuple[str, str, Relation]] = []
    for step in steps:
        # the walk's next node is the sentence's object; the verb voice follows the relation
        other = step.target if step.forward else step.source
        extras = relation_extras(step.relation, lang)
        tail = f" ({', '.join(extras)})" if extras else ""
        rows.append(
            (
                _phrase(step.relation.kind, lang, step.forward),
                model.label(other.id, lang) + tail,
                step.relation,
            )
        )
    lines = []
    for phrase, name, relation in rows:
        lines.append(f"{indent}{phrase.ljust(width)}  {name}")
        if sources:
            lines += _source_lines(relation.sources, lang, indent + "    ")
    return lines


def chain_lines(
    model: GovernanceModel,
    subject: Node,
    found: Sequence[Sequence[Step]],
    at: dt.date,
    lang: str,
    sources: bool = False,
) -> list[str]:
    """Each line of responsibility, numbered, one step up per line."""
    label = model.label(subject.id, lang)
    if not found:
        return [
            _t(
                lang,
                f"Voor {label} legt het model geen verantwoordingslijn vast.",
                f"The model records no line of responsibility for {label}.",
            ),
            *_absent(model, subject, at, lang),
        ]
    lines = [_t(lang, f"Verantwoordingslijnen van {label}:", f"Lines of responsibility of {label}:")]
    for number, chain in enumerate(found, 1):
        lines.append(f"  {number}. {label}")
        lines += _step_lines(model, chain, lang, sources, "       ", _phrase_width(found, lang))
    return lines


def path_lines(
    model: GovernanceModel,
    a: Node,
    b: Node,
    found: Sequence[Sequence[Step]],
    lang: str,
    sources: bool = False,
) -> list[str]:
    """Each shortest connection from ``a`` to ``b``, one relation per line."""
    la, lb = model.label(a.id, lang), model.label(b.id, lang)
    if not found:
        return [_t(lang, f"{la} en {lb} zijn niet verbonden.", f"{la} and {lb} are not connected.")]
    lines = [_t(lang, f"Zo is {la} verbonden met {lb}:", f"How {la} is connected to {lb}:")]
    for number, path in enumerate(found, 1):
        lines.append(f"  {number}. {la}")
        lines += _step_lines(model, path, lang, sources, "       ", _phrase_width(found, lang))
    return lines


def diff_lines(model: GovernanceModel, change: Diff, lang: str, sources: bool = False) -> list[str]:
    """What became active, ended or changed otherwise, one item per line."""
    lines = [_t(lang, f"Van {change.start} tot {change.end}:", f"From {change.start} to {change.end}:")]
    groups = (
        (_t(lang, "Actief geworden", "Became active"), change.added),
        (_t(lang, "Beëindigd", "Ended"), change.ended),
        (_t(lang, "Anders gewijzigd", "Changed otherwise"), change.changed),
    )
    for title, items in groups:
        lines.append(f"{title}:" if items else f"{title}: {_t(lang, 'niets', 'nothing')}")
        for c in items:
            states = f"{status_word(c.before, lang)} → {status_word(c.after, lang)}"
            what = model.label(c.item.id, lang) if isinstance(c.item, Node) else sentence(model, c.item, lang)
            lines.append(f"  - {what} ({states})")
            if sources:
                lines += _source_lines(c.item.sources, lang, "      ")
    return lines


def _num(value: float, lang: str, signed: bool = False) -> str:
    text = f"{value:+g}" if signed and value else f"{value:g}"
    return text.replace(".", ",") if lang != "en" else text


def formation_lines(table: Formation, lang: str, sources: bool = False) -> list[str]:
    """The staffing table as an aligned table, with computed beside stated figures."""
    en = lang == "en"
    title = (table.title_en or table.title) if en else table.title
    head = [_t(lang, "regel", "line"), *table.years, _t(lang, "verschil", "difference"),
            _t(lang, "volgens bron", "stated"), _t(lang, "klopt", "agrees")]  # fmt: skip
    rows: list[list[str]] = []
    notes: list[str] = []
    for row in table.rows:
        label = (row.label_en or row.label) if en else row.label
        stated = _num(row.stated_difference, lang, True) if row.stated_difference is not None else "-"
        agrees = _t(lang, "ja", "yes") if row.consistent else _t(lang, "NEE", "NO")
        values = [_num(row.values[y], lang) for y in table.years]
        wrapped = textwrap.wrap(label, 52) or [""]
        rows.append([wrapped[0], *values, _num(row.difference, lang, True), stated, agrees])
        rows += [[part, *[""] * (len(head) - 1)] for part in wrapped[1:]]
        if row.computed is not None:
            sums = " / ".join(_num(row.computed[y], lang) for y in table.years)
            notes.append(
                _t(
                    lang,
                    f"  {label}: som van {len(row.total_of or ())} regels = {sums}",
                    f"  {label}: sum of {len(row.total_of or ())} lines = {sums}",
                )
            )
        if sources:
            notes += [f"  {label}:", *_source_lines(row.sources, lang, "    ")]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def fmt(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:-1], widths[1:-1], strict=True)]
        return "  ".join([first, *rest, cells[-1]]).rstrip()

    lines = [f"{title} ({table.unit})", fmt(head), *(fmt(r) for r in rows)]
    if notes:
        lines += [
            _t(lang, "Berekend:", "Computed:") if not sources else _t(lang, "Toelichting:", "Notes:"),
            *notes,
        ]
    note = (table.note_en or table.note) if en else table.note
    if note:
        lines.append(note)
    return lines
