"""The upstream walk over validation's link lists equals the walk over the graph, to the last bit."""

from pathlib import Path

import pytest

from bench.synthetic import write_synthetic_csv
from chainmap.analysis import analyse
from chainmap.analysis.flow import upstream_order, walk_upstream
from chainmap.analysis.groups import combined_exposures
from chainmap.analysis.link_walk import link_levels, walk_links
from chainmap.analysis.structure import origin_nodes
from chainmap.chain import ChainLinks
from chainmap.chainfile import load_chain
from chainmap.levels import LEVELS_AT_MOST
from chainmap.reference import load_reference
from chainmap.validation import BuiltChain, build_chain
from tests.factories.chainfiles import chain_reference, make_row

DEMO = Path(__file__).resolve().parents[3] / "fixtures" / "demo"


def assert_walks_equal(built: BuiltChain, order: list[str] | None = None) -> None:
    assert built.ok
    order = built.upstream_order if order is None else order
    origins = origin_nodes(built.graph)
    levels = link_levels(built.links, order)
    assert levels is not None
    walked = walk_links(levels, origins=origins)
    expected = walk_upstream(built.graph, order, origins=origins)
    # Equal as Python compares floats (bit for bit), in the same key order.
    assert list(walked.arrived.items()) == list(expected.arrived.items())
    assert list(walked.arrived_before_origin.items()) == list(expected.arrived_before_origin.items())
    assert list(walked.tiers.items()) == list(expected.tiers.items())
    assert walked.critical == expected.critical


@pytest.mark.parametrize("demo", ["garments.csv", "natural_stone.csv", "ict_hardware.csv"])
def test_the_demo_chains_walk_the_same(demo: str) -> None:
    assert_walks_equal(load_chain(DEMO / demo, reference=load_reference()))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_large_synthetic_chain_walks_the_same(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, 3_000, seed=seed)
    assert_walks_equal(load_chain(path, reference=load_reference()))


def test_a_walk_in_another_upstream_order_adds_up_in_that_order(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, 3_000)
    built = load_chain(path, reference=load_reference())
    assert built.links.levels is not None  # worked out by validation for a chain this large
    other = upstream_order(built.graph)  # Kahn's algorithm first in, first out: not validation's order
    assert other != built.upstream_order
    assert_walks_equal(built, other)


def test_shares_scaled_to_the_whole_and_rests_split_walk_the_same() -> None:
    rows = [
        make_row(2, "C"),
        make_row(3, "A", "C", share="33.3"),
        make_row(4, "B", "C", share="33.3"),
        make_row(5, "D", "C;A", share="33.3;40"),  # A's other suppliers share the rest of 60
        make_row(6, "E", "A;B", share=";50.2", country="BD", activity="spinning"),
        make_row(7, "F", "A;D", share="30;"),
        make_row(8, "G", "B;E;F", share="50.2;;60", activity="farming"),  # B: 100.4 counts as the whole
    ]
    assert_walks_equal(build_chain(rows, reference=chain_reference()))


def test_a_chain_deeper_than_the_levels_walked_with_arrays_is_left_to_the_graph_walk() -> None:
    size = LEVELS_AT_MOST + 3
    rows = [
        make_row(2, "n0"),
        *(make_row(index + 2, f"n{index}", f"n{index - 1}") for index in range(1, size)),
    ]
    built = build_chain(rows, reference=chain_reference())
    assert built.ok
    assert link_levels(built.links, built.upstream_order) is None
    shallow = build_chain(rows[:LEVELS_AT_MOST], reference=chain_reference())  # as many levels as sites
    assert_walks_equal(shallow)
    assert link_levels(built.links, built.upstream_order) is None
    reference = chain_reference()
    with_links = analyse(built.graph, reference=reference, order=built.upstream_order, links=built.links)
    assert with_links.as_dict() == analyse(built.graph, reference=reference).as_dict()


def test_links_not_recorded_for_the_chain_are_not_used() -> None:
    built = build_chain([make_row(2, "C"), make_row(3, "A", "C")], reference=chain_reference())
    assert link_levels(ChainLinks(), built.upstream_order) is None


def test_the_analysis_with_the_link_lists_is_the_analysis_without(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, 1_500)
    reference = load_reference()
    built = load_chain(path, reference=reference)
    order = built.upstream_order
    with_links = analyse(built.graph, reference=reference, order=order, links=built.links)
    without = analyse(built.graph, reference=reference, order=order)
    # Unrounded: every node's exposure and tier, the hotspots in rank order and the groups' exposures.
    assert with_links.nodes == without.nodes
    assert list(with_links.hotspots) == list(without.hotspots)
    assert [group.exposure for group in with_links.risk_groups] == [g.exposure for g in without.risk_groups]
    assert with_links.risk_groups == without.risk_groups and with_links.structure == without.structure


def test_links_of_another_graph_are_not_walked(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, 1_500)
    reference = load_reference()
    built = load_chain(path, reference=reference)
    changed = built.graph.copy()
    supplier = next(node for node in changed if changed.out_degree(node) > 1)
    changed.remove_edge(supplier, next(iter(changed.succ[supplier])))  # it keeps its other customers
    order = built.upstream_order
    with_links = analyse(changed, reference=reference, order=order, links=built.links)
    assert with_links.nodes == analyse(changed, reference=reference, order=order).nodes


@pytest.mark.parametrize("seed", [1, 2])
def test_combined_exposures_over_the_levels_equal_those_over_the_graph(tmp_path: Path, seed: int) -> None:
    # More than 64 groups (two words of bits per site), some with sites upstream of one another: the
    # groups of sites by country, by tier, every tenth site on its own, and sites along paths.
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, 2_000, seed=seed)
    built = load_chain(path, reference=load_reference())
    graph, order = built.graph, built.upstream_order
    levels = link_levels(built.links, order)
    assert levels is not None
    exposure = analyse(graph, reference=load_reference(), order=order).structure.tiers
    flow = {node: 1.0 / (1 + tier) for node, tier in exposure.items()}
    by_country: dict[object, list[str]] = {}
    for node, data in graph.nodes(data=True):
        by_country.setdefault((data["country"], exposure[node] % 3), []).append(node)
    paths = [[node, *list(graph.successors(node))[:1]] for node in order[-40:]]
    groups = [*by_country.values(), *([node] for node in order[::10]), *paths]
    assert len(groups) > 128
    with_levels = combined_exposures(graph, groups, order=order, exposure=flow, levels=levels)
    assert with_levels == combined_exposures(graph, groups, order=order, exposure=flow)
