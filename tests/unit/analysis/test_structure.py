"""Structure: traced share, critical nodes, unknown parts, exposure by country, tiers."""

import networkx as nx
import pytest

from chainmap.analysis import critical_nodes, exposure, is_unknown, structure
from tests.factories.chains import make_chain


def garments() -> "nx.DiGraph[str]":
    """Contractor <- trader <- two garment makers <- mills <- farms; one mill's source is unknown."""
    return make_chain(
        [
            ("c", "NL", "trading"),
            ("t", "NL", "trading"),
            ("g1", "BD", "cut-make-trim"),
            ("g2", "TR", "cut-make-trim"),
            ("m1", "IN", "spinning"),
            ("m2", None, "spinning"),
            ("f1", "IN", "farming"),
            ("f2", "TM", "farming"),
        ],
        [
            ("t", "c"),
            ("g1", "t", 60.0),
            ("g2", "t", 40.0),
            ("m1", "g1"),
            ("m2", "g2"),
            ("f1", "m1", 50.0),
            ("f2", "m1", 50.0),
        ],
        contractor="c",
    )


def test_structure_of_a_garment_chain() -> None:
    graph = garments()
    result = structure(graph, exposure(graph))
    assert result.tiers == {"c": 0, "t": 1, "g1": 2, "g2": 2, "m1": 3, "m2": 3, "f1": 4, "f2": 4}
    assert result.max_tier == 4
    assert result.tier_counts() == {0: 1, 1: 1, 2: 2, 3: 2, 4: 2}
    assert result.traced_share == pytest.approx(0.6)
    assert result.critical_nodes == ("t",)
    assert result.unknown_nodes == ("m2",)
    assert result.unknown_countries == ("m2",)
    assert result.exposure_by_country == pytest.approx({"unknown": 0.4, "IN": 0.3, "TM": 0.3})
    assert list(result.exposure_by_country) == ["unknown", "IN", "TM"]


def test_traced_flow_stops_at_the_first_origin() -> None:
    # A farm that also buys from another farm: the volume counts once, at the first origin upstream.
    graph = make_chain(
        [("c", "NL", "trading"), ("f", "CI", "farming"), ("g", "GH", "farming")],
        [("f", "c"), ("g", "f")],
        contractor="c",
    )
    result = structure(graph, exposure(graph))
    assert result.traced_share == pytest.approx(1.0)
    assert result.exposure_by_country == pytest.approx({"CI": 1.0})


def test_a_node_without_suppliers_that_is_no_origin_is_not_traced() -> None:
    graph = make_chain([("c", "NL", "trading"), ("w", "BD", "weaving")], [("w", "c")], contractor="c")
    result = structure(graph, exposure(graph))
    assert result.traced_share == 0.0
    assert result.exposure_by_country == {"BD": 1.0}
    assert result.critical_nodes == ("w",)


def test_unmapped_rest_of_a_customer_input_is_not_booked_to_a_country() -> None:
    graph = make_chain([("c", "NL", "trading"), ("q", "IN", "quarrying")], [("q", "c", 70.0)], contractor="c")
    result = structure(graph, exposure(graph))
    assert result.traced_share == pytest.approx(0.7)
    assert result.exposure_by_country == pytest.approx({"IN": 0.7})


@pytest.mark.parametrize(
    ("attributes", "unknown"),
    [
        ({"name": "Unknown spinning mill", "country": "IN", "activity": "spinning"}, True),
        ({"name": "Onbekende ververij", "country": "IN", "activity": "dyeing"}, True),
        ({"name": "Ververij (onbekend)", "country": "IN", "activity": "dyeing"}, True),
        ({"name": "Mill", "country": "IN", "activity": "unknown"}, True),
        ({"name": "Mill", "country": None, "activity": "spinning"}, True),
        ({"name": "Unknownia Textiles", "country": "IN", "activity": "spinning"}, False),
        ({"name": "Known Mill", "country": "IN", "activity": "spinning"}, False),
    ],
)
def test_unknown_nodes(attributes: dict[str, str | None], unknown: bool) -> None:
    assert is_unknown(attributes) is unknown


def test_critical_nodes_in_a_diamond_are_the_ends_only() -> None:
    graph = make_chain(
        [
            ("c", "NL", "trading"),
            ("t", "NL", "trading"),
            ("a", "CN", "assembly"),
            ("b", "VN", "assembly"),
            ("s", "CN", "smelting"),
            ("m", "CD", "mining"),
        ],
        [("t", "c"), ("a", "t"), ("b", "t"), ("s", "a"), ("s", "b"), ("m", "s")],
        contractor="c",
    )
    assert critical_nodes(graph) == ("t", "s", "m")


def test_a_link_around_a_node_makes_it_not_critical() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("t", "NL", "trading"), ("m", "CD", "mining")],
        [("t", "c"), ("m", "t"), ("m", "c")],
        contractor="c",
    )
    assert critical_nodes(graph) == ("m",)
