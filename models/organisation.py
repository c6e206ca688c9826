"""Organisations: contracting authorities (buyers) and suppliers. Every user belongs to one."""

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Index, text
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
    """One name per contracting authority (the admin's pages rely on it, and the database keeps it when
    two requests create one at once). Supplier names are not unique: a buyer that names a supplier makes a
    new organisation every time, since a typed name must never attach an organisation the buyer does not
    already work with; the admin merges duplicates (web.services.admin.merge_suppliers)."""

    __tablename__ = "organisations"
    __table_args__ = (
        Index(
            "uq_organisations_buyer_name",
            "name",
            unique=True,
            sqlite_where=text("kind = 'BUYER'"),
            postgresql_where=text("kind = 'BUYER'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class OrganisationPublic(OrganisationBase):
    id: int
