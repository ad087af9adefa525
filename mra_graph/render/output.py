"""Running Graphviz's ``dot`` on DOT text, and making its SVG accessible.

``dot`` is found on the ``PATH``; when it is missing, :func:`run_dot` raises a one-line
:class:`~mra_graph.errors.RenderError` with the install command. The SVG is rewritten
with an XML parser (never with string replacement), deterministically: a ``<title>`` and
``<desc>`` come first in the document, the root gets ``role="img"`` and
``aria-labelledby``, and every node and edge group's ``<title>`` reads as a person would
say it instead of Graphviz's internal name.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

from mra_graph.errors import RenderError
from mra_graph.render.scene import Scene

__all__ = ["BINARY_FORMATS", "INSTALL_HINT", "accessible_svg", "dot_program", "run_dot"]

BINARY_FORMATS = ("svg", "png", "pdf")
INSTALL_HINT = "install Graphviz with 'apt-get install graphviz' or 'brew install graphviz'"
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
TIMEOUT = 300

ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)


def dot_program() -> str:
    """The path of Graphviz's ``dot``; raises :class:`RenderError` when it is not installed."""
    found = shutil.which("dot")
    if found is None:
        raise RenderError(f"drawing SVG, PNG or PDF needs Graphviz's 'dot' program; {INSTALL_HINT}")
    return found


def run_dot(source: str, fmt: str, *, dpi: int | None = None) -> bytes:
    """``dot -T<fmt>`` on ``source``; raises :class:`RenderError` when it fails."""
    if fmt not in BINARY_FORMATS:
        raise RenderError(f"dot cannot write {fmt!r} here; use one of {', '.join(BINARY_FORMATS)}")
    command = [dot_program(), f"-T{fmt}"]
    if dpi is not None:
        command.append(f"-Gdpi={dpi}")
    try:
        done = subprocess.run(
            command, input=source.encode("utf-8"), capture_output=True, timeout=TIMEOUT, check=False
        )
    except OSError as error:
        raise RenderError(f"cannot run {command[0]!r}: {error.strerror}; {INSTALL_HINT}") from error
    except subprocess.TimeoutExpired as error:
        raise RenderError(f"Graphviz took longer than {TIMEOUT} s to lay out the diagram") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(
            f"Graphviz could not draw the diagram: {message[0] if message else done.returncode}"
        )
    return done.stdout


def accessible_svg(svg: bytes, scene: Scene, description: str) -> bytes:
    """Graphviz's SVG with a title, a text alternative and readable titles per node and edge."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise RenderError(f"Graphviz wrote SVG that does not parse: {error}") from error
    for index, (tag, text, ident) in enumerate(
        (("title", scene.title, "diagram-title"), ("desc", description, "diagram-desc"))
    ):
        element = ET.Element(f"{{{SVG}}}{tag}", {"id": ident})
        element.text = text
        root.insert(index, element)
    root.set("role", "img")
    root.set("aria-labelledby", "diagram-title diagram-desc")
    nodes = scene.nodes_by_id
    edges = {e.id: e for e in scene.edges}
    for group in root.iter(f"{{{SVG}}}g"):
        ident = group.get("id", "")
        title = group.find(f"{{{SVG}}}title")
        if title is None:
            continue
        if group.get("class") == "graph":
            title.text = scene.title
        elif ident.startswith("node-") and ident[5:] in nodes:
            title.text = nodes[ident[5:]].label
        elif ident.startswith("edge-") and ident[5:] in edges:
            edge = edges[ident[5:]]
            title.text = edge.phrase + (f" ({edge.label})" if edge.label else "")
        elif ident.startswith("legend"):
            title.text = ""
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body + "\n").encode("utf-8")
