"""What the admin does: buyer organisations and their users (suppliers come in through invitations). A new
user gets a generated password that the admin sees once and passes on; the user changes it at /account.
Only its Argon2 hash is kept. The admin can give a user a new generated password the same way, which ends
the user's open sessions, deactivate any user, remove a user from their organisation, and merge two
supplier organisations that are the same company (buyers make a new one whenever they type a name)."""

import re
import secrets
from typing import Final

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from models import Contract, MembershipRequest, Organisation, OrganisationKind, Role, User, UserCreate
from web.passwords import password_problem
from web.security import hash_password
from web.services.errors import FormInvalid
from web.services.login_sessions import end_user_sessions
from web.services.users import create_user, normalise_email, user_by_email

# The roles the admin gives to the users of a buyer organisation.
BUYER_ROLES: Final = (Role.BUYER, Role.CONTRACT_MANAGER)
NAME_MAX: Final = 200
EMAIL_MAX: Final = 254
# A plausible address: something, one @, a domain with a dot; no blanks. Delivery is the real check.
EMAIL_PATTERN: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Generated passwords: 16 characters in groups of four, without look-alikes (0/o, 1/l/i), ~79 bits.
PASSWORD_ALPHABET: Final = "abcdefghjkmnpqrstuvwxyz23456789"  # noqa: S105 (an alphabet, not a password)
PASSWORD_GROUPS: Final = 4


def _end_sessions(session: Session, user: User) -> None:
    if user.id is not None:
        end_user_sessions(session=session, user_id=user.id)


def generate_password() -> str:
    """A random password that is easy to read out and type, e.g. `k7dm-x2qa-9fhe-w3tp`, and meets the
    rules for one a person chooses: no common password has this form (a test checks the list), but
    should one ever, another is drawn."""
    while True:
        password = "-".join(
            "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(PASSWORD_GROUPS)
        )
        if password_problem(password) is None:
            return password


def organisations(*, session: Session, kind: OrganisationKind) -> list[Organisation]:
    """The organisations of one kind, by name."""
    return list(
        session.exec(select(Organisation).where(Organisation.kind == kind).order_by(Organisation.name))
    )


def user_counts(*, session: Session) -> dict[int, int]:
    """The number of users per organisation id."""
    rows = session.exec(
        select(User.organisation_id, func.count())
        .where(col(User.organisation_id).is_not(None))
        .group_by(col(User.organisation_id))
    )
    return {organisation_id: count for organisation_id, count in rows if organisation_id is not None}


def create_buyer_organisation(*, session: Session, name: str) -> Organisation:
    """A new contracting authority. The name is required and unique among buyers, whatever its case
    or surrounding blanks (`FormInvalid` otherwise)."""
    name = " ".join(name.split())
    if not name:
        raise FormInvalid({"name": "admin.error.name_required"})
    if len(name) > NAME_MAX:
        raise FormInvalid({"name": "admin.error.name_too_long"})
    taken = session.exec(
        select(Organisation).where(
            Organisation.kind == OrganisationKind.BUYER, func.lower(Organisation.name) == name.lower()
        )
    ).first()
    if taken is not None:
        raise FormInvalid({"name": "admin.error.name_taken"})
    organisation = Organisation(name=name, kind=OrganisationKind.BUYER)
    session.add(organisation)
    session.commit()
    session.refresh(organisation)
    return organisation


def organisation_users(*, session: Session, organisation_id: int) -> list[User]:
    """The users of an organisation, by name and e-mail address."""
    return list(
        session.exec(
            select(User).where(User.organisation_id == organisation_id).order_by(User.full_name, User.email)
        )
    )


def create_buyer_user(
    *, session: Session, organisation: Organisation, email: str, full_name: str, role: str
) -> tuple[User, str]:
    """A new buyer or contract manager in a buyer organisation, with a generated password; returns the
    user and the password, which is not kept anywhere. Every problem with the input at once
    (`FormInvalid`); nothing is saved then."""
    if organisation.kind is not OrganisationKind.BUYER:
        raise ValueError("users are added only to buyer organisations")
    errors: dict[str, str] = {}
    email = normalise_email(email)
    if not email:
        errors["email"] = "admin.error.email_required"
    elif len(email) > EMAIL_MAX or not EMAIL_PATTERN.match(email):
        errors["email"] = "admin.error.email_invalid"
    elif user_by_email(session=session, email=email) is not None:
        errors["email"] = "admin.error.email_taken"
    full_name = " ".join(full_name.split())
    if not full_name:
        errors["full_name"] = "admin.error.full_name_required"
    elif len(full_name) > NAME_MAX:
        errors["full_name"] = "admin.error.name_too_long"
    if role not in BUYER_ROLES:
        errors["role"] = "admin.error.role_invalid"
    if errors:
        raise FormInvalid(errors)
    password = generate_password()
    user = create_user(
        session=session,
        user_create=UserCreate(
            email=email,
            full_name=full_name,
            role=Role(role),
            password=password,
            organisation_id=organisation.id,
        ),
    )
    return user, password


def reset_password(*, session: Session, user: User) -> str:
    """A new generated password for a user who lost theirs; returns it (not kept). The user's open
    sessions end, since they are bound to the old password."""
    password = generate_password()
    user.hashed_password = hash_password(password)
    session.add(user)
    _end_sessions(session, user)
    session.commit()
    session.refresh(user)
    return password


def set_user_active(*, session: Session, user: User, active: bool) -> User:
    """Activate or deactivate a user; a deactivated user can no longer log in, and their open sessions
    end for good (activating them again does not bring those back)."""
    user.is_active = active
    session.add(user)
    if not active:
        _end_sessions(session, user)  # so that activating again revives no old cookie
    session.commit()
    session.refresh(user)
    return user


def remove_from_organisation(*, session: Session, user: User) -> User:
    """Take a user out of their organisation: the account stays (its address stays taken, its past
    actions keep their author) but sees no contract any more, and its open sessions end."""
    user.organisation_id = None
    session.add(user)
    _end_sessions(session, user)
    session.commit()
    session.refresh(user)
    return user


def contract_counts(*, session: Session) -> dict[int, int]:
    """The number of contracts each supplier organisation is party to, by organisation id."""
    rows = session.exec(
        select(Contract.supplier_organisation_id, func.count())
        .where(col(Contract.supplier_organisation_id).is_not(None))
        .group_by(col(Contract.supplier_organisation_id))
    )
    return {organisation_id: count for organisation_id, count in rows if organisation_id is not None}


def merge_candidates(*, session: Session, organisation: Organisation) -> list[Organisation]:
    """The other supplier organisations `organisation` could be merged into: those of the same name
    (whatever its case and blanks) first, then the rest, each by name."""
    if organisation.kind is not OrganisationKind.SUPPLIER:
        return []
    others = [
        other
        for other in organisations(session=session, kind=OrganisationKind.SUPPLIER)
        if other.id != organisation.id
    ]
    same = " ".join(organisation.name.split()).lower()
    return sorted(others, key=lambda other: (" ".join(other.name.split()).lower() != same, other.name))


def merge_suppliers(*, session: Session, source: Organisation, target: Organisation) -> Organisation:
    """Merge the supplier organisation `source` into `target`: its contracts, users and requests to join
    move to `target`, and `source` is deleted, in one transaction. Only the admin does this, after
    checking that the two are the same company: every member of either then works on the contracts of
    both."""
    if source.kind is not OrganisationKind.SUPPLIER or target.kind is not OrganisationKind.SUPPLIER:
        raise ValueError("only supplier organisations are merged")
    if source.id is None or target.id is None or source.id == target.id:
        raise ValueError("merge two different stored organisations")
    connection = session.connection()
    connection.execute(
        update(Contract)
        .where(col(Contract.supplier_organisation_id) == source.id)
        .values(supplier_organisation_id=target.id)
    )
    connection.execute(
        update(User).where(col(User.organisation_id) == source.id).values(organisation_id=target.id)
    )
    connection.execute(
        update(MembershipRequest)
        .where(col(MembershipRequest.organisation_id) == source.id)
        .values(organisation_id=target.id)
    )
    session.delete(source)
    session.commit()
    session.refresh(target)
    return target
