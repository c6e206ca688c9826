"""Prioritised risks: salience at or above the threshold (as shown, to 6 decimals), at most the limit."""

import pytest

from chainmap.monitoring import PRIORITY_LIMIT, PRIORITY_THRESHOLD, is_prioritised_salience, prioritised_risks
from chainmap.themes import Level
from tests.factories.monitoring import make_hotspot, ranked


def test_the_threshold_is_a_very_high_listed_irreversible_risk_at_a_tenth_of_the_product() -> None:
    anchor = make_hotspot("A", "forced_labour", Level.VERY_HIGH, likelihood=1.0, exposure=0.1)
    assert anchor.salience == pytest.approx(PRIORITY_THRESHOLD)
    assert prioritised_risks([anchor]) == [anchor]
    below = make_hotspot("A", "forced_labour", Level.VERY_HIGH, likelihood=1.0, exposure=0.0999)
    assert prioritised_risks([below]) == []


def test_salience_is_compared_as_shown_rounded_to_six_decimals() -> None:
    # 0.5 x 0.5 x 0.4 is 0.1 on paper (the demo's TR-CMT forced labour) but may fall short in floats.
    assert is_prioritised_salience(0.5 * 0.5 * 0.4)
    assert is_prioritised_salience(0.0999995)
    assert not is_prioritised_salience(0.0999994)


def test_reading_stops_at_the_first_hotspot_below_the_threshold() -> None:
    hotspots = ranked(
        [
            make_hotspot("A", "child_labour", Level.VERY_HIGH, exposure=0.5),
            make_hotspot("B", "child_labour", Level.HIGH, exposure=0.2),
            make_hotspot("C", "child_labour", Level.LOW, exposure=0.2),
        ]
    )
    assert [hotspot.node for hotspot in prioritised_risks(hotspots)] == ["A", "B"]
    assert [hotspot.node for hotspot in prioritised_risks(hotspots, threshold=0.5)] == ["A"]


def test_at_most_the_limit_in_rank_order_even_when_the_next_one_ties() -> None:
    hotspots = [make_hotspot(f"N{index:02}", "forced_labour", Level.VERY_HIGH) for index in range(30)]
    chosen = prioritised_risks(hotspots)
    assert len(chosen) == PRIORITY_LIMIT == 25
    assert chosen == hotspots[:PRIORITY_LIMIT]
    assert prioritised_risks(hotspots, limit=3) == hotspots[:3]
    assert prioritised_risks(hotspots, limit=0) == []
    with pytest.raises(ValueError, match="limit"):
        prioritised_risks(hotspots, limit=-1)
