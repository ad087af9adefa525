"""Writing an export: a folder format is written whole or not at all."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from mra_graph.editing.files import current_umask
from mra_graph.errors import ExportError
from mra_graph.interchange import export_model, write_export
from mra_graph.model.schema import GovernanceModel

Cli = Callable[..., Result]


def _disk_full_after(monkeypatch: pytest.MonkeyPatch, files: int) -> None:
    """Make the disk fill up while the file after the first ``files`` ones is flushed."""
    real = os.fsync
    calls = []

    def fsync(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) > files:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("written", [0, 3, 8], ids=["first-file", "midway", "last-file"])
def test_a_full_disk_leaves_no_folder(
    model: GovernanceModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: int
) -> None:
    export = export_model(model, "csv")
    _disk_full_after(monkeypatch, written)
    with pytest.raises(ExportError) as raised:
        write_export(export, tmp_path / "new" / "csv")
    assert str(raised.value) == (
        f"cannot write the csv folder {str(tmp_path / 'new' / 'csv')!r}: "
        "No space left on device; nothing was written"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_leaves_an_existing_folder_as_it_was(
    model: GovernanceModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "nodes.csv").write_bytes(b"old nodes")
    (folder / "notes.txt").write_bytes(b"mine")
    _disk_full_after(monkeypatch, 4)
    with pytest.raises(ExportError, match="No space left on device; nothing was written"):
        write_export(export_model(model, "csv"), folder)
    assert _tree(tmp_path) == {"csv/nodes.csv": b"old nodes", "csv/notes.txt": b"mine"}


def test_a_new_folder_gets_every_file_and_plain_permissions(model: GovernanceModel, tmp_path: Path) -> None:
    export = export_model(model, "csv")
    written = write_export(export, tmp_path / "csv")
    assert written == [tmp_path / "csv" / name for name in sorted(export.files)]
    assert _tree(tmp_path / "csv") == dict(sorted(export.files.items()))
    assert stat.S_IMODE((tmp_path / "csv").stat().st_mode) == 0o777 & ~current_umask()
    assert [p.name for p in tmp_path.iterdir()] == ["csv"]


def test_an_existing_folder_is_updated_and_keeps_other_files(model: GovernanceModel, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "nodes.csv").write_bytes(b"old nodes")
    (folder / "notes.txt").write_bytes(b"mine")
    export = export_model(model, "csv")
    write_export(export, folder)
    assert _tree(folder) == dict(sorted({**export.files, "notes.txt": b"mine"}.items()))
    assert [p.name for p in tmp_path.iterdir()] == ["csv"]


def test_the_cli_says_so_in_one_line(cli: Cli, tmp_cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _disk_full_after(monkeypatch, 2)
    result = cli("--lang", "en", "export", "csv", "-o", "out")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: cannot write the csv folder 'out': No space left on device; nothing was written\n"
    )
    assert list(tmp_cwd.iterdir()) == []
