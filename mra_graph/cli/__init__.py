"""The ``mra-graph`` command: a thin click shell over the library.

Exit codes: 0 success (also when the reader of a pipe stops early, as ``| head`` does);
1 the model is invalid, a name is unknown or ambiguous, or an output could not be
produced; 2 the command line itself is wrong (an unknown option or command, a bad date,
a question that is not understood).

The global options ``--model``, ``--lang``, ``--at`` and ``--format`` may stand before
or after the command; given in both places, the later one wins. A command with an
option of the same name of its own (``render -f/--format``, ``report --format``: the
file format) keeps its own meaning after the command.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import click

from mra_graph.cli.context import GLOBAL_KEYS, Context, date_type
from mra_graph.errors import ModelError, MraGraphError
from mra_graph.words import Lang, error_text, lang_of, problem_text, speaks, words

__all__ = ["main"]


# Each command's module is imported only when that command runs (or help lists it), so
# that ``ask`` does not pay for the renderer, the report templates or the exporters.
_COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("model_cmds", "check"),
    "schema": ("model_cmds", "schema"),
    "list": ("model_cmds", "list_nodes"),
    "show": ("model_cmds", "show"),
    "query": ("query_cmds", "query"),
    "members": ("query_cmds", "members"),
    "chain": ("query_cmds", "chain"),
    "path": ("query_cmds", "path"),
    "ask": ("query_cmds", "ask"),
    "diff": ("query_cmds", "diff"),
    "formation": ("query_cmds", "formation"),
    "export": ("interchange_cmds", "export"),
    "import": ("interchange_cmds", "import_"),
    "render": ("render_cmds", "render_cmd"),
    "report": ("report_cmds", "report"),
    "init": ("edit_cmds", "init"),
    "add-node": ("edit_cmds", "add_node"),
    "add-relation": ("edit_cmds", "add_relation"),
    "add-region": ("edit_cmds", "add_region"),
    "add-document": ("edit_cmds", "add_document"),
    "add-section": ("edit_cmds", "add_section"),
    "add-source": ("edit_cmds", "add_source"),
    "add-figure-row": ("edit_cmds", "add_figure_row"),
    "add-conflict": ("edit_cmds", "add_conflict"),
    "set": ("edit_cmds", "set_"),
    "end": ("edit_cmds", "end"),
    "rename": ("edit_cmds", "rename"),
    "remove": ("edit_cmds", "remove"),
}

_MODEL_HELP = "Model file (JSON) to read instead of the bundled example model."
_LANG_HELP = "Output language; default the model's own 'lang', else nl."
_AT_HELP = "Date the answer holds for (YYYY-MM-DD); default today."
_FORMAT_HELP = "Sentences and tables for people, or JSON for scripts."


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Put a global option given after the command into the shared :class:`Context`."""
    if value is None or param.name is None:
        return
    ctx.meta[GLOBAL_KEYS[param.name]] = value
    obj = ctx.find_object(Context)
    if obj is not None:
        setattr(obj, param.name, value)
        if param.name == "lang":
            obj.lang_given = True


def _global_options() -> list[click.Option]:
    """The global options as a command takes them after its name (default: as before it)."""
    shared: dict[str, Any] = {"default": None, "expose_value": False, "callback": _remember}
    return [
        click.Option(["--model", "model_path"], type=click.Path(dir_okay=False), help=_MODEL_HELP, **shared),
        click.Option(["--lang", "lang"], type=click.Choice(["nl", "en"]), help=_LANG_HELP, **shared),
        click.Option(["--at", "at"], type=date_type, help=_AT_HELP, **shared),
        click.Option(["--format", "fmt"], type=click.Choice(["text", "json"]), help=_FORMAT_HELP, **shared),
    ]


_WITH_GLOBALS: set[str] = set()


def _add_global_options(name: str, command: click.Command) -> None:
    # once per command; an option a command declares itself keeps its meaning there
    if name in _WITH_GLOBALS:
        return
    _WITH_GLOBALS.add(name)
    taken = {opt for param in command.params for opt in param.opts}
    command.params.extend(o for o in _global_options() if not taken & set(o.opts))


class _BriefUsageError(click.UsageError):
    """A usage error shown as one line with a hint where help is, not as usage text."""

    def show(self, file: Any = None) -> None:
        path = self.ctx.command_path if self.ctx is not None else "mra-graph"
        message = self.format_message()
        if not message.endswith((".", "?", "!", ")")):
            message += "."
        click.echo(f"Error: {message} Try '{path} --help'.", err=True)


def _brief(error: click.UsageError) -> click.UsageError:
    if isinstance(error, _BriefUsageError):
        return error
    return _BriefUsageError(error.format_message(), error.ctx)


def _quiet_stdout() -> None:
    # the reader has gone: send whatever is still buffered nowhere, so that flushing
    # standard output at exit does not fail again
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no descriptor in a test runner
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# the signals that end a program from outside: each leaves through SystemExit, so a
# write in progress removes its temporary file
_ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def _terminate(signum: int, frame: FrameType | None) -> None:
    # ``kill``: leave through SystemExit so that a write in progress removes its temp file
    raise SystemExit(128 + signum)


def _message_lang(ctx: click.Context) -> Lang:
    """The language of an error message: ``--lang``, else the loaded model's, else Dutch."""
    obj = ctx.find_object(Context)
    return obj.message_lang if obj is not None else "nl"


class _Group(click.Group):
    """The program: imports a command's module only when the command is asked for and
    gives every command the global options; turns our errors and click's usage errors
    into one ``Error: …`` line with the documented exit code; ends quietly (0) when the
    reader of standard output goes away, and through SystemExit on SIGTERM."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module, attribute = _COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(f"mra_graph.cli.{module}"), attribute)
        _add_global_options(cmd_name, command)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        if name in _COMMANDS or ctx.resilient_parsing or name.startswith("-"):
            return super().resolve_command(ctx, args)
        # the commands are loaded lazily, so click does not know them to suggest one
        raise click.exceptions.NoSuchCommand(name, possibilities=self.list_commands(ctx), ctx=ctx)

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise _brief(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        from mra_graph.model.loading import keeping

        try:
            # a command keeps what it loads and builds until it ends
            with keeping():
                return super().invoke(ctx)
        except click.UsageError as error:
            raise _brief(error) from None
        except ModelError as error:
            w = words(_message_lang(ctx))
            for problem in error.problems[:20]:
                prefix = w("error") if problem.key else "Error"  # a line as English as its words
                click.echo(f"{prefix}: {problem_text(problem, w.lang)}", err=True)
            if len(error.problems) > 20:
                more = w.counted("errors", "more_problems", n=len(error.problems) - 20)
                click.echo(f"{w('error')}: … {more}", err=True)
            sys.exit(error.exit_code)
        except MraGraphError as error:
            if error.lang or speaks(error):
                w = words(lang_of(error.lang) if error.lang else _message_lang(ctx))
                click.echo(f"{w('error')}: {error_text(error, w.lang)}", err=True)
            else:  # a message not yet in the words layer is English, and so is its prefix
                click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_code)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(0)
        except OSError as error:
            # what the machine refused (a name too long for the file system, a full disk)
            # where no command expected it: one line, as for every other error
            where = f"{error.filename!r}: " if error.filename else ""
            click.echo(f"Error: {where}{error.strerror or error}", err=True)
            sys.exit(1)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        previous: dict[int, Callable[[int, FrameType | None], Any] | int | None] = {}
        with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
            for signum in _ENDING_SIGNALS:
                previous[signum] = signal.signal(signum, _terminate)
        try:
            return super().main(*args, **kwargs)
        finally:
            for ending, handler in previous.items():
                if handler is not None:
                    signal.signal(ending, handler)


_EPILOG = """\b
Shell completion of commands, options, views, node names and relation kinds:
  bash: eval "$(_MRA_GRAPH_COMPLETE=bash_source mra-graph)"   (in ~/.bashrc)
  zsh:  eval "$(_MRA_GRAPH_COMPLETE=zsh_source mra-graph)"    (in ~/.zshrc)
  fish: _MRA_GRAPH_COMPLETE=fish_source mra-graph | source    (in config.fish)
"""


@click.group(
    "mra-graph", cls=_Group, epilog=_EPILOG, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option("--model", "model_path", type=click.Path(dir_okay=False), help=_MODEL_HELP)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", help=_LANG_HELP)
@click.option("--at", "at", type=date_type, default=None, help=_AT_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=_FORMAT_HELP,
)
@click.version_option(package_name="mra-graph")
@click.pass_context
def main(ctx: click.Context, model_path: str | None, lang: Lang, at: dt.date | None, fmt: str) -> None:
    """Who does what in a governance cooperation, read from one model file.

    The options above may also follow the command; the later one wins.
    """
    lang_given = ctx.get_parameter_source("lang") is not click.core.ParameterSource.DEFAULT
    ctx.obj = Context(
        model_path=model_path, chosen_lang=lang, at=at or dt.date.today(), fmt=fmt, lang_given=lang_given
    )
