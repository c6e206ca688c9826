"""The plan of action (plan van aanpak) of a contract: the supplier proposes actions against the prioritised
risks of the monitored chain version, the buyer side approves the plan or sends it back, both parties add
progress notes, and the contract manager verifies done actions.

The rules:
- The contract's supplier (supplier-role users of its supplier organisation) proposes and edits actions
  and submits the plan; the buyer side (web.services.contracts.on_buyer_side) decides on a submitted plan
  and verifies done actions; either party adds notes.
- Actions are proposed once a chain version is accepted, each tied to at least one prioritised risk of
  the monitored version (web.services.monitoring.monitored_version). The first action makes the plan
  (status draft). The plan is submitted from draft or returned, with at least one action; while it
  awaits the buyer side's decision, actions are not proposed or edited, so the buyer decides on what
  they read. Sending it back needs a comment.
- Once the plan was first approved (`first_approved_at`), it stays approved as actions are carried out,
  and each added action (ACTION_ADDED) and each change of an action's due date or status (ACTION_CHANGED:
  title, field, old, new, reason) is written to the audit log with the action's id, which the action's
  page shows as changes (old → new, who, when). Before the first approval the plan is the supplier's
  draft: adding and changing actions then is writing the plan, not changing an agreed one, so it is not
  recorded as changes; PLAN_SUBMITTED records the plan as submitted, with its number of actions.
- Cancelling needs a reason. When the supplier moves a done action to another status, the contract
  manager's verification is cleared: it judged the action as done.
- A verification (verified / not sufficient, the latter with a comment) is only for a done action.
- The plan keeps the accepted version it was first written for (`ActionPlan.version_id`, set when the
  first action makes the plan). When the monitored version is newer, the plan page shows the carry-over
  (chainmap.monitoring.carry_over) from that version to the monitored one: the risks of actions whose
  site is gone (detached), and the risks prioritised now but not then that no action covers (flagged).
  The baseline does not move when the supplier saves: a flag says that the plan does not yet address a
  risk that came after it was written, so it goes when an action covers the risk, not when the supplier
  changes something else (a title), and a detached risk stays listed while its action points at the
  gone site. Measuring against the previous accepted version instead would drop a risk that came in an
  earlier new version, and is still uncovered, from the flags as soon as a later version is accepted. A
  plan first written for the monitored version has no carry-over: its risks were chosen from that
  version's list, where an uncovered risk already shows as uncovered.

Every service raises PermissionError for a user who may not, FormInvalid with every problem by field
(the key of a web text) otherwise; nothing is saved unless everything is.

Two requests at once (a double click, a second tab, two colleagues) must not both make one transition:
each status change is one conditional update (`... WHERE id = :id AND status IN (:allowed)`), whose row
count says whether this request made it, and only the request that made it writes the audit event. This
holds on SQLite, where the contract lock (`_lock`, SELECT ... FOR UPDATE) does nothing, as on PostgreSQL,
where the lock also makes a second request wait for the first one's commit. A request that finds the
transition made (by the other request, or just before it) is refused as that state is refused, except the
same request repeated by the same user (the same decision with the same comment, the plan submitted, the
same verification), which answers as done without a second event: after a double click the browser shows
the second answer, and refusing there would tell the user that what they did failed.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final

from sqlalchemy import Update, func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from chainmap.analysis import Hotspot
from chainmap.monitoring import (
    ActionStatus,
    RiskKey,
    carry_over,
    coverage,
    is_overdue,
    residual_risk,
    risk_key,
)
from chainmap.reference import ReferenceData
from chainmap.themes import Lang, Level, theme_label
from models import (
    ActionKind,
    ActionNote,
    ActionPlan,
    ActionRisk,
    Attachment,
    AuditEvent,
    AuditKind,
    ChainVersion,
    Contract,
    PlanAction,
    PlanStatus,
    User,
    Verification,
)
from web.formatting import date_text
from web.messages import web_text
from web.services.attachments import action_attachments, may_add_evidence
from web.services.audit import action_events, record
from web.services.chains import may_edit_chain, user_names
from web.services.contracts import on_buyer_side
from web.services.errors import FormInvalid
from web.services.monitoring import (
    action_risks,
    as_planned,
    monitored_version,
    plan_actions,
    planned_actions,
    prioritised_hotspots,
    stored_hotspots,
)
from web.services.review import VersionAnalysis, VersionNoLongerValid, country_text, version_analysis

MAX_TITLE: Final = 200
MAX_OWNER: Final = 200
MAX_TEXT: Final = 5000
# The form's fields, which the errors name; "form" is the form as a whole.
FORM: Final = "form"
TITLE: Final = "title"
DESCRIPTION: Final = "description"
KIND: Final = "kind"
OWNER: Final = "owner"
DUE_ON: Final = "due_on"
RISKS: Final = "risks"
STATUS: Final = "status"
CANCEL_REASON: Final = "cancel_reason"
OUTCOME: Final = "outcome"
COMMENT: Final = "comment"
TEXT: Final = "text"
VERIFICATION: Final = "verification"
# The plan statuses in which the supplier proposes and edits actions.
EDITABLE: Final = frozenset({PlanStatus.DRAFT, PlanStatus.RETURNED, PlanStatus.APPROVED})
# How long after proposing an action the same proposal again is taken for a double click.
REPEAT_WINDOW: Final = timedelta(minutes=1)


def may_edit_plan(*, user: User, contract: Contract) -> bool:
    """The contract's supplier (its organisation's supplier-role users) proposes and edits actions."""
    return may_edit_chain(user=user, contract=contract)


def may_decide_plan(*, user: User, contract: Contract) -> bool:
    """The buyer side approves or sends back the plan and verifies done actions."""
    return on_buyer_side(user=user, contract=contract)


def may_add_note(*, user: User, contract: Contract) -> bool:
    """Either party adds progress notes."""
    return may_edit_plan(user=user, contract=contract) or may_decide_plan(user=user, contract=contract)


def risk_value(key: RiskKey) -> str:
    """A risk as the form's checkbox sends it: "theme:site id" (a theme has no colon, a site id may)."""
    node, theme = key
    return f"{theme}:{node}"


def parsed_risk(value: str) -> RiskKey | None:
    """The (site id, theme) of a checkbox's value, or None for a value of another shape."""
    theme, colon, node = value.partition(":")
    return (node, theme) if colon and node and theme else None


def plan_of(*, session: Session, contract_id: int) -> ActionPlan | None:
    """The contract's plan, if it has one."""
    return session.exec(select(ActionPlan).where(ActionPlan.contract_id == contract_id)).first()


def contract_action(*, session: Session, contract: Contract, action_id: int) -> PlanAction | None:
    """The action with this id when it belongs to the contract (another contract's action is None)."""
    action = session.get(PlanAction, action_id)
    return action if action is not None and action.contract_id == contract.id else None


def _lock(session: Session, contract: Contract) -> None:
    """Lock the contract's row so that two changes of one plan at once are checked one after the other."""
    session.exec(select(Contract.id).where(Contract.id == contract.id).with_for_update()).first()


def _made(session: Session, statement: Update) -> bool:
    """Run a conditional update in the session's transaction; whether it changed the row, that is,
    whether this request made the transition (not another one first)."""
    return session.connection().execute(statement).rowcount == 1


def _still_editable(session: Session, plan: ActionPlan) -> bool:
    """Whether the plan is still open to the supplier's changes (draft, returned or approved), checked in
    a conditional update of its row that, on SQLite, also makes this request its only writer until it
    commits; PostgreSQL has the contract's lock for that."""
    editable = update(ActionPlan).where(col(ActionPlan.id) == plan.id, col(ActionPlan.status).in_(EDITABLE))
    return _made(session, editable.values(status=col(ActionPlan.status)))


def _own_action_id(contract: Contract, action: PlanAction) -> int:
    """The action's id; PermissionError for an action of another contract."""
    if action.contract_id != contract.id or action.id is None:
        raise PermissionError("the action belongs to another contract")
    return action.id


def _parsed_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _refuse(session: Session, errors: dict[str, str]) -> FormInvalid:
    session.rollback()
    return FormInvalid(errors)


def _checked_text(
    errors: dict[str, str], field: str, text: str, *, limit: int, required: bool = False
) -> str:
    text = text.strip()
    if required and not text:
        errors[field] = f"plan.error.{field}_required"
    elif len(text) > limit:
        errors[field] = "plan.error.too_long"
    return text


def propose_action(
    *,
    session: Session,
    contract: Contract,
    user: User,
    title: str,
    description: str,
    kind: str,
    owner: str,
    due_on: str,
    risks: Sequence[str],
    today: date,
    reference: ReferenceData,
) -> PlanAction:
    """Add the supplier's action to the plan (made on the first action) by the rules in the module's
    docstring: `kind` a value of ActionKind, `due_on` an ISO date not before `today`, `risks` checkbox
    values (`risk_value`) of prioritised risks of the monitored version, at least one.

    The same proposal again (see `_repeated_proposal`) returns the action already made instead of a copy:
    a double click on "Actie toevoegen" sends the form twice. A form token would tell a repeat from a
    second action exactly, but needs a stored token (a schema change); two equal actions within a minute
    are a double click in practice, and one proposed on purpose differs in a field or comes later."""
    if not may_edit_plan(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's supplier proposes actions")
    version = monitored_version(session=session, contract_id=contract.id)
    if version is None or version.id is None:
        raise FormInvalid({FORM: "plan.error.no_version"})
    prioritised = {
        risk_key(hotspot)
        for hotspot in prioritised_hotspots(session=session, version=version, reference=reference)
    }
    _lock(session, contract)
    plan = plan_of(session=session, contract_id=contract.id)
    errors: dict[str, str] = {}
    if plan is not None and plan.status not in EDITABLE:
        errors[FORM] = "plan.error.awaiting_decision"
    title = _checked_text(errors, TITLE, title, limit=MAX_TITLE, required=True)
    description = _checked_text(errors, DESCRIPTION, description, limit=MAX_TEXT)
    owner = _checked_text(errors, OWNER, owner, limit=MAX_OWNER, required=True)
    action_kind = ActionKind(kind) if kind in set(ActionKind) else None
    if action_kind is None:
        errors[KIND] = "plan.error.kind_required"
    due = _parsed_date(due_on)
    if due is None:
        errors[DUE_ON] = "plan.error.due_invalid"
    elif due < today:
        errors[DUE_ON] = "plan.error.due_in_past"
    keys = {parsed_risk(value) for value in risks if value}
    chosen = {key for key in keys if key is not None and key in prioritised}
    if not keys:
        errors[RISKS] = "plan.error.risks_required"
    elif chosen != keys:
        errors[RISKS] = "plan.error.risk_unknown"
    if errors or action_kind is None or due is None:
        raise _refuse(session, errors)
    first_action = plan is None
    if plan is None:
        plan = ActionPlan(contract_id=contract.id, version_id=version.id)
        session.add(plan)
        try:
            session.flush()
        except IntegrityError:  # the first action proposed twice at once: the other request made the plan
            session.rollback()
            return propose_action(
                session=session,
                contract=contract,
                user=user,
                title=title,
                description=description,
                kind=kind,
                owner=owner,
                due_on=due_on,
                risks=risks,
                today=today,
                reference=reference,
            )
    action = PlanAction(
        contract_id=contract.id,
        title=title,
        description=description,
        kind=action_kind,
        owner=owner,
        due_on=due,
        created_by_user_id=user.id,
    )
    if not first_action:
        # Still editable, checked in the update that also makes this request the plan's only writer on
        # SQLite until it commits, so that the check for a repeat below sees every action made before.
        if not _still_editable(session, plan):
            raise _refuse(session, {FORM: "plan.error.awaiting_decision"})
        repeated = _repeated_proposal(session=session, contract_id=contract.id, proposal=action, risks=chosen)
        if repeated is not None:
            session.rollback()
            return repeated
    session.add(action)
    session.flush()
    assert action.id is not None  # noqa: S101 - flushed
    session.add_all(
        ActionRisk(action_id=action.id, node_id=node, theme=theme) for node, theme in sorted(chosen)
    )
    if plan.first_approved_at is not None:
        record(
            session=session,
            contract_id=contract.id,
            user=user,
            kind=AuditKind.ACTION_ADDED,
            action_id=action.id,
            title=title,
            due=due.isoformat(),
        )
    session.commit()
    session.refresh(action)
    return action


def _repeated_proposal(
    *, session: Session, contract_id: int, proposal: PlanAction, risks: set[RiskKey]
) -> PlanAction | None:
    """The plan's newest action when `proposal` repeats it: the same user, title, kind, owner, due date,
    description and risks, made within REPEAT_WINDOW of the proposal."""
    newest = session.exec(
        select(PlanAction)
        .where(PlanAction.contract_id == contract_id)
        .order_by(col(PlanAction.id).desc())
        .limit(1)
    ).first()
    if newest is None or newest.id is None:
        return None
    made = newest.created_at if newest.created_at.tzinfo else newest.created_at.replace(tzinfo=UTC)
    same = (
        newest.created_by_user_id == proposal.created_by_user_id
        and (newest.title, newest.kind, newest.owner, newest.due_on, newest.description)
        == (proposal.title, proposal.kind, proposal.owner, proposal.due_on, proposal.description)
        and proposal.created_at - made <= REPEAT_WINDOW
        and set(action_risks(session=session, action_ids=[newest.id])[newest.id]) == risks
    )
    return newest if same else None


def update_action(
    *,
    session: Session,
    contract: Contract,
    user: User,
    action: PlanAction,
    title: str,
    description: str,
    owner: str,
    due_on: str,
    status: str,
    cancel_reason: str,
    today: date,
) -> PlanAction:
    """Save the supplier's edit of an action by the rules in the module's docstring: a changed due date is
    not before `today`, cancelling needs `cancel_reason`, leaving done clears the verification; after the
    plan's first approval each change of due date or status is recorded with old and new."""
    if not may_edit_plan(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's supplier edits actions")
    action_id = _own_action_id(contract, action)
    _lock(session, contract)
    plan = plan_of(session=session, contract_id=contract.id)
    # Still editable, checked in an update that also makes this request the plan's only writer on SQLite
    # until it commits (as in propose_action); the action is read after it, as the last edit left it, so
    # a double click records its change of status or due date once, and an edit never lands on a plan
    # that was submitted meanwhile.
    if plan is None or not _still_editable(session, plan):
        raise _refuse(session, {FORM: "plan.error.awaiting_decision"})
    session.refresh(action)
    errors: dict[str, str] = {}
    title = _checked_text(errors, TITLE, title, limit=MAX_TITLE, required=True)
    description = _checked_text(errors, DESCRIPTION, description, limit=MAX_TEXT)
    owner = _checked_text(errors, OWNER, owner, limit=MAX_OWNER, required=True)
    new_status = ActionStatus(status) if status in set(ActionStatus) else None
    if new_status is None:
        errors[STATUS] = "plan.error.status_required"
    reason = _checked_text(
        errors, CANCEL_REASON, cancel_reason, limit=MAX_TEXT, required=new_status is ActionStatus.CANCELLED
    )
    due = _parsed_date(due_on)
    if due is None:
        errors[DUE_ON] = "plan.error.due_invalid"
    elif due != action.due_on and due < today:
        errors[DUE_ON] = "plan.error.due_in_past"
    if errors or new_status is None or due is None:
        raise _refuse(session, errors)
    changes: list[tuple[str, str, str]] = []
    if due != action.due_on:
        changes.append((DUE_ON, action.due_on.isoformat(), due.isoformat()))
    if new_status is not action.status:
        changes.append((STATUS, action.status.value, new_status.value))
        if action.status is ActionStatus.DONE:
            action.verification = None
            action.verification_comment = ""
            action.verified_at = None
            action.verified_by_user_id = None
    action.title, action.description, action.owner, action.due_on = title, description, owner, due
    action.status = new_status
    action.cancel_reason = reason if new_status is ActionStatus.CANCELLED else ""
    session.add(action)
    if plan.first_approved_at is not None:
        for field, old, new in changes:
            record(
                session=session,
                contract_id=contract.id,
                user=user,
                kind=AuditKind.ACTION_CHANGED,
                action_id=action_id,
                title=title,
                field=field,
                old=old,
                new=new,
                reason=reason if field == STATUS and new_status is ActionStatus.CANCELLED else "",
            )
    session.commit()
    session.refresh(action)
    return action


def submit_plan(*, session: Session, contract: Contract, user: User) -> ActionPlan:
    """Submit the plan (draft or returned, with at least one action) for the buyer side's decision; a
    plan this user submitted already (a double click) is answered as submitted, see the module's
    docstring."""
    if not may_edit_plan(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's supplier submits the plan")
    _lock(session, contract)
    plan = plan_of(session=session, contract_id=contract.id)
    actions = len(plan_actions(session=session, contract_id=contract.id))
    if plan is None or actions == 0:
        raise _refuse(session, {FORM: "plan.error.no_actions"})
    submittable = (PlanStatus.DRAFT, PlanStatus.RETURNED)
    if plan.status not in submittable:
        return _submitted_before(session, plan=plan, user=user)
    submitting = (
        update(ActionPlan)
        .where(col(ActionPlan.id) == plan.id, col(ActionPlan.status).in_(submittable))
        .values(status=PlanStatus.SUBMITTED, submitted_at=datetime.now(UTC), submitted_by_user_id=user.id)
    )
    if not _made(session, submitting):
        return _submitted_before(session, plan=plan, user=user)
    record(
        session=session,
        contract_id=contract.id,
        user=user,
        kind=AuditKind.PLAN_SUBMITTED,
        actions=actions,
    )
    session.commit()
    session.refresh(plan)
    return plan


def _submitted_before(session: Session, *, plan: ActionPlan, user: User) -> ActionPlan:
    """The answer to a submit that finds the plan no longer draft or returned: done when this user
    submitted it (the same request twice), the refusal of a plan already submitted or approved otherwise.
    Read anew, as it stands after the other request's commit."""
    session.rollback()
    if plan.status is PlanStatus.SUBMITTED and plan.submitted_by_user_id == user.id:
        return plan
    raise FormInvalid({FORM: "plan.error.not_submittable"})


def decide_plan(
    *, session: Session, contract: Contract, user: User, outcome: str, comment: str
) -> ActionPlan:
    """The buyer side's decision on the submitted plan: `outcome` "approved", or "returned" with a
    comment. The same decision with the same comment by the same user again (a double click) is answered
    as done; any other decision on a plan no longer submitted is refused, so that a second decision
    never overwrites the first."""
    if not may_decide_plan(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's buyer side decides on the plan")
    _lock(session, contract)
    plan = plan_of(session=session, contract_id=contract.id)
    errors: dict[str, str] = {}
    if plan is None or plan.status is not PlanStatus.SUBMITTED:
        errors[FORM] = "plan.error.not_submitted"
    decision = PlanStatus(outcome) if outcome in (PlanStatus.APPROVED, PlanStatus.RETURNED) else None
    if decision is None:
        errors[OUTCOME] = "plan.error.outcome_required"
    comment = _checked_text(
        errors, COMMENT, comment, limit=MAX_TEXT, required=decision is PlanStatus.RETURNED
    )
    if plan is not None and decision is not None and set(errors) == {FORM}:
        return _decided_before(session, plan=plan, user=user, decision=decision, comment=comment)
    if errors or plan is None or decision is None:
        raise _refuse(session, errors)
    now = datetime.now(UTC)
    deciding = (
        update(ActionPlan)
        .where(col(ActionPlan.id) == plan.id, col(ActionPlan.status) == PlanStatus.SUBMITTED)
        .values(status=decision, comment=comment, decided_at=now, decided_by_user_id=user.id)
    )
    if decision is PlanStatus.APPROVED:
        deciding = deciding.values(first_approved_at=func.coalesce(col(ActionPlan.first_approved_at), now))
    if not _made(session, deciding):
        return _decided_before(session, plan=plan, user=user, decision=decision, comment=comment)
    kind = AuditKind.PLAN_APPROVED if decision is PlanStatus.APPROVED else AuditKind.PLAN_RETURNED
    record(session=session, contract_id=contract.id, user=user, kind=kind, comment=comment)
    session.commit()
    session.refresh(plan)
    return plan


def _decided_before(
    session: Session, *, plan: ActionPlan, user: User, decision: PlanStatus, comment: str
) -> ActionPlan:
    """The answer to a decision that finds the plan no longer submitted: done when it is this user's same
    decision with the same comment (the same request twice), the refusal of a plan not submitted
    otherwise. Read anew, as it stands after the other request's commit."""
    session.rollback()
    if (plan.status, plan.decided_by_user_id, plan.comment) == (decision, user.id, comment):
        return plan
    raise FormInvalid({FORM: "plan.error.not_submitted"})


def add_note(
    *, session: Session, contract: Contract, user: User, action: PlanAction, text: str
) -> ActionNote:
    """A progress note on the action by either party, dated now."""
    if not may_add_note(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the parties add notes")
    action_id = _own_action_id(contract, action)
    errors: dict[str, str] = {}
    text = _checked_text(errors, TEXT, text, limit=MAX_TEXT, required=True)
    if errors:
        raise _refuse(session, errors)
    note = ActionNote(action_id=action_id, user_id=user.id, text=text)
    session.add(note)
    record(
        session=session,
        contract_id=contract.id,
        user=user,
        kind=AuditKind.ACTION_NOTE_ADDED,
        action_id=action_id,
        title=action.title,
    )
    session.commit()
    session.refresh(note)
    return note


def verify_action(
    *, session: Session, contract: Contract, user: User, action: PlanAction, verification: str, comment: str
) -> PlanAction:
    """The contract manager's judgement of a done action: verified, or not sufficient with a comment. A
    later judgement replaces an earlier one, each recorded; the same judgement by the same user again (a
    double click) changes nothing and records nothing. An action the supplier moved from done meanwhile
    is refused as one that is not done."""
    if not may_decide_plan(user=user, contract=contract) or contract.id is None or user.id is None:
        raise PermissionError("only the contract's buyer side verifies actions")
    action_id = _own_action_id(contract, action)
    _lock(session, contract)
    session.refresh(action)
    errors: dict[str, str] = {}
    if action.status is not ActionStatus.DONE:
        errors[FORM] = "plan.error.not_done"
    verdict = Verification(verification) if verification in set(Verification) else None
    if verdict is None:
        errors[VERIFICATION] = "plan.error.verification_required"
    comment = _checked_text(
        errors, COMMENT, comment, limit=MAX_TEXT, required=verdict is Verification.NOT_SUFFICIENT
    )
    if errors or verdict is None:
        raise _refuse(session, errors)
    verifying = (
        update(PlanAction)
        .where(
            col(PlanAction.id) == action_id,
            col(PlanAction.status) == ActionStatus.DONE,
            or_(  # not already this user's same judgement
                col(PlanAction.verification).is_(None),
                col(PlanAction.verification) != verdict,
                col(PlanAction.verification_comment) != comment,
                col(PlanAction.verified_by_user_id).is_(None),
                col(PlanAction.verified_by_user_id) != user.id,
            ),
        )
        .values(
            verification=verdict,
            verification_comment=comment,
            verified_at=datetime.now(UTC),
            verified_by_user_id=user.id,
        )
    )
    if not _made(session, verifying):
        session.rollback()  # read anew: moved from done, or judged so already
        if action.status is not ActionStatus.DONE:
            raise FormInvalid({FORM: "plan.error.not_done"})
        return action
    record(
        session=session,
        contract_id=contract.id,
        user=user,
        kind=AuditKind.ACTION_VERIFIED,
        action_id=action_id,
        title=action.title,
        verification=verdict.value,
        comment=comment,
    )
    session.commit()
    session.refresh(action)
    return action


@dataclass(frozen=True, slots=True)
class RiskRow:
    """A prioritised risk as the plan shows it: the site's name and country, the theme, the inherent and
    residual level, whether an action covers it, and whether it is new and uncovered since the plan's
    version (the carry-over's flag)."""

    value: str
    node: str
    name: str
    country: str
    theme: str
    level: Level
    residual: Level
    covered: bool
    flagged: bool


@dataclass(frozen=True, slots=True)
class ActionRow:
    """An action as the plan's table shows it, with its risks named, whether it is overdue and whether it
    is due after the contract's term ends (allowed: a measure may take longer than the contract, but the
    buyer side cannot follow it up then, so the page says so)."""

    action: PlanAction
    risks: tuple[str, ...]
    overdue: bool
    after_term: bool = False


@dataclass(frozen=True, slots=True)
class DetachedRow:
    """A risk an action was tied to whose site the monitored version no longer has."""

    action: PlanAction
    node: str
    name: str
    theme: str


@dataclass(frozen=True)
class PlanView:
    """What the plan page shows a party: the monitored version (None before one is accepted), the plan,
    the prioritised risks with coverage and residual level, the actions, the carry-over to a newer
    version, and what this user may do."""

    version: ChainVersion | None
    plan: ActionPlan | None
    risks: tuple[RiskRow, ...]
    share: float
    actions: tuple[ActionRow, ...]
    detached: tuple[DetachedRow, ...]
    new_uncovered: tuple[RiskRow, ...]
    carried_from: ChainVersion | None
    submitted_by: str
    decided_by: str
    may_edit: bool
    may_decide: bool
    kinds: tuple[ActionKind, ...] = tuple(ActionKind)

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.actions if row.overdue)


def _site_name(analysed: VersionAnalysis | None, node: str) -> str:
    if analysed is None or node not in analysed.nodes:
        return node
    return analysed.nodes[node].name


def _risk_label(analysed: VersionAnalysis, key: RiskKey, lang: Lang) -> str:
    node, theme = key
    return f"{_site_name(analysed, node)} · {theme_label(theme, lang)}"


def plan_view(
    *, session: Session, contract: Contract, user: User, today: date, lang: Lang, reference: ReferenceData
) -> PlanView:
    """The plan page's content for `user`, a party to the contract (stores the monitored version's
    prioritised risks on first use, see `prioritised_hotspots`)."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    version = monitored_version(session=session, contract_id=contract.id)
    plan = plan_of(session=session, contract_id=contract.id)
    actions = plan_actions(session=session, contract_id=contract.id)
    keys = action_risks(session=session, action_ids=[action.id for action in actions if action.id])
    planned = [as_planned(action, keys[action.id]) for action in actions if action.id is not None]
    names = user_names(
        session=session,
        ids={
            user_id
            for user_id in (
                plan.submitted_by_user_id if plan else None,
                plan.decided_by_user_id if plan else None,
            )
            if user_id is not None
        },
    )
    prioritised: list[Hotspot] = []
    analysed: VersionAnalysis | None = None
    detached: list[DetachedRow] = []
    new_uncovered: set[RiskKey] = set()
    carried_from: ChainVersion | None = None
    if version is not None:
        prioritised = prioritised_hotspots(session=session, version=version, reference=reference)
        analysed = version_analysis(version, reference=reference)
        old = session.get(ChainVersion, plan.version_id) if plan is not None else None
        if old is not None and old.number < version.number:
            carried_from = old
            old_analysed = version_analysis(old, reference=reference)
            carried = carry_over(
                planned,
                new_nodes=set(analysed.nodes),
                old_hotspots=prioritised_hotspots(session=session, version=old, reference=reference),
                new_hotspots=prioritised,
            )
            by_id = {action.id: action for action in actions}
            detached = [
                DetachedRow(
                    by_id[item.action], item.risk[0], _site_name(old_analysed, item.risk[0]), item.risk[1]
                )
                for item in carried.detached
            ]
            new_uncovered = {risk_key(hotspot) for hotspot in carried.new_uncovered}
    covered = coverage(prioritised, planned)
    residual = {(item.node, item.theme): item.level for item in residual_risk(prioritised, planned)}
    covered_keys = {risk_key(hotspot) for hotspot in covered.covered}
    rows = tuple(
        RiskRow(
            value=risk_value(risk_key(hotspot)),
            node=hotspot.node,
            name=_site_name(analysed, hotspot.node),
            country=country_text(analysed.nodes[hotspot.node].country, lang, reference=reference)
            if analysed is not None and hotspot.node in analysed.nodes
            else "",
            theme=hotspot.theme,
            level=hotspot.level,
            residual=residual.get(risk_key(hotspot), hotspot.level),
            covered=risk_key(hotspot) in covered_keys,
            flagged=risk_key(hotspot) in new_uncovered,
        )
        for hotspot in prioritised
    )
    action_rows = tuple(
        ActionRow(
            action=action,
            risks=tuple(
                _risk_label(analysed, key, lang) if analysed is not None else f"{key[0]} · {key[1]}"
                for key in keys[action.id]
            ),
            overdue=is_overdue(as_planned(action, keys[action.id]), today=today),
            after_term=action.due_on > contract.end_date,
        )
        for action in actions
        if action.id is not None
    )
    return PlanView(
        version=version,
        plan=plan,
        risks=rows,
        share=covered.share,
        actions=action_rows,
        detached=tuple(detached),
        new_uncovered=tuple(row for row in rows if row.flagged),
        carried_from=carried_from,
        submitted_by=names.get(plan.submitted_by_user_id, "") if plan and plan.submitted_by_user_id else "",
        decided_by=names.get(plan.decided_by_user_id, "") if plan and plan.decided_by_user_id else "",
        may_edit=may_edit_plan(user=user, contract=contract),
        may_decide=may_decide_plan(user=user, contract=contract),
    )


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """A recorded change of an action after the plan's approval: old → new, who, when."""

    at: datetime
    who: str
    field: str
    old: str
    new: str
    reason: str


@dataclass(frozen=True, slots=True)
class NoteRow:
    note: ActionNote
    by: str


@dataclass(frozen=True)
class ActionView:
    """The action page's content: the action, its risks, overdue, due after the contract's term (see
    `ActionRow`), notes (oldest first), its recorded changes, who verified it, and what this user may do."""

    action: PlanAction
    risks: tuple[str, ...]
    overdue: bool
    after_term: bool
    notes: tuple[NoteRow, ...]
    changes: tuple[ChangeRow, ...]
    added: AuditEvent | None
    added_by: str
    verified_by: str
    may_edit: bool
    may_verify: bool
    may_note: bool
    evidence: tuple[Attachment, ...] = ()  # oldest first (web.services.attachments)
    may_add_evidence: bool = False
    statuses: tuple[ActionStatus, ...] = tuple(ActionStatus)
    verifications: tuple[Verification, ...] = tuple(Verification)


def change_value_text(field: str, value: str, lang: Lang) -> str:
    """A recorded old or new value of an action's change (an ISO due date, a status) in `lang`."""
    if field == DUE_ON:
        return date_text(date.fromisoformat(value), lang)
    return web_text(f"plan.action_status.{value}", lang)


def action_view(
    *,
    session: Session,
    contract: Contract,
    user: User,
    action: PlanAction,
    today: date,
    lang: Lang,
    reference: ReferenceData,
) -> ActionView:
    """The action page's content for `user`, a party to the contract."""
    assert action.id is not None  # noqa: S101 - a stored action
    keys = action_risks(session=session, action_ids=[action.id])[action.id]
    version = monitored_version(session=session, contract_id=contract.id) if contract.id else None
    analysed = version_analysis(version, reference=reference) if version is not None else None
    notes = list(
        session.exec(
            select(ActionNote)
            .where(ActionNote.action_id == action.id)
            .order_by(col(ActionNote.at), col(ActionNote.id))
        )
    )
    events = action_events(session=session, action_id=action.id)
    names = user_names(
        session=session,
        ids={note.user_id for note in notes}
        | {event.user_id for event in events if event.user_id is not None}
        | ({action.verified_by_user_id} if action.verified_by_user_id else set()),
    )
    changes = tuple(
        ChangeRow(
            at=event.at,
            who=names.get(event.user_id, "") if event.user_id else "",
            field=str(event.details["field"]),
            old=change_value_text(str(event.details["field"]), str(event.details["old"]), lang),
            new=change_value_text(str(event.details["field"]), str(event.details["new"]), lang),
            reason=str(event.details.get("reason", "")),
        )
        for event in events
        if event.kind is AuditKind.ACTION_CHANGED
    )
    added = next((event for event in events if event.kind is AuditKind.ACTION_ADDED), None)
    return ActionView(
        action=action,
        risks=tuple(
            _risk_label(analysed, key, lang) if analysed is not None else f"{key[0]} · {key[1]}"
            for key in keys
        ),
        overdue=is_overdue(as_planned(action, keys), today=today),
        after_term=action.due_on > contract.end_date,
        notes=tuple(NoteRow(note, names.get(note.user_id, "")) for note in notes),
        changes=changes,
        added=added,
        added_by=names.get(added.user_id, "") if added is not None and added.user_id else "",
        verified_by=names.get(action.verified_by_user_id, "") if action.verified_by_user_id else "",
        may_edit=may_edit_plan(user=user, contract=contract),
        may_verify=may_decide_plan(user=user, contract=contract) and action.status is ActionStatus.DONE,
        may_note=may_add_note(user=user, contract=contract),
        evidence=tuple(action_attachments(session=session, action_id=action.id)),
        may_add_evidence=may_add_evidence(user=user, contract=contract),
    )


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """The contract page's plan section: the plan's status (None without a plan), the coverage share
    (None before a version is accepted or when its risks cannot be read) and the overdue actions."""

    status: PlanStatus | None
    share: float | None
    overdue: int


def plan_summary(
    *, session: Session, contract: Contract, today: date, reference: ReferenceData
) -> PlanSummary:
    """The plan in a few figures, reading the monitored version's kept risks where they are stored."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    plan = plan_of(session=session, contract_id=contract.id)
    planned = planned_actions(session=session, contract_id=contract.id)
    overdue = sum(1 for action in planned if is_overdue(action, today=today))
    version = monitored_version(session=session, contract_id=contract.id)
    share: float | None = None
    if version is not None and version.id is not None:
        kept = stored_hotspots(session=session, version_ids=[version.id]).get(version.id)
        try:
            hotspots = (
                kept
                if kept is not None
                else prioritised_hotspots(session=session, version=version, reference=reference)
            )
            share = coverage(hotspots, planned).share
        except VersionNoLongerValid:
            share = None
    return PlanSummary(status=plan.status if plan else None, share=share, overdue=overdue)
