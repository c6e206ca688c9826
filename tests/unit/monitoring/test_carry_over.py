"""A new chain version: actions keep the risks whose site remains; new prioritised risks without action."""

from chainmap.monitoring import ActionStatus, DetachedRisk, carry_over
from chainmap.themes import Level
from tests.factories.chains import make_chain
from tests.factories.monitoring import make_action, make_hotspot, ranked

OLD = ranked(
    [
        make_hotspot("A", "forced_labour", Level.VERY_HIGH, exposure=0.5),
        make_hotspot("GONE", "child_labour", Level.VERY_HIGH, exposure=0.5),
        make_hotspot("B", "child_labour", Level.MEDIUM, exposure=0.1),  # medium: not prioritised
    ]
)
NEW = ranked(
    [
        make_hotspot("A", "forced_labour", Level.VERY_HIGH, exposure=0.5),
        make_hotspot("B", "child_labour", Level.HIGH, exposure=0.5),  # high now: prioritised
        make_hotspot("NEW", "forced_labour", Level.VERY_HIGH, exposure=0.4),
        make_hotspot("NEW", "corruption", Level.HIGH, exposure=0.4),
        make_hotspot("NEW", "environment", Level.HIGH, likelihood=0.4, exposure=0.4, baseline=True),
    ]
)
NEW_GRAPH = make_chain(
    [("C", "NL", "trading"), ("A", "BD", "cut-make-trim"), ("B", "IN", "spinning"), ("NEW", "TM", "farming")],
    [("A", "C"), ("B", "A"), ("NEW", "B")],
    contractor="C",
)


def test_actions_keep_the_risks_whose_site_remains_and_report_the_rest_detached() -> None:
    both = make_action(1, ("A", "forced_labour"), ("GONE", "child_labour"), ("GONE", "forced_labour"))
    kept = make_action(2, ("A", "forced_labour"))
    lost = make_action(3, ("GONE", "child_labour"), status=ActionStatus.DONE, verified=True)
    result = carry_over([both, kept, lost], new_nodes=NEW_GRAPH, old_hotspots=OLD, new_hotspots=NEW)
    assert [(action.id, action.risks) for action in result.actions] == [
        (1, frozenset({("A", "forced_labour")})),
        (2, frozenset({("A", "forced_labour")})),
        (3, frozenset()),
    ]
    assert result.actions[1] is kept
    assert result.actions[2].status is ActionStatus.DONE and result.actions[2].verified is True
    assert result.detached == (
        DetachedRisk(1, ("GONE", "child_labour")),
        DetachedRisk(3, ("GONE", "child_labour")),
        DetachedRisk(1, ("GONE", "forced_labour")),
    )


def test_a_risk_of_a_remaining_site_stays_tied_even_when_it_is_no_hotspot_any_more() -> None:
    action = make_action(1, ("C", "living_wage"))
    result = carry_over([action], new_nodes=NEW_GRAPH, old_hotspots=OLD, new_hotspots=NEW)
    assert result.actions == (action,) and result.detached == ()


def test_risks_prioritised_only_in_the_new_version_are_flagged_when_uncovered() -> None:
    actions = [
        make_action(1, ("NEW", "forced_labour")),
        make_action(2, ("B", "child_labour"), status=ActionStatus.CANCELLED),
    ]
    result = carry_over(actions, new_nodes=NEW_GRAPH, old_hotspots=OLD, new_hotspots=NEW)
    assert [(hotspot.node, hotspot.theme) for hotspot in result.new_prioritised] == [
        ("NEW", "forced_labour"),
        ("B", "child_labour"),
        ("NEW", "corruption"),
    ]
    assert [(hotspot.node, hotspot.theme) for hotspot in result.new_uncovered] == [
        ("B", "child_labour"),
        ("NEW", "corruption"),
    ]


def test_more_volume_at_the_same_level_prioritises_nothing_new() -> None:
    old = [make_hotspot("A", "child_labour", Level.MEDIUM, exposure=0.1)]
    new = [make_hotspot("A", "child_labour", Level.MEDIUM, exposure=0.9)]
    result = carry_over([], new_nodes=NEW_GRAPH, old_hotspots=old, new_hotspots=new)
    assert result.new_prioritised == ()


def test_the_same_version_carries_everything_over_and_flags_nothing() -> None:
    action = make_action(1, ("A", "forced_labour"))
    result = carry_over([action], new_nodes={"A", "B", "NEW"}, old_hotspots=NEW, new_hotspots=NEW)
    assert (result.actions, result.detached, result.new_prioritised, result.new_uncovered) == (
        (action,),
        (),
        (),
        (),
    )
