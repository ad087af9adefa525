"""Writing an export to disk so that a reader never sees half a file or half a folder."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from mra_graph.editing.files import (
    current_umask,
    remove_stale_temporaries,
    temporary_prefix,
    write_atomically,
)
from mra_graph.errors import ExportError
from mra_graph.interchange.losses import Export
from mra_graph.words import worded_error

__all__ = ["write_atomically", "write_export"]


def write_export(export: Export, target: str | os.PathLike[str]) -> list[Path]:
    """Write ``export`` to ``target``: a file for one-file formats, a folder for the others.

    A folder format is written whole or not at all: every file goes into a temporary
    folder beside ``target`` first, which becomes ``target`` in one rename when
    ``target`` is new. An existing folder is swapped for it: the files in it with other
    names are linked into the new folder first (so they stay), the old folder is moved
    aside, the new one takes its name and the old one goes; if the swap fails, the old
    folder is put back. On any failure (a full disk) the temporary folder is removed and
    ``target`` is as it was. Returns the paths written, in order.
    """
    path = Path(target)
    if len(export.files) == 1:
        if path.is_dir():
            path = path / next(iter(export.files))
        write_atomically(path, export.single)
        return [path]
    if path.exists() and not path.is_dir():
        raise worded_error(ExportError, "files/file_not_folder", file=repr(str(path)), format=export.format)
    _write_folder(path, export.files, export.format)
    return [path / name for name in sorted(export.files)]


def _write_folder(path: Path, files: Mapping[str, bytes], fmt: str) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    created = _make_folders(parent, path)
    try:
        remove_stale_temporaries(path)
        temporary = Path(tempfile.mkdtemp(dir=parent, prefix=temporary_prefix(path), suffix=".tmp"))
    except OSError as error:
        _remove_folders(created)
        raise worded_error(
            ExportError, "files/cannot_write_into", folder=repr(str(parent)), reason=error.strerror or error
        ) from error
    try:
        for name, data in sorted(files.items()):
            with open(temporary / name, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        if path.is_dir():
            _swap(path, temporary, files)
        else:
            os.chmod(temporary, 0o777 & ~current_umask())  # as a plain mkdir would make it
            os.rename(temporary, path)
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        _remove_folders(created)
        raise worded_error(
            ExportError,
            "files/cannot_write_folder",
            format=fmt,
            folder=repr(str(path)),
            reason=error.strerror or error,
        ) from error
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        _remove_folders(created)
        raise


def _swap(path: Path, temporary: Path, files: Mapping[str, bytes]) -> None:
    """Put the finished ``temporary`` folder in the place of the existing folder ``path``,
    keeping the entries of ``path`` that the export does not write."""
    for entry in sorted(path.iterdir()):
        if entry.name in files:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, temporary / entry.name, symlinks=True)
        else:
            try:
                os.link(entry, temporary / entry.name, follow_symlinks=False)
            except OSError:
                shutil.copy2(entry, temporary / entry.name, follow_symlinks=False)
    shutil.copymode(path, temporary)
    aside = path.parent / f"{temporary_prefix(path)}old{_TMP}"
    os.rename(path, aside)
    try:
        os.rename(temporary, path)
    except OSError:
        os.rename(aside, path)
        raise
    shutil.rmtree(aside, ignore_errors=True)


_TMP = ".tmp"


def _make_folders(parent: Path, path: Path) -> list[Path]:
    """Create ``parent`` and the folders above it that are missing; return those created, deepest first."""
    missing = [p for p in [parent, *parent.parents] if not p.exists()]
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _remove_folders(missing)
        raise worded_error(
            ExportError, "files/cannot_create_folder", folder=repr(str(path)), reason=error.strerror
        ) from error
    return missing


def _remove_folders(folders: list[Path]) -> None:
    for folder in folders:  # deepest first; only empty ones go
        with contextlib.suppress(OSError):
            folder.rmdir()
