"""Today's date, from one place: the app's `today` (the date in the Netherlands unless `create_app` is
given another), so that tests check due dates, and later overdue and due-soon behaviour, on fixed days."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated

from fastapi import Depends, Request

from web.formatting import SHOWN_TIME_ZONE


def netherlands_today() -> date:
    """The date in the Netherlands now, where contract terms and due dates are kept."""
    return datetime.now(SHOWN_TIME_ZONE).date()


def current_date(request: Request) -> date:
    """Today as the app knows it (`app.state.today`)."""
    today: Callable[[], date] = request.app.state.today
    return today()


Today = Annotated[date, Depends(current_date)]
