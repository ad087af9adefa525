"""A short run of each coverage-guided fuzz target under fuzz/ (a longer one: docs/development.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.broken import names

pytest.importorskip("atheris", reason="atheris (a dev dependency) is not installed on this platform")

pytestmark = pytest.mark.slow

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"


def _run(target: str, folders: list[Path], artifacts: Path) -> str:
    result = subprocess.run(
        [
            sys.executable,
            str(FUZZ / f"fuzz_{target}.py"),
            "-max_total_time=6",
            "-timeout=10",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={artifacts}/",
            *map(str, folders),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=artifacts,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def _runs(stderr: str) -> int:
    done = re.search(r"Done (\d+) runs", stderr)
    assert done, stderr[-3000:]
    return int(done.group(1))


def test_loader_starts_from_the_broken_models_and_finds_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    stderr = _run("loader", [corpus], tmp_path)
    seeds = {"valid", *names()}
    assert seeds <= {p.stem for p in corpus.iterdir()}
    assert _runs(stderr) > len(seeds)


def test_question_parser_finds_nothing_in_a_short_run(tmp_path: Path) -> None:
    seeds = FUZZ / "corpus" / "ask"
    assert len(list(seeds.iterdir())) >= 10
    stderr = _run("ask", [tmp_path, seeds], tmp_path)  # new inputs go to tmp_path, not the seeds
    assert _runs(stderr) > len(list(seeds.iterdir()))


def test_importers_find_nothing_in_a_short_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    stderr = _run("import", [corpus], tmp_path)
    assert {"popolo", "csv-nodes"} <= {p.name for p in corpus.iterdir()}
    assert _runs(stderr) > 2
