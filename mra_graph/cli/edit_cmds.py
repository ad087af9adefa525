"""Commands that change a model file: add-node, add-relation, add-region, add-document,
set, end, rename.

Each edit needs the file named with ``--model`` (the model inside the installed package
is never changed behind one's back), validates the whole model before it writes, and
writes through :func:`mra_graph.editing.model_file.edit_model_file`: locked, atomic, canonical.
A read-only model file is changed only with ``--force``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable, Sequence
from typing import Any

import click

from mra_graph.cli.completion import complete_item, complete_node, complete_region, complete_relation_kind
from mra_graph.cli.context import Context, date_type, echo_json
from mra_graph.errors import UsageError
from mra_graph.model.schema import GovernanceModel, Modality, Scope

__all__ = [
    "EDIT_COMMANDS",
    "add_document",
    "add_node",
    "add_region",
    "add_relation",
    "end",
    "rename",
    "set_",
]

pass_context = click.make_pass_decorator(Context)

_STATUSES = ("active", "planned", "under_consideration", "ended")


def _writing_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--force", is_flag=True, help="Change the model file even when it is read-only (it stays read-only)."
    )(command)
    return click.option(
        "--dry-run", is_flag=True, help="Print the change as a unified diff and write nothing."
    )(command)


def _source_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--quote",
        "quotes",
        multiple=True,
        help="Verbatim quote (at most 25 words) for the source given at the same position.",
    )(command)
    return click.option(
        "--source",
        "sources",
        nargs=2,
        multiple=True,
        metavar="DOCUMENT SECTION",
        help="Where the fact comes from: a document id and one of its section headings (repeatable).",
    )(command)


def _period_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option("--to", "valid_to", type=date_type, help="First day it no longer holds.")(command)
    command = click.option("--from", "valid_from", type=date_type, help="First day it holds.")(command)
    return click.option("--status", type=click.Choice(_STATUSES), help="Default: active.")(command)


def _modality_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option("--condition", help="What a conditional fact depends on, in the source's words.")(
        command
    )
    return click.option(
        "--modality",
        type=click.Choice([m.value for m in Modality]),
        help="How firmly the source states it; default: plainly.",
    )(command)


def _sources(sources: Sequence[tuple[str, str]], quotes: Sequence[str]) -> list[dict[str, str]]:
    if not sources:
        raise UsageError("every fact needs a source: give --source DOCUMENT SECTION")
    if len(quotes) > len(sources):
        raise UsageError(f"{len(quotes)} --quote for {len(sources)} --source; give one quote per source")
    result = []
    for i, (document, section) in enumerate(sources):
        source = {"document": document, "section": section}
        if i < len(quotes) and quotes[i]:
            source["quote"] = quotes[i]
        result.append(source)
    return result


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _apply(
    obj: Context,
    dry_run: bool,
    force: bool,
    change: Callable[[GovernanceModel, str], GovernanceModel],
    what: str,
) -> None:
    from mra_graph.editing.model_file import edit_model_file

    path = obj.model_path
    if not path:
        raise UsageError(
            "say which model file to change with --model PATH (e.g. --model model/organen.json); "
            "edits never change the model inside the installed package"
        )
    result = edit_model_file(path, lambda model: change(model, path), dry_run=dry_run, allow_read_only=force)
    if obj.json:
        echo_json({"file": path, "edit": what, "written": result.written, "changed": result.changed})
        return
    if dry_run:
        diff = difflib.unified_diff(
            result.before.splitlines(keepends=True),
            result.after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
        click.echo("".join(diff), nl=False)
        return
    if not result.changed:
        click.echo(f"{path}: unchanged ({what} changes nothing)")
        return
    click.echo(f"{path}: {what}")
    if result.reformatted:
        click.echo(f"{path}: note: the file was rewritten in the canonical layout", err=True)


def _resolve(model: GovernanceModel, name: str) -> str:
    from mra_graph.model.names import resolve

    return resolve(model, name).id


@click.command("add-node")
@click.argument("node_id", metavar="ID")
@click.option("--kind", required=True, help="body, role, organisation, place, document or instrument.")
@click.option("--name", required=True, help="The Dutch name as the source writes it.")
@click.option("--type", "type_", help="Subtype from the vocabulary, e.g. platform.")
@click.option("--name-en", help="English name.")
@click.option("--alias", "aliases", multiple=True, help="Another name it goes by (repeatable).")
@click.option("--description", help="Dutch description.")
@click.option("--description-en", help="English description.")
@click.option("--region", help="Region id.", shell_complete=complete_region)
@click.option("--size", type=click.IntRange(min=0), help="Total number of members.")
@_period_options
@_modality_options
@_source_options
@_writing_options
@pass_context
def add_node(obj: Context, /, node_id: str, **options: Any) -> None:
    """Add a node with id ID."""
    from mra_graph.editing import edits as editing

    fields = {
        "id": node_id,
        "kind": options["kind"],
        "type": options["type_"],
        "name": options["name"],
        "name_en": options["name_en"],
        "aliases": list(options["aliases"]) or None,
        "description": options["description"],
        "description_en": options["description_en"],
        "region": options["region"],
        "size": options["size"],
        "status": options["status"],
        "valid_from": _date(options["valid_from"]),
        "valid_to": _date(options["valid_to"]),
        "modality": options["modality"],
        "condition": options["condition"],
        "sources": _sources(options["sources"], options["quotes"]),
    }
    _apply(
        obj,
        options["dry_run"],
        options["force"],
        lambda model, file: editing.add_node(model, fields, file=file),
        f"added node {node_id!r}",
    )


@click.command("add-relation")
@click.argument("kind", shell_complete=complete_relation_kind)
@click.argument("from_", metavar="FROM", shell_complete=complete_node)
@click.argument("to", shell_complete=complete_node)
@click.option("--id", "relation_id", help="Relation id; default FROM.KIND.TO.")
@click.option("--capacity", help="e.g. bestuurlijk or ambtelijk.")
@click.option("--count", type=click.IntRange(min=0), help="How many, e.g. 2 (per --per).")
@click.option("--per", help="Per what, e.g. raad.")
@click.option("--role", help="In which role, e.g. voorzitter.")
@click.option("--note", help="A note on the relation.")
@click.option(
    "--from-scope",
    type=click.Choice([x.value for x in Scope]),
    help="It holds for each_member of FROM, or for one_of them; default: FROM itself.",
)
@click.option(
    "--to-scope",
    type=click.Choice([x.value for x in Scope]),
    help="It holds for each_member of TO, or for one_of them; default: TO itself.",
)
@_period_options
@_modality_options
@_source_options
@_writing_options
@pass_context
def add_relation(obj: Context, /, kind: str, from_: str, to: str, **options: Any) -> None:
    """Add a relation KIND from node FROM to node TO (ids or names)."""
    from mra_graph.editing import edits as editing

    base = {
        "id": options["relation_id"],
        "kind": kind,
        "capacity": options["capacity"],
        "count": options["count"],
        "per": options["per"],
        "role": options["role"],
        "note": options["note"],
        "from_scope": options["from_scope"],
        "to_scope": options["to_scope"],
        "status": options["status"],
        "valid_from": _date(options["valid_from"]),
        "valid_to": _date(options["valid_to"]),
        "modality": options["modality"],
        "condition": options["condition"],
        "sources": _sources(options["sources"], options["quotes"]),
    }

    def change(model: GovernanceModel, file: str) -> GovernanceModel:
        fields = {**base, "from": _resolve(model, from_), "to": _resolve(model, to)}
        return editing.add_relation(model, fields, file=file)

    _apply(obj, options["dry_run"], options["force"], change, f"added relation {kind} {from_} → {to}")


@click.command("add-region")
@click.argument("region_id", metavar="ID")
@click.option("--name", required=True, help="The region's Dutch name.")
@click.option("--name-en", help="English name.")
@click.option(
    "--short",
    required=True,
    help="Short name that tells same-named bodies apart, e.g. AM in 'Regiegroep (AM)'.",
)
@_source_options
@_writing_options
@pass_context
def add_region(obj: Context, /, region_id: str, **options: Any) -> None:
    """Add a region with id ID, for nodes to name with --region."""
    from mra_graph.editing import edits as editing

    fields = {
        "id": region_id,
        "name": options["name"],
        "name_en": options["name_en"],
        "short": options["short"],
        "sources": _sources(options["sources"], options["quotes"]),
    }
    _apply(
        obj,
        options["dry_run"],
        options["force"],
        lambda model, file: editing.add_region(model, fields, file=file),
        f"added region {region_id!r}",
    )


@click.command("add-document")
@click.argument("document_id", metavar="ID")
@click.option("--title", required=True, help="The document's Dutch title.")
@click.option("--title-en", help="English title.")
@click.option(
    "--file",
    "file_name",
    required=True,
    help="Name of its text file in the sources folder that check --sources reads.",
)
@click.option(
    "--period", required=True, help="When it was written and what it is about, e.g. 'geschreven 2016'."
)
@click.option("--period-en", help="The period in English.")
@click.option(
    "--section",
    "sections",
    multiple=True,
    help="A section heading that sources may cite (repeatable; at least one).",
)
@_writing_options
@pass_context
def add_document(obj: Context, /, document_id: str, **options: Any) -> None:
    """Add a source document with id ID, for sources to cite with --source ID SECTION."""
    from mra_graph.editing import edits as editing

    if not options["sections"]:
        raise UsageError("a document needs its section headings: give --section HEADING (repeatable)")
    fields = {
        "id": document_id,
        "title": options["title"],
        "title_en": options["title_en"],
        "file": options["file_name"],
        "period": options["period"],
        "period_en": options["period_en"],
        "sections": list(options["sections"]),
    }
    _apply(
        obj,
        options["dry_run"],
        options["force"],
        lambda model, file: editing.add_document(model, fields, file=file),
        f"added document {document_id!r}",
    )


def _value(text: str) -> Any:
    # JSON where the text is a JSON string, list, object, number or true/false; text otherwise
    if text[:1] in '"[{-0123456789' or text in ("true", "false"):
        try:
            return json.loads(text)
        except ValueError:
            return text
        except RecursionError:
            raise UsageError(
                f"the value {text[:40]!r}… is nested too deeply to be a value of a model"
            ) from None
    return text


@click.command("set")
@click.argument("item_id", metavar="ID", shell_complete=complete_item)
@click.argument("assignments", nargs=-1, metavar="FIELD=VALUE...")
@click.option("--unset", "unset", multiple=True, metavar="FIELD", help="Remove a field (repeatable).")
@_writing_options
@pass_context
def set_(
    obj: Context,
    item_id: str,
    assignments: tuple[str, ...],
    unset: tuple[str, ...],
    dry_run: bool,
    force: bool,
) -> None:
    """Set fields of the node or relation ID.

    VALUE is read as JSON when it is a JSON list, object, number, true or false
    (aliases='["MRA"]', size=12) and as text otherwise (valid_from=2017-01-01);
    write '"12"' for the text 12.
    """
    from mra_graph.editing import edits as editing

    if not assignments and not unset:
        raise UsageError("give at least one FIELD=VALUE or --unset FIELD")
    values: dict[str, Any] = {}
    for assignment in assignments:
        name, sign, text = assignment.partition("=")
        if not sign or not name:
            raise UsageError(f"{assignment!r} is not FIELD=VALUE")
        values[name] = _value(text)
    _apply(
        obj,
        dry_run,
        force,
        lambda model, file: editing.set_fields(model, item_id, values, unset, file=file),
        f"set {', '.join([*values, *unset])} of {item_id!r}",
    )


@click.command()
@click.argument("item_id", metavar="ID", shell_complete=complete_item)
@click.option("--on", "on", type=date_type, required=True, help="The first day it no longer holds.")
@click.option(
    "--with-relations", is_flag=True, help="End the node's relations that still run on that day too."
)
@_writing_options
@pass_context
def end(obj: Context, item_id: str, on: dt.date, with_relations: bool, dry_run: bool, force: bool) -> None:
    """End the node or relation ID on a date; nothing is deleted."""
    from mra_graph.editing import edits as editing

    _apply(
        obj,
        dry_run,
        force,
        lambda model, file: editing.end(model, item_id, on, with_relations=with_relations, file=file),
        f"ended {item_id!r} on {on.isoformat()}",
    )


@click.command()
@click.argument("node_id", metavar="ID", shell_complete=complete_node)
@click.argument("name")
@click.option("--on", "on", type=date_type, required=True, help="The first day of the new name.")
@click.option("--name-en", help="The new English name too.")
@_writing_options
@pass_context
def rename(
    obj: Context,
    node_id: str,
    name: str,
    on: dt.date,
    name_en: str | None,
    dry_run: bool,
    force: bool,
) -> None:
    """Give node ID a new NAME from a date; the id stays and the old name is kept as a former name."""
    from mra_graph.editing import edits as editing

    _apply(
        obj,
        dry_run,
        force,
        lambda model, file: editing.rename(model, node_id, name, on, name_en=name_en, file=file),
        f"renamed {node_id!r} to {name!r} from {on.isoformat()}",
    )


EDIT_COMMANDS = (add_node, add_relation, add_region, add_document, set_, end, rename)
