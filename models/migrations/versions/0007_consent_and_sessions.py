"""consent and sessions: membership requests, supplier names not unique, invitations' mailed_at, login
sessions and failures

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_NOTIFICATION_KINDS = (
    "ACTION_DUE_SOON",
    "ACTION_OVERDUE",
    "REPORT_OVERDUE",
    "PLAN_SUBMITTED",
    "REPORT_SUBMITTED",
    "REVISION_REQUESTED",
    "ESCALATION_RECORDED",
)
NEW_NOTIFICATION_KIND = "MEMBERSHIP_REQUESTED"
BUYER_ONLY = sa.text("kind = 'BUYER'")


def upgrade() -> None:
    # Supplier organisations may share a name (a buyer's new supplier is always a new organisation);
    # contracting authorities keep one name each.
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_constraint("uq_organisations_kind_name", type_="unique")
    op.create_index(
        "uq_organisations_buyer_name",
        "organisations",
        ["name"],
        unique=True,
        sqlite_where=BUYER_ONLY,
        postgresql_where=BUYER_ONLY,
    )

    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mailed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))

    op.create_table(
        "membership_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("invitation_id", sa.Integer(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("full_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("hashed_password", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("PENDING", "APPROVED", "REFUSED", name="membershipstatus"),
            nullable=False,
        ),
        sa.Column("requested_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("decided_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("decided_by_user_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["decided_by_user_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["invitation_id"], ["invitations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("invitation_id"),
    )
    with op.batch_alter_table("membership_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_membership_requests_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "login_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("ended_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("user_agent", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("client", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("login_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("client", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_failures_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_login_failures_client"), ["client"], unique=False)
        batch_op.create_index(batch_op.f("ix_login_failures_email"), ["email"], unique=False)

    # The notification kinds grow: a native enum type on PostgreSQL, text as long as the longest name on
    # SQLite.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TYPE notificationkind ADD VALUE IF NOT EXISTS '{NEW_NOTIFICATION_KIND}'")
    else:
        with op.batch_alter_table("notifications", schema=None) as batch_op:
            batch_op.alter_column(
                "kind",
                existing_type=sa.VARCHAR(length=19),
                type_=sa.Enum(*OLD_NOTIFICATION_KINDS, NEW_NOTIFICATION_KIND, name="notificationkind"),
                existing_nullable=False,
            )


def downgrade() -> None:
    # PostgreSQL cannot drop a value from an enum type; a notification of the new kind goes, the value stays.
    # Compared as text: PostgreSQL has no operator between its enum type and a parameter's text.
    op.execute(
        sa.text("DELETE FROM notifications WHERE CAST(kind AS TEXT) = :kind").bindparams(
            kind=NEW_NOTIFICATION_KIND
        )
    )
    if op.get_bind().dialect.name != "postgresql":
        with op.batch_alter_table("notifications", schema=None) as batch_op:
            batch_op.alter_column(
                "kind",
                existing_type=sa.Enum(
                    *OLD_NOTIFICATION_KINDS, NEW_NOTIFICATION_KIND, name="notificationkind"
                ),
                type_=sa.Enum(*OLD_NOTIFICATION_KINDS, name="notificationkind"),
                existing_nullable=False,
            )
    op.drop_table("login_failures")
    op.drop_table("login_sessions")
    op.drop_table("membership_requests")
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.drop_column("mailed_at")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TYPE IF EXISTS membershipstatus")
    op.drop_index("uq_organisations_buyer_name", table_name="organisations")
    # Restoring one name per kind fails while two suppliers share a name: merge them first.
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_organisations_kind_name", ["kind", "name"])
