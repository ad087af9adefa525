"""Rules that need the whole model: references, endpoint kinds, cycles, lifetimes,
figures and source citations. Each rule yields findings; none stops at the first."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from mra_graph.model.faithfulness import section_texts, unstated, written_in
from mra_graph.model.schema import Conflict, Dated, Document, GovernanceModel, Node, Region, Source, Status
from mra_graph.model.vocabulary import COMPOSITION, Vocabulary
from mra_graph.words import worded

__all__ = ["Finding", "normalise_quote_text", "validate"]

TOLERANCE = 1e-6

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A problem at a path inside the model's JSON, before it is given a line number.

    ``message`` and ``hint`` are English; ``key``, ``hint_key`` and ``values`` name them
    in the words layer's ``check`` section, so that ``check`` words them in any language.
    """

    path: Path_
    message: str
    hint: str | None = None
    key: str = ""
    hint_key: str = ""
    values: tuple[tuple[str, str], ...] = ()


def _found(
    path: Path_, key: str, hint: tuple[str, dict[str, object]] | str = "", /, **values: object
) -> Finding:
    """A finding worded by the words layer: ``key`` with ``values``, and a hint, either a
    key with the same values or ``(key, values)`` of its own."""
    hint_key, hint_values = (hint, {}) if isinstance(hint, str) else hint
    return Finding(path, **worded(key, hint_key, **values, **hint_values))


def validate(model: GovernanceModel, *, sources_dir: Path | None = None) -> list[Finding]:
    """Every cross-object problem in ``model``; an empty list means it is valid."""
    vocab = model.vocabulary
    raws = {doc.id: _read_document(sources_dir, doc.file) for doc in model.documents} if sources_dir else {}
    texts = _document_texts(raws)
    findings: list[Finding] = []
    findings += _unique_ids(model)
    findings += _sources(model, texts)
    if raws and not any(raw is None for raw in raws.values()):
        findings += _faithful(model, vocab, raws)
    findings += _nodes(model, vocab)
    findings += _relations(model, vocab)
    findings += _scopes(model, vocab)
    findings += _cycles(model, vocab)
    findings += _figures(model)
    findings += _conflicts(model)
    return findings


def _faithful(model: GovernanceModel, vocab: Vocabulary, raws: dict[str, str | None]) -> Iterator[Finding]:
    """Facts no cited quote or section states and no ``inferred`` marks, and aliases the
    sources never write: see :mod:`mra_graph.model.faithfulness`."""
    sections: dict[tuple[str, str], str] = {}
    for doc in model.documents:
        raw = raws[doc.id]
        assert raw is not None
        sections.update({(doc.id, name): text for name, text in section_texts(raw, doc).items()})
    for gap in unstated(model, vocab, sections):
        # the item's id beside the JSON path, so that the edit commands can name it
        if gap.path[0] == "relations":
            ident = repr(model.relations[int(gap.path[1])].id)
            yield _found(gap.path, "relation_unstated", "relation_unstated_hint", what=gap.what, id=ident)
        else:
            ident = repr(model.nodes[int(gap.path[1])].id)
            yield _found(gap.path, "node_unstated", "node_unstated_hint", what=repr(gap.what), id=ident)
    whole = " ".join(raw or "" for raw in raws.values())
    for i, node in enumerate(model.nodes):
        for j, alias in enumerate(node.aliases):
            if not written_in(alias, whole):
                yield _found(
                    ("nodes", i, "aliases", j),
                    "alias_unwritten",
                    "alias_unwritten_hint",
                    alias=repr(alias),
                    id=repr(node.id),
                )


def _did_you_mean(
    value: str, candidates: Sequence[str], otherwise: tuple[str, dict[str, object]] = ("", {})
) -> tuple[str, dict[str, object]]:
    """The hint ``did you mean 'x'?`` for the closest candidate, else ``otherwise``."""
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return ("did_you_mean", {"close": repr(close[0])}) if close else otherwise


def _unique_ids(model: GovernanceModel) -> Iterator[Finding]:
    # nodes, relations and figure rows share one space of ids; where each id stands is
    # worked out only when one repeats (a valid model has none)
    ids = [n.id for n in model.nodes] + [r.id for r in model.relations]
    ids += [i for table in model.figures for i in (table.id, *(row.id for row in table.rows))]
    if len(set(ids)) < len(ids):
        yield from _repeated_ids(model)
    groups: tuple[tuple[str, Sequence[Document | Region | Conflict]], ...] = (
        ("documents", model.documents),
        ("regions", model.regions),
        ("conflicts", model.conflicts),
    )
    for group, items in groups:
        names: set[str] = set()
        for i, item in enumerate(items):
            if item.id in names:
                yield _found((group, i, "id"), "duplicate_id", id=repr(item.id))
            names.add(item.id)


def _repeated_ids(model: GovernanceModel) -> Iterator[Finding]:
    seen: dict[str, Path_] = {}
    places: list[tuple[str, Path_]] = [(n.id, ("nodes", i, "id")) for i, n in enumerate(model.nodes)]
    places += [(r.id, ("relations", i, "id")) for i, r in enumerate(model.relations)]
    for t, table in enumerate(model.figures):
        places.append((table.id, ("figures", t, "id")))
        places += [(row.id, ("figures", t, "rows", i, "id")) for i, row in enumerate(table.rows)]
    for ident, path in places:
        if ident in seen:
            first = "/".join(str(p) for p in seen[ident])
            yield _found(path, "duplicate_id_first", "ids_unique", id=repr(ident), first=f"/{first}")
        else:
            seen[ident] = path


def _all_sources(model: GovernanceModel) -> Iterator[tuple[Path_, Source]]:
    for i, n in enumerate(model.nodes):
        yield from ((("nodes", i, "sources", j), s) for j, s in enumerate(n.sources))
    for i, r in enumerate(model.relations):
        yield from ((("relations", i, "sources", j), s) for j, s in enumerate(r.sources))
    for i, g in enumerate(model.regions):
        yield from ((("regions", i, "sources", j), s) for j, s in enumerate(g.sources))
    for t, table in enumerate(model.figures):
        yield from ((("figures", t, "sources", j), s) for j, s in enumerate(table.sources))
        for i, row in enumerate(table.rows):
            yield from ((("figures", t, "rows", i, "sources", j), s) for j, s in enumerate(row.sources))
    for c, conflict in enumerate(model.conflicts):
        for k, claim in enumerate(conflict.claims):
            yield from ((("conflicts", c, "claims", k, "sources", j), s) for j, s in enumerate(claim.sources))


def _every_section_known(model: GovernanceModel, documents: dict[str, Document]) -> bool:
    """The quick check of a large model: every source cites a known section of a known document."""
    known = {(d.id, section) for d in documents.values() for section in d.sections}
    items: list[Sequence[Source]] = [n.sources for n in model.nodes]
    items += [r.sources for r in model.relations]
    items += [g.sources for g in model.regions]
    items += [t.sources for t in model.figures] + [row.sources for t in model.figures for row in t.rows]
    items += [claim.sources for c in model.conflicts for claim in c.claims]
    return all((s.document, s.section) in known for sources in items for s in sources)


def normalise_quote_text(text: str) -> str:
    """Fold runs of white space into one space, so quotes ignore the PDF's line breaks."""
    return " ".join(text.split())


_LINE_END_HYPHEN = re.compile(r"(\w)-[ \t]*\n\s*(\w)")


def _document_texts(raws: dict[str, str | None]) -> dict[str, tuple[str, ...] | None]:
    """Each document's text in the forms a quote may match.

    A hyphen at the end of a line is either a word split by the PDF extraction
    (``bijeen-``/``komsten``) or a real one (``MRA-``/``Bureau``); a quote may be
    written either way.
    """
    texts: dict[str, tuple[str, ...] | None] = {}
    for doc_id, raw in raws.items():
        if raw is None:
            texts[doc_id] = None
            continue
        texts[doc_id] = tuple(
            normalise_quote_text(variant)
            for variant in (raw, _LINE_END_HYPHEN.sub(r"\1\2", raw), _LINE_END_HYPHEN.sub(r"\1-\2", raw))
        )
    return texts


MAX_DOCUMENT_BYTES = 20_000_000
"""The largest source document that is read to check quotes."""


def _read_document(folder: Path, file: str) -> str | None:
    """The text of ``file`` in ``folder``, or ``None`` when it is not a readable file of at
    most :data:`MAX_DOCUMENT_BYTES` inside that folder (a link out of it does not count)."""
    base = folder.resolve()
    path = (folder / file).resolve()
    if not path.is_relative_to(base) or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_DOCUMENT_BYTES:
        return None
    return raw.decode("utf-8", errors="replace")


def _sources(model: GovernanceModel, texts: dict[str, tuple[str, ...] | None]) -> Iterator[Finding]:
    documents = {d.id: d for d in model.documents}
    if not texts and _every_section_known(model, documents):
        return
    for path, source in _all_sources(model):
        doc = documents.get(source.document)
        if doc is None:
            yield _found(
                path + ("document",),
                "unknown_document",
                _did_you_mean(source.document, list(documents)),
                document=repr(source.document),
            )
            continue
        if source.section not in doc.sections:
            yield _found(
                path + ("section",),
                "not_a_section",
                _did_you_mean(
                    source.section, doc.sections, ("sections", {"sections": ", ".join(doc.sections)})
                ),
                section=repr(source.section),
                document=repr(doc.id),
            )
        text = texts.get(doc.id)
        quote = normalise_quote_text(source.quote or "")
        if quote and text is not None and not any(quote in variant for variant in text):
            yield _found(path + ("quote",), "quote_not_verbatim", "quote_not_verbatim_hint", file=doc.file)
    for d, doc in enumerate(model.documents):
        if doc.id in texts and texts[doc.id] is None:
            yield _found(
                ("documents", d, "file"),
                "unreadable_document",
                "unreadable_document_hint",
                file=repr(doc.file),
                mb=MAX_DOCUMENT_BYTES // 1_000_000,
            )


def _nodes(model: GovernanceModel, vocab: Vocabulary) -> Iterator[Finding]:
    regions = [r.id for r in model.regions]
    known = set(regions)  # looked up once per node: a list would make this quadratic
    for i, node in enumerate(model.nodes):
        kind = vocab.node_kinds.get(node.kind.value)
        if node.type is not None and kind is not None and node.type not in kind.types:
            yield _found(
                ("nodes", i, "type"),
                "not_a_type",
                _did_you_mean(node.type, list(kind.types), ("types", {"types": ", ".join(kind.types)})),
                type=repr(node.type),
                kind=node.kind.value,
            )
        if node.region is not None and node.region not in known:
            yield _found(
                ("nodes", i, "region"),
                "unknown_region",
                _did_you_mean(node.region, regions),
                region=repr(node.region),
            )


def _within(inner: Dated, outer: Dated) -> bool:
    if outer.valid_from and (inner.valid_from is None or inner.valid_from < outer.valid_from):
        return False
    return not (outer.valid_to and (inner.valid_to is None or inner.valid_to > outer.valid_to))


def _period(item: Dated) -> str:
    start = item.valid_from.isoformat() if item.valid_from else "…"
    end = item.valid_to.isoformat() if item.valid_to else "…"
    return f"{start} – {end}"


_NOT_YET = (Status.PLANNED, Status.UNDER_CONSIDERATION)


def _relations(model: GovernanceModel, vocab: Vocabulary) -> Iterator[Finding]:
    nodes = model.nodes_by_id
    # what each kind allows, looked up once per relation: node kinds are str enums, so a
    # set of the vocabulary's strings finds them directly
    rules = {
        kind: (
            frozenset(spec.from_kinds),
            frozenset(spec.to_kinds),
            frozenset(spec.capacities),
            spec.countable,
        )
        for kind, spec in vocab.relation_kinds.items()
    }
    for i, rel in enumerate(model.relations):
        # the quick test every relation of a valid model passes; one that fails it is
        # gone through rule by rule, to say what is wrong
        rule = rules.get(rel.kind)
        source = nodes.get(rel.from_)
        target = nodes.get(rel.to)
        if (
            rule is None
            or source is None
            or target is None
            or source.kind not in rule[0]
            or target.kind not in rule[1]
            or (rel.capacity is not None and rel.capacity not in rule[2])
            or (rel.count is not None and not rule[3])
            or not (_within(rel, source) and _within(rel, target))
            or (rel.status is Status.ACTIVE and (source.status in _NOT_YET or target.status in _NOT_YET))
        ):
            yield from _relation_problems(model, vocab, i)
    yield from _same_relations(model)


def _relation_problems(model: GovernanceModel, vocab: Vocabulary, i: int) -> Iterator[Finding]:
    """What is wrong with the relation at index ``i``, on its own or with its ends."""
    rel = model.relations[i]
    nodes = model.nodes_by_id
    spec = vocab.relation_kinds.get(rel.kind)
    if spec is None:
        yield _found(
            ("relations", i, "kind"),
            "unknown_kind",
            _did_you_mean(rel.kind, list(vocab.relation_kinds)),
            kind=repr(rel.kind),
        )
    ends: list[tuple[str, Node]] = []
    for key, ref in (("from", rel.from_), ("to", rel.to)):
        node = nodes.get(ref)
        if node is None:
            yield _found(
                ("relations", i, key), "unknown_node", _did_you_mean(ref, list(nodes)), node=repr(ref)
            )
        else:
            ends.append((key, node))
    if spec is not None:
        for key, node in ends:
            kinds_allowed = spec.from_kinds if key == "from" else spec.to_kinds
            if node.kind not in kinds_allowed:
                yield _found(
                    ("relations", i, key),
                    "cannot_start_at" if key == "from" else "cannot_end_at",
                    "allowed",
                    kind=rel.kind,
                    node=repr(node.id),
                    node_kind=node.kind.value,
                    allowed=", ".join(kinds_allowed),
                )
        if rel.capacity is not None and rel.capacity not in spec.capacities:
            yield _found(
                ("relations", i, "capacity"),
                "capacity_not_allowed",
                ("allowed", {"allowed": ", ".join(spec.capacities)}) if spec.capacities else "no_capacities",
                capacity=repr(rel.capacity),
                kind=rel.kind,
            )
        if rel.count is not None and not spec.countable:
            countable = [k for k, other in vocab.relation_kinds.items() if other.countable]
            yield _found(
                ("relations", i, "count"),
                "no_count",
                "counts_belong",
                kind=rel.kind,
                kinds=", ".join(countable),
            )
    for _key, node in ends:
        if not _within(rel, node):
            yield _found(
                (
                    "relations",
                    i,
                    "valid_from" if rel.valid_from != node.valid_from or not node.valid_to else "valid_to",
                ),
                "period_outside",
                "period_outside_hint",
                period=_period(rel),
                lifetime=_period(node),
                node=repr(node.id),
            )
        if node.status in _NOT_YET and rel.status is Status.ACTIVE:
            yield _found(
                ("relations", i, "status"),
                "active_but_" + node.status.value,
                "give_status",
                node=repr(node.id),
                status=repr(node.status.value),
            )


def _same_relations(model: GovernanceModel) -> Iterator[Finding]:
    """Relations of one kind between the same nodes from the same day, after the first."""
    first_of: dict[tuple[str, str, str, dt.date | None], int] = {}
    for i, rel in enumerate(model.relations):
        first = first_of.setdefault((rel.kind, rel.from_, rel.to, rel.valid_from), i)
        if first != i:
            yield _found(("relations", i), "same_relation", "merge_sources", first=f"/relations/{first}")


def _scopes(model: GovernanceModel, vocab: Vocabulary) -> Iterator[Finding]:
    """A scoped end (``from_scope``/``to_scope``) must be a group: a node with members or parts."""
    composition = vocab.kinds_with(*COMPOSITION)
    for i, rel in enumerate(model.relations):
        if rel.from_scope is None and rel.to_scope is None:
            continue  # most relations: the index of what points into a node is not needed
        into = model.relations_to
        ends = (("from_scope", rel.from_scope, rel.from_), ("to_scope", rel.to_scope, rel.to))
        for key, scope, ref in ends:
            if scope is None or ref not in model.nodes_by_id:
                continue
            if not any(r.kind in composition for r in into.get(ref, ())):
                yield _found(
                    ("relations", i, key),
                    "scope_without_parts",
                    "scope_hint",
                    key=key,
                    scope=repr(scope.value),
                    node=repr(ref),
                    kinds=", ".join(composition),
                )


def _cycles(model: GovernanceModel, vocab: Vocabulary) -> Iterator[Finding]:
    acyclic = {kind for kind, spec in vocab.relation_kinds.items() if spec.acyclic}
    edges: dict[str, dict[str, set[str]]] = {kind: {} for kind in acyclic}
    for rel in model.relations:
        if rel.kind in acyclic:
            edges[rel.kind].setdefault(rel.from_, set()).add(rel.to)
    for kind in sorted(acyclic):
        if not _has_cycle(edges[kind]):
            continue
        # only a model with a loop pays for finding and naming it (and for networkx)
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        where: dict[tuple[str, str], int] = {}
        for i, rel in enumerate(model.relations):
            if rel.kind == kind:
                graph.add_edge(rel.from_, rel.to)
                where.setdefault((rel.from_, rel.to), i)
        cycle = nx.find_cycle(graph)
        loop = " -> ".join([str(u) for u, _ in cycle] + [str(cycle[0][0])])
        first = where[(str(cycle[0][0]), str(cycle[0][1]))]
        yield _found(("relations", first), "cycle", "no_loop", kind=kind, loop=loop)


def _has_cycle(successors: dict[str, set[str]]) -> bool:
    """Whether the directed graph ``successors`` loops (Kahn: peel off nodes with no way in)."""
    incoming: dict[str, int] = {}
    for source, targets in successors.items():
        incoming.setdefault(source, 0)
        for target in targets:
            incoming[target] = incoming.get(target, 0) + 1
    free = [node for node, count in incoming.items() if count == 0]
    peeled = 0
    while free:
        node = free.pop()
        peeled += 1
        for target in successors.get(node, ()):
            incoming[target] -= 1
            if incoming[target] == 0:
                free.append(target)
    return peeled < len(incoming)


def _figures(model: GovernanceModel) -> Iterator[Finding]:
    disputed = model.disputed | model.unclear  # a recorded conflict of either kind explains a mismatch
    nodes = model.nodes_by_id
    for t, table in enumerate(model.figures):
        rows = {row.id: row for row in table.rows}
        for i, row in enumerate(table.rows):
            path: Path_ = ("figures", t, "rows", i)
            for j, ref in enumerate(row.nodes):
                if ref not in nodes:
                    yield _found(
                        path + ("nodes", j), "unknown_node", _did_you_mean(ref, list(nodes)), node=repr(ref)
                    )
            if row.stated_difference is not None and len(table.years) >= 2:
                computed = row.values[table.years[-1]] - row.values[table.years[0]]
                if abs(computed - row.stated_difference) > TOLERANCE and row.id not in disputed:
                    yield _found(
                        path + ("stated_difference",),
                        "stated_difference",
                        "fix_figure",
                        stated=f"{row.stated_difference:g}",
                        last=table.years[-1],
                        first=table.years[0],
                        computed=f"{computed:g}",
                    )
            if row.total_of is None:
                continue
            for j, ref in enumerate(row.total_of):
                if ref not in rows:
                    yield _found(
                        path + ("total_of", j),
                        "unknown_row",
                        _did_you_mean(ref, list(rows)),
                        row=repr(ref),
                        table=repr(table.id),
                    )
            if any(ref not in rows for ref in row.total_of):
                continue
            parts = [rows[r] for r in row.total_of]
            for year in table.years:
                total = sum(p.values[year] for p in parts)
                if abs(total - row.values[year]) > TOLERANCE and row.id not in disputed:
                    yield _found(
                        path + ("values", year),
                        "total_differs",
                        "fix_figure",
                        year=year,
                        value=f"{row.values[year]:g}",
                        total=f"{total:g}",
                    )


def _conflicts(model: GovernanceModel) -> Iterator[Finding]:
    if not model.conflicts:
        return  # the set of every id is made only to check what a conflict names
    known = set(model.nodes_by_id) | {r.id for r in model.relations}
    for table in model.figures:
        known.add(table.id)
        known.update(row.id for row in table.rows)
    for c, conflict in enumerate(model.conflicts):
        for j, subject in enumerate(conflict.subjects):
            if subject not in known:
                yield _found(
                    ("conflicts", c, "subjects", j),
                    "unknown_subject",
                    _did_you_mean(subject, sorted(known)),
                    subject=repr(subject),
                )
