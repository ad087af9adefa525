"""Numbering the passages a report cites, and remembering which facts rest on each.

Passages are numbered in the order of the documents and their section headings as the
model lists them, and within a section in the order the report first cites them, so
the source list reads like the documents themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from mra_graph.model.schema import GovernanceModel, Source
from mra_graph.report.content import Citation, DocumentEntry, SectionEntry
from mra_graph.words import Lang, words

__all__ = ["Citer"]


class Citer:
    """Collects ``(source, fact anchor, fact label)`` while a report is gathered."""

    def __init__(self) -> None:
        # per source, its facts in the order first cited (a dict: a list would be searched
        # on each addition, in the square of the facts one section supports)
        self._facts: dict[Source, dict[tuple[str, str], None]] = {}

    def add(self, sources: Iterable[Source], anchor: str, label: str) -> tuple[Source, ...]:
        """Record that the fact at ``#anchor`` rests on ``sources``; returns them as a tuple."""
        found = tuple(sources)
        for source in found:
            self._facts.setdefault(source, {})[anchor, label] = None
        return found

    def number(
        self, model: GovernanceModel, lang: Lang = "nl"
    ) -> tuple[dict[Source, Citation], tuple[DocumentEntry, ...]]:
        """Every cited passage numbered, and the documents with their sections and passages;
        in English, each document also has its English title and period where the model gives them."""
        en = lang == "en"
        doc_order = {d.id: i for i, d in enumerate(model.documents)}
        section_order = {(d.id, s): i for d in model.documents for i, s in enumerate(d.sections)}
        first_seen = {s: i for i, s in enumerate(self._facts)}
        ordered = sorted(
            self._facts,
            key=lambda s: (
                doc_order.get(s.document, len(doc_order)),
                section_order.get((s.document, s.section), len(section_order)),
                s.section,
                first_seen[s],
            ),
        )
        citations = {
            s: Citation(n, f"src-{n}", s, tuple(self._facts[s])) for n, s in enumerate(ordered, start=1)
        }
        documents = []
        for document in model.documents:
            sections = [
                SectionEntry(
                    title,
                    tuple(
                        c for s, c in citations.items() if s.document == document.id and s.section == title
                    ),
                )
                for title in document.sections
            ]
            period = words(lang, model.lang).pick(document.period, document.period_en)
            documents.append(
                DocumentEntry(
                    document.id,
                    document.title,
                    document.file,
                    period,
                    tuple(sections),
                    document.title_en if en else None,
                )
            )
        return citations, tuple(documents)
