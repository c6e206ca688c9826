"""The supplier's chain on a contract: the draft it edits, the versions it submits, and the buyer's review
of each version.

The draft is a list of rows as the supplier typed them (every cell text, as in a chain file), so a draft
may be invalid while it is being written; `chainmap.validation.build_chain` turns it into a graph and
findings whenever it is shown. Submitting copies the draft, valid, into a `ChainVersion`, which the
application never changes afterwards; the buyer's decision on it is a `ChainReview` of its own.
"""

import hashlib
import json
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import JSON, Column, Integer, String, UniqueConstraint, event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapper
from sqlmodel import Field, SQLModel

# Revisions are random in 1..REVISION_SPAN: the sum over a draft of 10,000 sites stays far inside 64 bits.
REVISION_SPAN: Final = 2**31 - 1


def new_revision(current: int | None = None) -> int:
    """A random revision for a draft row that differs from its `current` one.

    Random rather than counted, so that a draft replaced by an upload (whose new rows may get the ids of
    the old ones on SQLite) never repeats the revisions of the rows it replaced."""
    while True:
        revision = secrets.randbelow(REVISION_SPAN) + 1
        if revision != current:
            return revision


_REVISION: Final = Column(
    "revision", Integer, nullable=False, server_default="0", onupdate=lambda: new_revision()
)


class ChainDraftRow(SQLModel, table=True):
    """One site of a contract's draft chain, as typed: cells are text, `position` keeps the order.

    Row numbers shown to the supplier are `position + 2`, the row the site has in the draft's CSV or XLSX
    download (the header is row 1), so a message about "row 5" points at the same site everywhere.

    `revision` changes with every change of the row (migration 0011): the ORM updates a row only where it
    still has the revision it was loaded with (a lost update raises StaleDataError), the chain form sends
    the revision of the site it shows, and the draft's count, ids and revisions together tell whether a
    validated draft kept in memory is still the stored one (`web.services.chain_form`).
    """

    __tablename__ = "chain_draft_rows"
    __table_args__ = (UniqueConstraint("contract_id", "position", name="uq_chain_draft_rows_position"),)
    __mapper_args__ = {"version_id_col": _REVISION, "version_id_generator": new_revision}

    id: int | None = Field(default=None, primary_key=True)
    contract_id: int = Field(foreign_key="contracts.id", index=True, ondelete="CASCADE")
    position: int
    site_id: str = ""
    name: str = ""
    country: str = ""
    activity: str = ""
    goods: str = ""
    supplies_to: str = ""
    share: str = ""
    region: str = ""
    revision: int = Field(default=0, sa_column=_REVISION)


def rows_fingerprint(rows: Sequence[Sequence[str]]) -> str:
    """The SHA-256 (hex) of a version's rows as compact JSON: equal for equal rows, and in practice
    different for any other rows. Migration 0012 computed it the same way for the versions before it."""
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _inserted_fingerprint(context: DefaultExecutionContext) -> str:
    """The column default for an insert that gives no fingerprint (a bulk insert of the table)."""
    parameters: dict[str, Any] = context.get_current_parameters()  # type: ignore[no-untyped-call]  # untyped
    rows: Sequence[Sequence[str]] = parameters["rows"]
    return rows_fingerprint(rows)


class ChainVersion(SQLModel, table=True):
    """A submitted chain: the draft's rows at the moment of submission, never changed afterwards.

    `rows` holds one list of cells per site in the order of `chainmap.chain.COLUMNS`: eight since the
    region column (migration 0008), seven in versions stored before, which read with an empty region;
    `number` counts the contract's versions from 1. `fingerprint` is `rows_fingerprint(rows)`, kept with
    the rows whenever they are written (see `_keep_fingerprint`), so that the analysis of a version kept
    in memory can be found by id and fingerprint without reading its rows (`web.services.review`).
    """

    __tablename__ = "chain_versions"
    __table_args__ = (UniqueConstraint("contract_id", "number", name="uq_chain_versions_number"),)

    id: int | None = Field(default=None, primary_key=True)
    contract_id: int = Field(foreign_key="contracts.id", index=True, ondelete="CASCADE")
    number: int
    rows: list[list[str]] = Field(sa_column=Column(JSON, nullable=False))
    site_count: int
    submitted_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    submitted_by_user_id: int = Field(foreign_key="users.id")
    fingerprint: str = Field(
        default="",
        sa_column=Column("fingerprint", String(64), nullable=False, default=_inserted_fingerprint),
    )


@event.listens_for(ChainVersion, "before_insert")
@event.listens_for(ChainVersion, "before_update")
def _keep_fingerprint(mapper: Mapper[Any], connection: Connection, version: ChainVersion) -> None:
    """The fingerprint follows the rows on every write through the ORM. The application never changes a
    version's rows, but a script or a test that does must not leave a kept analysis of the old rows in
    use; rows not loaded (deferred) were not changed, and are not read here. An UPDATE in SQL or
    SQLAlchemy Core passes no ORM event: it must set the fingerprint itself (`rows_fingerprint`)."""
    if "rows" not in inspect(version).unloaded:
        version.fingerprint = rows_fingerprint(version.rows)


class ReviewDecision(StrEnum):
    """What the buyer decides on a submitted version."""

    ACCEPTED = "accepted"
    REVISION_REQUESTED = "revision_requested"


class ChainReview(SQLModel, table=True):
    """The buyer's decision on one chain version, with the comment the supplier sees."""

    __tablename__ = "chain_reviews"

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="chain_versions.id", unique=True, ondelete="CASCADE")
    decision: ReviewDecision
    comment: str = Field(default="", max_length=5000)
    decided_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    decided_by_user_id: int = Field(foreign_key="users.id")
