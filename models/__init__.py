"""The database tables of the web app (SQLModel), its engine and sessions, and its migrations.

Importing this package registers every table on `SQLModel.metadata`, which the migrations compare with.
"""

from models.organisation import Organisation, OrganisationCreate, OrganisationKind, OrganisationPublic
from models.user import Role, User, UserCreate, UserPublic

__all__ = [
    "Organisation",
    "OrganisationCreate",
    "OrganisationKind",
    "OrganisationPublic",
    "Role",
    "User",
    "UserCreate",
    "UserPublic",
]
