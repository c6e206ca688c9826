"""The escalation ladder of a contract: the buyer side's steps when a supplier does not cooperate
(dialogue, written warning, notice of default, fine, termination), each recorded with its date and
reason. A step is never changed: the contract's current step is its latest record, and stepping down is a
record of its own (a lower step, or `resolved`: no escalation any more)."""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Final

from sqlmodel import Field, SQLModel


class EscalationLevel(StrEnum):
    """A step of the ladder, lowest first; `resolved` ends the escalation (stepped down to none)."""

    RESOLVED = "resolved"
    DIALOGUE = "dialogue"
    WRITTEN_WARNING = "written_warning"
    NOTICE_OF_DEFAULT = "notice_of_default"  # ingebrekestelling
    FINE = "fine"
    TERMINATION = "termination"


# The ladder from its lowest step to its highest, `resolved` below them all.
LADDER: Final = tuple(EscalationLevel)


class EscalationStep(SQLModel, table=True):
    """One recorded step: which, from which date (`effective_on`), why, and who recorded it when."""

    __tablename__ = "escalation_steps"

    id: int | None = Field(default=None, primary_key=True)
    contract_id: int = Field(foreign_key="contracts.id", index=True, ondelete="CASCADE")
    step: EscalationLevel
    effective_on: date
    reason: str = Field(min_length=1, max_length=5000)
    recorded_by_user_id: int = Field(foreign_key="users.id")
    recorded_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
