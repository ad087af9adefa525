"""What no output can carry is no valid model: control characters, non-characters, text
past its limit, numbers that are no numbers, and source files outside the sources folder."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from mra_graph.errors import ModelError
from mra_graph.model.loading import load_text
from mra_graph.model.values import MAX_ATTRIBUTE, MAX_SHORT_TEXT
from mra_graph.model.vocabulary import bundled_model_path


def _bundled() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("where", "value", "pointer"),
    [
        (("nodes", 0, "name"), "MRA\uffff", "/nodes/0/name"),
        (("nodes", 0, "name"), "MRA\ufdd0", "/nodes/0/name"),
        (("nodes", 0, "name"), "MRA\U0001fffe", "/nodes/0/name"),
        (("nodes", 0, "name"), "MRA\x00", "/nodes/0/name"),
        (("nodes", 0, "name"), "x" * (MAX_SHORT_TEXT + 1), "/nodes/0/name"),
        (("nodes", 0, "description"), "tekst \x1b]0;titel\x07", "/nodes/0/description"),
        (("nodes", 0, "attributes", "note"), "nul\x00 en \x08", "/nodes/0/attributes/note"),
        (("nodes", 0, "attributes", "note"), "\x1b[31mrood", "/nodes/0/attributes/note"),
        (("nodes", 0, "attributes", "note"), "x" * (MAX_ATTRIBUTE + 1), "/nodes/0/attributes/note"),
        (("documents", 0, "file"), "../../../../etc/passwd", "/documents/0/file"),
        (("documents", 0, "file"), "/etc/passwd", "/documents/0/file"),
    ],
    ids=[
        "U+FFFF",
        "U+FDD0",
        "U+1FFFE",
        "NUL",
        "name-too-long",
        "escape-in-description",
        "NUL-BS-in-attribute",
        "escape-in-attribute",
        "attribute-too-long",
        "file-up-and-out",
        "file-absolute",
    ],
)
def test_a_value_no_output_can_carry_is_refused_where_it_is(
    where: tuple[str | int, ...], value: str, pointer: str
) -> None:
    data = _bundled()
    target: Any = data
    for key in where[:-1]:
        target = target.setdefault(key, {}) if isinstance(target, dict) else target[key]
    target[where[-1]] = value
    with pytest.raises(ModelError) as caught:
        load_text(json.dumps(data), "m.json")
    assert any(p.pointer.startswith(pointer) for p in caught.value.problems), caught.value.problems


def test_a_lone_surrogate_is_refused() -> None:
    text = bundled_model_path().read_text(encoding="utf-8").replace('"MRA Bureau"', '"MRA \\ud800Bureau"', 1)
    with pytest.raises(ModelError):
        load_text(text, "m.json")


def test_a_number_that_is_no_number_is_refused_in_any_model_made_in_code() -> None:
    from pydantic import ValidationError

    from mra_graph.model.schema import FigureRow

    with pytest.raises(ValidationError):
        FigureRow.model_validate(
            {
                "id": "r",
                "label": "r",
                "values": {"2016": float("nan")},
                "sources": [{"document": "d", "section": "s"}],
            }
        )


def test_a_source_file_that_links_out_of_the_sources_folder_is_not_read(tmp_path: Path) -> None:
    sources = tmp_path / "bronnen"
    sources.mkdir()
    outside = tmp_path / "geheim.txt"
    outside.write_text("Inleiding Het bureau geheim", encoding="utf-8")
    data = _bundled()
    for document in data["documents"]:
        os.symlink(outside, sources / document["file"])
    with pytest.raises(ModelError) as caught:
        load_text(json.dumps(data), "m.json", sources_dir=sources)
    messages = [p.message for p in caught.value.problems]
    assert any("is no readable file in the sources folder" in m for m in messages)
    # no quote is compared with the file outside: its content cannot be probed
    assert not any("does not appear verbatim" in m for m in messages)


def test_a_device_as_a_source_file_is_not_read(tmp_path: Path) -> None:
    sources = tmp_path / "bronnen"
    sources.mkdir()
    data = _bundled()
    data["documents"][0]["file"] = "nul"
    os.symlink("/dev/zero", sources / "nul")
    with pytest.raises(ModelError) as caught:
        load_text(json.dumps(data), "m.json", sources_dir=sources)
    assert any("'nul' is no readable file in the sources folder" in p.message for p in caught.value.problems)
