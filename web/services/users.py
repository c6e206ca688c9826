"""Users and organisations: creating them and checking a login."""

from sqlmodel import Session, select

from models import Organisation, OrganisationKind, User, UserCreate
from web.security import hash_password, needs_rehash, verify_dummy_password, verify_password


def normalise_email(email: str) -> str:
    """E-mail addresses compare without surrounding blanks and case."""
    return email.strip().lower()


def user_by_email(*, session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalise_email(email))).first()


def create_user(*, session: Session, user_create: UserCreate) -> User:
    """A new user with a hashed password; the e-mail address must not be taken (ValueError)."""
    if user_by_email(session=session, email=user_create.email) is not None:
        raise ValueError(f"a user with e-mail {user_create.email} exists")
    user = User.model_validate(
        user_create,
        update={
            "email": normalise_email(user_create.email),
            "hashed_password": hash_password(user_create.password),
        },
    )
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def authenticate(*, session: Session, email: str, password: str) -> User | None:
    """The active user with this e-mail address and password, or None. The password is verified in every
    case (against a dummy hash for an unknown address), so the time taken tells nothing about which
    addresses have an account or which are deactivated. A hash made with older parameters is renewed."""
    user = user_by_email(session=session, email=email)
    if user is None:
        verify_dummy_password(password)
        return None
    if not verify_password(password, user.hashed_password) or not user.is_active:
        return None
    if needs_rehash(user.hashed_password):
        user.hashed_password = hash_password(password)
        session.add(user)
        session.commit()
        session.refresh(user)
    return user


def organisation_named(*, session: Session, name: str, kind: OrganisationKind) -> Organisation:
    """The organisation with this name and kind, created when it does not exist yet."""
    found = session.exec(
        select(Organisation).where(Organisation.name == name, Organisation.kind == kind)
    ).first()
    if found is not None:
        return found
    organisation = Organisation(name=name, kind=kind)
    session.add(organisation)
    session.commit()
    session.refresh(organisation)
    return organisation
