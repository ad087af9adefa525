"""Progress on standard error for the commands that can take seconds on a large model
(``export``, ``import``, ``report``, ``render``): a bar with the stage being done, drawn
by ``click.progressbar`` when standard error is a terminal, and nothing at all when it is
a pipe or a file, so that scripts and logs see only what the command says itself.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence

import click

from mra_graph.words import Lang, words

__all__ = ["stages"]


def _quiet(name: str) -> None:
    """No progress: standard error is not a terminal."""


@contextlib.contextmanager
def stages(lang: Lang, steps: Sequence[str]) -> Iterator[Callable[[str], None]]:
    """Yield ``step(name)``, to call as each of ``steps`` (keys of ``progress`` in the
    words) begins; the bar shows the stage's words and how many stages are done."""
    stream = sys.stderr
    if not stream.isatty():
        yield _quiet
        return
    w = words(lang)

    def shown(name: str | None) -> str | None:
        return w("progress", name) if name else None

    bar = click.progressbar(
        length=len(steps),
        file=stream,
        show_eta=False,
        show_percent=False,
        show_pos=True,
        item_show_func=shown,
    )
    bar.current_item = steps[0] if steps else None  # shown as the bar first appears
    with bar:
        started = False

        def step(name: str) -> None:
            nonlocal started
            bar.update(1 if started else 0, name)
            started = True

        yield step
        bar.current_item = None
        bar.update(len(steps) - bar.pos)
