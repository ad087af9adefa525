"""From a model back to the text of its file, in one canonical layout.

The layout is stable so that version control shows only what an edit changed: keys
in schema order, fields left at their defaults omitted, two-space indentation, UTF-8
text rather than escapes, and a final newline. Loading a canonical file and dumping
it gives the same bytes.
"""

from __future__ import annotations

import json

from mra_graph.model.schema import GovernanceModel

__all__ = ["dump_text"]


def dump_text(model: GovernanceModel) -> str:
    """The canonical text of ``model``'s file."""
    data = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
