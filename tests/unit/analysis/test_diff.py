"""Diff between two chain versions."""

import json

import networkx as nx

from chainmap.analysis import AttributeChange, RiskChange, diff_chains
from chainmap.themes import Level
from tests.factories.chains import make_chain
from tests.factories.reference import make_country, make_listing, make_reference

REFERENCE = make_reference(
    countries=[
        make_country("BD", indicators={"corruption_control": -1.1}),
        make_country("TR", indicators={"corruption_control": -0.3}),
    ],
    listings=[make_listing("Garments", "BD", child=True)],
    goods=[("Garments", "Manufacturing"), ("Fabric", "Manufacturing")],
)


def old_chain() -> "nx.DiGraph[str]":
    return make_chain(
        [
            ("c", "NL", "trading"),
            ("g", "TR", "cut-make-trim", ("Garments",)),
            ("w", "TR", "weaving", ("Fabric",)),
        ],
        [("g", "c", 100.0), ("w", "g")],
        contractor="c",
    )


def test_identical_chains_have_no_differences() -> None:
    diff = diff_chains(old_chain(), old_chain(), reference=REFERENCE)
    assert diff.empty
    assert diff.as_dict() == {
        "nodes_added": [],
        "nodes_removed": [],
        "links_added": [],
        "links_removed": [],
        "changed": [],
        "risk_changes": [],
    }


def test_nodes_links_attributes_shares_and_risks() -> None:
    old = make_chain(
        [
            ("c", "NL", "trading"),
            ("g", "TR", "cut-make-trim", ("Garments",)),
            ("w", "TR", "weaving", ("Fabric",)),
        ],
        [("g", "c", 100.0), ("w", "g")],
        contractor="c",
    )
    new = make_chain(
        [("c", "NL", "trading"), ("g", "BD", "cut-make-trim", ("Garments",)), ("s", "BD", "spinning")],
        [("g", "c", 90.0), ("s", "g")],
        contractor="c",
    )
    diff = diff_chains(old, new, reference=REFERENCE)
    assert diff.nodes_added == ("s",)
    assert diff.nodes_removed == ("w",)
    assert diff.links_added == (("s", "g"),)
    assert diff.links_removed == (("w", "g"),)
    assert AttributeChange("g", "country", "TR", "BD") in diff.changed
    assert AttributeChange("g", "share", 100.0, 90.0, "c") in diff.changed
    assert [change.node for change in diff.changed] == ["g", "g"]
    changes = {(change.node, change.theme): change for change in diff.risk_changes}
    assert changes["g", "child_labour"].new_level == Level.HIGH
    assert changes["g", "corruption"] == RiskChange("g", "corruption", Level.LOW, Level.HIGH)
    assert all(change.node == "g" for change in diff.risk_changes)
    assert not diff.empty


def test_diff_as_dict_is_json_ready_in_both_languages() -> None:
    old = make_chain([("c", "NL", "trading"), ("g", "TR", "cut-make-trim")], [("g", "c")], contractor="c")
    new = make_chain([("c", "NL", "trading"), ("g", "BD", "cut-make-trim")], [("g", "c")], contractor="c")
    diff = diff_chains(old, new, reference=REFERENCE)
    english, dutch = diff.as_dict("en"), diff.as_dict("nl")
    assert json.loads(json.dumps(english)) == english
    corruption = next(change for change in dutch["risk_changes"] if change["theme"] == "corruption")
    assert corruption["theme_label"] == "corruptie"
    assert (corruption["old_label"], corruption["new_label"]) == ("laag", "hoog")
    assert english["changed"] == [
        {"node": "g", "customer": None, "attribute": "country", "old": "TR", "new": "BD"}
    ]


def test_goods_changes_are_listed_as_lists() -> None:
    old = make_chain([("c", "NL", "trading", ("Fabric",))], [], contractor="c")
    new = make_chain([("c", "NL", "trading", ("Fabric", "Garments"))], [], contractor="c")
    diff = diff_chains(old, new, reference=REFERENCE)
    assert diff.as_dict()["changed"] == [
        {
            "node": "c",
            "customer": None,
            "attribute": "goods",
            "old": ["Fabric"],
            "new": ["Fabric", "Garments"],
        }
    ]
