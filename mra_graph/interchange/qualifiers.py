"""How firmly the model holds each node and relation, for the formats that write it out.

A fact may be stated plainly or with a modality (conditional, proposed, reserved,
possible) of its own or taken from what it depends on (``modality_via``: the MRA
Bureau's posts are as conditional as the bureau); the model may hold it by its own
reading (``inferred``, with the reason); and recorded conflicts mark it ``disputed`` or
``unclear``. Every exporter writes these under the same names, so a fact that is
conditional in the model is conditional in every format that has a place for it.
"""

from __future__ import annotations

from mra_graph.model.schema import GovernanceModel, Node, Relation

__all__ = ["QUALIFIERS", "qualifiers"]

QUALIFIERS = ("modality", "modality_via", "condition", "condition_en", "inferred", "inferred_en", "marks")
"""The names of the qualifiers, in the order the formats write them."""


def qualifiers(model: GovernanceModel, item: Node | Relation) -> dict[str, str | tuple[str, ...]]:
    """The qualifiers of ``item`` that are given, by name (``marks`` a tuple, the others text)."""
    found: dict[str, str | tuple[str, ...]] = {}
    stating = model.stated.get(item.id)
    if stating is not None:
        found["modality"] = stating.modality.value
        if stating.via is not None:
            found["modality_via"] = stating.via
        if stating.condition:
            found["condition"] = stating.condition
        if stating.condition_en:
            found["condition_en"] = stating.condition_en
    if item.inferred:
        found["inferred"] = item.inferred
    if item.inferred_en:
        found["inferred_en"] = item.inferred_en
    marks = model.marks(item.id)
    if marks:
        found["marks"] = marks
    return found
