"""The prioritised risks of each chain version, as analysed once and kept, so that lists over many
contracts (the contract manager's dashboard) need not analyse every chain on every request.

A version never changes, so its risks are computed the first time they are needed
(web.services.monitoring.prioritised_hotspots) and stored: `VersionRiskSummary` says that this was done
(also when no risk is prioritised), `VersionRisk` holds each prioritised risk with its scores.
"""

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel


class VersionRiskSummary(SQLModel, table=True):
    __tablename__ = "version_risk_summaries"

    version_id: int = Field(foreign_key="chain_versions.id", primary_key=True, ondelete="CASCADE")
    analysed_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    prioritised: int


class VersionRisk(SQLModel, table=True):
    """One prioritised risk (site × theme) of a version, with its rank and the parts of its salience."""

    __tablename__ = "version_risks"

    version_id: int = Field(foreign_key="chain_versions.id", primary_key=True, ondelete="CASCADE")
    node_id: str = Field(primary_key=True, max_length=100)
    theme: str = Field(primary_key=True, max_length=50)
    rank: int
    level: int
    salience: float
    severity: float
    likelihood: float
    exposure: float
