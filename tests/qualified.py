"""A small invented model whose facts carry modalities and scoped ends, and a conflict.

A team of two secretaries supports each of two meetings, one unnamed secretary each
(``from_scope`` one_of, ``to_scope`` each_member), and steers each of them; a working
group prepares each meeting; each meeting informs a bureau that exists only if a
proposal is adopted; the team's support of the bureau is proposed. A conflict names
the team's support of the meetings. None of it is about the MRA or Amstelland-Meerlanden.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from mra_graph.model.loading import load_text
from mra_graph.model.schema import GovernanceModel

__all__ = ["MODEL", "qualified_model", "relation_entry"]

_SOURCE = [{"document": "notitie", "section": "Teams"}]


def _node(ident: str, kind: str, type_: str, name: str, name_en: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "kind": kind,
        "type": type_,
        "name": name,
        "name_en": name_en,
        **extra,
        "sources": _SOURCE,
    }


def relation_entry(source: str, kind: str, target: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"{source}.{kind}.{target}",
        "kind": kind,
        "from": source,
        "to": target,
        **extra,
        "sources": _SOURCE,
    }


MODEL: dict[str, Any] = {
    "title": "Teams en overleggen",
    "title_en": "Teams and meetings",
    "documents": [
        {"id": "notitie", "title": "Notitie", "file": "notitie.txt", "period": "2020", "sections": ["Teams"]}
    ],
    "nodes": [
        _node("overleggen", "body", "group", "overleggen", "meetings"),
        _node("overleg-noord", "body", "overleg", "overleg Noord", "meeting North"),
        _node("overleg-zuid", "body", "overleg", "overleg Zuid", "meeting South"),
        _node("team", "body", "team", "Team", "Team"),
        _node("secretaris-een", "role", "post", "eerste secretaris", "first secretary"),
        _node("secretaris-twee", "role", "post", "tweede secretaris", "second secretary"),
        _node("werkgroep", "body", "working_group", "werkgroep", "working group"),
        _node(
            "bureau",
            "body",
            "bureau",
            "Bureau",
            "Bureau",
            modality="conditional",
            condition="als het voorstel wordt aangenomen",
            condition_en="if the proposal is adopted",
        ),
    ],
    "relations": [
        relation_entry("overleg-noord", "part_of", "overleggen"),
        relation_entry("overleg-zuid", "part_of", "overleggen"),
        relation_entry("secretaris-een", "member_of", "team"),
        relation_entry("secretaris-twee", "member_of", "team"),
        relation_entry("team", "supports", "overleggen", from_scope="one_of", to_scope="each_member"),
        relation_entry("team", "coordinates", "overleggen"),
        relation_entry("team", "steers", "overleggen", to_scope="each_member"),
        relation_entry("werkgroep", "prepares", "overleggen", count=1, per="overleg", to_scope="each_member"),
        relation_entry("overleggen", "informs", "bureau", from_scope="each_member"),
        relation_entry("team", "supports", "bureau", modality="proposed"),
    ],
    "conflicts": [
        {
            "id": "steun",
            "kind": "ambiguity",
            "subjects": ["team.supports.overleggen"],
            "description": "Eén secretaris per overleg, of één voor alle overleggen samen.",
            "claims": [
                {"statement": "Per overleg.", "value": 2, "sources": _SOURCE},
                {"statement": "Voor alle samen.", "value": 1, "sources": _SOURCE},
            ],
        }
    ],
}


@functools.cache
def qualified_model() -> GovernanceModel:
    """The model above, loaded and validated like a model file."""
    return load_text(json.dumps(MODEL), "qualified.json")
