"""The relation and node-kind vocabulary, read from ``model/vocabulary.json``.

Adding a relation kind, a synonym for ``ask`` or a node type is an edit to that file.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mra_graph.errors import ModelError, Problem
from mra_graph.resources import data_file

__all__ = ["Phrasing", "RelationKind", "Vocabulary", "vocabulary"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phrasing(_Strict):
    """How a relation reads in one language, e.g. ``ondersteunt`` / ``wordt ondersteund door``."""

    active: str
    passive: str
    synonyms_active: list[str] = Field(default_factory=list)
    synonyms_passive: list[str] = Field(default_factory=list)


class RelationKind(_Strict):
    nl: Phrasing
    en: Phrasing
    from_kinds: list[str]
    to_kinds: list[str]
    capacities: list[str] = Field(default_factory=list)
    countable: bool = False
    acyclic: bool = False
    symmetric: bool = False
    responsibility: Literal["to_source", "to_target"] | None = Field(
        default=None,
        description=(
            "Whether the relation is a line of responsibility, and which end is the higher: "
            "the source (X commissions Y: Y answers to X) or the target (X is part of Y)."
        ),
    )

    def phrasing(self, lang: str) -> Phrasing:
        return self.en if lang == "en" else self.nl


class TypeName(_Strict):
    nl: str
    en: str


class NodeKindInfo(_Strict):
    nl: str
    en: str
    types: dict[str, TypeName]


class Vocabulary(_Strict):
    node_kinds: dict[str, NodeKindInfo]
    relation_kinds: dict[str, RelationKind]


@cache
def vocabulary(path: Path | None = None) -> Vocabulary:
    """The vocabulary at ``path``, or the bundled one. Raises :class:`ModelError`."""
    file = path or data_file("model", "vocabulary.json")
    try:
        return Vocabulary.model_validate(json.loads(file.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as error:
        raise ModelError([Problem(str(file), 0, 0, "", f"the vocabulary cannot be read: {error}")]) from error
