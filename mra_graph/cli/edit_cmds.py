"""Commands that make and change a model file: init, add-node, add-relation, add-region,
add-document, add-section, add-figure-row, add-conflict, set, end, rename, remove.

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
from typing import TYPE_CHECKING, Any

import click

from mra_graph.cli.completion import complete_item, complete_node, complete_region, complete_relation_kind
from mra_graph.cli.context import Context, date_type, echo_json
from mra_graph.errors import UsageError
from mra_graph.model.schema import Modality, Scope
from mra_graph.words import Lang, words

if TYPE_CHECKING:
    from mra_graph.editing.edits import Draft

__all__ = [
    "EDIT_COMMANDS",
    "add_conflict",
    "add_document",
    "add_figure_row",
    "add_node",
    "add_region",
    "add_relation",
    "add_section",
    "end",
    "init",
    "remove",
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


def _refuse(obj: Context, key: str, **values: object) -> UsageError:
    error = UsageError(words(obj.message_lang)("edit", key, **values))
    error.lang = obj.message_lang
    return error


def _sources(obj: Context, sources: Sequence[tuple[str, str]], quotes: Sequence[str]) -> list[dict[str, str]]:
    if not sources:
        raise _refuse(obj, "need_source")
    if len(quotes) > len(sources):
        raise _refuse(obj, "quotes_for_sources", quotes=len(quotes), sources=len(sources))
    result = []
    for i, (document, section) in enumerate(sources):
        source = {"document": document, "section": section}
        if i < len(quotes) and quotes[i]:
            source["quote"] = quotes[i]
        result.append(source)
    return result


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _apply(obj: Context, dry_run: bool, force: bool, change: Callable[[Draft], str], what: str) -> None:
    """Apply ``change`` to the model file; it gives the confirmation (``what`` says what
    the edit was meant to do, for one that changes nothing)."""
    from mra_graph.editing.model_file import edit_model_file

    path = obj.model_path
    if not path:
        raise _refuse(obj, "need_model")
    w = words(obj.message_lang)
    result = edit_model_file(path, change, dry_run=dry_run, allow_read_only=force, lang=obj.message_lang)
    if obj.json:
        echo_json(
            {"file": path, "edit": str(result.outcome), "written": result.written, "changed": result.changed}
        )
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
        click.echo(w("edit", "unchanged", file=path, what=what))
        return
    click.echo(w("edit", "done", file=path, what=result.outcome))
    if result.reformatted:
        click.echo(w("edit", "reformatted", file=path), err=True)


def _key_values(obj: Context, texts: Sequence[str], refusal: str) -> dict[str, Any]:
    """``KEY=VALUE`` texts as a mapping, in their order, each value read by :func:`_value`;
    a text without ``=`` or a key is refused with the words of ``refusal``."""
    found: dict[str, Any] = {}
    for text in texts:
        key, sign, value = text.partition("=")
        if not sign or not key:
            raise _refuse(obj, refusal, text=text)
        found[key] = _value(obj, value)
    return found


def _attributes(obj: Context, texts: Sequence[str]) -> dict[str, Any] | None:
    return dict(sorted(_key_values(obj, texts, "not_attribute").items())) or None


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--title", required=True, help="The model's title, in its language.")
@click.option("--title-en", help="An English title beside a Dutch one.")
@click.option(
    "--lang",
    "model_lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="The language of the model's own text (names, descriptions).",
)
@pass_context
def init(obj: Context, /, file: str, title: str, title_en: str | None, model_lang: Lang) -> None:
    """Start a new model in FILE: a title, a language and nothing else yet.

    --lang here is the language of the model's own text; given before the command, it
    is the language of the messages, as for every command.

    Then add a document (add-document), regions, nodes and relations, each citing it.
    """
    from mra_graph.editing.model_file import create_model_file

    # said in the output language given before the command, else in the model's own
    said: Lang = obj.lang if obj.lang_given else model_lang
    create_model_file(file, title, lang=model_lang, title_en=title_en, say=said)
    click.echo(words(said)("edit", "created", file=file, title=title, lang=model_lang))


def _edit_text(obj: Context, key: str, **values: object) -> str:
    return words(obj.message_lang)("edit", key, **values)


@click.command("add-node")
@click.argument("node_id", metavar="ID")
@click.option("--kind", required=True, help="body, role, organisation, place, document or instrument.")
@click.option("--name", required=True, help="The name as the source writes it, in the model's language.")
@click.option("--type", "type_", help="Subtype from the vocabulary, e.g. platform.")
@click.option("--name-en", help="English name.")
@click.option("--alias", "aliases", multiple=True, help="Another name it goes by (repeatable).")
@click.option("--description", help="Description, in the model's language.")
@click.option("--description-en", help="English description.")
@click.option("--region", help="Region id.", shell_complete=complete_region)
@click.option("--size", type=click.IntRange(min=0), help="Total number of members.")
@click.option("--attr", "attributes", multiple=True, metavar="KEY=VALUE", help="An attribute (repeatable).")
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
        "attributes": _attributes(obj, options["attributes"]),
        "status": options["status"],
        "valid_from": _date(options["valid_from"]),
        "valid_to": _date(options["valid_to"]),
        "modality": options["modality"],
        "condition": options["condition"],
        "sources": _sources(obj, options["sources"], options["quotes"]),
    }

    def change(draft: Draft) -> str:
        return _edit_text(obj, "added_node", id=editing.draft_add_node(draft, fields))

    _apply(obj, options["dry_run"], options["force"], change, node_id)


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
@click.option("--attr", "attributes", multiple=True, metavar="KEY=VALUE", help="An attribute (repeatable).")
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
    """Add a relation KIND from node FROM to node TO (ids or names).

    Without --status, --from or --to it holds while both its nodes do: it takes the
    later start, the earlier end and a status other than active of either node.
    """
    from mra_graph.editing import edits as editing

    fields = {
        "id": options["relation_id"],
        "kind": kind,
        "from": from_,
        "to": to,
        "capacity": options["capacity"],
        "count": options["count"],
        "per": options["per"],
        "role": options["role"],
        "attributes": _attributes(obj, options["attributes"]),
        "note": options["note"],
        "from_scope": options["from_scope"],
        "to_scope": options["to_scope"],
        "status": options["status"],
        "valid_from": _date(options["valid_from"]),
        "valid_to": _date(options["valid_to"]),
        "modality": options["modality"],
        "condition": options["condition"],
        "sources": _sources(obj, options["sources"], options["quotes"]),
    }

    def change(draft: Draft) -> str:
        added = editing.draft_add_relation(draft, fields)
        relation = next(r for r in draft.items("relations") if r.get("id") == added)
        return _edit_text(
            obj, "added_relation", id=added, kind=kind, source=relation["from"], target=relation["to"]
        )

    _apply(obj, options["dry_run"], options["force"], change, f"{kind} {from_} → {to}")


@click.command("add-region")
@click.argument("region_id", metavar="ID")
@click.option("--name", required=True, help="The region's name, in the model's language.")
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
        "sources": _sources(obj, options["sources"], options["quotes"]),
    }

    def change(draft: Draft) -> str:
        return _edit_text(obj, "added_region", id=editing.draft_add_region(draft, fields))

    _apply(obj, options["dry_run"], options["force"], change, region_id)


@click.command("add-document")
@click.argument("document_id", metavar="ID")
@click.option("--title", required=True, help="The document's title, in its language.")
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
@click.option("--covers-from", type=date_type, help="The first day the document describes.")
@click.option("--covers-to", type=date_type, help="The last day the document describes.")
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
        raise _refuse(obj, "need_sections")
    fields = {
        "id": document_id,
        "title": options["title"],
        "title_en": options["title_en"],
        "file": options["file_name"],
        "period": options["period"],
        "period_en": options["period_en"],
        "covers_from": _date(options["covers_from"]),
        "covers_to": _date(options["covers_to"]),
        "sections": list(options["sections"]),
    }

    def change(draft: Draft) -> str:
        return _edit_text(obj, "added_document", id=editing.draft_add_document(draft, fields))

    _apply(obj, options["dry_run"], options["force"], change, document_id)


@click.command("add-section")
@click.argument("document")
@click.argument("heading")
@_writing_options
@pass_context
def add_section(obj: Context, /, document: str, heading: str, dry_run: bool, force: bool) -> None:
    """Add the section HEADING to DOCUMENT, for sources to cite."""
    from mra_graph.editing import edits as editing

    def change(draft: Draft) -> str:
        found = editing.draft_add_section(draft, document, heading)
        return _edit_text(obj, "added_section", id=found, section=heading)

    _apply(obj, dry_run, force, change, document)


@click.command("add-source")
@click.argument("target")
@_source_options
@_writing_options
@pass_context
def add_source(obj: Context, /, target: str, sources: Any, quotes: Any, dry_run: bool, force: bool) -> None:
    """Add a source (and its quote) to the node, relation or region TARGET (an id or a
    name): a quote found later, or a second document that says the same."""
    from mra_graph.editing import edits as editing

    cited = _sources(obj, sources, quotes)

    def change(draft: Draft) -> str:
        found = editing.draft_add_source(draft, target, cited)
        return words(obj.message_lang).counted("edit", "added_source", n=len(cited), id=found)

    _apply(obj, dry_run, force, change, target)


def _value(obj: Context, text: str) -> Any:
    # JSON where the text is a JSON string, list, object, number or true/false; text otherwise
    if text[:1] in '"[{-0123456789' or text in ("true", "false"):
        try:
            return json.loads(text)
        except ValueError:
            return text
        except RecursionError:
            raise _refuse(obj, "too_deep", text=text[:40]) from None
    return text


@click.command("set")
@click.argument("target", metavar="ITEM", shell_complete=complete_item)
@click.argument("assignments", nargs=-1, metavar="FIELD=VALUE...")
@click.option("--unset", "unset", multiple=True, metavar="FIELD", help="Remove a field (repeatable).")
@_writing_options
@pass_context
def set_(
    obj: Context,
    target: str,
    assignments: tuple[str, ...],
    unset: tuple[str, ...],
    dry_run: bool,
    force: bool,
) -> None:
    """Set fields of ITEM: a node (id or name), relation, region, document, figure table
    or conflict (id), or the model itself (model:).

    An id that two lists share is qualified: region:ID, document:ID, table:ID,
    conflict:ID, node:ID, relation:ID. VALUE is read as JSON when it is a JSON list,
    object, number, true or false (aliases='["MRA"]', size=12) and as text otherwise
    (valid_from=2017-01-01); write '"12"' for the text 12.
    """
    from mra_graph.editing import edits as editing

    if not assignments and not unset:
        raise _refuse(obj, "nothing_to_set")
    values = _key_values(obj, assignments, "not_assignment")
    fields = ", ".join([*values, *unset])

    def change(draft: Draft) -> str:
        found = editing.draft_set_fields(draft, target, values, unset)
        return _edit_text(obj, "set", fields=fields, id=found)

    _apply(obj, dry_run, force, change, target)


@click.command()
@click.argument("target", metavar="ITEM", shell_complete=complete_item)
@click.option("--on", "on", type=date_type, required=True, help="The first day it no longer holds.")
@click.option(
    "--with-relations", is_flag=True, help="End the node's relations that still run on that day too."
)
@_writing_options
@pass_context
def end(obj: Context, target: str, on: dt.date, with_relations: bool, dry_run: bool, force: bool) -> None:
    """End the node (id or name) or relation ITEM on a date; nothing is deleted."""
    from mra_graph.editing import edits as editing

    def change(draft: Draft) -> str:
        open_before = {str(r.get("id")) for r in draft.items("relations") if r.get("status") != "ended"}
        found = editing.draft_end(draft, target, on, with_relations=with_relations)
        closed = sorted(
            str(r.get("id"))
            for r in draft.items("relations")
            if r.get("status") == "ended" and r.get("id") in open_before and r.get("id") != found
        )
        if closed:
            relations = words(obj.message_lang).counted("edit", "relations", n=len(closed))
            return _edit_text(
                obj,
                "ended_with",
                id=found,
                date=on.isoformat(),
                relations=f"{relations}: {', '.join(closed)}",
            )
        return _edit_text(obj, "ended", id=found, date=on.isoformat())

    _apply(obj, dry_run, force, change, target)


@click.command()
@click.argument("target", metavar="NODE", shell_complete=complete_node)
@click.argument("name")
@click.option("--on", "on", type=date_type, required=True, help="The first day of the new name.")
@click.option("--name-en", help="The new English name too.")
@_writing_options
@pass_context
def rename(
    obj: Context,
    target: str,
    name: str,
    on: dt.date,
    name_en: str | None,
    dry_run: bool,
    force: bool,
) -> None:
    """Give NODE (id or name) a new NAME from a date; the id stays and the old name is
    kept as a former name."""
    from mra_graph.editing import edits as editing

    def change(draft: Draft) -> str:
        found = editing.draft_rename(draft, target, name, on, name_en=name_en)
        return _edit_text(obj, "renamed", id=found, name=name, date=on.isoformat())

    _apply(obj, dry_run, force, change, target)


@click.command()
@click.argument("target", metavar="ITEM", shell_complete=complete_item)
@click.option("--cascade", is_flag=True, help="Remove a node's relations with it (they are listed).")
@_writing_options
@pass_context
def remove(obj: Context, target: str, cascade: bool, dry_run: bool, force: bool) -> None:
    """Remove ITEM: a node (id or name), relation, region, document, figure table or
    conflict, qualified as for set where ids meet.

    A node with relations is refused (they are listed) unless --cascade, a region while
    nodes are in it, a document while anything cites it. To record that something
    stopped, use end: remove is for what was entered by mistake.
    """
    from mra_graph.editing import edits as editing

    def change(draft: Draft) -> str:
        gone = editing.draft_remove(draft, target, cascade=cascade)
        w = words(obj.message_lang)
        what = w("edit", "what", editing.list_word(gone.section))
        if gone.with_relations:
            relations = w.counted("edit", "relations", n=len(gone.with_relations))
            return w("edit", "removed_with", what=what, id=gone.id, relations=relations,
                     ids=", ".join(gone.with_relations))  # fmt: skip
        return w("edit", "removed", what=what, id=gone.id)

    _apply(obj, dry_run, force, change, target)


def _year_values(obj: Context, texts: Sequence[str]) -> dict[str, float]:
    found: dict[str, float] = {}
    for text in texts:
        year, sign, number = text.partition("=")
        try:
            found[year] = float(number) if sign else float("nan")
        except ValueError:
            raise _refuse(obj, "not_year_value", text=text) from None
        if found[year] != found[year]:
            raise _refuse(obj, "not_year_value", text=text)
    return dict(sorted(found.items()))


@click.command("add-figure-row")
@click.argument("table")
@click.argument("row_id", metavar="ROW")
@click.option("--label", required=True, help="What the row counts, in the model's language.")
@click.option("--label-en", help="English label.")
@click.option("--value", "values", multiple=True, metavar="YEAR=NUMBER", help="A figure (repeatable).")
@click.option("--unit", help="The row's unit where it differs from the table's.")
@click.option("--node", "nodes", multiple=True, help="A node the row counts (id or name; repeatable).")
@click.option("--total-of", "total_of", multiple=True, help="A row this one is the total of (repeatable).")
@click.option("--table-title", help="A new table's title (the table is made with this first row).")
@click.option("--table-title-en", help="A new table's English title.")
@click.option("--table-unit", help="A new table's unit, e.g. fte.")
@_source_options
@_writing_options
@pass_context
def add_figure_row(obj: Context, /, table: str, row_id: str, **options: Any) -> None:
    """Add the row ROW to the figure table TABLE (a staffing table, a budget), making the
    table with --table-title and --table-unit when it does not exist yet."""
    from mra_graph.editing import edits as editing

    sources = _sources(obj, options["sources"], options["quotes"])
    row = {
        "id": row_id,
        "label": options["label"],
        "label_en": options["label_en"],
        "values": _year_values(obj, options["values"]),
        "unit": options["unit"],
        "total_of": list(options["total_of"]) or None,
        "nodes": list(options["nodes"]) or None,
        "sources": sources,
    }
    new_table = None
    if options["table_title"] or options["table_unit"]:
        new_table = {
            "title": options["table_title"],
            "title_en": options["table_title_en"],
            "unit": options["table_unit"],
            "sources": sources,
        }

    def change(draft: Draft) -> str:
        added = editing.draft_add_figure_row(draft, table, row, new_table=new_table)
        return _edit_text(obj, "added_row", id=added, table=table)

    _apply(obj, options["dry_run"], options["force"], change, row_id)


@click.command("add-conflict")
@click.argument("conflict_id", metavar="ID")
@click.option("--kind", type=click.Choice(["contradiction", "ambiguity"]), required=True,
              help="contradiction: sources disagree; ambiguity: one reads two ways.")  # fmt: skip
@click.option("--subject", "subjects", multiple=True, required=True,
              help="A node (id or name), relation or figure row it is about (repeatable).")  # fmt: skip
@click.option("--description", required=True, help="What disagrees, in the model's language.")
@click.option("--description-en", help="English description.")
@click.option("--claim", "claims", multiple=True, help="One claim, in the model's language (at least two).")
@click.option(
    "--claim-source",
    "claim_sources",
    nargs=2,
    multiple=True,
    metavar="DOCUMENT SECTION",
    help="The source of the claim at the same position.",
)
@click.option("--model-choice", help="What the model uses meanwhile, and why.")
@_writing_options
@pass_context
def add_conflict(obj: Context, /, conflict_id: str, **options: Any) -> None:
    """Record a conflict ID: claims of the sources that disagree, or one that reads two ways."""
    from mra_graph.editing import edits as editing

    claims, claim_sources = options["claims"], options["claim_sources"]
    if len(claims) != len(claim_sources):
        raise _refuse(obj, "claims_sources", claims=len(claims), sources=len(claim_sources))
    fields = {
        "id": conflict_id,
        "kind": options["kind"],
        "subjects": list(options["subjects"]),
        "description": options["description"],
        "description_en": options["description_en"],
        "claims": [
            {"statement": c, "sources": [{"document": d, "section": s}]}
            for c, (d, s) in zip(claims, claim_sources, strict=True)
        ],
        "model_choice": options["model_choice"],
    }

    def change(draft: Draft) -> str:
        return _edit_text(obj, "added_conflict", id=editing.draft_add_conflict(draft, fields))

    _apply(obj, options["dry_run"], options["force"], change, conflict_id)


EDIT_COMMANDS = (
    init,
    add_node,
    add_relation,
    add_region,
    add_document,
    add_section,
    add_figure_row,
    add_conflict,
    set_,
    end,
    rename,
    remove,
)
