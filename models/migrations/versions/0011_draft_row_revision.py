"""draft row revision: every draft site carries a revision that changes with each change of it

The chain form updates a site only where it still has the revision it was shown with, so that two people
editing one draft do not overwrite each other unseen, and it keeps a validated draft in memory for as long
as the draft's ids and revisions are unchanged. Sites stored before start at revision 0; their next change
gives them a random one.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("chain_draft_rows", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("chain_draft_rows", schema=None) as batch_op:
        batch_op.drop_column("revision")
