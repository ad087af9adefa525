"""The edits of mra_graph.editing.edits: each gives a wholly valid model or raises, never deletes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from mra_graph.editing import edits as editing
from mra_graph.errors import ModelError, UnknownNameError, UsageError
from mra_graph.model.loading import dump_text
from mra_graph.model.names import resolve
from mra_graph.model.schema import GovernanceModel, Status

SOURCE = [{"document": "am-overleggen-brochure", "section": "Regiegroep"}]
DAY = dt.date(2024, 1, 1)


def test_add_node_goes_after_its_region_and_validates(model: GovernanceModel) -> None:
    new = editing.add_node(
        model,
        {"id": "am-testplatform", "kind": "body", "type": "platform", "name": "Testplatform", "region": "am"}
        | {"sources": SOURCE},
    )
    ids = [n.id for n in new.nodes]
    last_am = max(i for i, n in enumerate(model.nodes) if n.region == "am")
    assert ids.index("am-testplatform") == last_am + 1
    assert len(new.nodes) == len(model.nodes) + 1
    assert model.nodes_by_id.get("am-testplatform") is None  # the input model is untouched


def test_add_node_refuses_a_taken_id(model: GovernanceModel) -> None:
    with pytest.raises(UsageError, match="the id 'mra-bureau' is taken"):
        editing.add_node(
            model, {"id": "mra-bureau", "kind": "body", "name": "x", "sources": SOURCE}, lang="en"
        )


def test_invalid_edit_raises_with_a_pointer_and_no_line(model: GovernanceModel) -> None:
    with pytest.raises(ModelError) as caught:
        editing.add_node(
            model,
            {"id": "x", "kind": "body", "name": "X", "sources": [{"document": "nope", "section": "s"}]},
            file="m.json",
        )
    problem = caught.value.problems[0]
    assert re.fullmatch(r"/nodes/\d+/sources/0/document", problem.pointer)
    assert problem.message == "unknown document 'nope'"
    assert (problem.line, problem.column) == (0, 0)
    assert str(problem).startswith("m.json /nodes/")


def test_add_relation_gets_the_conventional_id(model: GovernanceModel) -> None:
    new = editing.add_relation(
        model,
        {"kind": "informs", "from": "regiegroep-am", "to": "am-overleg", "sources": SOURCE},
    )
    added = [r for r in new.relations if r.id not in {x.id for x in model.relations}]
    assert [r.id for r in added] == ["regiegroep-am.informs.am-overleg"]
    # the same fact twice is refused by the model's own rule, under the id it would get
    with pytest.raises(ModelError, match=r"regiegroep-am\.informs\.am-overleg-2|/relations/"):
        editing.add_relation(
            new, {"kind": "informs", "from": "regiegroep-am", "to": "am-overleg", "sources": SOURCE}
        )


def test_add_relation_to_an_unknown_node_is_an_unknown_name(model: GovernanceModel) -> None:
    with pytest.raises(UnknownNameError, match="nowhere"):
        editing.add_relation(model, {"kind": "informs", "from": "mra", "to": "nowhere", "sources": SOURCE})


def test_set_and_unset(model: GovernanceModel) -> None:
    new = editing.set_fields(model, "regiegroep-am", {"size": 12}, ("description_en",))
    node = new.nodes_by_id["regiegroep-am"]
    assert node.size == 12
    assert node.description_en is None
    assert node.description == model.nodes_by_id["regiegroep-am"].description


def test_set_refuses_the_id_and_unknown_fields(model: GovernanceModel) -> None:
    with pytest.raises(UsageError, match="no field 'id'"):
        editing.set_fields(model, "mra", {"id": "mra2"}, lang="en")
    with pytest.raises(UsageError, match="no field 'colour'"):
        editing.set_fields(model, "mra", {"colour": "red"}, lang="en")
    with pytest.raises(UnknownNameError, match="unknown node 'nope'"):
        editing.set_fields(model, "nope", {"name": "x"})
    with pytest.raises(UsageError, match="no region has the id 'nope'"):
        editing.set_fields(model, "region:nope", {"name": "x"}, lang="en")


def test_set_wrong_type_is_a_model_error(model: GovernanceModel) -> None:
    with pytest.raises(ModelError, match=r"/nodes/\d+/size"):
        editing.set_fields(model, "regiegroep-am", {"size": "twaalf"})


def test_end_a_node_needs_its_running_relations_ended_too(model: GovernanceModel) -> None:
    with pytest.raises(UsageError, match=r"still running on 2024-01-01 .*--with-relations"):
        editing.end(model, "mra-bureau", DAY, lang="en")
    new = editing.end(model, "mra-bureau", DAY, with_relations=True)
    node = new.nodes_by_id["mra-bureau"]
    assert (node.status, node.valid_to) == (Status.ENDED, DAY)
    touching = [r for r in new.relations if "mra-bureau" in (r.from_, r.to)]
    assert touching
    assert all(r.status is Status.ENDED and r.valid_to is not None and r.valid_to <= DAY for r in touching)
    assert len(new.relations) == len(model.relations)  # nothing deleted


def test_end_a_relation(model: GovernanceModel) -> None:
    relation = next(r for r in model.relations if r.status is Status.ACTIVE and r.valid_to is None)
    new = editing.end(model, relation.id, DAY)
    ended = next(r for r in new.relations if r.id == relation.id)
    assert (ended.status, ended.valid_to) == (Status.ENDED, DAY)
    with pytest.raises(UsageError, match="already ended"):
        editing.end(new, relation.id, DAY, lang="en")


def test_rename_keeps_the_id_and_the_old_name_as_a_dated_alias(model: GovernanceModel) -> None:
    once = editing.rename(model, "mra-bureau", "Bureau MRA", DAY, name_en="MRA Office")
    twice = editing.rename(once, "mra-bureau", "MRA Regiobureau", dt.date(2025, 6, 1))
    node = twice.nodes_by_id["mra-bureau"]
    assert node.name == "MRA Regiobureau"
    assert [(f.name, f.name_en, f.valid_from, f.valid_to) for f in node.former_names] == [
        ("MRA Bureau", model.nodes_by_id["mra-bureau"].name_en, None, DAY),
        ("Bureau MRA", None, DAY, dt.date(2025, 6, 1)),
    ]
    # the old names still find the node
    assert resolve(twice, "MRA Bureau").id == "mra-bureau"
    assert resolve(twice, "Bureau MRA").id == "mra-bureau"


def test_rename_with_a_date_before_the_previous_one_is_invalid(model: GovernanceModel) -> None:
    once = editing.rename(model, "mra-bureau", "Bureau MRA", DAY)
    with pytest.raises(ModelError, match="former_names/1"):
        editing.rename(once, "mra-bureau", "Weer anders", dt.date(2020, 1, 1))


def test_edits_keep_the_canonical_layout(model: GovernanceModel) -> None:
    before = dump_text(model).splitlines()
    after = dump_text(editing.set_fields(model, "regiegroep-am", {"size": 12})).splitlines()
    assert len(after) == len(before) + 1
    assert [line for line in after if line not in before] == ['      "size": 12,']


# --- regions and documents ------------------------------------------------------------

REGION = {"id": "zk", "name": "Zaanstreek", "short": "ZK", "sources": SOURCE}
NO_SHORT = {k: v for k, v in REGION.items() if k != "short"}
DOCUMENT = {
    "id": "notitie-2018",
    "title": "Notitie",
    "file": "notitie-2018.txt",
    "period": "2018",
    "sections": ["Inleiding", "Besluit"],
}


def test_add_region_then_a_node_in_it(model: GovernanceModel) -> None:
    new = editing.add_region(model, REGION | {"name_en": "Zaan area"})
    assert [r.id for r in new.regions] == [*[r.id for r in model.regions], "zk"]
    assert new.regions_by_id["zk"].name_en == "Zaan area"
    node = {"id": "regiegroep-zk", "kind": "body", "name": "Regiegroep", "region": "zk", "sources": SOURCE}
    again = editing.add_node(new, node)
    # a third Regiegroep, told apart by the new region's short name
    assert again.label("regiegroep-zk") == "Regiegroep (ZK)"


def test_add_document_then_cite_it(model: GovernanceModel) -> None:
    new = editing.add_document(model, DOCUMENT | {"title_en": "Note"})
    assert new.documents[-1].id == "notitie-2018"
    cited = [{"document": "notitie-2018", "section": "Besluit"}]
    again = editing.add_node(new, {"id": "x-body", "kind": "body", "name": "X", "sources": cited})
    assert again.nodes_by_id["x-body"].sources[0].document == "notitie-2018"


@pytest.mark.parametrize(
    ("edit", "fields", "message"),
    [
        pytest.param(
            editing.add_region, REGION | {"id": "am"}, "a region with the id 'am' exists", id="region"
        ),
        pytest.param(
            editing.add_document,
            DOCUMENT | {"id": "am-overleggen-brochure"},
            "a document with the id 'am-overleggen-brochure' exists",
            id="document",
        ),
    ],
)
def test_a_taken_region_or_document_id_is_refused(
    model: GovernanceModel, edit: Callable[..., GovernanceModel], fields: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        edit(model, fields, lang="en")


@pytest.mark.parametrize(
    ("edit", "fields", "pointer"),
    [
        pytest.param(editing.add_region, NO_SHORT, "/regions/2/short", id="region-without-short"),
        pytest.param(editing.add_region, REGION | {"sources": [{"document": "nergens", "section": "x"}]},
                     "/regions/2/sources/0/document", id="region-citing-nothing"),
        pytest.param(editing.add_document, DOCUMENT | {"sections": []}, "/documents/2/sections",
                     id="document-without-sections"),
        pytest.param(editing.add_document, DOCUMENT | {"id": "Notitie 2018"}, "/documents/2/id",
                     id="document-bad-id"),
    ],
)  # fmt: skip
def test_an_invalid_region_or_document_is_a_model_error(
    model: GovernanceModel, edit: Callable[..., GovernanceModel], fields: dict[str, object], pointer: str
) -> None:
    with pytest.raises(ModelError) as caught:
        edit(model, fields)
    assert [p.pointer for p in caught.value.problems] == [pointer]
