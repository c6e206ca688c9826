"""The database tables of the web app (SQLModel), its engine and sessions, and its migrations.

Importing this package registers every table on `SQLModel.metadata`, which the migrations compare with.
"""

from models.contract import (
    Contract,
    ContractCpv,
    ContractCreate,
    ContractPublic,
    ContractStatus,
    ReportingSchedule,
)
from models.organisation import Organisation, OrganisationCreate, OrganisationKind, OrganisationPublic
from models.user import Role, User, UserCreate, UserPublic

__all__ = [
    "Contract",
    "ContractCpv",
    "ContractCreate",
    "ContractPublic",
    "ContractStatus",
    "Organisation",
    "OrganisationCreate",
    "OrganisationKind",
    "OrganisationPublic",
    "ReportingSchedule",
    "Role",
    "User",
    "UserCreate",
    "UserPublic",
]
