"""chain region: the optional sub-national region of a draft site (chain format column `region`)

Revision ID: 0008
Revises: 0007
Create Date: 2027-01-11 07:00:00

Submitted versions need no change: `chain_versions.rows` holds each site's cells as a JSON list, which
gets the region as an eighth cell from now on; versions stored with seven cells read with an empty region.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("chain_draft_rows", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("region", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("chain_draft_rows", schema=None) as batch_op:
        batch_op.drop_column("region")
