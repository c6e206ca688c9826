"""Coverage: prioritised risks with an open or done action, weighed by salience."""

import pytest

from chainmap.monitoring import ActionStatus, coverage
from chainmap.themes import Level
from tests.factories.monitoring import make_action, make_hotspot, ranked

TOP = make_hotspot("A", "forced_labour", Level.VERY_HIGH, exposure=0.6)  # 0.6
SECOND = make_hotspot("B", "child_labour", Level.HIGH, exposure=0.4)  # 0.3
THIRD = make_hotspot("C", "discrimination", Level.HIGH, likelihood=0.8, exposure=0.4)  # 0.168
MINOR = make_hotspot("D", "corruption", Level.LOW, exposure=0.2)  # 0.025, low, so not prioritised
HOTSPOTS = ranked([TOP, SECOND, THIRD, MINOR])
TOTAL = TOP.salience + SECOND.salience + THIRD.salience


def test_without_actions_every_prioritised_risk_is_uncovered() -> None:
    result = coverage(HOTSPOTS, [])
    assert result.prioritised == (TOP, SECOND, THIRD)
    assert result.uncovered == (TOP, SECOND, THIRD)
    assert (result.covered, result.share, result.actions) == ((), 0.0, {})
    assert result.total_salience == pytest.approx(TOTAL)


def test_coverage_is_the_covered_share_of_the_salience() -> None:
    actions = [
        make_action(1, ("A", "forced_labour"), status=ActionStatus.IN_PROGRESS),
        make_action(2, ("C", "discrimination"), ("A", "forced_labour"), status=ActionStatus.DONE),
    ]
    result = coverage(HOTSPOTS, actions)
    assert result.covered == (TOP, THIRD)
    assert result.uncovered == (SECOND,)
    assert result.share == pytest.approx((TOP.salience + THIRD.salience) / TOTAL)
    assert result.actions == {("A", "forced_labour"): (1, 2), ("C", "discrimination"): (2,)}


@pytest.mark.parametrize(("status", "verified"), [(ActionStatus.CANCELLED, None), (ActionStatus.DONE, False)])
def test_cancelled_or_insufficient_actions_cover_nothing(status: ActionStatus, verified: bool | None) -> None:
    result = coverage(HOTSPOTS, [make_action(1, ("A", "forced_labour"), status=status, verified=verified)])
    assert result.uncovered == (TOP, SECOND, THIRD)
    assert result.share == 0.0


def test_an_action_on_a_low_risk_adds_no_coverage() -> None:
    result = coverage(HOTSPOTS, [make_action(1, ("D", "corruption")), make_action(2, ("A", "child_labour"))])
    assert result.share == 0.0
    assert MINOR not in result.prioritised


def test_all_covered_is_one_and_nothing_prioritised_counts_as_covered() -> None:
    actions = [make_action(1, ("A", "forced_labour"), ("B", "child_labour"), ("C", "discrimination"))]
    assert coverage(HOTSPOTS, actions).share == 1.0
    nothing = coverage([MINOR], [])
    assert (nothing.prioritised, nothing.uncovered, nothing.share) == ((), (), 1.0)


def test_a_baseline_only_high_risk_is_not_prioritised_and_adds_no_coverage() -> None:
    guess = make_hotspot("E", "health_safety", Level.HIGH, likelihood=0.4, exposure=1.0, baseline=True)
    result = coverage(ranked([*HOTSPOTS, guess]), [make_action(1, ("E", "health_safety"))])
    assert result.prioritised == (TOP, SECOND, THIRD)
    assert result.share == 0.0
