"""Text that tries to break out of each format's syntax, and a model full of it."""

from __future__ import annotations

from mra_graph.model.schema import GovernanceModel

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
    '</script><img src=x onerror="alert(1)"> <svg onload=alert(1)>',
    '" ]; evil [label="x"]; a -> b [label="',
    '%%{init: {"theme": "dark"}}%% A-->B click A call alert()',
    "[link](javascript:alert(1)) | cel | **vet** # kop",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
    "${7*7} {{7*7}} <%= 7*7 %> $(id) `id`",
    "omgekeerd \u202e‮ en zero​width ﻿",
)

# benign text of the same shape, one per hostile string: an output made from the plain
# model with each PLAIN[k] replaced by HOSTILE[k] must equal the hostile model's output
PLAIN = tuple(f"gewoon{k:02d}tekst" for k in range(len(HOSTILE)))


def hostile_model(model: GovernanceModel, corpus: tuple[str, ...] = HOSTILE) -> GovernanceModel:
    """``model`` with names, aliases, descriptions and attributes replaced by ``corpus`` text."""
    nodes = []
    for i, node in enumerate(model.nodes):
        text = corpus[i % len(corpus)]
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
        r.model_copy(update={"note": corpus[i % len(corpus)] + "\nnoot", "role": corpus[i % len(corpus)]})
        for i, r in enumerate(model.relations)
    ]
    figures = [
        table.model_copy(
            update={
                "title": corpus[t % len(corpus)],
                "rows": [
                    row.model_copy(update={"label": f"{corpus[(t + j) % len(corpus)]} {j}"})
                    for j, row in enumerate(table.rows)
                ],
            }
        )
        for t, table in enumerate(model.figures)
    ]
    # revalidate so the copies obey the schema exactly as loaded models do
    update = {"nodes": nodes, "relations": relations, "figures": figures}
    data = model.model_copy(update=update).model_dump(by_alias=True)
    return GovernanceModel.model_validate(data)
