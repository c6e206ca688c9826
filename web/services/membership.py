"""Joining an organisation with its consent: requests to join, and their approval or refusal.

An invitee whose address has no account joins the contract's supplier organisation at once only while
that organisation has no members yet and no other buyer's contract names it (the buyer made it for its
own contracts, so there is nobody to ask). Otherwise accepting an invitation makes a request that a
member of the organisation, or the admin, approves before the account exists: a buyer can invite any
address to its own contract, but it cannot make anyone a member of an organisation that also works for
other buyers.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from models import (
    AuditKind,
    Contract,
    Invitation,
    MembershipRequest,
    MembershipStatus,
    Notification,
    NotificationKind,
    Organisation,
    Role,
    User,
)
from web.services.audit import record
from web.services.users import user_by_email

NOTIFICATION_KEY: Final = "membership:{id}"


class MembershipDecisionRefused(Exception):
    """The request cannot be decided (any more); `reason` is a message key."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PendingRequest:
    """A request as the members' page shows it: who asks, through which contract's invitation, who sent
    that invitation (of which buyer organisation), and whether its link went to the address by e-mail:
    a link that was only shown to the buyer proves nothing about who reads that address's mail."""

    request: MembershipRequest
    contract_reference: str
    contract_title: str
    inviter_name: str
    inviter_email: str
    buyer_name: str
    mailed: bool


def has_members(*, session: Session, organisation_id: int) -> bool:
    """Whether the organisation has any user, active or not: a deactivated member still speaks for it
    (the admin can remove them), so it is not an empty organisation that the next invitee may enter."""
    count = session.exec(
        select(func.count()).select_from(User).where(User.organisation_id == organisation_id)
    ).one()
    return count > 0


def joins_at_once(*, session: Session, organisation_id: int, buyer_organisation_id: int) -> bool:
    """Whether an invitee of `buyer_organisation_id` joins the organisation without a request: only while
    it has no members and no other buyer's contract names it. A supplier that has lost its last member
    (the admin removed them) may still work for other buyers; the first invitee of one of them must not
    thereby read the supplier's contracts with all the others."""
    if has_members(session=session, organisation_id=organisation_id):
        return False
    others = session.exec(
        select(func.count())
        .select_from(Contract)
        .where(
            Contract.supplier_organisation_id == organisation_id,
            Contract.buyer_organisation_id != buyer_organisation_id,
        )
    ).one()
    return others == 0


def lock_organisation(*, session: Session, organisation_id: int) -> None:
    """Hold the organisation for writing until the caller's transaction ends (its row on PostgreSQL, the
    database on SQLite), so that two invitees accepting at once are told one after the other whether it
    has members: otherwise both find it empty and both join without anyone's consent."""
    session.connection().execute(
        update(Organisation)
        .where(col(Organisation.id) == organisation_id)
        .values(name=col(Organisation.name))
    )


def may_decide(*, user: User, organisation_id: int) -> bool:
    """Active members of the organisation, and the admin, decide on requests to join it."""
    if not user.is_active:
        return False
    return user.role is Role.ADMIN or (
        user.organisation_id is not None and user.organisation_id == organisation_id
    )


def request_membership(
    *,
    session: Session,
    invitation: Invitation,
    contract: Contract,
    full_name: str,
    hashed_password: str,
    now: datetime,
) -> MembershipRequest:
    """A pending request to join the contract's supplier organisation, and a notification to each of its
    active members; added to the caller's transaction (the caller marks the invitation used and commits)."""
    if contract.supplier_organisation_id is None or invitation.id is None or contract.id is None:
        raise ValueError("a request is made for a stored invitation to a contract with a supplier")
    membership = MembershipRequest(
        organisation_id=contract.supplier_organisation_id,
        invitation_id=invitation.id,
        email=invitation.email,
        full_name=full_name,
        hashed_password=hashed_password,
        requested_at=now,
    )
    session.add(membership)
    session.flush()
    members = session.exec(
        select(User).where(User.organisation_id == contract.supplier_organisation_id, col(User.is_active))
    )
    for member in members:
        assert member.id is not None  # noqa: S101 - a stored user
        session.add(
            Notification(
                user_id=member.id,
                contract_id=contract.id,
                kind=NotificationKind.MEMBERSHIP_REQUESTED,
                key=NOTIFICATION_KEY.format(id=membership.id),
                details={"who": full_name, "email": invitation.email, "reference": contract.reference},
                created_at=now,
            )
        )
    return membership


def pending_requests(*, session: Session, organisation_id: int) -> list[PendingRequest]:
    """The organisation's requests awaiting a decision, oldest first."""
    query = (
        select(MembershipRequest, Invitation, Contract, User)
        .join(Invitation, col(Invitation.id) == col(MembershipRequest.invitation_id))
        .join(Contract, col(Contract.id) == col(Invitation.contract_id))
        .join(User, col(User.id) == col(Invitation.invited_by_user_id))
        .where(
            MembershipRequest.organisation_id == organisation_id,
            MembershipRequest.status == MembershipStatus.PENDING,
        )
        .order_by(col(MembershipRequest.requested_at), col(MembershipRequest.id))
    )
    rows = list(session.exec(query))
    buyers = {
        organisation.id: organisation.name
        for organisation in session.exec(
            select(Organisation).where(
                col(Organisation.id).in_({row[2].buyer_organisation_id for row in rows})
            )
        )
    }
    return [
        PendingRequest(
            request=request,
            contract_reference=contract.reference,
            contract_title=contract.title,
            inviter_name=inviter.full_name,
            inviter_email=inviter.email,
            buyer_name=buyers.get(contract.buyer_organisation_id, ""),
            mailed=invitation.mailed_at is not None,
        )
        for request, invitation, contract, inviter in rows
    ]


def decide_membership(
    *, session: Session, user: User, request_id: int, approve: bool, now: datetime | None = None
) -> MembershipRequest:
    """Approve (the account is made, a supplier of the organisation, with the name and password the
    invitee chose) or refuse a pending request, once: a conditional update, so two members deciding at
    the same moment make one decision. Raises LookupError when `user` may not see the request (it is not
    their organisation's) and MembershipDecisionRefused when it was decided already or the address got
    an account meanwhile."""
    now = now or datetime.now(UTC)
    membership = session.get(MembershipRequest, request_id)
    if membership is None or not may_decide(user=user, organisation_id=membership.organisation_id):
        raise LookupError(request_id)
    if membership.status is not MembershipStatus.PENDING:
        raise MembershipDecisionRefused("membership.error.decided")
    status = MembershipStatus.APPROVED if approve else MembershipStatus.REFUSED
    # The chosen password's hash goes to the account, if any, and is not kept with the decided request.
    hashed_password = membership.hashed_password
    claimed = session.connection().execute(
        update(MembershipRequest)
        .where(
            col(MembershipRequest.id) == request_id,
            col(MembershipRequest.status) == MembershipStatus.PENDING,
        )
        .values(status=status, decided_at=now, decided_by_user_id=user.id, hashed_password="")
    )
    if claimed.rowcount != 1:
        session.rollback()
        raise MembershipDecisionRefused("membership.error.decided")
    session.refresh(membership)
    if not approve:
        session.commit()
        return membership
    if user_by_email(session=session, email=membership.email) is not None:
        session.rollback()
        raise MembershipDecisionRefused("membership.error.email_taken")
    invitation = session.get(Invitation, membership.invitation_id)
    organisation = session.get(Organisation, membership.organisation_id)
    if invitation is None or organisation is None:
        session.rollback()
        raise LookupError(request_id)
    member = User(
        email=membership.email,
        full_name=membership.full_name,
        role=Role.SUPPLIER,
        organisation_id=membership.organisation_id,
        hashed_password=hashed_password,
    )
    session.add(member)
    try:
        session.flush()
    except IntegrityError:  # the address was taken by another request meanwhile
        session.rollback()
        raise MembershipDecisionRefused("membership.error.email_taken") from None
    membership.user_id = member.id
    invitation.user_id = member.id
    session.add_all([membership, invitation])
    record(
        session=session,
        contract_id=invitation.contract_id,
        user=member,
        kind=AuditKind.INVITATION_ACCEPTED,
        email=membership.email,
        approved_by=user.full_name or user.email,
    )
    session.commit()
    session.refresh(membership)
    return membership
