"""Commands that answer questions: query, members, chain, path, ask, diff, formation.

The library modules are imported inside each command so that starting the program for
one question loads only what that question needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import click

from mra_graph.cli.completion import complete_node, complete_relation_kind, complete_relation_kinds
from mra_graph.cli.context import Context, date_type, echo_json, echo_pieces
from mra_graph.model.schema import AsOf
from mra_graph.present.summary import as_of_json
from mra_graph.words import Lang

__all__ = ["ask", "chain", "diff", "formation", "members", "path", "query"]

pass_context = click.make_pass_decorator(Context)

_sources_option = click.option(
    "--sources", "show_sources", is_flag=True, help="Show the source of every answer in text output."
)


def _echo_lines(lines: Sequence[str]) -> None:
    click.echo("\n".join(lines))


def _blocks(blocks: Sequence[Sequence[str]], when: AsOf, lang: Lang) -> None:
    from mra_graph.present.answer_text import as_of_line

    out = [as_of_line(when, lang)]
    for block in blocks:
        out += ["", *block]
    _echo_lines(out)


@click.command()
@click.argument("relation", shell_complete=complete_relation_kind)
@click.option(
    "--to",
    "to_node",
    metavar="NODE",
    shell_complete=complete_node,
    help="Who or what RELATION this node (incoming).",
)
@click.option(
    "--from",
    "from_node",
    metavar="NODE",
    shell_complete=complete_node,
    help="Whom or what this node RELATION (outgoing).",
)
@click.option("--transitive", is_flag=True, help="Go on from every node found, to any depth.")
@_sources_option
@pass_context
def query(
    obj: Context,
    relation: str,
    to_node: str | None,
    from_node: str | None,
    transitive: bool,
    show_sources: bool,
) -> None:
    """Who RELATION a node (--to) or whom a node RELATION (--from), e.g. query supports --to NODE."""
    from mra_graph.model.names import resolve_all
    from mra_graph.present.answer_text import answer_lines
    from mra_graph.present.answers import answer_json
    from mra_graph.questions.queries import check_kind, related

    if (to_node is None) == (from_node is None):
        raise click.UsageError(
            "give exactly one of --to NODE (who RELATION it) or --from NODE (whom it RELATION)"
        )
    model = obj.model  # first: the model's own vocabulary may have the kind
    check_kind(relation, model.vocabulary)
    direction: Any = "incoming" if to_node is not None else "outgoing"
    name = to_node if to_node is not None else from_node
    assert name is not None
    answers = []
    blocks = []
    for subject in resolve_all(model, name):
        hits = related(model, subject.id, relation, direction, obj.day, transitive)
        answers.append(answer_json(model, subject, relation, direction, hits, obj.day, obj.lang))
        blocks.append(
            answer_lines(model, subject, relation, direction, hits, obj.day, obj.lang, show_sources)
        )
    if obj.json:
        echo_json({**as_of_json(obj.when), "answers": answers})
    else:
        _blocks(blocks, obj.when, obj.lang)


@click.command()
@click.argument("node", shell_complete=complete_node)
@_sources_option
@pass_context
def members(obj: Context, node: str, show_sources: bool) -> None:
    """Who or what makes up a body, with counts and roles (one answer per body the name fits)."""
    from mra_graph.model.names import resolve_all
    from mra_graph.present.answer_text import composition_lines
    from mra_graph.present.answers import composition_json
    from mra_graph.questions import queries

    model = obj.model
    found = [queries.members(model, n.id, obj.day) for n in resolve_all(model, node)]
    if obj.json:
        echo_json(
            {
                **as_of_json(obj.when),
                "answers": [composition_json(model, c, obj.day, obj.lang) for c in found],
            }
        )
    else:
        _blocks(
            [composition_lines(model, c, obj.day, obj.lang, show_sources) for c in found], obj.when, obj.lang
        )


@click.command()
@click.argument("node", shell_complete=complete_node)
@_sources_option
@pass_context
def chain(obj: Context, node: str, show_sources: bool) -> None:
    """The lines of responsibility of a node, up to the top, each in order."""
    from mra_graph.model.names import resolve
    from mra_graph.present.answer_text import chain_lines
    from mra_graph.present.answers import chain_json
    from mra_graph.questions import queries

    model = obj.model
    subject = resolve(model, node)
    found = queries.chains(model, subject.id, obj.day)
    if obj.json:
        echo_json({**as_of_json(obj.when), **chain_json(model, subject, found, obj.day, obj.lang)})
    else:
        _blocks([chain_lines(model, subject, found, obj.day, obj.lang, show_sources)], obj.when, obj.lang)


@click.command()
@click.argument("a", shell_complete=complete_node)
@click.argument("b", shell_complete=complete_node)
@click.option(
    "--relations",
    metavar="K1,K2",
    shell_complete=complete_relation_kinds,
    help="Walk only these relation kinds (comma-separated).",
)
@_sources_option
@pass_context
def path(obj: Context, a: str, b: str, relations: str | None, show_sources: bool) -> None:
    """How two nodes are connected: the shortest paths, over relations in either direction."""
    from mra_graph.model.names import resolve
    from mra_graph.present.answer_text import path_lines
    from mra_graph.present.answers import step_json
    from mra_graph.questions import queries

    model = obj.model
    kinds = [k.strip() for k in relations.split(",") if k.strip()] if relations is not None else None
    start, end = resolve(model, a), resolve(model, b)
    found = queries.paths(model, start.id, end.id, obj.day, kinds)
    if obj.json:
        echo_json(
            {
                **as_of_json(obj.when),
                "paths": [[step_json(model, s, obj.day, obj.lang) for s in p] for p in found],
            }
        )
    else:
        _blocks([path_lines(model, start, end, found, obj.lang, show_sources)], obj.when, obj.lang)


@click.command("diff")
@click.argument("date1", type=date_type)
@click.argument("date2", type=date_type)
@_sources_option
@pass_context
def diff(obj: Context, date1: dt.date, date2: dt.date, show_sources: bool) -> None:
    """What became active, ended or changed status between two dates (YYYY-MM-DD)."""
    from mra_graph.model.loading import paused
    from mra_graph.present.answer_text import diff_lines
    from mra_graph.present.answers import diff_json_text
    from mra_graph.questions import queries

    model = obj.model
    # the answer can name every item of the model, as many small objects without cycles
    # as loading made: built, like the model, without the collector walking them
    with paused():
        change = queries.diff(model, date1, date2)
        if obj.json:
            echo_pieces(diff_json_text(model, change, obj.lang))
        else:
            _echo_lines(diff_lines(model, change, obj.lang, show_sources))


@click.command()
@_sources_option
@pass_context
def formation(obj: Context, show_sources: bool) -> None:
    """The staffing table, with computed differences and totals beside the stated ones."""
    from mra_graph.present.answer_text import formation_lines
    from mra_graph.present.answers import formation_json
    from mra_graph.questions import queries

    table = queries.formation(obj.model)
    if obj.json:
        echo_json(formation_json(table, obj.lang))
    else:
        _echo_lines(formation_lines(obj.model, table, obj.lang, show_sources))


@click.command()
@click.argument("question")
@_sources_option
@click.option("--explain", is_flag=True, help="Say how the question was read: names, kind of question, why.")
@pass_context
def ask(obj: Context, question: str, show_sources: bool, explain: bool) -> None:
    """Answer a question in Dutch or English about the model.

    \b
    It reads the model's names first, then the words around them; for instance, with
    A and B the names of two nodes of the model:
      wie ondersteunt A?                    who supports A?
      door wie wordt A aangestuurd?         what does A support?
      ondersteunt A B?                      does A support B?
      waar zit A?                           where is A based?
      sinds wanneer bestaat A?              when did A start?
      hoeveel leden heeft A?                how many members does A have?
      aan wie legt A verantwoording af?     how is A connected to B?
      wat veranderde er op 1 januari 2017?

    A name may carry its region ("A van <regio>", "<region>'s A"); a
    date in the question ("in 2016", "on 1 January 2017") overrides --at; a misspelt
    name is read as the name it is closest to, and the answer says so. A Dutch question
    that reads two ways ("wat ondersteunt X") is answered in its likelier reading, says
    so, and shows the other reading when that has answers too. A question it cannot
    read one way exits with 2, naming the words it did not understand and offering
    questions about the same names; an unknown name exits with 1 and suggestions.
    """
    from mra_graph.model.loading import paused
    from mra_graph.present.ask_output import ask_json, ask_lines, explain_lines
    from mra_graph.questions.ask import answer_question

    loaded = obj.model
    # the name index and the relation indexes hold as many small objects without cycles
    # as the model has names and relations: built, like the model, without the
    # collector walking them
    with paused():
        result = answer_question(loaded, question, obj.at, obj.lang if obj.lang_given else None)
        # names as they were on the day answered for, which the question may give itself
        model = loaded.named_on(result.at)
        if obj.json:
            echo_json(ask_json(model, result))
        else:
            explained = [*explain_lines(model, result), ""] if explain else []
            _echo_lines([*explained, *ask_lines(model, result, show_sources)])
