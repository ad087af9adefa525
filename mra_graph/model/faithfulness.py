"""Whether the model says what its sources say: every relation and description stated by
a cited quote or section, or marked as the model's own inference.

A relation is *stated* when one of its quotes holds a wording of its kind (a phrasing,
synonym or evidence wording from the vocabulary) and a name of each end (its name, a name
it had before a rename, or an alias as the sources write it). A description clause is
stated when most of its words occur in the sections its node cites. Anything else must
carry ``inferred`` with the model's reason; this module finds the facts that do not.

Words are compared by their first letters (:data:`STEM`), which is enough to match
``burgemeester``/``burgemeesters`` and ``ondersteunt``/``ondersteuning`` in a quote; the
check runs with ``check --sources``, where the documents are at hand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from mra_graph.model.schema import Document, GovernanceModel, Node, Relation
from mra_graph.model.vocabulary import Vocabulary

__all__ = ["Unstated", "section_texts", "unstated", "written_in"]

STEM = 6
"""Letters of a word that are compared: enough to tell words apart, few enough to let
inflected forms match."""

_FUNCTION_TEXT = """
de het een en of van voor door aan bij in op met als is zijn wordt worden werd dat die
dit deze er om te tot uit naar over dan ook nog niet wel zich zij hij haar hun hen ze
ieder iedere elk elke alle welke wie wat waar
the a an and or of for by to at in on with as is are was be been has have that this
these those it its their from into than also not each every which who what where
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())

_WORD = re.compile(r"[^\W\d_]+")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _content_words(text: str, stem: int = STEM) -> list[str]:
    """The words of ``text`` that carry meaning, folded and cut to ``stem`` letters."""
    return [w[:stem] for w in _WORD.findall(_fold(text)) if w not in _FUNCTION_WORDS and len(w) > 1]


_ABOUT_SOURCES = frozenset({"bron", "bronnen", "source", "sources"})
"""Words of a clause that speaks about the sources ('zegt de bron niet'), not for them."""

_REFERENCE = re.compile(r"\((?:zie|see) [^)]*\)")


def _holds(stems: Iterable[str], text_stems: frozenset[str]) -> bool:
    needed = list(stems)
    return bool(needed) and all(s in text_stems for s in needed)


@dataclass(frozen=True)
class Unstated:
    """A fact no cited quote or section states, and that is not marked ``inferred``:
    ``path`` into the model's JSON, ``what`` says which part is missing."""

    path: tuple[str | int, ...]
    what: str


def _wordings(vocab: Vocabulary, kind: str) -> list[str]:
    info = vocab.relation_kinds.get(kind)
    if info is None:
        return []
    found: list[str] = []
    for lang in ("nl", "en"):
        phrasing = info.phrasing(lang)
        found += [phrasing.active, phrasing.passive, *phrasing.synonyms_active, *phrasing.synonyms_passive]
        found += phrasing.evidence
    return found


def _names(node: Node) -> list[str]:
    """The names a source may call ``node`` by: also those it had before a rename."""
    return [node.name, *node.aliases, *(former.name for former in node.former_names)]


def _relation_gap(model: GovernanceModel, vocab: Vocabulary, relation: Relation) -> str | None:
    """What no quote of ``relation`` holds: the relation's wording or an end's name."""
    wordings = [_content_words(w) for w in _wordings(vocab, relation.kind)]
    ends = [model.nodes_by_id[relation.from_], model.nodes_by_id[relation.to]]
    best: str | None = None
    # a sentence too long to quote whole may be quoted in parts: a section's quotes count together
    by_section: dict[tuple[str, str], list[str]] = {}
    for source in relation.sources:
        by_section.setdefault((source.document, source.section), []).append(source.quote or "")
    for quotes in by_section.values():
        stems = frozenset(_content_words(" ".join(quotes)))
        missing = [end.name for end in ends if not any(_holds(_content_words(n), stems) for n in _names(end))]
        if not any(_holds(w, stems) for w in wordings):
            missing.append(relation.kind)
        if not missing:
            return None
        if best is None:
            best = ", ".join(missing)
    return best or "a quote"


_CLAUSE = re.compile(r"(?<=[.;:])\s+")
_LINE_END_HYPHEN = re.compile(r"(\w)-[ \t]*\n\s*(\w)")
CLAUSE_STEM = 5
"""Letters compared for a description's words, which inflect more than names do."""
CLAUSE_SHARE = 0.75
"""The share of a description clause's words its cited sections must hold."""


def section_texts(raw: str, document: Document) -> dict[str, str]:
    """The text under each of ``document``'s section headings in ``raw``: from the line
    that is the heading to the next such line; a heading not found gets the whole text.
    Words the PDF split at a line end are given both split and joined."""
    split, joined = _sections(raw, document), _sections(_LINE_END_HYPHEN.sub(r"\1\2", raw), document)
    return {section: split[section] + "\n" + joined[section] for section in document.sections}


def _sections(raw: str, document: Document) -> dict[str, str]:
    lines = raw.splitlines()
    starts: list[tuple[int, str]] = []
    wanted = {_fold(s).strip(): s for s in document.sections}
    for number, line in enumerate(lines):
        key = _fold(line).strip()
        if key in wanted and all(section != wanted[key] for _, section in starts):
            starts.append((number, wanted[key]))
    texts = dict.fromkeys(document.sections, raw)
    ends = [number for number, _ in starts[1:]] + [len(lines)] if starts else []
    for (begin, section), end in zip(starts, ends, strict=True):
        texts[section] = "\n".join(lines[begin:end])
    return texts


def _clause_gaps(node: Node, sections: Mapping[tuple[str, str], str]) -> Iterator[str]:
    """The clauses of ``node``'s description whose words the cited sections mostly lack;
    a clause about the sources themselves and a ``(zie …)`` reference are not checked."""
    cited = " ".join(sections.get((s.document, s.section), "") for s in node.sources)
    stems = frozenset(_content_words(cited, CLAUSE_STEM))
    for clause in _CLAUSE.split(node.description or ""):
        if _ABOUT_SOURCES & set(_WORD.findall(_fold(clause))):
            continue
        words = _content_words(_REFERENCE.sub("", clause), CLAUSE_STEM)
        if words and sum(w in stems for w in words) < CLAUSE_SHARE * len(words):
            yield clause


def unstated(
    model: GovernanceModel, vocab: Vocabulary, sections: Mapping[tuple[str, str], str]
) -> Iterator[Unstated]:
    """Every relation and description clause that neither a cited quote (relations) or
    section (descriptions) states nor ``inferred`` marks. ``sections`` holds the text of
    each ``(document id, section)`` that could be read."""
    for i, relation in enumerate(model.relations):
        if relation.inferred:
            continue
        gap = _relation_gap(model, vocab, relation)
        if gap is not None:
            yield Unstated(("relations", i), gap)
    for i, node in enumerate(model.nodes):
        if node.inferred or not sections:
            continue
        for clause in _clause_gaps(node, sections):
            yield Unstated(("nodes", i, "description"), clause)


def written_in(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` as a whole word or words, in any case, also where
    the PDF split a word over two lines."""
    pattern = re.compile(
        r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)", re.IGNORECASE
    )
    return any(pattern.search(t) for t in _readings(text))


@lru_cache(maxsize=4)
def _readings(text: str) -> tuple[str, str]:
    """``text`` as written and with the words the PDF split at a line end joined: made
    once for the sources, which every alias of a model is looked up in."""
    return text, _LINE_END_HYPHEN.sub(r"\1\2", text)
