"""Users and organisations for web tests."""

from sqlmodel import Session

from models import OrganisationKind, Role, User, UserCreate
from web.services.users import create_user, organisation_named

PASSWORD = "a-long-test-password"


def make_user(
    session: Session,
    *,
    email: str = "inkoper@example.nl",
    role: Role = Role.BUYER,
    organisation: str | None = "Gemeente Testdorp",
    language: str | None = None,
) -> User:
    """A user with password PASSWORD in an organisation of the kind its role implies."""
    organisation_id = None
    if organisation is not None:
        kind = OrganisationKind.SUPPLIER if role is Role.SUPPLIER else OrganisationKind.BUYER
        organisation_id = organisation_named(session=session, name=organisation, kind=kind).id
    return create_user(
        session=session,
        user_create=UserCreate(
            email=email,
            full_name="Test Gebruiker",
            role=role,
            language=language,
            password=PASSWORD,
            organisation_id=organisation_id,
        ),
    )
