"""The contract manager's dashboard: every contract the user sees, with where its monitoring stands, most
urgent first.

Per contract: the current escalation step, the prioritised risks of the monitored chain version (the
newest accepted one) that no action covers, the overdue actions, the next progress report due and the
reports overdue, when the chain last changed (the newest version's submission), and the residual risk
(the highest residual level of the prioritised risks and how many are still high or very high).

Each column is read for all contracts at once, so the number of queries does not grow with the number of
contracts: the contracts (and their suppliers' names), the escalation steps, the versions with their
reviews, the stored prioritised risks of the monitored versions, the open and overdue actions counted per
contract, the risks the actions cover or lower, and the reports are a fixed number of queries. A
monitored version whose prioritised risks were never stored is analysed here
(`web.services.monitoring.prioritised_hotspots`, which stores them), but at most `ANALYSED_PER_REQUEST`
per request so that the page stays fast; the others show as not analysed yet until a later request, or
the review decision that accepted them, has stored theirs. The rules themselves (coverage, residual
risk, overdue, reporting periods) are `chainmap.monitoring`'s; an action's effect is read per state, not
per action (`_covers`), and the overdue count is the one rule also written in SQL (`_action_counts`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, case, false, func, or_
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from chainmap.analysis import Hotspot
from chainmap.monitoring import (
    OPEN_STATUSES,
    ActionStatus,
    PlannedAction,
    ReportingPeriod,
    RiskKey,
    prioritised_risks,
    report_overdue,
    reporting_periods,
    residual_level,
    risk_key,
)
from chainmap.reference import ReferenceData
from chainmap.themes import Level
from models import (
    ActionRisk,
    ChainReview,
    ChainVersion,
    EscalationLevel,
    PlanAction,
    ProgressReport,
    ReviewDecision,
    User,
    Verification,
)
from models.escalation import LADDER
from web.services.contracts import organisation_names, visible_contracts
from web.services.escalation import current_steps
from web.services.monitoring import prioritised_hotspots, stored_hotspots
from web.services.review import VersionNoLongerValid

# Versions analysed (and their prioritised risks stored) during one request, at most: an analysis of a
# large chain takes a tenth of a second or more.
ANALYSED_PER_REQUEST: Final = 3
MAX_SEARCH: Final = 200
# The step filter's choices besides the ladder's steps: any contract, or any step from dialogue up.
ANY_STEP: Final = ""
ESCALATED: Final = "escalated"


class SortKey(StrEnum):
    """The columns the dashboard sorts by; `URGENCY` is the default (see `urgency`)."""

    URGENCY = "urgency"
    CONTRACT = "contract"
    SUPPLIER = "supplier"
    STEP = "step"
    UNCOVERED = "uncovered"
    OVERDUE_ACTIONS = "overdue_actions"
    NEXT_REPORT = "next_report"
    OVERDUE_REPORTS = "overdue_reports"
    LAST_CHANGE = "last_change"
    RESIDUAL = "residual"


STEP_CHOICES: Final = (ESCALATED, *(step.value for step in LADDER if step is not EscalationLevel.RESOLVED))


@dataclass(frozen=True)
class DashboardQuery:
    """The filter and sort form, as read from the query string: unknown values fall back to the default
    (a filter that filters nothing, the most urgent first), so an old bookmark still opens."""

    step: str = ANY_STEP
    uncovered: bool = False
    overdue_actions: bool = False
    overdue_reports: bool = False
    text: str = ""
    sort: SortKey = SortKey.URGENCY
    descending: bool = True

    @classmethod
    def read(
        cls,
        *,
        step: str = "",
        uncovered: str = "",
        overdue_actions: str = "",
        overdue_reports: str = "",
        text: str = "",
        sort: str = "",
        order: str = "",
    ) -> "DashboardQuery":
        """The query from the form's fields as the browser sends them (a ticked box sends "1")."""
        try:
            key = SortKey(sort)
        except ValueError:
            key = SortKey.URGENCY
        return cls(
            step=step if step in STEP_CHOICES else ANY_STEP,
            uncovered=bool(uncovered),
            overdue_actions=bool(overdue_actions),
            overdue_reports=bool(overdue_reports),
            text=text.strip()[:MAX_SEARCH],
            sort=key,
            descending=order != "asc",
        )

    @property
    def order(self) -> str:
        return "desc" if self.descending else "asc"


@dataclass(frozen=True)
class MonitoredRisks:
    """The prioritised risks of the monitored version against the contract's actions."""

    prioritised: int
    uncovered: int
    residual_level: Level | None  # the highest residual level; None when no risk is prioritised
    residual_high: int  # prioritised risks still high or very high after verified actions


@dataclass(frozen=True)
class DashboardRow:
    """One contract on the dashboard. `risks` is None while there is no accepted version
    (`monitored_version` None) or while its prioritised risks are not analysed yet."""

    contract_id: int
    reference: str
    title: str
    supplier: str
    step: EscalationLevel | None
    monitored_version: int | None
    risks: MonitoredRisks | None
    overdue_actions: int
    open_actions: int
    next_report_due: date | None
    overdue_reports: int
    last_chain_change: datetime | None

    @property
    def uncovered(self) -> int | None:
        return None if self.risks is None else self.risks.uncovered

    @property
    def residual_high(self) -> int | None:
        return None if self.risks is None else self.risks.residual_high


@dataclass(frozen=True)
class Dashboard:
    """The rows shown (filtered and sorted), how many contracts the user sees in all, and the query."""

    rows: list[DashboardRow]
    total: int
    query: DashboardQuery


@dataclass(frozen=True)
class _Version:
    id: int
    number: int
    submitted_at: datetime
    accepted: bool


def _versions(*, session: Session, contract_ids: list[int]) -> dict[int, list[_Version]]:
    """Every version of these contracts (without its rows) with whether the buyer accepted it, in one
    query, each contract's newest first."""
    query = (
        sql_select(
            col(ChainVersion.id),
            col(ChainVersion.contract_id),
            col(ChainVersion.number),
            col(ChainVersion.submitted_at),
            col(ChainReview.decision),
        )
        .outerjoin(ChainReview, col(ChainReview.version_id) == col(ChainVersion.id))
        .where(col(ChainVersion.contract_id).in_(contract_ids))
        .order_by(col(ChainVersion.contract_id), col(ChainVersion.number).desc())
    )
    versions: dict[int, list[_Version]] = {}
    for version_id, contract_id, number, submitted_at, decision in session.connection().execute(query):
        if version_id is None:  # a stored row always has its id; the column's type allows None
            continue
        accepted = decision is not None and ReviewDecision(decision) is ReviewDecision.ACCEPTED
        versions.setdefault(contract_id, []).append(_Version(version_id, number, submitted_at, accepted))
    return versions


@dataclass(frozen=True)
class _ActionCounts:
    open: int
    overdue: int


def _action_counts(*, session: Session, contract_ids: list[int], today: date) -> dict[int, _ActionCounts]:
    """How many actions of each of these contracts are open and how many overdue, counted in one query
    (GROUP BY) rather than read one by one: the dashboard shows only the counts. Open are the core's
    `OPEN_STATUSES`; overdue is `chainmap.monitoring.is_overdue`'s rule, an open action due before
    `today` (on the due date itself it is not yet overdue)."""
    is_open = col(PlanAction.status).in_(sorted(OPEN_STATUSES))
    query = (
        sql_select(
            col(PlanAction.contract_id),
            func.sum(case((is_open, 1), else_=0)),
            func.sum(case((and_(is_open, col(PlanAction.due_on) < today), 1), else_=0)),
        )
        .where(col(PlanAction.contract_id).in_(contract_ids))
        .group_by(col(PlanAction.contract_id))
    )
    return {
        contract_id: _ActionCounts(open=int(open_count or 0), overdue=int(overdue or 0))
        for contract_id, open_count, overdue in session.connection().execute(query)
    }


@dataclass(frozen=True)
class _Cover:
    """The risks of a contract that some action covers (`PlannedAction.counts_as_cover`) and those that a
    done and verified action lowers (`PlannedAction.reduces_risk`): all that coverage and residual risk
    read of the plan of action."""

    covered: set[RiskKey]
    reduced: set[RiskKey]


def _state_effects(status: ActionStatus, verification: Verification | None) -> tuple[bool, bool]:
    """Whether an action in this state covers its risks and whether it lowers them, by the core's rules."""
    action = PlannedAction(
        id=0,
        risks=frozenset(),
        status=status,
        due=date.min,
        verified=None if verification is None else verification is Verification.VERIFIED,
    )
    return action.counts_as_cover, action.reduces_risk


_STATES: Final = [(status, verification) for status in ActionStatus for verification in (None, *Verification)]


def _in_states(states: list[tuple[ActionStatus, Verification | None]]) -> ColumnElement[bool]:
    """SQL: the action is in one of these states (status and verification)."""
    return or_(
        false(),
        *(
            and_(
                col(PlanAction.status) == status,
                col(PlanAction.verification).is_(None)
                if verification is None
                else col(PlanAction.verification) == verification,
            )
            for status, verification in states
        ),
    )


def _covers(*, session: Session, contract_ids: list[int]) -> dict[int, _Cover]:
    """What the actions of these contracts cover and lower (`_Cover`), in one query over the risks of the
    actions in a state that does either, as plain rows, each risk once per contract and effect
    (DISTINCT): no `PlannedAction` per action, as there are some twenty thousand on a large
    organisation's dashboard and only the two sets of risks per contract matter. Which states cover
    and which lower is the core's rule (`_state_effects`, for every state); the query only picks the
    states out."""
    effects = {state: _state_effects(*state) for state in _STATES}
    covering = [state for state, (covers_risk, _) in effects.items() if covers_risk]
    reducing = [state for state, (_, reduces_risk) in effects.items() if reduces_risk]
    query = (
        sql_select(
            col(PlanAction.contract_id),
            col(ActionRisk.node_id),
            col(ActionRisk.theme),
            _in_states(covering),
            _in_states(reducing),
        )
        .join(PlanAction, col(PlanAction.id) == col(ActionRisk.action_id))
        .where(
            col(PlanAction.contract_id).in_(contract_ids),
            _in_states([state for state, effect in effects.items() if any(effect)]),
        )
        .distinct()
    )
    covers: dict[int, _Cover] = {}
    for contract_id, node_id, theme, covers_risk, reduces_risk in session.connection().execute(query):
        cover = covers.get(contract_id)
        if cover is None:
            cover = covers[contract_id] = _Cover(covered=set(), reduced=set())
        if covers_risk:
            cover.covered.add((node_id, theme))
        if reduces_risk:
            cover.reduced.add((node_id, theme))
    return covers


def _reported_periods(*, session: Session, contract_ids: list[int]) -> dict[int, set[int]]:
    """The periods (by number) for which each of these contracts has a submitted report, in one query.
    A report sent back for more information was submitted; the contract manager follows that up."""
    query = select(ProgressReport.contract_id, ProgressReport.period_number).where(
        col(ProgressReport.contract_id).in_(contract_ids)
    )
    reported: dict[int, set[int]] = {}
    for contract_id, period_number in session.exec(query):
        reported.setdefault(contract_id, set()).add(period_number)
    return reported


def _monitored_risks(hotspots: list[Hotspot], cover: _Cover) -> MonitoredRisks:
    """Coverage and residual risk of the ranked `hotspots` as `chainmap.monitoring.coverage` and
    `residual_risk` give them, from the covered and lowered risks alone: the prioritised risks
    (`prioritised_risks`), those no action covers, and each one's residual level (`residual_level` where
    a verified action lowers it)."""
    prioritised = prioritised_risks(hotspots)
    residual = [
        residual_level(hotspot.level) if risk_key(hotspot) in cover.reduced else hotspot.level
        for hotspot in prioritised
    ]
    return MonitoredRisks(
        prioritised=len(prioritised),
        uncovered=sum(1 for hotspot in prioritised if risk_key(hotspot) not in cover.covered),
        residual_level=max(residual, default=None),
        residual_high=sum(1 for level in residual if level >= Level.HIGH),
    )


_NO_ACTIONS: Final = _ActionCounts(open=0, overdue=0)
_NO_COVER: Final = _Cover(covered=set(), reduced=set())


class _Terms:
    """The reporting periods of contract terms, each term worked out once: many contracts (the lots of a
    framework agreement, contracts starting on 1 January) share their start, end and schedule."""

    def __init__(self) -> None:
        self._periods: dict[tuple[date, date, str], list[ReportingPeriod]] = {}

    def periods(self, *, start: date, end: date, schedule: str) -> list[ReportingPeriod]:
        """`chainmap.monitoring.reporting_periods` of the term (the list is shared: do not change it)."""
        term = (start, end, schedule)
        if term not in self._periods:
            self._periods[term] = reporting_periods(start=start, end=end, schedule=schedule)
        return self._periods[term]


def _analyse_missing(
    *, session: Session, version_ids: list[int], reference: ReferenceData
) -> dict[int, list[Hotspot]]:
    """The prioritised risks of at most ANALYSED_PER_REQUEST of these versions, analysed and stored now;
    a version that today's checks refuse is left out (it shows as not analysed)."""
    analysed: dict[int, list[Hotspot]] = {}
    for version_id in version_ids[:ANALYSED_PER_REQUEST]:
        version = session.get(ChainVersion, version_id)
        if version is None:
            continue
        try:
            analysed[version_id] = prioritised_hotspots(session=session, version=version, reference=reference)
        except VersionNoLongerValid:
            continue
    return analysed


def dashboard_rows(
    *, session: Session, user: User, today: date, reference: ReferenceData
) -> list[DashboardRow]:
    """Every contract `user` sees (`visible_contracts`: a buyer side its organisation's contracts, a
    supplier its own), with its monitoring columns, in the order `visible_contracts` gives."""
    contracts = [
        (contract.id, contract) for contract in visible_contracts(session=session, user=user) if contract.id
    ]
    terms = _Terms()
    # Plain values first: analysing a missing version commits the session, which expires ORM objects.
    shown = [
        (
            contract_id,
            contract.reference,
            contract.title,
            contract.supplier_organisation_id,
            terms.periods(
                start=contract.start_date, end=contract.end_date, schedule=contract.reporting_schedule
            ),
        )
        for contract_id, contract in contracts
    ]
    ids = [contract_id for contract_id, *_ in shown]
    if not ids:
        return []
    suppliers = organisation_names(
        session=session, ids={supplier for *_, supplier, _ in shown if supplier is not None}
    )
    steps = current_steps(session=session, contract_ids=ids)
    versions = _versions(session=session, contract_ids=ids)
    monitored = {
        contract_id: next((version for version in own if version.accepted), None)
        for contract_id, own in versions.items()
    }
    monitored_ids = [version.id for version in monitored.values() if version is not None]
    hotspots = stored_hotspots(session=session, version_ids=monitored_ids)
    missing = [version_id for version_id in monitored_ids if version_id not in hotspots]
    if missing:
        hotspots |= _analyse_missing(session=session, version_ids=missing, reference=reference)
    counts = _action_counts(session=session, contract_ids=ids, today=today)
    covers = _covers(session=session, contract_ids=ids)
    reported = _reported_periods(session=session, contract_ids=ids)

    rows = []
    for contract_id, reference_text, title, supplier_id, periods in shown:
        own_counts = counts.get(contract_id, _NO_ACTIONS)
        version = monitored.get(contract_id)
        risks = (
            _monitored_risks(hotspots[version.id], covers.get(contract_id, _NO_COVER))
            if version is not None and version.id in hotspots
            else None
        )
        submitted = reported.get(contract_id, set())
        unreported = [period for period in periods if period.number not in submitted]
        own_versions = versions.get(contract_id, [])
        rows.append(
            DashboardRow(
                contract_id=contract_id,
                reference=reference_text,
                title=title,
                supplier="" if supplier_id is None else suppliers.get(supplier_id, ""),
                step=steps.get(contract_id),
                monitored_version=None if version is None else version.number,
                risks=risks,
                overdue_actions=own_counts.overdue,
                open_actions=own_counts.open,
                next_report_due=min((p.due for p in unreported if p.due >= today), default=None),
                overdue_reports=sum(
                    1 for period in unreported if report_overdue(period, submitted=False, today=today)
                ),
                last_chain_change=max((v.submitted_at for v in own_versions), default=None),
            )
        )
    return rows


def _step_rank(step: EscalationLevel | None) -> int:
    return 0 if step is None else LADDER.index(step)


def urgency(row: DashboardRow) -> tuple[int, ...]:
    """How urgent a contract is, compared as a tuple: the higher, the more urgent.

    In this order, because each says more about what the contract manager must do now than the next:
    1. the escalation step: a contract already on the ladder has formal steps with deadlines running,
       and the higher the step, the closer to a fine or termination;
    2. overdue progress reports: the supplier is in breach of the reporting duty of the ISV clause, and
       without a report nothing else on the contract can be checked;
    3. overdue actions: mitigation promised in the plan of action that is not happening;
    4. uncovered prioritised risks: gaps in the plan of action itself, which the plan must close;
    5. prioritised risks still high or very high after verified actions: what remains serious;
    6. the next report due, the sooner the more urgent (none due: least urgent).
    A contract without an analysed accepted version counts 0 uncovered and 0 still high: there is
    nothing yet to measure it against, and the chain review is where that is followed up.
    """
    next_due = row.next_report_due.toordinal() if row.next_report_due is not None else date.max.toordinal()
    return (
        _step_rank(row.step),
        row.overdue_reports,
        row.overdue_actions,
        row.uncovered or 0,
        row.residual_high or 0,
        -next_due,
    )


def _residual(row: DashboardRow) -> tuple[int, int] | None:
    if row.risks is None or row.risks.residual_level is None:
        return None
    return (int(row.risks.residual_level), row.risks.residual_high)


# The value each column sorts by; None (nothing to show) sorts last in either direction.
_SORT_VALUES: Final[dict[SortKey, Callable[[DashboardRow], Any]]] = {
    SortKey.URGENCY: urgency,
    SortKey.CONTRACT: lambda row: (row.reference.casefold(), row.title.casefold()),
    SortKey.SUPPLIER: lambda row: row.supplier.casefold() or None,
    SortKey.STEP: lambda row: _step_rank(row.step),
    SortKey.UNCOVERED: lambda row: row.uncovered,
    SortKey.OVERDUE_ACTIONS: lambda row: row.overdue_actions,
    SortKey.NEXT_REPORT: lambda row: row.next_report_due,
    SortKey.OVERDUE_REPORTS: lambda row: row.overdue_reports,
    SortKey.LAST_CHANGE: lambda row: row.last_chain_change,
    SortKey.RESIDUAL: _residual,
}


def sorted_rows(rows: list[DashboardRow], *, key: SortKey, descending: bool) -> list[DashboardRow]:
    """The rows by the column `key`, ties by reference; rows without a value for the column last."""
    by_reference = sorted(rows, key=lambda row: (row.reference.casefold(), row.contract_id))
    value = _SORT_VALUES[key]
    present = [row for row in by_reference if value(row) is not None]
    absent = [row for row in by_reference if value(row) is None]
    present.sort(key=value, reverse=descending)
    return present + absent


def matches(row: DashboardRow, query: DashboardQuery) -> bool:
    """Whether the row passes every filter of `query`."""
    if query.step == ESCALATED and row.step is None:
        return False
    if query.step not in (ANY_STEP, ESCALATED) and (row.step is None or row.step.value != query.step):
        return False
    if query.uncovered and not row.uncovered:
        return False
    if query.overdue_actions and not row.overdue_actions:
        return False
    if query.overdue_reports and not row.overdue_reports:
        return False
    if query.text:
        needle = query.text.casefold()
        return any(needle in text.casefold() for text in (row.reference, row.title, row.supplier))
    return True


def dashboard(
    *, session: Session, user: User, today: date, reference: ReferenceData, query: DashboardQuery
) -> Dashboard:
    """The dashboard of `user` on `today`: the contracts it sees that pass the filters, sorted."""
    rows = dashboard_rows(session=session, user=user, today=today, reference=reference)
    shown = [row for row in rows if matches(row, query)]
    return Dashboard(
        rows=sorted_rows(shown, key=query.sort, descending=query.descending), total=len(rows), query=query
    )
