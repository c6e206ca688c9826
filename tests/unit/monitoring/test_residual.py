"""Residual risk: a done and verified action lowers its risks one level, never below low; re-ranked."""

import pytest

from chainmap.monitoring import ActionStatus, residual_hotspot, residual_level, residual_risk
from chainmap.themes import Level
from tests.factories.monitoring import make_action, make_hotspot, ranked

FORCED = make_hotspot("A", "forced_labour", Level.VERY_HIGH, exposure=0.4)  # 0.4
CHILD = make_hotspot("B", "child_labour", Level.HIGH, exposure=0.5)  # 0.375
WAGE = make_hotspot("C", "living_wage", Level.LOW, exposure=1.0)  # 0.15
HOTSPOTS = ranked([FORCED, CHILD, WAGE])


def test_levels_go_one_step_down_and_never_below_low() -> None:
    assert [residual_level(level) for level in Level] == [
        Level.NONE_KNOWN,
        Level.LOW,
        Level.LOW,
        Level.MEDIUM,
        Level.HIGH,
    ]


def test_a_verified_action_lowers_its_risk_and_scales_severity_and_salience() -> None:
    action = make_action(7, ("A", "forced_labour"), status=ActionStatus.DONE, verified=True)
    result = residual_risk(HOTSPOTS, [action])
    forced = next(item for item in result if item.node == "A")
    assert (forced.level, forced.verified_actions, forced.reduced) == (Level.HIGH, (7,), True)
    assert forced.severity == pytest.approx(0.75)
    assert forced.salience == pytest.approx(0.3)
    assert forced.inherent is FORCED


def test_the_result_is_re_ranked_by_residual_salience() -> None:
    action = make_action(7, ("A", "forced_labour"), status=ActionStatus.DONE, verified=True)
    assert [(item.node, item.theme) for item in residual_risk(HOTSPOTS, [action])] == [
        ("B", "child_labour"),
        ("A", "forced_labour"),
        ("C", "living_wage"),
    ]


@pytest.mark.parametrize(
    ("status", "verified_by_manager"),
    [
        (ActionStatus.DONE, None),
        (ActionStatus.DONE, False),
        (ActionStatus.PLANNED, None),
        (ActionStatus.IN_PROGRESS, None),
        (ActionStatus.CANCELLED, None),
    ],
)
def test_only_done_and_verified_actions_reduce(
    status: ActionStatus, verified_by_manager: bool | None
) -> None:
    action = make_action(1, ("A", "forced_labour"), status=status, verified=verified_by_manager)
    result = residual_risk(HOTSPOTS, [action])
    assert [(item.inherent, item.level, item.salience) for item in result] == [
        (hotspot, hotspot.level, hotspot.salience) for hotspot in HOTSPOTS
    ]
    assert not any(item.reduced or item.verified_actions for item in result)


def test_several_verified_actions_on_one_risk_lower_it_once() -> None:
    actions = [
        make_action(1, ("A", "forced_labour"), status=ActionStatus.DONE, verified=True),
        make_action(2, ("A", "forced_labour"), status=ActionStatus.DONE, verified=True),
    ]
    forced = next(item for item in residual_risk(HOTSPOTS, actions) if item.node == "A")
    assert (forced.level, forced.verified_actions) == (Level.HIGH, (1, 2))


def test_a_low_risk_stays_low_but_names_its_verified_action() -> None:
    item = residual_hotspot(WAGE, (3,))
    assert (item.level, item.salience, item.reduced, item.verified_actions) == (
        Level.LOW,
        WAGE.salience,
        False,
        (3,),
    )


def test_equal_residual_salience_ties_break_by_node_then_theme_order() -> None:
    # A very high risk verified down to high ties with an unmitigated high one of the same theme.
    high = make_hotspot("B", "forced_labour", Level.HIGH)
    very_high = make_hotspot("Z", "forced_labour", Level.VERY_HIGH)
    other_theme = make_hotspot("B", "child_labour", Level.HIGH)
    action = make_action(1, ("Z", "forced_labour"), status=ActionStatus.DONE, verified=True)
    result = residual_risk([very_high, high, other_theme], [action])
    assert [(item.node, item.theme) for item in result] == [
        ("B", "child_labour"),
        ("B", "forced_labour"),
        ("Z", "forced_labour"),
    ]
