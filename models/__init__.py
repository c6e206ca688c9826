"""The database tables of the web app (SQLModel), its engine and sessions, and its migrations.

Importing this package registers every table on `SQLModel.metadata`, which the migrations compare with.
"""

from models.audit import AuditEvent, AuditKind
from models.chain import ChainDraftRow, ChainReview, ChainVersion, ReviewDecision
from models.contract import (
    Contract,
    ContractCpv,
    ContractCreate,
    ContractPublic,
    ContractStatus,
    ReportingSchedule,
)
from models.escalation import EscalationLevel, EscalationStep
from models.invitation import Invitation
from models.organisation import Organisation, OrganisationCreate, OrganisationKind, OrganisationPublic
from models.user import Role, User, UserCreate, UserPublic

__all__ = [
    "AuditEvent",
    "AuditKind",
    "ChainDraftRow",
    "ChainReview",
    "ChainVersion",
    "Contract",
    "ContractCpv",
    "ContractCreate",
    "ContractPublic",
    "ContractStatus",
    "EscalationLevel",
    "EscalationStep",
    "Invitation",
    "Organisation",
    "OrganisationCreate",
    "OrganisationKind",
    "OrganisationPublic",
    "ReportingSchedule",
    "ReviewDecision",
    "Role",
    "User",
    "UserCreate",
    "UserPublic",
]
