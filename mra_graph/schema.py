"""The JSON Schema of the model file, for editors and other tools."""

from __future__ import annotations

import json
from typing import Any

from mra_graph.model.schema import GovernanceModel

__all__ = ["json_schema", "json_schema_text"]

SCHEMA_ID = "https://mra-graph.invalid/organen.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that ``model/organen.json`` follows."""
    schema = GovernanceModel.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text() -> str:
    """:func:`json_schema` as the text of ``model/organen.schema.json``."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
