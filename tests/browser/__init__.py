"""Headless Chromium for tests that must see a page as a reader's browser does.

The fixtures drive the system Chromium (Debian package ``chromium``) through Playwright,
with every request that leaves the machine blocked and recorded, so a test can prove a
page is self-contained. Browser-side libraries (Mermaid, axe-core) come from
``tests/browser/node_modules/``, installed by ``scripts/setup-tests.sh`` from the pinned
``tests/browser/package-lock.json``: they are needed by the tests only.

Use ``page`` in a test (it is registered in ``conftest.py``)::

    def test_title(page: BrowserPage, tmp_path: Path) -> None:
        page.open(tmp_path / "report.html")
        assert page.errors == []

Without Chromium or the npm packages the tests skip, unless ``MRA_GRAPH_REQUIRE_DOT`` is
set (the test command sets it), in which case they fail: in CI nothing may go untested.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# Local schemes a self-contained page may load; anything else counts as a network request.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def _unavailable(reason: str) -> None:
    if os.environ.get("MRA_GRAPH_REQUIRE_DOT"):
        pytest.fail(f"{reason} (the test command installs it with scripts/setup-tests.sh)")
    pytest.skip(reason)


def node_module(relative: str) -> Path:
    """The path of a file in ``node_modules/``, skipping (or failing in CI) when it is absent."""
    path = NODE_MODULES / relative
    if not path.is_file():
        _unavailable(f"{path} is missing; run 'npm ci' in {HERE}")
    return path


def chromium_executable() -> str:
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    _unavailable("Chromium is not installed (Debian: apt-get install chromium)")
    raise AssertionError("unreachable")


@dataclass
class BrowserPage:
    """A Chromium page that records what went wrong while it was open.

    ``errors`` holds console errors and uncaught exceptions; ``requests`` every URL the
    page tried to fetch that is not a local file, data or blob URL (each was blocked).
    """

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: Path) -> None:
        """Load a local file as a reader would, from a ``file://`` URL."""
        self.page.goto(path.resolve().as_uri(), wait_until="load")

    def add_script(self, path: Path) -> None:
        """Run a JavaScript file in the page, e.g. a library from ``node_modules``."""
        self.page.add_script_tag(path=str(path))

    def evaluate(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def screenshot(self, path: Path, *, full_page: bool = True) -> Path:
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Chromium for the whole session; pages are cheap, browsers are not."""
    executable = chromium_executable()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package 'playwright' is not installed")
        raise
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium: Browser) -> Iterator[BrowserPage]:
    """A fresh page in its own context, A4-ish viewport, offline, recording errors and requests."""
    context = chromium.new_context(viewport={"width": 1240, "height": 1754}, java_script_enabled=True)
    recorder = BrowserPage(context.new_page())

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            recorder.errors.append(message.text)

    def on_route(route: Route, request: Request) -> None:
        if request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            recorder.requests.append(request.url)
            route.abort()

    recorder.page.on("console", on_console)
    recorder.page.on("pageerror", lambda error: recorder.errors.append(str(error)))
    context.route("**/*", on_route)
    try:
        yield recorder
    finally:
        context.close()
