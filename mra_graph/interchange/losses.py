"""What an export produced, and what its format could not carry.

Every exporter returns an :class:`Export`: the bytes of each file it writes and the
:class:`Loss` of every kind of fact the format has no place for, so that nothing
disappears without being said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mra_graph.model.schema import GovernanceModel
from mra_graph.words import words

__all__ = ["Export", "Loss", "abbreviation_loss", "conflict_loss", "loss"]


@dataclass(frozen=True, order=True)
class Loss:
    """One kind of fact a format could not express: what, how many, and why.

    ``what`` and ``why`` are English; ``key`` and ``values`` name them in the words
    layer's ``losses`` section, so that :meth:`text` says them in either language.
    """

    what: str
    count: int
    why: str
    key: str = field(default="", compare=False)
    values: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.what} ({self.count}): {self.why}"

    def text(self, lang: str) -> str:
        """``what (count): why`` in ``lang``; as :func:`str` where it has no words."""
        if not self.key:
            return str(self)
        w, values = words("en" if lang == "en" else "nl"), dict(self.values)
        what, why = w("losses", self.key, "what", **values), w("losses", self.key, "why", **values)
        return f"{what} ({w.number(self.count)}): {why}"


def loss(key: str, count: int, /, **values: object) -> Loss:
    """The loss ``losses/<key>`` of the words layer: ``count`` facts, ``values`` filled in."""
    shown = {k: str(v) for k, v in values.items()}
    w = words("en")
    return Loss(
        w("losses", key, "what", **shown),
        count,
        w("losses", key, "why", **shown),
        key,
        tuple(sorted(shown.items())),
    )


@dataclass(frozen=True)
class Export:
    """The files of one export, by file name, and the sorted list of what was lost.

    Single-file formats hold exactly one file; multi-file formats (CSV, Neo4j) are
    meant to be written into one folder.
    """

    format: str
    files: dict[str, bytes]
    losses: tuple[Loss, ...] = field(default=())

    @property
    def single(self) -> bytes:
        """The one file of a single-file export."""
        if len(self.files) != 1:
            raise ValueError(f"the {self.format} export has {len(self.files)} files, not one")
        return next(iter(self.files.values()))


def conflict_loss(model: GovernanceModel, format_name: str) -> Loss:
    """The loss of a format that carries the marks of recorded conflicts on what they name
    (``disputed``, ``unclear``) but not the conflicts themselves (claims, sources, choice)."""
    return loss("conflicts_marked", len(model.conflicts), format=format_name)


def abbreviation_loss(model: GovernanceModel) -> Loss:
    """The loss of a format with no place for the abbreviations the model declares for
    reading questions (``PHO``)."""
    return loss("abbreviations", len(model.abbreviations))
