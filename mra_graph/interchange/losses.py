"""What an export produced, and what its format could not carry.

Every exporter returns an :class:`Export`: the bytes of each file it writes and the
:class:`Loss` of every kind of fact the format has no place for, so that nothing
disappears without being said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Export", "Loss"]


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
