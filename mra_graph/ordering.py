"""One order for every output, whatever the order of the model file.

The order of items in a model file groups them for the people who edit it; outputs
published from the model must not change when someone regroups the file, so they
list items in the order of their ids.
"""

from __future__ import annotations

from mra_graph.model import GovernanceModel

__all__ = ["in_id_order"]


def in_id_order(model: GovernanceModel) -> GovernanceModel:
    """``model`` with its documents, regions, nodes, relations, figure tables and conflicts by id.

    >>> from mra_graph import load
    >>> ids = [n.id for n in in_id_order(load()).nodes]
    >>> ids == sorted(ids)
    True
    """
    return model.with_lists(
        documents=sorted(model.documents, key=lambda d: d.id),
        regions=sorted(model.regions, key=lambda r: r.id),
        nodes=sorted(model.nodes, key=lambda n: n.id),
        relations=sorted(model.relations, key=lambda r: r.id),
        figures=sorted(model.figures, key=lambda f: f.id),
        conflicts=sorted(model.conflicts, key=lambda c: c.id),
    )
