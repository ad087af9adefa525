"""JSON-LD text from a stream of RDF triples, one node object per line.

The input comes from :func:`mra_graph.interchange.rdf.described`: each subject once, with
its predicates and objects; each becomes one node object, written as soon as it is
made, so the whole graph is never held as objects. IRIs under one of the prefixes are
written as compact IRIs (``org:Post``, ``node:am-team``) with the prefixes as the
``@context``; literals keep their language or datatype. Any JSON-LD processor reads the
result back to the same triples as the Turtle export.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from mra_graph.interchange.optional import require

__all__ = ["jsonld_text"]

_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class _Compactor:
    """Writes an IRI as ``prefix:local`` under the longest prefix that covers it."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self._prefixes = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self._by_namespace = {namespace: prefix for prefix, namespace in self._prefixes}
        self._vocabulary: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        # most IRIs end in a local part after the namespace's last "/" or "#"
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self._by_namespace.get(iri[:cut])
        if prefix is not None and cut < len(iri):
            return f"{prefix}:{iri[cut:]}"
        for prefix, namespace in self._prefixes:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                # a local part starting with "//" would read as a whole IRI of its own
                if local and not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri

    def term(self, iri: str) -> str:
        """:meth:`__call__` for the few IRIs of properties, classes and datatypes, remembered."""
        found = self._vocabulary.get(iri)
        if found is None:
            found = self._vocabulary[iri] = self(iri)
        return found


class _Writer:
    """Turns a subject and its pairs into a node object, remembering what vocabulary terms become."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        oxigraph = require("pyoxigraph", "RDF export")
        self.named = oxigraph.NamedNode
        self.compact = _Compactor(prefixes)
        # per predicate its key; per datatype its compact IRI, or None for plain strings
        self.keys: dict[Any, str] = {oxigraph.NamedNode(_TYPE): "@type"}
        self.datatypes: dict[Any, str | None] = {
            oxigraph.NamedNode(_STRING): None,
            oxigraph.NamedNode(_LANG_STRING): None,
        }

    def value(self, term: Any) -> Any:
        if isinstance(term, self.named):
            return {"@id": self.compact(term.value)}
        language = term.language
        if language:
            return {"@value": term.value, "@language": language}
        datatype = term.datatype
        if datatype not in self.datatypes:
            self.datatypes[datatype] = self.compact.term(datatype.value)
        found = self.datatypes[datatype]
        return term.value if found is None else {"@value": term.value, "@type": found}

    def node(self, subject: Any, pairs: Iterable[tuple[Any, Any]]) -> dict[str, Any]:
        item: dict[str, Any] = {"@id": self.compact(subject.value)}
        for predicate, obj in pairs:
            key = self.keys.get(predicate)
            if key is None:
                key = self.keys[predicate] = self.compact.term(predicate.value)
            if key == "@type":
                item.setdefault(key, []).append(self.compact.term(obj.value))
            else:
                item.setdefault(key, []).append(self.value(obj))
        return item


def jsonld_text(
    described: Iterable[tuple[Any, Iterable[tuple[Any, Any]]]], prefixes: Mapping[str, str]
) -> bytes:
    """The subjects and their ``(predicate, object)`` pairs (Oxigraph terms) as a JSON-LD document.

    Each subject is expected once (see :func:`mra_graph.interchange.rdf.described`); the
    same input gives the same bytes.
    """
    writer = _Writer(prefixes)
    context = json.dumps({"@context": dict(sorted(prefixes.items()))}, ensure_ascii=False, sort_keys=True)
    objects = (
        json.dumps(writer.node(subject, pairs), ensure_ascii=False, sort_keys=True)
        for subject, pairs in described
    )
    return (context[:-1] + ', "@graph": [\n' + ",\n".join(objects) + "\n]}\n").encode("utf-8")
