"""Files attached to a contract's monitoring: evidence on an action, or an attachment to an escalation step.

The file itself lies outside the web root under `stored_name`, a random name (web.services.attachments);
`filename` is the uploader's name for it, sanitised, used only when the file is downloaded. `media_type`
is the type found from the file's content, never from its name.
"""

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel


class Attachment(SQLModel, table=True):
    __tablename__ = "attachments"
    __table_args__ = (
        CheckConstraint(
            "(action_id IS NULL) <> (escalation_step_id IS NULL)", name="ck_attachments_one_owner"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    contract_id: int = Field(foreign_key="contracts.id", index=True, ondelete="CASCADE")
    action_id: int | None = Field(default=None, foreign_key="plan_actions.id", index=True, ondelete="CASCADE")
    escalation_step_id: int | None = Field(
        default=None, foreign_key="escalation_steps.id", index=True, ondelete="CASCADE"
    )
    stored_name: str = Field(max_length=64, unique=True)
    filename: str = Field(max_length=255)
    media_type: str = Field(max_length=100)
    size: int
    uploaded_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    uploaded_by_user_id: int = Field(foreign_key="users.id")
