"""Commands about the model itself: check, schema, list, show."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from mra_graph.cli.context import Context, echo_json
from mra_graph.errors import ModelError
from mra_graph.loading import load, sources_dir_from_env
from mra_graph.model import NodeKind
from mra_graph.names import resolve
from mra_graph.schema import json_schema_text
from mra_graph.summary import node_detail, node_ref
from mra_graph.vocabulary import vocabulary

pass_context = click.make_pass_decorator(Context)

STATUS_NL = {
    "active": "actief",
    "planned": "gepland",
    "under_consideration": "in overweging",
    "ended": "beëindigd",
}


def status_word(status: str, lang: str) -> str:
    return status.replace("_", " ") if lang == "en" else STATUS_NL[status]


@click.command()
@click.option("--model", "model_path", type=click.Path(dir_okay=False), help="Model file to check.")
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(file_okay=False, exists=True),
    help="Folder with the source documents; quotes are then checked against them.",
)
@pass_context
def check(obj: Context, model_path: str | None, sources_dir: str | None) -> None:
    """Validate a model and report every problem with file, line:column and JSON path."""
    path = model_path or obj.model_path
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
            count = len(error.problems)
            click.echo(f"{shown}: {count} problem{'s' if count != 1 else ''}", err=True)
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
        quoted = ", quotes checked against the sources" if folder else ""
        click.echo(
            f"{shown}: valid ({counts['nodes']} nodes, {counts['relations']} relations, "
            f"{counts['figure_tables']} figure table, {counts['conflicts']} recorded conflicts{quoted})"
        )


@click.command()
def schema() -> None:
    """Print the JSON Schema of the model file."""
    click.echo(json_schema_text(), nl=False)


@click.command("list")
@click.option("--kind", type=click.Choice([k.value for k in NodeKind]), help="Only nodes of this kind.")
@click.option("--region", help="Only nodes of this region (id, e.g. mra or am).")
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
    vocab = vocabulary()
    rows = []
    for ref in refs:
        kind_info = vocab.node_kinds[ref["kind"]]
        kind_word = kind_info.en if obj.lang == "en" else kind_info.nl
        if ref["type"] in kind_info.types:
            type_name = kind_info.types[ref["type"]]
            kind_word = type_name.en if obj.lang == "en" else type_name.nl
        region_short = model.regions_by_id[ref["region"]].short if ref["region"] else "-"
        rows.append((ref["id"], ref["label"], kind_word, region_short, status_word(ref["status"], obj.lang)))
    _table(
        rows,
        (
            "id",
            "name" if obj.lang == "en" else "naam",
            "kind" if obj.lang == "en" else "soort",
            "regio" if obj.lang == "nl" else "region",
            "status",
        ),
    )


def _table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@click.command()
@click.argument("node")
@pass_context
def show(obj: Context, node: str) -> None:
    """Everything about one node: fields, relations in and out, and sources."""
    model = obj.model
    found = resolve(model, node)
    detail = node_detail(model, found, obj.at, obj.lang)
    if obj.json:
        echo_json(detail)
        return
    en = obj.lang == "en"
    vocab = vocabulary()
    click.echo(f"{detail['label']}  [{detail['id']}]")
    facts = [vocab.node_kinds[detail["kind"]].en if en else vocab.node_kinds[detail["kind"]].nl]
    if detail["region"]:
        facts.append(model.regions_by_id[detail["region"]].short)
    facts.append(f"{status_word(detail['status'], obj.lang)} {'on' if en else 'op'} {obj.at.isoformat()}")
    if detail["valid_from"]:
        facts.append(f"{'from' if en else 'vanaf'} {detail['valid_from']}")
    if detail["valid_to"]:
        facts.append(f"{'until' if en else 'tot'} {detail['valid_to']}")
    click.echo("  " + " · ".join(facts))
    if detail["aliases"]:
        click.echo(f"  {'Also called' if en else 'Ook genoemd'}: " + ", ".join(detail["aliases"]))
    for former in detail["former_names"]:
        name = (former.get("name_en") or former["name"]) if en else former["name"]
        click.echo(f"  {'Called' if en else 'Heette'} {name} {'until' if en else 'tot'} {former['valid_to']}")
    if detail["description"]:
        click.echo(f"  {detail['description']}")
    if detail["size"] is not None:
        click.echo(f"  {'Members' if en else 'Leden'}: {detail['size']}")
    for key, value in detail["attributes"].items():
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        click.echo(f"  {key}: {shown}")
    for conflict_id in detail["conflicts"]:
        click.echo(f"  {'Disputed, see conflict' if en else 'Betwist, zie conflict'} {conflict_id!r}")
    lines: list[tuple[str, str, str]] = []
    for rel in detail["outgoing"]:
        phrase = vocab.relation_kinds[rel["relation"]].phrasing(obj.lang).active
        lines.append((phrase, rel["other"]["label"], _extras(rel)))
    for rel in detail["incoming"]:
        phrase = vocab.relation_kinds[rel["relation"]].phrasing(obj.lang).passive
        lines.append((phrase, rel["other"]["label"], _extras(rel)))
    if lines:
        click.echo("  " + ("Relations" if en else "Relaties") + ":")
        width = max(len(p) for p, _, _ in lines)
        for phrase, other, extra in lines:
            click.echo(f"    {phrase.ljust(width)}  {other}{extra}")
    click.echo("  " + ("Sources" if en else "Bronnen") + ":")
    for source in detail["sources"]:
        quote = f': "{source["quote"]}"' if "quote" in source else ""
        click.echo(f"    {source['document']}, {source['section']}{quote}")


def _extras(rel: dict[str, object]) -> str:
    attributes = rel["attributes"]
    assert isinstance(attributes, dict)
    parts = [str(attributes[k]) for k in ("capacity", "count", "role") if k in attributes]
    if "per" in attributes:
        parts[-1] = f"{attributes['count']} per {attributes['per']}"
    status = rel["status"]
    if status != "active":
        parts.append(str(status).replace("_", " "))
    return f" ({', '.join(parts)})" if parts else ""
