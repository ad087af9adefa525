"""The broken models: ``valid.json`` with one thing wrong in each.

Most are patches (``NAME.patch``, unified diffs against ``valid.json``), so that each
shows only the line that breaks the model while the error still points into a whole
model; a file that is no model at all (``NAME.json``) is kept as it is. The tests load
each one and check the exact error, and the loader's fuzz target starts from them.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
VALID = HERE / "valid.json"
_HUNK = re.compile(rb"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


def names() -> list[str]:
    """The name of every broken model, sorted."""
    found = {p.stem for p in HERE.glob("*.patch")} | {p.stem for p in HERE.glob("*.json")}
    return sorted(found - {VALID.stem})


def broken_model(name: str) -> bytes:
    """The bytes of broken model ``name``: its patch applied to ``valid.json``, or its file."""
    whole = HERE / f"{name}.json"
    if whole.is_file():
        return whole.read_bytes()
    return apply(VALID.read_bytes(), (HERE / f"{name}.patch").read_bytes(), name)


def apply(base: bytes, patch: bytes, name: str = "patch") -> bytes:
    """``base`` with the unified diff ``patch`` applied; every removed or context line must match."""
    old = base.splitlines(keepends=True)
    out: list[bytes] = []
    at = 0
    for line in patch.splitlines(keepends=True):
        if line.startswith((b"--- ", b"+++ ")):
            continue
        hunk = _HUNK.match(line)
        if hunk:
            start = int(hunk.group(1)) - (0 if hunk.group(2) == b"0" else 1)
            out += old[at:start]
            at = start
        elif line.startswith(b"+"):
            out.append(line[1:])
        elif line.startswith((b" ", b"-")):
            if at >= len(old) or old[at] != line[1:]:
                raise ValueError(f"{name} no longer applies to valid.json at line {at + 1}")
            if line.startswith(b" "):
                out.append(old[at])
            at += 1
        else:
            raise ValueError(f"{name}: unexpected patch line {line!r}")
    return b"".join(out + old[at:])
