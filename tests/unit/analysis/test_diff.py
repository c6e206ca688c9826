"""Diff between two chain versions."""

import json

import networkx as nx

from chainmap.analysis import AttributeChange, RiskChange, SiteRisk, diff_chains
from chainmap.analysis.diff import natural_key
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
        "risks_added": [],
        "risks_removed": [],
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


def test_high_risks_that_come_and_go_with_sites_are_reported() -> None:
    listed = make_reference(
        countries=[make_country("BD"), make_country("TR")],
        listings=[make_listing("Garments", "BD", child=True, forced=True)],
        goods=[("Garments", "Manufacturing")],
    )
    old = make_chain(
        [("c", "NL", "trading"), ("bd", "BD", "cut-make-trim", ("Garments",))], [("bd", "c")], contractor="c"
    )
    new = make_chain(
        [("c", "NL", "trading"), ("tr", "TR", "cut-make-trim", ("Garments",))], [("tr", "c")], contractor="c"
    )
    diff = diff_chains(old, new, reference=listed)
    removed = {(risk.node, risk.theme): risk.level for risk in diff.risks_removed}
    assert removed[("bd", "forced_labour")] == Level.VERY_HIGH
    assert removed[("bd", "child_labour")] == Level.HIGH
    assert all(risk.level >= Level.HIGH for risk in (*diff.risks_removed, *diff.risks_added))
    assert ("bd", "forced_labour") not in {(risk.node, risk.theme) for risk in diff.risks_added}
    back = diff_chains(new, old, reference=listed)
    assert back.risks_added == diff.risks_removed
    assert SiteRisk("bd", "forced_labour", Level.VERY_HIGH).as_dict("nl")["label"] == "zeer hoog"


def test_every_list_is_in_natural_order_of_the_ids_and_counted_by_kind() -> None:
    ids = ["n10", "n2", "N3", "n1", "m20", "n11"]
    old = make_chain([("c", "NL", "trading"), ("n9", "TR", "weaving")], [("n9", "c")], contractor="c")
    new = make_chain(
        [("c", "NL", "trading"), *((node, "BD", "cut-make-trim", ("Garments",)) for node in ids)],
        [(node, "c") for node in ids],
        contractor="c",
    )
    diff = diff_chains(old, new, reference=REFERENCE)
    natural = ("m20", "n1", "n2", "N3", "n10", "n11")  # n2 before n10, case ignored
    assert diff.nodes_added == natural
    assert diff.links_added == tuple((node, "c") for node in natural)
    assert [risk.node for risk in diff.risks_added] == sorted(
        (risk.node for risk in diff.risks_added), key=natural.index
    )
    assert diff.counts() == {
        "nodes_added": 6,
        "nodes_removed": 1,
        "links_added": 6,
        "links_removed": 1,
        "changed": 0,
        "risk_changes": len(diff.risk_changes),
        "risks_removed": 0,
        "risks_added": len(diff.risks_added),
    }
    assert diff.risks_added and set(diff.counts()) == set(diff.as_dict())
    moved = make_chain(
        [("c", "NL", "trading"), *((node, "TR", "cut-make-trim", ("Garments",)) for node in ids)],
        [(node, "c") for node in ids],
        contractor="c",
    )
    changed = diff_chains(new, moved, reference=REFERENCE).changed
    assert [change.node for change in changed] == list(natural)


def test_natural_key_orders_digit_runs_as_numbers() -> None:
    assert sorted(["x10", "x9", "x10a", "x1", "y", "10"], key=natural_key) == [
        "10",
        "x1",
        "x9",
        "x10",
        "x10a",
        "y",
    ]
