"""The ``report`` command: the model as an HTML, Markdown or PDF report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from mra_graph.cli.completion import complete_node
from mra_graph.cli.context import Context, date_type, write_output
from mra_graph.cli.progress import stages
from mra_graph.words import worded_error, words

__all__ = ["report"]

pass_context = click.make_pass_decorator(Context)


@click.command()
@click.option(
    "-o",
    "--output",
    "output",
    metavar="FILE",
    help="The report file: .html, .md or .pdf, or - for standard output (HTML unless --format says).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md", "pdf"]),
    default=None,
    help="Format, when the file name does not say it.",
)
@click.option("--since", type=date_type, default=None, help="Add the changes from this date to --at.")
@click.option(
    "--focus",
    metavar="NODE",
    default=None,
    shell_complete=complete_node,
    help="Only this node and what is directly connected to it.",
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A Jinja2 template to use instead of the bundled one (see --print-template).",
)
@click.option("--mermaid", is_flag=True, help="Add the diagram as a Mermaid block (Markdown only).")
@click.option("--print-template", is_flag=True, help="Print the bundled template for the format and stop.")
@click.option(
    "--no-diagrams", is_flag=True, help="Leave the diagrams out (no Graphviz needed); the text stays."
)
@pass_context
def report(
    obj: Context,
    output: str | None,
    fmt: str | None,
    since: dt.date | None,
    focus: str | None,
    template: Path | None,
    mermaid: bool,
    print_template: bool,
    no_diagrams: bool,
) -> None:
    """Write a report of the model: mra-graph report -o report.html (or .md, .pdf, or -).

    The HTML report is one self-contained file that also works as a viewer: search,
    click a body in the diagram, switch the staffing table's year. Honours --at and --lang.
    The diagrams need Graphviz's dot; without it the report stops (exit 1) unless
    --no-diagrams leaves them out.
    """
    from mra_graph.errors import UsageError
    from mra_graph.render import model_views
    from mra_graph.report import format_for, render_report, template_text, write_report

    if print_template:
        click.echo(template_text(fmt or (format_for(output) if output else "html")), nl=False)
        return
    if not output:
        raise worded_error(UsageError, "usage/report_needs_output")
    written: list[Path] = []
    with stages(obj.lang, ("reading", "report")) as step:
        step("reading")
        model = obj.model
        options: dict[str, Any] = {
            "at": obj.at,
            "lang": obj.lang,
            "since": since,
            "focus": focus,
            "template": template,
            "views": model_views(obj.model_path),
            "diagrams": not no_diagrams,
        }
        step("report")
        if output == "-":
            # a Markdown report has no file beside it to hold its diagram; --mermaid keeps one inline
            files = render_report(model, fmt or "html", **options, mermaid=mermaid, image_name=None)
            write_output("-", files[""])
        else:
            written = write_report(model, output, fmt, **options, mermaid=mermaid)
    for path in written:
        click.echo(str(path))
    if no_diagrams:
        click.echo(words(obj.lang)("diagram", "report_without"), err=True)
