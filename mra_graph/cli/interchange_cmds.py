"""Commands that write the model in standard formats and read it back: export, import."""

from __future__ import annotations

import click

from mra_graph.cli.context import Context, echo_json, write_output
from mra_graph.cli.progress import stages
from mra_graph.errors import ConversionError, UsageError
from mra_graph.interchange import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    export_model,
    import_with_losses,
    write_export,
)
from mra_graph.model.loading import dump_text
from mra_graph.words import problem_text, worded_error, words

__all__ = ["export", "import_"]

pass_context = click.make_pass_decorator(Context)


@click.command()
@click.argument("format", type=click.Choice(list(EXPORT_FORMATS)))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(),
    help="File to write (- for standard output), or folder for formats of several files (csv, neo4j).",
)
@click.option(
    "--base",
    help="IRI to put node and relation IRIs under (turtle, jsonld), ending in / or #; "
    "for popolo, the address the source documents are published under, ending in /.",
)
@pass_context
def export(obj: Context, format: str, output: str, base: str | None) -> None:
    """Write the model in FORMAT; what the format cannot express is listed on standard error.

    With -o - a one-file format goes to standard output (and nothing else does).
    """
    with stages(obj.lang, ("reading", "exporting", "writing")) as step:
        step("reading")
        model = obj.model
        step("exporting")
        result = export_model(model, format, base=base)
        step("writing")
        if output != "-":
            written = write_export(result, output)
    w = words(obj.lang)
    if output == "-":
        if len(result.files) != 1:
            raise worded_error(UsageError, "interchange/folder_to_stdout", format=format, n=len(result.files))
        for loss in result.losses:
            click.echo(w("interchange", "not_expressed", format=format, loss=loss.text(w.lang)), err=True)
        write_output("-", result.single)
        return
    if obj.json:
        echo_json(
            {
                "format": format,
                "files": [str(p) for p in written],
                "losses": [{"what": x.what, "count": x.count, "why": x.why} for x in result.losses],
            }
        )
        return
    for loss in result.losses:
        click.echo(w("interchange", "not_expressed", format=format, loss=loss.text(w.lang)), err=True)
    click.echo(w("interchange", "wrote", files=", ".join(str(p) for p in written)))


@click.command("import")
@click.argument("format", type=click.Choice(list(IMPORT_FORMATS)))
@click.argument("source", type=click.Path(exists=True))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Model file to write, or - for standard output.",
)
@pass_context
def import_(obj: Context, format: str, source: str, output: str) -> None:
    """Read SOURCE in FORMAT and write it as a model file; every row that cannot be mapped is reported."""
    w = words(obj.message_lang)  # there is no model to read the language from
    try:
        with stages(obj.lang, ("source", "writing")) as step:
            step("source")
            model, losses = import_with_losses(format, source)
            step("writing")
            write_output(output, dump_text(model).encode("utf-8"))
    except ConversionError as error:
        for problem in error.problems:
            # a problem is worded where the words layer has it; else it is English, and so is its prefix
            prefix = w("error") if problem.key else "Error"
            click.echo(f"{prefix}: {problem_text(problem, w.lang)}", err=True)
        count = len(error.problems)
        click.echo(f"{w('error')}: {w.counted('interchange', 'nothing_written', n=count)}", err=True)
        raise SystemExit(error.exit_code) from None
    for loss in losses:
        click.echo(w("interchange", "not_carried", format=format, loss=loss.text(w.lang)), err=True)
    if output != "-":
        nodes = w.counted("model", "counts", "nodes", n=len(model.nodes))
        relations = w.counted("model", "counts", "relations", n=len(model.relations))
        click.echo(w("interchange", "imported", file=output, nodes=nodes, relations=relations))
