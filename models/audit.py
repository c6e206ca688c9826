"""The audit log: an append-only record of who did what and when on a contract, from which the contract's
timeline is read. The application only ever inserts events (web.services.audit.record); no route or
service updates or deletes one, so the timeline is what happened."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class AuditKind(StrEnum):
    """What happened; each kind has its own sentence on the timeline (web.messages.escalation)."""

    CHAIN_SUBMITTED = "chain_submitted"
    CHAIN_REVIEWED = "chain_reviewed"
    INVITATION_SENT = "invitation_sent"
    INVITATION_ACCEPTED = "invitation_accepted"
    ESCALATION_RECORDED = "escalation_recorded"
    PLAN_SUBMITTED = "plan_submitted"
    PLAN_APPROVED = "plan_approved"
    PLAN_RETURNED = "plan_returned"
    ACTION_ADDED = "action_added"
    ACTION_CHANGED = "action_changed"
    ACTION_NOTE_ADDED = "action_note_added"
    ACTION_VERIFIED = "action_verified"
    ATTACHMENT_ADDED = "attachment_added"
    REPORT_SUBMITTED = "report_submitted"
    REPORT_REVIEWED = "report_reviewed"
    PUBLIC_SUMMARY_CHANGED = "public_summary_changed"


class AuditEvent(SQLModel, table=True):
    """One thing done on a contract: when (UTC), by whom (None when no user did it), what kind, and the
        few facts the timeline shows (`details`: e.g. a version's number, a decision, a comment, a step).

    `action_id` names the plan action an event concerns, so an action's history (old → new, who, when) is
    read without searching the details; it is not a foreign key, so the record outlives the action."""

    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    contract_id: int = Field(foreign_key="contracts.id", index=True, ondelete="CASCADE")
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    user_id: int | None = Field(default=None, foreign_key="users.id")
    action_id: int | None = Field(default=None, index=True)  # the plan action it concerns, if any
    kind: AuditKind
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
