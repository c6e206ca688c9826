"""Progress reports: per reporting period of the contract, the supplier reports on its plan of action and
the contract manager reviews the report.

A report covers a chain version and keeps, as submitted, the status of every action then (`actions`: one
small dict per action, so later changes to the plan do not rewrite what was reported). What changed in
the chain since the previous report follows from `version_id` and `previous_version_id` (the core's diff).
A report sent back for more information is submitted again in the same row; the audit log keeps each
submission and review.
"""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel


class ReportStatus(StrEnum):
    """The contract manager's view of a submitted report."""

    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    MORE_INFORMATION_NEEDED = "more_information_needed"


class ProgressReport(SQLModel, table=True):
    __tablename__ = "progress_reports"
    __table_args__ = (UniqueConstraint("contract_id", "period_number", name="uq_progress_reports_period"),)

    id: int | None = Field(default=None, primary_key=True)
    contract_id: int = Field(foreign_key="contracts.id", index=True, ondelete="CASCADE")
    period_number: int
    period_start: date
    period_end: date
    version_id: int = Field(foreign_key="chain_versions.id")
    previous_version_id: int | None = Field(default=None, foreign_key="chain_versions.id")
    narrative: str = Field(default="", max_length=20000)
    actions: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: ReportStatus = ReportStatus.SUBMITTED
    submitted_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    submitted_by_user_id: int = Field(foreign_key="users.id")
    reviewed_at: datetime | None = None
    reviewed_by_user_id: int | None = Field(default=None, foreign_key="users.id")
    review_comment: str = Field(default="", max_length=5000)
