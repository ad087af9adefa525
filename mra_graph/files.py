"""Writing output files so that a reader never sees half a file.

:func:`write_atomically` writes to a temporary file in the target's folder, flushes it
to disk (``fsync``) and renames it over the target, so the target holds either its old
content or the whole new content, never a part.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mra_graph.errors import ExportError

__all__ = ["write_atomically"]


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, ``fsync`` and a rename.

    The file gets the permissions a plain ``open()`` would give it. Raises
    :class:`~mra_graph.errors.ExportError` (one line, naming the path) when the folder
    does not exist or cannot be written; the temporary file is removed then.

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
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise ExportError(f"cannot write into {str(folder)!r}: {error.strerror}") from error
    try:
        os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(f"cannot write {str(target)!r}: {error.strerror}") from error
    _sync_folder(folder)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    # the rename is durable only once the folder's entry is on disk; not every
    # platform can open a folder, and losing this sync loses no data already written
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
