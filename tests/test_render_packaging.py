"""An installed wheel carries the view and style files, and the bundled model's own view
file, and draws from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "mra_graph/_data/render/views.json" in names
    assert "mra_graph/_data/render/style.json" in names
    assert "mra_graph/_data/model/organen.views.json" in names
    target = out / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    return target


def test_the_installed_package_reads_its_own_views_and_draws(installed: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    code = (
        "from mra_graph.model.vocabulary import data_file; print(data_file('render', 'views.json'))\n"
        "import datetime as dt, mra_graph\n"
        "from mra_graph.render import Request, model_views, render\n"
        "request = Request('overview', at=dt.date(2017, 6, 1), views=model_views())\n"
        "dot = render(mra_graph.load(), request, 'dot')\n"
        "print(dot.decode().splitlines()[0])\n"
        "print('MRA-AM overleggen' in dot.decode())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    path, first, caption = done.stdout.splitlines()
    assert path.startswith(str(installed))
    assert first == "digraph overview {"
    # the bundled model's caption comes from its view file inside the package
    assert caption == "True"
