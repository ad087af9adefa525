"""The exceptions mra-graph raises. Catch :class:`MraGraphError` to catch them all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Self

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
    # the message and hint as keys of the words layer's ``problems`` section with their
    # values, so that :meth:`said` words them in either language; empty: as written
    key: str = ""
    hint_key: str = ""
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.said("en")

    def said(self, lang: str) -> str:
        """The problem as one line in ``lang``: where, what, and the hint in brackets."""
        message, hint = self.message, self.hint
        if self.key or self.hint_key:
            from mra_graph.words import lang_of, words  # the words layer reads errors too

            w, values = words(lang_of(lang)), dict(self.values)
            if self.key:
                message = w("check", self.key, **values)
            if self.hint_key:
                hint = w("check", self.hint_key, **values)
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        text = f"{where} {self.pointer or '/'}: {message}"
        if hint:
            text += f" ({hint})"
        return text


def worded(key: str, hint_key: str = "", /, **values: object) -> dict[str, Any]:
    """The message (English), hint and words-layer keys of a :class:`Problem`, for
    ``Problem(file, line, column, pointer, **worded("unknown_node", name="'x'"))``."""
    from mra_graph.words import words

    w = words("en")
    shown = {k: str(v) for k, v in values.items()}
    return {
        "message": w("check", key, **shown),
        "hint": w("check", hint_key, **shown) if hint_key else None,
        "key": key,
        "hint_key": hint_key,
        "values": tuple(sorted(shown.items())),
    }


class MraGraphError(Exception):
    """Base of every error mra-graph raises on purpose; its message is for the user.

    ``lang`` is the language the message is in, where it is not English (an error about
    a Dutch question is worded in Dutch).
    """

    exit_code = 1
    lang: str | None = None
    key: str = ""
    values: dict[str, object] | None = None

    @classmethod
    def worded(cls, key: str, **values: object) -> Self:
        """The error whose message is ``errors/<key>`` of the words layer with ``values``
        filled in: English as ``str()``, any language through :meth:`said`."""
        from mra_graph.words import words  # the words layer reads errors too

        error = cls(words("en")("errors", key, **values))
        error.key, error.values = key, values
        return error

    @property
    def speaks(self) -> bool:
        """Whether :meth:`said` words the message in any language (else it is as raised)."""
        return bool(self.key)

    def said(self, lang: str) -> str:
        """The message in ``lang`` (where the error knows its words; else as raised)."""
        if not self.key:
            return str(self)
        from mra_graph.words import lang_of, words

        return words(lang_of(lang))("errors", self.key, **(self.values or {}))


class ModelError(MraGraphError):
    """A model file could not be read or is not valid; ``problems`` lists every finding."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        # English without the words layer: a words file that cannot be read is one too
        count = len(self.problems)
        head = str(self.problems[0]) if self.problems else "invalid model"
        more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
        super().__init__(head + more)

    @property
    def speaks(self) -> bool:
        return all(p.key for p in self.problems)

    def said(self, lang: str) -> str:
        from mra_graph.words import lang_of, words

        w = words(lang_of(lang))
        count = len(self.problems)
        head = self.problems[0].said(lang) if self.problems else w("errors", "invalid_model")
        more = " " + w.counted("errors", "more_problems", n=count - 1) if count > 1 else ""
        return head + more


def _either(lang: str, names: Sequence[str]) -> str:
    """``'a' or 'b'`` / ``'a' of 'b'``."""
    from mra_graph.words import lang_of, words

    return f" {words(lang_of(lang))('errors', 'or')} ".join(repr(n) for n in names)


class UnknownNameError(MraGraphError):
    """A name matched no node; ``suggestions`` holds the closest ids."""

    def __init__(self, name: str, suggestions: Sequence[str] = (), message: str | None = None) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        self.given = message
        super().__init__(message if message is not None else self.said("en"))

    @property
    def speaks(self) -> bool:
        return self.given is None

    def said(self, lang: str) -> str:
        if self.given is not None:
            return self.given
        from mra_graph.words import lang_of, words

        w = words(lang_of(lang))
        if self.suggestions:
            return w(
                "errors", "unknown_node_close", name=repr(self.name), close=_either(lang, self.suggestions)
            )
        return w("errors", "unknown_node", name=repr(self.name))


class AmbiguousNameError(MraGraphError):
    """A name matched several nodes; ``candidates`` holds ``(id, label, region)`` of each."""

    def __init__(self, name: str, candidates: Sequence[tuple[str, str, str | None]]) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        super().__init__(self.said("en"))

    @property
    def speaks(self) -> bool:
        return True

    def said(self, lang: str) -> str:
        from mra_graph.words import lang_of, words

        listed = ", ".join(
            f"{node_id} ({label}{', ' + region if region else ''})"
            for node_id, label, region in self.candidates
        )
        return words(lang_of(lang))(
            "errors", "ambiguous_name", name=repr(self.name), n=len(self.candidates), listed=listed
        )


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
        super().__init__(self.said("en"))

    @property
    def speaks(self) -> bool:
        return True

    def said(self, lang: str) -> str:
        from mra_graph.words import lang_of, words

        w = words(lang_of(lang))
        if self.suggestions:
            return w(
                "errors", "unknown_kind_close", kind=repr(self.kind), close=_either(lang, self.suggestions)
            )
        return w("errors", "unknown_kind", kind=repr(self.kind))


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
        self.what = what
        super().__init__(self.said("en"))

    @property
    def speaks(self) -> bool:
        return True

    def said(self, lang: str) -> str:
        from mra_graph.words import lang_of, words

        install = "pip install 'mra-graph[interchange]'"
        return words(lang_of(lang))(
            "errors", "missing_package", what=self.what, module=repr(self.module), install=install
        )


class ConversionError(ModelError):
    """A file in a foreign format could not be turned into a model; ``problems`` lists every row."""


class ExportError(MraGraphError):
    """An export could not be written where it was asked to go."""


class EditError(MraGraphError):
    """A model file could not be edited safely: it is locked, or it changed while being edited."""


class TemplateError(RenderError):
    """A report template could not be read, has a syntax error or failed while filling in;
    the message names the template file and line."""
