"""Properties of the analysis on random valid chains (DAGs with one contractor that every node reaches)."""

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.activities import ORIGIN_ACTIVITIES
from chainmap.analysis import analyse, critical_nodes, exposure, node_risks, structure, tiers
from chainmap.analysis.flow import flow_upstream, upstream_order, walk_upstream
from chainmap.analysis.groups import combined_exposures
from chainmap.analysis.link_walk import link_levels, walk_links
from chainmap.analysis.structure import origin_nodes
from chainmap.chainfile import chain_to_csv, parse_csv
from chainmap.validation import build_chain
from tests.factories.reference import make_country, make_listing, make_reference

REFERENCE = make_reference(
    countries=[
        make_country(
            "BD", indicators={"working_children": 4.3, "corruption_control": -1.1, "rule_of_law": -0.6}
        ),
        make_country(
            "IN", indicators={"voice_accountability": 0.1, "fatal_injury_rate": 7.0}, ratified=("C029",)
        ),
        make_country("NL", indicators={"rule_of_law": 1.8, "wbl_index": 100.0, "corruption_control": 1.9}),
    ],
    listings=[
        make_listing("Cotton", "IN", child=True, forced=True),
        make_listing("Garments", "BD", child=True),
    ],
    goods=[("Cotton", "Agriculture"), ("Garments", "Manufacturing")],
)
COUNTRIES = ("BD", "IN", "NL", None)
ACTIVITIES = ("trading", "cut-make-trim", "spinning", "dyeing", "farming", "mining", "assembly")
ORIGINS = tuple(sorted(ORIGIN_ACTIVITIES))
GOODS = ((), ("Cotton",), ("Garments",))


@st.composite
def chains(draw: st.DrawFn, *, complete_shares: bool = False, origin_ends: bool = False) -> "nx.DiGraph[str]":
    """A random valid chain: node i > 0 supplies one to three lower-numbered nodes; n0 is the contractor.

    With `complete_shares` every customer's shares add up to 100; with `origin_ends` every node without
    suppliers has an origin activity.
    """
    size = draw(st.integers(min_value=1, max_value=25))
    graph: nx.DiGraph[str] = nx.DiGraph(contractor="n0")
    for i in range(size):
        graph.add_node(
            f"n{i}",
            name=f"Site {i}",
            country=draw(st.sampled_from(COUNTRIES)),
            activity=draw(st.sampled_from(ACTIVITIES)),
            goods=draw(st.sampled_from(GOODS)),
            row=i + 2,
        )
    for i in range(1, size):
        customers = draw(st.sets(st.integers(min_value=0, max_value=i - 1), min_size=1, max_size=min(3, i)))
        for customer in customers:
            graph.add_edge(f"n{i}", f"n{customer}", share=None)
    for customer in graph:
        suppliers = list(graph.predecessors(customer))
        if not suppliers:
            if origin_ends:
                graph.nodes[customer]["activity"] = draw(st.sampled_from(ORIGINS))
            continue
        if complete_shares:
            weights = draw(st.lists(st.integers(1, 10), min_size=len(suppliers), max_size=len(suppliers)))
            given_shares: list[float | None] = [100.0 * w / sum(weights) for w in weights]
            if draw(st.booleans()):
                given_shares[-1] = None  # the rest of 100 goes to the supplier without a share
        else:
            given_shares = [draw(st.one_of(st.none(), st.floats(0, 100 / len(suppliers)))) for _ in suppliers]
        for supplier, share in zip(suppliers, given_shares, strict=True):
            graph.edges[supplier, customer]["share"] = share
    return graph


@given(chains())
def test_exposure_is_within_zero_and_one(graph: "nx.DiGraph[str]") -> None:
    result = exposure(graph)
    assert set(result) == set(graph)
    assert result["n0"] == 1.0
    assert all(0.0 <= value <= 1.0 for value in result.values())


@given(chains(complete_shares=True, origin_ends=True))
def test_complete_shares_and_origin_ends_trace_all_volume(graph: "nx.DiGraph[str]") -> None:
    flow = exposure(graph)
    shape = structure(graph, flow)
    ends = [node for node in graph if graph.in_degree(node) == 0]
    assert math.fsum(flow[node] for node in ends) == pytest.approx(1.0)
    assert shape.traced_share == pytest.approx(1.0)
    assert math.fsum(shape.exposure_by_country.values()) == pytest.approx(1.0)


@given(chains(), st.integers(min_value=0), st.sampled_from(COUNTRIES), st.sampled_from(ACTIVITIES))
def test_a_new_supplier_changes_no_other_tier_or_risk(
    graph: "nx.DiGraph[str]", pick: int, country: str | None, activity: str
) -> None:
    before_tiers = tiers(graph)
    before_risks = node_risks(graph, reference=REFERENCE)
    customer = sorted(graph)[pick % len(graph)]
    grown = graph.copy()
    grown.add_node("new", name="New supplier", country=country, activity=activity, goods=(), row=None)
    grown.add_edge("new", customer, share=None)
    after_tiers = tiers(grown)
    after_risks = node_risks(grown, reference=REFERENCE)
    assert after_tiers["new"] == before_tiers[customer] + 1
    for node in graph:
        assert after_tiers[node] == before_tiers[node]
        if node == customer:
            continue  # its input is more fully mapped now, which may move a listing to its suppliers
        assert {t: r.level for t, r in after_risks[node].items()} == {
            t: r.level for t, r in before_risks[node].items()
        }


@given(chains())
def test_critical_nodes_are_on_every_path_from_an_end_to_the_contractor(graph: "nx.DiGraph[str]") -> None:
    critical = critical_nodes(graph)
    ends = [node for node in graph if graph.in_degree(node) == 0]
    for node in critical:
        without = graph.subgraph(n for n in graph if n != node)
        assert not any(nx.has_path(without, end, "n0") for end in ends if end != node)


def dominator_critical_nodes(graph: "nx.DiGraph[str]") -> set[str]:
    """The common dominators of every node without suppliers, from networkx's dominator tree."""
    dominators = nx.immediate_dominators(graph.reverse(copy=True), "n0")
    common: set[str] | None = None
    for end in (node for node in graph if graph.in_degree(node) == 0):
        path = {end}
        node = end
        while node != "n0":
            node = dominators[node]
            path.add(node)
        common = path if common is None else common & path
    return (common or set()) - {"n0"}


@given(chains())
@settings(max_examples=200)
def test_critical_nodes_equal_the_dominator_tree(graph: "nx.DiGraph[str]") -> None:
    assert set(critical_nodes(graph)) == dominator_critical_nodes(graph)


@given(chains())
def test_hotspots_are_ranked_and_positive(graph: "nx.DiGraph[str]") -> None:
    result = analyse(graph, reference=REFERENCE)
    keys = [(-int(hotspot.level), -hotspot.likelihood, -hotspot.exposure) for hotspot in result.hotspots]
    # Severity first: a lower level never outranks a higher one; then likelihood, then exposure.
    assert keys == sorted(keys)
    assert all(hotspot.salience > 0 for hotspot in result.hotspots)
    flow = exposure(graph)
    prioritised = [hotspot for hotspot in result.hotspots if hotspot.prioritised]
    assert sorted((node, group.theme) for group in result.risk_groups for node in group.nodes) == sorted(
        (h.node, h.theme) for h in prioritised
    )
    for group in result.risk_groups:
        members = [flow[node] for node in group.nodes]
        assert max(members) - 1e-9 <= group.exposure <= min(1.0, sum(members)) + 1e-9
    for hotspot in result.hotspots:
        assert hotspot.salience == pytest.approx(hotspot.severity * hotspot.likelihood * flow[hotspot.node])


@given(chains())
def test_the_single_upstream_walk_equals_the_separate_functions(graph: "nx.DiGraph[str]") -> None:
    order = upstream_order(graph)
    origins = origin_nodes(graph)
    walk = walk_upstream(graph, order, origins=origins)
    separate = flow_upstream(graph, order)
    held = flow_upstream(graph, order, stop_at=origins)
    assert walk.arrived.keys() == separate.keys() and walk.arrived_before_origin.keys() == held.keys()
    for node in graph:
        assert walk.arrived[node] == pytest.approx(separate[node], abs=1e-12)
        assert walk.arrived_before_origin[node] == pytest.approx(held[node], abs=1e-12)
    assert walk.tiers == tiers(graph)
    assert walk.critical == critical_nodes(graph, order)


@given(st.one_of(chains(), chains(complete_shares=True, origin_ends=True)))
def test_the_walk_over_validations_link_lists_equals_the_walk_over_the_graph(
    graph: "nx.DiGraph[str]",
) -> None:
    built = build_chain(parse_csv(chain_to_csv(graph)).rows, reference=REFERENCE)
    assert built.ok
    origins = origin_nodes(built.graph)
    levels = link_levels(built.links, built.upstream_order)
    assert levels is not None
    walked = walk_links(levels, origins=origins)
    expected = walk_upstream(built.graph, built.upstream_order, origins=origins)
    assert list(walked.arrived.items()) == list(expected.arrived.items())  # bit for bit, in order
    assert list(walked.arrived_before_origin.items()) == list(expected.arrived_before_origin.items())
    assert walked.tiers == expected.tiers and walked.critical == expected.critical


@given(chains(), st.data())
def test_combined_exposure_counts_the_volume_through_any_of_the_sites_once(
    graph: "nx.DiGraph[str]", data: st.DataObject
) -> None:
    nodes = sorted(graph)
    groups = data.draw(st.lists(st.sets(st.sampled_from(nodes), min_size=1), min_size=1, max_size=4))
    order = upstream_order(graph)
    combined = combined_exposures(
        graph, [sorted(group) for group in groups], order=order, exposure=exposure(graph)
    )
    for sites, value in zip(groups, combined, strict=True):
        held = flow_upstream(graph, order, stop_at=sites)  # volume kept at the first site it meets
        assert value == pytest.approx(min(1.0, sum(held[site] for site in sites)), abs=1e-9)
    built = build_chain(parse_csv(chain_to_csv(graph)).rows, reference=REFERENCE)  # the same chain, as read
    levels = link_levels(built.links, built.upstream_order)
    assert levels is not None
    flow = exposure(built.graph, order=built.upstream_order)
    sorted_groups = [sorted(group) for group in groups]
    assert combined_exposures(
        built.graph, sorted_groups, order=built.upstream_order, exposure=flow, levels=levels
    ) == combined_exposures(built.graph, sorted_groups, order=built.upstream_order, exposure=flow)


@given(chains(), st.data())
def test_adding_a_site_with_only_baseline_risks_never_changes_the_prioritised_risks(
    graph: "nx.DiGraph[str]", data: st.DataObject
) -> None:
    """A site of unknown country and goods prioritises nothing and removes nothing from the prioritised
    risks. The one change it may make is at its customer: part of that customer's input now comes from a
    site of unknown origin, so its listed goods' origin is no longer mapped and their listing, marked
    "origin not mapped", comes back (docs/risk-model.md §4)."""
    before = analyse(graph, reference=REFERENCE)
    customer = data.draw(st.sampled_from(sorted(graph)))
    grown = graph.copy()
    grown.add_node("new", name="Unknown mill", country=None, activity="spinning", goods=(), row=99)
    grown.add_edge("new", customer, share=None)
    after = analyse(grown, reference=REFERENCE)
    # Shares move volume, so the order within a level may change; which risks are prioritised may not.
    prioritised_before = {(h.node, h.theme, h.level) for h in before.hotspots if h.prioritised}
    prioritised_after = {(h.node, h.theme, h.level) for h in after.hotspots if h.prioritised}
    assert prioritised_before <= prioritised_after
    for node, theme, _ in prioritised_after - prioritised_before:
        assert node == customer
        risk = next(item for item in after.nodes if item.id == node).risks[theme]
        assert "reason.dol_good_origin_not_mapped" in {reason.code for reason in risk.reasons}
