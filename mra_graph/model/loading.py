"""From a model file to a validated :class:`~mra_graph.model.schema.GovernanceModel`.

Every problem is reported with the file, line:column and JSON pointer where it is,
and all problems are reported at once: :class:`~mra_graph.errors.ModelError` carries
the full list.

Also here, the way back: :func:`dump_text` writes a model in one canonical layout
(keys in schema order, defaults omitted, two-space indentation, UTF-8 text rather than
escapes, a final newline), so version control shows only what an edit changed, and
:func:`in_id_order` gives every output one order whatever the order of the file.
Loading a canonical file and dumping it gives the same bytes.

While a large model or its graph is built, :func:`paused` holds off Python's cyclic
garbage collector: building makes millions of small objects and no reference cycles,
and the collector walking the young ones every few hundred allocations makes building
a national model several times slower. Reference counting still frees what is dropped.
The command line runs within :func:`keeping`, which freezes what each paused block built
(:func:`gc.freeze`) before the collector is back, so that no collection walks it (at
10^5 relations, the first collection after loading walked the whole model, 0.25 s); the
library alone does not, as freezing is a change to the whole process it runs in.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gc
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from mra_graph.errors import ModelError, Problem
from mra_graph.model.locations import first_constant, first_repeated_key, first_too_deep, pointer, positions
from mra_graph.model.schema import GovernanceModel, Node, Relation, Source
from mra_graph.model.validation import Finding, validate
from mra_graph.model.vocabulary import Vocabulary, VocabularyExtension, bundled_model_path, vocabulary
from mra_graph.words import WordedValueError, choices, worded

__all__ = [
    "dump_text",
    "in_id_order",
    "keeping",
    "load",
    "load_text",
    "model_vocabulary",
    "parse_json",
    "paused",
    "sources_dir_from_env",
    "vocabulary_file_for",
]

SOURCES_ENV = "MRA_GRAPH_SOURCES"


def load(path: str | os.PathLike[str] | None = None, *, sources_dir: Path | None = None) -> GovernanceModel:
    """Read, parse and validate a model file; the bundled model when ``path`` is None.

    When ``sources_dir`` (or the ``MRA_GRAPH_SOURCES`` environment variable) names the
    folder holding the source documents, every quote is also checked against them.
    Raises :class:`~mra_graph.errors.ModelError` listing every problem found.

    >>> model = load()
    >>> model.nodes_by_id["mra-bureau"].name
    'MRA Bureau'
    """
    file = Path(path) if path is not None else bundled_model_path()
    shown = str(path) if path is not None else "model/organen.json"
    raw: bytes | None = _read_model(file, shown)
    vocab = model_vocabulary(path)

    def read() -> bytes:
        # the bytes are handed over, not kept here while the model is built (37 MB at
        # 10^5 relations); the file is read again only to locate a problem
        nonlocal raw
        if raw is None:
            return _read_model(file, shown)
        given, raw = raw, None
        return given

    return _load(read, shown, sources_dir or sources_dir_from_env(), vocab)


def _read_model(file: Path, shown: str) -> bytes:
    try:
        return file.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ModelError(
            [Problem(shown, 0, 0, "", **worded("schema/cannot_read_model", reason=reason))]
        ) from error


def vocabulary_file_for(model_path: str | os.PathLike[str] | None) -> Path:
    """Where the vocabulary file of a model file would be: ``NAME.vocabulary.json``
    beside ``NAME.json`` (beside the bundled model when ``model_path`` is None)."""
    path = Path(model_path) if model_path is not None else bundled_model_path()
    return path.with_name(f"{path.stem}.vocabulary.json")


def model_vocabulary(model_path: str | os.PathLike[str] | None = None) -> Vocabulary:
    """The vocabulary of the model file ``model_path``: the bundled one, with the additions
    of the model's own vocabulary file where it has one (:class:`VocabularyExtension`).

    Raises :class:`ModelError` naming the file, line and JSON path of what is wrong there.
    """
    file = vocabulary_file_for(model_path)
    if not file.is_file():
        return vocabulary()
    try:
        text = _decode(file.read_bytes(), str(file))
    except OSError as error:
        reason = error.strerror or str(error)
        raise ModelError(
            [Problem(str(file), 0, 0, "", **worded("schema/cannot_read_vocabulary", reason=reason))]
        ) from error
    return _extended(text, str(file))


@functools.cache
def _extended(text: str, file: str) -> Vocabulary:
    # one vocabulary per text, so that what is built from a vocabulary (the question
    # lexicon) is built once however often the model is read
    data = parse_json(text, file)
    bundled = vocabulary()
    try:
        extension = VocabularyExtension.model_validate(data)
    except ValidationError as error:
        findings = [_finding(e, data) for e in error.errors(include_url=False)]
        raise ModelError(_locate(text, file, findings)) from error
    clashes = [Finding(path, message) for path, message in extension.clashes(bundled)]
    if clashes:
        raise ModelError(_locate(text, file, clashes))
    try:
        return extension.onto(bundled)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise ModelError([Problem(file, 0, 0, "", first["msg"])]) from error


def sources_dir_from_env() -> Path | None:
    value = os.environ.get(SOURCES_ENV)
    return Path(value) if value else None


def load_text(
    raw: bytes | str,
    file: str = "<model>",
    *,
    sources_dir: Path | None = None,
    vocab: Vocabulary | None = None,
) -> GovernanceModel:
    """Validate a model given as bytes or text; ``file`` names it in error messages.
    ``vocab`` is the vocabulary it is read with (the bundled one when None)."""
    return _load(lambda: raw, file, sources_dir, vocab or vocabulary())


def _load(
    read: Callable[[], bytes | str], file: str, sources_dir: Path | None, vocab: Vocabulary
) -> GovernanceModel:
    with paused():
        return _load_text(read, file, sources_dir, vocab)


def _load_text(
    read: Callable[[], bytes | str], file: str, sources_dir: Path | None, vocab: Vocabulary
) -> GovernanceModel:
    # the text is dropped once parsed (a second copy of the file while the model is
    # built) and read and decoded again only to locate what is wrong
    data = _parsed(read(), file)
    try:
        model = _validated(data)
    except ValidationError as error:
        findings = [_finding(e, data) for e in error.errors(include_url=False)]
        raise ModelError(_locate(_decode(read(), file), file, findings)) from error
    model._vocabulary = vocab  # before validating: the checks read the model's vocabulary
    findings = validate(model, sources_dir=sources_dir)
    if findings:
        raise ModelError(_locate(_decode(read(), file), file, findings))
    return model


def _parsed(raw: bytes | str, file: str) -> Any:
    return parse_json(_decode(raw, file), file)


# how many nodes or relations are validated at a time (see _validated)
_BATCH = 2_000


def _validated(data: Any) -> GovernanceModel:
    """``data`` as a model, validated by pydantic: :meth:`GovernanceModel.model_validate`,
    which raises the same errors.

    Long lists of nodes and relations are validated a batch at a time first, each batch's
    parsed objects replaced by the validated ones: so the parsed data and the model do
    not both stay whole in memory. A list whose batches all pass is set aside and put
    into the model validated without it (the model's own validation would run the
    after-validators of every node and relation a second time); where a batch has an
    error, its parsed objects stay and the model's validation reports the error.
    """
    validated: dict[str, list[Any]] = {}
    shared: dict[tuple[str, str, str | None], Source] = {}
    if isinstance(data, dict):
        for key, cls in (("nodes", Node), ("relations", Relation)):
            items = data.get(key)
            if not isinstance(items, list) or len(items) <= _BATCH:
                continue
            batch = _batch_of(cls)
            failed = False
            for start in range(0, len(items), _BATCH):
                part = items[start : start + _BATCH]
                _share_sources(part, shared)
                try:
                    items[start : start + _BATCH] = batch.validate_python(part)
                except ValidationError:
                    failed = True
            if not failed:
                validated[key], data[key] = items, []
    model = GovernanceModel.model_validate(data)
    return model.with_lists(**validated) if validated else model


def _share_sources(items: list[Any], shared: dict[tuple[str, str, str | None], Source]) -> None:
    """Give the parsed ``items`` one validated :class:`Source` for each citation they
    share with others (the same document, section and quote), in place of its objects.

    Many facts cite the same section (half the bundled model's citations, all but a few
    dozen of a synthetic national model's): each is validated and held once, not once
    per fact. A citation that is not plainly of the right form, or fails validation,
    stays as it is, for the validation of its fact to report where it is.
    """
    places: list[tuple[list[Any], int, tuple[str, str, str | None]]] = []
    new: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for item in items:
        sources = item.get("sources") if type(item) is dict else None
        if type(sources) is not list:
            continue
        for j, source in enumerate(sources):
            if type(source) is not dict:
                continue
            document, section, quote = source.get("document"), source.get("section"), source.get("quote")
            if (
                type(document) is str
                and type(section) is str
                and (quote is None or type(quote) is str)
                and len(source) == (2 if quote is None else 3)  # no other keys
            ):
                key = (document, section, quote)
                places.append((sources, j, key))
                if key not in shared:
                    new.setdefault(key, source)
    if new:
        try:
            shared.update(zip(new, _batch_of(Source).validate_python(list(new.values())), strict=True))
        except ValidationError:
            return
    for sources, j, key in places:
        sources[j] = shared[key]


@functools.cache
def _batch_of(cls: type[Node] | type[Relation] | type[Source]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[cls])  # type: ignore[valid-type]


def _decode(raw: bytes | str, file: str) -> str:
    if isinstance(raw, str):
        text = raw
    else:
        if raw.startswith(b"\xef\xbb\xbf"):
            raise ModelError([Problem(file, 1, 1, "", **worded("schema/bom", "schema/bom_hint"))])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            before = raw[: error.start]
            line = before.count(b"\n") + 1
            column = error.start - (before.rfind(b"\n") + 1) + 1
            raise ModelError(
                [
                    Problem(
                        file,
                        line,
                        column,
                        "",
                        **worded("schema/not_utf8", "schema/utf8_hint", byte=f"{raw[error.start]:02x}"),
                    )
                ]
            ) from error
    if text.startswith("\ufeff"):
        raise ModelError([Problem(file, 1, 1, "", **worded("schema/bom", "schema/bom_hint_short"))])
    if not text.strip():
        raise ModelError([Problem(file, 0, 0, "", **worded("schema/empty", "schema/empty_hint"))])
    return text


class _NotStrictJson(ValueError):
    def __init__(self, words_key: str, /, **values: str) -> None:
        super().__init__(words_key)
        self.what = (words_key,)
        self.values = values


def _reject_constant(name: str) -> float:
    raise _NotStrictJson("schema/not_strict_json", name=name)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _NotStrictJson("schema/duplicate_key", key=repr(key))
            seen.add(key)
    return result


def parse_json(text: str, file: str = "<model>") -> Any:
    """Parse strict JSON: no NaN or Infinity, no duplicate keys. Raises ModelError."""
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise ModelError(
            [Problem(file, error.lineno, error.colno, "", **worded("schema/not_json", error=error.msg))]
        ) from error
    except _NotStrictJson as error:
        find = first_repeated_key if error.what[0].endswith("duplicate_key") else first_constant
        line, column = find(text)
        raise ModelError([Problem(file, line, column, "", **worded(*error.what, **error.values))]) from error
    except RecursionError as error:
        line, column = first_too_deep(text, _DEPTH)
        raise ModelError(
            [Problem(file, line, column, "", **worded("schema/too_deep", depth=_DEPTH))]
        ) from error


# a model nests at most six levels; this many cannot be a model and is reported where
# it starts when the parser gives up on an even deeper file
_DEPTH = 100


# pydantic's error types a model file commonly meets, worded in the words layer's
# ``schema`` section (in English as pydantic says them) with their context's values
_SCHEMA_TYPES = frozenset(
    {
        "string_type", "int_type", "int_parsing", "int_from_float", "float_type", "float_parsing",
        "bool_type", "bool_parsing", "date_type", "date_parsing", "date_from_datetime_parsing",
        "list_type", "dict_type", "model_type", "enum", "literal_error", "string_too_short",
        "string_too_long", "too_short", "too_long", "greater_than", "less_than_equal",
    }
)  # fmt: skip


def _finding(error: ErrorDetails, data: Any) -> Finding:
    loc = list(error["loc"])
    kind = error["type"]
    key = loc[-1] if loc else ""
    context = {k: str(v) for k, v in (error.get("ctx") or {}).items()}
    # pydantic reports dict keys that fail validation with a '[key]' suffix part
    path = tuple(p for p in loc if not (isinstance(p, str) and p == "[key]"))
    if kind == "missing":
        return Finding(path, **worded("schema/missing", key=repr(key)))
    if kind == "extra_forbidden":
        close = _did_you_mean_key(str(key), loc[:-1], data)
        return Finding(
            path, **worded("schema/unknown_key", "did_you_mean" if close else "", key=repr(key), close=close)
        )
    shown = _shown(error["input"])
    if kind == "string_pattern_mismatch":
        pattern = context.get("pattern", "")
        if pattern.startswith("^[a-z0-9]"):
            return Finding(path, **worded("schema/not_id", "schema/id_hint", input=shown))
        found = "schema/not_year" if pattern.startswith("^\\d{4}") else "schema/control_character"
        return Finding(path, **worded(found, input=shown))
    if kind == "greater_than_equal":
        return Finding(path, **worded("schema/negative", input=shown))
    if kind == "model_type" and not loc:
        return Finding(path, **worded("schema/not_object", type=type(error["input"]).__name__))
    if kind == "value_error":
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, WordedValueError):
            return Finding(path, **worded(cause.key, **cause.values))
        return Finding(path, error["msg"].removeprefix("Value error, "))
    if kind in _SCHEMA_TYPES:
        if "expected" in context:
            context["choices"] = choices(re.split(r", | or ", context.pop("expected")))
        return Finding(path, **worded(f"schema/{kind}", input=shown, **context))
    message = error["msg"][0].lower() + error["msg"][1:]
    if not isinstance(error["input"], dict | list):
        message += f", got {shown}"
    return Finding(path, message)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _did_you_mean_key(key: str, parent: list[int | str], data: Any) -> str | None:
    import difflib

    allowed = _allowed_keys(parent, data)
    close = difflib.get_close_matches(key, allowed, n=1)
    return repr(close[0]) if close else None


def _allowed_keys(parent: list[int | str], data: Any) -> list[str]:
    from mra_graph.model import schema

    top: dict[str, type[BaseModel]] = {
        "documents": schema.Document,
        "regions": schema.Region,
        "nodes": schema.Node,
        "relations": schema.Relation,
        "figures": schema.FigureTable,
        "conflicts": schema.Conflict,
    }
    cls: type[BaseModel] = schema.GovernanceModel
    if parent and parent[0] in top:
        cls = top[str(parent[0])]
        if parent[-1] == "sources" or (len(parent) >= 2 and parent[-2] == "sources"):
            cls = schema.Source
        elif "rows" in parent:
            cls = schema.FigureRow
        elif "claims" in parent:
            cls = schema.Claim
    return [f.alias or name for name, f in cls.model_fields.items()]


def _locate(text: str, file: str, findings: Iterable[Finding]) -> list[Problem]:
    found = list(findings)
    pointers = {pointer(f.path) for f in found}
    # a missing key has no position of its own: point at the object that lacks it
    parents = {pointer(f.path[:-1]) for f in found}
    where = positions(text, pointers | parents)
    problems = []
    for f in found:
        ptr = pointer(f.path)
        line, column = where.get(ptr) or where.get(pointer(f.path[:-1])) or (0, 0)
        problems.append(Problem(file, line, column, ptr, f.message, f.hint, f.key, f.hint_key, f.values))
    return sorted(set(problems))


def dump_text(model: GovernanceModel) -> str:
    """The canonical text of ``model``'s file.

    Written by pydantic's serializer: what ``json.dumps(data, ensure_ascii=False,
    indent=2)`` writes of the model's data, several times faster, except that a number
    below 10⁻⁴ is written ``1e-7`` where the json module writes ``1e-07``.
    """
    return model.model_dump_json(indent=2, by_alias=True, exclude_defaults=True) + "\n"


def in_id_order(model: GovernanceModel) -> GovernanceModel:
    """``model`` with its documents, regions, nodes, relations, figure tables and conflicts by id.

    >>> from mra_graph import load
    >>> ids = [n.id for n in in_id_order(load()).nodes]
    >>> ids == sorted(ids)
    True
    """
    return model.with_lists(
        documents=sorted(model.documents, key=lambda d: d.id),
        regions=sorted(model.regions, key=lambda r: r.id),
        nodes=sorted(model.nodes, key=lambda n: n.id),
        relations=sorted(model.relations, key=lambda r: r.id),
        figures=sorted(model.figures, key=lambda f: f.id),
        conflicts=sorted(model.conflicts, key=lambda c: c.id),
    )


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, then restore the collector as it was;
    within :func:`keeping`, freeze what the block built first.

    >>> import gc
    >>> with paused():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if _KEEPING.get():
                gc.freeze()
            gc.enable()


_KEEPING: contextvars.ContextVar[bool] = contextvars.ContextVar("keeping", default=False)


@contextlib.contextmanager
def keeping() -> Iterator[None]:
    """Within the block, what a :func:`paused` block built is frozen (:func:`gc.freeze`)
    as that block ends: for a program that keeps what it builds until it ends.

    The collector counts every object made while it was off; back on, its next
    collection of the young objects would walk all of them, the whole model (a quarter of
    a second at 10^5 relations, and again for each graph built of it). Frozen, they are
    walked by no collection and still freed by reference counting when dropped; freezing
    is a change to the whole process, which only the program running in it may make.

    >>> with keeping(), paused():
    ...     built = [[n] for n in range(3)]
    """
    token = _KEEPING.set(True)
    try:
        yield
    finally:
        _KEEPING.reset(token)
