"""Logins kept on the server: each browser's session is a row whose random id (only its SHA-256 is
stored) sits in the signed cookie, so that logging out, an absolute lifetime, deactivating a user or a
new password end it for good, and a user sees and ends their other sessions.

Failed logins are kept for the throttling window (web.services.login_throttle): per address and per
client, so that guessing is slowed whichever of the two an attacker varies.
"""

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel


class LoginSession(SQLModel, table=True):
    __tablename__ = "login_sessions"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    user_id: int = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    expires_at: datetime  # absolute: activity does not move it
    last_seen_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    ended_at: datetime | None = None
    user_agent: str = Field(default="", max_length=200)
    client: str = Field(default="", max_length=64)


class LoginFailure(SQLModel, table=True):
    __tablename__ = "login_failures"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)
    client: str = Field(max_length=64, index=True)
    at: datetime = Field(default_factory=lambda: datetime.now(UTC), index=True)
