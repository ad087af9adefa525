"""Jinja2 templates of the report: where they are, how they escape, and their errors.

The bundled templates live in ``render/report/`` (``report.html.j2`` with its
``sections/`` and ``macros.html.j2``; ``report.md.j2`` with ``sections/*.md.j2``). A
user's template (``--template FILE``) is looked up first in its own folder, then in the
bundled one, so a copy of ``report.html.j2`` can keep including the bundled sections
or override any of them with a file of the same name beside it.

HTML is autoescaped; Markdown escapes every value through :func:`markdown_escape`.
Undefined names are errors, never empty text. Every template, the user's too, runs in
Jinja2's sandbox: it can read the report it is given but not reach Python's internals
(no ``__globals__``, no ``os``), and trying is a :class:`TemplateError`. Its work is
bounded too: at most :data:`MAX_OUTPUT` characters of output and :data:`MAX_SECONDS` of
filling in (``range`` is capped by the sandbox); past either, or on any failure of the
template itself (a recursion too deep), it stops with one error naming its line.
"""

from __future__ import annotations

import contextlib
import json
import re
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from mra_graph.errors import TemplateError
from mra_graph.model.vocabulary import data_file
from mra_graph.words import worded_error

__all__ = [
    "MAX_OUTPUT",
    "MAX_SECONDS",
    "bundled_template",
    "environment",
    "fill",
    "markdown_escape",
    "script_json",
    "template_dir",
]

MAX_OUTPUT = 64_000_000
"""The most characters a report template may write (the bundled ones write well under 1%)."""
MAX_SECONDS = 60
"""The longest a report template may take to fill in (the bundled ones take under a second)."""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(#|[+-](?=\s)|\d+[.)](?=\s))")


def template_dir() -> Path:
    """The folder of the bundled report templates and assets."""
    return data_file("render", "report/report.html.j2").parent


def bundled_template(fmt: str) -> str:
    """The file name of the bundled template for ``html`` (also used for PDF) or ``md``."""
    return "report.md.j2" if fmt == "md" else "report.html.j2"


def script_json(value: Any) -> Markup:
    """JSON that is safe inside ``<script>``: no ``</``, ``<!--`` or line separators can end it.

    >>> str(script_json({"a": "</script><!--"}))
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def markdown_escape(value: Any) -> str:
    r"""Model text as literal Markdown: markup characters escaped, HTML turned into entities.

    >>> print(markdown_escape("<b>x</b> *y* | [z](u)"))
    &lt;b&gt;x&lt;/b&gt; \*y\* \| \[z\](u)
    >>> print(markdown_escape("# not a heading"))
    \# not a heading
    """
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(r"\\\1", text)


def _capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def environment(fmt: str, user_dir: Path | None = None) -> SandboxedEnvironment:
    """A sandboxed Jinja2 environment for ``html`` or ``md`` templates, the user's folder first."""
    folders = [str(user_dir)] if user_dir is not None else []
    folders.append(str(template_dir()))
    markdown = fmt == "md"
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=not markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=markdown_escape if markdown else None,
    )
    env.filters["script_json"] = script_json
    env.filters["capitalize_first"] = _capitalize_first
    env.filters["md"] = lambda value: Markup(markdown_escape(value))
    return env


def fill(fmt: str, template: Path | None, context: dict[str, Any]) -> str:
    """The filled-in template (``template`` or the bundled one). Raises :class:`TemplateError`."""
    name = template.name if template is not None else bundled_template(fmt)
    where = str(template) if template is not None else name
    if template is not None and not template.is_file():
        raise worded_error(TemplateError, "templates/no_file", file=repr(where))
    env = environment(fmt, template.resolve().parent if template is not None else None)
    try:
        return _bounded(env.get_template(name), context, where)
    except _TooLong as error:
        raise worded_error(
            TemplateError, "templates/too_slow", where=_where(error, where), seconds=MAX_SECONDS
        ) from None
    except jinja2.TemplateSyntaxError as error:
        file = error.filename or where
        raise worded_error(
            TemplateError, "templates/syntax", where=file, line=error.lineno, message=error.message
        ) from error
    except jinja2.TemplateNotFound as error:
        raise worded_error(
            TemplateError, "templates/not_found", where=where, name=repr(error.name)
        ) from error
    except SecurityError as error:
        raise worded_error(
            TemplateError, "templates/not_allowed", where=_where(error, where), reason=str(error).rstrip(".")
        ) from error
    except jinja2.UndefinedError as error:
        raise TemplateError(f"{_where(error, where)}: {error.message}") from error
    except (jinja2.TemplateError, UnicodeDecodeError) as error:
        raise TemplateError(f"{_where(error, where)}: {error}") from error
    except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError, RecursionError) as error:
        raise worded_error(
            TemplateError, "templates/failed", where=_where(error, where), error=error
        ) from error


class _TooLong(Exception):
    """A template ran past :data:`MAX_SECONDS`."""


def _bounded(template: jinja2.Template, context: dict[str, Any], where: str) -> str:
    """The filled-in ``template``, written piece by piece and stopped past the limits."""
    parts: list[str] = []
    size = 0
    with _deadline(MAX_SECONDS):
        for part in template.generate(context):
            size += len(part)
            if size > MAX_OUTPUT:
                raise worded_error(TemplateError, "templates/too_long", where=where, most=f"{MAX_OUTPUT:,}")
            parts.append(part)
    return "".join(parts)


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`_TooLong` in this thread after ``seconds``; a timer needs the main
    thread, so elsewhere the output limit alone bounds the work."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _TooLong()

    try:
        previous = signal.signal(signal.SIGALRM, expire)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(error: BaseException, default: str) -> str:
    """``FILE:LINE`` of the innermost template frame in which ``error`` happened, else ``default``."""
    tb = error.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    if found is None:
        return default
    file = Path(found[0])
    with contextlib.suppress(ValueError):
        file = file.relative_to(template_dir())
    return f"{file}:{found[1]}"
