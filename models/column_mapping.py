"""Column mappings a supplier organisation has used to import its own lists (`chainmap.chainfile.mapping`),
remembered per organisation and per set of header names, so that the next file with the same columns
opens with the mapping it used last time.

A mapping belongs to one supplier organisation and is only ever looked up with the organisation of the
user who imports: another organisation's files, however alike, never see it.
"""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel


class SavedColumnMapping(SQLModel, table=True):
    """The mapping (`mapping`, in the mapping file's JSON form) an organisation last used for files whose
    header names have the fingerprint `fingerprint` (`chainmap.chainfile.mapping.header_fingerprint`);
    `headers` are those names as the file had them, for showing."""

    __tablename__ = "column_mappings"
    __table_args__ = (
        UniqueConstraint(
            "organisation_id", "fingerprint", name="uq_column_mappings_organisation_fingerprint"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisations.id", index=True, ondelete="CASCADE")
    fingerprint: str = Field(max_length=64)
    headers: list[str] = Field(sa_column=Column(JSON, nullable=False))
    mapping: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    updated_by_user_id: int | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
