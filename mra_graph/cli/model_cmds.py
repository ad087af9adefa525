"""Commands about the model itself: check, schema, list, show."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from mra_graph.cli.completion import complete_node, complete_region
from mra_graph.cli.context import Context, echo_json
from mra_graph.errors import ModelError
from mra_graph.model.loading import load, sources_dir_from_env
from mra_graph.model.names import resolve
from mra_graph.model.schema import GovernanceModel, NodeKind, Relation, json_schema_text
from mra_graph.model.vocabulary import vocabulary
from mra_graph.present.answer_text import modality_text, relation_extras
from mra_graph.present.summary import node_detail, node_ref
from mra_graph.words import Lang, words

pass_context = click.make_pass_decorator(Context)


@click.command()
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(file_okay=False, exists=True),
    help="Folder with the source documents; quotes are then checked against them.",
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
            echo_json({"file": shown, "valid": False, "problems": [p.__dict__ for p in error.problems]})
        else:
            for problem in error.problems:
                click.echo(str(problem))
            click.echo(
                words(obj.lang).counted("model", "problems", n=len(error.problems), file=shown), err=True
            )
        raise SystemExit(1) from None
    from mra_graph.render.definitions import model_views, view_file_for

    # a view file beside the model is part of it: a broken one is an error here, not at render
    if view_file_for(path).is_file():
        model_views(path).check(model)
    counts = {
        "nodes": len(model.nodes),
        "relations": len(model.relations),
        "figure_tables": len(model.figures),
        "conflicts": len(model.conflicts),
    }
    if obj.json:
        echo_json(
            {"file": shown, "valid": True, "problems": [], **counts, "quotes_checked": folder is not None}
        )
    else:
        w = words(obj.lang)
        click.echo(
            w(
                "model",
                "valid",
                file=shown,
                nodes=w.counted("model", "counts", "nodes", n=counts["nodes"]),
                relations=w.counted("model", "counts", "relations", n=counts["relations"]),
                tables=w.counted("model", "counts", "tables", n=counts["figure_tables"]),
                conflicts=w.counted("model", "counts", "conflicts", n=counts["conflicts"]),
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
    model = obj.model
    if region is not None and region not in model.regions_by_id:
        known = ", ".join(model.regions_by_id)
        raise click.BadParameter(f"unknown region {region!r}; known: {known}", param_hint="--region")
    nodes = [
        n
        for n in sorted(model.nodes, key=lambda n: n.id)
        if (kind is None or n.kind.value == kind) and (region is None or n.region == region)
    ]
    refs = [node_ref(model, n, obj.at, obj.lang) for n in nodes]
    if obj.json:
        echo_json({"at": obj.at.isoformat(), "nodes": refs})
        return
    w, vocab = words(obj.lang), vocabulary()
    rows = []
    for node, ref in zip(nodes, refs, strict=True):
        region_short = model.regions_by_id[ref["region"]].short if ref["region"] else "-"
        # the status column also says how firmly the sources state the node and whether it is disputed
        marks = [w.status(ref["status"])]
        if "modality" in ref:
            marks.append(vocab.modality_text(ref["modality"], obj.lang))
        if ref.get("disputed"):
            marks.append(vocab.mark_text("disputed", obj.lang))
        rows.append(
            (
                ref["id"],
                ref["label"],
                vocab.type_name(node.kind.value, node.type, obj.lang),
                region_short,
                ", ".join(marks),
            )
        )
    columns = w.section("model")["columns"]
    _table(rows, tuple(columns[c] for c in ("id", "name", "kind", "region", "status")))


def _table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@click.command()
@click.argument("node", shell_complete=complete_node)
@pass_context
def show(obj: Context, node: str) -> None:
    """Everything about one node: fields, relations in and out, and sources."""
    model = obj.model
    found = resolve(model, node)
    detail = node_detail(model, found, obj.at, obj.lang)
    if obj.json:
        echo_json(detail)
        return
    w = words(obj.lang)
    vocab = vocabulary()
    click.echo(f"{detail['label']}  [{detail['id']}]")
    facts = [vocab.type_name(found.kind.value, found.type, obj.lang)]
    if detail["region"]:
        facts.append(model.regions_by_id[detail["region"]].short)
    facts.append(f"{w.status(detail['status'])} {w('model', 'on', date=obj.at.isoformat())}")
    if detail["valid_from"]:
        facts.append(w("model", "from", date=detail["valid_from"]))
    if detail["valid_to"]:
        facts.append(w("model", "until", date=detail["valid_to"]))
    modality = modality_text(found, obj.lang)
    if modality:
        facts.append(modality)
    click.echo("  " + " · ".join(facts))
    if detail["aliases"]:
        click.echo(
            f"  {w('model', 'also_called')}: " + ", ".join(w.untranslated(a) for a in detail["aliases"])
        )
    for former in found.former_names:
        name = w.pick(former.name, former.name_en)
        click.echo("  " + w("model", "called_until", name=name, date=former.valid_to.isoformat()))
    if detail["description"]:
        click.echo(f"  {w.pick(found.description, found.description_en)}")
    if detail["size"] is not None:
        click.echo(f"  {w('model', 'members')}: {detail['size']}")
    for key, value in detail["attributes"].items():
        click.echo(f"  {w.attribute(key)}: {w.value(value)}")
    for conflict_id in detail["conflicts"]:
        click.echo("  " + w("model", "disputed", id=repr(conflict_id)))
    lines: list[tuple[str, str, str]] = []
    by_id = {r.id: r for r in model.relations}
    for rel in detail["outgoing"]:
        phrase = vocab.relation_kinds[rel["relation"]].phrasing(obj.lang).active
        lines.append(
            (phrase, rel["other"]["label"], _extras(by_id[rel["id"]], rel["status"], obj.lang, model))
        )
    for rel in detail["incoming"]:
        phrase = vocab.relation_kinds[rel["relation"]].phrasing(obj.lang).passive
        lines.append(
            (phrase, rel["other"]["label"], _extras(by_id[rel["id"]], rel["status"], obj.lang, model))
        )
    if lines:
        click.echo(f"  {w('model', 'relations')}:")
        width = max(len(p) for p, _, _ in lines)
        for phrase, other, extra in lines:
            click.echo(f"    {phrase.ljust(width)}  {other}{extra}")
    click.echo(f"  {w('model', 'sources')}:")
    for source in detail["sources"]:
        quote = f': "{source["quote"]}"' if "quote" in source else ""
        click.echo(f"    {source['document']}, {source['section']}{quote}")


def _extras(relation: Relation, status: str, lang: Lang, model: GovernanceModel) -> str:
    """A relation's modality, scoped ends, capacity, flags, count and role, a disputed
    mark, and its status when not active."""
    parts = relation_extras(relation, lang, model=model)
    if status != "active":
        parts.append(words(lang).status(status))
    return f" ({', '.join(parts)})" if parts else ""
