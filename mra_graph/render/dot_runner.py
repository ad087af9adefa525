"""Running Graphviz's ``dot`` program: the one place mra-graph starts it.

``dot`` is found on the ``PATH``; when it is missing or fails, :func:`run_dot` raises a
one-line :class:`~mra_graph.errors.RenderError` that says what needed it and, when it
is missing, the install command.

:data:`LAYOUT_LIMIT` is the one limit on what ``dot`` is asked to lay out: its time grows
much faster than the number of lines, from under a second for a hundred lines to minutes
for some hundreds in a view of several regions. A diagram with more lines is refused
(:func:`mra_graph.render.render`) and the ArchiMate export draws its view as a grid.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Literal

from mra_graph.errors import RenderError
from mra_graph.words import worded_error

__all__ = ["FORMATS", "INSTALL_HINT", "LAYOUT_LIMIT", "TIMEOUT", "dot_program", "run_dot"]

FORMATS = ("svg", "png", "pdf", "json")
INSTALL_HINT = "install Graphviz with 'apt-get install graphviz' or 'brew install graphviz'"
TIMEOUT = 300
LAYOUT_LIMIT = 500
"""The most lines (relations) a diagram laid out by ``dot`` may have."""


Purpose = Literal["drawing", "archimate"]
"""What ``dot`` runs for, as an error message says it: drawing a diagram, or laying out
the ArchiMate view."""


def dot_program(purpose: Purpose = "drawing") -> str:
    """The path of Graphviz's ``dot``; raises :class:`RenderError` naming ``purpose``
    when it is not installed."""
    found = shutil.which("dot")
    if found is None:
        raise worded_error(RenderError, f"runner/needs_dot_{purpose}")
    return found


def run_dot(source: str, fmt: str, *, dpi: int | None = None, purpose: Purpose = "drawing") -> bytes:
    """The output of ``dot -T<fmt>`` (svg, png, pdf or json) on the DOT text ``source``.

    ``dpi`` sets the resolution of a bitmap; ``purpose`` says what the output is for in
    an error message. Raises :class:`RenderError` when ``dot`` is missing, fails or takes
    longer than :data:`TIMEOUT` seconds.
    """
    if fmt not in FORMATS:
        raise worded_error(
            RenderError, "runner/cannot_write_format", format=repr(fmt), formats=", ".join(FORMATS)
        )
    command = [dot_program(purpose), f"-T{fmt}"]
    if dpi is not None:
        command.append(f"-Gdpi={dpi}")
    try:
        done = subprocess.run(
            command, input=source.encode("utf-8"), capture_output=True, timeout=TIMEOUT, check=False
        )
    except OSError as error:
        raise worded_error(
            RenderError, "runner/cannot_run", program=repr(command[0]), reason=error.strerror
        ) from error
    except subprocess.TimeoutExpired as error:
        raise worded_error(RenderError, f"runner/too_long_{purpose}", seconds=TIMEOUT) from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise worded_error(
            RenderError, f"runner/failed_{purpose}", message=message[0] if message else done.returncode
        )
    return done.stdout
