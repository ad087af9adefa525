"""Line and column of a JSON pointer in the text of a JSON document.

The model is parsed with the fast standard ``json`` module; positions are only needed
when something is wrong, so this module scans the text again on demand.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from json import JSONDecodeError
from json.decoder import scanstring  # type: ignore[attr-defined]  # public but untyped in typeshed

__all__ = ["pointer", "positions"]

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_WORD = re.compile(r"true|false|null|NaN|-?Infinity")
_SPECIAL = re.compile(r'["{}\[\]]')


def pointer(parts: Iterable[str | int]) -> str:
    """Build a JSON pointer (RFC 6901) from path parts.

    >>> pointer(["relations", 12, "a/b~c"])
    '/relations/12/a~1b~0c'
    """
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def positions(text: str, wanted: set[str]) -> dict[str, tuple[int, int]]:
    """Map each wanted JSON pointer to the 1-based (line, column) where its value starts.

    For an object member the position is that of its key, which is where an editor
    should put the cursor. Pointers that do not exist in ``text`` are left out; text
    that is not JSON yields what was found before the first error.
    """
    found: dict[str, int] = {}
    # text that is not JSON yields the positions found before the first error
    with contextlib.suppress(JSONDecodeError, IndexError, ValueError):
        _Scanner(text, wanted, found).value(_skip(text, 0), "")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    result: dict[str, tuple[int, int]] = {}
    for ptr, offset in found.items():
        line = _bisect(line_starts, offset)
        result[ptr] = (line + 1, offset - line_starts[line] + 1)
    return result


def _bisect(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _skip(text: str, index: int) -> int:
    match = _WS.match(text, index)
    return match.end() if match else index


class _Scanner:
    def __init__(self, text: str, wanted: set[str], found: dict[str, int]) -> None:
        self.text = text
        self.wanted = wanted
        # only descend where a wanted pointer lies below
        self.prefixes = {w[:i] for w in wanted for i in range(len(w) + 1) if i == len(w) or w[i] == "/"}
        self.found = found

    def value(self, index: int, path: str) -> int:
        text = self.text
        if path in self.wanted:
            self.found.setdefault(path, index)
        char = text[index]
        if char == "{":
            return self._object(index + 1, path)
        if char == "[":
            return self._array(index + 1, path)
        if char == '"':
            end: int = scanstring(text, index + 1)[1]
            return end
        match = _NUMBER.match(text, index) or _WORD.match(text, index)
        if not match:
            raise ValueError(index)
        return match.end()

    def _object(self, index: int, path: str) -> int:
        text = self.text
        index = _skip(text, index)
        if text[index] == "}":
            return index + 1
        while True:
            key_at = index
            key, index = scanstring(text, index + 1)
            child = path + "/" + key.replace("~", "~0").replace("/", "~1")
            if child in self.wanted:
                self.found.setdefault(child, key_at)
            index = _skip(text, index)
            index = _skip(text, index + 1)  # the colon
            index = _skip(text, self._descend(index, child))
            if text[index] == "}":
                return index + 1
            index = _skip(text, index + 1)  # the comma

    def _array(self, index: int, path: str) -> int:
        text = self.text
        index = _skip(text, index)
        if text[index] == "]":
            return index + 1
        position = 0
        while True:
            index = _skip(text, self._descend(index, f"{path}/{position}"))
            position += 1
            if text[index] == "]":
                return index + 1
            index = _skip(text, index + 1)

    def _descend(self, index: int, path: str) -> int:
        if path in self.prefixes:
            return self.value(index, path)
        return _skip_value(self.text, index)


def _skip_value(text: str, index: int) -> int:
    """Index just past the JSON value starting at ``index``, without building it."""
    char = text[index]
    if char == '"':
        end: int = scanstring(text, index + 1)[1]
        return end
    if char in "{[":
        depth = 0
        i = index
        while True:
            match = _SPECIAL.search(text, i)
            if match is None:
                raise ValueError(index)
            i = match.start()
            c = text[i]
            if c == '"':
                i = scanstring(text, i + 1)[1]
                continue
            depth += 1 if c in "{[" else -1
            i += 1
            if depth == 0:
                return i
    match = _NUMBER.match(text, index) or _WORD.match(text, index)
    if not match:
        raise ValueError(index)
    return match.end()
