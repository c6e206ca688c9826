"""Organisations: contracting authorities (buyers) and suppliers. Every user belongs to one."""

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import UniqueConstraint
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
    """One name per kind: the admin pages and `organisation_named` rely on it, and the database keeps it
    when two requests create the same organisation at once."""

    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_organisations_kind_name"),)

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class OrganisationPublic(OrganisationBase):
    id: int
