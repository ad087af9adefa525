"""The text alternative of a diagram: what it shows, in sentences (WCAG 1.1.1).

The same text is the SVG's ``<desc>`` and what :func:`mra_graph.render.describe` returns,
so a reader who cannot see the picture gets every node and every line of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from mra_graph.model.schema import Status
from mra_graph.model.views import Style
from mra_graph.render.labels import status_word
from mra_graph.render.scene import Scene, SceneEdge, SceneNode
from mra_graph.words import words

__all__ = ["Description", "describe_parts", "describe_scene"]


def _name(node: SceneNode, scene: Scene, style: Style) -> str:
    if node.status is Status.ACTIVE:
        return node.label
    return f"{node.label} ({status_word(node.status, scene.lang)})"


@dataclass(frozen=True)
class Description:
    """The text alternative in parts, for a page that lists the lines one per item:
    ``paragraphs`` (title and date, counts, focus, each group with its members) and the
    sentence of every line under ``connections_head``. Model text inside the parts is never
    split, whatever punctuation it holds."""

    paragraphs: tuple[str, ...]
    connections_head: str
    connections: tuple[str, ...]
    across_head: str = ""
    across: tuple[str, ...] = ()
    """The lines to other regions a region's view leaves out, under ``across_head``."""

    def text(self) -> str:
        """The whole text: a line per paragraph, the connections as one paragraph, and the
        lines not drawn as the last."""
        lines = list(self.paragraphs)
        for head, items in ((self.connections_head, self.connections), (self.across_head, self.across)):
            if items:
                lines.append(f"{head}: " + "; ".join(items) + ".")
        return "\n".join(lines)


def describe_scene(scene: Scene, style: Style) -> str:
    """A paragraph per part: title and date, the groups and their members, then every line.

    Nodes and lines are listed in the order the diagram gives them (from the top down), so
    the order follows the diagram, not the words of the names.
    """
    return describe_parts(scene, style).text()


def describe_parts(scene: Scene, style: Style) -> Description:
    """The text of :func:`describe_scene`, in its parts."""
    w = words(scene.lang)
    nodes = scene.nodes_by_id
    lines = [f"{scene.title}. {scene.subtitle}."]
    lines.append(
        w(
            "diagram",
            "shows",
            nodes=w.counted("diagram", "nodes", n=len(scene.nodes)),
            edges=w.counted("diagram", "edges", n=len(scene.edges)),
        )
    )
    if scene.root is not None:
        lines.append(w("diagram", "in_focus", name=nodes[scene.root].label))
    placed: set[str] = set()
    for cluster in scene.clusters:
        names = ", ".join(_name(nodes[i], scene, style) for i in cluster.nodes)
        lines.append(f"{cluster.label}: {names}.")
        placed.update(cluster.nodes)
    rest = [n for n in scene.nodes if n.id not in placed]
    if rest:
        head = w("diagram", "outside_regions" if scene.clusters else "parts")
        lines.append(f"{head}: " + ", ".join(_name(n, scene, style) for n in rest) + ".")
    return Description(
        tuple(lines),
        w("diagram", "connections"),
        tuple(_sentence(e, scene) for e in scene.edges),
        w("diagram", "across_head", regions=scene.across_to) if scene.across else "",
        tuple(_sentence(e, scene) for e in scene.across),
    )


def _sentence(edge: SceneEdge, scene: Scene) -> str:
    return (
        edge.phrase
        + (f" ({edge.label})" if edge.label else "")
        + (f" [{status_word(edge.status, scene.lang)}]" if edge.status is not Status.ACTIVE else "")
    )
