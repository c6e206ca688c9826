"""version fingerprint: the SHA-256 of a submitted version's rows, stored beside them

The review keeps a version's analysis in memory under its id and this fingerprint, so that a request for
a kept version (a site's details, the graph's data, a table's page) no longer reads and hashes thousands of
rows to find it. Existing versions get the fingerprint computed here as `models.chain.rows_fingerprint`
computes it (the SHA-256 of the rows as compact JSON); a downgrade drops the column.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 19:30:00
"""

import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONS = sa.table(
    "chain_versions",
    sa.column("id", sa.Integer()),
    sa.column("rows", sa.JSON()),
    sa.column("fingerprint", sa.String(64)),
)


def upgrade() -> None:
    with op.batch_alter_table("chain_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fingerprint", sa.String(length=64), nullable=False, server_default=""))
    connection = op.get_bind()
    ids = connection.execute(sa.select(VERSIONS.c.id)).scalars().all()
    for version_id in ids:  # one version's rows at a time: a version may hold 50,000 sites
        rows = connection.execute(sa.select(VERSIONS.c.rows).where(VERSIONS.c.id == version_id)).scalar_one()
        text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        fingerprint = hashlib.sha256(text.encode()).hexdigest()
        connection.execute(
            sa.update(VERSIONS).where(VERSIONS.c.id == version_id).values(fingerprint=fingerprint)
        )


def downgrade() -> None:
    with op.batch_alter_table("chain_versions", schema=None) as batch_op:
        batch_op.drop_column("fingerprint")
