"""The database tables of the web app (SQLModel), its engine and sessions, and its migrations.

Importing this package registers every table on `SQLModel.metadata`, which the migrations compare with.
"""

from models.attachment import Attachment
from models.audit import AuditEvent, AuditKind
from models.chain import ChainDraftRow, ChainReview, ChainVersion, ReviewDecision
from models.column_mapping import SavedColumnMapping
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
from models.login_session import LoginFailure, LoginSession
from models.membership import MembershipRequest, MembershipStatus
from models.notification import Notification, NotificationKind
from models.organisation import Organisation, OrganisationCreate, OrganisationKind, OrganisationPublic
from models.plan import (
    ActionKind,
    ActionNote,
    ActionPlan,
    ActionRisk,
    ActionStatus,
    PlanAction,
    PlanStatus,
    Verification,
)
from models.progress_report import ProgressReport, ReportStatus
from models.user import Role, User, UserCreate, UserPublic
from models.version_risk import VersionRisk, VersionRiskSummary

__all__ = [
    "ActionKind",
    "ActionNote",
    "ActionPlan",
    "ActionRisk",
    "ActionStatus",
    "Attachment",
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
    "LoginFailure",
    "LoginSession",
    "MembershipRequest",
    "MembershipStatus",
    "Notification",
    "NotificationKind",
    "Organisation",
    "OrganisationCreate",
    "OrganisationKind",
    "OrganisationPublic",
    "PlanAction",
    "PlanStatus",
    "ProgressReport",
    "ReportStatus",
    "ReportingSchedule",
    "ReviewDecision",
    "Role",
    "SavedColumnMapping",
    "User",
    "UserCreate",
    "UserPublic",
    "Verification",
    "VersionRisk",
    "VersionRiskSummary",
]
