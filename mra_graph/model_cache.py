"""Rebuilding a validated pydantic model from its JSON form without validating it again.

:func:`cached_validation` keeps the validated content of a bundled file (the model, the
vocabulary) in the cache of :mod:`mra_graph.startup_cache`, which is read only for a file
with exactly the bytes that passed full validation before, under the same schema code.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from mra_graph.startup_cache import cached

__all__ = ["cached_validation"]

# the modules whose code decides what a valid file is and how it is rebuilt
_SCHEMA_MODULES = ("model.py", "validation.py", "vocabulary.py", "loading.py", "model_cache.py")

M = TypeVar("M", bound=BaseModel)
_Convert = Callable[[Any], Any] | None


def cached_validation(name: str, raw: bytes, cls: type[M], validate: Callable[[], M], salt: bytes = b"") -> M:
    """``validate()``, or the same object rebuilt from the cache when ``raw`` validated before.

    ``name`` names the cache entry (one per bundled file); ``salt`` is anything else the
    result depends on (e.g. the vocabulary the model is checked against). Errors that
    ``validate`` raises pass through, and nothing is cached then.
    """
    return cached(
        name,
        (raw, salt),
        _SCHEMA_MODULES,
        validate,
        lambda result: result.model_dump(mode="json", exclude_unset=True),
        lambda data: _construct(cls, data),
    )


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
        # (asking a builtin factory whether it takes the data would parse its signature)
        if factory not in (None, list, dict) and info.default_factory_takes_validated_data:
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
