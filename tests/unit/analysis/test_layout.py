"""The tiered layout: columns by tier from raw material to contractor, rows ordered to reduce crossings."""

import networkx as nx
import pytest

from chainmap.analysis import tiers
from chainmap.analysis.layout import Position, crossings, tiered_layout
from chainmap.chainfile import read_chain_file
from chainmap.reference import load_reference
from chainmap.validation import build_chain
from tests.factories.chains import make_chain
from tests.unit.test_demo_chains import GARMENTS


def crossed_chain() -> "nx.DiGraph[str]":
    """Contractor c; a and b supply c; x supplies b and y supplies a."""
    return make_chain(
        [
            ("c", "NL", "trading"),
            ("a", "BD", "cut-make-trim"),
            ("b", "TR", "cut-make-trim"),
            ("x", "TR", "weaving"),
            ("y", "BD", "weaving"),
        ],
        [("a", "c"), ("b", "c"), ("x", "b"), ("y", "a")],
        contractor="c",
    )


def test_the_contractor_alone_is_one_column() -> None:
    graph = make_chain([("c", "NL", "trading")], [], contractor="c")
    layout = tiered_layout(graph)
    assert layout.columns == (("c",),)
    assert layout.positions == {"c": Position(0, 0)}
    assert layout.height == 1


def test_columns_run_from_the_deepest_tier_to_the_contractor() -> None:
    layout = tiered_layout(crossed_chain())
    assert layout.columns == (("y", "x"), ("a", "b"), ("c",))
    assert layout.positions["y"] == Position(0, 0) and layout.positions["x"] == Position(0, 1)
    assert layout.positions["c"] == Position(2, 0)
    assert layout.height == 2


def test_sweeps_remove_the_crossing_of_a_bad_starting_order() -> None:
    graph = crossed_chain()
    bad_start = {"c": 0, "a": 1, "b": 1, "x": 2, "y": 2}  # x first, though it supplies the lower b
    assert crossings(graph, tiered_layout(graph, tiers=bad_start, sweeps=0)) == 1
    untangled = tiered_layout(graph, tiers=bad_start)
    assert crossings(graph, untangled) == 0
    assert untangled.columns[0] == ("y", "x")


def test_a_site_without_neighbours_in_the_next_tier_keeps_its_place() -> None:
    # r is a raw end in tier 1: sweeping back it has no suppliers in tier 2 and keeps its row.
    graph = make_chain(
        [("c", "NL", "trading"), ("r", "IN", "farming"), ("m", "TR", "weaving"), ("f", "TR", "farming")],
        [("r", "c"), ("m", "c"), ("f", "m")],
        contractor="c",
    )
    layout = tiered_layout(graph)
    assert layout.columns == (("f",), ("r", "m"), ("c",))


def test_links_that_skip_a_tier_or_stay_in_one_are_not_counted_as_crossings() -> None:
    # s supplies c (tier 0) and a (tier 1): tier 1, with a link inside its column to a.
    graph = make_chain(
        [
            ("c", "NL", "trading"),
            ("a", "BD", "cut-make-trim"),
            ("s", "TR", "weaving"),
            ("d", "IN", "farming"),
        ],
        [("a", "c"), ("s", "c"), ("s", "a"), ("d", "s"), ("d", "c")],
        contractor="c",
    )
    layout = tiered_layout(graph)
    assert layout.positions["s"].column == layout.positions["a"].column
    assert crossings(graph, layout) == 0


def test_crossings_counts_every_crossing_pair() -> None:
    # Three suppliers in the order p, q, r each supply the customer in the opposite order: 3 pairs cross.
    graph = make_chain(
        [("c", "NL", "trading")]
        + [(node, "BD", "cut-make-trim") for node in ("a1", "a2", "a3")]
        + [(node, "TR", "weaving") for node in ("p", "q", "r")],
        [("a1", "c"), ("a2", "c"), ("a3", "c"), ("p", "a3"), ("q", "a2"), ("r", "a1")],
        contractor="c",
    )
    start = {"c": 0, "a1": 1, "a2": 1, "a3": 1, "p": 2, "q": 2, "r": 2}
    assert crossings(graph, tiered_layout(graph, tiers=start, sweeps=0)) == 3
    assert crossings(graph, tiered_layout(graph, tiers=start)) == 0


def test_the_garment_demo_is_drawn_tier_by_tier_without_crossings() -> None:
    reference = load_reference()
    chain_file = read_chain_file(GARMENTS)
    built = build_chain(chain_file.rows, reference=reference)
    tier = tiers(built.graph)
    layout = tiered_layout(built.graph, tiers=tier)
    assert len(layout.columns) == max(tier.values()) + 1
    assert layout.columns[-1] == (built.graph.graph["contractor"],)
    for node, position in layout.positions.items():
        assert position.column == max(tier.values()) - tier[node]
    assert crossings(built.graph, layout) == 0


def test_tiers_must_cover_the_chain() -> None:
    with pytest.raises(ValueError, match="every site"):
        tiered_layout(crossed_chain(), tiers={"c": 0, "a": 1})
