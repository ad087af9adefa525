"""The bundled model: valid, faithful to the sources, complete."""

from __future__ import annotations

from pathlib import Path

import mra_graph
from mra_graph.model import GovernanceModel


def test_bundled_model_is_valid_with_quotes_checked(sources_dir: Path) -> None:
    model = mra_graph.load(sources_dir=sources_dir)
    assert len(model.nodes) > 50


def test_same_named_bodies_are_told_apart(model: GovernanceModel) -> None:
    assert model.label("regiegroep-mra") == "Regiegroep (MRA)"
    assert model.label("regiegroep-am") == "Regiegroep (AM)"
    assert len(set(model.labels.values())) == len(model.nodes)
