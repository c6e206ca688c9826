"""prioritised risks by severity: forget the version risks kept under the old rule

The risk model now prioritises every high or very high risk backed by a source (docs/risk-model.md §10)
instead of the first 25 above a salience of 0.1, and ranks by severity first. `version_risks` and
`version_risk_summaries` are a cache of each version's prioritised risks, filled on first use
(`web.services.monitoring.prioritised_hotspots`); rows kept under the old rule would show the dashboard
the old list. Emptying them lets the next request store the list under the new rule. Nothing else is lost:
actions stay tied to their (site, theme) risks. The downgrade empties them as well, for the same reason.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 13:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _forget_version_risks() -> None:
    op.execute("DELETE FROM version_risks")
    op.execute("DELETE FROM version_risk_summaries")


def upgrade() -> None:
    _forget_version_risks()


def downgrade() -> None:
    _forget_version_risks()
