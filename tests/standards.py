"""Where the third-party schemas that exports are validated against are found.

They are not part of the repository: a checkout finds them in ``shared/`` beside it
(``<repo>/../shared``), or wherever ``MRA_GRAPH_SHARED`` points. Tests that need them
skip, saying which folder is missing, when they are absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def shared(name: str) -> Path:
    """The folder ``name`` of the shared third-party schemas, or skip the test saying where it looked."""
    root = Path(os.environ.get("MRA_GRAPH_SHARED") or REPO.parent / "shared")
    folder = root / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the third-party schemas are not beside this checkout")
    return folder
