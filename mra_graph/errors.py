"""The exceptions mra-graph raises. Catch :class:`MraGraphError` to catch them all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "AmbiguousNameError",
    "ConversionError",
    "EditError",
    "ExportError",
    "MissingDependencyError",
    "ModelError",
    "MraGraphError",
    "Problem",
    "QuestionError",
    "RenderError",
    "TemplateError",
    "UnknownNameError",
    "UnknownRelationKindError",
    "UsageError",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a model file, and where.

    ``line`` and ``column`` are 1-based and 0 when no position is known (for example
    when the file could not be read at all). ``pointer`` is a JSON pointer such as
    ``/relations/12/to``.
    """

    file: str
    line: int
    column: int
    pointer: str
    message: str
    hint: str | None = None
    # the message and hint as keys of the words layer's ``check`` section, with their
    # values, so that :func:`mra_graph.words.problem_text` words them in any language;
    # empty: they are as written (English)
    key: str = ""
    hint_key: str = ""
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        text = f"{where} {self.pointer or '/'}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class MraGraphError(Exception):
    """Base of every error mra-graph raises on purpose; its message is for the user.

    ``lang`` is the language the message is in, where it is not English (an error about
    a Dutch question is worded in Dutch).
    """

    exit_code = 1
    lang: str | None = None
    key: str = ""
    """The message as ``errors/<key>`` of the words layer, filled in with :attr:`values`,
    so that :func:`mra_graph.words.error_text` words it in any language; empty: the
    message is as raised."""
    values: dict[str, object] = {}  # noqa: RUF012  # replaced, never changed, per error


class ModelError(MraGraphError):
    """A model file could not be read or is not valid; ``problems`` lists every finding."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = str(self.problems[0]) if self.problems else "invalid model"
        more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
        super().__init__(head + more)


class UnknownNameError(MraGraphError):
    """A name matched no node; ``suggestions`` holds the closest ids."""

    def __init__(self, name: str, suggestions: Sequence[str] = (), message: str | None = None) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        if message is None:
            self.key = "unknown_node_close" if self.suggestions else "unknown_node"
            self.values = {"name": repr(name), "close": self.suggestions}
            message = f"unknown node {name!r}"
            if self.suggestions:
                message += " (did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?)"
            else:
                message += " (run 'mra-graph list' to see every node)"
        super().__init__(message)


class AmbiguousNameError(MraGraphError):
    """A name matched several nodes; ``candidates`` holds ``(id, label, region)`` of each."""

    def __init__(self, name: str, candidates: Sequence[tuple[str, str, str | None]]) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        listed = ", ".join(
            f"{node_id} ({label}{', ' + region if region else ''})"
            for node_id, label, region in self.candidates
        )
        self.key = "ambiguous_name"
        self.values = {"name": repr(name), "n": len(self.candidates), "listed": listed}
        super().__init__(f"{name!r} matches {len(self.candidates)} nodes: {listed}; use an id")


class RenderError(MraGraphError):
    """A diagram or report could not be produced."""


class UsageError(MraGraphError):
    """The request itself is malformed (a bad option value, an unknown format)."""

    exit_code = 2


class UnknownRelationKindError(UsageError):
    """A relation kind that the vocabulary does not have; ``suggestions`` holds close ones."""

    def __init__(self, kind: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.suggestions = tuple(suggestions)
        hint = (
            "did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
            if self.suggestions
            else "see the relation kinds in model/vocabulary.json"
        )
        self.key = "unknown_kind_close" if self.suggestions else "unknown_kind"
        self.values = {"kind": repr(kind), "close": self.suggestions}
        super().__init__(f"unknown relation kind {kind!r} ({hint})")


class QuestionError(UsageError):
    """A question ``ask`` cannot read one way; ``examples`` are questions about the same
    names that it can answer, ``unknown`` the words it did not understand. The message is
    in the question's language."""

    def __init__(
        self,
        question: str,
        examples: Sequence[str],
        message: str | None = None,
        unknown: Sequence[str] = (),
    ) -> None:
        self.question = question
        self.examples = tuple(examples)
        self.unknown = tuple(unknown)
        if message is None:
            listed = "; ".join(repr(e) for e in self.examples)
            message = f"cannot understand the question {question!r}; ask it like {listed}"
        super().__init__(message)


class MissingDependencyError(MraGraphError):
    """An optional library that a format needs is not installed."""

    def __init__(self, module: str, what: str) -> None:
        self.module = module
        install = "pip install 'mra-graph[interchange]'"
        self.key = "missing_package"
        self.values = {"what": what, "module": repr(module), "install": install}
        super().__init__(f"{what} needs the Python package {module!r}; install it with {install}")


class ConversionError(ModelError):
    """A file in a foreign format could not be turned into a model; ``problems`` lists every row."""


class ExportError(MraGraphError):
    """An export could not be written where it was asked to go."""


class EditError(MraGraphError):
    """A model file could not be edited safely: it is locked, or it changed while being edited."""


class TemplateError(RenderError):
    """A report template could not be read, has a syntax error or failed while filling in;
    the message names the template file and line."""
