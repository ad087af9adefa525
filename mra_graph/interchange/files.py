"""Writing an export to disk so that a reader never sees half a file."""

from __future__ import annotations

import os
from pathlib import Path

from mra_graph.editing.files import write_atomically
from mra_graph.errors import ExportError
from mra_graph.interchange.losses import Export

__all__ = ["write_atomically", "write_export"]


def write_export(export: Export, target: str | os.PathLike[str]) -> list[Path]:
    """Write ``export`` to ``target``: a file for one-file formats, a folder for the others.

    A folder is created when missing; files already in it with other names are left
    alone. Returns the paths written, in order.
    """
    path = Path(target)
    if len(export.files) == 1:
        if path.is_dir():
            path = path / next(iter(export.files))
        write_atomically(path, export.single)
        return [path]
    if path.exists() and not path.is_dir():
        raise ExportError(
            f"{str(path)!r} is a file, and {export.format} writes a folder; give a folder to -o"
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create the folder {str(path)!r}: {error.strerror}") from error
    written = []
    for name, data in sorted(export.files.items()):
        write_atomically(path / name, data)
        written.append(path / name)
    return written
