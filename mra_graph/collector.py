"""Pausing Python's cyclic garbage collector while a large structure is built.

Building a model or its graph makes millions of small objects and no reference
cycles. The cyclic collector runs every few hundred new objects and walks the young
ones again each time, which makes building a national model several times slower and
its cost grow faster than the model. :func:`paused` holds it off until the structure
is built; reference counting still frees everything that is dropped meanwhile.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, then restore it as it was.

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
            gc.enable()
