"""JSON-LD text from a stream of RDF triples, one node object per line.

The triples come from :func:`mra_graph.interchange.rdf.triples`, where the triples of one
subject follow each other; each run of them becomes one node object, written as soon as
it is complete, so the whole graph is never held. IRIs under one of the prefixes are
written as compact IRIs (``org:Post``, ``node:am-team``) with the prefixes as the
``@context``; literals keep their language or datatype. Any JSON-LD processor reads the
result back to the same triples as the Turtle export.
"""

from __future__ import annotations

import itertools
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


def _value(term: Any, compact: _Compactor, named: Any) -> Any:
    if isinstance(term, named):
        return {"@id": compact(term.value)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    datatype = term.datatype.value
    if datatype in (_STRING, _LANG_STRING):
        return term.value
    return {"@value": term.value, "@type": compact.term(datatype)}


def _node(subject: Any, statements: Iterable[Any], compact: _Compactor, named: Any) -> dict[str, Any]:
    item: dict[str, Any] = {"@id": compact(subject.value)}
    for triple in statements:
        predicate = triple.predicate.value
        if predicate == _TYPE:
            item.setdefault("@type", []).append(compact.term(triple.object.value))
        else:
            item.setdefault(compact.term(predicate), []).append(_value(triple.object, compact, named))
    return item


def jsonld_text(triples: Iterable[Any], prefixes: Mapping[str, str]) -> bytes:
    """The ``triples`` (``pyoxigraph.Triple``, each subject's together) as a JSON-LD document.

    The same triples in the same order give the same bytes.
    """
    named = require("pyoxigraph", "RDF export").NamedNode
    compact = _Compactor(prefixes)
    context = json.dumps({"@context": dict(sorted(prefixes.items()))}, ensure_ascii=False, sort_keys=True)
    objects = (
        json.dumps(_node(subject, statements, compact, named), ensure_ascii=False, sort_keys=True)
        for subject, statements in itertools.groupby(triples, key=lambda triple: triple.subject)
    )
    return (context[:-1] + ', "@graph": [\n' + ",\n".join(objects) + "\n]}\n").encode("utf-8")
