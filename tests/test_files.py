"""Atomic writes: the whole file or nothing, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mra_graph.errors import ExportError
from mra_graph.files import is_read_only, remove_stale_temporaries, write_atomically


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


@pytest.mark.parametrize(
    ("mode", "read_only"),
    [(0o644, False), (0o600, False), (0o444, True), (0o400, True), (0o000, True)],
    ids=["rw-r--r--", "rw-------", "r--r--r--", "r--------", "---------"],
)
def test_is_read_only_reads_the_write_bits(tmp_path: Path, mode: int, read_only: bool) -> None:
    target = tmp_path / "m.json"
    target.write_bytes(b"{}")
    os.chmod(target, mode)
    assert is_read_only(target) is read_only


def test_a_missing_file_is_not_read_only(tmp_path: Path) -> None:
    assert is_read_only(tmp_path / "nieuw.json") is False


def test_stale_temporaries_of_the_target_only_are_removed(tmp_path: Path) -> None:
    names = [
        ".m.json.ab12cd_3.tmp",  # left by a killed write of m.json
        ".m.json.x9.tmp",  # another one
        ".m.json.lock",  # the lock file stays
        ".m.json.bak.ab12cd_3.tmp",  # a temporary file of m.json.bak
        ".m.json.ab12cd_3.tmp.keep",
        "m.json",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    removed = remove_stale_temporaries(tmp_path / "m.json")
    assert [p.name for p in removed] == [".m.json.ab12cd_3.tmp", ".m.json.x9.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[2:])
