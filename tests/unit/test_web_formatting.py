"""Dates, times and numbers per language (web.formatting)."""

from datetime import UTC, date, datetime

from web.formatting import date_text, datetime_text, number_text, percent_text


def test_dates_are_written_as_each_language_writes_them() -> None:
    assert date_text(date(2027, 3, 1), "nl") == "1 maart 2027"
    assert date_text(date(2027, 3, 1), "en") == "1 March 2027"


def test_moments_are_shown_in_dutch_time_also_when_stored_without_a_zone() -> None:
    winter = datetime(2026, 11, 26, 12, 5, tzinfo=UTC)
    assert datetime_text(winter, "nl") == "26 november 2026, 13:05"
    assert datetime_text(winter.replace(tzinfo=None), "en") == "26 November 2026, 13:05"
    assert datetime_text(datetime(2027, 7, 1, 22, 30, tzinfo=UTC), "nl") == "2 juli 2027, 00:30"


def test_numbers_group_thousands_and_use_the_languages_decimal_mark() -> None:
    assert number_text(1234.5, "nl", 1) == "1.234,5"
    assert number_text(1234.5, "en", 1) == "1,234.5"
    assert number_text(1234567, "nl") == "1.234.567"
    assert percent_text(12.5, "nl", 1) == "12,5%"
    assert percent_text(12.5, "en", 1) == "12.5%"
