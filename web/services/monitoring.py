"""What the monitoring pages share: a contract's plan actions as the core's `PlannedAction`s, the chain
version the monitoring follows, and each version's prioritised risks, kept once analysed.

The pure rules (coverage, residual risk, overdue, carry-over, reporting periods) are in
`chainmap.monitoring`; this module only reads the tables into the shapes those functions take.
"""

from collections.abc import Iterable

from sqlalchemy import select as sql_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from chainmap.analysis import Hotspot
from chainmap.monitoring import PlannedAction, prioritised_risks
from chainmap.reference import ReferenceData
from chainmap.themes import Level
from models import (
    ActionRisk,
    ChainReview,
    ChainVersion,
    PlanAction,
    ReviewDecision,
    Verification,
    VersionRisk,
    VersionRiskSummary,
)
from web.services.review import version_analysis


def as_planned(action: PlanAction, risks: Iterable[tuple[str, str]]) -> PlannedAction:
    """The core's view of a stored action: its id, risks, status, due date and verification."""
    if action.id is None:
        raise ValueError("the action is not stored yet")
    verified = None if action.verification is None else action.verification is Verification.VERIFIED
    return PlannedAction(
        id=action.id, risks=frozenset(risks), status=action.status, due=action.due_on, verified=verified
    )


def action_risks(*, session: Session, action_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """The (site id, theme) risks of each of these actions, in one query, sorted."""
    risks: dict[int, list[tuple[str, str]]] = {action_id: [] for action_id in action_ids}
    if not action_ids:
        return risks
    query = select(ActionRisk).where(col(ActionRisk.action_id).in_(action_ids))
    for risk in session.exec(query):
        risks[risk.action_id].append((risk.node_id, risk.theme))
    return {action_id: sorted(keys) for action_id, keys in risks.items()}


def plan_actions(*, session: Session, contract_id: int) -> list[PlanAction]:
    """The contract's actions, earliest due first (then in the order they were made)."""
    query = (
        select(PlanAction)
        .where(PlanAction.contract_id == contract_id)
        .order_by(col(PlanAction.due_on), col(PlanAction.id))
    )
    return list(session.exec(query))


def actions_and_risks(
    *, session: Session, contract_id: int
) -> tuple[list[PlanAction], dict[int, list[tuple[str, str]]]]:
    """The contract's actions (`plan_actions`) and the sorted risks of each by its id (`action_risks`)."""
    actions = plan_actions(session=session, contract_id=contract_id)
    risks = action_risks(
        session=session, action_ids=[action.id for action in actions if action.id is not None]
    )
    return actions, risks


def planned_actions(*, session: Session, contract_id: int) -> list[PlannedAction]:
    """The contract's actions as the core's `PlannedAction`s, for coverage, residual risk and overdue."""
    actions, risks = actions_and_risks(session=session, contract_id=contract_id)
    return [as_planned(action, risks[action.id]) for action in actions if action.id is not None]


def monitored_version(*, session: Session, contract_id: int) -> ChainVersion | None:
    """The chain version the monitoring follows: the newest version the buyer accepted, if any."""
    query = (
        select(ChainVersion)
        .join(ChainReview, col(ChainReview.version_id) == col(ChainVersion.id))
        .where(ChainVersion.contract_id == contract_id, ChainReview.decision == ReviewDecision.ACCEPTED)
        .order_by(col(ChainVersion.number).desc())
        .limit(1)
    )
    return session.exec(query).first()


def stored_hotspots(*, session: Session, version_ids: list[int]) -> dict[int, list[Hotspot]]:
    """The kept prioritised risks of those of these versions that were analysed, ranked, in one query
    (without reasons: the lists over many contracts show scores and levels only). The columns are read
    as plain rows, not as `VersionRisk` objects: the dashboard reads some ten thousand of them."""
    if not version_ids:
        return {}
    analysed = session.exec(
        select(VersionRiskSummary.version_id).where(col(VersionRiskSummary.version_id).in_(version_ids))
    ).all()
    hotspots: dict[int, list[Hotspot]] = {version_id: [] for version_id in analysed}
    query = (
        sql_select(
            col(VersionRisk.version_id),
            col(VersionRisk.node_id),
            col(VersionRisk.theme),
            col(VersionRisk.level),
            col(VersionRisk.salience),
            col(VersionRisk.severity),
            col(VersionRisk.likelihood),
            col(VersionRisk.exposure),
        )
        .where(col(VersionRisk.version_id).in_(list(hotspots)))
        .order_by(col(VersionRisk.version_id), col(VersionRisk.rank))
    )
    levels = {int(level): level for level in Level}
    for version_id, node, theme, level, salience, severity, likelihood, exposure in (
        session.connection().execute(query).all()
    ):
        hotspots[version_id].append(
            Hotspot(
                node=node,
                theme=theme,
                level=levels[level],
                salience=salience,
                severity=severity,
                likelihood=likelihood,
                exposure=exposure,
                reasons=(),
            )
        )
    return hotspots


def prioritised_hotspots(
    *, session: Session, version: ChainVersion, reference: ReferenceData
) -> list[Hotspot]:
    """The version's prioritised risks (`chainmap.monitoring.prioritised_risks`), ranked, with their
    reasons: analysed (and kept in memory) by `web.services.review.version_analysis`, and stored on first
    use so that `stored_hotspots` reads them for lists over many contracts. Storing them commits the
    session, so call this before making changes of one's own. Raises `VersionNoLongerValid` for a version
    that today's checks refuse."""
    if version.id is None:
        raise ValueError("the version is not stored yet")
    prioritised = prioritised_risks(version_analysis(version, reference=reference).hotspots)
    if session.get(VersionRiskSummary, version.id) is None:
        session.add(VersionRiskSummary(version_id=version.id, prioritised=len(prioritised)))
        session.add_all(
            VersionRisk(
                version_id=version.id,
                node_id=hotspot.node,
                theme=hotspot.theme,
                rank=rank,
                level=int(hotspot.level),
                salience=hotspot.salience,
                severity=hotspot.severity,
                likelihood=hotspot.likelihood,
                exposure=hotspot.exposure,
            )
            for rank, hotspot in enumerate(prioritised, start=1)
        )
        try:
            session.commit()
        except IntegrityError:  # another request stored them meanwhile; theirs are the same
            session.rollback()
    return prioritised
