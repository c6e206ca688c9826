"""Hotspots: salience = severity x likelihood x exposure, ranked with deterministic ties."""

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from bench.synthetic import write_synthetic_csv
from chainmap.analysis import (
    IRREMEDIABILITY,
    Evidence,
    Risk,
    exposure,
    hotspots,
    node_risks,
    severity,
)
from chainmap.analysis.hotspots import rank_hotspots, rank_key
from chainmap.chainfile import load_chain
from chainmap.reference import load_reference
from chainmap.themes import THEMES, Level
from tests.factories.chains import make_chain
from tests.factories.reference import make_country, make_listing, make_reference


def test_severity_weighs_level_by_irremediability() -> None:
    assert severity(Risk("child_labour", Level.VERY_HIGH, (), False)) == 1.0
    assert severity(Risk("corruption", Level.HIGH, (), False)) == pytest.approx(0.75 * 0.5)
    assert set(IRREMEDIABILITY) == set(THEMES)
    assert (
        IRREMEDIABILITY["forced_labour"] > IRREMEDIABILITY["health_safety"] > IRREMEDIABILITY["environment"]
    )
    assert IRREMEDIABILITY["environment"] > max(
        IRREMEDIABILITY[theme]
        for theme in ("freedom_of_association", "living_wage", "discrimination", "corruption")
    )


def only(theme: str, level: Level, evidence: Evidence = Evidence.COUNTRY) -> dict[str, Risk]:
    """A risk profile with one theme at `level` and every other theme at none known."""
    return {
        name: Risk(name, level if name == theme else Level.NONE_KNOWN, (), False, evidence) for name in THEMES
    }


def test_the_same_risk_ranks_by_exposure() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("big", "BD", "cut-make-trim"), ("small", "BD", "cut-make-trim")],
        [("big", "c", 80.0), ("small", "c", 2.0)],
        contractor="c",
    )
    profile = only("forced_labour", Level.HIGH)
    risks = {"c": only("forced_labour", Level.NONE_KNOWN), "big": profile, "small": profile}
    ranked = hotspots(graph, risks, exposure(graph))
    assert [(h.node, h.theme) for h in ranked] == [("big", "forced_labour"), ("small", "forced_labour")]
    top = ranked[0]
    assert top.severity == pytest.approx(0.75)
    assert top.likelihood == pytest.approx(0.7)
    assert top.exposure == pytest.approx(0.8)
    assert top.salience == pytest.approx(0.75 * 0.7 * 0.8)
    assert ranked[1].salience == pytest.approx(0.75 * 0.7 * 0.02)


def test_listing_evidence_outranks_a_country_indicator_and_the_baseline() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("a", "TM", "farming"), ("b", "TM", "farming"), ("d", "TM", "farming")],
        [("a", "c"), ("b", "c"), ("d", "c")],
        contractor="c",
    )
    risks = {
        "c": only("child_labour", Level.NONE_KNOWN),
        "a": only("child_labour", Level.HIGH, Evidence.BASELINE),
        "b": only("child_labour", Level.HIGH, Evidence.LISTING),
        "d": only("child_labour", Level.HIGH, Evidence.COUNTRY),
    }
    assert [h.node for h in hotspots(graph, risks, exposure(graph))] == ["b", "d", "a"]


def test_ties_break_by_node_id_then_theme_order_and_zero_salience_is_left_out() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("b", "BD", "cut-make-trim"), ("a", "BD", "cut-make-trim")],
        [("b", "c", 50.0), ("a", "c", 50.0)],
        contractor="c",
    )
    profile = {
        theme: Risk(
            theme, Level.HIGH if theme in ("forced_labour", "child_labour") else Level.NONE_KNOWN, (), False
        )
        for theme in THEMES
    }
    risks = {"c": only("corruption", Level.NONE_KNOWN), "a": profile, "b": profile}
    ranked = hotspots(graph, risks, exposure(graph))
    assert [(h.node, h.theme) for h in ranked] == [
        ("a", "child_labour"),
        ("a", "forced_labour"),
        ("b", "child_labour"),
        ("b", "forced_labour"),
    ]


def test_nodes_without_volume_are_no_hotspots() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("a", "BD", "assembly"), ("z", "CN", "assembly")],
        [("a", "c", 100.0), ("z", "c", None)],
        contractor="c",
    )
    risks = {node: only("forced_labour", Level.HIGH) for node in graph}
    assert [h.node for h in hotspots(graph, risks, exposure(graph))] == ["a", "c"]


def test_ranked_hotspots_read_lazily_by_index_and_slice() -> None:
    reference = make_reference(
        countries=[make_country("BD", indicators={"corruption_control": -1.2, "rule_of_law": -0.8})],
        listings=[make_listing("Garments", "BD", child=True, forced=True)],
        goods=[("Garments", "Manufacturing")],
    )
    graph = make_chain(
        [("c", "NL", "trading"), ("a", "BD", "cut-make-trim", ("Garments",)), ("b", None, "spinning")],
        [("a", "c", 70.0), ("b", "a")],
        contractor="c",
    )
    risks = node_risks(graph, reference=reference)
    flow = exposure(graph)
    ranked = rank_hotspots(graph, risks, flow)
    full = hotspots(graph, risks, flow)
    assert len(ranked) == len(full)
    assert ranked[0] == full[0]
    assert ranked[-1] == full[-1]
    assert ranked[1:3] == full[1:3]
    assert (full[0].node, full[0].theme, full[0].level) == ("a", "forced_labour", Level.VERY_HIGH)
    levels = [h.level for h in full]
    assert levels == sorted(levels, reverse=True)
    assert all(h.salience > 0 for h in full)
    assert full[0].as_dict(1)["reasons"][0].startswith("Garments from Country BD is on the US DOL list")


def test_a_lower_level_never_outranks_a_higher_one_whatever_the_exposure() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), *((f"f{index:03}", "CN", "cut-make-trim") for index in range(500))],
        [(f"f{index:03}", "c", None) for index in range(500)],
        contractor="c",
    )
    factory = only("forced_labour", Level.VERY_HIGH, Evidence.LISTING)
    risks = {node: factory for node in graph} | {"c": only("living_wage", Level.LOW, Evidence.COUNTRY)}
    ranked = hotspots(graph, risks, exposure(graph))
    # Each factory carries 0.2% of the volume and the contractor all of it, yet its low risk comes last.
    assert ranked[-1].node == "c" and ranked[-1].level == Level.LOW
    assert ranked[-1].salience > ranked[0].salience
    assert all(hotspot.prioritised for hotspot in ranked[:-1]) and not ranked[-1].prioritised


def test_within_a_level_likelihood_then_exposure_decide() -> None:
    graph = make_chain(
        [("c", "NL", "trading"), ("big", "BD", "farming"), ("listed", "BD", "farming")],
        [("big", "c", 90.0), ("listed", "c", 10.0)],
        contractor="c",
    )
    risks = {
        "c": only("child_labour", Level.NONE_KNOWN),
        "big": only("child_labour", Level.HIGH, Evidence.COUNTRY),
        "listed": only("child_labour", Level.HIGH, Evidence.LISTING),
    }
    assert [h.node for h in hotspots(graph, risks, exposure(graph))] == ["listed", "big"]


def test_a_baseline_only_risk_is_ranked_but_never_prioritised() -> None:
    graph = make_chain([("c", "NL", "trading"), ("a", None, "mining")], [("a", "c")], contractor="c")
    guess = {theme: Risk(theme, Level.HIGH, (), True, Evidence.BASELINE) for theme in THEMES}
    ranked = hotspots(graph, {"c": only("corruption", Level.NONE_KNOWN), "a": guess}, exposure(graph))
    assert len(ranked) == len(THEMES)
    assert not any(hotspot.prioritised for hotspot in ranked)


def ranked_chain() -> tuple["nx.DiGraph[str]", dict[str, dict[str, Risk]], dict[str, float]]:
    """40 sites in three countries and one of unknown country, with given and missing shares."""
    reference = make_reference(
        countries=[
            make_country("BD", indicators={"corruption_control": -1.2, "rule_of_law": -0.8}),
            make_country("TM", indicators={"rule_of_law": -1.4}),
            make_country("DE", indicators={"rule_of_law": 1.5}),
        ],
        listings=[
            make_listing("Garments", "BD", child=True, forced=True),
            make_listing("Cotton", "TM", forced=True),
        ],
        goods=[("Garments", "Manufacturing"), ("Cotton", "Agriculture")],
    )
    sites = [
        (f"s{index:02}", ("BD", "TM", "DE", None)[index % 4], ("cut-make-trim", "farming")[index % 2])
        for index in range(40)
    ]
    graph = make_chain(
        [
            ("c", "NL", "trading"),
            *((node, country, activity, ("Garments",)) for node, country, activity in sites),
        ],
        [(node, "c", (None, 1.0, 2.5)[index % 3]) for index, (node, _, _) in enumerate(sites)],
        contractor="c",
    )
    return graph, node_risks(graph, reference=reference), exposure(graph)


def test_the_first_few_the_prioritised_and_the_whole_ranking_agree_with_rank_key() -> None:
    graph, risks, flow = ranked_chain()
    whole = list(rank_hotspots(graph, risks, flow))
    assert whole == sorted(
        whole,
        key=lambda h: rank_key(
            level=h.level, likelihood=h.likelihood, exposure=h.exposure, theme=h.theme, node=h.node
        ),
    )
    for count in (0, 1, 7, 50, len(whole), len(whole) + 5):
        assert rank_hotspots(graph, risks, flow)[:count] == whole[:count]
    ranked = rank_hotspots(graph, risks, flow)
    assert [(node, risk.theme) for node, risk in ranked.prioritised_risks()] == [
        (h.node, h.theme) for h in whole if h.prioritised
    ]
    assert ranked.prioritised() == [h for h in whole if h.prioritised]
    assert len(ranked) == len(whole) and ranked[-1] == whole[-1] and ranked[3:9:2] == whole[3:9:2]


def test_keys_too_large_for_64_bits_rank_as_python_integers_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    graph, risks, flow = ranked_chain()
    ranked = rank_hotspots(graph, risks, flow)
    # chainmap.analysis.hotspots as an attribute is the function of that name, re-exported
    monkeypatch.setattr(sys.modules["chainmap.analysis.hotspots"], "_LARGEST_KEY", 1000)
    wide = rank_hotspots(graph, risks, flow)
    assert wide.keys().dtype == object and ranked.keys().dtype == np.int64
    assert list(wide) == list(ranked)
    assert wide[:5] == ranked[:5]
    assert wide.prioritised_risks() == ranked.prioritised_risks()


def read_at_once(*parts: Callable[[], object]) -> None:
    """Call each of `parts` in a thread of its own, all let go at the same moment."""
    start = threading.Barrier(len(parts))

    def read(part: Callable[[], object]) -> None:
        start.wait()
        part()

    readers = [threading.Thread(target=read, args=(part,)) for part in parts]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()


def test_a_ranking_read_by_several_threads_at_once_stays_whole(tmp_path: Path) -> None:
    # The web app keeps an analysis and reads it from request threads. numpy sorts without the GIL, so a
    # ranking sorted in place on first read lost or doubled keys in a few of these rounds; its arrays are
    # now sorted when made, and read-only.
    reference = load_reference()
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, 6_000)
    graph = load_chain(path, reference=reference).graph
    risks, flow = node_risks(graph, reference=reference), exposure(graph)
    whole = rank_hotspots(graph, risks, flow)
    expected = (whole.keys().tolist(), whole.prioritised_risks())
    for _ in range(40):
        ranked = rank_hotspots(graph, risks, flow)
        read_at_once(ranked.prioritised_risks, ranked.prioritised_risks, ranked.keys)
        assert (ranked.keys().tolist(), ranked.prioritised_risks()) == expected
    with pytest.raises(ValueError, match="read-only"):
        ranked.keys().sort()
