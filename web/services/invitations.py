"""Invitations: a buyer invites a supplier's user to a contract by e-mail address, and the invitee sets a
name and password through the invitation's link.

The link carries a random token (`secrets.token_urlsafe(32)`, 256 bits); only its SHA-256 is stored, so
the table alone lets nobody in. A link works once and until it expires (`Settings.invitation_days`).
The invitee becomes a user with role supplier in the contract's supplier organisation: at once while that
organisation has no members yet and no other buyer's contract names it, and otherwise only when a member
(or the admin) approves the request to join (web.services.membership), since nobody joins an organisation
that has members, or works for other buyers, without its consent.
An address that already belongs to a user of that organisation needs no new account (the link is then
just used up), and one of another organisation is refused on the link's page, since a user belongs to one
organisation. The buyer's form answers the same for every well-formed address, so it tells nobody
whether an address has an account.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Final

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from chainmap.themes import Lang
from models import AuditKind, Contract, Invitation, Organisation, OrganisationKind, Role, User, UserCreate
from web.formatting import datetime_text
from web.messages import web_text
from web.passwords import password_problem
from web.security import hash_password
from web.services.admin import EMAIL_MAX, EMAIL_PATTERN, NAME_MAX
from web.services.audit import record
from web.services.contracts import on_buyer_side
from web.services.errors import FormInvalid
from web.services.membership import joins_at_once, lock_organisation, request_membership
from web.services.users import normalise_email, user_by_email

TOKEN_BYTES: Final = 32
# The form's fields, which the errors name.
EMAIL: Final = "email"
SUPPLIER_NAME: Final = "supplier_name"
FULL_NAME: Final = "full_name"
PASSWORD: Final = "password"  # noqa: S105 - a field name
PASSWORD_REPEAT: Final = "password_repeat"  # noqa: S105 - a field name
# The order of the mail's languages: the invitee may be abroad, so English comes first.
MAIL_LANGS: Final[tuple[Lang, ...]] = ("en", "nl")


class InvitationProblem(StrEnum):
    """Why a link does not work (any more)."""

    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"  # its inviter no longer works on the contract's buyer side


class InvitationUnusable(Exception):
    """The invitation's link does not work; `problem` says why."""

    def __init__(self, problem: InvitationProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


class InvitationStatus(StrEnum):
    """An invitation as the buyer's list shows it."""

    OPEN = "open"
    USED = "used"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"  # open, but its inviter no longer works on the contract's buyer side


@dataclass(frozen=True)
class InvitationRow:
    invitation: Invitation
    status: InvitationStatus


@dataclass(frozen=True)
class InvitationsView:
    """What the contract page shows its buyer side about invitations: whether the form must ask for the
    supplier organisation's name (the contract has none yet), and the invitations, newest first."""

    asks_supplier_name: bool
    rows: list[InvitationRow]


@dataclass(frozen=True)
class AcceptedInvitation:
    """What accepting an invitation did: the user it let in (None while a request to join awaits the
    organisation's approval), the contract it is for, and whether the account existed already (then the
    user logs in with their own password: an invitation does not change it)."""

    user: User | None
    contract_id: int
    existed: bool
    pending: bool = False


@dataclass(frozen=True)
class InvitationPage:
    invitation: Invitation
    contract: Contract
    buyer_name: str
    has_account: bool


def token_hash(token: str) -> str:
    """The stored form of a token: its SHA-256 in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def _utc(moment: datetime) -> datetime:
    """A stored time with its zone: SQLite gives back UTC times without one."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def may_invite(*, user: User, contract: Contract) -> bool:
    """The contract's buyer side (buyers and contract managers of its buyer organisation) invites."""
    return on_buyer_side(user=user, contract=contract)


def invitation_status(invitation: Invitation, *, now: datetime | None = None) -> InvitationStatus:
    if invitation.used_at is not None:
        return InvitationStatus.USED
    if _utc(invitation.expires_at) <= (now or datetime.now(UTC)):
        return InvitationStatus.EXPIRED
    return InvitationStatus.OPEN


def _still_inviting(inviter: User | None, contract: Contract) -> bool:
    """Whether the inviter is still an active buyer or contract manager of the contract's buyer: an
    invitation lasts only that long."""
    return inviter is not None and inviter.is_active and may_invite(user=inviter, contract=contract)


def invitations_view(*, session: Session, contract: Contract, user: User) -> InvitationsView | None:
    """The invitations of the contract for its buyer side; None for anyone else, who sees none."""
    if not may_invite(user=user, contract=contract):
        return None
    query = (
        select(Invitation)
        .where(Invitation.contract_id == contract.id)
        .order_by(col(Invitation.created_at).desc(), col(Invitation.id).desc())
    )
    now = datetime.now(UTC)
    invitations = list(session.exec(query))
    inviters = {
        inviter.id: inviter
        for inviter in session.exec(
            select(User).where(
                col(User.id).in_({invitation.invited_by_user_id for invitation in invitations})
            )
        )
    }

    def status(invitation: Invitation) -> InvitationStatus:
        found = invitation_status(invitation, now=now)
        inviter = inviters.get(invitation.invited_by_user_id)
        if found is InvitationStatus.OPEN and not _still_inviting(inviter, contract):
            return InvitationStatus.WITHDRAWN
        return found

    rows = [InvitationRow(invitation, status(invitation)) for invitation in invitations]
    return InvitationsView(asks_supplier_name=contract.supplier_organisation_id is None, rows=rows)


def create_invitation(
    *,
    session: Session,
    contract: Contract,
    user: User,
    email: str,
    supplier_name: str = "",
    valid_for: timedelta,
    now: datetime | None = None,
) -> tuple[Invitation, str]:
    """A new invitation to `contract` for `email`, valid for `valid_for`; returns it with its token, which
    is not kept anywhere (the link is shown once and mailed). All or nothing.

    A contract without a supplier organisation gets a new one here, named `supplier_name`: never an
    existing one of the same name, which would let a buyer into a supplier it does not work with. Whether
    the address has an account is not checked here (the answer would tell the buyer); the link's page
    deals with it. Raises PermissionError when `user` is not the contract's buyer side, and FormInvalid
    with every problem by field.
    """
    if not may_invite(user=user, contract=contract) or user.id is None:
        raise PermissionError("only the contract's buyer side invites")
    if contract.id is None:
        raise ValueError("invitations are to stored contracts")
    errors: dict[str, str] = {}
    supplier: Organisation | None = None
    if contract.supplier_organisation_id is None:
        name = supplier_name.strip()
        if not name:
            errors[SUPPLIER_NAME] = "invitation.error.supplier_name_required"
        elif len(name) > NAME_MAX:
            errors[SUPPLIER_NAME] = "invitation.error.too_long"
        else:
            supplier = Organisation(name=name, kind=OrganisationKind.SUPPLIER)
    else:
        supplier = session.get(Organisation, contract.supplier_organisation_id)
    email = normalise_email(email)
    if not email:
        errors[EMAIL] = "invitation.error.email_required"
    elif len(email) > EMAIL_MAX or not EMAIL_PATTERN.match(email):
        errors[EMAIL] = "invitation.error.email_invalid"
    if errors or supplier is None:
        raise FormInvalid(errors)

    if supplier.id is None:
        session.add(supplier)
        session.flush()
    contract.supplier_organisation_id = supplier.id
    session.add(contract)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    created_at = now or datetime.now(UTC)
    invitation = Invitation(
        contract_id=contract.id,
        email=email,
        token_hash=token_hash(token),
        invited_by_user_id=user.id,
        created_at=created_at,
        expires_at=created_at + valid_for,
    )
    session.add(invitation)
    record(session=session, contract_id=contract.id, user=user, kind=AuditKind.INVITATION_SENT, email=email)
    session.commit()
    session.refresh(invitation)
    return invitation, token


def mark_mailed(*, session: Session, invitation: Invitation, now: datetime | None = None) -> None:
    """Note that the invitation's link went to its address by e-mail."""
    invitation.mailed_at = now or datetime.now(UTC)
    session.add(invitation)
    session.commit()


def invitation_by_token(
    *, session: Session, token: str, now: datetime | None = None
) -> Invitation | InvitationProblem:
    """The invitation this link's token opens, or why it does not (unknown, used, expired, or withdrawn:
    an invitation lasts only while its inviter is an active buyer or contract manager of the contract's
    buyer organisation, so a buyer who left keeps no working link)."""
    invitation = session.exec(select(Invitation).where(Invitation.token_hash == token_hash(token))).first()
    if invitation is None:
        return InvitationProblem.UNKNOWN
    status = invitation_status(invitation, now=now)
    if status is InvitationStatus.USED:
        return InvitationProblem.USED
    if status is InvitationStatus.EXPIRED:
        return InvitationProblem.EXPIRED
    contract = session.get(Contract, invitation.contract_id)
    if contract is None:
        return InvitationProblem.UNKNOWN
    if not _still_inviting(session.get(User, invitation.invited_by_user_id), contract):
        return InvitationProblem.WITHDRAWN
    return invitation


def invitation_page(*, session: Session, invitation: Invitation) -> InvitationPage:
    """What the link's page tells the invitee: who invites them to which contract, and whether their
    address already has an account in the contract's supplier organisation."""
    contract = session.get(Contract, invitation.contract_id)
    if contract is None:
        raise InvitationUnusable(InvitationProblem.UNKNOWN)
    buyer = session.get(Organisation, contract.buyer_organisation_id)
    found = user_by_email(session=session, email=invitation.email)
    has_account = found is not None and found.organisation_id == contract.supplier_organisation_id
    return InvitationPage(
        invitation=invitation,
        contract=contract,
        buyer_name=buyer.name if buyer else "",
        has_account=has_account,
    )


def _new_account_errors(*, full_name: str, password: str, password_repeat: str) -> dict[str, str]:
    """What is wrong with the name and password of a new account, by field (the name already joined by
    single blanks)."""
    errors: dict[str, str] = {}
    if not full_name:
        errors[FULL_NAME] = "invitation.error.full_name_required"
    elif len(full_name) > NAME_MAX:
        errors[FULL_NAME] = "invitation.error.too_long"
    if (problem := password_problem(password)) is not None:
        errors[PASSWORD] = f"invitation.error.password_{problem}"
    elif password_repeat != password:
        errors[PASSWORD_REPEAT] = "invitation.error.password_mismatch"
    return errors


def _use(*, session: Session, invitation: Invitation, now: datetime) -> None:
    """Mark the invitation used within the current transaction, unless another request did first: the
    conditional update is what makes a link single-use when two requests race."""
    marked = session.connection().execute(
        update(Invitation)
        .where(col(Invitation.id) == invitation.id, col(Invitation.used_at).is_(None))
        .values(used_at=now)
    )
    if marked.rowcount != 1:
        session.rollback()
        raise InvitationUnusable(InvitationProblem.USED)


def accept_invitation(
    *,
    session: Session,
    token: str,
    full_name: str,
    password: str,
    password_repeat: str,
    now: datetime | None = None,
) -> AcceptedInvitation:
    """Use the invitation: a new user with role supplier in the contract's supplier organisation, with
    this name and password (Argon2), and the invitation marked used by them, in one transaction.

    When the address already has an account in that organisation, the invitation is only marked used
    (the password fields are ignored: an invitation does not change a password). Raises
    InvitationUnusable when the link does not work and FormInvalid with every problem by field.
    """
    now = now or datetime.now(UTC)
    found = invitation_by_token(session=session, token=token, now=now)
    if isinstance(found, InvitationProblem):
        raise InvitationUnusable(found)
    invitation = found
    contract = session.get(Contract, invitation.contract_id)
    if contract is None or contract.supplier_organisation_id is None:
        raise InvitationUnusable(InvitationProblem.UNKNOWN)

    full_name = " ".join(full_name.split())
    errors = _new_account_errors(full_name=full_name, password=password, password_repeat=password_repeat)
    existing = user_by_email(session=session, email=invitation.email)
    if existing is not None:
        if (
            existing.organisation_id != contract.supplier_organisation_id
            or existing.id is None
            or existing.role is not Role.SUPPLIER
        ):
            # Told only to a form that would have made an account: an empty or half-filled form answers
            # as it does for an address without one, so that the link is no oracle for who has one.
            raise FormInvalid(errors or {"form": "invitation.error.email_other_organisation"})
        _use(session=session, invitation=invitation, now=now)
        invitation.user_id = existing.id
        session.add(invitation)
        assert contract.id is not None  # noqa: S101 - a stored contract
        record(
            session=session,
            contract_id=contract.id,
            user=existing,
            kind=AuditKind.INVITATION_ACCEPTED,
            email=invitation.email,
        )
        session.commit()
        return AcceptedInvitation(user=existing, contract_id=contract.id, existed=True)

    if errors:
        raise FormInvalid(errors)

    assert contract.id is not None  # noqa: S101 - a stored contract
    hashed_password = hash_password(password)  # before taking the lock: Argon2 takes its time
    lock_organisation(session=session, organisation_id=contract.supplier_organisation_id)
    if not joins_at_once(
        session=session,
        organisation_id=contract.supplier_organisation_id,
        buyer_organisation_id=contract.buyer_organisation_id,
    ):
        # The organisation has members, or works for other buyers: they (or the admin) decide whether
        # this address joins it.
        _use(session=session, invitation=invitation, now=now)
        request_membership(
            session=session,
            invitation=invitation,
            contract=contract,
            full_name=full_name,
            hashed_password=hashed_password,
            now=now,
        )
        session.commit()
        return AcceptedInvitation(user=None, contract_id=contract.id, existed=False, pending=True)

    # Built here rather than with web.services.users.create_user, which commits on its own: the user and
    # the used invitation are saved together or not at all.
    user_create = UserCreate(
        email=invitation.email,
        full_name=full_name,
        role=Role.SUPPLIER,
        password=password,
        organisation_id=contract.supplier_organisation_id,
    )
    user = User.model_validate(
        user_create,
        update={"email": normalise_email(invitation.email), "hashed_password": hashed_password},
    )
    _use(session=session, invitation=invitation, now=now)
    session.add(user)
    try:
        session.flush()
        invitation.user_id = user.id
        session.add(invitation)
        assert contract.id is not None  # noqa: S101 - a stored contract
        record(
            session=session,
            contract_id=contract.id,
            user=user,
            kind=AuditKind.INVITATION_ACCEPTED,
            email=invitation.email,
        )
        session.commit()
    except IntegrityError:  # the address was taken by another request meanwhile
        session.rollback()
        raise FormInvalid({"form": "invitation.error.email_other_organisation"}) from None
    session.refresh(user)
    assert contract.id is not None  # noqa: S101 - a stored contract
    return AcceptedInvitation(user=user, contract_id=contract.id, existed=False)


def invitation_link(*, base_url: str, token: str) -> str:
    """The absolute link of an invitation, on the address users reach the app at (`Settings.base_url`)."""
    return f"{base_url.rstrip('/')}/invitations/{token}"


def invitation_mail(
    *, invitation: Invitation, contract: Contract, buyer_name: str, link: str
) -> tuple[str, str]:
    """The subject and plain-text body of an invitation's e-mail, in English and then Dutch: the invitee
    may well not read Dutch, and the buyer's page language says nothing about theirs."""
    params = {
        "buyer": buyer_name,
        "title": contract.title,
        "reference": contract.reference,
        "link": link,
    }
    subject = " / ".join(web_text("invitation.mail.subject", lang, **params) for lang in MAIL_LANGS)
    body = "\n\n---\n\n".join(
        web_text(
            "invitation.mail.body", lang, **params, expires=datetime_text(_utc(invitation.expires_at), lang)
        )
        for lang in MAIL_LANGS
    )
    return subject, body + "\n"
