"""A contract's plan of action for web tests, benchmarks and the demo: an accepted chain version, the plan,
its actions tied to risks, and notes on them.

The rows are written directly (not through web.services.plan), so that many actions are made quickly and
without the analysis of a chain; they write no audit events. Use the plan service in tests of its rules.

- `make_accepted_version`: the supplier's draft submitted and accepted by the buyer side (the monitored
  version); the four-site garment chain when no rows are given, whose prioritised risks start with
  ("BD-CMT", "forced_labour") and ("BD-CMT", "child_labour").
- `make_plan`: the contract's plan (made once) for a version, with a status; approved sets the dates.
- `make_plan_action`: an action tied to risks, made with the plan when the contract has none.
- `make_action_note`: a dated progress note on an action.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Final

from sqlmodel import Session, col, select

from chainmap.chain import ChainRow
from chainmap.monitoring import RiskKey
from models import (
    ActionKind,
    ActionNote,
    ActionPlan,
    ActionRisk,
    ActionStatus,
    ChainVersion,
    Contract,
    PlanAction,
    PlanStatus,
    ReviewDecision,
    User,
    Verification,
)
from tests.factories.chain_versions import make_version
from web.services.chains import review_version

DUE: Final = date(2027, 6, 30)
# The most salient risks of the four-site garment chain (tests.factories.chainfiles.garment_rows).
FORCED_LABOUR_AT_BD: Final[RiskKey] = ("BD-CMT", "forced_labour")
CHILD_LABOUR_AT_BD: Final[RiskKey] = ("BD-CMT", "child_labour")


def make_accepted_version(
    session: Session,
    *,
    contract: Contract,
    supplier: User,
    buyer: User,
    rows: Sequence[ChainRow] | None = None,
) -> ChainVersion:
    """The supplier's draft set to `rows` (the garment chain when None), submitted and accepted by `buyer`."""
    version = make_version(session, contract=contract, supplier=supplier, rows=rows)
    review_version(
        session=session,
        contract=contract,
        version=version,
        user=buyer,
        decision=ReviewDecision.ACCEPTED,
        comment="",
    )
    session.refresh(version)
    return version


def make_plan(
    session: Session,
    *,
    contract: Contract,
    version: ChainVersion,
    status: PlanStatus = PlanStatus.DRAFT,
    decided_by: User | None = None,
    comment: str = "",
) -> ActionPlan:
    """The contract's plan for `version` with `status` (an existing plan is updated); submitted, approved
    and returned plans get their times, approved ones also `first_approved_at`."""
    assert contract.id is not None and version.id is not None
    plan = session.exec(select(ActionPlan).where(ActionPlan.contract_id == contract.id)).first()
    if plan is None:
        plan = ActionPlan(contract_id=contract.id, version_id=version.id)
    now = datetime.now(UTC)
    plan.version_id = version.id
    plan.status = status
    plan.comment = comment
    if status is not PlanStatus.DRAFT:
        plan.submitted_at = plan.submitted_at or now
    if status in (PlanStatus.APPROVED, PlanStatus.RETURNED):
        plan.decided_at = now
        plan.decided_by_user_id = decided_by.id if decided_by is not None else None
    if status is PlanStatus.APPROVED:
        plan.first_approved_at = plan.first_approved_at or now
    session.add(plan)
    session.commit()
    session.refresh(plan)
    return plan


def make_plan_action(
    session: Session,
    *,
    contract: Contract,
    user: User,
    risks: Sequence[RiskKey] = (FORCED_LABOUR_AT_BD,),
    version: ChainVersion | None = None,
    title: str = "Audit naaiatelier",
    description: str = "",
    kind: ActionKind = ActionKind.AUDIT,
    owner: str = "Inkoop Werkkleding BV",
    due_on: date = DUE,
    status: ActionStatus = ActionStatus.PLANNED,
    cancel_reason: str = "",
    verification: Verification | None = None,
    verified_by: User | None = None,
    verification_comment: str = "",
) -> PlanAction:
    """An action of the contract's plan by `user`, tied to `risks`. When the contract has no plan yet, a
    draft plan for `version` is made (the contract's newest version when None)."""
    assert contract.id is not None and user.id is not None
    if session.exec(select(ActionPlan).where(ActionPlan.contract_id == contract.id)).first() is None:
        if version is None:
            version = session.exec(
                select(ChainVersion)
                .where(ChainVersion.contract_id == contract.id)
                .order_by(col(ChainVersion.number).desc())
            ).first()
        assert version is not None, "the contract has no chain version for its plan"
        make_plan(session, contract=contract, version=version)
    action = PlanAction(
        contract_id=contract.id,
        title=title,
        description=description,
        kind=kind,
        owner=owner,
        due_on=due_on,
        status=status,
        cancel_reason=cancel_reason,
        created_by_user_id=user.id,
        verification=verification,
        verification_comment=verification_comment,
        verified_at=datetime.now(UTC) if verification is not None else None,
        verified_by_user_id=verified_by.id if verified_by is not None else None,
    )
    session.add(action)
    session.flush()
    assert action.id is not None
    session.add_all(ActionRisk(action_id=action.id, node_id=node, theme=theme) for node, theme in risks)
    session.commit()
    session.refresh(action)
    return action


def make_action_note(
    session: Session, *, action: PlanAction, user: User, text: str = "Audit ingepland met het atelier."
) -> ActionNote:
    """A progress note by `user` on `action`, dated now."""
    assert action.id is not None and user.id is not None
    note = ActionNote(action_id=action.id, user_id=user.id, text=text)
    session.add(note)
    session.commit()
    session.refresh(note)
    return note
