"""mra-graph: who does what in a regional cooperation, as a typed graph."""

from mra_graph.api import Model, load, load_text
from mra_graph.errors import (
    AmbiguousNameError,
    ModelError,
    MraGraphError,
    Problem,
    RenderError,
    UnknownNameError,
    UsageError,
)
from mra_graph.model.schema import GovernanceModel, Node, Relation, Status
from mra_graph.words import Lang

__all__ = [
    "AmbiguousNameError",
    "GovernanceModel",
    "Lang",
    "Model",
    "ModelError",
    "MraGraphError",
    "Node",
    "Problem",
    "Relation",
    "RenderError",
    "Status",
    "UnknownNameError",
    "UsageError",
    "load",
    "load_text",
]
