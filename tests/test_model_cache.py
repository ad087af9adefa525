"""The cache of validated bundled files: used only for the exact bytes that validated."""

from __future__ import annotations

import json
import marshal
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import mra_graph
from mra_graph import ask, loading, startup_cache
from mra_graph.dumping import dump_text
from mra_graph.errors import ModelError
from mra_graph.model import GovernanceModel
from mra_graph.resources import bundled_model_path


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("MRA_GRAPH_NO_CACHE", raising=False)
    return tmp_path / "cache" / "mra-graph"


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts full validations of the bundled model (one entry each)."""
    calls: list[str] = []
    real = loading._load_text

    def counting(raw: bytes | str, file: str, sources_dir: Path | None) -> GovernanceModel:
        calls.append(file)
        return real(raw, file, sources_dir)

    monkeypatch.setattr(loading, "_load_text", counting)
    return calls


@pytest.fixture
def bundled_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled model that ``load()`` reads as the bundled one."""
    copy = tmp_path / "organen.json"
    shutil.copyfile(bundled_model_path(), copy)
    monkeypatch.setattr(loading, "bundled_model_path", lambda: copy)
    return copy


_VALIDATE = loading._load_text


def _fully_validated() -> GovernanceModel:
    return _VALIDATE(bundled_model_path().read_bytes(), "model/organen.json", None)


def test_second_load_comes_from_the_cache(cache_home: Path, validations: list[str]) -> None:
    first = mra_graph.load()
    assert validations == ["model/organen.json"]
    assert (cache_home / "model.cache").is_file()
    second = mra_graph.load()
    assert validations == ["model/organen.json"]  # not validated again
    assert second is not first
    assert second == first


def test_cached_model_equals_the_fully_validated_one(cache_home: Path, validations: list[str]) -> None:
    mra_graph.load()
    cached = mra_graph.load()
    assert len(validations) == 1
    full = _fully_validated()
    assert cached == full
    assert dump_text(cached) == dump_text(full)
    assert cached.model_dump(exclude_unset=True) == full.model_dump(exclude_unset=True)
    assert cached.labels == full.labels
    for mine, theirs in zip(cached.relations, full.relations, strict=True):
        assert mine.model_fields_set == theirs.model_fields_set
        assert type(mine.status) is type(theirs.status)
        assert mine.valid_from == theirs.valid_from


def test_an_edited_file_is_validated_in_full(
    cache_home: Path, validations: list[str], bundled_copy: Path
) -> None:
    mra_graph.load()
    data = json.loads(bundled_copy.read_text(encoding="utf-8"))
    data["relations"][0]["to"] = "no-such-node"
    bundled_copy.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ModelError, match="no-such-node"):
        mra_graph.load()
    assert len(validations) == 2


def test_a_valid_edit_is_validated_and_then_cached(
    cache_home: Path, validations: list[str], bundled_copy: Path
) -> None:
    mra_graph.load()
    data = json.loads(bundled_copy.read_text(encoding="utf-8"))
    data["title"] = "Een andere titel"
    bundled_copy.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert mra_graph.load().title == "Een andere titel"
    assert mra_graph.load().title == "Een andere titel"
    assert len(validations) == 2


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda b: b[:-40] + b"x" + b[-39:], id="changed-content"),
        pytest.param(lambda b: b[: len(b) // 2], id="truncated"),
        pytest.param(lambda b: b"not json at all\n{}", id="garbage"),
        pytest.param(lambda b: b"", id="empty"),
        pytest.param(lambda b: b.replace(b'"format": 2', b'"format": 99', 1), id="other-format"),
    ],
)
def test_a_spoilt_cache_file_falls_back_to_validation(
    cache_home: Path, validations: list[str], spoil: Callable[[bytes], bytes]
) -> None:
    mra_graph.load()
    entry = cache_home / "model.cache"
    entry.write_bytes(spoil(entry.read_bytes()))
    assert mra_graph.load() == _fully_validated()
    assert len(validations) == 2
    # and the entry is whole again afterwards
    assert mra_graph.load() == _fully_validated()
    assert len(validations) == 2


def test_forged_content_with_a_matching_digest_is_still_only_plain_data(
    cache_home: Path, validations: list[str]
) -> None:
    """A cache entry rebuilds only the schema's own classes from plain data: a key the
    schema does not know fails to rebuild and the file is validated instead."""
    mra_graph.load()
    entry = cache_home / "model.cache"
    head, _, body = entry.read_bytes().partition(b"\n")
    data: dict[str, Any] = marshal.loads(body)
    data["nodes"][0]["unexpected"] = {"__class__": "os.system"}
    forged = marshal.dumps(data)
    header = json.loads(head)
    header["sha256"] = startup_cache.hashlib.sha256(forged).hexdigest()
    entry.write_bytes(json.dumps(header).encode() + b"\n" + forged)
    assert mra_graph.load() == _fully_validated()
    assert len(validations) == 2


def test_a_cache_others_can_write_is_not_read(cache_home: Path, validations: list[str]) -> None:
    mra_graph.load()
    entry = cache_home / "model.cache"
    os.chmod(entry, 0o666)
    mra_graph.load()
    assert len(validations) == 2


def test_the_cache_can_be_turned_off(
    cache_home: Path, validations: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MRA_GRAPH_NO_CACHE", "1")
    mra_graph.load()
    mra_graph.load()
    assert len(validations) == 2
    assert not cache_home.exists()


def test_an_unwritable_cache_folder_only_costs_time(
    tmp_path: Path, validations: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.delenv("MRA_GRAPH_NO_CACHE", raising=False)
    assert mra_graph.load() == _fully_validated()
    assert mra_graph.load() == _fully_validated()
    assert len(validations) == 2


def test_a_model_named_on_the_command_line_is_never_cached(cache_home: Path) -> None:
    mra_graph.load(bundled_model_path())
    assert not (cache_home / "model.cache").exists()


def test_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert startup_cache.cache_dir() == tmp_path / "mra-graph"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as the spec says
    assert startup_cache.cache_dir() == Path.home() / ".cache" / "mra-graph"


def test_cached_grammar_equals_the_built_one(cache_home: Path) -> None:
    built = ask._build_grammar()
    first = ask._grammar.__wrapped__()
    assert (cache_home / "grammar.cache").is_file()
    second = ask._grammar.__wrapped__()
    assert first == built
    assert second == built
    assert [p.words for p in second] == [p.words for p in built]
