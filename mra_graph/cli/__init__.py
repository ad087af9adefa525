"""The ``mra-graph`` command: a thin click shell over the library.

Exit codes: 0 success; 1 the model is invalid, a name is unknown or ambiguous, or an
output could not be produced; 2 the command line itself is wrong (an unknown option,
a bad date, a question that is not understood).
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import click

from mra_graph.cli.context import Context, date_type
from mra_graph.cli.edit_cmds import EDIT_COMMANDS
from mra_graph.cli.interchange_cmds import export, import_
from mra_graph.cli.model_cmds import check, list_nodes, schema, show
from mra_graph.cli.query_cmds import ask, chain, diff, formation, members, path, query
from mra_graph.cli.render_cmds import render_cmd
from mra_graph.cli.report_cmds import report
from mra_graph.errors import ModelError, MraGraphError

__all__ = ["main"]


class _Group(click.Group):
    """Turns our errors into one ``Error: …`` line and the documented exit code."""

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
def main(ctx: click.Context, model_path: str | None, lang: str, at: dt.date | None, fmt: str) -> None:
    """Who does what in the Metropoolregio Amsterdam and Amstelland-Meerlanden."""
    ctx.obj = Context(model_path=model_path, lang=lang, at=at or dt.date.today(), fmt=fmt)


for command in (
    check,
    schema,
    list_nodes,
    show,
    query,
    members,
    chain,
    path,
    ask,
    diff,
    formation,
    export,
    import_,
    render_cmd,
    report,
    *EDIT_COMMANDS,
):
    main.add_command(command)
