"""A tiny English-only model, ``lang: "en"``: an invented combined authority of three
councils, with a count per council, a staffing table and a dated past."""

from __future__ import annotations

from typing import Any

SOURCE = [{"document": "order", "section": "Constitution"}]
STAFF = [{"document": "order", "section": "Staff"}]


def _node(node_id: str, kind: str, node_type: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"id": node_id, "kind": kind, "type": node_type, "name": name, "sources": SOURCE, **extra}


def _relation(kind: str, a: str, b: str, **extra: Any) -> dict[str, Any]:
    return {"id": f"{a}.{kind}.{b}", "kind": kind, "from": a, "to": b, "sources": SOURCE, **extra}


def english_model() -> dict[str, Any]:
    """The model as JSON data; every text in it is English."""
    councils = ["northmoor", "eastmoor", "southmoor"]
    nodes = [
        _node("authority", "body", "cooperation", "Westmoor Combined Authority", region="westmoor"),
        _node("board", "body", "council", "Combined Authority Board", region="westmoor"),
        _node("scrutiny", "body", "committee", "Overview and Scrutiny Committee", region="westmoor"),
        _node("mayor", "role", "office", "Mayor of Westmoor"),
        _node("leader", "role", "post", "council leader"),
        _node("office", "body", "bureau", "Westmoor Policy Unit", region="westmoor"),
        _node(
            "transition",
            "body",
            "working_group",
            "Transition Board",
            region="westmoor",
            status="ended",
            valid_from="2021-01-01",
            valid_to="2023-04-01",
        ),
        *(_node(c, "organisation", "collective", f"{c.title()} Borough Council") for c in councils),
    ]
    relations = [
        _relation("part_of", "board", "authority"),
        _relation("part_of", "scrutiny", "authority"),
        _relation("chairs", "mayor", "board"),
        _relation("member_of", "leader", "board", count=1, per="constituent council"),
        _relation("supports", "office", "board"),
        _relation("informs", "office", "scrutiny"),
        _relation(
            "supports", "transition", "board", status="ended", valid_from="2021-01-01", valid_to="2023-04-01"
        ),
        *(_relation("member_of", c, "authority") for c in councils),
    ]
    return {
        "lang": "en",
        "title": "Westmoor Combined Authority",
        "documents": [
            {
                "id": "order",
                "title": "The Westmoor Combined Authority Order (invented)",
                "file": "order.txt",
                "period": "2024",
                "sections": ["Constitution", "Staff"],
            }
        ],
        "regions": [{"id": "westmoor", "name": "Westmoor", "short": "WM", "sources": SOURCE}],
        "nodes": nodes,
        "relations": relations,
        "figures": [
            {
                "id": "staff",
                "title": "Posts in the policy unit",
                "unit": "posts",
                "years": ["2023", "2024"],
                "rows": [
                    {
                        "id": "staff-policy",
                        "label": "policy officers",
                        "values": {"2023": 3, "2024": 4},
                        "sources": STAFF,
                    },
                    {
                        "id": "staff-support",
                        "label": "support staff",
                        "values": {"2023": 1, "2024": 1},
                        "sources": STAFF,
                    },
                    {
                        "id": "staff-total",
                        "label": "total",
                        "values": {"2023": 4, "2024": 5},
                        "total_of": ["staff-policy", "staff-support"],
                        "sources": STAFF,
                    },
                ],
                "sources": STAFF,
            }
        ],
    }
