"""Requests to join an existing organisation: an invitee whose address has no account asks to join a
supplier organisation that already has members, and a member (or the admin) approves or refuses it.

Nobody becomes a member of an organisation that already has members without that organisation's
consent: a buyer can invite any address to its contract, but only the supplier decides who speaks for
it. The account is made only on approval, from the name and the password hash kept here while the
request waits (a decision empties it); the password itself is never stored.
"""

from datetime import UTC, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


class MembershipStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


class MembershipRequest(SQLModel, table=True):
    """One invitee's request to join `organisation_id`, made when they accepted `invitation_id`."""

    __tablename__ = "membership_requests"

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisations.id", index=True, ondelete="CASCADE")
    invitation_id: int = Field(foreign_key="invitations.id", unique=True, ondelete="CASCADE")
    email: str = Field(max_length=254)
    full_name: str = Field(max_length=200)
    hashed_password: str
    status: MembershipStatus = MembershipStatus.PENDING
    requested_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    decided_at: datetime | None = None
    decided_by_user_id: int | None = Field(default=None, foreign_key="users.id")
    user_id: int | None = Field(default=None, foreign_key="users.id")
