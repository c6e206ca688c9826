"""Properties of the tiered layout on random valid chains."""

import networkx as nx
from hypothesis import given

from chainmap.analysis import tiers
from chainmap.analysis.layout import crossings, tiered_layout
from tests.property.test_analysis_properties import chains


@given(chains())
def test_every_site_is_placed_once_in_the_column_of_its_tier(graph: "nx.DiGraph[str]") -> None:
    tier = tiers(graph)
    layout = tiered_layout(graph)
    placed = [node for column in layout.columns for node in column]
    assert sorted(placed) == sorted(graph)
    assert set(layout.positions) == set(graph)
    deepest = max(tier.values())
    for node, position in layout.positions.items():
        assert position.column == deepest - tier[node]
        assert layout.columns[position.column][position.row] == node


@given(chains())
def test_no_two_sites_of_a_tier_share_a_row(graph: "nx.DiGraph[str]") -> None:
    layout = tiered_layout(graph)
    for column, nodes in enumerate(layout.columns):
        rows = [layout.positions[node].row for node in nodes]
        assert sorted(rows) == list(range(len(nodes)))
        assert all(layout.positions[node].column == column for node in nodes)


@given(chains())
def test_the_contractor_is_alone_in_the_rightmost_column(graph: "nx.DiGraph[str]") -> None:
    layout = tiered_layout(graph)
    assert layout.columns[-1] == (graph.graph["contractor"],)
    assert all(
        position.column < len(layout.columns) - 1
        for node, position in layout.positions.items()
        if node != "n0"
    )


@given(chains())
def test_crossings_are_counted_alike_for_any_sweep_count(graph: "nx.DiGraph[str]") -> None:
    # Counting is order-independent: the same layout counted twice, and never negative.
    layout = tiered_layout(graph, sweeps=1)
    assert crossings(graph, layout) == crossings(graph, layout) >= 0
