"""What every command shares: the model (loaded once), language, date and format."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from mra_graph.editing.files import write_atomically
from mra_graph.model.loading import load
from mra_graph.model.schema import AsOf, GovernanceModel
from mra_graph.model.vocabulary import using
from mra_graph.words import Lang

__all__ = ["GLOBAL_KEYS", "Context", "date_type", "echo_json", "write_output"]

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
    """The global options of one run; ``lang_given`` says whether ``--lang`` was given at all."""

    model_path: str | None
    lang: Lang
    at: dt.date
    fmt: str
    lang_given: bool = False
    _model: GovernanceModel | None = field(default=None, repr=False)

    @property
    def model(self) -> GovernanceModel:
        if self._model is None:
            self._model = load(Path(self.model_path) if self.model_path else None)
            # the command reads, asks and draws with the model's vocabulary until it ends
            click.get_current_context().with_resource(using(self._model.vocabulary))
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
    """Print ``data`` as stable, human-diffable JSON."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))


def write_output(output: str, data: bytes) -> None:
    """Write ``data`` to the file ``output`` atomically, or to standard output for ``-``."""
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomically(output, data)
