"""Writing a file so that no reader ever sees half of it.

:func:`write_atomically` writes into a temporary file beside the target, flushes it to
the disk, renames it over the target in one step and flushes the folder, so that after
a crash the target holds either the old bytes or the new ones, never a mix. A process
killed outright (``kill -9``) cannot remove its temporary file; whoever next writes the
target under a lock removes it with :func:`remove_stale_temporaries`.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from mra_graph.errors import ExportError

__all__ = ["current_umask", "is_read_only", "remove_stale_temporaries", "write_atomically"]


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, all at once or not at all.

    The temporary file lives in the target's folder (a rename across file systems is
    not atomic); an existing target keeps its permission bits, a new one gets the mode
    a plain ``open()`` would give it. On any failure the temporary file is removed, the
    target is untouched and :class:`~mra_graph.errors.ExportError` says what failed.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_atomically(target, b"klaar")
    >>> target.read_bytes()
    b'klaar'
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ExportError(f"{str(target)!r} is a folder; give a file name to write to")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=_prefix(target), suffix=_SUFFIX)
    except OSError as error:
        raise ExportError(f"cannot write into {str(folder)!r}: {error.strerror or error}") from error
    try:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~current_umask()
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise ExportError(f"cannot write {str(target)!r}: {error.strerror or error}") from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


_SUFFIX = ".tmp"


def _prefix(target: Path) -> str:
    return f".{target.name}."


def remove_stale_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that :func:`write_atomically` left beside ``path`` when it
    was killed before it could clean up; return the ones removed.

    Only safe while no other process writes ``path`` (hold its lock): a temporary file
    of a write in progress would go too. Files of other targets are never touched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(re.escape(_prefix(target)) + r"[^./]+" + re.escape(_SUFFIX))
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in sorted(entries):
        if pattern.fullmatch(entry.name) and not entry.is_dir():
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
                removed.append(entry)
    return removed


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """Whether the file at ``path`` is read-only: no one may write it, or this user may not.

    A missing file is not read-only. (An atomic write replaces the file through its
    folder, so the file's own permissions would not stop it: callers ask first.)
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def _sync_folder(folder: Path) -> None:
    # the rename is durable only once the folder's entry is on disk; some file systems
    # cannot open or sync a folder, and there the rename is as durable as it gets
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set back at once)."""
    current = os.umask(0)
    os.umask(current)
    return current
