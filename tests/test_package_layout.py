"""The parts of the package depend only on the parts listed before them (docs/development.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mra_graph"
ORDER = [
    "errors",
    "words",
    "model",
    "editing",
    "questions",
    "present",
    "render",
    "report",
    "interchange",
    "api",
    "cli",
]
IMPORT = re.compile(r"^\s*(?:from|import) mra_graph\.(\w+)", re.MULTILINE)
MODULES = sorted(
    p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0].removesuffix(".py") in ORDER
)


def test_every_part_of_the_package_has_a_place_in_the_order() -> None:
    parts = {p.name.removesuffix(".py") for p in PACKAGE.iterdir() if p.suffix == ".py" or p.is_dir()}
    parts -= {"__init__", "__main__", "__pycache__", "_data"}
    assert parts == set(ORDER)


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_a_module_imports_only_from_its_own_part_and_the_ones_before_it(path: Path) -> None:
    part = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    later = ORDER[ORDER.index(part) + 1 :]
    assert [name for name in IMPORT.findall(path.read_text(encoding="utf-8")) if name in later] == []
