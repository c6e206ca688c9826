"""Reporting periods over a contract term, and when a progress report is due or overdue.

Rules (docs/risk-model.md, "Reporting periods"): periods start on the contract start and follow each other
every 3, 6 or 12 months, each computed from the contract start so that month ends do not drift; the last
period ends on the contract end. A report is due REPORT_GRACE_DAYS after its period ends, or, when the
contract gives the first due date, on that date and the same day of the month in each later period.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

# Time to write a report after its period ends: a month, as the ISV annual report is due after the year.
REPORT_GRACE_DAYS: Final = 30


class ReportingSchedule(StrEnum):
    """How often the supplier reports on the plan of action over the contract term."""

    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        """The length of one full period in months."""
        return _MONTHS[self]


_MONTHS: Final[dict[ReportingSchedule, int]] = {
    ReportingSchedule.QUARTERLY: 3,
    ReportingSchedule.HALF_YEARLY: 6,
    ReportingSchedule.YEARLY: 12,
}


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    """A reporting period: `number` from 1, first and last day (both included), and the report's due date."""

    number: int
    start: date
    end: date
    due: date


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the last day of that month if shorter (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reporting_periods(
    *, start: date, end: date, schedule: ReportingSchedule | str, first_due: date | None = None
) -> list[ReportingPeriod]:
    """The reporting periods of a contract running from `start` to `end` (both included).

    Period k (from 0) starts `k x months` after the contract start, computed from the start itself, and
    ends the day before the next one starts; the last period is cut at the contract end, and a term shorter
    than one period gives one period for the whole term. Without `first_due`, each report is due
    REPORT_GRACE_DAYS after its period ends. With `first_due`, the first report is due on that date and the
    report of full period k on `first_due + k x months` (never before the period ends, which month ends
    could otherwise cause); a last period cut short is due as long after its end as the first report is
    after the first period's end, but not before the report of the period before it.

    Raises ValueError for an unknown schedule, an end before the start, or a first due date before the
    first period ends.
    """
    months = ReportingSchedule(schedule).months
    if end < start:
        raise ValueError("the contract end lies before its start")
    bounds: list[tuple[date, date, bool]] = []
    k = 0
    while True:
        period_start = add_months(start, k * months)
        if period_start > end:
            break
        full_end = add_months(start, (k + 1) * months) - timedelta(days=1)
        bounds.append((period_start, min(full_end, end), full_end <= end))
        k += 1
    first_end = bounds[0][1]
    if first_due is not None and first_due < first_end:
        raise ValueError("the first report cannot be due before the first period ends")
    periods: list[ReportingPeriod] = []
    for k, (period_start, period_end, full) in enumerate(bounds):
        if first_due is None:
            due = period_end + timedelta(days=REPORT_GRACE_DAYS)
        elif k == 0 or full:
            due = max(add_months(first_due, k * months), period_end)
        else:
            due = max(period_end + (first_due - first_end), periods[-1].due)
        periods.append(ReportingPeriod(k + 1, period_start, period_end, due))
    return periods


def report_overdue(period: ReportingPeriod, *, submitted: bool, today: date) -> bool:
    """True when the period's report has not been submitted and its due date lies before `today`.

    On the due date itself the report is not yet overdue.
    """
    return not submitted and period.due < today


def period_on(periods: list[ReportingPeriod], day: date) -> ReportingPeriod | None:
    """The period that contains `day`, or None when the day lies outside the term."""
    for period in periods:
        if period.start <= day <= period.end:
            return period
    return None
