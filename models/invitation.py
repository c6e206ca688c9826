"""Invitations: a buyer invites a supplier's user to a contract by e-mail address.

The link carries a random token that is stored only as its SHA-256 hash, so the table alone does not
let anyone in. A link works once (`used_at`) and until `expires_at`, and `mailed_at` says whether it went
to the address by e-mail.
"""

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel


class Invitation(SQLModel, table=True):
    __tablename__ = "invitations"

    id: int | None = Field(default=None, primary_key=True)
    contract_id: int = Field(foreign_key="contracts.id", index=True, ondelete="CASCADE")
    email: str = Field(max_length=254)
    token_hash: str = Field(max_length=64, unique=True)
    invited_by_user_id: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    expires_at: datetime
    used_at: datetime | None = None
    user_id: int | None = Field(default=None, foreign_key="users.id")
    # When the link was e-mailed to the address (None: it was only shown to the buyer, so whoever uses it
    # has not shown that they read that address's mail; a request to join says so to the members).
    mailed_at: datetime | None = None
