"""The ``mra-graph`` command: a thin click shell over the library.

Exit codes: 0 success; 1 the model is invalid, a name is unknown or ambiguous, or an
output could not be produced; 2 the command line itself is wrong (an unknown option,
a bad date, a question that is not understood).
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from typing import Any

import click

from mra_graph.cli.context import Context, date_type
from mra_graph.errors import ModelError, MraGraphError
from mra_graph.words import Lang

__all__ = ["main"]


# Each command's module is imported only when that command runs (or help lists it), so
# that ``ask`` does not pay for the renderer, the report templates or the exporters.
_COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("model_cmds", "check"),
    "schema": ("model_cmds", "schema"),
    "list": ("model_cmds", "list_nodes"),
    "show": ("model_cmds", "show"),
    "query": ("query_cmds", "query"),
    "members": ("query_cmds", "members"),
    "chain": ("query_cmds", "chain"),
    "path": ("query_cmds", "path"),
    "ask": ("query_cmds", "ask"),
    "diff": ("query_cmds", "diff"),
    "formation": ("query_cmds", "formation"),
    "export": ("interchange_cmds", "export"),
    "import": ("interchange_cmds", "import_"),
    "render": ("render_cmds", "render_cmd"),
    "report": ("report_cmds", "report"),
    "add-node": ("edit_cmds", "add_node"),
    "add-relation": ("edit_cmds", "add_relation"),
    "add-region": ("edit_cmds", "add_region"),
    "add-document": ("edit_cmds", "add_document"),
    "set": ("edit_cmds", "set_"),
    "end": ("edit_cmds", "end"),
    "rename": ("edit_cmds", "rename"),
}


class _Group(click.Group):
    """Turns our errors into one ``Error: …`` line and the documented exit code, and
    imports a command's module only when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module, attribute = _COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(f"mra_graph.cli.{module}"), attribute)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ModelError as error:
            for problem in error.problems[:20]:
                click.echo(f"Error: {problem}", err=True)
            if len(error.problems) > 20:
                click.echo(f"Error: … and {len(error.problems) - 20} more problems", err=True)
            sys.exit(error.exit_code)
        except MraGraphError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False),
    help="Model file to use instead of the bundled model/organen.json.",
)
@click.option(
    "--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Output language."
)
@click.option(
    "--at", "at", type=date_type, default=None, help="Date the answer holds for (YYYY-MM-DD); default today."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Sentences and tables for people, or JSON for scripts.",
)
@click.version_option(package_name="mra-graph")
@click.pass_context
def main(ctx: click.Context, model_path: str | None, lang: Lang, at: dt.date | None, fmt: str) -> None:
    """Who does what in the Metropoolregio Amsterdam and Amstelland-Meerlanden."""
    ctx.obj = Context(model_path=model_path, lang=lang, at=at or dt.date.today(), fmt=fmt)
