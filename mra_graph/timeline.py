"""What holds at a date: the status of a node or relation on a given day."""

from __future__ import annotations

import datetime as dt

from mra_graph.model.schema import Dated, Status

__all__ = ["holds_at", "status_at"]


def status_at(item: Dated, date: dt.date) -> Status:
    """The status of ``item`` on ``date``, from its recorded status and period.

    Before ``valid_from`` something is still planned, from ``valid_to`` on it has
    ended (``valid_to`` is exclusive); in between it has its recorded status, except
    that something recorded as ended was active while its period lasted.

    >>> from mra_graph.model.schema import Dated
    >>> bureau = Dated(valid_from=dt.date(2017, 1, 1))
    >>> status_at(bureau, dt.date(2016, 6, 1)).value, status_at(bureau, dt.date(2017, 6, 1)).value
    ('planned', 'active')
    """
    if item.valid_to is not None and date >= item.valid_to:
        return Status.ENDED
    if item.valid_from is not None and date < item.valid_from:
        return Status.PLANNED if item.status is not Status.UNDER_CONSIDERATION else item.status
    if item.status is Status.ENDED:
        return Status.ACTIVE
    return item.status


def holds_at(item: Dated, date: dt.date) -> bool:
    """Whether ``item`` is active on ``date``."""
    return status_at(item, date) is Status.ACTIVE
