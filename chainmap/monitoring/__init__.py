"""Monitoring over the contract term: pure functions over the plan of action (see docs/risk-model.md).

- `PlannedAction`, `ActionStatus`, `is_overdue`: actions tied to (node id, theme) risks; overdue derived
- `prioritised_risks`: the hotspots a plan of action must address (high or very high, backed by a source)
- `coverage`: which prioritised risks have an action, as a share of their salience
- `residual_risk`: the hotspots re-scored for done and verified actions
- `carry_over`: the actions carried to a new chain version, detached risks and new uncovered risks
- `reporting_periods`, `report_overdue`: the reporting periods of a contract term and their due dates
"""

from chainmap.monitoring.actions import (
    OPEN_STATUSES,
    ActionStatus,
    PlannedAction,
    RiskKey,
    actions_by_risk,
    is_overdue,
    risk_key,
)
from chainmap.monitoring.carry_over import CarryOver, DetachedRisk, carry_over
from chainmap.monitoring.coverage import Coverage, coverage, covering_actions
from chainmap.monitoring.periods import (
    REPORT_GRACE_DAYS,
    ReportingPeriod,
    ReportingSchedule,
    add_months,
    period_on,
    report_overdue,
    reporting_periods,
)
from chainmap.monitoring.priority import (
    prioritised_risks,
)
from chainmap.monitoring.residual import (
    RESIDUAL_FLOOR,
    ResidualHotspot,
    residual_hotspot,
    residual_level,
    residual_risk,
    verified_actions,
)

__all__ = [
    "OPEN_STATUSES",
    "REPORT_GRACE_DAYS",
    "RESIDUAL_FLOOR",
    "ActionStatus",
    "CarryOver",
    "Coverage",
    "DetachedRisk",
    "PlannedAction",
    "ReportingPeriod",
    "ReportingSchedule",
    "ResidualHotspot",
    "RiskKey",
    "actions_by_risk",
    "add_months",
    "carry_over",
    "coverage",
    "covering_actions",
    "is_overdue",
    "period_on",
    "prioritised_risks",
    "report_overdue",
    "reporting_periods",
    "residual_hotspot",
    "residual_level",
    "residual_risk",
    "risk_key",
    "verified_actions",
]
