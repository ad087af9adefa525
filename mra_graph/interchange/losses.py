"""What an export produced, and what its format could not carry.

Every exporter returns an :class:`Export`: the bytes of each file it writes and the
:class:`Loss` of every kind of fact the format has no place for, so that nothing
disappears without being said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mra_graph.model.schema import GovernanceModel

__all__ = ["Export", "Loss", "abbreviation_loss", "conflict_loss", "qualifier_losses"]


@dataclass(frozen=True, order=True)
class Loss:
    """One kind of fact a format could not express: what, how many, and why."""

    what: str
    count: int
    why: str

    def __str__(self) -> str:
        return f"{self.what} ({self.count}): {self.why}"


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


def qualifier_losses(model: GovernanceModel) -> list[Loss]:
    """The losses of a format with no place for a fact's modality, its inference or a
    relation's scoped ends.

    Without them a conditional, proposed, reserved or possible fact reads as a plain one,
    an inferred fact as a stated one, and a relation for each (or one) of a group's
    members as one for the group itself.
    """
    return [
        Loss(
            "modalities",
            len(model.stated),
            "conditional, proposed, reserved and possible facts, and those that depend on one, "
            "are carried as plain ones",
        ),
        Loss(
            "inferred facts",
            len(model.inferred),
            "facts the model infers without a quote that states them are carried as stated ones",
        ),
        Loss(
            "scoped relation ends",
            sum((r.from_scope is not None) + (r.to_scope is not None) for r in model.relations),
            "a relation for each or one of a group's members is carried as one for the group",
        ),
    ]


def conflict_loss(model: GovernanceModel, format_name: str) -> Loss:
    """The loss of a format that carries the marks of recorded conflicts on what they name
    (``disputed``, ``unclear``) but not the conflicts themselves (claims, sources, choice)."""
    return Loss(
        "conflicts",
        len(model.conflicts),
        f"{format_name} has no place for a recorded conflict: only the mark on what it names "
        "(disputed, unclear) is carried",
    )


def abbreviation_loss(model: GovernanceModel) -> Loss:
    """The loss of a format with no place for the abbreviations the model declares for
    reading questions (``PHO``)."""
    return Loss("abbreviations", len(model.abbreviations), "short forms of names, for reading questions")
