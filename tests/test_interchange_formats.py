"""The table of formats: every export and import format names a function that exists."""

from __future__ import annotations

import importlib

import pytest

from mra_graph.interchange import EXPORT_FORMATS, IMPORT_FORMATS

TABLE = [
    pytest.param(direction, fmt, module, name, id=f"{direction}-{fmt}")
    for direction, table in (("export", EXPORT_FORMATS), ("import", IMPORT_FORMATS))
    for fmt, (module, name) in table.items()
]


@pytest.mark.parametrize(("direction", "fmt", "module", "name"), TABLE)
def test_each_format_names_a_function_of_its_module(direction: str, fmt: str, module: str, name: str) -> None:
    function = getattr(importlib.import_module(f"mra_graph.interchange.{module}"), name, None)
    assert callable(function), f"{direction} format {fmt!r}: mra_graph.interchange.{module}.{name} is missing"
    assert name.startswith(direction)
