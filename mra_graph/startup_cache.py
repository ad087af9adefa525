"""A cache of results computed from bundled files, kept as plain data between runs.

Validating the bundled model and building the question grammar cost more than answering
a question. Once computed, such a result is stored as plain data (dicts, lists, tuples,
strings, numbers, in :mod:`marshal` format, which reads back several times faster than
JSON) in the user's cache folder (``$XDG_CACHE_HOME/mra-graph``, else
``~/.cache/mra-graph``) under a key: the SHA-256 of the input files' bytes and of the
mra-graph source code that computes the result, and the Python version. A later run with
the same key rebuilds the result from that data instead of computing it.

An edited input file or changed code gives another key, so the result is computed (and
validated) in full again. The cache never holds pickled objects, and its data is only
turned back into objects of the schema (anything else fails and falls back). A file is
read only from a folder and a file that belong to the current user and that no one else
can write, and its content is unmarshalled only after it matched the SHA-256 in its first
line. Any problem with the cache (missing, stale, corrupt, not writable, a result that
does not rebuild equal) silently falls back to computing. ``MRA_GRAPH_NO_CACHE=1`` turns
the cache off.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from mra_graph.collector import paused

__all__ = ["CACHE_ENV", "DISABLE_ENV", "FORMAT", "cache_dir", "cached", "enabled"]

DISABLE_ENV = "MRA_GRAPH_NO_CACHE"
CACHE_ENV = "XDG_CACHE_HOME"
FORMAT = 2

T = TypeVar("T")


def enabled() -> bool:
    """False when ``MRA_GRAPH_NO_CACHE`` is set to anything but empty or ``0``."""
    return os.environ.get(DISABLE_ENV, "") in ("", "0")


def cache_dir() -> Path:
    """The folder of the cache: ``$XDG_CACHE_HOME/mra-graph`` or ``~/.cache/mra-graph``."""
    base = os.environ.get(CACHE_ENV)
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "mra-graph"


def cached(
    name: str,
    inputs: Sequence[bytes],
    code: Sequence[str],
    compute: Callable[[], T],
    to_data: Callable[[T], Any],
    from_data: Callable[[Any], T],
) -> T:
    """``compute()``, or its result rebuilt from the cache when nothing it depends on changed.

    ``name`` names the cache entry (one per result: a new key replaces the old entry);
    ``inputs`` are the bytes of every file the result is computed from; ``code`` names
    the modules of this package whose source decides it. ``to_data`` turns a result into
    plain data (what JSON can hold, and tuples) and ``from_data`` back; a result that
    does not come back equal is not cached. Errors that ``compute`` raises pass through,
    and nothing is cached then.
    """
    if not enabled():
        return compute()
    try:
        key = _key(name, inputs, code)
        file = cache_dir() / f"{name}.cache"
    except (OSError, RuntimeError):
        return compute()
    try:
        # thousands of new containers and no cycles: the cyclic collector would only
        # walk them again and again
        with paused():
            found = _read(file, key)
            if found is not None:
                return from_data(found)
    except Exception:  # any problem with the cache means: compute in full
        pass
    result = compute()
    try:
        data = to_data(result)
        if from_data(data) == result:
            _write(file, key, data)
    except Exception:  # a cache that cannot be written is only slower
        pass
    return result


@cache
def _code_digest(modules: tuple[str, ...]) -> bytes:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"format {FORMAT} python {sys.version} marshal {marshal.version}".encode())
    for module in (*modules, "startup_cache.py"):
        source = (here / module).read_bytes()
        digest.update(len(source).to_bytes(8, "big") + source)
    return digest.digest()


def _key(name: str, inputs: Sequence[bytes], code: Sequence[str]) -> str:
    digest = hashlib.sha256(_code_digest(tuple(code)))
    for part in (name.encode(), *inputs):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _private(path: Path) -> bool:
    """True when ``path`` belongs to this user and no one else may write it."""
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _read(file: Path, key: str) -> Any:
    """The data stored under ``key``, or None."""
    if not (_private(file.parent) and _private(file)):
        return None
    head, _, body = file.read_bytes().partition(b"\n")
    header = json.loads(head)
    if header.get("format") != FORMAT or header.get("key") != key:
        return None
    if header.get("sha256") != hashlib.sha256(body).hexdigest():
        return None
    return marshal.loads(body)


def _write(file: Path, key: str, data: Any) -> None:
    body = marshal.dumps(data)
    header = {"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(file.parent):
        return
    descriptor, temp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.")
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(json.dumps(header).encode() + b"\n" + body)
        os.replace(temp, file)
    except BaseException:
        os.unlink(temp)
        raise
