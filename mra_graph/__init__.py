"""mra-graph: who does what in a regional cooperation, as a typed graph.

The names below are imported when first used, so that a program that needs one part of
the package (the command line answering a question) does not load the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from mra_graph.errors import (
    AmbiguousNameError,
    ModelError,
    MraGraphError,
    Problem,
    RenderError,
    UnknownNameError,
    UsageError,
)
from mra_graph.words import Lang

if TYPE_CHECKING:
    from mra_graph.api import Model, load, load_text
    from mra_graph.model.schema import GovernanceModel, Node, Relation, Status

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

_LAZY = {
    "Model": "mra_graph.api",
    "load": "mra_graph.api",
    "load_text": "mra_graph.api",
    "GovernanceModel": "mra_graph.model.schema",
    "Node": "mra_graph.model.schema",
    "Relation": "mra_graph.model.schema",
    "Status": "mra_graph.model.schema",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'mra_graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
