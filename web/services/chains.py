"""The supplier's chain on a contract: its draft, submitting the draft as a version, and the buyer's
review of a version; the contract's status follows from them.

Who may do what (the contract itself is found through `web.services.contracts.contract_for`, so only
parties to it get this far): the users of the supplier organisation with role supplier edit the draft and
submit it; the buyer organisation's buyers and contract managers review the latest version. Rows are
stored as typed and validated with the command line's `chainmap.validation.build_chain` whenever they
are shown, so the site and the command line give the same messages.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final, cast

from sqlalchemy import delete, func, insert
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import QueryableAttribute, defer
from sqlmodel import Session, col, select

from chainmap.chain import ChainRow
from chainmap.findings import Finding
from chainmap.reference import ReferenceData
from chainmap.validation import BuiltChain, build_chain
from models import (
    AuditKind,
    ChainDraftRow,
    ChainReview,
    ChainVersion,
    Contract,
    ContractStatus,
    ReviewDecision,
    Role,
    User,
)
from models.chain import new_revision
from web.services.audit import record
from web.services.contracts import on_buyer_side
from web.settings import DEFAULT_MAX_SITES

# The first site of a draft is row 2 of its CSV or XLSX download, after the header.
FIRST_ROW: Final = 2
# A chain on the web has at most this many sites unless CHAINMAP_MAX_SITES says otherwise (the setting
# `max_sites`, which the routes pass on); larger chains go through the command line.
MAX_WEB_SITES: Final = DEFAULT_MAX_SITES
MAX_COMMENT: Final = 5000


class ChainRefused(ValueError):
    """The chain cannot be submitted: it is empty or has errors (`findings`)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} blocking findings")
        self.findings = findings


class ReviewRefused(ValueError):
    """The review is refused; `key` names the web text that says why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def may_edit_chain(*, user: User, contract: Contract) -> bool:
    """A supplier's user edits and submits the chain of its organisation's contracts."""
    return (
        user.role is Role.SUPPLIER
        and user.organisation_id is not None
        and user.organisation_id == contract.supplier_organisation_id
    )


def may_review_chain(*, user: User, contract: Contract) -> bool:
    """The buyer organisation's buyers and contract managers review the versions of its contracts."""
    return on_buyer_side(user=user, contract=contract)


def draft_rows(*, session: Session, contract_id: int) -> list[ChainDraftRow]:
    """The draft's sites in order."""
    query = (
        select(ChainDraftRow)
        .where(ChainDraftRow.contract_id == contract_id)
        .order_by(col(ChainDraftRow.position))
    )
    return list(session.exec(query))


def draft_chain_rows(*, session: Session, contract_id: int) -> list[ChainRow]:
    """The draft's sites as chain file rows, as `as_chain_rows(draft_rows(...))` gives them, read as plain
    values without ORM objects: a tenth of the time for the 50,000 sites a draft may have."""
    query = (
        sa_select(
            col(ChainDraftRow.site_id),
            col(ChainDraftRow.name),
            col(ChainDraftRow.country),
            col(ChainDraftRow.activity),
            col(ChainDraftRow.goods),
            col(ChainDraftRow.supplies_to),
            col(ChainDraftRow.share),
            col(ChainDraftRow.region),
        )
        .where(col(ChainDraftRow.contract_id) == contract_id)
        .order_by(col(ChainDraftRow.position))
    )
    return [ChainRow(number, *cells) for number, cells in enumerate(session.execute(query), start=FIRST_ROW)]


def chain_row(row: ChainDraftRow, number: int) -> ChainRow:
    """A draft site as the chain file row `number`."""
    return ChainRow(
        number,
        row.site_id,
        row.name,
        row.country,
        row.activity,
        row.goods,
        row.supplies_to,
        row.share,
        row.region,
    )


def store_cells(row: ChainDraftRow, cells: Sequence[str]) -> ChainDraftRow:
    """The draft site with its eight cells set, given in the order of `chainmap.chain.COLUMNS`."""
    (row.site_id, row.name, row.country, row.activity, row.goods, row.supplies_to, row.share, row.region) = (
        cells
    )
    return row


def as_chain_rows(rows: Sequence[ChainDraftRow]) -> list[ChainRow]:
    """The draft's sites as chain file rows, numbered as in the draft's download (first site: row 2)."""
    return [chain_row(row, number) for number, row in enumerate(rows, start=FIRST_ROW)]


def row_cells(row: ChainRow) -> list[str]:
    """The cells of a chain row in the order of `chainmap.chain.COLUMNS`."""
    return [row.id, row.name, row.country, row.activity, row.goods, row.supplies_to, row.share, row.region]


def built_draft(*, session: Session, contract_id: int, reference: ReferenceData) -> BuiltChain:
    """The draft as a graph with every finding, as `chainmap validate` would report it."""
    return build_chain(
        as_chain_rows(draft_rows(session=session, contract_id=contract_id)), reference=reference
    )


def replace_draft(*, session: Session, contract: Contract, rows: Sequence[ChainRow]) -> None:
    """The draft becomes `rows` in their order, in one transaction (an upload replaces the whole draft).

    The rows go in as one executemany of the table's insert, without ORM objects: for the 50,000 sites an
    upload may hold (CHAINMAP_MAX_SITES) that takes a second or two instead of half a minute."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    session.execute(delete(ChainDraftRow).where(col(ChainDraftRow.contract_id) == contract.id))
    if rows:
        session.execute(
            insert(ChainDraftRow.__table__),  # type: ignore[attr-defined]  # SQLModel does not type __table__
            [
                {
                    "contract_id": contract.id,
                    "position": position,
                    "site_id": row.id,
                    "name": row.name,
                    "country": row.country,
                    "activity": row.activity,
                    "goods": row.goods,
                    "supplies_to": row.supplies_to,
                    "share": row.share,
                    "region": row.region,
                    # as the ORM's version counter would: the chain form knows its kept draft is stale
                    "revision": new_revision(),
                }
                for position, row in enumerate(rows)
            ],
        )
    session.flush()
    refresh_status(session=session, contract=contract)
    session.commit()


def versions(*, session: Session, contract_id: int) -> list[ChainVersion]:
    """The contract's submitted versions, newest first."""
    query = (
        select(ChainVersion)
        .where(ChainVersion.contract_id == contract_id)
        .order_by(col(ChainVersion.number).desc())
    )
    return list(session.exec(query))


def version_numbered(
    *, session: Session, contract_id: int, number: int, with_rows: bool = True
) -> ChainVersion | None:
    """The contract's version with this number, or None. Without `with_rows` its rows (up to 50,000
    sites of JSON) are read only when first used, which the review does only for a version whose
    analysis it does not keep yet (`web.services.review.version_key`)."""
    query = select(ChainVersion).where(ChainVersion.contract_id == contract_id, ChainVersion.number == number)
    if not with_rows:
        rows = cast("QueryableAttribute[list[list[str]]]", ChainVersion.rows)  # SQLModel types it as a list
        query = query.options(defer(rows))
    return session.exec(query).first()


def version_rows(version: ChainVersion) -> list[ChainRow]:
    """The version's sites as chain file rows (first site: row 2, as in its download); a version stored
    before the region column has seven cells a site, and its sites read with an empty region."""
    return [ChainRow(number, *cells) for number, cells in enumerate(version.rows, start=FIRST_ROW)]


def built_version(version: ChainVersion, *, reference: ReferenceData) -> BuiltChain:
    """The version's chain graph; valid, since only a valid draft is submitted."""
    return build_chain(version_rows(version), reference=reference)


def _next_number(session: Session, contract_id: int) -> int:
    """The number the contract's next version gets (1 for the first)."""
    latest = session.exec(
        select(func.max(ChainVersion.number)).where(ChainVersion.contract_id == contract_id)
    ).one()
    return (latest or 0) + 1


def submit_draft(
    *, session: Session, contract: Contract, user: User, reference: ReferenceData
) -> ChainVersion:
    """The draft becomes the contract's next version, submitted now by `user`; the draft stays as the
    start of the next one. Raises PermissionError for a user who may not, ChainRefused for an empty draft
    or one with errors.

    When another submit of the same contract took the number first (a double click, a second tab), that
    version is returned instead of a second copy of the draft: the draft was submitted once."""
    if not may_edit_chain(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's supplier submits its chain")
    rows = as_chain_rows(draft_rows(session=session, contract_id=contract.id))
    built = build_chain(rows, reference=reference)
    if not built.ok:
        raise ChainRefused([finding for finding in built.findings if finding.blocking])
    number = _next_number(session, contract.id)
    version = ChainVersion(
        contract_id=contract.id,
        number=number,
        rows=[row_cells(row) for row in rows],
        site_count=len(rows),
        submitted_at=datetime.now(UTC),
        submitted_by_user_id=user.id,
    )
    session.add(version)
    try:
        session.flush()
    except IntegrityError:  # another submit took this number meanwhile
        session.rollback()
        submitted = version_numbered(session=session, contract_id=contract.id, number=number)
        if submitted is None:
            raise
        return submitted
    record(
        session=session,
        contract_id=contract.id,
        user=user,
        kind=AuditKind.CHAIN_SUBMITTED,
        number=number,
        sites=len(rows),
    )
    refresh_status(session=session, contract=contract)
    session.commit()
    session.refresh(version)
    return version


def review_of(*, session: Session, version_id: int) -> ChainReview | None:
    """The buyer's decision on this version, if any."""
    return session.exec(select(ChainReview).where(ChainReview.version_id == version_id)).first()


def review_version(
    *,
    session: Session,
    contract: Contract,
    version: ChainVersion,
    user: User,
    decision: ReviewDecision,
    comment: str,
) -> ChainReview:
    """The buyer's decision on the contract's latest version, once. A revision request needs a comment
    saying what to revise. Raises PermissionError for a user who may not review, ReviewRefused otherwise."""
    if not may_review_chain(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's buyer reviews its chain")
    if version.contract_id != contract.id or version.id is None:
        raise PermissionError("the version belongs to another contract")
    comment = comment.strip()
    newest = versions(session=session, contract_id=contract.id)[0]
    if newest.id != version.id:
        raise ReviewRefused("review.error.not_latest")
    if review_of(session=session, version_id=version.id) is not None:
        raise ReviewRefused("review.error.already_decided")
    if decision is ReviewDecision.REVISION_REQUESTED and not comment:
        raise ReviewRefused("review.error.comment_required")
    if len(comment) > MAX_COMMENT:
        raise ReviewRefused("review.error.comment_too_long")
    review = ChainReview(
        version_id=version.id,
        decision=decision,
        comment=comment,
        decided_at=datetime.now(UTC),
        decided_by_user_id=user.id,
    )
    session.add(review)
    try:
        session.flush()
    except IntegrityError:  # another buyer decided at the same moment
        session.rollback()
        raise ReviewRefused("review.error.already_decided") from None
    record(
        session=session,
        contract_id=contract.id,
        user=user,
        kind=AuditKind.CHAIN_REVIEWED,
        number=version.number,
        decision=decision.value,
        comment=comment,
    )
    refresh_status(session=session, contract=contract)
    session.commit()
    session.refresh(review)
    return review


def user_names(*, session: Session, ids: set[int]) -> dict[int, str]:
    """The names (or else e-mail addresses) of the users with these ids, as the contract page shows them."""
    if not ids:
        return {}
    return {
        user.id: user.full_name or user.email
        for user in session.exec(select(User).where(col(User.id).in_(ids)))
        if user.id is not None
    }


@dataclass(frozen=True)
class VersionSummary:
    """A submitted version as the contract page lists it: who submitted it and the buyer's decision."""

    version: ChainVersion
    submitted_by: str
    review: ChainReview | None
    reviewed_by: str


@dataclass(frozen=True)
class ChainOverview:
    """The chain section of a contract page: the versions newest first, the draft's size, and what this
    user may do (fill in the chain, review the latest version)."""

    versions: list[VersionSummary]
    draft_sites: int
    may_edit: bool
    may_review: bool

    @property
    def latest(self) -> VersionSummary | None:
        return self.versions[0] if self.versions else None


def chain_overview(*, session: Session, contract: Contract, user: User) -> ChainOverview:
    """What the contract page shows of the chain to `user`, a party to the contract (the draft's size
    only to the supplier, whose work in progress it is)."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    submitted = versions(session=session, contract_id=contract.id)
    ids = [version.id for version in submitted if version.id is not None]
    reviews = {
        review.version_id: review
        for review in session.exec(select(ChainReview).where(col(ChainReview.version_id).in_(ids)))
    }
    people = {version.submitted_by_user_id for version in submitted} | {
        review.decided_by_user_id for review in reviews.values()
    }
    names = user_names(session=session, ids=people)
    may_edit = may_edit_chain(user=user, contract=contract)
    draft_sites = (
        session.exec(select(func.count()).where(ChainDraftRow.contract_id == contract.id)).one()
        if may_edit
        else 0
    )
    summaries = []
    for version in submitted:
        review = reviews.get(version.id) if version.id is not None else None
        summaries.append(
            VersionSummary(
                version=version,
                submitted_by=names.get(version.submitted_by_user_id, ""),
                review=review,
                reviewed_by=names.get(review.decided_by_user_id, "") if review else "",
            )
        )
    return ChainOverview(
        versions=summaries,
        draft_sites=draft_sites,
        may_edit=may_edit,
        may_review=may_review_chain(user=user, contract=contract),
    )


def chain_status(*, session: Session, contract_id: int) -> ContractStatus:
    """Where the contract's chain stands, from its latest version and its review, or its draft."""
    newest = session.exec(
        select(ChainVersion)
        .where(ChainVersion.contract_id == contract_id)
        .order_by(col(ChainVersion.number).desc())
    ).first()
    if newest is not None and newest.id is not None:
        review = review_of(session=session, version_id=newest.id)
        if review is None:
            return ContractStatus.SUBMITTED
        if review.decision is ReviewDecision.ACCEPTED:
            return ContractStatus.ACCEPTED
        return ContractStatus.REVISION_REQUESTED
    has_draft = session.exec(select(ChainDraftRow.id).where(ChainDraftRow.contract_id == contract_id)).first()
    return ContractStatus.DRAFT if has_draft is not None else ContractStatus.NO_CHAIN


def refresh_status(*, session: Session, contract: Contract) -> None:
    """Store the contract's chain status (kept on the contract so that the contract list is one query)."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    contract.status = chain_status(session=session, contract_id=contract.id)
    session.add(contract)
