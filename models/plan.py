"""The plan of action (plan van aanpak) of a contract: the supplier's actions against the prioritised risks
of its accepted chain, the notes on each action, and the buyer side's approval of the plan.

A contract has at most one plan (`ActionPlan`), which the buyer side approves or sends back as a whole.
Each action (`PlanAction`) is tied to one or more risks (`ActionRisk`: a site id and a theme, the key a
hotspot has), so it stays with its sites from one chain version to the next. Overdue is never stored: it
follows from the status and the due date (`chainmap.monitoring.is_overdue`). Who changed what and when
is in the audit log (`AuditEvent`, with `action_id`), which the application never edits.
"""

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from chainmap.monitoring import ActionStatus as ActionStatus  # the core reads the same statuses


class PlanStatus(StrEnum):
    """Where the plan stands: written by the supplier, submitted, approved, or sent back with a comment."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


class ActionKind(StrEnum):
    """The kind of measure an action is (the measures the OECD guidance and the ISV plans name)."""

    AUDIT = "audit"
    SUPPLIER_ENGAGEMENT = "supplier_engagement"
    TRAINING = "training"
    REMEDIATION = "remediation"
    SUPPLIER_CHANGE = "supplier_change"
    CERTIFICATION = "certification"
    GRIEVANCE_MECHANISM = "grievance_mechanism"
    OTHER = "other"


class Verification(StrEnum):
    """The contract manager's judgement of a done action."""

    VERIFIED = "verified"
    NOT_SUFFICIENT = "not_sufficient"


class ActionPlan(SQLModel, table=True):
    """The plan of a contract: its status, the accepted chain version it was first written for (kept
    when newer versions are accepted: the carry-over's baseline, see web.services.plan), who submitted it
    and who decided on it, with the comment of a send-back. `first_approved_at` stays set once the plan was
    approved: from then on changes to actions are shown as changes (old → new)."""

    __tablename__ = "action_plans"

    id: int | None = Field(default=None, primary_key=True)
    contract_id: int = Field(foreign_key="contracts.id", unique=True, ondelete="CASCADE")
    version_id: int = Field(foreign_key="chain_versions.id")
    status: PlanStatus = PlanStatus.DRAFT
    submitted_at: datetime | None = None
    submitted_by_user_id: int | None = Field(default=None, foreign_key="users.id")
    decided_at: datetime | None = None
    decided_by_user_id: int | None = Field(default=None, foreign_key="users.id")
    comment: str = Field(default="", max_length=5000)
    first_approved_at: datetime | None = None


class PlanAction(SQLModel, table=True):
    """One action of the plan: what (title, description, kind), who (owner: a name or role at the
    supplier), by when (`due_on`), where it stands, and the contract manager's verification once done."""

    __tablename__ = "plan_actions"

    id: int | None = Field(default=None, primary_key=True)
    contract_id: int = Field(foreign_key="contracts.id", index=True, ondelete="CASCADE")
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=5000)
    kind: ActionKind
    owner: str = Field(default="", max_length=200)
    due_on: date
    status: ActionStatus = ActionStatus.PLANNED
    cancel_reason: str = Field(default="", max_length=5000)
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    created_by_user_id: int = Field(foreign_key="users.id")
    verification: Verification | None = None
    verification_comment: str = Field(default="", max_length=5000)
    verified_at: datetime | None = None
    verified_by_user_id: int | None = Field(default=None, foreign_key="users.id")


class ActionRisk(SQLModel, table=True):
    """A risk an action addresses: a site of the chain (its id) and a theme."""

    __tablename__ = "action_risks"

    action_id: int = Field(foreign_key="plan_actions.id", primary_key=True, ondelete="CASCADE")
    node_id: str = Field(primary_key=True, max_length=100)
    theme: str = Field(primary_key=True, max_length=50)


class ActionNote(SQLModel, table=True):
    """A dated progress note on an action, by a user of either party."""

    __tablename__ = "action_notes"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="plan_actions.id", index=True, ondelete="CASCADE")
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    user_id: int = Field(foreign_key="users.id")
    text: str = Field(min_length=1, max_length=5000)
