"""JSON-LD text from a stream of RDF triples, one node object per line.

The input comes from :func:`mra_graph.interchange.rdf.described`: each subject once, with
its predicates and objects; each becomes one node object, written as soon as it is
made, so the whole graph is never held as objects. IRIs under one of the prefixes are
written as compact IRIs (``org:Post``, ``node:am-team``) with the prefixes as the
``@context``; literals keep their language or datatype. Any JSON-LD processor reads the
result back to the same triples as the Turtle export.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["Iri", "jsonld_text", "plain_literal"]

_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


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


class Iri(str):
    """An IRI as plain text, for :func:`jsonld_text`."""

    __slots__ = ()


def plain_literal(
    value: str, language: str | None = None, datatype: str | None = None
) -> tuple[str, str | None, str | None]:
    """A literal for :func:`jsonld_text`: its text, language and datatype IRI."""
    return (value, language, None if datatype in (_STRING, _LANG_STRING) else datatype)


class _Writer:
    """Turns a subject and its pairs into a node object, remembering what vocabulary terms become."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.compact = _Compactor(prefixes)
        self.keys: dict[str, str] = {_TYPE: "@type"}

    def value(self, term: Any) -> Any:
        if type(term) is Iri:
            return {"@id": self.compact(term)}
        value, language, datatype = term
        if language:
            return {"@value": value, "@language": language}
        return value if datatype is None else {"@value": value, "@type": self.compact.term(datatype)}

    def node(self, subject: str, pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
        item: dict[str, Any] = {"@id": self.compact(subject)}
        for predicate, obj in pairs:
            key = self.keys.get(predicate)
            if key is None:
                key = self.keys[predicate] = self.compact.term(predicate)
            values = item.get(key)
            if values is None:
                values = item[key] = []
            values.append(self.compact.term(obj) if key == "@type" else self.value(obj))
        return item


def jsonld_text(
    described: Iterable[tuple[Any, Iterable[tuple[Any, Any]]]], prefixes: Mapping[str, str]
) -> bytes:
    """The subjects and their ``(predicate, object)`` pairs (:class:`Iri` and :func:`plain_literal`
    terms) as a JSON-LD document.

    Each subject is expected once (see :func:`mra_graph.interchange.rdf.described`); the
    same input gives the same bytes.
    """
    writer = _Writer(prefixes)
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    out = io.BytesIO()
    # written object by object: the text is never held twice, as text and as bytes
    out.write(encode({"@context": dict(sorted(prefixes.items()))})[:-1].encode())
    out.write(b', "@graph": [\n')
    separator = b""
    for subject, pairs in described:
        out.write(separator)
        out.write(encode(writer.node(subject, pairs)).encode())
        separator = b",\n"
    out.write(b"\n]}\n")
    return out.getvalue()
