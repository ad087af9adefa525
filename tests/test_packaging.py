"""An installed wheel carries the model and works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_wheel_carries_the_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "mra_graph/_data/model/organen.json" in names
    assert "mra_graph/_data/model/vocabulary.json" in names
    assert "mra_graph/_data/model/organen.schema.json" in names


def test_installed_package_checks_from_any_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("MRA_GRAPH_SOURCES", None)
    done = subprocess.run(
        [sys.executable, "-c", "import mra_graph.resources as r; print(r.bundled_model_path())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().startswith(str(target))
    done = subprocess.run(
        [sys.executable, "-m", "mra_graph", "check"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "geldig (" in done.stdout


def test_wheel_carries_the_report_templates_and_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assets = ("report.html.j2", "report.md.j2", "report.css", "report.js")
    for name in assets:
        assert f"mra_graph/_data/render/report/{name}" in names, name
    assert "mra_graph/_data/render/report/sections/staffing.html.j2" in names
    assert {"mra_graph/words/nl.json", "mra_graph/words/en.json"} <= names
