"""The library in three lines: load a model, ask it a question, draw a view.

>>> import mra_graph
>>> model = mra_graph.load()
>>> print(model.ask("wie stuurt het MRA Bureau aan?", at="2017-06-01"))
Stand op 2017-06-01
<BLANKLINE>
MRA Bureau (voorwaardelijk, onduidelijk) wordt aangestuurd door:
  - Agendacommissie  [agendacommissie-mra.steers.mra-bureau]
>>> model.render("chain", "MRA Bureau", at="2017-06-01")
<Diagram chain 'Verantwoordingslijnen van MRA Bureau' (nl, 2017-06-01)>

:func:`load` returns a :class:`Model`: the :class:`~mra_graph.model.schema.GovernanceModel`
of the file with the verbs a notebook or a script uses. Each takes a node's id or any of
its names, a day as a date or ``YYYY-MM-DD`` (today when not given; a day beyond what
the documents describe is answered for the nearest day they do) and a language, and
gives the same text and pictures as the ``mra-graph`` command. Only what a verb needs
is imported when it is first used: the renderer for :meth:`Model.render`, the reader
of questions for :meth:`Model.ask`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from pydantic import PrivateAttr

from mra_graph.errors import UsageError
from mra_graph.model import loading
from mra_graph.model.schema import GovernanceModel, Node
from mra_graph.model.vocabulary import bundled_model_path
from mra_graph.words import Lang, worded_error

if TYPE_CHECKING:
    from mra_graph.present.reply import Reply
    from mra_graph.render.drawing import Diagram

__all__ = ["Model", "load", "load_text"]


class Model(GovernanceModel):
    """A governance model with the verbs of the ``mra-graph`` command as methods:
    :meth:`ask`, :meth:`render` and :meth:`node`; ``file`` is where it was read from."""

    _file: Path | None = PrivateAttr(default=None)

    @classmethod
    def of(cls, model: GovernanceModel, file: Path | None = None) -> Model:
        """``model`` as a :class:`Model`, sharing its (immutable) values, read from ``file``."""
        fields = {name: getattr(model, name) for name in GovernanceModel.model_fields}
        found = cls.model_construct(model.model_fields_set, **fields)
        found._file = file
        found._vocabulary = model._vocabulary
        return found

    def __eq__(self, other: object) -> bool:
        # the verbs and the file are no part of a model: equal to a GovernanceModel of the
        # same contents, as a model read again or imported is
        if not isinstance(other, GovernanceModel):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in GovernanceModel.model_fields)

    __hash__ = GovernanceModel.__hash__

    @property
    def file(self) -> Path | None:
        """The file the model was read from (the bundled model's too); None for text."""
        return self._file

    def _named(self) -> str:
        return super()._named() + (f" from {self._file.name}" if self._file else "")

    def node(self, name: str) -> Node:
        """The node ``name`` means: its id, or any of its names, aliases or labels in
        either language, in any case and with or without accents and articles.

        Raises :class:`~mra_graph.errors.UnknownNameError`, whose message names the
        closest nodes, or :class:`~mra_graph.errors.AmbiguousNameError`, which lists
        every node the name fits.
        """
        from mra_graph.model.names import resolve

        return resolve(self, name)

    def ask(self, question: str, at: dt.date | str | None = None, lang: Lang | None = None) -> Reply:
        """Answer a question in Dutch or English, as ``mra-graph ask`` does.

        ``at`` is the day answered for unless the question names one; ``lang`` the
        answer's language, by default the question's own. ``str()`` of the answer is the
        text ``ask`` prints, its ``data`` the JSON (see
        :class:`~mra_graph.present.reply.Reply`). Raises
        :class:`~mra_graph.errors.QuestionError` for a question that cannot be read one
        way and :class:`~mra_graph.errors.UnknownNameError` for a name the model does
        not have, each with its message in the question's language.
        """
        from mra_graph.present.reply import Reply
        from mra_graph.questions.ask import answer_question

        day = _day(at)
        # names as they were on the day, also before a rename
        named = self.named_on(self.as_of(day).used)
        return Reply(named, answer_question(named, question, day, _lang(lang)))

    def render(
        self,
        view: str,
        node: str | None = None,
        at: dt.date | str | None = None,
        lang: Lang | None = None,
        *,
        depth: int | None = None,
        relations: Sequence[str] | str | None = None,
        active_only: bool = False,
    ) -> Diagram:
        """Draw ``view`` rooted at ``node`` as ``mra-graph render`` does, with the views
        of the model's own view file where it has one.

        The views are overview (and one per region, ``overview-<region>``), orgchart,
        focus and chain (``mra-graph render --help``); the last three need a node, by
        id or name. ``lang`` is the language of the labels (Dutch when None);
        ``depth``, ``relations`` (a list of relation kinds, or ``"supports,steers"``)
        and ``active_only`` are ``render``'s options. What the diagram shows is settled
        here, so an unknown view, node or option raises now
        (:class:`~mra_graph.errors.UsageError`,
        :class:`~mra_graph.errors.UnknownNameError`, ...); each file format is drawn
        the first time it is asked for (see :class:`~mra_graph.render.drawing.Diagram`).
        """
        from mra_graph.model.views import load_views
        from mra_graph.render import Request, Views, diagram, model_views

        if isinstance(relations, str):
            relations = [k.strip() for k in relations.split(",") if k.strip()]
        request = Request(
            view,
            node,
            at=_day(at),
            lang=_lang(lang) or "nl",
            depth=depth,
            relations=relations,
            active_only=active_only,
            views=model_views(self._file) if self._file is not None else Views(load_views()),
        )
        return diagram(self.named_on(self.as_of(request.at).used), request)


def load(path: str | os.PathLike[str] | None = None, *, sources_dir: Path | None = None) -> Model:
    """Read, parse and validate a model file; the bundled model when ``path`` is None.

    Raises :class:`~mra_graph.errors.ModelError` listing every problem found (see
    :func:`mra_graph.model.loading.load`, which this is, with the verbs added).

    >>> load()
    <Model 'Bestuurlijke overleggen MRA en Amstelland-Meerlanden' from organen.json: 64 nodes, ...>
    """
    model = loading.load(path, sources_dir=sources_dir)
    return Model.of(model, Path(path) if path is not None else bundled_model_path())


def load_text(raw: bytes | str, file: str = "<model>", *, sources_dir: Path | None = None) -> Model:
    """Validate a model given as bytes or text; ``file`` names it in error messages. Its
    views are the bundled ones, for it has no file for a view file to stand beside."""
    return Model.of(loading.load_text(raw, file, sources_dir=sources_dir))


def _day(at: dt.date | str | None) -> dt.date:
    if at is None:
        return dt.date.today()
    if isinstance(at, dt.datetime):
        return at.date()
    if isinstance(at, dt.date):
        return at
    try:
        return dt.date.fromisoformat(at)
    except (TypeError, ValueError) as error:
        raise worded_error(UsageError, "usage/not_a_date", text=repr(at)) from error


def _lang(lang: str | None) -> Lang | None:
    if lang is None or lang in ("nl", "en"):
        return cast("Lang | None", lang)
    raise worded_error(UsageError, "usage/unknown_language", lang=repr(lang))
