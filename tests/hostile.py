"""Text that tries to break out of each format's syntax, and a model full of it."""

from __future__ import annotations

from mra_graph.model import GovernanceModel

HOSTILE = (
    '"];<script>alert(1)</script>',
    "<b>&amp;</b> & ]]> <!-- x -->",
    "back\\slash \\n \\u0041 \\",
    "quotes ' \" ''' \"\"\" `",
    '=HYPERLINK("http://x.invalid","klik")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "'al een apostrof",
    "emoji 🏛️ en accenten é ñ ß",
    "MATCH (n) DETACH DELETE n //",
    "}} {{ @prefix x: <y> . } ; ,",
)


def hostile_model(model: GovernanceModel) -> GovernanceModel:
    """``model`` with names, aliases, descriptions and attributes replaced by hostile text."""
    nodes = []
    for i, node in enumerate(model.nodes):
        text = HOSTILE[i % len(HOSTILE)]
        nodes.append(
            node.model_copy(
                update={
                    "name": f"{text} {i}",
                    "aliases": [text, f"{text}!"],
                    "description": f"{text}\nregel twee\tmet tab",
                    "attributes": {"note": text, "flag": True, "list": [text, "b"]},
                }
            )
        )
    relations = [
        r.model_copy(update={"note": HOSTILE[i % len(HOSTILE)] + "\nnoot", "role": HOSTILE[i % len(HOSTILE)]})
        for i, r in enumerate(model.relations)
    ]
    # revalidate so the copies obey the schema exactly as loaded models do
    data = model.model_copy(update={"nodes": nodes, "relations": relations}).model_dump(by_alias=True)
    return GovernanceModel.model_validate(data)
