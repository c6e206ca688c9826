"""The bundled demo chains: their hotspots follow from the DOL List of Goods and the UFLPA Entity List.

Each demo in fixtures/demo/ is loaded with the committed reference tables and analysed. The expectations
are derived from the data: `ReferenceData.listing` and `sanctioned_entity`, checked in turn against the
raw rows of fixtures/reference/dol_goods_countries.csv and uflpa_entities.csv. A few concrete facts a
reader can check by looking at those files and the demo CSVs are pinned as well (the Turkmen cotton farm,
the Bangladesh garment maker, the DRC cobalt mine, Hoshine Silicon).
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

import networkx as nx
import pytest

from chainmap.analysis import (
    AttributeChange,
    ChainAnalysis,
    Evidence,
    Hotspot,
    NodeResult,
    Reason,
    Risk,
    analyse,
    diff_chains,
)
from chainmap.chainfile import load_chain
from chainmap.findings import Finding
from chainmap.reference import DOL_GOODS_SOURCES, DolListing, ReferenceData, load_reference, normalise_name
from chainmap.themes import Level

ROOT: Final = Path(__file__).resolve().parents[2]
DEMO: Final = ROOT / "fixtures" / "demo"
REFERENCE_TABLES: Final = ROOT / "fixtures" / "reference"
GARMENTS: Final = DEMO / "garments.csv"
GARMENTS_2027: Final = DEMO / "versions" / "garments-2027.csv"
NATURAL_STONE: Final = DEMO / "natural_stone.csv"
ICT_HARDWARE: Final = DEMO / "ict_hardware.csv"
DEMOS: Final = (GARMENTS, GARMENTS_2027, NATURAL_STONE, ICT_HARDWARE)
DEMO_IDS: Final = ("garments", "garments-2027", "natural_stone", "ict_hardware")

DOL_CITATION: Final = "List of Goods Produced by Child Labor or Forced Labor"
UFLPA_CITATION: Final = "UFLPA Entity List"

# The sites whose (good, country) is on the DOL list, as read off the demo CSVs and dol_goods_countries.csv.
# Pinned so that a good or country that stops resolving (and so silently loses its listing) fails here.
LISTED_SITES: Final[dict[Path, frozenset[str]]] = {
    GARMENTS: frozenset(
        {
            "BD-CMT",  # Garments, BD: child + forced
            "TR-CMT",  # Garments, TR: child
            "BD-KNIT",  # Fabric -> Textiles, BD: child
            "BD-DYE",
            "IN-SPIN",  # Thread/Yarn, IN: child + forced
            "CN-SPIN",  # Thread/Yarn, CN: forced
            "IN-GIN",  # Cotton, IN: child
            "IN-FARM",
            "TR-GIN",  # Cotton, TR: child
            "TR-FARM",
            "TM-GIN",  # Cotton, TM: child + forced
            "TM-FARM",
        }
    ),
    GARMENTS_2027: frozenset(
        {
            "BD-CMT",
            "TR-CMT",
            "BD-KNIT",
            "BD-DYE",
            "IN-SPIN",
            "CN-SPIN",
            "IN-GIN",
            "IN-FARM",
            "TR-GIN",
            "TR-FARM",
        }
    ),
    NATURAL_STONE: frozenset({"IN-PROC", "IN-Q1", "IN-Q2"}),  # Sandstone, IN: child + forced
    ICT_HARDWARE: frozenset(
        {
            "CN-ASM",  # Laptops -> Electronics, CN: child + forced + forced child
            "MY-PCB",  # Electronics, MY: forced
            "CN-BAT",  # Lithium-Ion Batteries, CN: child (derived: cobalt from CD)
            "CD-CO-MINE",  # Cobalt ore (heterogenite), CD: child
            "CD-CO-IND",
            "CD-TA",  # Tantalum ore (coltan), CD: child + forced + forced child
            "ID-SN-SMELT",  # Tin, ID: child
            "ID-SN-MINE",
            "CN-SI",  # Polysilicon, CN: forced
        }
    ),
}
# The listed sites where the listing does not apply: they process or trade the listed good and buy it from
# mapped suppliers, which carry the listing instead (docs/risk-model.md §4.1).
ORIGIN_MAPPED: Final[dict[Path, frozenset[str]]] = {
    GARMENTS: frozenset({"IN-GIN", "TR-GIN", "TM-GIN"}),  # ginneries: cotton from the mapped farms
    GARMENTS_2027: frozenset({"IN-GIN", "TR-GIN"}),
    NATURAL_STONE: frozenset({"IN-PROC"}),  # processor: sandstone from the mapped quarries
    # smelter: tin from the mapped miners; battery maker: cobalt (its listed input) from the mapped refinery
    ICT_HARDWARE: frozenset({"ID-SN-SMELT", "CN-BAT"}),
}
# The sites whose name matches an entry of uflpa_entities.csv.
UFLPA_SITES: Final[dict[Path, dict[str, str]]] = {
    GARMENTS: {"CN-SPIN": "Aksu Huafu Color Spinning Co., Ltd."},
    GARMENTS_2027: {"CN-SPIN": "Aksu Huafu Color Spinning Co., Ltd."},
    NATURAL_STONE: {},
    ICT_HARDWARE: {"CN-SI": "Hoshine Silicon Industry (Shanshan) Co., Ltd"},
}
# The top hotspot of each demo: a DOL-listed site carrying the most volume.
TOP_HOTSPOT: Final[dict[Path, tuple[str, str]]] = {
    GARMENTS: ("BD-CMT", "forced_labour"),
    GARMENTS_2027: ("BD-CMT", "forced_labour"),
    NATURAL_STONE: ("IN-Q1", "forced_labour"),
    # Child and forced labour tie at CN-ASM; the theme order breaks the tie.
    ICT_HARDWARE: ("CN-ASM", "child_labour"),
}


def reference() -> ReferenceData:
    return load_reference()


@dataclass(frozen=True)
class Demo:
    """A demo chain as loaded and analysed."""

    graph: "nx.DiGraph[str]"
    findings: tuple[Finding, ...]
    analysis: ChainAnalysis

    def node(self, node_id: str) -> NodeResult:
        return next(node for node in self.analysis.nodes if node.id == node_id)

    def risk(self, node_id: str, theme: str) -> Risk:
        return self.node(node_id).risks[theme]

    def hotspot(self, node_id: str, theme: str) -> tuple[int, Hotspot]:
        """The 1-based rank and the hotspot of (node, theme)."""
        for rank, hotspot in enumerate(self.analysis.hotspots, start=1):
            if (hotspot.node, hotspot.theme) == (node_id, theme):
                return rank, hotspot
        raise AssertionError(f"no hotspot for {node_id} / {theme}")

    def rank(self, node_id: str, theme: str) -> int:
        return self.hotspot(node_id, theme)[0]


@cache
def demo(path: Path) -> Demo:
    built = load_chain(path, reference=reference())
    assert built.ok, [finding.message() for finding in built.findings]
    analysis = analyse(built.graph, reference=reference(), findings=built.findings)
    return Demo(built.graph, tuple(built.findings), analysis)


@cache
def dol_rows() -> dict[tuple[str, str], dict[str, str]]:
    """dol_goods_countries.csv as written, by (good, iso2)."""
    with (REFERENCE_TABLES / "dol_goods_countries.csv").open(encoding="utf-8", newline="") as f:
        return {(row["good"], row["iso2"]): row for row in csv.DictReader(f)}


@cache
def uflpa_rows() -> dict[str, str]:
    """uflpa_entities.csv as written: every normalised name and alias -> the entry's name."""
    names: dict[str, str] = {}
    with (REFERENCE_TABLES / "uflpa_entities.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            aliases = [alias.strip() for alias in row["aliases"].split(";") if alias.strip()]
            for key in (row["name"], *aliases):
                names.setdefault(normalise_name(key), row["name"])
    return names


def listings(node: NodeResult) -> Iterator[DolListing]:
    """The DOL listings of the node's goods in its country."""
    if node.country is None:
        return
    for good in node.goods:
        listing = reference().listing(good, node.country)
        if listing is not None:
            yield listing


def listed_kinds(listing: DolListing) -> tuple[str, ...]:
    """The kinds of labour a listing names, in the order the reasons give them."""
    flags = {
        "forced_labour": listing.forced_labour,
        "child_labour": listing.child_labour,
        "forced_child_labour": listing.forced_child_labour,
    }
    return tuple(kind for kind, flag in flags.items() if flag)


LISTING_REASONS = frozenset({"reason.dol_good", "reason.dol_good_input", "reason.dol_good_origin_not_mapped"})


def applying_listings(path: Path, node: NodeResult) -> list[DolListing]:
    """The DOL listings of the node's goods in its country that apply at the site: all of them, except at
    the sites whose origin of the listed good is mapped (ORIGIN_MAPPED)."""
    return [] if node.id in ORIGIN_MAPPED[path] else list(listings(node))


def dol_reasons(risk: Risk, good: str | None = None) -> list[Reason]:
    """The reasons of a risk that cite a good x country row of the DOL list (for `good`, if given)."""
    return [
        reason
        for reason in risk.reasons
        if reason.code in LISTING_REASONS and (good is None or reason.params["good"] == good)
    ]


def uflpa_reasons(risk: Risk) -> list[Reason]:
    return [reason for reason in risk.reasons if reason.code == "reason.uflpa_entity"]


def has_listing_evidence(node: NodeResult, theme: str) -> bool:
    return node.risks[theme].evidence in (Evidence.LISTING, Evidence.LISTING_HANDLED)


# -- validation ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DEMOS, ids=DEMO_IDS)
def test_demo_validates_without_findings(path: Path) -> None:
    built = load_chain(path, reference=reference())
    assert built.ok
    assert built.findings == []
    assert demo(path).analysis.findings == ()
    assert len(demo(path).analysis.nodes) == built.graph.number_of_nodes() > 0


@pytest.mark.parametrize("path", DEMOS, ids=DEMO_IDS)
def test_listing_lookups_agree_with_the_data_file(path: Path) -> None:
    """ReferenceData answers for every demo site exactly what dol_goods_countries.csv holds."""
    for node in demo(path).analysis.nodes:
        if node.country is None:
            continue
        for good in node.goods:
            row = dol_rows().get((good, node.country))
            listing = reference().listing(good, node.country)
            if row is None:
                assert listing is None, (node.id, good)
                continue
            assert listing is not None, (node.id, good)
            assert listing.child_labour == (row["child_labour"] == "1")
            assert listing.forced_labour == (row["forced_labour"] == "1")
            assert listing.forced_child_labour == (row["forced_child_labour"] == "1")


# -- DOL listings ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DEMOS, ids=DEMO_IDS)
def test_the_listed_sites_are_the_expected_ones(path: Path) -> None:
    listed = {node.id for node in demo(path).analysis.nodes if any(listings(node))}
    assert listed == LISTED_SITES[path]


@pytest.mark.parametrize("path", DEMOS, ids=DEMO_IDS)
def test_every_listed_site_reaches_the_listed_levels_with_a_dol_reason(path: Path) -> None:
    """Forced labour listed: forced labour very high. Child labour listed: child labour at least high,
    very high where DOL lists forced child labour. Each with a reason citing the DOL row."""
    checked = 0
    for node in demo(path).analysis.nodes:
        for listing in applying_listings(path, node):
            kinds = listed_kinds(listing)
            forced = listing.forced_labour or listing.forced_child_labour
            child = listing.child_labour or listing.forced_child_labour
            for theme, listed in (("forced_labour", forced), ("child_labour", child)):
                risk = node.risks[theme]
                reasons = dol_reasons(risk, listing.good)
                if not listed:
                    assert not reasons, (node.id, theme)
                    continue
                assert len(reasons) == 1, (node.id, theme)
                (reason,) = reasons
                assert reason.source == DOL_GOODS_SOURCES[listing.edition]
                assert DOL_CITATION in reason.citation
                assert f"({listing.edition})" in reason.text("en")
                assert reason.params["kinds"] == kinds
                assert reason.text("en").startswith(f"{listing.good} from ")
                assert "US DOL" in reason.text("en")
                assert reason.text("nl")
                assert risk.evidence in (Evidence.LISTING, Evidence.LISTING_HANDLED), (node.id, theme)
                checked += 1
            if forced:
                assert node.risks["forced_labour"].level == Level.VERY_HIGH, node.id
            if child:
                expected = Level.VERY_HIGH if listing.forced_child_labour else Level.HIGH
                assert node.risks["child_labour"].level >= expected, node.id
    assert checked > 0


@pytest.mark.parametrize("path", DEMOS, ids=DEMO_IDS)
def test_a_site_whose_supplier_of_the_listed_good_is_mapped_carries_no_listing(path: Path) -> None:
    result = demo(path)
    for node_id in ORIGIN_MAPPED[path]:
        node = result.node(node_id)
        assert any(listings(node)), node_id
        suppliers = [result.node(supplier) for supplier in result.graph.predecessors(node_id)]
        origins = set(node.goods) | {
            listing.input_good for listing in listings(node) if listing.input_good is not None
        }
        assert origins & {good for supplier in suppliers for good in supplier.goods}, node_id
        for theme in ("child_labour", "forced_labour"):
            assert not dol_reasons(node.risks[theme]), (node_id, theme)
            assert node.risks[theme].level < Level.VERY_HIGH


@pytest.mark.parametrize("path", DEMOS, ids=DEMO_IDS)
def test_very_high_forced_or_child_labour_only_where_a_list_says_so(path: Path) -> None:
    """No site reaches very high forced or child labour, or cites a DOL row, without a listing."""
    for node in demo(path).analysis.nodes:
        listed = applying_listings(path, node)
        if not listed:
            assert not dol_reasons(node.risks["forced_labour"]), node.id
            assert not dol_reasons(node.risks["child_labour"]), node.id
        forced_listed = any(item.forced_labour or item.forced_child_labour for item in listed)
        on_uflpa = reference().sanctioned_entity(node.name) is not None
        if node.risks["forced_labour"].level == Level.VERY_HIGH:
            assert forced_listed or on_uflpa, node.id
        if node.risks["child_labour"].level == Level.VERY_HIGH:
            assert any(item.forced_child_labour for item in listed), node.id


# -- UFLPA ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DEMOS, ids=DEMO_IDS)
def test_uflpa_screening_matches_the_entity_list(path: Path) -> None:
    matched: dict[str, str] = {}
    for node in demo(path).analysis.nodes:
        entity = reference().sanctioned_entity(node.name)
        in_file = uflpa_rows().get(normalise_name(node.name))
        risk = node.risks["forced_labour"]
        if entity is None:
            assert in_file is None, node.id
            assert not uflpa_reasons(risk), node.id
            continue
        assert entity.name == in_file
        matched[node.id] = entity.name
        assert risk.level == Level.VERY_HIGH
        assert risk.evidence is Evidence.LISTING
        (reason,) = uflpa_reasons(risk)
        assert reason.params["entity"] == entity.name
        assert reason.params["date"] == entity.date_added
        assert UFLPA_CITATION in reason.citation
        assert entity.name in reason.text("en")
    assert matched == UFLPA_SITES[path]


def test_hoshine_silicon_is_on_the_uflpa_list_and_its_polysilicon_on_the_dol_list() -> None:
    ict = demo(ICT_HARDWARE)
    site = ict.node("CN-SI")
    # The demo writes "Co., Ltd." and the list "Co., Ltd": names match after normalisation.
    assert site.name == "Hoshine Silicon Industry (Shanshan) Co., Ltd."
    assert uflpa_rows()[normalise_name(site.name)] == "Hoshine Silicon Industry (Shanshan) Co., Ltd"
    assert (site.country, site.goods) == ("CN", ("Polysilicon",))
    row = dol_rows()["Polysilicon", "CN"]
    assert (row["child_labour"], row["forced_labour"], row["forced_child_labour"]) == ("0", "1", "0")
    risk = site.risks["forced_labour"]
    assert risk.level == Level.VERY_HIGH
    assert len(uflpa_reasons(risk)) == 1
    assert len(dol_reasons(risk, "Polysilicon")) == 1
    # Polysilicon is listed for forced labour only: child labour comes from no listing of its own.
    assert site.risks["child_labour"].evidence is not Evidence.LISTING
    assert site.risks["child_labour"].level < Level.HIGH


# -- garments: pinned facts --------------------------------------------------------------------------


def test_turkmen_cotton_farm_has_very_high_forced_labour_from_the_dol_list() -> None:
    row = dol_rows()["Cotton", "TM"]
    assert (row["child_labour"], row["forced_labour"], row["forced_child_labour"]) == ("1", "1", "0")
    garments = demo(GARMENTS)
    farm = garments.node("TM-FARM")
    assert (farm.country, farm.activity, farm.goods) == ("TM", "farming", ("Cotton",))
    forced = farm.risks["forced_labour"]
    assert forced.level == Level.VERY_HIGH
    (reason,) = dol_reasons(forced, "Cotton")
    assert reason.text("en").startswith("Cotton from Turkmenistan is on the US DOL list for forced labour")
    # Child labour is listed, forced child labour is not: high, not very high.
    assert farm.risks["child_labour"].level == Level.HIGH
    # 40% of the Turkish maker's 40% of the garments: 16% of the volume.
    rank, hotspot = garments.hotspot("TM-FARM", "forced_labour")
    assert hotspot.level == Level.VERY_HIGH
    assert hotspot.exposure == pytest.approx(0.4 * 0.4)
    assert hotspot.salience == pytest.approx(0.16)
    assert rank == 3  # after the garment maker and the Indian spinner, which carry more volume
    assert rank < garments.rank("CN-SPIN", "forced_labour")
    # The ginnery buys the farms' cotton: the listing is theirs, not the ginnery's.
    assert garments.risk("TM-GIN", "forced_labour").level < Level.VERY_HIGH


def test_bangladesh_garment_maker_is_the_top_hotspot_of_garments() -> None:
    row = dol_rows()["Garments", "BD"]
    assert (row["child_labour"], row["forced_labour"], row["forced_child_labour"]) == ("1", "1", "0")
    garments = demo(GARMENTS)
    assert garments.node("BD-CMT").country == "BD"  # written "Bangladesh" in the file
    first, second = garments.analysis.hotspots[0], garments.analysis.hotspots[1]
    assert (first.node, first.theme, first.level) == ("BD-CMT", "forced_labour", Level.VERY_HIGH)
    # 60% of the volume; a listing is certain evidence (likelihood 1) and forced labour fully irremediable.
    assert first.exposure == pytest.approx(0.6)
    assert first.salience == pytest.approx(1.0 * 1.0 * 0.6)
    # Very high before high: the Indian spinner's forced labour (42%) before the maker's child labour.
    assert (second.node, second.theme, second.level) == ("IN-SPIN", "forced_labour", Level.VERY_HIGH)


def test_indian_yarn_and_cotton_follow_their_listings() -> None:
    garments = demo(GARMENTS)
    yarn = dol_rows()["Thread/Yarn", "IN"]
    assert (yarn["child_labour"], yarn["forced_labour"]) == ("1", "1")
    assert garments.node("IN-SPIN").country == "IN"
    assert garments.risk("IN-SPIN", "forced_labour").level == Level.VERY_HIGH
    assert garments.risk("IN-SPIN", "child_labour").level == Level.HIGH
    # Indian cotton is listed for child labour only; the ginnery is written "IND", the farm "India".
    cotton = dol_rows()["Cotton", "IN"]
    assert (cotton["child_labour"], cotton["forced_labour"]) == ("1", "0")
    for site in ("IN-GIN", "IN-FARM"):
        assert garments.node(site).country == "IN"
        assert garments.risk(site, "forced_labour").level < Level.VERY_HIGH
        assert not dol_reasons(garments.risk(site, "forced_labour"))
    # The farm grows the cotton and carries the listing; the ginnery buys it from the farm.
    assert garments.risk("IN-FARM", "child_labour").level == Level.HIGH
    assert dol_reasons(garments.risk("IN-FARM", "child_labour"), "Cotton")
    assert not dol_reasons(garments.risk("IN-GIN", "child_labour"))


def test_aksu_huafu_spinner_is_flagged_by_both_lists() -> None:
    garments = demo(GARMENTS)
    risk = garments.risk("CN-SPIN", "forced_labour")
    assert risk.level == Level.VERY_HIGH
    assert [reason.code for reason in risk.reasons[:2]] == ["reason.dol_good", "reason.uflpa_entity"]
    # Thread/Yarn from China is listed for forced labour only.
    assert dol_rows()["Thread/Yarn", "CN"]["child_labour"] == "0"
    assert garments.risk("CN-SPIN", "child_labour").evidence is not Evidence.LISTING


def test_unknown_spinner_is_flagged_for_its_good_not_for_a_country() -> None:
    garments = demo(GARMENTS)
    site = garments.node("UNK-SPIN")
    assert site.country is None
    assert "UNK-SPIN" in garments.analysis.structure.unknown_nodes
    forced_countries = sorted(
        iso2
        for (good, iso2), row in dol_rows().items()
        if good == "Thread/Yarn" and "1" in (row["forced_labour"], row["forced_child_labour"])
    )
    assert forced_countries == ["CN", "IN"]
    risk = site.risks["forced_labour"]
    assert risk.level == Level.MEDIUM
    assert risk.evidence is Evidence.BASELINE
    (reason,) = [r for r in risk.reasons if r.code == "reason.dol_good_unknown_country"]
    assert reason.params["good"] == "Thread/Yarn"
    assert reason.params["count"] == len(forced_countries)
    assert not dol_reasons(risk)


# -- natural stone and ICT hardware: pinned facts -----------------------------------------------------


def test_indian_sandstone_quarries_follow_the_sandstone_listing() -> None:
    row = dol_rows()["Sandstone", "IN"]
    assert (row["child_labour"], row["forced_labour"], row["forced_child_labour"]) == ("1", "1", "0")
    stone = demo(NATURAL_STONE)
    for site in ("IN-Q1", "IN-Q2"):
        assert stone.node(site).goods == ("Sandstone",)
        assert stone.risk(site, "forced_labour").level == Level.VERY_HIGH
        assert stone.risk(site, "child_labour").level == Level.HIGH
    # The processor cuts the quarries' sandstone: the listing sits where the stone is quarried.
    assert stone.node("IN-PROC").goods == ("Sandstone",)
    assert not dol_reasons(stone.risk("IN-PROC", "forced_labour"))
    # Granite is not listed for China or Portugal, nor Stones for Vietnam.
    for good, iso2, site in (("Granite", "CN", "CN-Q"), ("Granite", "PT", "PT-Q"), ("Stones", "VN", "VN-Q")):
        assert (good, iso2) not in dol_rows()
        assert stone.risk(site, "forced_labour").level < Level.VERY_HIGH
        assert not dol_reasons(stone.risk(site, "child_labour"))


def test_drc_cobalt_mines_have_child_and_forced_labour_as_the_2024_data_says() -> None:
    row = dol_rows()["Cobalt ore (heterogenite)", "CD"]
    assert (row["child_labour"], row["forced_labour"], row["forced_child_labour"]) == ("1", "1", "0")
    assert row["edition"] == "2024"
    ict = demo(ICT_HARDWARE)
    for site in ("CD-CO-MINE", "CD-CO-IND"):  # "CD" and "COD" in the file
        assert ict.node(site).country == "CD"
        child = ict.risk(site, "child_labour")
        assert child.level == Level.HIGH  # child labour listed, forced child labour not
        assert dol_reasons(child, "Cobalt ore (heterogenite)")
        assert ict.risk(site, "forced_labour").level == Level.VERY_HIGH  # forced labour listed in 2024


def test_drc_coltan_mine_is_listed_for_forced_child_labour() -> None:
    row = dol_rows()["Tantalum ore (coltan)", "CD"]
    assert (row["child_labour"], row["forced_labour"], row["forced_child_labour"]) == ("1", "1", "1")
    ict = demo(ICT_HARDWARE)
    assert ict.risk("CD-TA", "child_labour").level == Level.VERY_HIGH
    assert ict.risk("CD-TA", "forced_labour").level == Level.VERY_HIGH
    # The unknown coltan mine beside it: no country, so no listing applies.
    assert ict.risk("UNK-TA", "forced_labour").level < Level.VERY_HIGH
    assert not dol_reasons(ict.risk("UNK-TA", "child_labour"))


def test_chinese_batteries_take_their_cobalt_origin_from_the_mapped_refinery_and_mines() -> None:
    """DOL lists Chinese lithium-ion batteries for Congolese cobalt. The battery maker buys its cobalt from
    a mapped refinery that buys from the mapped Congolese mines: the listing sits at the mines."""
    ict = demo(ICT_HARDWARE)
    listing = reference().listing("Lithium-Ion Batteries", "CN")
    assert listing is not None and listing.input_good == "Cobalt ore (heterogenite)"
    battery = ict.node("CN-BAT")
    assert not dol_reasons(battery.risks["child_labour"], "Lithium-Ion Batteries")
    assert battery.risks["child_labour"].level < Level.HIGH
    for mine in ("CD-CO-MINE", "CD-CO-IND"):
        assert dol_reasons(ict.risk(mine, "child_labour"), "Cobalt ore (heterogenite)")
    # Without the refinery in the map, the listing stays and asks where the cobalt comes from.
    graph = ict.graph.copy()
    graph.remove_node("CN-CO-REF")
    graph.remove_nodes_from(["CD-CO-MINE", "CD-CO-IND"])
    graph.add_edge("AU-LI", "CN-BAT", share=None)
    graph["AU-LI"]["CN-BAT"]["share"] = 40.0
    unmapped = analyse(graph, reference=reference())
    risk = next(node for node in unmapped.nodes if node.id == "CN-BAT").risks["child_labour"]
    reason = dol_reasons(risk, "Lithium-Ion Batteries")[0]
    assert reason.code == "reason.dol_good_input"
    assert (reason.params["input_good"], reason.params["input_country"]) == (
        "Cobalt ore (heterogenite)",
        "Democratic Republic of the Congo",
    )


def test_chinese_laptop_assembly_resolves_to_the_electronics_listing() -> None:
    row = dol_rows()["Electronics", "CN"]
    assert (row["child_labour"], row["forced_labour"], row["forced_child_labour"]) == ("1", "1", "1")
    ict = demo(ICT_HARDWARE)
    site = ict.node("CN-ASM")
    assert site.goods == ("Electronics",)  # written "Laptops" in the file
    assert site.risks["child_labour"].level == Level.VERY_HIGH
    assert site.risks["forced_labour"].level == Level.VERY_HIGH
    # Mexico's Electronics are not listed: the other assembler gets no listing.
    assert ("Electronics", "MX") not in dol_rows()
    assert not dol_reasons(ict.risk("MX-ASM", "forced_labour"))


# -- ranking -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DEMOS, ids=DEMO_IDS)
def test_top_hotspot_is_a_listed_or_uflpa_site(path: Path) -> None:
    result = demo(path)
    top = result.analysis.hotspots[0]
    node = result.node(top.node)
    assert any(listings(node)) or reference().sanctioned_entity(node.name) is not None
    assert top.theme in ("forced_labour", "child_labour")
    assert top.level == Level.VERY_HIGH
    assert has_listing_evidence(node, top.theme)
    assert top.likelihood == pytest.approx(1.0)
    assert (top.node, top.theme) == TOP_HOTSPOT[path]
    assert all(top.level >= hotspot.level for hotspot in result.analysis.hotspots)


def test_ict_top_site_ties_on_child_and_forced_labour() -> None:
    first, second = demo(ICT_HARDWARE).analysis.hotspots[:2]
    assert (first.node, first.theme) == ("CN-ASM", "child_labour")
    assert (second.node, second.theme) == ("CN-ASM", "forced_labour")
    assert first.salience == pytest.approx(second.salience) == pytest.approx(0.8)


@pytest.mark.parametrize("path", DEMOS, ids=DEMO_IDS)
def test_the_same_listed_risk_ranks_by_exposure(path: Path) -> None:
    """Among listing-based hotspots of the same theme, level and likelihood, more volume ranks higher."""
    result = demo(path)
    groups: dict[tuple[str, Level, float], list[tuple[int, Hotspot]]] = {}
    for rank, hotspot in enumerate(result.analysis.hotspots, start=1):
        if has_listing_evidence(result.node(hotspot.node), hotspot.theme):
            key = (hotspot.theme, hotspot.level, round(hotspot.likelihood, 6))
            groups.setdefault(key, []).append((rank, hotspot))
    compared = 0
    for members in groups.values():
        for rank_a, a in members:
            for rank_b, b in members:
                if a.exposure > b.exposure:
                    assert rank_a < rank_b, (a.node, b.node, a.theme)
                    compared += 1
    assert compared > 0


@pytest.mark.parametrize(
    ("path", "theme", "order"),
    [
        (GARMENTS, "forced_labour", ["BD-CMT", "IN-SPIN", "TM-FARM", "CN-SPIN"]),
        (GARMENTS, "child_labour", ["BD-CMT", "IN-SPIN", "TR-CMT", "TR-FARM", "TM-FARM"]),
        (NATURAL_STONE, "forced_labour", ["IN-Q1", "IN-Q2"]),
        (ICT_HARDWARE, "forced_labour", ["CN-ASM", "MY-PCB", "CN-SI", "CD-TA"]),
        (ICT_HARDWARE, "child_labour", ["ID-SN-MINE", "CD-CO-MINE"]),
    ],
    ids=["garments-forced", "garments-child", "stone-forced", "ict-forced", "ict-child-high"],
)
def test_pinned_exposure_orders(path: Path, theme: str, order: list[str]) -> None:
    result = demo(path)
    hotspots = [result.hotspot(node, theme)[1] for node in order]
    assert len({hotspot.level for hotspot in hotspots}) == 1
    exposures = [hotspot.exposure for hotspot in hotspots]
    assert exposures == sorted(exposures, reverse=True)
    ranks = [result.rank(node, theme) for node in order]
    assert ranks == sorted(ranks)


def test_pinned_exposures_follow_the_shares() -> None:
    garments = demo(GARMENTS)
    assert garments.node("IN-SPIN").exposure == pytest.approx(0.6 * 0.7)
    assert garments.node("CN-SPIN").exposure == pytest.approx(0.6 * 0.15)
    stone = demo(NATURAL_STONE)
    assert stone.node("IN-Q1").exposure == pytest.approx(0.5 * 0.7)
    assert stone.node("IN-Q2").exposure == pytest.approx(0.5 * 0.3)  # no share: the rest of IN-PROC
    ict = demo(ICT_HARDWARE)
    assert ict.node("MY-PCB").exposure == pytest.approx(0.8 * 0.4 + 0.2 * 0.6)
    assert ict.node("CN-SI").exposure == pytest.approx((0.8 * 0.4 + 0.2 * 0.6) * 0.7 * 0.4)


# -- garments 2027 against garments ------------------------------------------------------------------


def test_garments_2027_diff_replaces_turkmen_cotton_and_the_unknown_spinner() -> None:
    old, new = demo(GARMENTS), demo(GARMENTS_2027)
    diff = diff_chains(old.graph, new.graph, reference=reference())
    assert diff.nodes_removed == ("TM-FARM", "TM-GIN", "UNK-SPIN")
    assert diff.nodes_added == ("GR-FARM", "GR-GIN", "PK-SPIN")
    assert diff.links_removed == (("TM-FARM", "TM-GIN"), ("TM-GIN", "TR-SPIN"), ("UNK-SPIN", "BD-KNIT"))
    assert diff.links_added == (("GR-FARM", "GR-GIN"), ("GR-GIN", "TR-SPIN"), ("PK-SPIN", "BD-KNIT"))
    assert diff.changed == (
        AttributeChange("BD-CMT", "share", 60.0, 50.0, "WK"),
        AttributeChange("TR-CMT", "share", 40.0, 50.0, "WK"),
    )
    # Every site in both versions keeps its name, country, activity and goods, so its inherent risk is
    # the same: the risk changes are none, and the Turkmen risks leave with the removed sites.
    for node in sorted(set(old.graph) & set(new.graph)):
        for attribute in ("name", "country", "activity", "goods"):
            assert old.graph.nodes[node].get(attribute) == new.graph.nodes[node].get(attribute)
    assert diff.risk_changes == ()
    removed = {(risk.node, risk.theme): risk.level for risk in diff.risks_removed}
    assert removed[("TM-FARM", "forced_labour")] == Level.VERY_HIGH
    assert ("TM-GIN", "forced_labour") not in removed  # the ginnery's cotton came from the farms
    assert not any(risk.theme in {"child_labour", "forced_labour"} for risk in diff.risks_added)


def test_turkmen_forced_labour_hotspot_is_gone_in_2027() -> None:
    old, new = demo(GARMENTS), demo(GARMENTS_2027)

    def very_high_forced(result: Demo) -> set[str]:
        return {
            hotspot.node
            for hotspot in result.analysis.hotspots
            if hotspot.theme == "forced_labour" and hotspot.level == Level.VERY_HIGH
        }

    assert very_high_forced(old) - very_high_forced(new) == {"TM-FARM"}
    assert very_high_forced(new) - very_high_forced(old) == set()
    assert not any(node.country == "TM" for node in new.analysis.nodes)
    assert not any(hotspot.node.startswith("TM-") for hotspot in new.analysis.hotspots)
    assert "TM" in old.analysis.structure.exposure_by_country
    assert "TM" not in new.analysis.structure.exposure_by_country
    # The Greek cotton and the Pakistani yarn that replace it are not on the DOL list.
    for good, iso2 in (("Cotton", "GR"), ("Thread/Yarn", "PK")):
        assert (good, iso2) not in dol_rows()
    for site in ("GR-FARM", "GR-GIN", "PK-SPIN"):
        assert not any(listings(new.node(site)))
        assert new.risk(site, "forced_labour").level < Level.VERY_HIGH
    assert new.analysis.structure.unknown_nodes == ()


def test_garments_2027_share_change_moves_the_order_within_a_level_only() -> None:
    old, new = demo(GARMENTS), demo(GARMENTS_2027)
    # Bangladesh from 60% to 50%: still the top hotspot, with less salience.
    assert (new.analysis.hotspots[0].node, new.analysis.hotspots[0].theme) == ("BD-CMT", "forced_labour")
    assert old.hotspot("BD-CMT", "forced_labour")[1].salience == pytest.approx(0.6)
    assert new.hotspot("BD-CMT", "forced_labour")[1].salience == pytest.approx(0.5)
    # Türkiye from 40% to 50%: its listed child labour (high) moves ahead of the Indian spinner's listed
    # child labour (42% before, 35% now), but never ahead of the spinner's very high forced labour.
    old_tr, new_tr = old.hotspot("TR-CMT", "child_labour")[1], new.hotspot("TR-CMT", "child_labour")[1]
    assert (old_tr.exposure, new_tr.exposure) == (pytest.approx(0.4), pytest.approx(0.5))
    assert old.rank("TR-CMT", "child_labour") > old.rank("IN-SPIN", "child_labour")
    assert new.rank("TR-CMT", "child_labour") < new.rank("IN-SPIN", "child_labour")
    for version in (old, new):
        assert version.rank("TR-CMT", "child_labour") > version.rank("IN-SPIN", "forced_labour")
