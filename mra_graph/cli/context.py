"""What every command shares: the model (loaded once), language, date and format."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from mra_graph.errors import MraGraphError
from mra_graph.words import Lang, lang_of

if TYPE_CHECKING:
    from mra_graph.model.schema import AsOf, GovernanceModel

# the model layer (pydantic) and the file writer are imported where they are used, so
# that help, completion and a usage error start without them

__all__ = ["GLOBAL_KEYS", "Context", "date_type", "echo_json", "echo_pieces", "write_output"]

# Where a global option given after the command is kept in ``click.Context.meta`` (so
# that shell completion, which runs no command, can read ``--model`` from it too).
GLOBAL_KEYS = {name: f"mra_graph.{name}" for name in ("model_path", "lang", "at", "fmt")}


class _DateType(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click stubs
    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2017-06-01", param, ctx)


date_type = _DateType()


@dataclass
class Context:
    """The global options of one run; ``lang_given`` says whether ``--lang`` was given at
    all. Without it, :attr:`lang` is the model's own language (its ``lang``)."""

    model_path: str | None
    chosen_lang: Lang
    at: dt.date
    fmt: str
    lang_given: bool = False
    _model: GovernanceModel | None = field(default=None, repr=False)
    _declared: Lang | None = field(default=None, repr=False)

    @property
    def lang(self) -> Lang:
        """The output language: ``--lang``, else the model's ``lang``, else Dutch."""
        if self.lang_given:
            return self.chosen_lang
        try:
            return lang_of(self.model.lang)
        except MraGraphError:  # the command reports the model's problems itself
            return self._declared_lang()

    @lang.setter
    def lang(self, value: Lang) -> None:
        self.chosen_lang = value

    @property
    def message_lang(self) -> Lang:
        """The language of a message about this run, without reading the model for it."""
        if self.lang_given:
            return self.chosen_lang
        if self._model is None:
            return self._declared_lang()
        return lang_of(self._model.lang)

    def _declared_lang(self) -> Lang:
        # the ``lang`` of a model file not loaded (or that does not load), as far as it can
        # be read; read once, for a large file takes a while to parse
        if self._declared is None:
            self._declared = self._read_declared_lang()
        return self._declared

    def _read_declared_lang(self) -> Lang:
        if self.model_path is not None:
            try:
                data = json.loads(Path(self.model_path).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return self.chosen_lang
            if isinstance(data, dict) and data.get("lang") in ("nl", "en"):
                return lang_of(data["lang"])
        return self.chosen_lang

    @property
    def model(self) -> GovernanceModel:
        if self._model is None:
            from mra_graph.model.loading import load

            # frozen as it is built (the command runs within ``keeping``): it lives as
            # long as the command and holds no cycles, so no collection need walk it
            loaded = load(Path(self.model_path) if self.model_path else None)
            # every name shown as it was on the day answered for, also before a rename
            self._model = loaded.named_on(loaded.as_of(self.at).used)
        return self._model

    @property
    def when(self) -> AsOf:
        """``--at`` and the day answered for: the same inside the documents' horizon, else
        the horizon's nearest end (see :meth:`GovernanceModel.as_of`)."""
        return self.model.as_of(self.at)

    @property
    def day(self) -> dt.date:
        """The day answered for."""
        return self.when.used

    @property
    def json(self) -> bool:
        return self.fmt == "json"


def echo_json(data: Any) -> None:
    """Print ``data`` as stable, human-diffable JSON.

    The layout of ``json.dumps(data, ensure_ascii=False, indent=2)``, written by pydantic's
    serializer: the json module's own writer, which indentation makes pure Python, took
    longer than loading the model to print the diff of a national one.
    """
    from pydantic_core import to_json

    click.echo(to_json(data, indent=2))


def echo_pieces(pieces: Iterable[str]) -> None:
    """Print text made in many pieces (and a newline), a few thousand pieces a write."""
    batch: list[str] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) == 4096:
            click.echo("".join(batch).encode("utf-8"), nl=False)
            batch.clear()
    click.echo("".join(batch).encode("utf-8"))


def write_output(output: str, data: bytes) -> None:
    """Write ``data`` to the file ``output`` atomically, or to standard output for ``-``."""
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from mra_graph.editing.files import write_atomically

    write_atomically(output, data)
