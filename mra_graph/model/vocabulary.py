"""The relation and node-kind vocabulary, read from ``model/vocabulary.json``.

Adding a relation kind, a synonym for ``ask`` or a node type is an edit to that file.

Also here, where the bundled data files (model, vocabulary, views, styles) are: in an
installed wheel inside the package (``mra_graph/_data/model``, ``mra_graph/_data/render``),
in a source checkout the repository's top-level ``model/`` and ``render/`` folders, which
is where people edit them.
"""

import json
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal, Self, get_args

from pydantic import Field, ValidationError, model_validator

from mra_graph.errors import ModelError, Problem
from mra_graph.model.schema import Strict
from mra_graph.words import Lang

__all__ = [
    "COMPOSITION",
    "ROLES",
    "Capacity",
    "Phrasing",
    "RelationKind",
    "Role",
    "Term",
    "Vocabulary",
    "VocabularyExtension",
    "bundled_model_path",
    "data_file",
    "vocabulary",
]


class Phrasing(Strict):
    """How a relation reads in one language, e.g. ``ondersteunt`` / ``wordt ondersteund door``."""

    active: str
    passive: str
    synonyms_active: list[str] = Field(default_factory=list)
    synonyms_passive: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(
        default_factory=list,
        description=(
            "Other wordings by which a source states the relation, that are no way to ask "
            "about it ('bestaat uit' for a membership): the faithfulness check reads them."
        ),
    )


Role = Literal[
    "membership",
    "part",
    "chair",
    "commission",
    "steering",
    "support",
    "scrutiny",
    "housing",
    "location",
    "employment",
]
"""What a relation kind means to the code, whatever the kind is called. A kind has at most
one role; kinds without one are drawn, asked and exported by their words alone.

- ``membership``: the source sits in the target (a member of a board); ``part``: the
  source is a part of the target (a team of a bureau). Together the *composition* of a group.
- ``chair``: the source chairs the target.
- ``commission``, ``steering``: the source gives the target its assignment, or steers it.
- ``support``: the source supports the target; ``scrutiny``: the source holds it to account.
- ``housing``: the source is housed at the target place; ``location``: a place lies in another.
- ``employment``: the source employs the target.
"""

ROLES: tuple[Role, ...] = get_args(Role)
"""Every role, in the order :data:`Role` lists them."""

COMPOSITION: tuple[Role, ...] = ("membership", "part")
"""The roles by which a node is a group of others: its members and its parts."""


class RelationKind(Strict):
    nl: Phrasing
    en: Phrasing
    from_kinds: list[str]
    to_kinds: list[str]
    capacities: list[str] = Field(default_factory=list)
    countable: bool = False
    acyclic: bool = False
    symmetric: bool = False
    dependent: bool = Field(
        default=False,
        description=(
            "Whether the source exists as part of the target, so that what holds only "
            "conditionally for the target holds so for the source too (a post of a bureau)."
        ),
    )
    role: Role | None = Field(
        default=None, description="What the kind means to the code (see mra_graph.model.vocabulary.Role)."
    )
    responsibility: Literal["to_source", "to_target"] | None = Field(
        default=None,
        description=(
            "Whether the relation is a line of responsibility, and which end is the higher: "
            "the source (X commissions Y: Y answers to X) or the target (X is part of Y)."
        ),
    )

    def phrasing(self, lang: Lang) -> Phrasing:
        return self.en if lang == "en" else self.nl


class TypeName(Strict):
    nl: str
    en: str

    def text(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl


class NodeKindInfo(Strict):
    nl: str
    en: str
    types: dict[str, TypeName]


class Term(Strict):
    """A word of the model's own vocabulary in both languages."""

    nl: str
    en: str

    def text(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl


class Capacity(Term):
    """A capacity a relation is held in (``bestuurlijk`` opdrachtgever), and the words
    that ask for it in a question."""

    words_nl: list[str] = Field(default_factory=list)
    words_en: list[str] = Field(default_factory=list)

    def words(self) -> list[str]:
        return [*self.words_nl, *self.words_en]


class Vocabulary(Strict):
    node_kinds: dict[str, NodeKindInfo]
    capacities: dict[str, Capacity] = Field(default_factory=dict)
    attribute_flags: dict[str, Term] = Field(
        default_factory=dict,
        description="Relation attributes that are true or false, and how a true one reads.",
    )
    modalities: dict[str, Term] = Field(
        default_factory=dict, description="How each modality of a fact (conditional, …) reads."
    )
    scopes: dict[str, Term] = Field(
        default_factory=dict,
        description="How a scoped end of a relation reads; '{node}' stands for the group's name.",
    )
    marks: dict[str, Term] = Field(
        default_factory=dict,
        description=(
            "Short marks on an answer or diagram: 'disputed' (a recorded contradiction names "
            "the item), 'unclear' (a recorded ambiguity does), 'via' (a modality taken from "
            "'{node}'), 'through' (a fact found through a group; '{node}' is the group's name) "
            "and 'from.<scope>'/'to.<scope>' (a scoped end, as a diagram's edge label shows it)."
        ),
    )
    relation_kinds: dict[str, RelationKind]

    @model_validator(mode="after")
    def _known_capacities(self) -> Self:
        for kind, info in self.relation_kinds.items():
            unknown = sorted(set(info.capacities) - set(self.capacities))
            if unknown:
                raise ValueError(f"relation kind {kind!r} names capacities {unknown} not under 'capacities'")
        return self

    def role(self, kind: str) -> Role | None:
        """The role of relation kind ``kind``; None for a kind without one or unknown."""
        info = self.relation_kinds.get(kind)
        return info.role if info is not None else None

    def kinds_with(self, *roles: Role) -> tuple[str, ...]:
        """The relation kinds with one of ``roles``, in the order of ``roles`` and then of the
        vocabulary: ``kinds_with("membership", "part")`` gives the membership kinds first."""
        return tuple(k for role in roles for k in self._by_role.get(role, ()))

    @cached_property
    def lexicons(self) -> dict[str, Any]:
        """The question lexicons built from this vocabulary, by language, that
        :func:`mra_graph.questions.lexicon.lexicon` built.

        A vocabulary never changes, so neither does a lexicon built of it.
        """
        return {}

    @cached_property
    def _by_role(self) -> dict[Role, tuple[str, ...]]:
        found: dict[Role, tuple[str, ...]] = {}
        for kind, info in self.relation_kinds.items():
            if info.role is not None:
                found[info.role] = (*found.get(info.role, ()), kind)
        return found

    def type_name(self, kind: str, type_: str | None, lang: Lang) -> str:
        """The name of a node's type (``bureau``), else of its kind (``orgaan``), else the kind."""
        info = self.node_kinds.get(kind)
        if info is None:
            return kind
        if type_ and type_ in info.types:
            return info.types[type_].text(lang)
        return info.en if lang == "en" else info.nl

    def capacity_text(self, capacity: str, lang: Lang) -> str:
        """``bestuurlijk`` in Dutch, ``executive`` in English; an unknown one as it is."""
        term = self.capacities.get(capacity)
        return term.text(lang) if term else capacity

    def modality_text(self, modality: str, lang: Lang) -> str:
        """``voorwaardelijk`` in Dutch, ``conditional`` in English; an unknown one as it is."""
        term = self.modalities.get(modality)
        return term.text(lang) if term else modality

    def scope_text(self, scope: str, node_label: str, lang: Lang) -> str:
        """``één van de leden of onderdelen van AM-team``: a scoped end with its group's name."""
        term = self.scopes.get(scope)
        return (term.text(lang) if term else scope + " {node}").replace("{node}", node_label)

    def mark_text(self, mark: str, lang: Lang, node_label: str = "") -> str:
        """A mark such as ``betwist``; ``{node}`` in it becomes ``node_label``."""
        term = self.marks.get(mark)
        return (term.text(lang) if term else mark).replace("{node}", node_label)


class KindTypes(Strict):
    """New types of a node kind the bundled vocabulary has."""

    types: dict[str, TypeName]


class VocabularyExtension(Strict):
    """What a model's own vocabulary file (``NAME.vocabulary.json`` beside ``NAME.json``)
    adds to the bundled vocabulary: types of its node kinds, capacities, attribute flags
    and relation kinds, each under the key the bundled vocabulary uses for it. It only
    adds: a name the bundled vocabulary has already is an error."""

    node_kinds: dict[str, KindTypes] = Field(default_factory=dict)
    capacities: dict[str, Capacity] = Field(default_factory=dict)
    attribute_flags: dict[str, Term] = Field(default_factory=dict)
    relation_kinds: dict[str, RelationKind] = Field(default_factory=dict)

    def clashes(self, bundled: Vocabulary) -> list[tuple[tuple[str, ...], str]]:
        """``(path, message)`` for each name of the extension the bundled vocabulary has
        already, or node kind it lacks."""
        found: list[tuple[tuple[str, ...], str]] = []
        for kind, extra in self.node_kinds.items():
            if kind not in bundled.node_kinds:
                known = ", ".join(bundled.node_kinds)
                found.append(
                    (("node_kinds", kind), f"unknown node kind {kind!r}; the node kinds are {known}")
                )
                continue
            for type_ in extra.types:
                if any(type_ in info.types for info in bundled.node_kinds.values()):
                    found.append((("node_kinds", kind, "types", type_), f"type {type_!r} is bundled already"))
        for key in ("capacities", "attribute_flags", "relation_kinds"):
            for name in getattr(self, key):
                if name in getattr(bundled, key):
                    found.append(((key, name), f"{name!r} is bundled already"))
        return found

    def onto(self, bundled: Vocabulary) -> Vocabulary:
        """The bundled vocabulary with this one's additions (check :meth:`clashes` first)."""
        node_kinds = {
            kind: info.model_copy(update={"types": {**info.types, **self.node_kinds[kind].types}})
            if kind in self.node_kinds
            else info
            for kind, info in bundled.node_kinds.items()
        }
        return Vocabulary.model_validate(
            {
                **bundled.model_dump(),
                "node_kinds": {k: v.model_dump() for k, v in node_kinds.items()},
                "capacities": {
                    k: v.model_dump() for k, v in {**bundled.capacities, **self.capacities}.items()
                },
                "attribute_flags": {
                    k: v.model_dump() for k, v in {**bundled.attribute_flags, **self.attribute_flags}.items()
                },
                "relation_kinds": {
                    k: v.model_dump() for k, v in {**bundled.relation_kinds, **self.relation_kinds}.items()
                },
            }
        )


def vocabulary(path: Path | None = None) -> Vocabulary:
    """The vocabulary at ``path``; without one, the bundled one. Raises :class:`ModelError`.

    A model's own vocabulary (the bundled one with its vocabulary file's additions) is
    the model's :attr:`~mra_graph.model.schema.GovernanceModel.vocabulary`: what reads a
    model reads the vocabulary from it.
    """
    return _read(path or data_file("model", "vocabulary.json"))


@cache
def _read(file: Path) -> Vocabulary:
    try:
        return Vocabulary.model_validate(json.loads(file.read_bytes().decode("utf-8")))
    except (OSError, ValueError, ValidationError) as error:
        raise ModelError([Problem(str(file), 0, 0, "", f"the vocabulary cannot be read: {error}")]) from error


_PACKAGE = Path(__file__).resolve().parent.parent


def data_file(folder: str, name: str) -> Path:
    """Path of a bundled data file, e.g. ``data_file("model", "organen.json")``."""
    packaged = _PACKAGE / "_data" / folder / name
    if packaged.is_file():
        return packaged
    return _PACKAGE.parent / folder / name


def bundled_model_path() -> Path:
    """Path of the bundled default model, ``model/organen.json``."""
    return data_file("model", "organen.json")
