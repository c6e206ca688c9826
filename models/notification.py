"""Notifications: what a user should know about a contract, shown in the app and, when SMTP is configured,
e-mailed once.

`key` says what the notification is about (e.g. "action_due_soon:12" or "audit:345"); a user has at
most one notification per key (unique), which is how `chainmap notify`, run as often as one likes, never
notifies the same thing twice. `emailed_at` is set when the e-mail went out.
"""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel


class NotificationKind(StrEnum):
    ACTION_DUE_SOON = "action_due_soon"
    ACTION_OVERDUE = "action_overdue"
    REPORT_OVERDUE = "report_overdue"
    PLAN_SUBMITTED = "plan_submitted"
    REPORT_SUBMITTED = "report_submitted"
    REVISION_REQUESTED = "revision_requested"
    ESCALATION_RECORDED = "escalation_recorded"
    MEMBERSHIP_REQUESTED = "membership_requested"


class Notification(SQLModel, table=True):
    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("user_id", "key", name="uq_notifications_user_key"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    contract_id: int = Field(foreign_key="contracts.id", index=True, ondelete="CASCADE")
    kind: NotificationKind
    key: str = Field(max_length=200)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    read_at: datetime | None = None
    emailed_at: datetime | None = None
