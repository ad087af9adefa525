"""Writing a file so that no reader ever sees half of it, and nothing else is harmed.

:func:`write_atomically` is the one way every command writes a file:

- a regular file is replaced in one step: the data goes into a temporary file beside it,
  is flushed to the disk and renamed over it, so that after a crash it holds either the
  old bytes or the new ones; the new file keeps the old one's permission bits, owner and
  group, or the write is refused when they cannot be kept;
- a file with more than one hard link is refused: replacing it would split it from its
  other names;
- a symbolic link is followed: the file it points at is written, the link stays;
- a device, FIFO or socket (``/dev/null``, a named pipe) is written to, never replaced;
- a folder is refused.

A temporary file is named after its target and the writing process
(``.NAME.PID-XXXX.tmp``); every write first removes the ones beside its target whose
process is gone (:func:`remove_stale_temporaries`), so a killed command leaves nothing
for long.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from mra_graph.errors import ExportError
from mra_graph.words import worded_error

__all__ = [
    "current_umask",
    "is_read_only",
    "remove_stale_temporaries",
    "temporary_prefix",
    "write_atomically",
]

_SUFFIX = ".tmp"


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``, all at once or not at all (see the module).

    On any failure the temporary file is removed, the target is untouched and
    :class:`~mra_graph.errors.ExportError` says what failed.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_atomically(target, b"klaar")
    >>> target.read_bytes()
    b'klaar'
    """
    target = Path(path)
    shown = str(path)
    info = _lstat(target, shown)
    if info is not None and stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(target))
        info = _lstat(target, shown)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise worded_error(ExportError, "files/is_folder", file=repr(shown))
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(target, shown, data)
        return
    if info is not None and info.st_nlink > 1:
        raise worded_error(ExportError, "files/hard_links", file=repr(shown), n=info.st_nlink)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(target)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=temporary_prefix(target), suffix=_SUFFIX)
    except OSError as error:
        raise worded_error(
            ExportError, "files/cannot_write_into", folder=repr(str(folder)), reason=_reason(error)
        ) from error
    try:
        if info is None:
            os.fchmod(handle, 0o666 & ~current_umask())
        else:
            os.fchmod(handle, stat.S_IMODE(info.st_mode))
            _keep_owner(handle, info, shown)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise worded_error(
            ExportError, "files/cannot_write", file=repr(shown), reason=_reason(error)
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _lstat(target: Path, shown: str) -> os.stat_result | None:
    try:
        return os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise worded_error(
            ExportError, "files/cannot_write", file=repr(shown), reason=_reason(error)
        ) from error


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _write_through(target: Path, shown: str, data: bytes) -> None:
    """Write to a device, FIFO or socket as it is: replacing it would destroy it."""
    try:
        with open(target, "wb") as out:
            out.write(data)
    except OSError as error:
        raise worded_error(
            ExportError, "files/cannot_write", file=repr(shown), reason=_reason(error)
        ) from error


def _keep_owner(handle: int, info: os.stat_result, shown: str) -> None:
    """Give the new file the old one's owner and group, or refuse when that is not allowed."""
    try:
        os.fchown(handle, info.st_uid, info.st_gid)
    except PermissionError:
        raise worded_error(
            ExportError, "files/owner", file=repr(shown), uid=info.st_uid, gid=info.st_gid
        ) from None


def temporary_prefix(target: Path) -> str:
    """The start of the name of a temporary file or folder written for ``target`` by this
    process: ``.NAME.PID-``."""
    return f".{target.name}.{os.getpid()}-"


def remove_stale_temporaries(path: str | os.PathLike[str], locked: bool = False) -> list[Path]:
    """Remove the temporary files and folders that a killed write left beside ``path``;
    return the ones removed.

    A temporary's name holds the id of the process that wrote it; it is stale when that
    process is gone. Holding the target's lock (``locked``), a temporary of the older
    form without a process id is stale too. Files of other targets are never touched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(re.escape(f".{target.name}.") + r"(?:(\d+)-)?[^./]+" + re.escape(_SUFFIX))
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in sorted(entries):
        found = pattern.fullmatch(entry.name)
        if found is None:
            continue
        owner = found.group(1)
        if (owner is None and not locked) or (owner is not None and _alive(int(owner))):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                for inner in entry.iterdir():
                    inner.unlink()
                entry.rmdir()
            else:
                entry.unlink()
            removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    except OverflowError:
        return False
    return True


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
