"""Atomic writes: the whole file or nothing, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mra_graph.editing.files import write_atomically
from mra_graph.errors import ExportError


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.svg"
    write_atomically(target, b"een")
    write_atomically(str(target), b"twee")
    assert target.read_bytes() == b"twee"
    assert [p.name for p in tmp_path.iterdir()] == ["a.svg"]


def test_gets_the_permissions_of_a_plain_open(tmp_path: Path) -> None:
    target = tmp_path / "a.svg"
    write_atomically(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"^cannot write into '.*nergens': No such file or directory$"):
        write_atomically(tmp_path / "nergens" / "a.svg", b"x")


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        write_atomically(tmp_path, b"x")


def test_a_failure_while_writing_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.svg"
    target.write_bytes(b"oud")

    def broken_fsync(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="No space left on device"):
        write_atomically(target, b"nieuw")
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["a.svg"]
