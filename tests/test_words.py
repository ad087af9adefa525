"""The words layer: two parallel files and the accessor that reads them."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import mra_graph.words as words_module
from mra_graph.errors import ModelError
from mra_graph.words import LANGUAGES, Lang, lang_of, words


def _leaves(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, f"{path}/{key}")
    else:
        yield path, data


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys() -> None:
    nl, en = dict(_leaves(words("nl").data)), dict(_leaves(words("en").data))
    assert sorted(nl) == sorted(en)


def test_both_languages_fill_in_the_same_blanks() -> None:
    nl, en = dict(_leaves(words("nl").data)), dict(_leaves(words("en").data))
    different = {path: (nl[path], en[path]) for path in nl if _fields(nl[path]) != _fields(en[path])}
    assert not different


def test_no_sentence_is_empty() -> None:
    for lang in LANGUAGES:
        empty = [path for path, text in _leaves(words(lang).data) if not text.strip()]
        assert not empty, lang


@pytest.mark.parametrize(
    ("section", "key", "nl", "en"),
    [
        ("status", "under_consideration", "in overweging", "under consideration"),
        ("modality", "conditional", "voorwaardelijk", "conditional"),
        ("modality", "proposed", "voorgesteld", "proposed"),
        ("modality", "reserved", "voorbehouden", "reserved"),
        ("modality", "possible", "mogelijk", "possible"),
        ("distribution", "one_of", "één van", "one of"),
        ("distribution", "each", "elk", "each"),
        ("glossary", "dagelijks bestuur", "dagelijks bestuur", "executive board"),
        ("glossary", "bestuurlijk", "bestuurlijk", "executive"),
    ],
    ids=lambda v: str(v),
)
def test_words_of_the_model(section: str, key: str, nl: str, en: str) -> None:
    assert (words("nl")(section, key), words("en")(section, key)) == (nl, en)


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (True, "ja", "yes"),
        (False, "nee", "no"),
        (2, "2", "2"),
        (2.5, "2,5", "2.5"),
        (["politiek", "ambtelijk"], "politiek, ambtelijk", "political, civil-service"),
        ("roulerend", "roulerend", "rotating"),
        ("steeds in een andere gemeente", "steeds in een andere gemeente", "«steeds in een andere gemeente»"),
    ],
    ids=["true", "false", "int", "float", "list", "glossary", "untranslated"],
)
def test_attribute_values_read_in_each_language(value: object, nl: str, en: str) -> None:
    assert (words("nl").value(value), words("en").value(value)) == (nl, en)


def test_modality_and_distribution_accessors() -> None:
    assert words("nl").modality("proposed") == "voorgesteld"
    assert words("en").distribution("one_of") == "one of"


def test_attribute_names_and_unknown_keys() -> None:
    assert words("nl").attribute("house_of_the_region") == "huis van de regio"
    assert words("en").attribute("house_of_the_region") == "house of the region"
    assert words("en").attribute("not_a_known_key") == "not a known key"


@pytest.mark.parametrize(
    ("dutch", "english", "lang", "expected"),
    [
        ("raad", "council", "en", "council"),
        ("raad", "council", "nl", "raad"),
        ("raad", None, "en", "«raad»"),
        ("raad", None, "nl", "raad"),
        (None, None, "en", ""),
    ],
    ids=["translated", "dutch", "untranslated", "dutch-only", "nothing"],
)
def test_pick_marks_what_has_no_translation(
    dutch: str | None, english: str | None, lang: str, expected: str
) -> None:
    assert words(lang_of(lang)).pick(dutch, english) == expected


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [("nl", 1, "1 onderdeel"), ("nl", 64, "64 onderdelen"), ("en", 1, "1 node"), ("en", 2, "2 nodes")],
    ids=["nl-one", "nl-many", "en-one", "en-many"],
)
def test_counted_chooses_singular_or_plural(lang: str, n: int, expected: str) -> None:
    assert words(lang_of(lang)).counted("model", "counts", "nodes", n=n) == expected


def test_numbers_and_listings() -> None:
    assert words("nl").number(-1.5, signed=True) == "-1,5"
    assert words("en").number(3.0, signed=True) == "+3"
    assert words("nl").number(0, signed=True) == "0"
    assert words("nl").listing(["a", "b", "c"]) == "a, b en c"
    assert words("en").listing(["a", "b"]) == "a and b"
    assert words("en").listing(["a"]) == "a"


def test_plurals_come_from_the_model_or_the_english_rule() -> None:
    from types import SimpleNamespace

    mayor = SimpleNamespace(
        name="burgemeester", name_en="mayor", name_plural="burgemeesters", name_plural_en="mayors"
    )
    assert words("en").plural_of(mayor) == "mayors"
    assert words("nl").plural_of(mayor) == "burgemeesters"
    alderman = SimpleNamespace(name="wethouder", name_en=None, name_plural=None, name_plural_en=None)
    assert words("en").plural_of(alderman) is None
    assert words("nl").plural_of(alderman) is None
    leader = SimpleNamespace(name="council leader", name_en=None, name_plural=None, name_plural_en=None)
    assert words("en", "en").plural_of(leader) == "council leaders"
    assert words("nl", "en").plural_of(leader) == "«council leaders»"


@pytest.mark.parametrize(
    ("lang", "phrase", "agreed"),
    [
        ("nl", "wordt geïnformeerd door", "worden geïnformeerd door"),
        ("nl", "stuurt aan", "sturen aan"),
        ("en", "is informed by", "are informed by"),
        ("en", "supports", "support"),
        ("en", "liaises with", "liaise with"),
        ("en", "is a member of", "are members of"),
        ("en", "is an observer of", "are observers of"),
        ("en", "is the basis for", "are the basis for"),
        ("nl", "is lid van", "zijn lid van"),
    ],
)
def test_verbs_agree_with_a_plural_subject(lang: Lang, phrase: str, agreed: str) -> None:
    assert words(lang).agree(phrase, plural=True) == agreed
    assert words(lang).agree(phrase, plural=False) == phrase


def test_a_missing_key_or_a_section_is_not_a_sentence() -> None:
    with pytest.raises(KeyError):
        words("nl")("answers", "no_such_sentence")
    with pytest.raises(KeyError, match="not a sentence"):
        words("nl")("status")


def test_lang_of_defaults_to_dutch() -> None:
    assert [lang_of(x) for x in ("en", "nl", "fr", "")] == ["en", "nl", "nl", "nl"]


def test_an_unreadable_words_file_is_a_model_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "nl.json").write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr(words_module, "_FOLDER", tmp_path)
    words.cache_clear()
    try:
        with pytest.raises(ModelError, match=re.escape(str(tmp_path / "nl.json"))):
            words("nl")
    finally:
        monkeypatch.undo()
        words.cache_clear()
    assert words("nl").status("active") == "actief"


def test_same_named_nodes_outside_a_region_are_told_apart_by_their_kind_in_each_language() -> None:
    from mra_graph.model.schema import GovernanceModel

    source = [{"document": "d", "section": "s"}]
    names = {"name": "Stuurgroep", "name_en": "Steering Group", "sources": source}
    model = GovernanceModel.model_validate(
        {
            "title": "t",
            "documents": [{"id": "d", "title": "d", "file": "d.txt", "period": "2020", "sections": ["s"]}],
            "nodes": [
                {"id": "a", "kind": "body", "type": "overleg", **names},
                {"id": "b", "kind": "role", "type": "post", **names},
            ],
            "relations": [],
        }
    )
    assert [model.label("a"), model.label("b")] == ["Stuurgroep (orgaan)", "Stuurgroep (rol of functie)"]
    assert [model.label("a", "en"), model.label("b", "en")] == [
        "Steering Group (body)",
        "Steering Group (role or post)",
    ]
