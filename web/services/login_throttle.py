"""Login throttling: after MAX_PER_ADDRESS failed logins for one address, or MAX_PER_CLIENT from one
client, within WINDOW, further attempts are refused until enough of them are older than WINDOW.

Failures are kept in the database (models.LoginFailure), so every worker of the server counts the same.
Each attempt is counted as a failure before its password is checked (`claim_attempt`) and forgotten
when it succeeds, so that guesses sent at the same moment are counted against each other. An attempt
that is refused is not checked at all (no password is verified, so nothing is learnt from it) and not
counted again: a locked address opens WINDOW after its last counted failures, whatever an
attacker keeps sending. A successful login clears its address's count, not its client's. The client is
`request.client.host`, an IPv6 address counted by its /64 network (`client_key`). Behind a reverse proxy
that must be the real client, not the proxy (or 50 failures from anyone lock everyone out): `chainmap
serve --proxy-headers` (uvicorn) takes it from X-Forwarded-For, only when the proxy connects from an
address in `--forwarded-allow-ips` (127.0.0.1 by default; without --proxy-headers no forwarded header is
believed), and the proxy must set that header to the address it saw, not pass on the client's own.
"""

import ipaddress
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


def client_key(client: str) -> str:
    """The client as the throttle counts it: an IPv6 address by its /64 network, since a subscriber or a
    server is commonly given a whole /64 and could otherwise make MAX_PER_CLIENT guesses from each of its
    2^64 addresses; anything else as it is."""
    try:
        address = ipaddress.ip_address(client)
    except ValueError:
        return client[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


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
    client = client_key(client)
    moments = [
        _opens_at(session, col(LoginFailure.email) == email, MAX_PER_ADDRESS, now),
        _opens_at(session, col(LoginFailure.client) == client, MAX_PER_CLIENT, now),
    ]
    found = [moment for moment in moments if moment is not None]
    return max(found) if found else None


def claim_attempt(
    *, session: Session, email: str, client: str, now: datetime | None = None
) -> int | datetime:
    """Count this attempt as a failure before its password is checked, and then look whether it is one too
    many: guesses sent at the same moment each find the count as it was before any of them failed, so a
    count taken before the check lets as many through as the server has threads. Returns the attempt's id
    (`forget_attempt` it, or `clear_address`, when it succeeds) or, when it is over a limit, the moment
    attempts open again; such an attempt is forgotten here, so that it is not counted. An address or
    client that is locked already is answered without a write, however many attempts it sends."""
    now = now or datetime.now(UTC)
    if (opens := throttled_until(session=session, email=email, client=client, now=now)) is not None:
        return opens
    key = client_key(client)
    session.connection().execute(delete(LoginFailure).where(col(LoginFailure.at) <= now - WINDOW))
    attempt = LoginFailure(email=email[:254], client=key, at=now)
    session.add(attempt)
    session.flush()
    # Its id is read before the commit: a login of the same address that succeeds meanwhile clears the
    # address's attempts, this one included, and reading the id after the commit would reload a row that
    # is gone (a 500 under 50 logins at once, found by make load).
    attempt_id = attempt.id
    session.commit()
    assert attempt_id is not None  # noqa: S101 - set by the flush
    over = [
        _opens_at(session, col(LoginFailure.email) == email[:254], MAX_PER_ADDRESS + 1, now),
        _opens_at(session, col(LoginFailure.client) == key, MAX_PER_CLIENT + 1, now),
    ]
    found = [moment for moment in over if moment is not None]
    if not found:
        return attempt_id
    forget_attempt(session=session, attempt_id=attempt_id)
    return throttled_until(session=session, email=email, client=client, now=now) or max(found)


def forget_attempt(*, session: Session, attempt_id: int) -> None:
    """Forget an attempt counted by `claim_attempt` that did not fail after all."""
    session.connection().execute(delete(LoginFailure).where(col(LoginFailure.id) == attempt_id))
    session.commit()


def clear_address(*, session: Session, email: str) -> None:
    """Forget the failed logins for an address once its user logged in."""
    session.connection().execute(delete(LoginFailure).where(col(LoginFailure.email) == email))
    session.commit()
