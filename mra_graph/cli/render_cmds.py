"""``mra-graph render``: a diagram of a view as SVG, PNG, PDF, DOT or Mermaid."""

from __future__ import annotations

import click

from mra_graph.cli.completion import complete_node, complete_relation_kinds, complete_view
from mra_graph.cli.context import Context, write_output
from mra_graph.cli.progress import stages
from mra_graph.errors import UsageError
from mra_graph.words import worded_error, words

__all__ = ["render_cmd"]

# the renderer (networkx, Graphviz) is imported when a diagram is drawn, not when the
# command line is built for help, completion or another command; these are its formats
# (mra_graph.render.FORMATS, which a test holds this to)
FORMATS = ("svg", "png", "pdf", "dot", "mmd")


def _format(output: str, fmt: str | None) -> str:
    if fmt is not None:
        return fmt
    if output == "-":
        return "svg"
    from mra_graph.render.drawing import format_of

    return format_of(output)


def _relations(value: str | None) -> list[str] | None:
    if value is None:
        return None
    kinds = [k.strip() for k in value.split(",") if k.strip()]
    if not kinds:
        raise worded_error(UsageError, "usage/relations_empty")
    return kinds


@click.command("render")
# VIEW is checked by render, not by click: reading the view file when the command line is
# built would break every command when that file is broken
@click.argument("view", metavar="VIEW", shell_complete=complete_view)
@click.argument("node", required=False, shell_complete=complete_node)
@click.option(
    "-o", "--output", required=True, help="File to write (format from its extension), or - for stdout."
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format; default from -o's extension (svg for -).",
)
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    default=None,
    help="How many lines away focus, orgchart and chain reach.",
)
@click.option(
    "--relations",
    default=None,
    shell_complete=complete_relation_kinds,
    help="Only these relation kinds, comma-separated: supports,steers.",
)
@click.option("--active-only", is_flag=True, help="Leave out what is planned or ended on --at.")
@click.option("--dpi", type=int, default=None, help="Resolution of a PNG (default 150; 300 for print).")
@click.pass_obj
def render_cmd(
    ctx: Context,
    view: str,
    node: str | None,
    output: str,
    fmt: str | None,
    depth: int | None,
    relations: str | None,
    active_only: bool,
    dpi: int | None,
) -> None:
    """Draw VIEW (overview, orgchart NODE, focus NODE, chain NODE) to a file.

    Honours the global --at and --lang. SVG, PNG and PDF need Graphviz's dot; DOT and
    Mermaid (.mmd) do not. The file is written whole or not at all. A view of more than
    500 lines is not laid out (exit 1): draw a region, a focus or the DOT text instead.
    """
    from mra_graph.render import Request, model_views, render

    chosen = _format(output, fmt)
    with stages(ctx.lang, ("reading", "drawing", "writing")) as step:
        step("reading")
        model = ctx.model
        request = Request(
            view,
            node,
            at=ctx.at,
            lang=ctx.lang,
            depth=depth,
            relations=_relations(relations),
            active_only=active_only,
            views=model_views(ctx.model_path),
        )
        step("drawing")
        data = render(model, request, chosen, dpi=dpi)
        step("writing")
        write_output(output, data)
    if output != "-":
        said = words(ctx.lang, ctx.model.lang)
        click.echo(
            said("diagram", "written", output=output, view=view, format=chosen, size=len(data)), err=True
        )
