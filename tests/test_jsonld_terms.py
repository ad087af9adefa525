"""The JSON-LD writer's shortcuts give what compacting each IRI on its own gives."""

from __future__ import annotations

import pytest

from mra_graph.interchange.jsonld import JsonTerms
from mra_graph.interchange.rdf import DEFAULT_BASE, prefixes

BASES = [
    DEFAULT_BASE,
    "http://example.org/x#",
    # bases under and around the standard namespaces, whose prefixes then overlap ours
    "http://www.w3.org/ns/org#foo/",
    "http://www.w3.org/ns/",
    "http://purl.org/dc/terms/",
    "http://xmlns.com/foaf/0.1/node/",
]
LOCALS = ["r1", "am-team", "r1/period", "r1/period/hasEnd", "node/am-team/1", "relation/r.1_b/12"]


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("directory", ["relation/", "source/", "node/", ""])
def test_iris_under_a_directory_are_compacted_as_each_alone(base: str, directory: str) -> None:
    terms = JsonTerms(prefixes(base))
    under = terms.under(base + directory)
    for local in LOCALS:
        assert under(local) == terms.iri(base + directory + local), (base, directory, local)


def test_a_class_is_the_compact_iri_a_reference_holds() -> None:
    terms = JsonTerms(prefixes(DEFAULT_BASE))
    post = "http://www.w3.org/ns/org#Post"
    assert terms.class_iri(post) == '"org:Post"'
    assert terms.iri(post) == '{"@id": "org:Post"}'
