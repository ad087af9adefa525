"""A short run of each coverage-guided fuzz target under fuzz/ (a longer one: see the README)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris", reason="atheris (a dev dependency) is not installed on this platform")

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"


@pytest.mark.parametrize("target", ["loader", "ask"])
def test_fuzz_target_finds_nothing_in_a_short_run(target: str, tmp_path: Path) -> None:
    seeds = FUZZ / "corpus" / target
    assert len(list(seeds.iterdir())) >= 10
    result = subprocess.run(
        [
            sys.executable,
            str(FUZZ / f"fuzz_{target}.py"),
            "-max_total_time=6",
            "-timeout=10",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={tmp_path}/",
            str(tmp_path),  # new inputs go here, the committed seeds stay as they are
            str(seeds),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    done = re.search(r"Done (\d+) runs", result.stderr)
    assert done, result.stderr[-3000:]
    assert int(done.group(1)) > len(list(seeds.iterdir()))
