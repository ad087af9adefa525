"""What every command shares: the model (loaded once), language, date and format."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from mra_graph.loading import load
from mra_graph.model import GovernanceModel
from mra_graph.words import Lang

__all__ = ["Context", "date_type", "echo_json"]


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
    model_path: str | None
    lang: Lang
    at: dt.date
    fmt: str
    _model: GovernanceModel | None = field(default=None, repr=False)

    @property
    def model(self) -> GovernanceModel:
        if self._model is None:
            self._model = load(Path(self.model_path) if self.model_path else None)
        return self._model

    @property
    def json(self) -> bool:
        return self.fmt == "json"


def echo_json(data: Any) -> None:
    """Print ``data`` as stable, human-diffable JSON."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))
