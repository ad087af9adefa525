"""Where the bundled data files (model, vocabulary, views, styles) are.

In an installed wheel they sit inside the package (``mra_graph/_data/model``,
``mra_graph/_data/render``); in a source checkout they are the repository's top-level
``model/`` and ``render/`` folders, which is where people edit them.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["bundled_model_path", "data_file"]

_PACKAGE = Path(__file__).resolve().parent


def data_file(folder: str, name: str) -> Path:
    """Path of a bundled data file, e.g. ``data_file("model", "organen.json")``."""
    packaged = _PACKAGE / "_data" / folder / name
    if packaged.is_file():
        return packaged
    return _PACKAGE.parent / folder / name


def bundled_model_path() -> Path:
    """Path of the bundled default model, ``model/organen.json``."""
    return data_file("model", "organen.json")
