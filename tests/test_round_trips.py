"""Every format that reads back, on four models: export, import and export again gives the
same files byte for byte, and every way the imported model differs from the original is
a loss the first export named, with its count.

The models: the bundled one, the example of another region (``examples/``), a synthetic
national one and a small English-only one (``lang: "en"``)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

import mra_graph
from benchmarks.synthetic import national_model
from mra_graph.interchange import IMPORT_FORMATS, export_model, import_with_losses, write_export
from mra_graph.model.loading import load_text
from mra_graph.model.schema import GovernanceModel
from tests.english_model import english_model

ROOT = Path(__file__).resolve().parent.parent

MODELS: dict[str, Callable[[], GovernanceModel]] = {
    "bundled": lambda: mra_graph.load(),
    "example": lambda: mra_graph.load(ROOT / "examples" / "lindenwaard-veenhoven.json"),
    "synthetic": lambda: GovernanceModel.model_validate(national_model(4)),
    "english": lambda: load_text(json.dumps(english_model()), "english.json"),
}

# The name a format's loss note gives each kind of difference that is not per node or
# relation kind (those are '<kind> nodes' and '<kind> relations' in every format).
NAMED = {
    "figures": "figure tables",
    "conflicts": "conflicts about nothing Popolo holds",
    "conflict subjects": "subjects of conflicts that Popolo does not hold",
}


def _differences(model: GovernanceModel, back: GovernanceModel) -> Counter[str]:
    """How ``back`` differs from ``model``, counted by what its loss note would say; an
    item that came back changed counts under 'changed' (no format may change one)."""
    found: Counter[str] = Counter()
    nodes = back.nodes_by_id
    relations = {r.id: r for r in back.relations}
    for node in model.nodes:
        if node.id not in nodes:
            found[f"{node.kind.value} nodes"] += 1
        elif nodes[node.id] != node:
            found["changed"] += 1
    for relation in model.relations:
        if relation.id not in relations:
            found[f"{relation.kind} relations"] += 1
        elif relations[relation.id] != relation:
            found["changed"] += 1
    found[NAMED["figures"]] += len(model.figures) - sum(t in model.figures for t in back.figures)
    conflicts = {c.id: c for c in back.conflicts}
    for conflict in model.conflicts:
        kept = conflicts.get(conflict.id)
        if kept is None:
            found[NAMED["conflicts"]] += 1
        elif kept != conflict.model_copy(update={"subjects": kept.subjects}):
            found["changed"] += 1
        else:  # a conflict may keep only the subjects the format holds
            found[NAMED["conflict subjects"]] += len(conflict.subjects) - len(kept.subjects)
            found["changed"] += not set(kept.subjects) <= set(conflict.subjects)
    if back.abbreviations != model.abbreviations:
        found["abbreviations"] += len(model.abbreviations)
    whole = ("schema_ref", "title", "title_en", "lang", "documents", "regions")
    found["changed"] += sum(getattr(back, field) != getattr(model, field) for field in whole)
    found["changed"] += len(set(nodes) - {n.id for n in model.nodes})
    found["changed"] += len(set(relations) - {r.id for r in model.relations})
    return +found  # only what differs


@pytest.mark.parametrize("model_name", list(MODELS))
@pytest.mark.parametrize("fmt", list(IMPORT_FORMATS))
def test_export_import_export_is_identical_or_the_losses_say_why(
    fmt: str, model_name: str, tmp_path: Path
) -> None:
    model = MODELS[model_name]()
    first = export_model(model, fmt)
    target = tmp_path / ("first" if len(first.files) > 1 else next(iter(first.files)))
    write_export(first, target)
    back, read_losses = import_with_losses(fmt, target)
    again = export_model(back, fmt)
    assert again.files == first.files
    assert read_losses == ()
    # what the second export loses, the first lost already
    assert set(again.losses) <= set(first.losses)
    listed = {x.what: x.count for x in first.losses}
    differences = _differences(model, back)
    assert "changed" not in differences
    assert {what: listed.get(what) for what in differences} == dict(differences)
