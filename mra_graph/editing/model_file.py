"""Changing a model file on disk without ever losing an edit or leaving half a file.

:func:`edit_model_file` holds an exclusive lock on a lock file beside the model (so two
``mra-graph`` edits of one file run one after the other, never interleaved), reads and
parses the file, applies a change from :mod:`mra_graph.editing.edits`, validates the changed
model once, checks that no one changed the file since it was read (its SHA-256, for
editors that do not take the lock), and replaces the file atomically with the canonical
text of the new model, written once. A read-only
model file is refused unless the caller allows it, and the temporary files of an edit
that was killed midway are removed by the next one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mra_graph.editing.files import is_read_only, remove_stale_temporaries, write_atomically
from mra_graph.errors import EditError, ModelError, MraGraphError, Problem
from mra_graph.model.loading import load_text, model_vocabulary, parse_json
from mra_graph.words import Lang, Words, words

if TYPE_CHECKING:
    from mra_graph.editing.edits import Draft

__all__ = ["EditResult", "create_model_file", "edit_model_file", "lock_path"]

Change = Callable[["Draft"], object]


@dataclass(frozen=True)
class EditResult:
    """What an edit did: the text before and after, and whether the file was written.

    ``reformatted`` is true when the file was not in the canonical layout before, so
    that the written file differs from the old one in more than the edit; ``outcome``
    is what the change gave (the id of what it added, for one).
    """

    before: str
    after: str
    written: bool
    reformatted: bool
    outcome: object = None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def lock_path(path: Path) -> Path:
    """The lock file of the model at ``path``: a hidden file beside it."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def _locked(path: Path, timeout: float, w: Words) -> Iterator[None]:
    lock = lock_path(path)
    try:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise _error(
            EditError(w("edit", "no_lock", lock=str(lock), reason=error.strerror)), w.lang
        ) from error
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise _error(
                        EditError(w("edit", "no_lock", lock=str(lock), reason=error.strerror)), w.lang
                    ) from error
                if time.monotonic() >= deadline:
                    locked = EditError(w("edit", "locked", file=str(path), lock=str(lock)))
                    raise _error(locked, w.lang) from None
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


# in the canonical layout, an item of one of the model's lists (a node, a relation, ...)
# is the text between a line of four spaces and an opening brace and the next line of
# four spaces and a closing brace; its list's key is on the line before the first item
_ITEM = b"\n    {\n"
_ITEM_END = b"\n    }"
_LIST = re.compile(rb'\n  "([^"\\\n]+)": \[\Z')


def _reformatted(before: bytes, written: bytes) -> bool:
    """Whether the file ``before`` an edit differs from ``written``, the canonical text of
    the edited model, in more than the items the edit changed: whether it was not in
    the canonical layout (keys in the schema's order, no defaults, two-space indentation).

    Decided from the two texts, without writing the model again: outside the span where
    they differ, ``before`` is the canonical text; within it, each item that is not
    also in ``written`` is read, validated and written alone, and must be its own text.
    An edit of the model's own fields (its title), or one that adds or removes a whole
    list, is judged on the whole file.
    """
    if before == written:
        return False
    start, end, shift = _differing(before, written)
    # widened to whole items: from the start of the item where they start to differ
    # to the end of the item where they agree again
    opening = before.rfind(_ITEM, 0, start)
    if opening < 0:
        return _not_canonical(before)  # the model's own fields, or the start of its first list
    first = opening + len(_ITEM)
    closing = before.find(_ITEM, end)
    last = closing if closing >= 0 else len(before)
    # the key of the list the first item is in is on the line before that list's first item
    opened = before.rfind(b'": [' + _ITEM, 0, first)
    line = before.rfind(b'\n  "', 0, opened)
    section = before[line + 4 : opened].decode("utf-8", "replace") if opened > line >= 0 else ""
    close = before.find(_ITEM_END, first)
    if close < 0 or not _canonical_chunk(before[first : close + len(_ITEM_END)], section):
        return True  # where they start to differ, the file is not canonical (a quick answer)
    old = before[first:last].split(_ITEM)
    new = written[first : last + shift].split(_ITEM)
    kept = set(new)
    tails: set[bytes] | None = None
    for chunk in old:
        if chunk not in kept:
            if not _canonical_chunk(chunk, section):
                return True
            cut = chunk.find(_ITEM_END)
            tail = chunk[cut + len(_ITEM_END) :]
            if tail != b",":
                # what follows a list's last item, up to the next list, as written; where
                # it is not, the edit added or removed a list, and the whole file is judged
                if tails is None:
                    gone = set(old)
                    tails = {c[c.find(_ITEM_END) + len(_ITEM_END) :] for c in new if c not in gone}
                if tail not in tails:
                    return _not_canonical(before)
        if b'\n  "' in chunk:
            found = _LIST.search(chunk)
            section = found.group(1).decode() if found else section
    return False


def _differing(before: bytes, after: bytes) -> tuple[int, int, int]:
    """Where ``before`` and ``after`` differ: the end of their common start, the start of
    their common end in ``before``, and how much longer ``after`` is."""
    view = memoryview(after)
    shortest = min(len(before), len(after))
    low, high = 0, shortest  # the common start is at least low and at most high long
    while low < high:
        middle = (low + high + 1) // 2
        if before.startswith(view[low:middle], low):
            low = middle
        else:
            high = middle - 1
    start = low
    shift = len(after) - len(before)
    low, high = 0, shortest - start  # the same for the common end, after the common start
    while low < high:
        middle = (low + high + 1) // 2
        if before.endswith(view[len(after) - middle : len(after) - low], 0, len(before) - low):
            low = middle
        else:
            high = middle - 1
    return start, len(before) - low, shift


def _canonical_chunk(chunk: bytes, section: str) -> bool:
    """Whether the item at the start of ``chunk``, an item of the list ``section`` without
    its opening brace's line, is what the canonical writer writes of it."""
    from pydantic import ValidationError

    from mra_graph.editing.edits import item_class

    cls = item_class(section)
    cut = chunk.find(_ITEM_END)
    if cls is None or cut < 0:
        return False
    text = b"{\n" + chunk[:cut] + _ITEM_END
    try:
        item = cls.model_validate_json(text)
    except ValidationError:
        return False
    canonical: str = item.model_dump_json(indent=2, by_alias=True, exclude_defaults=True)
    return canonical.replace("\n", "\n    ").encode("utf-8") == text


def _not_canonical(raw: bytes) -> bool:
    """Whether ``raw`` is not the canonical text of the model it holds (read and written whole)."""
    if not (raw.startswith(b'{\n  "') and raw.endswith(b"\n}\n")):
        return True  # not laid out as the canonical writer lays out any model: a quick answer
    from pydantic import ValidationError

    from mra_graph.model.loading import _validated, dump_text, paused

    with paused():
        try:
            model = _validated(json.loads(raw))
        except (ValueError, ValidationError):
            return True
        return dump_text(model).encode("utf-8") != raw


def edit_model_file(
    path: str | os.PathLike[str],
    change: Change,
    *,
    dry_run: bool = False,
    lock_timeout: float = 30.0,
    allow_read_only: bool = False,
    lang: Lang = "nl",
) -> EditResult:
    """Apply ``change`` to the model file at ``path`` and write the result in place.

    ``change`` gets a :class:`~mra_graph.editing.edits.Draft` of the file's data and
    changes it (the ``draft_*`` functions of :mod:`mra_graph.editing.edits`); what it
    returns is kept as :attr:`EditResult.outcome`. The changed model is then validated
    once, as a whole, and written in the canonical layout; when it is invalid nothing
    is written and :class:`~mra_graph.errors.ModelError` names each problem (those of
    the file itself, with their lines, when the file was invalid before the edit).
    With ``dry_run`` nothing is written either. Raises
    :class:`~mra_graph.errors.EditError` when the file does not exist (nothing is
    created, not even the lock), the lock cannot be had within ``lock_timeout``
    seconds or the file changed on disk meanwhile, and when the file is read-only (see
    :func:`~mra_graph.editing.files.is_read_only`) unless ``allow_read_only``; a
    read-only file that is changed keeps its permissions.
    """
    from mra_graph.editing.edits import Draft, canonical_bytes, validated

    w = words(lang)
    # a symbolic link is edited where it points, so the link stays a link; the lock is
    # taken beside the file itself, where every editor of it meets
    file = Path(os.path.realpath(path))
    shown = str(path)
    if not file.is_file():
        raise _error(EditError(w("edit", "no_file", file=shown)), lang)
    if not dry_run and not allow_read_only and is_read_only(file):
        raise _error(EditError(w("edit", "read_only", file=shown)), lang)
    vocab = model_vocabulary(path)
    with _locked(file, lock_timeout, w):
        raw = _read(file, shown)
        digest = hashlib.sha256(raw).digest()
        before = _decode(raw, shown)
        data = parse_json(before, shown)
        if not isinstance(data, dict):
            load_text(raw, shown, vocab=vocab)  # says what the file holds instead of a model
        draft = Draft(
            data, shown, lang, original=lambda: load_text(raw, shown, vocab=vocab), vocabulary=vocab
        )
        outcome = change(draft)
        try:
            model = validated(draft)
        except ModelError:
            load_text(raw, shown, vocab=vocab)  # an invalid file is reported as it is, with its lines
            raise
        written = canonical_bytes(model)
        reformatted = _reformatted(raw, written)
        after = written.decode("utf-8")
        if dry_run or written == raw:
            return EditResult(before, after, written=False, reformatted=reformatted, outcome=outcome)
        if hashlib.sha256(_read(file, shown)).digest() != digest:
            raise _error(EditError(w("edit", "changed_meanwhile", file=shown)), lang)
        # holding the lock, no other edit is writing: a temporary file here is a killed one's
        remove_stale_temporaries(file, locked=True)
        write_atomically(file, written)
    return EditResult(before, after, written=True, reformatted=reformatted, outcome=outcome)


def _decode(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        load_text(raw, shown)  # says where
        raise


def _error(error: MraGraphError, lang: Lang) -> MraGraphError:
    error.lang = lang
    return error


def create_model_file(
    path: str | os.PathLike[str],
    title: str,
    *,
    lang: Lang = "nl",
    title_en: str | None = None,
    say: Lang | None = None,
) -> bytes:
    """Write the smallest valid model (see :func:`~mra_graph.editing.edits.new_model`) of
    language ``lang`` to a new file at ``path`` and give its bytes; an existing file is
    refused (in ``say``, by default ``lang``) and left as it is."""
    from mra_graph.editing.edits import Draft, canonical_bytes, new_model, validated

    shown = str(path)
    target = Path(path)
    said = say or lang
    if target.exists() or target.is_symlink():
        raise _error(EditError(words(said)("edit", "exists", file=shown)), said)
    data = canonical_bytes(validated(Draft(new_model(title, lang, title_en), shown, said)))
    write_atomically(target, data)
    return data
