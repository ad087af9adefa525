"""A cache of bundled data files that passed full validation, so that a start skips it.

Building pydantic's validators and running every model rule costs more than answering
a question. After a bundled file (the model, the vocabulary) has passed full validation,
its validated content is stored as plain JSON in the user's cache folder
(``$XDG_CACHE_HOME/mra-graph``, else ``~/.cache/mra-graph``). A later start whose
file has exactly the same bytes (SHA-256), with the same mra-graph source code of the
schema and the rules, builds the objects from that JSON without validating them again.

Only a file whose hash matches one that was fully validated is ever read from the
cache, so an edited or different file is always validated in full. The cache holds
plain JSON, never pickled objects; it is read only from a folder and a file that belong
to the current user and that nobody else can write, and its content must match the
SHA-256 in its first line. Any problem with the cache (missing, stale, corrupt, not
writable, a type it cannot rebuild) silently falls back to full validation.
``MRA_GRAPH_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["CACHE_ENV", "DISABLE_ENV", "FORMAT", "cache_dir", "cached_validation", "enabled"]

DISABLE_ENV = "MRA_GRAPH_NO_CACHE"
CACHE_ENV = "XDG_CACHE_HOME"
FORMAT = 1

# the modules whose code decides what a valid file is and how it is built
_SCHEMA_MODULES = ("model.py", "validation.py", "vocabulary.py", "loading.py", "model_cache.py")

M = TypeVar("M", bound=BaseModel)
_Convert = Callable[[Any], Any] | None


def enabled() -> bool:
    """False when ``MRA_GRAPH_NO_CACHE`` is set to anything but empty or ``0``."""
    return os.environ.get(DISABLE_ENV, "") in ("", "0")


def cache_dir() -> Path:
    """The folder of the cache: ``$XDG_CACHE_HOME/mra-graph`` or ``~/.cache/mra-graph``."""
    base = os.environ.get(CACHE_ENV)
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "mra-graph"


def cached_validation(name: str, raw: bytes, cls: type[M], validate: Callable[[], M], salt: bytes = b"") -> M:
    """``validate()``, or the same object rebuilt from the cache when ``raw`` validated before.

    ``name`` names the cache entry (one per bundled file); ``salt`` is anything else the
    result depends on (e.g. the vocabulary the model is checked against). Errors that
    ``validate`` raises pass through, and nothing is cached then.
    """
    if not enabled():
        return validate()
    try:
        key = _key(name, raw, salt)
        file = cache_dir() / f"{name}.json"
    except (OSError, RuntimeError):
        return validate()
    found = _read(file, key, cls)
    if found is not None:
        return found
    result = validate()
    _write(file, key, result)
    return result


@cache
def _schema_fingerprint() -> bytes:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for module in _SCHEMA_MODULES:
        digest.update((here / module).read_bytes())
    return digest.digest()


def _key(name: str, raw: bytes, salt: bytes) -> str:
    digest = hashlib.sha256(_schema_fingerprint())
    for part in (name.encode(), raw, salt):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _private(path: Path) -> bool:
    """True when ``path`` belongs to this user and no one else may write it."""
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _read(file: Path, key: str, cls: type[M]) -> M | None:
    try:
        if not (_private(file.parent) and _private(file)):
            return None
        head, _, body = file.read_bytes().partition(b"\n")
        header = json.loads(head)
        if header.get("format") != FORMAT or header.get("key") != key:
            return None
        if header.get("sha256") != hashlib.sha256(body).hexdigest():
            return None
        return _construct(cls, json.loads(body))
    except Exception:  # any problem with the cache means: validate in full
        return None


def _write(file: Path, key: str, result: BaseModel) -> None:
    try:
        # rebuilding must give an equal object, or the cache would change answers
        data = result.model_dump(mode="json", exclude_unset=True)
        if _construct(type(result), data) != result:
            return
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
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
    except Exception:  # a cache that cannot be written is only slower
        pass


def _construct(cls: type[M], data: dict[str, Any]) -> M:
    """``cls`` built from its validated JSON form without validating it again.

    What ``model_construct`` does, less its per-object look at every default factory's
    signature (which would cost more than validating).
    """
    values: dict[str, Any] = {}
    for name, convert, factory, default in _plan(cls):
        if name in data:
            value = data[name]
            values[name] = convert(value) if convert is not None else value
        elif factory is not None:
            values[name] = factory()
        elif default is _MISSING:
            raise ValueError(f"{cls.__name__}.{name} is missing")
        else:
            values[name] = default
    if not data.keys() <= values.keys():
        raise ValueError(f"unknown fields for {cls.__name__}")
    result = cls.__new__(cls)
    object.__setattr__(result, "__dict__", values)
    object.__setattr__(result, "__pydantic_fields_set__", set(data))
    object.__setattr__(result, "__pydantic_extra__", None)
    object.__setattr__(result, "__pydantic_private__", None)
    return result


_Step = tuple[str, _Convert, Callable[[], Any] | None, Any]


@cache
def _plan(cls: type[BaseModel]) -> tuple[_Step, ...]:
    """For each field: its name, converter, default factory and default."""
    if cls.__private_attributes__ or cls.model_config.get("extra") == "allow":
        raise TypeError(f"cannot rebuild {cls.__name__}")
    steps: list[_Step] = []
    for name, info in cls.model_fields.items():
        factory = info.default_factory
        if factory is not None and info.default_factory_takes_validated_data:
            raise TypeError(f"cannot rebuild {cls.__name__}.{name}")
        default = info.default
        if factory is None and not isinstance(default, str | int | float | bool | enum.Enum | type(None)):
            # a required field (no default) or a mutable one that would need copying
            default = _MISSING
        steps.append((name, _converter(info.annotation), factory, default))  # type: ignore[arg-type]
    return tuple(steps)


class _Missing:
    pass


_MISSING = _Missing()


def _converter(tp: Any) -> _Convert:
    """How to turn the JSON form of a value of type ``tp`` back into it; None: as it is.

    Raises TypeError for a type it does not know, so that such a schema is never cached.
    """
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return _converter(args[0])
    if origin is typing.Literal or tp in (str, int, float, bool, type(None)):
        return None
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        converters = [_converter(a) for a in members]
        if all(c is None for c in converters):
            return None
        if len(members) != 1:
            raise TypeError(f"cannot rebuild {tp!r}")
        inner = converters[0]
        assert inner is not None
        return lambda v: None if v is None else inner(v)
    if origin is list:
        item = _converter(args[0])
        return None if item is None else (lambda v: [item(x) for x in v])
    if origin is dict:
        if _converter(args[0]) is not None:
            raise TypeError(f"cannot rebuild keys of {tp!r}")
        value = _converter(args[1])
        return None if value is None else (lambda v: {k: value(x) for k, x in v.items()})
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        model: type[BaseModel] = tp
        return lambda v: _construct(model, v)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp
    if tp is dt.date:
        return dt.date.fromisoformat
    raise TypeError(f"cannot rebuild {tp!r}")
