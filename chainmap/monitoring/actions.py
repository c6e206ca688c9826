"""The plan of action as plain data: actions tied to risks, their status, and whether they are overdue.

A risk is keyed by (node id, theme), the same pair a hotspot has, so an action stays tied to its risks from
one chain version to the next as long as the supplier keeps the node's id. These classes hold only what the
monitoring functions read; the web app stores more (title, owner, notes, evidence) in its own tables.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final, TypeAlias

from chainmap.analysis.hotspots import Hotspot

RiskKey: TypeAlias = tuple[str, str]
"""A risk as (node id, theme), for example ("BD-CMT", "forced_labour")."""


class ActionStatus(StrEnum):
    """Where an action of the plan stands. Overdue is not a status: `is_overdue` derives it."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


OPEN_STATUSES: Final[frozenset[ActionStatus]] = frozenset({ActionStatus.PLANNED, ActionStatus.IN_PROGRESS})


@dataclass(frozen=True, slots=True)
class PlannedAction:
    """An action of the plan of action, tied to one or more risks.

    `verified` is the contract manager's verification of a done action: None while not (yet) verified,
    True when verified, False when judged not sufficient.
    """

    id: int
    risks: frozenset[RiskKey]
    status: ActionStatus
    due: date
    verified: bool | None = None

    @property
    def is_open(self) -> bool:
        """True while the action is planned or in progress."""
        return self.status in OPEN_STATUSES

    @property
    def counts_as_cover(self) -> bool:
        """True when the action covers its risks: open, or done and not judged insufficient.

        A done action that the contract manager found not sufficient covers nothing: the risk shows as
        uncovered until the supplier reopens the action or plans another one.
        """
        return self.is_open or (self.status is ActionStatus.DONE and self.verified is not False)

    @property
    def reduces_risk(self) -> bool:
        """True when the action lowers its risks' residual level: done and verified."""
        return self.status is ActionStatus.DONE and self.verified is True


def risk_key(hotspot: Hotspot) -> RiskKey:
    """The (node id, theme) key of a hotspot."""
    return (hotspot.node, hotspot.theme)


def is_overdue(action: PlannedAction, *, today: date) -> bool:
    """True when the action is still open (planned or in progress) and its due date lies before `today`.

    On the due date itself the action is not yet overdue. Done and cancelled actions are never overdue.
    """
    return action.is_open and action.due < today


def actions_by_risk(actions: Iterable[PlannedAction]) -> dict[RiskKey, list[PlannedAction]]:
    """Every risk that some action is tied to, with those actions in the order given."""
    by_risk: dict[RiskKey, list[PlannedAction]] = {}
    for action in actions:
        for key in action.risks:
            by_risk.setdefault(key, []).append(action)
    return by_risk
