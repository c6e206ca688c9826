"""Properties of the monitoring functions on random hotspot lists, plans of action and contract terms."""

from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from chainmap.analysis import Hotspot
from chainmap.monitoring import (
    OPEN_STATUSES,
    REPORT_GRACE_DAYS,
    ActionStatus,
    PlannedAction,
    ReportingSchedule,
    carry_over,
    coverage,
    is_overdue,
    prioritised_risks,
    reporting_periods,
    residual_risk,
)
from chainmap.themes import THEMES, Level
from tests.factories.monitoring import make_hotspot

NODES = ("A", "B", "C", "D", "E", "F")
EXPOSURES = st.sampled_from((0.05, 0.1, 0.16, 0.25, 0.4, 0.6, 1.0))
LIKELIHOODS = st.sampled_from((0.3, 0.4, 0.5, 0.7, 0.8, 1.0))
LEVELS = st.sampled_from((Level.LOW, Level.MEDIUM, Level.HIGH, Level.VERY_HIGH))
RISKS = st.tuples(st.sampled_from(NODES), st.sampled_from(THEMES))
THEME_ORDER = {theme: index for index, theme in enumerate(THEMES)}
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
# Days in a full period: quarters 89-92 (31 Jan to 29 Apr is the shortest), half years 181-184, years 365-366.
FULL_PERIOD_DAYS = {3: range(89, 93), 6: range(181, 185), 12: range(365, 367)}


@st.composite
def ranked_hotspots(draw: st.DrawFn) -> list[Hotspot]:
    """A ranked hotspot list: each (node, theme) once, every node with one exposure, as `analyse` gives."""
    exposure = {node: draw(EXPOSURES) for node in NODES}
    hotspots = [
        make_hotspot(node, theme, draw(LEVELS), likelihood=draw(LIKELIHOODS), exposure=exposure[node])
        for node, theme in sorted(draw(st.sets(RISKS, max_size=30)))
    ]
    return sorted(hotspots, key=lambda item: (-item.salience, item.node, THEME_ORDER[item.theme]))


@st.composite
def actions(draw: st.DrawFn, *, action_id: int | None = None) -> PlannedAction:
    """An action on up to four risks, in any status; only a done action carries a verification."""
    status = draw(st.sampled_from(ActionStatus))
    return PlannedAction(
        id=draw(st.integers(1, 10_000)) if action_id is None else action_id,
        risks=draw(st.frozensets(RISKS, max_size=4)),
        status=status,
        due=draw(DAYS),
        verified=draw(st.sampled_from((None, True, False))) if status is ActionStatus.DONE else None,
    )


PLANS = st.lists(actions(), max_size=8, unique_by=lambda action: action.id)


@given(ranked_hotspots(), PLANS, actions(action_id=99_999))
def test_coverage_lies_between_0_and_1_and_never_falls_when_an_action_is_added(
    hotspots: list[Hotspot], plan: list[PlannedAction], extra: PlannedAction
) -> None:
    before, after = coverage(hotspots, plan), coverage(hotspots, [*plan, extra])
    assert 0.0 <= before.share <= 1.0 and 0.0 <= after.share <= 1.0
    assert after.share >= before.share - 1e-12
    assert set(before.covered) <= set(after.covered)
    assert set(before.covered) | set(before.uncovered) == set(before.prioritised)
    assert not set(before.covered) & set(before.uncovered)
    assert list(before.prioritised) == prioritised_risks(hotspots)


@given(ranked_hotspots(), PLANS)
def test_residual_salience_is_never_above_inherent_and_the_result_is_ranked(
    hotspots: list[Hotspot], plan: list[PlannedAction]
) -> None:
    residual = residual_risk(hotspots, plan)
    assert sorted((item.node, item.theme) for item in residual) == sorted((h.node, h.theme) for h in hotspots)
    for item in residual:
        assert item.salience <= item.inherent.salience
        assert Level.LOW <= item.level <= item.inherent.level
        assert item.inherent.level - item.level <= 1
        assert item.reduced == (item.level < item.inherent.level)
    keys = [
        (-int(item.level), -item.inherent.likelihood, -item.inherent.exposure, item.node) for item in residual
    ]
    assert [key[:3] for key in keys] == sorted(key[:3] for key in keys)


@given(ranked_hotspots(), PLANS, st.data())
def test_an_action_that_is_not_done_and_verified_changes_nothing(
    hotspots: list[Hotspot], plan: list[PlannedAction], data: st.DataObject
) -> None:
    extra = data.draw(actions(action_id=99_999).filter(lambda action: not action.reduces_risk))
    assert residual_risk(hotspots, [*plan, extra]) == residual_risk(hotspots, plan)


@given(ranked_hotspots(), PLANS)
def test_carrying_over_to_the_same_version_keeps_every_action_and_flags_nothing(
    hotspots: list[Hotspot], plan: list[PlannedAction]
) -> None:
    result = carry_over(plan, new_nodes=NODES, old_hotspots=hotspots, new_hotspots=hotspots)
    assert result.actions == tuple(plan)
    assert (result.detached, result.new_prioritised, result.new_uncovered) == ((), (), ())


@given(ranked_hotspots(), PLANS, st.sets(st.sampled_from(NODES)))
def test_carrying_over_splits_each_action_s_risks_into_kept_and_detached(
    hotspots: list[Hotspot], plan: list[PlannedAction], remaining: set[str]
) -> None:
    result = carry_over(plan, new_nodes=remaining, old_hotspots=[], new_hotspots=hotspots)
    for before, after in zip(plan, result.actions, strict=True):
        detached = {item.risk for item in result.detached if item.action == before.id}
        assert (after.id, after.status, after.due, after.verified) == (
            before.id,
            before.status,
            before.due,
            before.verified,
        )
        assert after.risks | detached == before.risks and not after.risks & detached
        assert all(node in remaining for node, _ in after.risks)
        assert all(node not in remaining for node, _ in detached)


@given(ranked_hotspots(), PLANS)
def test_without_a_previous_version_every_prioritised_risk_is_new(
    hotspots: list[Hotspot], plan: list[PlannedAction]
) -> None:
    result = carry_over(plan, new_nodes=NODES, old_hotspots=[], new_hotspots=hotspots)
    assert list(result.new_prioritised) == prioritised_risks(hotspots)
    assert result.new_uncovered == coverage(hotspots, result.actions).uncovered


@given(
    DAYS,
    st.integers(min_value=0, max_value=3000),
    st.sampled_from(ReportingSchedule),
    st.booleans(),
    st.integers(min_value=0, max_value=120),
)
def test_periods_tile_the_term_without_gaps_or_overlaps(
    start: date, length: int, schedule: ReportingSchedule, with_first_due: bool, lag: int
) -> None:
    end = start + timedelta(days=length)
    plain = reporting_periods(start=start, end=end, schedule=schedule)
    first_due = plain[0].end + timedelta(days=lag) if with_first_due else None
    periods = reporting_periods(start=start, end=end, schedule=schedule, first_due=first_due)
    assert [(p.start, p.end) for p in periods] == [(p.start, p.end) for p in plain]
    assert periods[0].start == start and periods[-1].end == end
    assert [period.number for period in periods] == list(range(1, len(periods) + 1))
    for previous, following in pairwise(periods):
        assert following.start == previous.end + timedelta(days=1)
        assert previous.due <= following.due
    full_days = FULL_PERIOD_DAYS[schedule.months]
    assert all((p.end - p.start).days + 1 in full_days for p in periods[:-1])
    assert (periods[-1].end - periods[-1].start).days + 1 <= full_days[-1]
    assert all(period.due >= period.end for period in periods)
    if first_due is None:
        assert all(period.due == period.end + timedelta(days=REPORT_GRACE_DAYS) for period in periods)
    else:
        assert periods[0].due == first_due


@given(actions(), DAYS)
def test_an_action_is_overdue_only_while_open_and_after_its_due_date(
    action: PlannedAction, today: date
) -> None:
    assert is_overdue(action, today=today) == (action.status in OPEN_STATUSES and action.due < today)
