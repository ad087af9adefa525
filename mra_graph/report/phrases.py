"""The report's own words, the ``report`` section of the words layer (:mod:`mra_graph.words`).

Templates read them as ``t.as_of`` or ``t["attributes"]``; besides the ``report``
section they see ``status_words`` and ``attributes``, which the report shares with
every other output.
"""

from __future__ import annotations

from typing import Any

from mra_graph.words import LANGUAGES, Lang, Words, words

__all__ = ["LANGUAGES", "Phrases", "phrases"]


class Phrases:
    """The phrases of one language; ``p("as_of", date=...)`` fills in a template phrase.

    A key that is missing is an error, never an empty string.
    """

    def __init__(self, found: Words) -> None:
        self.lang: Lang = found.lang
        self.words = found
        self._data: dict[str, Any] = {
            **found.section("report"),
            "lang_name": found("language", "name"),
            "as_of": found.data["as_of"],
            "status_words": found.section("status"),
            "attributes": found.section("attributes"),
        }

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
            raise AttributeError(f"no phrase {key!r} in words/{self.lang}.json") from None

    def keys(self) -> list[str]:
        return sorted(self._data)

    def attribute_name(self, key: str) -> str:
        """The name of a node or relation attribute; an unknown one reads as its key."""
        return self.words.attribute(key)

    def status_word(self, status: str) -> str:
        return self.words.status(status)

    def meetings_text(self, per_year: int) -> str:
        forms: dict[str, str] = self._data["meetings_per_year"]
        return forms.get(str(per_year), forms["other"]).format(n=per_year)


def phrases(lang: Lang, source: str = "nl") -> Phrases:
    """The bundled phrases of ``lang``, around model text in ``source`` (the model's
    ``lang``). Raises :class:`ModelError` when they cannot be read."""
    return Phrases(words(lang, source))
