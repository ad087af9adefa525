"""The values a governance model is made of: identifiers and texts with their limits,
the closed vocabularies (status, kind, modality, scope) and a source citation; the shared
strict base every part of the schema builds on."""

from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from mra_graph.words import worded_value

__all__ = [
    "MAX_ATTRIBUTE",
    "MAX_QUOTE_WORDS",
    "MAX_SHORT_TEXT",
    "MAX_TEXT",
    "AttributeText",
    "AttributeValue",
    "ConflictKind",
    "FiniteFloat",
    "Id",
    "Modality",
    "NodeKind",
    "Scalar",
    "Scope",
    "ShortText",
    "Source",
    "Sources",
    "Status",
    "Strict",
    "Text",
    "sorted_keys",
]

MAX_QUOTE_WORDS = 25

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$(?!\n)", max_length=160),
    Field(description="Stable identifier: lower-case letters and digits joined by -, _ or ."),
]
# what no output can carry: control characters, halves of surrogate pairs and Unicode's
# non-characters (U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two of every plane)
_NON_CHARACTERS = r"\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff" + "".join(
    rf"\U{plane:04x}fffe\U{plane:04x}ffff" for plane in range(1, 17)
)
MAX_TEXT = 10_000
"""The most characters of a description, note or statement."""
MAX_SHORT_TEXT = 500
"""The most characters of a name, title, section, quote or other short text."""
MAX_ATTRIBUTE = 2_000
"""The most characters of an attribute's text value."""

Text = Annotated[
    str,
    StringConstraints(
        min_length=1, max_length=MAX_TEXT, pattern=rf"^[^\x00-\x08\x0b-\x1f\x7f{_NON_CHARACTERS}]*$"
    ),
]
ShortText = Annotated[
    str,
    StringConstraints(
        min_length=1, max_length=MAX_SHORT_TEXT, pattern=rf"^[^\x00-\x1f\x7f{_NON_CHARACTERS}]*$(?!\n)"
    ),
]
AttributeText = Annotated[
    str,
    StringConstraints(max_length=MAX_ATTRIBUTE, pattern=rf"^[^\x00-\x08\x0b-\x1f\x7f{_NON_CHARACTERS}]*$"),
]
FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]
"""A number that is a number: not NaN, not infinite."""
Scalar = AttributeText | int | FiniteFloat | bool
AttributeValue = Scalar | list[AttributeText]


_V = TypeVar("_V")


def sorted_keys(mapping: dict[str, _V]) -> dict[str, _V]:
    """``mapping`` with its keys in order: their order in a file carries no meaning."""
    return dict(sorted(mapping.items()))


class Strict(BaseModel):
    """The base of every class read from a file of ours (the model, the vocabulary, the
    views and the style sheet): unknown keys are errors and validated objects never change.

    Patterns run on Python's ``re``, which compiles each once for the whole schema (the
    default engine compiles every field's anew, a tenth of a second at each start);
    as ``$`` there also matches before a final newline, each pattern ends in ``(?!\n)``.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, defer_build=True, regex_engine="python-re"
    )


class Status(StrEnum):
    """Where a node or relation stands, as the sources describe it."""

    ACTIVE = "active"
    PLANNED = "planned"
    UNDER_CONSIDERATION = "under_consideration"
    ENDED = "ended"


class NodeKind(StrEnum):
    BODY = "body"
    ROLE = "role"
    ORGANISATION = "organisation"
    PLACE = "place"
    DOCUMENT = "document"
    INSTRUMENT = "instrument"


class Modality(StrEnum):
    """How firmly the sources state a fact that is not plainly in force.

    ``conditional``: it holds only if a condition is met (give it in ``condition``);
    ``proposed``: a proposal says it will be so; ``reserved``: something is set aside
    for it, not yet in use; ``possible``: the source says it can be so.
    """

    CONDITIONAL = "conditional"
    PROPOSED = "proposed"
    RESERVED = "reserved"
    POSSIBLE = "possible"


class Scope(StrEnum):
    """Which part of a group node one end of a relation stands for.

    ``each_member``: the relation holds for each member or part of the node on that
    end, one by one (each of the meetings is prepared by a working group);
    ``one_of``: one member or part of the node, which one the source does not say
    (one of the team's secretaries supports them). The node needs members or parts
    (``member_of``/``part_of`` relations into it).
    """

    EACH_MEMBER = "each_member"
    ONE_OF = "one_of"


class ConflictKind(StrEnum):
    CONTRADICTION = "contradiction"
    AMBIGUITY = "ambiguity"


class Source(Strict):
    """Where a fact comes from: a document, one of its section headings, an optional quote."""

    document: Id
    section: ShortText
    quote: ShortText | None = Field(
        default=None,
        description=f"Verbatim evidence of at most {MAX_QUOTE_WORDS} words.",
    )

    @field_validator("quote")
    @classmethod
    def _quote_is_short(cls, quote: str | None) -> str | None:
        if quote is not None:
            words = len(quote.split())
            if words > MAX_QUOTE_WORDS:
                raise worded_value("quote_too_long", n=words, most=MAX_QUOTE_WORDS)
        return quote


Sources = Annotated[list[Source], Field(min_length=1)]
