"""Shell completion of the arguments that name things: views, nodes, relation kinds, regions.

Each function is a click ``shell_complete`` callback. Node names come from the model
named on the command line being completed (``--model`` before or after the command),
else from the bundled model; a model that cannot be read completes nothing rather
than print an error into the shell. Nodes complete to their ids (no spaces to quote),
matched on the id or on the beginning of any of their names, with the label as help.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.shell_completion import CompletionItem

from mra_graph.cli.context import GLOBAL_KEYS
from mra_graph.errors import MraGraphError

if TYPE_CHECKING:  # the model module is loaded only when something is completed
    from mra_graph.model.schema import GovernanceModel

__all__ = [
    "complete_item",
    "complete_node",
    "complete_region",
    "complete_relation_kind",
    "complete_relation_kinds",
    "complete_view",
]


def _model_path(ctx: click.Context) -> str | None:
    path = ctx.meta.get(GLOBAL_KEYS["model_path"]) or ctx.find_root().params.get("model_path")
    return str(path) if path else None


def _model(ctx: click.Context) -> GovernanceModel | None:
    from mra_graph.model.loading import load

    path = _model_path(ctx)
    try:
        return load(Path(path) if path else None)
    except MraGraphError:
        return None


def complete_view(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The views of the model being completed for (its own view file over the bundled
    views, a per-region view once per region) that begin with ``incomplete``."""
    from mra_graph.render import model_views, view_names

    model = _model(ctx)
    if model is None:
        return []
    try:
        names = view_names(model, model_views(_model_path(ctx)))
    except MraGraphError:
        return []
    return [CompletionItem(name) for name in names if name.startswith(incomplete)]


def _node_items(model: GovernanceModel, incomplete: str) -> list[CompletionItem]:
    from mra_graph.model.names import fold

    typed, folded = incomplete.casefold(), fold(incomplete)
    items = []
    for node in sorted(model.nodes, key=lambda n: n.id):
        names = [
            node.name,
            node.name_en or "",
            *node.aliases,
            *node.aliases_en,
            *node.own_aliases,
            *(f.name for f in node.former_names),
        ]
        if node.id.startswith(typed) or any(fold(name).startswith(folded) for name in names if name):
            items.append(CompletionItem(node.id, help=model.label(node.id)))
    return items


def complete_node(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The ids of the nodes whose id or one of whose names begins with ``incomplete``."""
    model = _model(ctx)
    return _node_items(model, incomplete) if model is not None else []


def complete_item(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Like :func:`complete_node`, and the ids of the relations that begin with ``incomplete``."""
    model = _model(ctx)
    if model is None:
        return []
    relations = [
        CompletionItem(r.id, help=r.kind)
        for r in sorted(model.relations, key=lambda r: r.id)
        if r.id.startswith(incomplete)
    ]
    return _node_items(model, incomplete) + relations


def complete_relation_kind(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The relation kinds of the vocabulary that begin with ``incomplete``."""
    from mra_graph.model.vocabulary import vocabulary

    try:
        kinds = sorted(vocabulary().relation_kinds)
    except MraGraphError:
        return []
    return [CompletionItem(kind) for kind in kinds if kind.startswith(incomplete)]


def complete_relation_kinds(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """A comma-separated list of relation kinds: completes the kind after the last comma."""
    done, comma, last = incomplete.rpartition(",")
    head = done + comma
    given = set(done.split(",")) if done else set()
    return [
        CompletionItem(head + item.value)
        for item in complete_relation_kind(ctx, param, last)
        if item.value not in given
    ]


def complete_region(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The ids of the model's regions that begin with ``incomplete``."""
    model = _model(ctx)
    if model is None:
        return []
    return [CompletionItem(r.id, help=r.name) for r in model.regions if r.id.startswith(incomplete)]
