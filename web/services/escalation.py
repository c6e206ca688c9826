"""The escalation ladder of a contract: the buyer side records steps, both parties see them.

The rule: the contract's buyer side (buyers and contract managers of its buyer organisation) records a
step with the date it takes effect and a reason. Any step of the ladder may follow any other, so the
ladder goes up one or more steps at once, or down to a lower step; `resolved` steps down to no
escalation. A step that is already the current one is refused (nothing changes), as is `resolved` when
there is no escalation. The date is not in the future and not before the current step's date, so the
history reads in order. Up to five files may be attached to a step (web.services.attachments checks
each by its content); the step, its files and an audit event for each are kept in one transaction, or
none of them.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Attachment, AuditKind, Contract, EscalationLevel, EscalationStep, User
from models.escalation import LADDER
from web.services.attachments import (
    MAX_STEP_FILES,
    STEP_FILES_FIELD,
    Upload,
    UploadStore,
    add_attachments,
    checked_files,
    step_attachments,
    stored_files,
)
from web.services.audit import record
from web.services.chains import user_names
from web.services.contracts import on_buyer_side
from web.services.errors import FormInvalid

MAX_REASON: Final = 5000
# The form's fields, which the errors name.
STEP: Final = "step"
EFFECTIVE_ON: Final = "effective_on"
REASON: Final = "reason"


def may_escalate(*, user: User, contract: Contract) -> bool:
    """The contract's buyer side (buyers and contract managers of its buyer organisation) records steps."""
    return on_buyer_side(user=user, contract=contract)


def escalation_history(*, session: Session, contract_id: int) -> list[EscalationStep]:
    """The contract's recorded steps, newest first (by date, then by the order they were recorded)."""
    query = (
        select(EscalationStep)
        .where(EscalationStep.contract_id == contract_id)
        .order_by(col(EscalationStep.effective_on).desc(), col(EscalationStep.id).desc())
    )
    return list(session.exec(query))


def current_step(*, session: Session, contract_id: int) -> EscalationLevel | None:
    """The contract's current step; None when it never escalated or the last step resolved it."""
    history = escalation_history(session=session, contract_id=contract_id)
    if not history or history[0].step is EscalationLevel.RESOLVED:
        return None
    return history[0].step


def current_steps(*, session: Session, contract_ids: list[int]) -> dict[int, EscalationLevel]:
    """The current step of each of these contracts that has one, in one query (for the contract list)."""
    if not contract_ids:
        return {}
    ranked = (
        select(
            col(EscalationStep.contract_id).label("contract_id"),
            col(EscalationStep.step).label("step"),
            func.row_number()
            .over(
                partition_by=col(EscalationStep.contract_id),
                order_by=(col(EscalationStep.effective_on).desc(), col(EscalationStep.id).desc()),
            )
            .label("rank"),
        )
        .where(col(EscalationStep.contract_id).in_(contract_ids))
        .subquery()
    )
    latest = session.exec(select(ranked.c.contract_id, ranked.c.step).where(ranked.c.rank == 1)).all()
    return {
        contract_id: EscalationLevel(step)
        for contract_id, step in latest
        if EscalationLevel(step) is not EscalationLevel.RESOLVED
    }


def _parsed_step(text: str) -> EscalationLevel | None:
    try:
        return EscalationLevel(text)
    except ValueError:
        return None


def _parsed_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def record_step(
    *,
    session: Session,
    contract: Contract,
    user: User,
    step: str,
    on: str,
    reason: str,
    today: date,
    files: Sequence[Upload] = (),
    store: UploadStore | None = None,
) -> EscalationStep:
    """Record `step` (a value of EscalationLevel) as of the date `on` (ISO) with `reason` and the attached
    `files` (kept in `store`, which files need), by the rule in the module's docstring. Raises
    PermissionError for a user who may not, FormInvalid with every problem by field; nothing is saved
    unless everything is."""
    if not may_escalate(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's buyer side records escalation steps")
    if files and store is None:
        raise ValueError("attached files need the store to keep them in")
    # Lock the contract's row so that two steps recorded at once are checked one after the other.
    session.exec(select(Contract.id).where(Contract.id == contract.id).with_for_update()).first()
    history = escalation_history(session=session, contract_id=contract.id)
    latest = history[0] if history else None
    current = latest.step if latest is not None else EscalationLevel.RESOLVED
    errors: dict[str, str] = {}
    level = _parsed_step(step)
    if level is None:
        errors[STEP] = "escalation.error.step_required"
    elif level is current:
        errors[STEP] = (
            "escalation.error.nothing_to_resolve"
            if level is EscalationLevel.RESOLVED
            else "escalation.error.same_step"
        )
    effective_on = _parsed_date(on)
    if effective_on is None:
        errors[EFFECTIVE_ON] = "escalation.error.date_invalid"
    elif effective_on > today:
        errors[EFFECTIVE_ON] = "escalation.error.date_in_future"
    elif latest is not None and effective_on < latest.effective_on:
        errors[EFFECTIVE_ON] = "escalation.error.date_before_current"
    reason = reason.strip()
    if not reason:
        errors[REASON] = "escalation.error.reason_required"
    elif len(reason) > MAX_REASON:
        errors[REASON] = "escalation.error.reason_too_long"
    attached, refused = checked_files(files)
    params: dict[str, object] = {}
    if len(files) > MAX_STEP_FILES:
        errors[STEP_FILES_FIELD] = "attachments.error.too_many"
    elif refused is not None:
        errors[STEP_FILES_FIELD] = refused.key
        params = refused.refusal(STEP_FILES_FIELD).params
    if errors or level is None or effective_on is None:
        session.rollback()
        raise FormInvalid(errors, params)
    recorded = EscalationStep(
        contract_id=contract.id,
        step=level,
        effective_on=effective_on,
        reason=reason,
        recorded_by_user_id=user.id,
    )
    session.add(recorded)
    record(
        session=session,
        contract_id=contract.id,
        user=user,
        kind=AuditKind.ESCALATION_RECORDED,
        step=level.value,
        previous=current.value,
        on=effective_on.isoformat(),
        reason=reason,
    )
    if store is None:
        session.commit()
    else:
        with stored_files(store) as written:
            try:
                session.flush()
                add_attachments(
                    session=session,
                    contract=contract,
                    user=user,
                    files=attached,
                    store=store,
                    written=written,
                    step=recorded,
                )
                session.commit()
            except BaseException:
                session.rollback()
                raise
    session.refresh(recorded)
    return recorded


@dataclass(frozen=True)
class HistoryItem:
    step: EscalationStep
    recorded_by: str
    up: bool  # a step up the ladder (else down)
    attachments: list[Attachment] = field(default_factory=list)


@dataclass(frozen=True)
class EscalationView:
    """The contract page's escalation section: the current step, the history newest first, the steps the
    form offers and whether this user may record one."""

    current: EscalationLevel | None
    history: list[HistoryItem]
    may_record: bool
    choices: tuple[EscalationLevel, ...] = LADDER


def escalation_view(*, session: Session, contract: Contract, user: User) -> EscalationView:
    """What the contract page shows `user`, a party to the contract, of its escalation."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    history = escalation_history(session=session, contract_id=contract.id)
    names = user_names(session=session, ids={item.recorded_by_user_id for item in history})
    attachments = step_attachments(session=session, contract_id=contract.id)
    items = []
    for index, item in enumerate(history):
        before = history[index + 1].step if index + 1 < len(history) else EscalationLevel.RESOLVED
        items.append(
            HistoryItem(
                step=item,
                recorded_by=names.get(item.recorded_by_user_id, ""),
                up=LADDER.index(item.step) > LADDER.index(before),
                attachments=attachments.get(item.id, []) if item.id is not None else [],
            )
        )
    current = history[0].step if history else None
    return EscalationView(
        current=None if current is EscalationLevel.RESOLVED else current,
        history=items,
        may_record=may_escalate(user=user, contract=contract),
    )
