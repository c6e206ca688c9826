"""Actions: overdue is derived from status and due date; which actions cover and which reduce a risk."""

from datetime import date, timedelta

import pytest

from chainmap.monitoring import ActionStatus, actions_by_risk, is_overdue, risk_key
from chainmap.themes import Level
from tests.factories.monitoring import DUE, make_action, make_hotspot

DAY = timedelta(days=1)


@pytest.mark.parametrize("status", [ActionStatus.PLANNED, ActionStatus.IN_PROGRESS])
def test_an_open_action_is_overdue_from_the_day_after_its_due_date(status: ActionStatus) -> None:
    action = make_action(1, ("A", "child_labour"), status=status, due=DUE)
    assert not is_overdue(action, today=DUE - DAY)
    assert not is_overdue(action, today=DUE)
    assert is_overdue(action, today=DUE + DAY)


@pytest.mark.parametrize("status", [ActionStatus.DONE, ActionStatus.CANCELLED])
def test_a_done_or_cancelled_action_is_never_overdue(status: ActionStatus) -> None:
    action = make_action(1, ("A", "child_labour"), status=status, due=DUE)
    assert not is_overdue(action, today=date(2030, 1, 1))


@pytest.mark.parametrize(
    ("status", "verified", "covers", "reduces"),
    [
        (ActionStatus.PLANNED, None, True, False),
        (ActionStatus.IN_PROGRESS, None, True, False),
        (ActionStatus.DONE, None, True, False),
        (ActionStatus.DONE, True, True, True),
        (ActionStatus.DONE, False, False, False),
        (ActionStatus.CANCELLED, None, False, False),
    ],
)
def test_what_an_action_counts_for_follows_its_status_and_verification(
    status: ActionStatus, verified: bool | None, covers: bool, reduces: bool
) -> None:
    action = make_action(1, ("A", "child_labour"), status=status, verified=verified)
    assert (action.counts_as_cover, action.reduces_risk) == (covers, reduces)


def test_statuses_are_the_stored_strings() -> None:
    assert [status.value for status in ActionStatus] == ["planned", "in_progress", "done", "cancelled"]
    assert ActionStatus("in_progress") is ActionStatus.IN_PROGRESS


def test_actions_are_grouped_by_the_risks_they_are_tied_to() -> None:
    first = make_action(1, ("A", "child_labour"), ("B", "forced_labour"))
    second = make_action(2, ("A", "child_labour"))
    grouped = actions_by_risk([first, second])
    assert grouped == {("A", "child_labour"): [first, second], ("B", "forced_labour"): [first]}
    assert risk_key(make_hotspot("A", "child_labour", Level.HIGH)) == ("A", "child_labour")
