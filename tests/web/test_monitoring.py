"""web.services.monitoring: the stored actions read as the core's shapes, the monitored version (the newest
accepted one), and each version's prioritised risks, stored once and read back with the same ranks."""

from datetime import date

from sqlmodel import Session, func, select

from chainmap.monitoring import ActionStatus, prioritised_risks
from chainmap.reference import load_reference
from models import ReviewDecision, Role, Verification, VersionRisk, VersionRiskSummary
from tests.factories.chain_versions import make_version
from tests.factories.contracts import make_contract
from tests.factories.plan import (
    CHILD_LABOUR_AT_BD,
    FORCED_LABOUR_AT_BD,
    make_accepted_version,
    make_plan_action,
)
from tests.factories.users import make_user
from web.services.chains import review_version
from web.services.monitoring import (
    monitored_version,
    planned_actions,
    prioritised_hotspots,
    stored_hotspots,
)
from web.services.review import version_analysis


def test_planned_actions_read_risks_status_due_date_and_verification(session: Session) -> None:
    contract = make_contract(session)
    supplier = make_user(session, email="s@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV")
    buyer = make_user(session, email="b@testdorp.nl")
    make_accepted_version(session, contract=contract, supplier=supplier, buyer=buyer)
    later = make_plan_action(
        session, contract=contract, user=supplier, risks=[CHILD_LABOUR_AT_BD, FORCED_LABOUR_AT_BD]
    )
    done = make_plan_action(
        session,
        contract=contract,
        user=supplier,
        due_on=date(2027, 3, 1),
        status=ActionStatus.DONE,
        verification=Verification.NOT_SUFFICIENT,
    )
    actions = planned_actions(session=session, contract_id=contract.id or 0)
    assert [action.id for action in actions] == [done.id, later.id]  # earliest due first
    assert actions[0].verified is False and actions[0].status is ActionStatus.DONE
    assert actions[1].risks == frozenset({CHILD_LABOUR_AT_BD, FORCED_LABOUR_AT_BD})
    assert actions[1].verified is None and actions[1].due == later.due_on
    other = make_contract(session, reference="ANDER-1")
    assert planned_actions(session=session, contract_id=other.id or 0) == []


def test_the_monitored_version_is_the_newest_accepted_one(session: Session) -> None:
    contract = make_contract(session)
    supplier = make_user(session, email="s@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV")
    buyer = make_user(session, email="b@testdorp.nl")
    assert contract.id is not None
    assert monitored_version(session=session, contract_id=contract.id) is None
    first = make_accepted_version(session, contract=contract, supplier=supplier, buyer=buyer)
    second = make_version(session, contract=contract, supplier=supplier)  # awaiting review
    monitored = monitored_version(session=session, contract_id=contract.id)
    assert monitored is not None and monitored.id == first.id
    review_version(
        session=session,
        contract=contract,
        version=second,
        user=buyer,
        decision=ReviewDecision.REVISION_REQUESTED,
        comment="Graag aanvullen.",
    )
    monitored = monitored_version(session=session, contract_id=contract.id)
    assert monitored is not None and monitored.id == first.id
    third = make_accepted_version(session, contract=contract, supplier=supplier, buyer=buyer)
    monitored = monitored_version(session=session, contract_id=contract.id)
    assert monitored is not None and monitored.id == third.id


def test_prioritised_hotspots_are_stored_once_and_read_back_with_the_same_ranks(session: Session) -> None:
    contract = make_contract(session)
    supplier = make_user(session, email="s@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV")
    buyer = make_user(session, email="b@testdorp.nl")
    version = make_accepted_version(session, contract=contract, supplier=supplier, buyer=buyer)
    assert version.id is not None
    reference = load_reference()
    session.exec(VersionRisk.__table__.delete())  # type: ignore[attr-defined]
    session.exec(VersionRiskSummary.__table__.delete())  # type: ignore[attr-defined]
    session.commit()
    assert stored_hotspots(session=session, version_ids=[version.id]) == {}
    expected = prioritised_risks(version_analysis(version, reference=reference).hotspots)
    assert [(hotspot.node, hotspot.theme) for hotspot in expected[:2]] == [
        FORCED_LABOUR_AT_BD,
        CHILD_LABOUR_AT_BD,
    ]
    first = prioritised_hotspots(session=session, version=version, reference=reference)
    second = prioritised_hotspots(session=session, version=version, reference=reference)
    assert first == second == expected
    stored = session.exec(select(func.count()).select_from(VersionRisk)).one()
    assert stored == len(expected)
    summary = session.get(VersionRiskSummary, version.id)
    assert summary is not None and summary.prioritised == len(expected)
    read_back = stored_hotspots(session=session, version_ids=[version.id])[version.id]
    assert [(h.node, h.theme, h.level) for h in read_back] == [(h.node, h.theme, h.level) for h in expected]
    assert [h.salience for h in read_back] == [h.salience for h in expected]
