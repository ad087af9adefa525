"""The model: its schema, loading it from a file, validating it, its vocabulary and names.

- :mod:`~mra_graph.model.schema`: the pydantic classes of a model file, its JSON Schema, and
  what holds at a date;
- :mod:`~mra_graph.model.loading`: from a file to a validated model, and back to canonical text;
- :mod:`~mra_graph.model.validation`: the checks across items that the schema cannot express;
- :mod:`~mra_graph.model.vocabulary`: the kinds of nodes and relations and their words, and
  where the bundled data files are;
- :mod:`~mra_graph.model.locations`: line, column and JSON pointer of a place in a file;
- :mod:`~mra_graph.model.names`: from a name a user types to a node.
- :mod:`~mra_graph.model.views`: the view definitions and the style sheet the renderer
  draws with, and a model's own view file (checked with the model, without the renderer).
"""

from mra_graph.model.loading import dump_text, load, load_text
from mra_graph.model.schema import (
    SCHEMA_ID,
    Claim,
    Conflict,
    ConflictKind,
    Document,
    FigureRow,
    FigureTable,
    FormerName,
    GovernanceModel,
    Node,
    NodeKind,
    Region,
    Relation,
    Source,
    Status,
    Strict,
    holds_at,
    json_schema,
    json_schema_text,
    status_at,
)

__all__ = [
    "SCHEMA_ID",
    "Claim",
    "Conflict",
    "ConflictKind",
    "Document",
    "FigureRow",
    "FigureTable",
    "FormerName",
    "GovernanceModel",
    "Node",
    "NodeKind",
    "Region",
    "Relation",
    "Source",
    "Status",
    "Strict",
    "dump_text",
    "holds_at",
    "json_schema",
    "json_schema_text",
    "load",
    "load_text",
    "status_at",
]
