"""The synthetic national model: valid, realistic in shape, and the same for the same arguments."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from benchmarks.synthetic import national_model, relations_per_municipality
from mra_graph.loading import load_text
from mra_graph.queries import members


def test_a_small_national_model_is_valid_and_complete() -> None:
    data = national_model(12)
    model = load_text(json.dumps(data), "synthetic.json")
    types = Counter(n.type for n in model.nodes)
    assert types["gemeente"] == 12
    assert types["provincie"] == 1
    assert types["cooperation"] == round(12 * 3.8) == len(model.regions)
    assert types["platform"] >= types["cooperation"]
    statuses = Counter(n.status.value for n in model.nodes if n.type == "cooperation")
    assert statuses["active"]
    assert statuses["ended"]
    kinds = Counter(r.kind for r in model.relations)
    assert kinds["member_of"] > kinds["part_of"] > kinds["chairs"]
    # every fact cites a section of a document in the model
    assert len(model.figures) == 1
    assert len(model.figures[0].rows) == types["cooperation"] + 1
    sections = {d.id: set(d.sections) for d in model.documents}
    assert all(s.section in sections[s.document] for item in model.relations for s in item.sources)


def test_the_model_answers_questions() -> None:
    model = load_text(json.dumps(national_model(6)), "synthetic.json")
    cooperation = next(n for n in model.nodes if n.type == "cooperation" and n.status.value == "active")
    assert cooperation.valid_from is not None
    found = members(model, cooperation.id, cooperation.valid_from + dt.timedelta(days=1))
    kinds = Counter(h.node.type for h in found.hits)
    assert kinds["gemeente"] >= 3
    assert kinds["steering_group"] == 1


def test_same_arguments_same_model_and_size_grows_linearly() -> None:
    assert national_model(5, seed=3) == national_model(5, seed=3)
    assert national_model(5, seed=3) != national_model(5, seed=4)
    small, large = (len(national_model(n)["relations"]) for n in (20, 80))
    assert 3.0 < large / small < 5.0
    assert 0.5 < large / 80 / relations_per_municipality() < 1.5
