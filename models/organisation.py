"""Organisations: contracting authorities (buyers) and suppliers. Every user belongs to one."""

from datetime import UTC, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


class OrganisationKind(StrEnum):
    """A contracting authority (aanbestedende dienst) buys; a supplier (leverancier) delivers."""

    BUYER = "buyer"
    SUPPLIER = "supplier"


class OrganisationBase(SQLModel):
    name: str = Field(min_length=1, max_length=200)
    kind: OrganisationKind


class OrganisationCreate(OrganisationBase):
    pass


class Organisation(OrganisationBase, table=True):
    __tablename__ = "organisations"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class OrganisationPublic(OrganisationBase):
    id: int
