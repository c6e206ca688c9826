"""audit log and escalation steps

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 14:04:56.750314
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "CHAIN_SUBMITTED",
                "CHAIN_REVIEWED",
                "INVITATION_SENT",
                "INVITATION_ACCEPTED",
                "ESCALATION_RECORDED",
                name="auditkind",
            ),
            nullable=False,
        ),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_contract_id"), ["contract_id"], unique=False)

    op.create_table(
        "escalation_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column(
            "step",
            sa.Enum(
                "RESOLVED",
                "DIALOGUE",
                "WRITTEN_WARNING",
                "NOTICE_OF_DEFAULT",
                "FINE",
                "TERMINATION",
                name="escalationlevel",
            ),
            nullable=False,
        ),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
        sa.Column("recorded_by_user_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["recorded_by_user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("escalation_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_escalation_steps_contract_id"), ["contract_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("escalation_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalation_steps_contract_id"))

    op.drop_table("escalation_steps")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_contract_id"))

    op.drop_table("audit_events")
    sa.Enum(name="escalationlevel").drop(op.get_bind(), checkfirst=True)
    sa.Enum(name="auditkind").drop(op.get_bind(), checkfirst=True)
