"""Dates, times and numbers as the page's language writes them: "1 maart 2027, 14:05" and "1.234,5" in
Dutch, "1 March 2027, 14:05" and "1,234.5" in English. Times are shown in the Netherlands' time zone,
where the buyers work; they are stored in UTC."""

from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

from chainmap.themes import Lang

SHOWN_TIME_ZONE: Final = ZoneInfo("Europe/Amsterdam")
MONTHS: Final[dict[Lang, tuple[str, ...]]] = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def date_text(day: date, lang: Lang) -> str:
    """A date as the language writes it: "1 maart 2027", "1 March 2027"."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def datetime_text(moment: datetime, lang: Lang) -> str:
    """A moment in Dutch time as the language writes it: "26 november 2026, 13:05"; a naive datetime
    is taken as UTC (SQLite returns stored UTC times without their zone)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    local = moment.astimezone(SHOWN_TIME_ZONE)
    return f"{date_text(local.date(), lang)}, {local:%H:%M}"


def number_text(value: float, lang: Lang, digits: int = 0) -> str:
    """A number with `digits` decimals and grouped thousands: "1.234,5" in Dutch, "1,234.5" in English."""
    text = f"{value:,.{digits}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def percent_text(value: float, lang: Lang, digits: int = 0) -> str:
    """A percentage: "12,5%" in Dutch, "12.5%" in English."""
    return f"{number_text(value, lang, digits)}%"
