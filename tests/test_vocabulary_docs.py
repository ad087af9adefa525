"""docs/model.md lists every relation kind of the bundled vocabulary with the node kinds
it may connect, as the vocabulary says them: a user learns from the guide, not by trial
and error, that `employs` starts at an organisation."""

from __future__ import annotations

from pathlib import Path

from mra_graph.model.vocabulary import vocabulary

DOC = Path(__file__).parent.parent / "docs" / "model.md"
START = "<!-- relation kinds: made from model/vocabulary.json, checked by tests/test_vocabulary_docs.py -->"
END = "<!-- end of relation kinds -->"


def kinds_table() -> str:
    """The table of relation kinds, as docs/model.md holds it."""
    rows = [
        "| kind | nl | en | from | to | role |",
        "|---|---|---|---|---|---|",
    ]
    for kind, info in sorted(vocabulary().relation_kinds.items()):
        rows.append(
            f"| `{kind}` | {info.nl.active} | {info.en.active} | {', '.join(info.from_kinds)} "
            f"| {', '.join(info.to_kinds)} | {info.role or '–'} |"
        )
    return "\n".join(rows)


def test_the_guide_lists_every_relation_kind_with_its_ends() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert START in text
    assert END in text
    written = text.split(START)[1].split(END)[0].strip()
    assert written == kinds_table(), "rewrite the table with tests/test_vocabulary_docs.py's kinds_table()"
