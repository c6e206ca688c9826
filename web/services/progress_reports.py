"""Progress reports (voortgangsrapportages): per reporting period of the contract the supplier reports on
its plan of action, and the contract's buyer side reviews the report.

The rules:
- The periods come from the contract's schedule over its term (`chainmap.monitoring.reporting_periods`).
  The supplier (supplier-role users of the contract's supplier organisation) submits a period's report
  once the period has started, and not again unless the buyer side asked for more information: then the
  same row is submitted anew, with a fresh snapshot, and its review is cleared.
- A report covers the contract's newest submitted chain version, the one the supplier stands behind
  today; offering older versions would let a report describe a chain the supplier already replaced. It
  keeps the status of every plan action as it was at submission (`ProgressReport.actions`), and names the
  version of the previous report (the nearest earlier period with a report) so that the page shows the
  core's diff between the two: what changed in the chain since the previous report.
- The buyer side (`on_buyer_side`) accepts a submitted report or asks for more information (with a
  comment); a report that is not awaiting review cannot be reviewed.
- A period's report is overdue when none was submitted and its due date has passed
  (`chainmap.monitoring.report_overdue`); a report sent back for more information counts as submitted.
Submitting and reviewing each write an audit event in the same transaction.

Two requests at once (a double click, a second tab) must not both make one transition: a report is
submitted anew and reviewed by one conditional update (`... WHERE id = :id AND status = :allowed`), a first
report is one insert that the unique period makes the only one, and only the request that made the change
writes the audit event. This holds on SQLite, where the contract lock (`_lock`, SELECT ... FOR UPDATE) does
nothing, as on PostgreSQL, where the lock also makes the second request wait for the first one's commit. A
request that finds the change made is refused as that state is refused, except the same request repeated
by the same user (the same narrative submitted, the same decision with the same comment), which answers as
done without a second event: after a double click the browser shows the second answer, and a refusal
there would tell the user that what they did failed.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from chainmap.monitoring import ReportingPeriod, is_overdue, report_overdue, reporting_periods
from chainmap.reference import ReferenceData
from chainmap.themes import Lang
from models import (
    ActionStatus,
    AuditKind,
    ChainReview,
    ChainVersion,
    Contract,
    ProgressReport,
    ReportStatus,
    Role,
    User,
    Verification,
)
from web.services.audit import record
from web.services.chains import user_names
from web.services.contracts import on_buyer_side
from web.services.errors import FormInvalid
from web.services.monitoring import actions_and_risks, as_planned
from web.services.review import DiffSection, diff_sections, version_diff

MAX_NARRATIVE: Final = 20_000
MAX_COMMENT: Final = 5000
# The forms' fields, which the errors name; FORM is the form as a whole.
NARRATIVE: Final = "narrative"
DECISION: Final = "decision"
COMMENT: Final = "comment"
FORM: Final = "form"


class ReportState(StrEnum):
    """Where a period's report stands, as the lists show it."""

    NOT_YET_DUE = "not_yet_due"  # the period has not ended
    DUE = "due"  # the period ended, the due date has not passed, no report yet
    OVERDUE = "overdue"  # the due date has passed without a report
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    MORE_INFORMATION_NEEDED = "more_information_needed"


@dataclass(frozen=True)
class PeriodReport:
    """A reporting period with its report (None before one is submitted) and where it stands today."""

    period: ReportingPeriod
    report: ProgressReport | None
    state: ReportState
    started: bool

    @property
    def overdue(self) -> bool:
        return self.state is ReportState.OVERDUE


def may_submit_report(*, user: User, contract: Contract) -> bool:
    """The supplier-role users of the contract's supplier organisation write its reports."""
    return (
        user.role is Role.SUPPLIER
        and user.organisation_id is not None
        and user.organisation_id == contract.supplier_organisation_id
    )


def may_review_report(*, user: User, contract: Contract) -> bool:
    """The contract's buyer side (buyers and contract managers of its buyer organisation) reviews them."""
    return on_buyer_side(user=user, contract=contract)


def contract_periods(contract: Contract) -> list[ReportingPeriod]:
    """The reporting periods of the contract's schedule over its term."""
    return reporting_periods(
        start=contract.start_date, end=contract.end_date, schedule=contract.reporting_schedule
    )


def period_numbered(contract: Contract, number: int) -> ReportingPeriod | None:
    """The contract's reporting period with this number, or None."""
    return next((period for period in contract_periods(contract) if period.number == number), None)


def _state(period: ReportingPeriod, report: ProgressReport | None, today: date) -> ReportState:
    if report is not None:
        return ReportState(report.status.value)
    if report_overdue(period, submitted=False, today=today):
        return ReportState.OVERDUE
    return ReportState.DUE if period.end < today else ReportState.NOT_YET_DUE


def contract_reports(*, session: Session, contract_id: int) -> dict[int, ProgressReport]:
    """The contract's reports by period number."""
    query = select(ProgressReport).where(ProgressReport.contract_id == contract_id)
    return {report.period_number: report for report in session.exec(query)}


def report_states(*, session: Session, contract: Contract, today: date) -> list[PeriodReport]:
    """Every reporting period of the contract, in order, with its report and where it stands `today`."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    reports = contract_reports(session=session, contract_id=contract.id)
    return [
        PeriodReport(
            period=period,
            report=reports.get(period.number),
            state=_state(period, reports.get(period.number), today),
            started=period.start <= today,
        )
        for period in contract_periods(contract)
    ]


def overdue_reports(*, session: Session, contract_ids: list[int], today: date) -> dict[int, int]:
    """How many reports are overdue `today` on each of these contracts (0 included), in two queries
    whatever the number of contracts (for lists over many contracts)."""
    if not contract_ids:
        return {}
    terms = session.exec(
        select(
            col(Contract.id),
            col(Contract.start_date),
            col(Contract.end_date),
            col(Contract.reporting_schedule),
        ).where(col(Contract.id).in_(contract_ids))
    ).all()
    submitted = set(
        session.exec(
            select(ProgressReport.contract_id, ProgressReport.period_number).where(
                col(ProgressReport.contract_id).in_(contract_ids)
            )
        ).all()
    )
    counts: dict[int, int] = {}
    for contract_id, start, end, schedule in terms:
        if contract_id is None:
            continue
        periods = reporting_periods(start=start, end=end, schedule=schedule)
        counts[contract_id] = sum(
            report_overdue(period, submitted=(contract_id, period.number) in submitted, today=today)
            for period in periods
        )
    return counts


def newest_version(*, session: Session, contract_id: int) -> ChainVersion | None:
    """The contract's newest submitted chain version, which a report covers; None before the first."""
    query = (
        select(ChainVersion)
        .where(ChainVersion.contract_id == contract_id)
        .order_by(col(ChainVersion.number).desc())
        .limit(1)
    )
    return session.exec(query).first()


def previous_report(*, session: Session, contract_id: int, number: int) -> ProgressReport | None:
    """The report of the nearest period before period `number` that has one, or None."""
    query = (
        select(ProgressReport)
        .where(ProgressReport.contract_id == contract_id, col(ProgressReport.period_number) < number)
        .order_by(col(ProgressReport.period_number).desc())
        .limit(1)
    )
    return session.exec(query).first()


def action_snapshot(*, session: Session, contract_id: int, today: date) -> list[dict[str, Any]]:
    """Every plan action of the contract as it stands `today`, as a report keeps it: id, title, status,
    due date (ISO), verification (None when not judged) and whether it is overdue."""
    actions, risks = actions_and_risks(session=session, contract_id=contract_id)
    return [
        {
            "id": action.id,
            "title": action.title,
            "status": action.status.value,
            "due_on": action.due_on.isoformat(),
            "verification": action.verification.value if action.verification is not None else None,
            "overdue": is_overdue(as_planned(action, risks[action.id]), today=today),
        }
        for action in actions
        if action.id is not None
    ]


def _lock(session: Session, contract_id: int) -> None:
    """Lock the contract's row so that two submissions or reviews at once are checked one after the other."""
    session.exec(select(Contract.id).where(Contract.id == contract_id).with_for_update()).first()


def _made(session: Session, report_id: int, allowed: ReportStatus, **values: Any) -> bool:
    """Set `values` on the report if it still has status `allowed`, in the session's transaction; whether
    this request made the change (not another one first)."""
    statement = (
        update(ProgressReport)
        .where(col(ProgressReport.id) == report_id, col(ProgressReport.status) == allowed)
        .values(**values)
    )
    return session.connection().execute(statement).rowcount == 1


def _submitted_before(
    session: Session, *, contract_id: int, number: int, user: User, narrative: str
) -> ProgressReport:
    """The answer to a submit that finds the period's report submitted: done when it is this user's
    report with this narrative (the same request twice), the refusal of a report submitted already
    otherwise. Read anew, as it stands after the other request's commit."""
    session.rollback()
    report = _report_numbered(session, contract_id, number)
    if (
        report is not None
        and report.status is ReportStatus.SUBMITTED
        and (report.submitted_by_user_id, report.narrative) == (user.id, narrative)
    ):
        return report
    raise FormInvalid({FORM: "reports.error.already_submitted"})


def _report_numbered(session: Session, contract_id: int, number: int) -> ProgressReport | None:
    query = select(ProgressReport).where(
        ProgressReport.contract_id == contract_id, ProgressReport.period_number == number
    )
    return session.exec(query).first()


def submit_report(
    *,
    session: Session,
    contract: Contract,
    user: User,
    period: ReportingPeriod,
    narrative: str,
    today: date,
) -> ProgressReport:
    """Submit the report of `period` (one of the contract's) with `narrative`, by the rules in the
    module's docstring: it covers the newest chain version and keeps the plan actions as they stand
    `today`. Raises PermissionError for a user who may not, FormInvalid with every problem by field;
    nothing is saved unless everything is. The same narrative submitted again by the same user (a double
    click) is answered as done, see the module's docstring."""
    if not may_submit_report(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's supplier submits progress reports")
    _lock(session, contract.id)
    errors: dict[str, str] = {}
    existing = _report_numbered(session, contract.id, period.number)
    version = newest_version(session=session, contract_id=contract.id)
    if period.start > today:
        errors[FORM] = "reports.error.not_started"
    elif existing is not None and existing.status is not ReportStatus.MORE_INFORMATION_NEEDED:
        errors[FORM] = "reports.error.already_submitted"
    elif version is None or version.id is None:
        errors[FORM] = "reports.error.no_version"
    narrative = narrative.strip()
    if not narrative:
        errors[NARRATIVE] = "reports.error.narrative_required"
    elif len(narrative) > MAX_NARRATIVE:
        errors[NARRATIVE] = "reports.error.narrative_too_long"
    if errors == {FORM: "reports.error.already_submitted"}:
        return _submitted_before(
            session, contract_id=contract.id, number=period.number, user=user, narrative=narrative
        )
    if errors or version is None or version.id is None:
        session.rollback()
        raise FormInvalid(errors)
    previous = previous_report(session=session, contract_id=contract.id, number=period.number)
    submitted: dict[str, Any] = {
        "version_id": version.id,
        "previous_version_id": previous.version_id if previous is not None else None,
        "narrative": narrative,
        "actions": action_snapshot(session=session, contract_id=contract.id, today=today),
        "status": ReportStatus.SUBMITTED,
        "submitted_at": datetime.now(UTC),
        "submitted_by_user_id": user.id,
        "reviewed_at": None,
        "reviewed_by_user_id": None,
        "review_comment": "",
    }
    if existing is None:
        report = ProgressReport(
            contract_id=contract.id,
            period_number=period.number,
            period_start=period.start,
            period_end=period.end,
            **submitted,
        )
        session.add(report)
        try:
            session.flush()
        except IntegrityError:  # the same period's report submitted by another request meanwhile
            session.rollback()
            return _submitted_before(
                session, contract_id=contract.id, number=period.number, user=user, narrative=narrative
            )
    else:
        assert existing.id is not None  # noqa: S101 - a stored report
        if not _made(session, existing.id, ReportStatus.MORE_INFORMATION_NEEDED, **submitted):
            return _submitted_before(
                session, contract_id=contract.id, number=period.number, user=user, narrative=narrative
            )
        report = existing
    record(
        session=session,
        contract_id=contract.id,
        user=user,
        kind=AuditKind.REPORT_SUBMITTED,
        number=period.number,
        version=version.number,
    )
    session.commit()
    session.refresh(report)
    return report


def review_report(
    *,
    session: Session,
    contract: Contract,
    user: User,
    period: ReportingPeriod,
    decision: str,
    comment: str,
) -> ProgressReport:
    """Accept the submitted report of `period` or ask for more information (`decision`, a value of
    ReportStatus other than submitted; the comment is required for more information). Raises
    PermissionError for a user who may not, FormInvalid with every problem by field. The same decision
    with the same comment by the same user again (a double click) is answered as done; any other review
    of a report no longer submitted is refused, so that a second review never overwrites the first."""
    if not may_review_report(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's buyer side reviews progress reports")
    _lock(session, contract.id)
    errors: dict[str, str] = {}
    report = _report_numbered(session, contract.id, period.number)
    if report is None:
        errors[FORM] = "reports.error.nothing_to_review"
    elif report.status is not ReportStatus.SUBMITTED:
        errors[FORM] = "reports.error.already_reviewed"
    try:
        status = ReportStatus(decision)
    except ValueError:
        status = ReportStatus.SUBMITTED
    if status is ReportStatus.SUBMITTED:
        errors[DECISION] = "reports.error.decision_required"
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        errors[COMMENT] = "reports.error.comment_too_long"
    elif not comment and status is ReportStatus.MORE_INFORMATION_NEEDED:
        errors[COMMENT] = "reports.error.comment_required"
    if errors == {FORM: "reports.error.already_reviewed"}:
        return _reviewed_before(session, report=report, user=user, status=status, comment=comment)
    if errors or report is None or report.id is None:
        session.rollback()
        raise FormInvalid(errors)
    reviewed = {
        "status": status,
        "reviewed_at": datetime.now(UTC),
        "reviewed_by_user_id": user.id,
        "review_comment": comment,
    }
    if not _made(session, report.id, ReportStatus.SUBMITTED, **reviewed):
        return _reviewed_before(session, report=report, user=user, status=status, comment=comment)
    record(
        session=session,
        contract_id=contract.id,
        user=user,
        kind=AuditKind.REPORT_REVIEWED,
        number=period.number,
        decision=status.value,
        comment=comment,
    )
    session.commit()
    session.refresh(report)
    return report


def _reviewed_before(
    session: Session, *, report: ProgressReport | None, user: User, status: ReportStatus, comment: str
) -> ProgressReport:
    """The answer to a review that finds the report no longer submitted: done when it is this user's same
    decision with the same comment (the same request twice), the refusal of a report reviewed already
    otherwise. Read anew, as it stands after the other request's commit."""
    session.rollback()
    if report is not None and (report.status, report.reviewed_by_user_id, report.review_comment) == (
        status,
        user.id,
        comment,
    ):
        return report
    raise FormInvalid({FORM: "reports.error.already_reviewed"})


@dataclass(frozen=True)
class ReportedAction:
    """An action as a report shows it: read from the report's snapshot (or from the plan while the
    supplier writes the report)."""

    id: int
    title: str
    status: ActionStatus
    due_on: date
    verification: Verification | None
    overdue: bool

    @classmethod
    def from_snapshot(cls, item: dict[str, Any]) -> "ReportedAction":
        return cls(
            id=int(item["id"]),
            title=str(item["title"]),
            status=ActionStatus(item["status"]),
            due_on=date.fromisoformat(item["due_on"]),
            verification=Verification(item["verification"]) if item["verification"] else None,
            overdue=bool(item["overdue"]),
        )


@dataclass(frozen=True)
class ReportView:
    """One period's report page.

    With `drafting` the supplier writes the report: `version`, `actions` and `changes` are what it
    would submit now (the newest version, the actions as they stand, the diff since the previous
    report's version). Otherwise they are the submitted report's, read-only. `changes` is None when
    there is nothing to compare with (no earlier report, or no version).
    """

    item: PeriodReport
    version: ChainVersion | None
    version_review: ChainReview | None
    previous_version: ChainVersion | None
    actions: list[ReportedAction]
    changes: list[DiffSection] | None
    drafting: bool
    may_review: bool
    submitted_by: str
    reviewed_by: str


def report_view(
    *,
    session: Session,
    contract: Contract,
    user: User,
    period: ReportingPeriod,
    today: date,
    lang: Lang,
    reference: ReferenceData,
) -> ReportView:
    """What the page of `period`'s report shows `user`, a party to the contract, `today`."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    report = _report_numbered(session, contract.id, period.number)
    item = PeriodReport(
        period=period, report=report, state=_state(period, report, today), started=period.start <= today
    )
    drafting = (
        may_submit_report(user=user, contract=contract)
        and item.started
        and (report is None or report.status is ReportStatus.MORE_INFORMATION_NEEDED)
    )
    if drafting:
        version = newest_version(session=session, contract_id=contract.id)
        previous = previous_report(session=session, contract_id=contract.id, number=period.number)
        previous_version = session.get(ChainVersion, previous.version_id) if previous is not None else None
        actions = action_snapshot(session=session, contract_id=contract.id, today=today)
    elif report is not None:
        version = session.get(ChainVersion, report.version_id)
        previous_version = (
            session.get(ChainVersion, report.previous_version_id)
            if report.previous_version_id is not None
            else None
        )
        actions = report.actions
    else:
        version, previous_version, actions = None, None, []
    changes: list[DiffSection] | None = None
    if version is not None and previous_version is not None:
        changes = (
            []
            if previous_version.id == version.id
            else diff_sections(
                version_diff(previous_version, version, reference=reference), lang=lang, reference=reference
            )
        )
    version_review = (
        session.exec(select(ChainReview).where(ChainReview.version_id == version.id)).first()
        if version is not None
        else None
    )
    names = user_names(
        session=session,
        ids={
            user_id
            for user_id in (
                report.submitted_by_user_id if report else None,
                report.reviewed_by_user_id if report else None,
            )
            if user_id is not None
        },
    )
    return ReportView(
        item=item,
        version=version,
        version_review=version_review,
        previous_version=previous_version,
        actions=[ReportedAction.from_snapshot(action) for action in actions],
        changes=changes,
        drafting=drafting,
        may_review=may_review_report(user=user, contract=contract)
        and report is not None
        and report.status is ReportStatus.SUBMITTED,
        submitted_by=names.get(report.submitted_by_user_id, "") if report else "",
        reviewed_by=names.get(report.reviewed_by_user_id, "")
        if report and report.reviewed_by_user_id is not None
        else "",
    )
