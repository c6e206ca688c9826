"""Login throttling: after MAX_PER_ADDRESS failed logins for one address, or MAX_PER_CLIENT from one
client, within WINDOW, further attempts are refused until enough of them are older than WINDOW.

Failures are kept in the database (models.LoginFailure), so every worker of the server counts the same.
An attempt that is refused is not checked at all (no password is verified, so nothing is learnt from
it) and not counted again: a locked address opens WINDOW after its last counted failures, whatever an
attacker keeps sending. A successful login clears its address's count, not its client's. The client is
`request.client.host`: behind a reverse proxy, run the server with --proxy-headers so that it is the
real client (README, Production).
"""

from datetime import UTC, datetime, timedelta
from typing import Final

from sqlalchemy import ColumnElement, delete
from sqlmodel import Session, col, select

from models import LoginFailure

WINDOW: Final = timedelta(minutes=15)
MAX_PER_ADDRESS: Final = 10
MAX_PER_CLIENT: Final = 50


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _opens_at(session: Session, condition: ColumnElement[bool], limit: int, now: datetime) -> datetime | None:
    """When the failures matching `condition` within the window fall below `limit`, or None if they are
    below it now: the (n - limit + 1)-th oldest of the n failures leaves the window first."""
    times = session.exec(
        select(LoginFailure.at)
        .where(condition, col(LoginFailure.at) > now - WINDOW)
        .order_by(col(LoginFailure.at))
    ).all()
    if len(times) < limit:
        return None
    return _utc(times[len(times) - limit]) + WINDOW


def throttled_until(
    *, session: Session, email: str, client: str, now: datetime | None = None
) -> datetime | None:
    """The moment login attempts for `email` from `client` are allowed again, or None when they are now."""
    now = now or datetime.now(UTC)
    moments = [
        _opens_at(session, col(LoginFailure.email) == email, MAX_PER_ADDRESS, now),
        _opens_at(session, col(LoginFailure.client) == client, MAX_PER_CLIENT, now),
    ]
    found = [moment for moment in moments if moment is not None]
    return max(found) if found else None


def record_failure(*, session: Session, email: str, client: str, now: datetime | None = None) -> None:
    """Count a failed login, and forget the failures that left the window."""
    now = now or datetime.now(UTC)
    session.connection().execute(delete(LoginFailure).where(col(LoginFailure.at) <= now - WINDOW))
    session.add(LoginFailure(email=email[:254], client=client[:64], at=now))
    session.commit()


def clear_address(*, session: Session, email: str) -> None:
    """Forget the failed logins for an address once its user logged in."""
    session.connection().execute(delete(LoginFailure).where(col(LoginFailure.email) == email))
    session.commit()
