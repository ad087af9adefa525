"""Every word the program shows, in Dutch and English, read from ``words/<lang>.json``.

The two files have the same keys; changing a heading, a status word or a sentence is an
edit to them (a test checks they stay parallel). Model text (names, descriptions) is
translated in the model itself; where it has no translation, English output shows the
Dutch original between guillemets, ``«zo nodig bekrachtigen»``, so a reader sees
that it was not translated.

>>> words("en").status("under_consideration")
'under consideration'
>>> words("nl").number(2.5)
'2,5'
>>> words("en").untranslated("voltallig")
'«voltallig»'
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from mra_graph.errors import ModelError, MraGraphError, Problem

__all__ = [
    "LANGUAGES",
    "Lang",
    "WordedValueError",
    "Words",
    "choices",
    "error_text",
    "lang_of",
    "problem_text",
    "speaks",
    "worded",
    "worded_error",
    "worded_value",
    "words",
]

Lang = Literal["nl", "en"]
"""An output language."""

LANGUAGES: tuple[Lang, ...] = ("nl", "en")

_FOLDER = Path(__file__).resolve().parent
_OPEN, _CLOSE = "«", "»"


def lang_of(text: str) -> Lang:
    """``text`` as a :data:`Lang`; anything but ``"en"`` is Dutch, the model's own language."""
    return "en" if text == "en" else "nl"


class Words:
    """The words of one language.

    ``w("answers", "through", name=...)`` reads a sentence and fills it in; a key that
    is missing is an error (``KeyError``), never an empty string.
    """

    def __init__(self, lang: Lang, data: dict[str, Any], source: Lang = "nl") -> None:
        self.lang: Lang = lang
        self.data = data
        # the language the model's own text is in (its ``lang``): text in it is marked
        # only in output of the other language
        self.source: Lang = source

    def __call__(self, *path: str, **values: object) -> str:
        found: Any = self.data
        for key in path:
            found = found[key]
        if not isinstance(found, str):
            raise KeyError(f"words {'/'.join(path)!r} in {self.lang}.json is not a sentence")
        return found.format(**values) if values else found

    def section(self, name: str) -> dict[str, Any]:
        """A whole section, e.g. ``report`` for the report templates."""
        found: dict[str, Any] = self.data[name]
        return found

    def counted(self, *path: str, n: int, **values: object) -> str:
        """A phrase with a number, singular or plural: ``1 onderdeel``, ``64 onderdelen``."""
        forms: dict[str, str] = self.data
        for key in path:
            forms = cast(dict[str, Any], forms)[key]
        form = forms.get(str(n), forms["other"])
        return form.format(n=n, **values)

    def status(self, status: str) -> str:
        """``in overweging`` / ``under consideration`` for a status value."""
        return self("status", status)

    def modality(self, modality: str) -> str:
        """``voorwaardelijk`` / ``conditional`` for a modality value."""
        return self("modality", modality)

    def distribution(self, key: str) -> str:
        """``één van`` / ``one of`` (``one_of``), ``elk`` / ``each`` (``each``): how a fact
        about a group of nodes holds for its members."""
        return self("distribution", key)

    def attribute(self, key: str) -> str:
        """The name of a node or relation attribute; an unknown key reads as its words."""
        names: dict[str, str] = self.data["attributes"]
        return names.get(key, key.replace("_", " "))

    def value(self, value: object) -> str:
        """An attribute value as a reader sees it: ``ja``/``yes``, a number, a term, a list."""
        if isinstance(value, bool):
            return self("values", "true" if value else "false")
        if isinstance(value, int | float):
            return self.number(value)
        if isinstance(value, list | tuple):
            return ", ".join(self.value(v) for v in value)
        return self.term(str(value))

    def term(self, text: str) -> str:
        """A short text the model holds in its own language (a role, a ``per``, an
        attribute value) in this language: from the glossary, else marked as untranslated."""
        if self.lang == self.source:
            return text
        if self.source == "nl":
            glossary: dict[str, str] = self.data["glossary"]
            if text in glossary:
                return glossary[text]
        else:
            back = {v: k for k, v in words("en").data["glossary"].items()}
            if text in back:
                return self.data["glossary"].get(back[text], back[text])  # type: ignore[no-any-return]
        return self.untranslated(text)

    def plural_of(self, node: Any) -> str | None:
        """The plural of a node's name in this language: the model's ``name_plural`` (or
        ``name_plural_en``), else for an English name the English rule (``council
        leader`` → ``council leaders``); None where neither knows it."""
        if self.lang == "en" and node.name_plural_en:
            return str(node.name_plural_en)
        if self.lang == "en" and (node.name_en or self.source == "en"):
            return (
                node.name_plural
                if self.source == "en" and node.name_plural
                else english_plural(str(node.name_en or node.name))
            )
        if node.name_plural:
            return self.untranslated(str(node.name_plural))
        return self.untranslated(english_plural(str(node.name))) if self.source == "en" else None

    def per(self, per: str, per_en: str | None = None) -> str:
        """What a count is per (``gemeente``/``municipality``): the model's ``per_en`` in
        English, else the glossary's, else marked as untranslated."""
        if self.lang == "en" and per_en:
            return per_en
        return self.term(per)

    def agree(self, phrase: str, plural: bool) -> str:
        """A relation's phrase with its verb agreeing with a plural subject:
        ``wordt geïnformeerd door`` → ``worden geïnformeerd door``, ``is informed by`` →
        ``are informed by``, ``is a member of`` → ``are members of``; unchanged for a
        singular one."""
        if not plural or not phrase:
            return phrase
        verb, _, rest = phrase.partition(" ")
        # "singular plural, …": the verbs of the vocabulary whose plural no rule makes
        table = dict(pair.split() for pair in self("verb_plurals").split(", "))
        if verb in table:
            verb = table[verb]
        elif self.lang == "en" and verb.endswith("s") and not verb.endswith("ss"):
            verb = verb[:-2] if verb.endswith(("ches", "shes", "sses", "xes")) else verb[:-1]
        article, _, complement = rest.partition(" ")
        if self.lang == "en" and article in ("a", "an") and complement:
            # the complement agrees too: "are members of", not "are a member of"
            noun, _, tail = complement.partition(" ")
            rest = f"{english_plural(noun)} {tail}".rstrip()
        return f"{verb} {rest}" if rest else verb

    def untranslated(self, text: str) -> str:
        """Model text without a translation: as it is, marked in output of the other
        language than the model's."""
        if self.lang == self.source or not any(c.isalpha() for c in text):
            return text  # numbers and dates read the same in either language
        return f"{_OPEN}{text}{_CLOSE}"

    def other_language(self, text: str) -> str:
        """A name given in the other language on purpose (``English name: …``), marked."""
        return f"{_OPEN}{text}{_CLOSE}" if text else text

    def pick(self, dutch: str | None, english: str | None) -> str:
        """A model text and its translation: the English one when there is one, else the
        model's own text, marked in output of the other language than the model's."""
        if self.lang == "en" and english:
            return english
        return self.untranslated(dutch or "")

    def number(self, value: float, signed: bool = False) -> str:
        """``2,5`` in Dutch, ``2.5`` in English, ``1`` rather than ``1.0``; ``+1`` if signed."""
        text = f"{value:+g}" if signed and value else f"{value:g}"
        return text.replace(".", ",") if self.lang == "nl" else text

    def listing(self, items: list[str]) -> str:
        """``a, b en c`` / ``a, b and c``."""
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self('answers', 'and')} {items[-1]}"

    def keys(self) -> list[str]:
        return sorted(self.data)


def english_plural(noun: str) -> str:
    """The plural of an English noun by the regular rule, on its head word:
    ``council leader`` → ``council leaders``, ``authority`` → ``authorities``,
    ``head of unit`` → ``heads of unit``."""
    head, of, rest = noun.partition(" of ")  # "representative of X": the head is plural
    if noun.endswith(("s", "x", "ch", "sh")) and not of:
        return noun + "es"
    if head.endswith("y") and head[-2:-1] not in ("a", "e", "o", "u", ""):
        return head[:-1] + "ies" + of + rest
    return head + "s" + of + rest


@cache
def words(lang: Lang, source: str = "nl") -> Words:
    """The bundled words of ``lang``, around model text in ``source`` (the model's
    ``lang``). Raises :class:`ModelError` when the file cannot be read."""
    if lang_of(source) != "nl":
        return Words(lang_of(lang), words(lang).data, lang_of(source))
    file = _FOLDER / f"{lang_of(lang)}.json"
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError([Problem(str(file), 0, 0, "", f"the words cannot be read: {error}")]) from error
    return Words(lang_of(lang), data)


# Errors and problems in any language: an error or problem carries the key of its message
# in the words layer and the values to fill in; its ``str()`` is the English one.

E = TypeVar("E", bound=MraGraphError)


def worded(key: str, hint_key: str = "", /, **values: object) -> dict[str, Any]:
    """The fields of a :class:`Problem` (or a finding) whose message is ``check/<key>``
    and hint ``check/<hint_key>``: the English text, the keys and the values."""
    shown = {k: str(v) for k, v in values.items()}
    w = words("en")
    return {
        "message": w(*_check_path(key), **_filled(w, shown)),
        "hint": w(*_check_path(hint_key), **_filled(w, shown)) if hint_key else None,
        "key": key,
        "hint_key": hint_key,
        "values": tuple(sorted(shown.items())),
    }


def _check_path(key: str) -> tuple[str, ...]:
    # ``cycle`` is ``check/cycle``; ``schema/missing`` names its section
    return tuple(key.split("/")) if "/" in key else ("check", key)


_CHOICES = "\x1f"  # between the items of a ``choices`` value: joined with "or" when worded


def choices(items: list[str]) -> str:
    """A value of a problem that lists alternatives, to read ``'a', 'b' or 'c'``."""
    return _CHOICES.join(items)


def _filled(w: Words, values: dict[str, str]) -> dict[str, str]:
    if _CHOICES not in values.get("choices", ""):
        return values
    *first, last = values["choices"].split(_CHOICES)
    if not first:
        return {**values, "choices": last}
    return {**values, "choices": f"{', '.join(first)} {w('errors', 'or')} {last}"}


class WordedValueError(ValueError):
    """A ``ValueError`` of a model's validator whose message is ``schema/<key>``: a
    problem ``check`` words in either language."""

    def __init__(self, key: str, values: dict[str, str]) -> None:
        super().__init__(words("en")("schema", key, **values))
        self.key, self.values = f"schema/{key}", values


def worded_value(key: str, /, **values: object) -> WordedValueError:
    """The :class:`WordedValueError` ``schema/<key>`` with ``values``."""
    return WordedValueError(key, {k: str(v) for k, v in values.items()})


def _statuses(w: Words, values: dict[str, object]) -> dict[str, object]:
    # a value named ``status`` is a status (``planned``), worded in the message's language
    if "status" not in values:
        return values
    return {**values, "status": w.status(str(values["status"]))}


def _error_path(key: str) -> tuple[str, ...]:
    # ``unknown_view`` is ``errors/unknown_view``; ``files/cannot_write`` names its section
    return tuple(key.split("/")) if "/" in key else ("errors", key)


def worded_error(kind: type[E], key: str, /, **values: object) -> E:
    """An error of ``kind`` whose message is ``errors/<key>`` (or ``<section>/<key>``)
    with ``values``."""
    error = kind(words("en")(*_error_path(key), **_statuses(words("en"), values)))
    error.key, error.values = key, values
    return error


def problem_text(problem: Problem, lang: str) -> str:
    """A problem as one line in ``lang``: where, what, and the hint in brackets."""
    if not (problem.key or problem.hint_key):
        return str(problem)
    w = words(lang_of(lang))
    values = _filled(w, dict(problem.values))
    message = w(*_check_path(problem.key), **values) if problem.key else problem.message
    hint = w(*_check_path(problem.hint_key), **values) if problem.hint_key else problem.hint
    where = problem.file + (f":{problem.line}:{problem.column}" if problem.line else "")
    return f"{where} {problem.pointer or '/'}: {message}" + (f" ({hint})" if hint else "")


def speaks(error: MraGraphError) -> bool:
    """Whether :func:`error_text` words ``error`` in any language (else it is as raised)."""
    if isinstance(error, ModelError):
        return all(p.key for p in error.problems)
    return bool(error.key)


def error_text(error: MraGraphError, lang: str) -> str:
    """The message of ``error`` in ``lang``, where the words layer has it; else as raised."""
    w = words(lang_of(lang))
    if isinstance(error, ModelError):
        count = len(error.problems)
        head = problem_text(error.problems[0], lang) if error.problems else w("errors", "invalid_model")
        return head + (" " + w.counted("errors", "more_problems", n=count - 1) if count > 1 else "")
    if not error.key:
        return str(error)
    values = dict(error.values)
    if isinstance(values.get("close"), tuple):
        values["close"] = f" {w('errors', 'or')} ".join(
            repr(c) for c in cast(tuple[str, ...], values["close"])
        )
    return w(*_error_path(error.key), **_statuses(w, values))
