"""Exposure and tiers."""

import pytest

from chainmap.analysis import exposure, tiers
from chainmap.analysis.flow import upstream_order
from tests.factories.chains import make_chain


def test_contractor_alone_has_exposure_one_and_tier_zero() -> None:
    graph = make_chain([("c", "NL", "trading")], [], contractor="c")
    assert exposure(graph) == {"c": 1.0}
    assert tiers(graph) == {"c": 0}


def test_given_shares_are_fractions_of_the_customer() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("a", "BD", "cut-make-trim"), ("b", "TR", "cut-make-trim")],
        [("a", "c", 60.0), ("b", "c", 40.0)],
        contractor="c",
    )
    assert exposure(graph) == pytest.approx({"c": 1.0, "a": 0.6, "b": 0.4})


def test_suppliers_without_share_split_the_rest_equally() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("a", "BD", "assembly"), ("b", "CN", "assembly"), ("d", "VN", "assembly")],
        [("a", "c", 40.0), ("b", "c", None), ("d", "c", None)],
        contractor="c",
    )
    assert exposure(graph) == pytest.approx({"c": 1.0, "a": 0.4, "b": 0.3, "d": 0.3})


def test_no_shares_at_all_split_equally() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("a", "BD", "assembly"), ("b", "CN", "assembly"), ("d", "VN", "assembly")],
        [("a", "c"), ("b", "c"), ("d", "c")],
        contractor="c",
    )
    assert exposure(graph) == pytest.approx({"c": 1.0, "a": 1 / 3, "b": 1 / 3, "d": 1 / 3})


def test_rest_is_never_below_zero() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("a", "BD", "assembly"), ("b", "CN", "assembly")],
        [("a", "c", 100.0), ("b", "c", None)],
        contractor="c",
    )
    assert exposure(graph) == pytest.approx({"c": 1.0, "a": 1.0, "b": 0.0})


def test_shares_below_hundred_leave_the_rest_unmapped() -> None:
    graph = make_chain([("c", "NL", "trading"), ("a", "BD", "assembly")], [("a", "c", 30.0)], contractor="c")
    assert exposure(graph) == pytest.approx({"c": 1.0, "a": 0.3})


def test_shares_that_add_up_to_100_by_rounding_pass_on_the_whole_input() -> None:
    nodes = [
        ("c", "NL", "trading"),
        ("a", "BD", "assembly"),
        ("b", "CN", "assembly"),
        ("d", "VN", "assembly"),
    ]
    under = make_chain(nodes, [("a", "c", 33.3), ("b", "c", 33.3), ("d", "c", 33.3)], contractor="c")
    assert exposure(under) == pytest.approx({"c": 1.0, "a": 1 / 3, "b": 1 / 3, "d": 1 / 3})
    over = make_chain(nodes, [("a", "c", 50.5), ("b", "c", 25.0), ("d", "c", 25.0)], contractor="c")
    assert exposure(over) == pytest.approx({"c": 1.0, "a": 50.5 / 100.5, "b": 25 / 100.5, "d": 25 / 100.5})
    assert sum(exposure(over).values()) == pytest.approx(2.0)


def test_shares_outside_the_rounding_are_taken_as_given() -> None:
    nodes = [("c", "NL", "trading"), ("a", "BD", "assembly"), ("b", "CN", "assembly")]
    graph = make_chain(nodes, [("a", "c", 50.0), ("b", "c", 49.49)], contractor="c")
    assert exposure(graph) == pytest.approx({"c": 1.0, "a": 0.5, "b": 0.4949})
    # A supplier without a share keeps taking the rest: the given shares are not scaled.
    graph = make_chain(nodes, [("a", "c", 99.7), ("b", "c", None)], contractor="c")
    assert exposure(graph) == pytest.approx({"c": 1.0, "a": 0.997, "b": 0.003})


def test_a_supplier_of_several_customers_sums_the_flows() -> None:
    graph = make_chain(
        [
            ("c", "NL", "trading"),
            ("x", "BD", "cut-make-trim"),
            ("y", "TR", "cut-make-trim"),
            ("m", "IN", "spinning"),
            ("n", "PK", "spinning"),
        ],
        [("x", "c", 50.0), ("y", "c", 50.0), ("m", "x", 100.0), ("m", "y", 20.0), ("n", "y", 80.0)],
        contractor="c",
    )
    result = exposure(graph)
    assert result["m"] == pytest.approx(0.5 + 0.1)
    assert result["n"] == pytest.approx(0.4)


def test_tiers_are_the_shortest_distance_to_the_contractor() -> None:
    graph = make_chain(
        [
            ("c", "NL", "trading"),
            ("a", "BD", "cut-make-trim"),
            ("b", "BD", "weaving"),
            ("s", "IN", "spinning"),
        ],
        [("a", "c"), ("b", "a"), ("s", "b"), ("s", "c")],
        contractor="c",
    )
    assert tiers(graph) == {"c": 0, "a": 1, "s": 1, "b": 2}


def test_upstream_order_puts_customers_before_suppliers() -> None:
    graph = make_chain(
        [
            ("c", "NL", "trading"),
            ("a", "BD", "cut-make-trim"),
            ("b", "BD", "weaving"),
            ("s", "IN", "spinning"),
        ],
        [("a", "c"), ("b", "a"), ("s", "b"), ("s", "c")],
        contractor="c",
    )
    order = upstream_order(graph)
    position = {node: index for index, node in enumerate(order)}
    assert order[0] == "c"
    assert all(position[customer] < position[supplier] for supplier, customer in graph.edges)


def test_invalid_graphs_are_programming_errors() -> None:
    cyclic = make_chain(
        [("c", "NL", "trading"), ("a", "BD", "assembly"), ("b", "BD", "assembly")],
        [("a", "c"), ("a", "b"), ("b", "a")],
        contractor="c",
    )
    with pytest.raises(ValueError, match="cycle"):
        exposure(cyclic)
    two_sinks = make_chain([("c", "NL", "trading"), ("d", "NL", "trading")], [], contractor="c")
    with pytest.raises(ValueError, match="only node without customers"):
        exposure(two_sinks)
