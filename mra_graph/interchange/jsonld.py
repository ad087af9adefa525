"""JSON-LD text from a stream of RDF triples, one node object per line.

The input is what :func:`mra_graph.interchange.rdf.described` makes, with its terms made
by :class:`JsonTerms` as the JSON text they are written as: each subject once, with its
predicates and objects; each becomes the text of one node object, joined from the texts
of its terms as soon as it is made, so the whole graph is never held. IRIs under one of the prefixes are
written as compact IRIs (``org:Post``, ``node:am-team``) with the prefixes as the
``@context``; literals keep their language or datatype. Any JSON-LD processor reads the
result back to the same triples as the Turtle export.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice, starmap
from operator import itemgetter
from typing import Any

__all__ = ["JsonTerms", "jsonld_text"]

_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class _Compactor:
    """Writes an IRI as ``prefix:local`` under the longest prefix that covers it."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self._prefixes = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self._by_namespace = {namespace: prefix for prefix, namespace in self._prefixes}
        self._vocabulary: dict[str, str] = {}
        # where every namespace ends in "/" or "#" (as the exports' do), the one an IRI is
        # under ends at one of the IRI's own "/" or "#"; where the last one ends none
        # (``…/source/node/x/`` of ``…/source/node/x/1``), the longest is that of the text
        # before the last step (``…/source/node/``), shared by many IRIs and kept by it
        self._first: dict[str, str] | None = None
        self._within: dict[str, tuple[int, str] | None] = {}
        if all(namespace.endswith(("/", "#")) for _, namespace in self._prefixes):
            self._first = {}
            for prefix, namespace in self._prefixes:
                self._first.setdefault(namespace, prefix)

    def __call__(self, iri: str) -> str:
        # most IRIs end in a local part after the namespace's last "/" or "#"
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self._by_namespace.get(iri[:cut])
        if prefix is not None and cut < len(iri):
            return f"{prefix}:{iri[cut:]}"
        if self._first is not None and 0 < cut < len(iri):
            rest = iri[: max(iri.rfind("/", 0, cut - 1), iri.rfind("#", 0, cut - 1)) + 1]
            if rest not in self._within:
                self._within[rest] = self._longest(rest)
            found = self._within[rest]
            if found is None:
                return iri
            # a local part starting with "//" would read as a whole IRI of its own
            if not iri.startswith("//", found[0]):
                return f"{found[1]}:{iri[found[0] :]}"
        for prefix, namespace in self._prefixes:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                # a local part starting with "//" would read as a whole IRI of its own
                if local and not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri

    def covers_all(self, directory: str) -> bool:
        """Whether every IRI ``directory`` + a local part (not empty, not starting with ``/``)
        is compacted as ``directory`` + ``x`` is, with its local part for ``x``: whether all
        namespaces end in ``/`` or ``#`` and none is longer than ``directory`` and starts with it."""
        return self._first is not None and not any(
            namespace.startswith(directory) and len(namespace) > len(directory)
            for _, namespace in self._prefixes
        )

    def _longest(self, text: str) -> tuple[int, str] | None:
        """The length and prefix of the longest namespace ``text`` starts with (ending in
        ``/`` or ``#``, at one of those of ``text``), or ``None``."""
        assert self._first is not None
        cut = len(text)
        while cut > 0:
            prefix = self._first.get(text[:cut])
            if prefix is not None:
                return cut, prefix
            cut = max(text.rfind("/", 0, cut - 1), text.rfind("#", 0, cut - 1)) + 1
        return None

    def term(self, iri: str) -> str:
        """:meth:`__call__` for the few IRIs of properties, classes and datatypes, remembered."""
        found = self._vocabulary.get(iri)
        if found is None:
            found = self._vocabulary[iri] = self(iri)
        return found


class JsonTerms:
    """Makes RDF terms as the JSON text :func:`jsonld_text` writes them as: an IRI a
    reference to it (``{"@id": "node:am-team"}``, compacted), a class (the object of
    ``rdf:type``) its compact IRI as a string (``"org:Post"``), a literal its value
    (``"text"``, ``{"@language": "nl", "@value": "text"}``, ``{"@type": "xsd:integer",
    "@value": "3"}``).

    Each term is encoded once, when it is made; a term made once and kept (a node's IRI)
    is written again as it is, so the writer only joins text. Two objects of a predicate
    are the same RDF term when their texts are equal, so pairs are compared as texts.
    """

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.compact = _Compactor(prefixes)
        self._encode = json.JSONEncoder(ensure_ascii=False).encode
        self._starts: dict[tuple[str | None, str | None], str] = {}

    def iri(self, iri: str) -> str:
        return f'{{"@id": {self._encode(self.compact(iri))}}}'

    def class_iri(self, iri: str) -> str:
        """The IRI of a class, as the object of ``rdf:type`` is written: its compact IRI as a string."""
        return self._encode(self.compact.term(iri))

    def under(self, directory: str) -> Callable[[str], str]:
        """Makes the IRIs ``directory`` + a local part (not empty, not starting with ``/``),
        compacting ``directory`` once: where no namespace is longer than it and starts with
        it, every such IRI is compacted under the same namespace."""
        encode, compact = self._encode, self.compact
        if not compact.covers_all(directory):
            return lambda local: f'{{"@id": {encode(compact(directory + local))}}}'
        head = compact(directory + "x")[:-1]
        return lambda local: f'{{"@id": {encode(head + local)}}}'

    def literal(self, value: str, language: str | None = None, datatype: str | None = None) -> str:
        """A literal of ``value`` with a ``language`` or a ``datatype`` (an IRI this made), or neither."""
        if not language and datatype is None:
            return self._encode(value)
        start = self._starts.get((language, datatype))
        if start is None:
            start = self._starts[language, datatype] = (
                f'{{"@language": {self._encode(language)}, "@value": '
                if language
                # the datatype's compact IRI is the text of its reference after '{"@id": '
                else f'{{"@type": {str(datatype)[8:-1]}, "@value": '
            )
        return f"{start}{self._encode(value)}}}"


class _Writer:
    """Turns a subject and its pairs (of :class:`JsonTerms`) into the text of a node object.

    Subjects of one kind mostly have the same predicates in the same order (every source
    has a class, a document, a section and a position): the layout of a node object is
    worked out once for each such order, and each object made by filling it in.
    """

    def __init__(self) -> None:
        self._decode = json.JSONDecoder().decode
        self._layouts: dict[tuple[str, ...], tuple[str, Callable[[tuple[str, ...]], Any]]] = {}

    def _layout(self, predicates: tuple[str, ...]) -> tuple[str, Callable[[tuple[str, ...]], Any]]:
        """The text of a node object with these predicates, its subject and values left as
        ``%s``, and what picks its values from the objects, in that order."""
        by_key: dict[str, list[int]] = {}
        for n, predicate in enumerate(predicates):
            by_key.setdefault(predicate, []).append(n)
        keys = []
        for predicate, places in by_key.items():
            compact: str = self._decode(predicate)["@id"]
            # sorted as JSON's sort_keys sorts them; the classes are "@type"'s
            if compact in ("rdf:type", _TYPE):
                keys.append(("@type", '"@type"', places))
            else:
                keys.append((compact, predicate[8:-1], places))
        keys.sort()
        # "@id" first: every other key is "@type" or an IRI, which starts with a letter
        text, order = ['{"@id": %s'], list[int]()
        for _, written, places in keys:
            text.append(f"{written.replace('%', '%%')}: [{', '.join(['%s'] * len(places))}]")
            order.extend(places)
        found = (", ".join(text) + "}", _picker(order))
        self._layouts[predicates] = found
        return found

    def node(self, subject: str, pairs: Sequence[tuple[str, str]]) -> str:
        if not pairs:
            return f'{{"@id": {subject[8:-1]}}}'
        predicates, objects = zip(*pairs, strict=True)
        template, pick = self._layouts.get(predicates) or self._layout(predicates)
        return template % (subject[8:-1], *pick(objects))


def _picker(order: list[int]) -> Callable[[tuple[str, ...]], Any]:
    """What picks the items at ``order`` out of a tuple, as a tuple."""
    if len(order) == 1:
        only = order[0]
        return lambda items: (items[only],)
    return itemgetter(*order)


def jsonld_text(
    described: Iterable[tuple[str, Sequence[tuple[str, str]]]], prefixes: Mapping[str, str]
) -> bytes:
    """The subjects and their ``(predicate, object)`` pairs, terms made by :class:`JsonTerms`
    with these ``prefixes``, as a JSON-LD document.

    Each subject is expected once (see :func:`mra_graph.interchange.rdf.described`); the
    same input gives the same bytes.
    """
    writer = _Writer()
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    out = io.BytesIO()
    out.write(encode({"@context": dict(sorted(prefixes.items()))})[:-1].encode())
    out.write(b', "@graph": [\n')
    # written some objects at a time: the text is never held twice, as text and as bytes
    nodes = starmap(writer.node, described)
    separator = b""
    # every node object's text is a few characters at least: an empty batch is the end
    while batch := ",\n".join(islice(nodes, 1000)):
        out.write(separator + batch.encode())
        separator = b",\n"
    out.write(b"\n]}\n")
    return out.getvalue()
