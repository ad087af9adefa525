"""The report's own words in Dutch and English, read from ``render/report/phrases.<lang>.json``.

Changing a heading or a sentence of the report is an edit to those files; the keys
are the same in both languages (a test checks it).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from mra_graph.errors import ModelError, Problem
from mra_graph.resources import data_file

__all__ = ["LANGUAGES", "Phrases", "phrases"]

LANGUAGES = ("nl", "en")


class Phrases:
    """The phrases of one language; ``p("as_of", date=...)`` fills in a template phrase.

    Templates read them as ``t.as_of`` or ``t["attributes"]``; a key that is missing
    is an error, never an empty string.
    """

    def __init__(self, lang: str, data: dict[str, Any]) -> None:
        self.lang = lang
        self._data = data

    def __call__(self, key: str, **values: Any) -> str:
        text = self._data[key]
        if not isinstance(text, str):
            raise KeyError(f"phrase {key!r} is not a sentence")
        return text.format(**values) if values else text

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._data[key]
        except KeyError:
            raise AttributeError(f"no phrase {key!r} in phrases.{self.lang}.json") from None

    def keys(self) -> list[str]:
        return sorted(self._data)

    def attribute_name(self, key: str) -> str:
        """The name of a node or relation attribute; an unknown one reads as its key."""
        names: dict[str, str] = self._data["attributes"]
        return names.get(key, key.replace("_", " "))

    def status_word(self, status: str) -> str:
        words: dict[str, str] = self._data["status_words"]
        return words[status]

    def meetings_text(self, per_year: int) -> str:
        forms: dict[str, str] = self._data["meetings_per_year"]
        return forms.get(str(per_year), forms["other"]).format(n=per_year)


@cache
def phrases(lang: str) -> Phrases:
    """The bundled phrases of ``lang`` (``nl`` or ``en``). Raises :class:`ModelError`."""
    file = data_file("render", f"report/phrases.{'en' if lang == 'en' else 'nl'}.json")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(
            [Problem(str(file), 0, 0, "", f"the report phrases cannot be read: {error}")]
        ) from error
    return Phrases(lang, data)
