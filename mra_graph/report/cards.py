"""A card per node: what it is, its composition, chair, meetings, relations and lines of
responsibility, gathered from the model with the query functions.

A card shows every relation the model records for its node, also those not active on
the report date (they carry their status, e.g. *gepland*), so that a report of any day
still explains both documents completely.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from mra_graph.model.schema import GovernanceModel, Node, Relation, Status, status_at
from mra_graph.model.vocabulary import COMPOSITION, Role
from mra_graph.present.answer_text import inferred_text, modality_text, modality_word, relation_extras
from mra_graph.questions.queries import chains, members
from mra_graph.report.citations import Citer
from mra_graph.report.content import Card, ChainStep, Group, Line, Mark, Ref
from mra_graph.report.phrases import Phrases
from mra_graph.words import Lang, lang_of

__all__ = ["MAIN_ROLES", "CardMaker", "marks_of"]

MAIN_ROLES: tuple[Role, ...] = ("support", "steering", "commission", "scrutiny")
"""The roles of the relations a card names first, in this order, each kind's outgoing
relations before its incoming ones; a card leaves out those it has none of."""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class CardMaker:
    """Makes cards and references for one model, date and language, citing as it goes."""

    model: GovernanceModel
    at: dt.date
    t: Phrases
    citer: Citer
    included: frozenset[str] | None = None
    """With a focus, only relations between these nodes are shown (their cards exist)."""

    @property
    def lang(self) -> Lang:
        return self.t.lang

    def ref(self, node: Node) -> Ref:
        status = status_at(node, self.at)
        return Ref(
            id=node.id,
            label=self.model.label(node.id, self.lang),
            anchor=f"card-{node.id}",
            kind=node.kind.value,
            status=status.value,
            status_text=None if status is Status.ACTIVE else self.t.status_word(status.value),
            marks=marks_of(self.model, node.id, self.t),
            modality_text=modality_word(self.model, node, self.lang),
            modality_detail=modality_text(self.model, node, self.lang),
        )

    def _status_text(self, relation: Relation) -> str | None:
        status = status_at(relation, self.at)
        if status is Status.ACTIVE:
            return None
        return self.t("not_active", date=self.at.isoformat(), status=self.t.status_word(status.value))

    def _extras(self, relation: Relation, with_count: bool = True) -> tuple[str, ...]:
        # the card shows a relation's marks as badges
        extras = relation_extras(
            relation, self.lang, self.model, with_count=with_count, with_marks=False, derived=False
        )
        return tuple(extras)

    def line(self, relation: Relation, here: str, extras: tuple[str, ...] | None = None) -> Line:
        """``relation`` as seen from the card of ``here``; the ``from`` card owns its anchor."""
        other_id = relation.to if relation.from_ == here else relation.from_
        owner = relation.from_ == here
        flags = set(self.model.vocabulary.attribute_flags)
        details = tuple(
            (self.t.attribute_name(k), self.t.words.value(v))
            for k, v in sorted(relation.attributes.items())
            if k not in flags
        )
        if owner:
            label = self._sentence(relation)
            self.citer.add(relation.sources, f"rel-{relation.id}", label)
        return Line(
            relation_id=relation.id,
            anchor=f"rel-{relation.id}" if owner else None,
            other=self.ref(self.model.nodes_by_id[other_id]),
            extras=self._extras(relation) if extras is None else extras,
            details=details,
            note=self._note(relation),
            status_text=self._status_text(relation),
            marks=marks_of(self.model, relation.id, self.t),
            sources=tuple(relation.sources),
        )

    def _note(self, relation: Relation) -> str | None:
        """The relation's note, and why the model holds it where it infers it."""
        words = self.t.words
        note = words.untranslated(relation.note) if relation.note else None
        reason = inferred_text(relation, self.lang, self.model.lang)
        why = words("model", "inferred", reason=reason) if reason else None
        return " ".join(n for n in (note, why) if n) or None

    def _sentence(self, relation: Relation) -> str:
        from mra_graph.present.answer_text import sentence

        return sentence(self.model, relation, self.lang)

    def _phrase(self, kind: str, outgoing: bool) -> str:
        phrasing = self.model.vocabulary.relation_kinds[kind].phrasing(self.lang)
        return phrasing.active if outgoing else phrasing.passive

    def _relations(self, node_id: str) -> list[tuple[str, str, Relation]]:
        """``(kind, 'out'|'in', relation)`` of every relation at the node, symmetric ones as 'out'."""
        symmetric = {k for k, v in self.model.vocabulary.relation_kinds.items() if v.symmetric}
        found = []
        for rel in self._at_node.get(node_id, ()):
            if self.included is not None and not (rel.from_ in self.included and rel.to in self.included):
                continue
            if rel.from_ == node_id:
                found.append((rel.kind, "out", rel))
            elif rel.to == node_id:
                found.append((rel.kind, "out" if rel.kind in symmetric else "in", rel))
        return found

    @cached_property
    def _at_node(self) -> dict[str, list[Relation]]:
        # every node's relations in model order, indexed once: scanning the whole model
        # for each card made a report take time in the square of the model's size
        index: dict[str, list[Relation]] = {}
        for rel in self.model.relations:
            index.setdefault(rel.from_, []).append(rel)
            if rel.to != rel.from_:
                index.setdefault(rel.to, []).append(rel)
        return index

    def _sorted_lines(self, relations: Sequence[Relation], here: str) -> tuple[Line, ...]:
        lines = [self.line(r, here) for r in relations]
        lines.sort(key=lambda line: (line.other.label.casefold(), line.relation_id))
        return tuple(lines)

    def card(self, node: Node) -> Card:
        """The card of ``node``; every fact on it is registered with the citer."""
        t, lang = self.t, self.lang
        ref = self.ref(node)
        label = ref.label
        self.citer.add(node.sources, ref.anchor, label)
        relations = self._relations(node.id)
        by_group: dict[tuple[str, str], list[Relation]] = {}
        for kind, direction, rel in relations:
            by_group.setdefault((kind, direction), []).append(rel)

        voc = self.model.vocabulary
        composition_rels = [r for k in voc.kinds_with(*COMPOSITION) for r in by_group.pop((k, "in"), [])]
        composition = self._composition(node, composition_rels)
        chair_rels = [r for k in voc.kinds_with("chair") for r in by_group.pop((k, "in"), [])]
        chair = self._sorted_lines(chair_rels, node.id)

        groups = []
        for kind, direction in [(k, d) for k in voc.kinds_with(*MAIN_ROLES) for d in ("out", "in")]:
            rels = by_group.pop((kind, direction), [])
            if rels:
                title = _capital(self._phrase(kind, direction == "out"))
                groups.append(Group(f"{kind}-{direction}", title, self._sorted_lines(rels, node.id)))
        kind_order = {k: i for i, k in enumerate(voc.relation_kinds)}
        other_groups = [
            Group(
                f"{kind}-{direction}",
                _capital(self._phrase(kind, direction == "out")),
                self._sorted_lines(rels, node.id),
            )
            for (kind, direction), rels in sorted(
                by_group.items(), key=lambda item: (kind_order.get(item[0][0], 999), item[0][1] == "in")
            )
        ]

        chain_steps, chain_note = self._chains(node)
        what = self._what(node)
        region = self.model.regions_by_id.get(node.region or "")
        en = lang == "en"
        return Card(
            ref=ref,
            name=(node.name_en or node.name) if en else node.name,
            other_name=t.words.other_language(node.name if en else node.name_en)
            if node.name_en and node.name_en != node.name
            else None,
            aliases=tuple(t.words.untranslated(a) for a in node.aliases),
            what=what,
            region=t.words.pick(region.name, region.name_en) if region else None,
            description=t.words.pick(node.description, node.description_en),
            description_lang="en" if en and node.description_en else lang_of(self.model.lang),
            period=self._period(node),
            facts=tuple(
                (t.attribute_name(k), t.words.value(v))
                for k, v in sorted(node.attributes.items())
                if k not in ("meetings_per_year", "chair")
            )
            + self._inferred_fact(node),
            composition=composition,
            size_sentence=self._size_sentence(node) if composition or node.size is not None else None,
            chair=chair,
            chair_note=t.words.value(node.attributes["chair"]) if "chair" in node.attributes else None,
            meetings=self._meetings(node),
            groups=tuple(groups),
            other_groups=tuple(other_groups),
            chains=chain_steps,
            chain_note=chain_note,
            conflicts=tuple(
                (f"conflict-{c.id}", c.id) for c in self.model.conflicts if node.id in c.subjects
            ),
            sources=tuple(node.sources),
            staffing_rows=tuple(
                (f"row-{row.id}", t.words.pick(row.label, row.label_en))
                for table in self.model.figures
                for row in table.rows
                if node.id in row.nodes
            ),
        )

    def _inferred_fact(self, node: Node) -> tuple[tuple[str, str], ...]:
        reason = inferred_text(node, self.lang, self.model.lang)
        return ((self.t("inferred"), reason),) if reason else ()

    def _what(self, node: Node) -> str:
        """``regiegroep (orgaan)``: the node's type and kind in the vocabulary's words."""
        voc = self.model.vocabulary
        kind_text = voc.type_name(node.kind.value, None, self.lang)
        type_text = voc.type_name(node.kind.value, node.type, self.lang)
        return type_text if type_text == kind_text else f"{type_text} ({kind_text})"

    def _composition(self, node: Node, relations: Sequence[Relation]) -> tuple[Line, ...]:
        t, voc = self.t, self.model.vocabulary
        lines = []
        for rel in relations:
            if rel.count is None:
                amount = t.number_not_given
            elif rel.per:
                amount = t.words("count", "per", count=rel.count, per=t.words.term(rel.per))
            else:
                amount = str(rel.count)
            kind = t.member if voc.role(rel.kind) == "membership" else t.part
            lines.append(self.line(rel, node.id, extras=(amount, kind, *self._extras(rel, with_count=False))))
        order = {k: i for i, k in enumerate(voc.kinds_with(*COMPOSITION))}
        kinds = {r.id: r.kind for r in relations}
        lines.sort(key=lambda line: (order[kinds[line.relation_id]], line.other.label.casefold()))
        return tuple(lines)

    def _size_sentence(self, node: Node) -> str:
        from mra_graph.present.answer_text import count_line

        return count_line(self.model, members(self.model, node.id, None), self.lang)

    def _meetings(self, node: Node) -> str | None:
        per_year = node.attributes.get("meetings_per_year")
        if isinstance(per_year, int) and not isinstance(per_year, bool):
            return self.t.meetings_text(per_year)
        return None

    def _period(self, node: Node) -> str | None:
        parts = []
        if node.valid_from:
            parts.append(self.t("from_date", date=node.valid_from.isoformat()))
        if node.valid_to:
            parts.append(self.t("until_date", date=node.valid_to.isoformat()))
        return " ".join(parts) or None

    def _chains(self, node: Node) -> tuple[tuple[tuple[ChainStep, ...], ...], str | None]:
        status = status_at(node, self.at)
        if status is not Status.ACTIVE:
            note = self.t(
                "responsibility_inactive", date=self.at.isoformat(), status=self.t.status_word(status.value)
            )
            return (), note
        found = chains(self.model, node.id, self.at)
        if not found:
            return (), self.t.responsibility_none
        steps = tuple(
            tuple(
                ChainStep(
                    phrase=self._phrase(s.relation.kind, s.forward),
                    other=self.ref(s.target if s.forward else s.source),
                    extras=self._extras(s.relation),
                    relation_id=s.relation.id,
                )
                for s in chain
            )
            for chain in found
        )
        return steps, None


def marks_of(model: GovernanceModel, item_id: str, t: Phrases) -> tuple[Mark, ...]:
    """One mark per kind of recorded conflict that names the item, linked to the first
    such conflict: *betwist* for a contradiction, *onduidelijk* for an ambiguity; and
    *afgeleid* for a fact the model infers, linked to where its card gives the reason."""
    found: dict[str, Mark] = {}
    for conflict in model.conflicts_about.get(item_id, ()):
        kind = conflict.mark
        if kind not in found:
            found[kind] = Mark(kind, t(kind), t(f"{kind}_title"), f"conflict-{conflict.id}")
    item = model.inferred.get(item_id)
    if item is not None:
        anchor = f"card-{item.id}" if isinstance(item, Node) else f"rel-{item.id}"
        found["inferred"] = Mark("inferred", t("inferred"), t("inferred_title"), anchor)
    return tuple(found[k] for k in ("disputed", "unclear", "inferred") if k in found)
