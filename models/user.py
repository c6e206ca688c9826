"""Users: a person with a role in one organisation. The password is kept only as an Argon2 hash, and
`UserPublic` is what leaves the app, so no route returns the hash."""

from datetime import UTC, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


class Role(StrEnum):
    """What a user does: the admin sets up buyer organisations; buyers set up contracts and review
    chains; contract managers follow the plan of action; suppliers fill in their chain."""

    ADMIN = "admin"
    BUYER = "buyer"
    CONTRACT_MANAGER = "contract_manager"
    SUPPLIER = "supplier"


class UserBase(SQLModel):
    email: str = Field(max_length=254, index=True, unique=True)
    full_name: str = Field(default="", max_length=200)
    role: Role
    language: str | None = Field(default=None, max_length=2)  # "nl" or "en"; None: from the browser


class UserCreate(UserBase):
    password: str = Field(min_length=12, max_length=200)
    organisation_id: int | None = None


class User(UserBase, table=True):
    __tablename__ = "users"  # "user" is a reserved word in PostgreSQL

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int | None = Field(default=None, foreign_key="organisations.id", index=True)
    hashed_password: str
    is_active: bool = True
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class UserPublic(UserBase):
    id: int
    organisation_id: int | None
