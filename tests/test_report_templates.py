"""Report templates run in Jinja2's sandbox: a template cannot reach Python's internals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from mra_graph.errors import TemplateError
from mra_graph.model import GovernanceModel
from mra_graph.report import render_report

AT = dt.date(2017, 6, 1)

# Each would run a shell command that creates the file MARKER if the template could.
ESCAPES = {
    "cycler-globals": "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "joiner-globals": "{{ joiner.__init__.__globals__.os.system('touch MARKER') }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'].system('touch MARKER') }}",
    "subclasses": "{% for c in ''.__class__.__mro__[1].__subclasses__() %}"
    "{% if c.__name__ == 'Popen' %}{{ c(['touch', 'MARKER']) }}{% endif %}{% endfor %}",
    "report-class": "{{ report.__class__.__init__.__globals__ }}",
    "format-string": "{{ '{0.__class__.__init__.__globals__}'.format(report) }}",
}


@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize("content", ESCAPES.values(), ids=ESCAPES.keys())
def test_a_template_cannot_reach_python(
    model: GovernanceModel, tmp_cwd: Path, fmt: str, content: str
) -> None:
    template = tmp_cwd / f"evil.{fmt}.j2"
    template.write_text(f"<p>{content}</p>\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=rf"^.*evil\.{fmt}\.j2:1: not allowed in a report template: "):
        render_report(model, fmt, at=AT, template=template)
    assert not (tmp_cwd / "MARKER").exists()


def test_the_cli_refuses_it_in_one_line_and_writes_nothing(cli: Callable[..., Result], tmp_cwd: Path) -> None:
    (tmp_cwd / "evil.html.j2").write_text(
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}\n", encoding="utf-8"
    )
    result = cli("report", "-o", "out.html", "--template", "evil.html.j2")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {tmp_cwd / 'evil.html.j2'}:1: not allowed in a report template: "
        "access to attribute '__init__' of 'type' object is unsafe; "
        "a template can use the report's values, not Python's internals\n"
    )
    assert sorted(p.name for p in tmp_cwd.iterdir()) == ["evil.html.j2"]


def test_an_honest_template_still_uses_the_report(model: GovernanceModel, tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{{ report.at.isoformat() }} {{ t.diagram }} {{ ['b', 'a'] | sort | join(',') }}\n", encoding="utf-8"
    )
    text = render_report(model, "md", at=AT, template=template)[""].decode("utf-8")
    assert text.startswith("2017-06-01 ")
    assert text.endswith(" a,b\n")
