"""Every output is byte-identical across runs, hash seeds and orderings of the model file.

Each run is a fresh process (``python -m tests.outputs``) under its own
``PYTHONHASHSEED``, on the bundled model as it is or with every list and every
object's keys shuffled. The outputs in ``FILE_ORDER`` follow the file's order on
purpose (they round-trip it); for them the sorted lines must agree.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mra_graph.resources import bundled_model_path
from tests.outputs import FILE_ORDER, OUTPUTS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def _shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        items = [(k, _shuffled(v, rng)) for k, v in value.items()]
        rng.shuffle(items)
        return dict(items)
    if isinstance(value, list):
        return [_shuffled(v, rng) for v in value]
    return value


def _reordered(data: dict[str, Any], seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    result = _shuffled(data, rng)
    # the lists whose order carries no meaning; lists inside items (sources, sections,
    # aliases, a table's years) are read in order and stay as they are
    for key in ("documents", "regions", "nodes", "relations", "figures", "conflicts"):
        rng.shuffle(result[key])
    return dict(result)


def _digests(path: Path, seed: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "tests.outputs", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("orderings")
    data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    # the same file name in every run: check reports it
    plans = [(data, "0"), (data, "1"), (_reordered(data, 1), "2"), (_reordered(data, 2), "random")]
    results = []
    for i, (content, seed) in enumerate(plans):
        path = folder / str(i) / "organen.json"
        path.parent.mkdir()
        path.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
        results.append(_digests(path, seed))
    return results


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_output_is_byte_identical_across_seeds_and_orderings(name: str, runs: list[dict[str, Any]]) -> None:
    first = runs[0]["exact"][name]
    assert first, f"{name} produced no files"
    assert runs[1]["exact"][name] == first, "differs under another PYTHONHASHSEED"
    if name in FILE_ORDER:
        for run in runs[2:]:
            assert run["sorted"][name] == runs[0]["sorted"][name], "differs in content for a reordered file"
    else:
        for run in runs[2:]:
            assert run["exact"][name] == first, "differs for a reordered model file"
