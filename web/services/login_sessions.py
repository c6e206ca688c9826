"""Logins kept on the server (models.LoginSession): started at login, looked up on every request by the
random id in the signed cookie, and ended by logging out, by their absolute lifetime, by deactivating
or removing the user, by a new password, or by the user from /account.

The cookie holds only the id; its SHA-256 is stored, so the table alone lets nobody in. A session's
`expires_at` is set once at login (`Settings.session_max_age`): activity never moves it, so a stolen
cookie works at most that long. `last_seen_at` is written at most once a minute, to show the user when
each session was last used without a write on every request, and not at all while the database is busy
writing for another request (SQLite has one writer at a time): a page that only reads is not to fail
for it.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from sqlalchemy import update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from models import LoginSession, User

TOKEN_BYTES: Final = 32
LAST_SEEN_EVERY: Final = timedelta(minutes=1)
USER_AGENT_MAX: Final = 200
CLIENT_MAX: Final = 64


@dataclass(frozen=True)
class ActiveLogin:
    """The user of a request and the session it came with."""

    user: User
    login: LoginSession


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _utc(moment: datetime) -> datetime:
    """A stored time with its zone: SQLite gives back UTC times without one."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def start_session(
    *,
    session: Session,
    user: User,
    max_age: timedelta,
    user_agent: str = "",
    client: str = "",
    now: datetime | None = None,
) -> str:
    """A new login session for `user`, lasting `max_age` from now whatever the activity; returns the
    token for the cookie (not kept: only its hash is stored)."""
    if user.id is None:
        raise ValueError("a session is for a stored user")
    now = now or datetime.now(UTC)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        LoginSession(
            token_hash=_hash(token),
            user_id=user.id,
            created_at=now,
            expires_at=now + max_age,
            last_seen_at=now,
            user_agent=user_agent[:USER_AGENT_MAX],
            client=client[:CLIENT_MAX],
        )
    )
    session.commit()
    return token


def active_login(*, session: Session, token: str, now: datetime | None = None) -> ActiveLogin | None:
    """The active user and session that `token` opens: None when it is unknown, ended or expired, or its
    user is inactive."""
    now = now or datetime.now(UTC)
    found = session.exec(
        select(LoginSession, User)
        .join(User, col(User.id) == col(LoginSession.user_id))
        .where(LoginSession.token_hash == _hash(token), col(LoginSession.ended_at).is_(None))
    ).first()
    if found is None:
        return None
    login, user = found
    if _utc(login.expires_at) <= now or not user.is_active:
        return None
    if now - _utc(login.last_seen_at) >= LAST_SEEN_EVERY and _note_last_seen(session, login, now):
        login.last_seen_at = now
    return ActiveLogin(user=user, login=login)


def _note_last_seen(session: Session, login: LoginSession, now: datetime) -> bool:
    """Note the session's last use, unless the database is busy writing for another request: on SQLite
    the note does not wait out the busy timeout (models.db) as other writes do, since the page would wait
    that long. Whether it was noted."""
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    waits = connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() if sqlite else 0
    try:
        if sqlite:
            connection.exec_driver_sql("PRAGMA busy_timeout = 0")
        try:
            connection.execute(
                update(LoginSession).where(col(LoginSession.id) == login.id).values(last_seen_at=now)
            )
        finally:  # while the connection is still the session's: the pool lends it out again after
            if sqlite:
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(waits)}")
    except OperationalError:  # the database is busy writing (SQLite): the note is worth less than the page
        session.rollback()
        return False
    session.commit()
    return True


def end_session(*, session: Session, token: str, now: datetime | None = None) -> None:
    """End the session that `token` opens (logging out); nothing when there is none."""
    session.connection().execute(
        update(LoginSession)
        .where(col(LoginSession.token_hash) == _hash(token), col(LoginSession.ended_at).is_(None))
        .values(ended_at=now or datetime.now(UTC))
    )
    session.commit()


def end_user_sessions(
    *,
    session: Session,
    user_id: int,
    keep: int | None = None,
    only: int | None = None,
    now: datetime | None = None,
) -> int:
    """End the user's open sessions (all, all but `keep`, or only `only`) in the caller's transaction,
    which the caller commits; returns how many ended."""
    query = update(LoginSession).where(
        col(LoginSession.user_id) == user_id, col(LoginSession.ended_at).is_(None)
    )
    if keep is not None:
        query = query.where(col(LoginSession.id) != keep)
    if only is not None:
        query = query.where(col(LoginSession.id) == only)
    ended = session.connection().execute(query.values(ended_at=now or datetime.now(UTC)))
    return int(ended.rowcount)


def open_sessions(*, session: Session, user_id: int, now: datetime | None = None) -> list[LoginSession]:
    """The user's sessions that still work, most recently used first."""
    now = now or datetime.now(UTC)
    query = (
        select(LoginSession)
        .where(
            LoginSession.user_id == user_id,
            col(LoginSession.ended_at).is_(None),
            col(LoginSession.expires_at) > now,
        )
        .order_by(col(LoginSession.last_seen_at).desc(), col(LoginSession.id).desc())
    )
    return list(session.exec(query))
