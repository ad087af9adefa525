"""The answer to a question as one object: the text ``mra-graph ask`` prints and its JSON."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from mra_graph.model.schema import GovernanceModel
from mra_graph.present.ask_output import ask_json, ask_lines, explain_lines
from mra_graph.questions.ask import AskResult

__all__ = ["Reply"]


class Reply:
    """What :meth:`GovernanceModel.ask <mra_graph.model.schema.GovernanceModel.ask>`
    returns: ``str()`` and ``repr()`` are the text ``mra-graph ask`` prints, :attr:`data`
    the JSON that ``mra-graph --format json ask`` prints, and :attr:`result` the answer
    itself (:class:`~mra_graph.questions.ask.AskResult`).

    >>> import datetime as dt
    >>> from mra_graph import load
    >>> reply = load().ask("wie ondersteunt het AM-team?", at=dt.date(2017, 6, 1))
    >>> reply.data["answers"][0]["subject"]["id"]
    'am-team'
    """

    def __init__(self, model: GovernanceModel, result: AskResult) -> None:
        # names as they were on the day answered for, which the question may give
        self.model = model.named_on(result.at)
        self.result = result

    def text(self, *, sources: bool = False, explain: bool = False) -> str:
        """The answer as ``ask`` prints it; with ``sources`` the source of every answer
        (``--sources``), with ``explain`` first how the question was read (``--explain``)."""
        explained = [*explain_lines(self.model, self.result), ""] if explain else []
        return "\n".join([*explained, *ask_lines(self.model, self.result, sources)])

    @cached_property
    def data(self) -> dict[str, Any]:
        """The answer as JSON data: ``question``, ``understood_as``, ``at``, ``answers``
        (see :mod:`mra_graph.present.ask_output`)."""
        return ask_json(self.model, self.result)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return self.text()
