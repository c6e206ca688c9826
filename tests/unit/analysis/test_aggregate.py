"""Tier x country groups of a chain: their sites, volume and highest level per theme, the volume flowing
between them (conserved: what leaves a group's sites is what arrives at them), and their layout."""

import math

import networkx as nx
import pytest
from hypothesis import given

from chainmap.analysis import analyse, tiers
from chainmap.analysis.aggregate import (
    ChainGroups,
    group_key,
    link_volumes,
    parse_group_key,
    tier_country_groups,
)
from chainmap.analysis.flow import exposure, flow_upstream, upstream_order
from chainmap.analysis.layout import grouped_layout, part_of_layout, tiered_layout
from chainmap.themes import Level
from tests.factories.chains import make_chain
from tests.property.test_analysis_properties import REFERENCE, chains


def two_countries() -> "nx.DiGraph[str]":
    """Contractor c (NL); makers a (BD, 60%) and b (BD, 40%); weaver x (IN) for a, y (unknown) for both."""
    return make_chain(
        [
            ("c", "NL", "trading"),
            ("a", "BD", "cut-make-trim"),
            ("b", "BD", "cut-make-trim"),
            ("x", "IN", "weaving"),
            ("y", None, "weaving"),
        ],
        [("a", "c", 60.0), ("b", "c", 40.0), ("x", "a", 50.0), ("y", "a", 50.0), ("y", "b", None)],
        contractor="c",
    )


def grouped(graph: "nx.DiGraph[str]", levels: dict[str, dict[str, Level]] | None = None) -> ChainGroups:
    return tier_country_groups(
        graph, tiers=tiers(graph), levels=levels or {}, exposure=exposure(graph), order=upstream_order(graph)
    )


def test_keys_name_tier_and_country_and_only_such_text_parses() -> None:
    assert group_key(3, "CN") == "3-CN" and group_key(2, None) == "2-unknown"
    assert parse_group_key("3-CN") == (3, "CN") and parse_group_key("2-unknown") == (2, "unknown")
    for text in ("", "3", "CN", "3-cn", "-1-CN", "3-CHN", "3-CN ", "12345-CN", "3-unknownx", "³-CN"):
        assert parse_group_key(text) is None, text


def test_sites_are_grouped_by_tier_and_country_with_their_volume() -> None:
    groups = grouped(two_countries())
    assert [(group.key, group.sites) for group in groups.groups] == [
        ("2-unknown", ("y",)),
        ("2-IN", ("x",)),
        ("1-BD", ("a", "b")),
        ("0-NL", ("c",)),
    ]
    volume = {group.key: group.volume for group in groups.groups}
    assert volume["1-BD"] == pytest.approx(1.0) and volume["0-NL"] == pytest.approx(1.0)
    assert volume["2-IN"] == pytest.approx(0.3) and volume["2-unknown"] == pytest.approx(0.7)
    assert groups.group_of == {"c": "0-NL", "a": "1-BD", "b": "1-BD", "x": "2-IN", "y": "2-unknown"}
    assert groups.group("1-BD") is groups.groups[2] and groups.group("9-XX") is None


def test_flows_between_groups_carry_the_volume_of_their_links() -> None:
    groups = grouped(two_countries())
    flows = {(flow.supplier, flow.customer): flow.volume for flow in groups.flows}
    assert flows == pytest.approx({("1-BD", "0-NL"): 1.0, ("2-unknown", "1-BD"): 0.7, ("2-IN", "1-BD"): 0.3})
    assert [flow.volume for flow in groups.flows] == sorted(flows.values(), reverse=True)
    assert groups.within == {"0-NL": 0.0, "1-BD": 0.0, "2-IN": 0.0, "2-unknown": 0.0}


def test_a_link_within_a_group_is_volume_within_it() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("a", "BD", "cut-make-trim"), ("b", "BD", "cut-make-trim")],
        [("a", "c"), ("b", "c"), ("b", "a")],
        contractor="c",
    )
    groups = grouped(graph)
    assert groups.within["1-BD"] == pytest.approx(0.5)
    assert {(flow.supplier, flow.customer) for flow in groups.flows} == {("1-BD", "0-NL")}


def test_a_group_has_the_highest_level_of_its_sites_for_each_theme() -> None:
    levels = {
        "a": {"forced_labour": Level.VERY_HIGH, "child_labour": Level.LOW},
        "b": {"forced_labour": Level.MEDIUM, "child_labour": Level.HIGH},
        "c": {"forced_labour": Level.LOW, "child_labour": Level.NONE_KNOWN},
    }
    groups = grouped(two_countries(), levels)
    makers = groups.group("1-BD")
    assert makers is not None
    assert makers.highest == {"forced_labour": Level.VERY_HIGH, "child_labour": Level.HIGH}
    assert makers.level("child_labour") is Level.HIGH and makers.level(None) is Level.VERY_HIGH
    contractor = groups.group("0-NL")
    assert contractor is not None and contractor.level(None) is Level.LOW
    weavers = groups.group("2-IN")
    assert weavers is not None and weavers.level(None) is Level.NONE_KNOWN  # no levels given for x


def test_groups_are_placed_where_their_sites_are() -> None:
    graph = two_countries()
    sites = tiered_layout(graph)
    groups = grouped(graph)
    layout = grouped_layout(sites, groups.group_of)
    assert layout.columns == (("2-IN", "2-unknown"), ("1-BD",), ("0-NL",))
    with pytest.raises(ValueError, match="different columns"):
        grouped_layout(sites, {"c": "all", "a": "all", "b": "all", "x": "all", "y": "all"})


def test_a_part_of_the_layout_keeps_the_order_of_the_whole() -> None:
    sites = tiered_layout(two_countries())
    part = part_of_layout(sites, {"y", "b", "c"})
    assert part.columns == (("y",), ("b",), ("c",))
    assert [part.positions[node].row for node in ("y", "b", "c")] == [0, 0, 0]
    assert part_of_layout(sites, set()).columns == ()


@given(chains())
def test_every_site_is_in_one_group_of_its_tier_and_country(graph: "nx.DiGraph[str]") -> None:
    tier = tiers(graph)
    groups = grouped(graph)
    sites = [site for group in groups.groups for site in group.sites]
    assert sorted(sites) == sorted(graph) and len(sites) == len(set(sites))
    for group in groups.groups:
        for site in group.sites:
            assert tier[site] == group.tier
            assert (graph.nodes[site]["country"] or "unknown") == group.country
            assert parse_group_key(group.key) == (group.tier, group.country)


@given(chains())
def test_flows_conserve_volume(graph: "nx.DiGraph[str]") -> None:
    """What leaves a group's sites (to other groups and within it) is what arrives at them, the contractor
    aside (it delivers to the buyer); what enters a group is never more than arrives at it."""
    order = upstream_order(graph)
    arrived = flow_upstream(graph, order)
    groups = grouped(graph)
    root = order[0]
    for group in groups.groups:
        leaving = groups.within[group.key] + sum(f.volume for f in groups.flows if f.supplier == group.key)
        arriving = sum(arrived[site] for site in group.sites if site != root)
        assert math.isclose(leaving, arriving, rel_tol=1e-9, abs_tol=1e-12)
        entering = groups.within[group.key] + sum(f.volume for f in groups.flows if f.customer == group.key)
        assert entering <= sum(arrived[site] for site in group.sites) + 1e-9
    total = sum(link_volumes(graph, order=order).values())
    assert math.isclose(
        total,
        sum(f.volume for f in groups.flows) + sum(groups.within.values()),
        rel_tol=1e-9,
        abs_tol=1e-12,
    )
    assert all(flow.volume >= 0 and flow.supplier != flow.customer for flow in groups.flows)


@given(chains())
def test_group_volume_and_levels_match_the_analysis(graph: "nx.DiGraph[str]") -> None:
    analysis = analyse(graph, reference=REFERENCE)
    levels = {node.id: {theme: risk.level for theme, risk in node.risks.items()} for node in analysis.nodes}
    exposures = {node.id: node.exposure for node in analysis.nodes}
    groups = tier_country_groups(graph, tiers=analysis.structure.tiers, levels=levels, exposure=exposures)
    for group in groups.groups:
        assert math.isclose(group.volume, sum(exposures[site] for site in group.sites), abs_tol=1e-12)
        for theme, level in group.highest.items():
            assert level == max(levels[site][theme] for site in group.sites)


@given(chains())
def test_grouped_layout_places_each_group_once_in_its_tier_column(graph: "nx.DiGraph[str]") -> None:
    sites = tiered_layout(graph)
    groups = grouped(graph)
    layout = grouped_layout(sites, groups.group_of)
    placed = [key for column in layout.columns for key in column]
    assert sorted(placed) == sorted(group.key for group in groups.groups)
    deepest = max(group.tier for group in groups.groups)
    tier_of = {group.key: group.tier for group in groups.groups}
    tiers_in_columns = [{tier_of[key] for key in column} for column in layout.columns]
    assert all(len(column) == 1 for column in tiers_in_columns)
    assert [next(iter(column)) for column in tiers_in_columns] == sorted(
        {group.tier for group in groups.groups}, reverse=True
    )
    assert next(iter(tiers_in_columns[0])) == deepest
