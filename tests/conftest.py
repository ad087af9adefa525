"""Shared fixtures: the bundled model, the source documents, a CLI runner and a built wheel."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import mra_graph
from mra_graph.cli import main
from mra_graph.model import GovernanceModel

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"

# Headless Chromium fixtures (``page``, ``chromium``) for tests of HTML and SVG output, and the
# question corpus's score line, which must be a plugin of the controller to print under ``-n``.
pytest_plugins = ["tests.browser", "tests.questions.score"]


@pytest.fixture(scope="session")
def model() -> GovernanceModel:
    return mra_graph.load()


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The package built as a wheel once per test run, for the tests of what it installs.

    Under pytest-xdist every worker has a session of its own; they share the run's
    temporary folder, where the first to take the lock builds the wheel and the others
    wait for it and use it.
    """
    if worker_id == "master":
        out = tmp_path_factory.mktemp("wheel")
    else:
        out = tmp_path_factory.getbasetemp().parent / "wheel"
        out.mkdir(exist_ok=True)
    with (out / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not any(out.glob("mra_graph-*.whl")):
            subprocess.run(
                [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                check=True,
                capture_output=True,
            )
    return next(out.glob("mra_graph-*.whl"))


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    if not SOURCES.is_dir():
        pytest.skip("the source documents are not beside this checkout (../shared/sources)")
    return SOURCES


@pytest.fixture
def cli() -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


# fixtures that open a headless browser: the tests that use them are slow
BROWSER_FIXTURES = {"page", "chromium"}


@pytest.hookimpl(tryfirst=True)  # before '-m' selects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    # slow tests first, so that with -n the long ones do not start last
    items.sort(key=lambda item: "slow" not in item.keywords)
    # Tests marked 'exe' need Graphviz's dot; the test command installs it and sets
    # MRA_GRAPH_REQUIRE_DOT so that a missing dot fails instead of skipping.
    if shutil.which("dot") or os.environ.get("MRA_GRAPH_REQUIRE_DOT"):
        return
    skip = pytest.mark.skip(reason="Graphviz 'dot' is not installed")
    for item in items:
        if "exe" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def tmp_cwd(tmp_path: Path) -> Iterator[Path]:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)
