"""Changing a model file on disk without ever losing an edit or leaving half a file.

:func:`edit_model_file` holds an exclusive lock on a lock file beside the model (so two
``mra-graph`` edits of one file run one after the other, never interleaved), reads and
validates the file, applies a change from :mod:`mra_graph.editing.edits`, checks that no one
changed the file since it was read (its SHA-256, for editors that do not take the lock),
and replaces the file atomically with the canonical text of the new model. A read-only
model file is refused unless the caller allows it, and the temporary files of an edit
that was killed midway are removed by the next one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mra_graph.editing.files import is_read_only, remove_stale_temporaries, write_atomically
from mra_graph.errors import EditError, ModelError, Problem
from mra_graph.model.loading import dump_text, load_text, model_vocabulary
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.vocabulary import using

__all__ = ["EditResult", "edit_model_file", "lock_path"]

Change = Callable[[GovernanceModel], GovernanceModel]


@dataclass(frozen=True)
class EditResult:
    """What an edit did: the text before and after, and whether the file was written.

    ``reformatted`` is true when the file was not in the canonical layout before, so
    that the written file differs from the old one in more than the edit.
    """

    before: str
    after: str
    written: bool
    reformatted: bool

    @property
    def changed(self) -> bool:
        return self.before != self.after


def lock_path(path: Path) -> Path:
    """The lock file of the model at ``path``: a hidden file beside it."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def _locked(path: Path, timeout: float) -> Iterator[None]:
    lock = lock_path(path)
    try:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise EditError(f"cannot create the lock file {str(lock)!r}: {error.strerror}") from error
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise EditError(f"cannot lock {str(lock)!r}: {error.strerror}") from error
                if time.monotonic() >= deadline:
                    raise EditError(
                        f"{str(path)!r} is being edited by another process (it holds {str(lock)!r}); "
                        "try again when it is done"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        # closing the descriptor releases the lock; the lock file stays, as removing
        # it would let a waiting editor lock a file that a new one no longer sees
        os.close(descriptor)


def _read(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ModelError([Problem(shown, 0, 0, "", f"cannot read the model: {reason}")]) from error


def edit_model_file(
    path: str | os.PathLike[str],
    change: Change,
    *,
    dry_run: bool = False,
    lock_timeout: float = 30.0,
    allow_read_only: bool = False,
) -> EditResult:
    """Apply ``change`` to the model file at ``path`` and write the result in place.

    The file must hold a valid model; ``change`` gets it and returns the new model (the
    functions of :mod:`mra_graph.editing.edits` raise on anything invalid, and then nothing is
    written). With ``dry_run`` nothing is written either. Raises
    :class:`~mra_graph.errors.EditError` when the lock cannot be had within
    ``lock_timeout`` seconds or the file changed on disk meanwhile, and when the file is
    read-only (see :func:`~mra_graph.editing.files.is_read_only`) unless ``allow_read_only``; a
    read-only file that is changed keeps its permissions.
    """
    # a symbolic link is edited where it points, so the link stays a link; the lock is
    # taken beside the file itself, where every editor of it meets
    file = Path(os.path.realpath(path))
    shown = str(path)
    if not dry_run and not allow_read_only and is_read_only(file):
        raise EditError(
            f"{shown!r} is read-only; nothing was written. Make it writable (chmod u+w) "
            "or give --force to change it anyway"
        )
    with _locked(file, lock_timeout), using(model_vocabulary(path)):
        raw = _read(file, shown)
        digest = hashlib.sha256(raw).digest()
        model = load_text(raw, shown)
        before = raw.decode("utf-8")
        after = dump_text(change(model))
        reformatted = dump_text(model) != before
        if dry_run or after == before:
            return EditResult(before, after, written=False, reformatted=reformatted)
        if hashlib.sha256(_read(file, shown)).digest() != digest:
            raise EditError(
                f"{shown!r} changed on disk while this edit was made; nothing was written. "
                "Run the edit again on the new file"
            )
        # holding the lock, no other edit is writing: a temporary file here is a killed one's
        remove_stale_temporaries(file, locked=True)
        write_atomically(file, after.encode("utf-8"))
    return EditResult(before, after, written=True, reformatted=reformatted)
