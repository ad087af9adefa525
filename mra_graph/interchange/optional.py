"""Importing the optional libraries some formats need, with an error that says how to get them."""

from __future__ import annotations

import importlib
from types import ModuleType

from mra_graph.errors import MissingDependencyError

__all__ = ["require"]


def require(module: str, what: str) -> ModuleType:
    """The imported ``module``, or :class:`MissingDependencyError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingDependencyError(module.split(".")[0], what) from error
