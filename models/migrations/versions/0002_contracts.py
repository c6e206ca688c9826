"""contracts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:58:12.937035
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contracts",
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("reference", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column(
            "reporting_schedule",
            sa.Enum("QUARTERLY", "HALF_YEARLY", "YEARLY", name="reportingschedule"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("buyer_organisation_id", sa.Integer(), nullable=False),
        sa.Column("supplier_organisation_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "NO_CHAIN", "DRAFT", "SUBMITTED", "ACCEPTED", "REVISION_REQUESTED", name="contractstatus"
            ),
            nullable=False,
        ),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint("end_date >= start_date", name="ck_contracts_term"),
        sa.ForeignKeyConstraint(
            ["buyer_organisation_id"],
            ["organisations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["supplier_organisation_id"],
            ["organisations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("buyer_organisation_id", "reference", name="uq_contracts_buyer_reference"),
    )
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contracts_buyer_organisation_id"), ["buyer_organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contracts_supplier_organisation_id"), ["supplier_organisation_id"], unique=False
        )

    op.create_table(
        "contract_cpv",
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contract_id", "code"),
    )


def downgrade() -> None:
    op.drop_table("contract_cpv")
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contracts_supplier_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_contracts_buyer_organisation_id"))

    op.drop_table("contracts")
    sa.Enum(name="contractstatus").drop(op.get_bind(), checkfirst=True)
    sa.Enum(name="reportingschedule").drop(op.get_bind(), checkfirst=True)
