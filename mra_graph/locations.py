"""Where things are in the text of a JSON document: one scan that every error message uses.

The model is parsed with the fast standard ``json`` module, which gives no positions
inside a document that parsed. Positions are only needed when something is wrong, so
:func:`values` walks the text again on demand, one value after the other in document
order, and :func:`positions`, :func:`first_repeated_key`, :func:`first_constant` and
:func:`first_too_deep` each read what they need from that walk.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from json.decoder import scanstring  # type: ignore[attr-defined]  # public but untyped in typeshed
from typing import NamedTuple

__all__ = [
    "Value",
    "first_constant",
    "first_repeated_key",
    "first_too_deep",
    "line_column",
    "pointer",
    "positions",
    "values",
]

# one token: a string, a bracket or brace, or a number or word (the search steps over
# white space, commas and colons, which say nothing a position needs)
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[{}\[\]]|[^\s{}\[\],:"]+', re.S)
_CONSTANTS = frozenset({"NaN", "Infinity", "-Infinity"})


class Value(NamedTuple):
    """One value of a JSON document, as :func:`values` finds it.

    ``pointer`` is its JSON pointer; ``start`` the offset of its first character;
    ``key_start`` that of its key when it is an object member (else ``start``);
    ``depth`` the number of objects and arrays around it; ``token`` its first token:
    ``{``, ``[``, a whole string literal, a number or a word (``true``, ``NaN``).
    """

    pointer: str
    start: int
    key_start: int
    depth: int
    token: str


def pointer(parts: Iterable[str | int]) -> str:
    """Build a JSON pointer (RFC 6901) from path parts.

    >>> pointer(["relations", 12, "a/b~c"])
    '/relations/12/a~1b~0c'
    """
    return "".join("/" + _escape(str(p)) for p in parts)


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


class _Open:
    """An object or array the walk is inside: its pointer and the next member's name."""

    __slots__ = ("index", "key", "key_start", "pointer")

    def __init__(self, pointer: str, is_object: bool) -> None:
        self.pointer = pointer
        # an array counts its items; an object waits for a key (None) before each value
        self.index: int | None = None if is_object else 0
        self.key: str | None = None
        self.key_start = 0


def values(text: str) -> Iterator[Value]:
    """Every value of the JSON document ``text``, in document order, containers first.

    Text that is not JSON yields what can be made of it up to where it stops making
    sense; the walk never raises.

    >>> [(v.pointer, v.start, v.key_start) for v in values('{"a": [1, {"b~": 2}]}')]
    [('', 0, 0), ('/a', 6, 1), ('/a/0', 7, 7), ('/a/1', 10, 10), ('/a/1/b~0', 17, 11)]
    """
    stack: list[_Open] = []
    for found in _TOKEN.finditer(text):
        token = found.group()
        start = found.start()
        first = token[0]
        if first in "}]":
            if not stack:
                return
            stack.pop()
            continue
        inside = stack[-1] if stack else None
        if inside is None:
            path, key_start = "", start
        elif inside.index is not None:
            path, key_start = f"{inside.pointer}/{inside.index}", start
            inside.index += 1
        elif inside.key is None:
            if first != '"':
                return
            try:
                inside.key = scanstring(text, start + 1)[0]
            except ValueError:
                return
            inside.key_start = start
            continue
        else:
            path, key_start = f"{inside.pointer}/{_escape(inside.key)}", inside.key_start
            inside.key = None
        yield Value(path, start, key_start, len(stack), token)
        if first in "{[":
            stack.append(_Open(path, first == "{"))


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def positions(text: str, wanted: set[str]) -> dict[str, tuple[int, int]]:
    """Map each wanted JSON pointer to the 1-based (line, column) where its value starts.

    For an object member the position is that of its key, which is where an editor
    should put the cursor. Pointers that do not exist in ``text`` are left out; text
    that is not JSON yields what was found before the first error.
    """
    found: dict[str, int] = {}
    for value in values(text):
        if value.pointer in wanted and value.pointer not in found:
            found[value.pointer] = value.key_start
            if len(found) == len(wanted):
                break
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    result: dict[str, tuple[int, int]] = {}
    for ptr, offset in found.items():
        line = bisect.bisect_right(line_starts, offset) - 1
        result[ptr] = (line + 1, offset - line_starts[line] + 1)
    return result


def first_repeated_key(text: str) -> tuple[int, int]:
    """Line and column of the first key that repeats one of its object; (0, 0) if none."""
    seen: set[str] = set()
    for value in values(text):
        if value.pointer in seen:
            return line_column(text, value.key_start)
        seen.add(value.pointer)
    return 0, 0


def first_constant(text: str) -> tuple[int, int]:
    """Line and column of the first ``NaN``, ``Infinity`` or ``-Infinity``; (0, 0) if none."""
    for value in values(text):
        if value.token in _CONSTANTS:
            return line_column(text, value.start)
    return 0, 0


def first_too_deep(text: str, limit: int) -> tuple[int, int]:
    """Line and column of the first object or array nested more than ``limit`` deep."""
    for value in values(text):
        if value.depth >= limit and value.token in ("{", "["):
            return line_column(text, value.start)
    return 0, 0
