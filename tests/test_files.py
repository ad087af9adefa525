"""Atomic writes: the whole file or nothing, with ordinary permissions."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mra_graph.editing.files import is_read_only, remove_stale_temporaries, write_atomically
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
    # without a process id in the name, only a write that holds the lock may remove them
    assert remove_stale_temporaries(tmp_path / "m.json") == []
    removed = remove_stale_temporaries(tmp_path / "m.json", locked=True)
    assert [p.name for p in removed] == [".m.json.ab12cd_3.tmp", ".m.json.x9.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[2:])


def test_a_temporary_of_a_process_that_is_gone_is_removed_by_any_write(tmp_path: Path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(gone.stdout)
    stale = tmp_path / f".out.svg.{dead}-abc.tmp"
    alive = tmp_path / f".out.svg.{os.getpid()}-abc.tmp"  # a write in progress, of this process
    stale.write_bytes(b"half")
    alive.write_bytes(b"half")
    write_atomically(tmp_path / "out.svg", b"<svg/>")
    assert not stale.exists()
    assert alive.exists()
    assert (tmp_path / "out.svg").read_bytes() == b"<svg/>"


def test_a_symbolic_link_is_written_where_it_points_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_fifo_is_written_to_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomically(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_device_is_written_to_never_replaced() -> None:
    before = os.lstat("/dev/null")
    write_atomically("/dev/null", b"nothing")
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_file_with_hard_links_is_refused_and_left_alone(tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    first.write_bytes(b"old")
    os.link(first, tmp_path / "b.json")
    with pytest.raises(ExportError, match="has 2 hard links"):
        write_atomically(first, b"new")
    assert (tmp_path / "b.json").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_a_replaced_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    target = tmp_path / "m.json"
    target.write_bytes(b"old")
    os.chown(target, 4321, 4322)
    write_atomically(target, b"new")
    assert (target.stat().st_uid, target.stat().st_gid) == (4321, 4322)
