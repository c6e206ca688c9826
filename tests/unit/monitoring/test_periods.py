"""Reporting periods over the contract term: schedules, the cut last period, month ends and due dates."""

from datetime import date, timedelta

import pytest

from chainmap.monitoring import (
    REPORT_GRACE_DAYS,
    ReportingPeriod,
    ReportingSchedule,
    add_months,
    period_on,
    report_overdue,
    reporting_periods,
)

GRACE = timedelta(days=REPORT_GRACE_DAYS)


def spans(periods: list[ReportingPeriod]) -> list[tuple[date, date]]:
    return [(period.start, period.end) for period in periods]


def test_a_yearly_schedule_over_two_calendar_years() -> None:
    periods = reporting_periods(start=date(2025, 1, 1), end=date(2026, 12, 31), schedule="yearly")
    assert periods == [
        ReportingPeriod(1, date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 30)),
        ReportingPeriod(2, date(2026, 1, 1), date(2026, 12, 31), date(2027, 1, 30)),
    ]


def test_quarterly_and_half_yearly_periods_follow_the_contract_start() -> None:
    quarters = reporting_periods(
        start=date(2025, 3, 1), end=date(2026, 2, 28), schedule=ReportingSchedule.QUARTERLY
    )
    assert spans(quarters) == [
        (date(2025, 3, 1), date(2025, 5, 31)),
        (date(2025, 6, 1), date(2025, 8, 31)),
        (date(2025, 9, 1), date(2025, 11, 30)),
        (date(2025, 12, 1), date(2026, 2, 28)),
    ]
    halves = reporting_periods(start=date(2025, 3, 1), end=date(2026, 2, 28), schedule="half_yearly")
    assert spans(halves) == [(date(2025, 3, 1), date(2025, 8, 31)), (date(2025, 9, 1), date(2026, 2, 28))]


def test_the_last_period_is_cut_at_the_contract_end() -> None:
    periods = reporting_periods(start=date(2025, 1, 1), end=date(2026, 6, 30), schedule="yearly")
    assert spans(periods)[-1] == (date(2026, 1, 1), date(2026, 6, 30))
    assert periods[-1].due == date(2026, 6, 30) + GRACE


def test_a_term_shorter_than_a_period_is_one_period() -> None:
    periods = reporting_periods(start=date(2025, 5, 10), end=date(2025, 9, 9), schedule="yearly")
    assert periods == [ReportingPeriod(1, date(2025, 5, 10), date(2025, 9, 9), date(2025, 9, 9) + GRACE)]
    one_day = reporting_periods(start=date(2025, 5, 10), end=date(2025, 5, 10), schedule="quarterly")
    assert spans(one_day) == [(date(2025, 5, 10), date(2025, 5, 10))]


def test_month_ends_do_not_drift() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    periods = reporting_periods(start=date(2024, 11, 30), end=date(2025, 11, 29), schedule="quarterly")
    # Each start is computed from 30 November, so after the short February the 30th comes back.
    assert [period.start for period in periods] == [
        date(2024, 11, 30),
        date(2025, 2, 28),
        date(2025, 5, 30),
        date(2025, 8, 30),
    ]
    assert periods[0].end == date(2025, 2, 27)


def test_a_first_due_date_sets_the_same_day_in_later_periods() -> None:
    periods = reporting_periods(
        start=date(2025, 1, 1), end=date(2027, 12, 31), schedule="yearly", first_due=date(2026, 3, 31)
    )
    assert [period.due for period in periods] == [date(2026, 3, 31), date(2027, 3, 31), date(2028, 3, 31)]


def test_with_a_first_due_date_a_cut_last_period_is_due_as_long_after_its_end() -> None:
    periods = reporting_periods(
        start=date(2025, 1, 1), end=date(2026, 6, 30), schedule="yearly", first_due=date(2026, 1, 31)
    )
    assert [period.due for period in periods] == [date(2026, 1, 31), date(2026, 7, 31)]


def test_a_first_due_date_in_a_term_shorter_than_a_period_is_its_only_due_date() -> None:
    periods = reporting_periods(
        start=date(2025, 1, 1), end=date(2025, 4, 30), schedule="yearly", first_due=date(2025, 5, 15)
    )
    assert [period.due for period in periods] == [date(2025, 5, 15)]


def test_a_due_date_is_never_before_its_period_ends() -> None:
    # First period 30 Nov - 27 Feb, due the day it ends; the second ends 29 May, not 27 May.
    periods = reporting_periods(
        start=date(2024, 11, 30), end=date(2025, 8, 29), schedule="quarterly", first_due=date(2025, 2, 27)
    )
    assert [(period.end, period.due) for period in periods] == [
        (date(2025, 2, 27), date(2025, 2, 27)),
        (date(2025, 5, 29), date(2025, 5, 29)),
        (date(2025, 8, 29), date(2025, 8, 29)),
    ]


def test_a_cut_last_period_is_not_due_before_the_period_before_it() -> None:
    # The first report is due 4 days after 27 Feb; the second falls on 3 June by the month, and the one-day
    # last period, 4 days after 28 May, would be due on 1 June.
    periods = reporting_periods(
        start=date(2024, 11, 28), end=date(2025, 5, 28), schedule="quarterly", first_due=date(2025, 3, 3)
    )
    assert [(period.end, period.due) for period in periods] == [
        (date(2025, 2, 27), date(2025, 3, 3)),
        (date(2025, 5, 27), date(2025, 6, 3)),
        (date(2025, 5, 28), date(2025, 6, 3)),
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"start": date(2025, 1, 2), "end": date(2025, 1, 1), "schedule": "yearly"}, "end"),
        ({"start": date(2025, 1, 1), "end": date(2025, 12, 31), "schedule": "monthly"}, "monthly"),
        (
            {
                "start": date(2025, 1, 1),
                "end": date(2026, 12, 31),
                "schedule": "yearly",
                "first_due": date(2025, 12, 30),
            },
            "first report",
        ),
    ],
)
def test_impossible_terms_are_refused(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        reporting_periods(**arguments)  # type: ignore[arg-type]


def test_a_report_is_overdue_from_the_day_after_its_due_date_until_submitted() -> None:
    period = ReportingPeriod(1, date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 30))
    assert not report_overdue(period, submitted=False, today=date(2026, 1, 30))
    assert report_overdue(period, submitted=False, today=date(2026, 1, 31))
    assert not report_overdue(period, submitted=True, today=date(2026, 1, 31))


def test_the_period_on_a_day() -> None:
    periods = reporting_periods(start=date(2025, 1, 1), end=date(2025, 12, 31), schedule="half_yearly")
    assert period_on(periods, date(2025, 6, 30)) == periods[0]
    assert period_on(periods, date(2025, 7, 1)) == periods[1]
    assert period_on(periods, date(2026, 1, 1)) is None
