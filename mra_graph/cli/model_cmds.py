"""Commands about the model itself: check, schema, list, show."""

from __future__ import annotations

from pathlib import Path

import click

from mra_graph.cli.completion import complete_node, complete_region
from mra_graph.cli.context import Context, echo_json
from mra_graph.errors import ModelError, UsageError
from mra_graph.model.loading import load, sources_dir_from_env
from mra_graph.model.schema import ConflictKind, NodeKind, json_schema_text
from mra_graph.words import lang_of, problem_text, worded_error, words

pass_context = click.make_pass_decorator(Context)


@click.command()
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(file_okay=False, exists=True),
    help=(
        "Folder with the source documents: quotes are then checked against them, and every "
        "relation, description clause and alias must be stated by them or marked as the "
        "model's own (inferred, own_aliases)."
    ),
)
@pass_context
def check(obj: Context, sources_dir: str | None) -> None:
    """Validate a model (--model, or the bundled one) and report every problem with file,
    line:column and JSON path."""
    path = obj.model_path
    shown = path or "model/organen.json"
    folder = Path(sources_dir) if sources_dir else sources_dir_from_env()
    try:
        model = load(Path(path) if path else None, sources_dir=folder)
    except ModelError as error:
        if obj.json:
            fields = ("file", "line", "column", "pointer", "message", "hint")
            problems = [{k: getattr(p, k) for k in fields} for p in error.problems]
            echo_json({"file": shown, "valid": False, "problems": problems})
        else:
            # the language the file declares, as far as it reads (``obj.lang`` would
            # first try to load the model again)
            lang = obj.message_lang
            for problem in error.problems:
                click.echo(problem_text(problem, lang))
            click.echo(words(lang).counted("model", "problems", n=len(error.problems), file=shown), err=True)
        raise SystemExit(1) from None
    from mra_graph.model.views import model_views, view_file_for

    # a view file beside the model is part of it: a broken one is an error here, not at
    # render (its definitions are checked without the renderer, which check never imports)
    if view_file_for(path).is_file():
        model_views(path).check(model)
    counts = {
        "nodes": len(model.nodes),
        "relations": len(model.relations),
        "figure_tables": len(model.figures),
        "conflicts": len(model.conflicts),
        "contradictions": sum(c.kind is ConflictKind.CONTRADICTION for c in model.conflicts),
        "ambiguities": sum(c.kind is ConflictKind.AMBIGUITY for c in model.conflicts),
        "inferred": len(model.inferred),
    }
    if obj.json:
        echo_json(
            {"file": shown, "valid": True, "problems": [], **counts, "quotes_checked": folder is not None}
        )
    else:
        # the model's own language unless --lang says otherwise: ``obj.lang`` would load
        # the model a second time to read it
        w = words(obj.chosen_lang if obj.lang_given else lang_of(model.lang))
        click.echo(
            w(
                "model",
                "valid",
                file=shown,
                nodes=w.counted("model", "counts", "nodes", n=counts["nodes"]),
                relations=w.counted("model", "counts", "relations", n=counts["relations"]),
                tables=w.counted("model", "counts", "tables", n=counts["figure_tables"]),
                contradictions=w.counted("model", "counts", "contradictions", n=counts["contradictions"]),
                ambiguities=w.counted("model", "counts", "ambiguities", n=counts["ambiguities"]),
                inferred=w.counted("model", "counts", "inferred", n=counts["inferred"]),
                quoted=w("model", "quotes_checked") if folder else "",
            )
        )


@click.command()
def schema() -> None:
    """Print the JSON Schema of the model file."""
    click.echo(json_schema_text(), nl=False)


@click.command("list")
@click.option("--kind", type=click.Choice([k.value for k in NodeKind]), help="Only nodes of this kind.")
@click.option("--region", help="Only nodes of this region (its id).", shell_complete=complete_region)
@pass_context
def list_nodes(obj: Context, kind: str | None, region: str | None) -> None:
    """List the nodes of the model, with their status on --at."""
    from mra_graph.present.node_text import node_table
    from mra_graph.present.summary import as_of_json, node_ref

    model = obj.model
    if region is not None and region not in model.regions_by_id:
        known = ", ".join(model.regions_by_id)
        raise worded_error(UsageError, "usage/unknown_region", region=repr(region), known=known)
    nodes = [
        n
        for n in sorted(model.nodes, key=lambda n: n.id)
        if (kind is None or n.kind.value == kind) and (region is None or n.region == region)
    ]
    refs = [node_ref(model, n, obj.day, obj.lang) for n in nodes]
    if obj.json:
        echo_json({**as_of_json(obj.when), "nodes": refs})
        return
    click.echo("\n".join([*_beyond(obj), *node_table(model, nodes, refs, obj.lang)]))


@click.command()
@click.argument("node", shell_complete=complete_node)
@pass_context
def show(obj: Context, node: str) -> None:
    """Everything about one node: fields, relations in and out, and sources."""
    from mra_graph.model.names import resolve
    from mra_graph.present.node_text import node_card
    from mra_graph.present.summary import as_of_json, node_detail

    model = obj.model
    found = resolve(model, node)
    detail = node_detail(model, found, obj.day, obj.lang)
    if obj.json:
        when = as_of_json(obj.when)
        echo_json({**detail, **{k: v for k, v in when.items() if k != "at"}})
        return
    click.echo("\n".join([*_beyond(obj), *node_card(model, found, detail, obj.day, obj.lang)]))


def _beyond(obj: Context) -> list[str]:
    """The line that says which day is answered for, when ``--at`` lies beyond the
    documents' horizon; nothing otherwise."""
    from mra_graph.present.answer_text import as_of_line

    return [as_of_line(obj.when, obj.lang), ""] if obj.when.beyond else []
