"""Help text that click does not lay out by itself: a list of examples under a command."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

__all__ = ["ExamplesCommand"]


class ExamplesCommand(click.Command):
    """A command whose ``--help`` ends in an ``Examples:`` section, one example a line.

    ``examples`` are shown as written (not rewrapped), after the options and before the
    epilog: ``@click.command(cls=ExamplesCommand, examples=["mra-graph ask '…'"])``.
    """

    def __init__(self, *args: Any, examples: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.examples = tuple(examples)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.examples:
            formatter.write_paragraph()
            formatter.write_text("Examples:")
            formatter.indent()
            try:
                for example in self.examples:
                    formatter.write(f"{'':>{formatter.current_indent}}{example}\n")
            finally:
                formatter.dedent()
        super().format_epilog(ctx, formatter)
