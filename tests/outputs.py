"""Every output mra-graph produces from a model file, by name: one registry for the tests
of injection (tests/test_injection.py) and determinism (tests/test_determinism.py).

An output is a function of a model file's path that returns its files by name. A new
output format is one more entry in :data:`OUTPUTS` (and, for the injection test, a
parser in ``tests/test_injection.py``'s ``PARSERS``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from mra_graph.cli import main
from mra_graph.interchange import EXPORT_FORMATS, export_model
from mra_graph.loading import load
from mra_graph.model import GovernanceModel
from mra_graph.render import Request, render
from mra_graph.report import render_report

Output = Callable[[Path], dict[str, bytes]]
AT = "2017-06-01"


def _cli(*args: str) -> Output:
    def run(path: Path) -> dict[str, bytes]:
        result = CliRunner().invoke(main, ["--model", str(path), "--at", AT, *args], catch_exceptions=False)
        if result.exit_code != 0:
            raise AssertionError(f"mra-graph {' '.join(args)} failed: {result.output}")
        return {"stdout": result.stdout_bytes}

    return run


@functools.lru_cache(maxsize=4)
def _model(path: Path) -> GovernanceModel:
    # a model file of the tests is written once and never changed, so one load serves
    # every output of it
    return load(path)


def _export(fmt: str) -> Output:
    def run(path: Path) -> dict[str, bytes]:
        return dict(export_model(_model(path), fmt).files)

    return run


def _render(view: str, node: str | None, fmt: str) -> Output:
    def run(path: Path) -> dict[str, bytes]:
        return {"": render(_model(path), Request(view, node, at=dt.date.fromisoformat(AT)), fmt)}

    return run


def _report(fmt: str) -> Output:
    def run(path: Path) -> dict[str, bytes]:
        return render_report(_model(path), fmt, at=dt.date.fromisoformat(AT), mermaid=fmt == "md")

    return run


# the commands' answers about nodes that every model of the tests has (the bundled
# model's ids, which the hostile model keeps)
_COMMANDS: dict[str, tuple[str, ...]] = {
    "list": ("list",),
    "show": ("show", "mra-bureau"),
    "query": ("query", "supports", "--to", "mra-bureau", "--sources"),
    "query-transitive": ("query", "part_of", "--to", "mra", "--transitive"),
    "members": ("members", "regiegroep-am"),
    "chain": ("chain", "mra-bureau"),
    "path": ("path", "am-team", "mra-bureau"),
    "ask": ("ask", "wie ondersteunt de regiegroep-am?"),
    "diff": ("diff", "2016-06-01", "2017-06-01"),
    "formation": ("formation",),
}

OUTPUTS: dict[str, Output] = {}
for _name, _args in _COMMANDS.items():
    OUTPUTS[f"cli-{_name}-text"] = _cli(*_args)
    OUTPUTS[f"cli-{_name}-json"] = _cli("--format", "json", *_args)
for _fmt in EXPORT_FORMATS:
    OUTPUTS[f"export-{_fmt}"] = _export(_fmt)
# every view, the walked ones from a node that every model of the tests has
_VIEWS: dict[str, str | None] = {
    "overview": None,
    "orgchart": "mra-bureau",
    "focus": "mra-bureau",
    "chain": "mra-bureau",
}
for _view, _node in _VIEWS.items():
    for _fmt in ("dot", "svg", "mmd"):
        OUTPUTS[f"render-{_view}-{_fmt}"] = _render(_view, _node, _fmt)
# the PDF report is left out: WeasyPrint takes some 20 s a report, too long to make it
# six times here; tests/test_report_pdf.py proves its bytes the same across a hash seed
# and a reordered model file
for _fmt in ("html", "md"):
    OUTPUTS[f"report-{_fmt}"] = _report(_fmt)

# outputs whose row order follows the model file on purpose: they are the formats a
# model goes out to and comes back from (export then import gives the same file,
# order included), so a reordered file gives the same rows in its new order
FILE_ORDER = frozenset({"export-csv", "export-popolo"})


def digests(path: Path) -> dict[str, dict[str, str]]:
    """The SHA-256 of every file of every output of the model at ``path``."""
    return {
        name: {file: hashlib.sha256(data).hexdigest() for file, data in sorted(output(path).items())}
        for name, output in sorted(OUTPUTS.items())
    }


def sorted_lines(path: Path) -> dict[str, dict[str, str]]:
    """As :func:`digests`, of each file's lines in sorted order (for :data:`FILE_ORDER`)."""
    result = {}
    for name in sorted(FILE_ORDER):
        files = OUTPUTS[name](path)
        result[name] = {
            file: hashlib.sha256(b"\n".join(sorted(data.splitlines()))).hexdigest()
            for file, data in sorted(files.items())
        }
    return result


if __name__ == "__main__":
    # python -m tests.outputs MODEL: the digests as JSON, for runs under other hash seeds
    model_path = Path(sys.argv[1])
    print(json.dumps({"exact": digests(model_path), "sorted": sorted_lines(model_path)}, sort_keys=True))
