"""The risk model on the chains an expert in due diligence would try it on (issue: risk truth).

Each test builds a small chain from the committed reference data: a Dutch lab-coat contractor buying from an
Istanbul cotton trader that sources Turkmen and US cotton, and a brand's flat list of factories without
shares. The rules tested are in docs/risk-model.md §4.1 (listings where the good is made), §8 (severity
first) and §10 (prioritised risks and risk groups).
"""

from functools import cache

import networkx as nx

from chainmap.analysis import ChainAnalysis, analyse, assess_site
from chainmap.reference import ReferenceData, load_reference
from chainmap.themes import Level
from tests.factories.chains import make_chain

LISTING_CODES = {"reason.dol_good", "reason.dol_good_origin_not_mapped"}


@cache
def reference() -> ReferenceData:
    return load_reference()


def lab_coats(*, trader_suppliers: bool = True) -> "nx.DiGraph[str]":
    """Lab coats: a Dutch contractor, a Turkish garment maker, an Istanbul cotton trader and (with
    `trader_suppliers`) the Turkmen and US cotton farms it buys from."""
    nodes: list[tuple[str, str | None, str, tuple[str, ...]]] = [
        ("NL-LAB", "NL", "trading", ("Garments",)),
        ("TR-CMT", "TR", "cut-make-trim", ("Garments",)),
        ("TR-TRADE", "TR", "trading", ("Cotton",)),
    ]
    edges: list[tuple[str, str, float | None]] = [("TR-CMT", "NL-LAB", 100.0), ("TR-TRADE", "TR-CMT", 100.0)]
    if trader_suppliers:
        nodes += [("TM-FARM", "TM", "farming", ("Cotton",)), ("US-FARM", "US", "farming", ("Cotton",))]
        edges += [("TM-FARM", "TR-TRADE", 33.0), ("US-FARM", "TR-TRADE", 67.0)]
    return make_chain(nodes, edges, contractor="NL-LAB")


def analysed(graph: "nx.DiGraph[str]") -> ChainAnalysis:
    return analyse(graph, reference=reference())


def listing_goods(result: ChainAnalysis, node: str, theme: str) -> set[str]:
    risk = next(item for item in result.nodes if item.id == node).risks[theme]
    return {str(reason.params["good"]) for reason in risk.reasons if reason.code in LISTING_CODES}


def test_the_istanbul_trader_with_mapped_farms_carries_no_turkish_cotton_listing() -> None:
    result = analysed(lab_coats())
    assert listing_goods(result, "TR-TRADE", "child_labour") == set()
    assert listing_goods(result, "TM-FARM", "forced_labour") == {"Cotton"}
    assert listing_goods(result, "TM-FARM", "child_labour") == {"Cotton"}
    assert listing_goods(result, "US-FARM", "child_labour") == set()


def test_state_imposed_forced_labour_on_turkmen_cotton_tops_the_lab_coat_chain() -> None:
    result = analysed(lab_coats())
    top = result.hotspots[0]
    assert (top.node, top.theme, top.level) == ("TM-FARM", "forced_labour", Level.VERY_HIGH)
    assert top.exposure == 0.33
    # The contractor's own trading in the Netherlands never tops the list.
    assert all(hotspot.node != "NL-LAB" for hotspot in result.hotspots[:10])
    assert result.risk_groups[0].key == "forced_labour|TM|good:Cotton"


def test_an_unmapped_trader_keeps_the_listing_marked_origin_not_mapped() -> None:
    result = analysed(lab_coats(trader_suppliers=False))
    trader = next(item for item in result.nodes if item.id == "TR-TRADE")
    child = trader.risks["child_labour"]
    assert child.level == Level.HIGH
    assert child.reasons[0].code == "reason.dol_good_origin_not_mapped"
    assert "origin of its Cotton is not mapped" in child.reasons[0].text("en")
    assert "herkomst" in child.reasons[0].text("nl")
    hotspot = next(h for h in result.hotspots if (h.node, h.theme) == ("TR-TRADE", "child_labour"))
    assert hotspot.prioritised and hotspot.likelihood < 1.0


def brand_factories(count: int = 500) -> "nx.DiGraph[str]":
    """A brand's published list of tier-1 garment factories: no shares, so each carries 1/count."""
    countries = ("CN", "BD", "IN", "VN", "TR", "KH", "PK", "PT")
    nodes: list[tuple[str, str | None, str, tuple[str, ...]]] = [("NL-BRAND", "NL", "trading", ("Garments",))]
    nodes += [
        (f"F{index:03}", countries[index % len(countries)], "cut-make-trim", ("Garments",))
        for index in range(count)
    ]
    edges: list[tuple[str, str, float | None]] = [
        (f"F{index:03}", "NL-BRAND", None) for index in range(count)
    ]
    return make_chain(nodes, edges, contractor="NL-BRAND")


def test_a_flat_list_of_500_factories_puts_high_and_very_high_risks_first_and_groups_them() -> None:
    result = analysed(brand_factories())
    levels = [hotspot.level for hotspot in result.hotspots]
    assert levels == sorted(levels, reverse=True)
    assert result.hotspots[0].level == Level.VERY_HIGH and result.hotspots[0].exposure == 0.002
    prioritised = [hotspot for hotspot in result.hotspots if hotspot.prioritised]
    assert len(prioritised) > 500  # every high and very high risk, however small the share
    assert all(hotspot.node != "NL-BRAND" for hotspot in prioritised)
    groups = result.risk_groups
    assert sum(len(group.nodes) for group in groups) == len(prioritised)
    assert len(groups) < 60  # hundreds of risks, a workable number of groups
    chinese = next(group for group in groups if group.key == "forced_labour|CN|good:Garments")
    assert (len(chinese.nodes), chinese.level) == (63, Level.VERY_HIGH)
    assert abs(chinese.exposure - 63 / 500) < 1e-9


def test_a_trader_whose_cotton_is_only_partly_mapped_keeps_its_listing() -> None:
    small = lab_coats(trader_suppliers=False)
    small.add_node("US-FARM", name="US farm", country="US", activity="farming", goods=("Cotton",), row=None)
    small.add_edge("US-FARM", "TR-TRADE", share=5.0)  # 95 % of the trader's input is not in the map
    unknown = lab_coats(trader_suppliers=False)
    unknown.add_node(
        "UNK", name="Unknown supplier", country=None, activity="trading", goods=("Cotton",), row=None
    )
    unknown.add_edge("UNK", "TR-TRADE", share=None)
    for graph in (small, unknown):
        result = analysed(graph)
        assert listing_goods(result, "TR-TRADE", "child_labour") == {"Cotton"}


def test_a_good_without_a_listing_of_its_own_meets_the_listed_good_it_falls_under() -> None:
    gloves = assess_site(
        country="MY", activity="manufacturing", goods=["Gloves"], name="x", reference=reference()
    )
    assert gloves["forced_labour"].level == Level.VERY_HIGH
    assert gloves["forced_labour"].listed_good == "Rubber Gloves"
    granite = assess_site(
        country="IN", activity="quarrying", goods=["Granite"], name="x", reference=reference()
    )
    assert granite["forced_labour"].level == Level.VERY_HIGH
    assert granite["forced_labour"].listed_good == "Stones"


def test_palm_oil_listed_for_its_fruit_sits_at_the_mapped_plantations() -> None:
    graph = make_chain(
        [
            ("NL-FOOD", "NL", "manufacturing", ("Refined Palm Oil",)),
            ("ID-REF", "ID", "refining", ("Refined Palm Oil",)),
            ("ID-MILL", "ID", "processing", ("Crude Palm Oil",)),
            ("ID-PLANT", "ID", "farming", ("Palm Fruit",)),
        ],
        [("ID-REF", "NL-FOOD", 100.0), ("ID-MILL", "ID-REF", 100.0), ("ID-PLANT", "ID-MILL", 100.0)],
        contractor="NL-FOOD",
    )
    result = analysed(graph)
    assert listing_goods(result, "ID-PLANT", "forced_labour") == {"Palm Fruit"}
    for site in ("ID-MILL", "ID-REF"):
        risk = next(node for node in result.nodes if node.id == site).risks["forced_labour"]
        assert not any(
            reason.code.startswith("reason.dol_good_") and "input" in reason.code for reason in risk.reasons
        )
        assert listing_goods(result, site, "forced_labour") == set()
    forced = [group for group in result.risk_groups if group.theme == "forced_labour"]
    assert [group.key for group in forced] == ["forced_labour|ID|good:Palm Fruit"]
