"""Contracts: a buyer organisation buys from a supplier organisation under a title and reference, for
goods and services named by CPV codes, over a term, with a reporting schedule and the status of the
supplier's chain. The CPV codes are rows of their own table, `contract_cpv`."""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Self

from pydantic import model_validator
from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from chainmap.monitoring import ReportingSchedule as ReportingSchedule  # the core makes its periods


class ContractStatus(StrEnum):
    """Where the supplier's chain stands: none yet, a draft, submitted for review, accepted, or sent back
    with a request for revision."""

    NO_CHAIN = "no_chain"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REVISION_REQUESTED = "revision_requested"


class ContractBase(SQLModel):
    title: str = Field(min_length=1, max_length=200)
    reference: str = Field(min_length=1, max_length=100)  # the buyer's own reference, unique per buyer
    start_date: date
    end_date: date
    reporting_schedule: ReportingSchedule


class ContractCreate(ContractBase):
    """A new contract as the buyer enters it: the supplier is an existing organisation or none yet."""

    cpv_codes: list[str] = Field(min_length=1)
    supplier_organisation_id: int | None = None

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Self:
        if self.end_date < self.start_date:
            raise ValueError("the end date is before the start date")
        return self


class Contract(ContractBase, table=True):
    __tablename__ = "contracts"
    __table_args__ = (
        UniqueConstraint("buyer_organisation_id", "reference", name="uq_contracts_buyer_reference"),
        CheckConstraint("end_date >= start_date", name="ck_contracts_term"),
        UniqueConstraint("public_summary_token", name="uq_contracts_public_summary_token"),
    )

    id: int | None = Field(default=None, primary_key=True)
    buyer_organisation_id: int = Field(foreign_key="organisations.id", index=True)
    supplier_organisation_id: int | None = Field(default=None, foreign_key="organisations.id", index=True)
    status: ContractStatus = ContractStatus.NO_CHAIN
    # Set when the buyer publishes the public summary: the random part of its link; None: not public.
    public_summary_token: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class ContractCpv(SQLModel, table=True):
    """One CPV code (as "18100000-0", with check digit) of a contract."""

    __tablename__ = "contract_cpv"

    contract_id: int = Field(foreign_key="contracts.id", primary_key=True, ondelete="CASCADE")
    code: str = Field(primary_key=True, max_length=10)


class ContractPublic(ContractBase):
    id: int
    buyer_organisation_id: int
    supplier_organisation_id: int | None
    status: ContractStatus
    cpv_codes: list[str]
