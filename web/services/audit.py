"""Writing the audit log: `record` adds an event to the caller's transaction, so the event is saved with
the change it records or not at all.

The log is append-only: this module only inserts, and no route or service updates or deletes an event
(tests/web/test_timeline.py checks that earlier events stay as they were after later actions).
"""

from sqlmodel import Session, col, select

from models import AuditEvent, AuditKind, User


def record(
    *,
    session: Session,
    contract_id: int,
    user: User | None,
    kind: AuditKind,
    action_id: int | None = None,
    **details: object,
) -> None:
    """Add the event `kind` on the contract by `user` now, with `details` (small JSON values: numbers,
    text, ISO dates), to the session; the caller commits it together with the change. `action_id` names
    the plan action the event concerns, so that the action's history is read by it."""
    session.add(
        AuditEvent(
            contract_id=contract_id,
            user_id=user.id if user is not None else None,
            action_id=action_id,
            kind=kind,
            details=details,
        )
    )


def contract_events(*, session: Session, contract_id: int) -> list[AuditEvent]:
    """The contract's events, oldest first (by time, then by the order they were written)."""
    query = (
        select(AuditEvent)
        .where(AuditEvent.contract_id == contract_id)
        .order_by(col(AuditEvent.at), col(AuditEvent.id))
    )
    return list(session.exec(query))


def action_events(*, session: Session, action_id: int) -> list[AuditEvent]:
    """The events that name this plan action, oldest first."""
    query = (
        select(AuditEvent)
        .where(AuditEvent.action_id == action_id)
        .order_by(col(AuditEvent.at), col(AuditEvent.id))
    )
    return list(session.exec(query))
