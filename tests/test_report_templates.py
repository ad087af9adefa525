"""Report templates run in Jinja2's sandbox: a template cannot reach Python's internals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from mra_graph.errors import TemplateError
from mra_graph.model.schema import GovernanceModel
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
    result = cli("--lang", "en", "report", "-o", "out.html", "--template", "evil.html.j2")
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


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("{% for i in range(10**9) %}x{% endfor %}", "the template failed"),
        ("{% macro deep(n) %}{{ deep(n + 1) }}{% endmacro %}{{ deep(0) }}", "the template failed"),
        (
            "{% for i in range(90000) %}{% for j in range(90000) %}{{ 'x' * 9000 }}{% endfor %}{% endfor %}",
            "writes more than",
        ),
    ],
    ids=["huge-range", "deep-recursion", "huge-output"],
)
def test_a_template_that_would_run_away_stops_with_one_line_naming_it(
    model: GovernanceModel, tmp_path: Path, content: str, said: str
) -> None:
    template = tmp_path / "away.md.j2"
    template.write_text(content + "\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=said) as caught:
        render_report(model, "md", at=AT, template=template)
    assert "away.md.j2" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_template_that_takes_too_long_stops(
    model: GovernanceModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mra_graph.report import templates

    monkeypatch.setattr(templates, "MAX_SECONDS", 0.5)
    template = tmp_path / "slow.md.j2"
    template.write_text(
        "{% for i in range(90000) %}{% for j in range(90000) %}{% endfor %}{% endfor %}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateError, match=r"slow\.md\.j2:1: the template took longer than 0.5 s"):
        render_report(model, "md", at=AT, template=template)
