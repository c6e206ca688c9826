"""monitoring: plan of action, attachments, progress reports, notifications, version risks

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 14:39:19.433154
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_AUDIT_KINDS = (
    "CHAIN_SUBMITTED",
    "CHAIN_REVIEWED",
    "INVITATION_SENT",
    "INVITATION_ACCEPTED",
    "ESCALATION_RECORDED",
)
NEW_AUDIT_KINDS = (
    "PLAN_SUBMITTED",
    "PLAN_APPROVED",
    "PLAN_RETURNED",
    "ACTION_ADDED",
    "ACTION_CHANGED",
    "ACTION_NOTE_ADDED",
    "ACTION_VERIFIED",
    "ATTACHMENT_ADDED",
    "REPORT_SUBMITTED",
    "REPORT_REVIEWED",
    "PUBLIC_SUMMARY_CHANGED",
)


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "ACTION_DUE_SOON",
                "ACTION_OVERDUE",
                "REPORT_OVERDUE",
                "PLAN_SUBMITTED",
                "REPORT_SUBMITTED",
                "REVISION_REQUESTED",
                "ESCALATION_RECORDED",
                name="notificationkind",
            ),
            nullable=False,
        ),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("read_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("emailed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "key", name="uq_notifications_user_key"),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notifications_contract_id"), ["contract_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notifications_user_id"), ["user_id"], unique=False)

    op.create_table(
        "plan_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "AUDIT",
                "SUPPLIER_ENGAGEMENT",
                "TRAINING",
                "REMEDIATION",
                "SUPPLIER_CHANGE",
                "CERTIFICATION",
                "GRIEVANCE_MECHANISM",
                "OTHER",
                name="actionkind",
            ),
            nullable=False,
        ),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("PLANNED", "IN_PROGRESS", "DONE", "CANCELLED", name="actionstatus"),
            nullable=False,
        ),
        sa.Column("cancel_reason", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by_user_id", sa.Integer(), nullable=False),
        sa.Column("verification", sa.Enum("VERIFIED", "NOT_SUFFICIENT", name="verification"), nullable=True),
        sa.Column("verification_comment", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
        sa.Column("verified_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("verified_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["verified_by_user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_actions_contract_id"), ["contract_id"], unique=False)

    op.create_table(
        "action_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["plan_actions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("action_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_notes_action_id"), ["action_id"], unique=False)

    op.create_table(
        "action_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column(
            "status", sa.Enum("DRAFT", "SUBMITTED", "APPROVED", "RETURNED", name="planstatus"), nullable=False
        ),
        sa.Column("submitted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("submitted_by_user_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("decided_by_user_id", sa.Integer(), nullable=True),
        sa.Column("comment", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
        sa.Column("first_approved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["decided_by_user_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_user_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["chain_versions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("contract_id"),
    )
    op.create_table(
        "action_risks",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("node_id", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("theme", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["plan_actions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("action_id", "node_id", "theme"),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("escalation_step_id", sa.Integer(), nullable=True),
        sa.Column("stored_name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("filename", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("media_type", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("uploaded_by_user_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(action_id IS NULL) <> (escalation_step_id IS NULL)", name="ck_attachments_one_owner"
        ),
        sa.ForeignKeyConstraint(["action_id"], ["plan_actions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["escalation_step_id"], ["escalation_steps.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["uploaded_by_user_id"],
            ["users.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("stored_name"),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_action_id"), ["action_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_contract_id"), ["contract_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attachments_escalation_step_id"), ["escalation_step_id"], unique=False
        )

    op.create_table(
        "progress_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("period_number", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("previous_version_id", sa.Integer(), nullable=True),
        sa.Column("narrative", sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("SUBMITTED", "ACCEPTED", "MORE_INFORMATION_NEEDED", name="reportstatus"),
            nullable=False,
        ),
        sa.Column("submitted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("submitted_by_user_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("reviewed_by_user_id", sa.Integer(), nullable=True),
        sa.Column("review_comment", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contracts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["previous_version_id"],
            ["chain_versions.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_user_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_user_id"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["chain_versions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("contract_id", "period_number", name="uq_progress_reports_period"),
    )
    with op.batch_alter_table("progress_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_progress_reports_contract_id"), ["contract_id"], unique=False)

    op.create_table(
        "version_risk_summaries",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("analysed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("prioritised", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["chain_versions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("version_id"),
    )
    op.create_table(
        "version_risks",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("node_id", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("theme", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("salience", sa.Float(), nullable=False),
        sa.Column("severity", sa.Float(), nullable=False),
        sa.Column("likelihood", sa.Float(), nullable=False),
        sa.Column("exposure", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["chain_versions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("version_id", "node_id", "theme"),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("action_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_events_action_id"), ["action_id"], unique=False)
    # The audit kinds grow. PostgreSQL keeps them as a native enum type; SQLite as text as long as the
    # longest name, so that column is widened.
    if op.get_bind().dialect.name == "postgresql":
        for kind in NEW_AUDIT_KINDS:
            op.execute(f"ALTER TYPE auditkind ADD VALUE IF NOT EXISTS '{kind}'")
    else:
        with op.batch_alter_table("audit_events", schema=None) as batch_op:
            batch_op.alter_column(
                "kind",
                existing_type=sa.VARCHAR(length=19),
                type_=sa.Enum(*OLD_AUDIT_KINDS, *NEW_AUDIT_KINDS, name="auditkind"),
                existing_nullable=False,
            )

    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("public_summary_token", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.create_unique_constraint("uq_contracts_public_summary_token", ["public_summary_token"])


def downgrade() -> None:
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.drop_constraint("uq_contracts_public_summary_token", type_="unique")
        batch_op.drop_column("public_summary_token")

    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_action_id"))
        batch_op.drop_column("action_id")
    # PostgreSQL cannot drop values from an enum type; the added audit kinds stay, unused.

    op.drop_table("version_risks")
    op.drop_table("version_risk_summaries")
    with op.batch_alter_table("progress_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_reports_contract_id"))

    op.drop_table("progress_reports")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_escalation_step_id"))
        batch_op.drop_index(batch_op.f("ix_attachments_contract_id"))
        batch_op.drop_index(batch_op.f("ix_attachments_action_id"))

    op.drop_table("attachments")
    op.drop_table("action_risks")
    op.drop_table("action_plans")
    with op.batch_alter_table("action_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_notes_action_id"))

    op.drop_table("action_notes")
    with op.batch_alter_table("plan_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_actions_contract_id"))

    op.drop_table("plan_actions")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notifications_user_id"))
        batch_op.drop_index(batch_op.f("ix_notifications_contract_id"))

    op.drop_table("notifications")
    for name in (
        "notificationkind",
        "actionkind",
        "actionstatus",
        "verification",
        "planstatus",
        "reportstatus",
    ):
        sa.Enum(name=name).drop(op.get_bind(), checkfirst=True)
