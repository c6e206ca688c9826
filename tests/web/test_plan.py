"""The plan of action: the supplier proposes, edits and submits actions, the buyer side approves or sends
the plan back, changes after approval are shown old → new, both parties add notes, the contract manager
verifies done actions, overdue actions are marked, and a newly accepted version flags its new risks."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from chainmap.reference import load_reference
from models import (
    ActionPlan,
    ActionStatus,
    AuditEvent,
    AuditKind,
    ChainVersion,
    Contract,
    PlanAction,
    PlanStatus,
    Role,
    User,
    Verification,
)
from tests.factories.chainfiles import garment_rows, make_row
from tests.factories.contracts import make_contract
from tests.factories.plan import (
    CHILD_LABOUR_AT_BD,
    FORCED_LABOUR_AT_BD,
    make_accepted_version,
    make_action_note,
    make_plan,
    make_plan_action,
)
from tests.factories.users import make_user
from tests.web.test_contracts import csrf, log_in
from web.services import plan as plan_service
from web.services.errors import FormInvalid
from web.services.plan import (
    decide_plan,
    plan_view,
    propose_action,
    risk_value,
    submit_plan,
    update_action,
    verify_action,
)

TODAY: Final = date(2027, 6, 1)
EN: Final = {"Accept-Language": "en"}
SUPPLIER: Final = "verkoop@werkkleding.nl"
BUYER: Final = "inkoper@testdorp.nl"
MANAGER: Final = "cm@testdorp.nl"


@dataclass
class Parties:
    contract: Contract
    version: ChainVersion
    supplier: User
    buyer: User
    manager: User

    @property
    def id(self) -> int:
        assert self.contract.id is not None
        return self.contract.id


@pytest.fixture
def parties(session: Session, client: TestClient) -> Parties:
    client.app.state.today = lambda: TODAY  # type: ignore[attr-defined]
    contract = make_contract(session)
    supplier = make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
    buyer = make_user(session, email=BUYER)
    manager = make_user(session, email=MANAGER, role=Role.CONTRACT_MANAGER)
    version = make_accepted_version(session, contract=contract, supplier=supplier, buyer=buyer)
    return Parties(contract, version, supplier, buyer, manager)


def as_user(client: TestClient, email: str) -> None:
    client.cookies.clear()
    log_in(client, email)


def propose(client: TestClient, contract_id: int, **fields: object) -> Response:
    data: dict[str, object] = {
        "title": "Audit naaiatelier Dhaka",
        "description": "Sociale audit door een onafhankelijke partij",
        "kind": "audit",
        "owner": "Inkoop",
        "due_on": "2027-09-30",
        "risks": [risk_value(FORCED_LABOUR_AT_BD), risk_value(CHILD_LABOUR_AT_BD)],
        **fields,
    }
    data.setdefault("csrf_token", csrf(client))
    return client.post(f"/contracts/{contract_id}/plan/actions", data=data, follow_redirects=False)


def post(client: TestClient, url: str, **fields: str) -> Response:
    return client.post(url, data={"csrf_token": csrf(client), **fields}, follow_redirects=False)


def edit(client: TestClient, contract_id: int, action: PlanAction, **fields: str) -> Response:
    data = {
        "title": action.title,
        "description": action.description,
        "owner": action.owner,
        "due_on": action.due_on.isoformat(),
        "status": action.status.value,
        "cancel_reason": "",
        **fields,
    }
    return post(client, f"/contracts/{contract_id}/actions/{action.id}", **data)


def count(session: Session, model: type[PlanAction] | type[AuditEvent]) -> int:
    session.expire_all()
    return session.exec(select(func.count()).select_from(model)).one()


def reread(session: Session, action: PlanAction) -> PlanAction:
    """The action as stored now."""
    session.refresh(action)
    return action


def only_plan(session: Session) -> ActionPlan:
    session.expire_all()
    return session.exec(select(ActionPlan)).one()


def test_the_plan_waits_for_an_accepted_version(client: TestClient, session: Session) -> None:
    contract = make_contract(session)
    make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
    as_user(client, SUPPLIER)
    page = client.get(f"/contracts/{contract.id}/plan").text
    assert "Het plan van aanpak begint zodra een ketenversie is geaccepteerd." in page
    assert 'name="risks"' not in page
    response = propose(client, contract.id or 0)
    assert response.status_code == 400
    assert "Acties worden voorgesteld zodra een ketenversie is geaccepteerd." in response.text
    english = client.get(f"/contracts/{contract.id}/plan", headers=EN).text
    assert "The plan of action starts once a chain version is accepted." in english


def test_the_supplier_proposes_an_action_on_prioritised_risks(
    client: TestClient, session: Session, parties: Parties
) -> None:
    as_user(client, SUPPLIER)
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert "Dekking: 0%" in page and "niet gedekt" in page
    # the risks are offered most severe first: forced labour at the Dhaka site leads
    assert page.index(risk_value(FORCED_LABOUR_AT_BD)) < page.index(risk_value(CHILD_LABOUR_AT_BD))
    response = propose(client, parties.id)
    assert response.status_code == 303
    assert response.headers["location"] == f"/contracts/{parties.id}/plan#actions"
    plan = only_plan(session)
    assert plan.status is PlanStatus.DRAFT and plan.version_id == parties.version.id
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert "Audit naaiatelier Dhaka" in page and "30 september 2027" in page and "gepland" in page
    assert "Site BD-CMT · dwangarbeid" in page and "gedekt" in page
    assert "Dekking: 0%" not in page
    # before the first approval adding is writing the plan, not a change
    assert count(session, AuditEvent) == 2  # the version's submission and acceptance
    english = client.get(f"/contracts/{parties.id}/plan", headers=EN).text
    assert "Plan of action" in english and "planned" in english and "Site BD-CMT · forced labour" in english


@pytest.mark.parametrize(
    ("fields", "field_error"),
    [
        ({"title": " "}, "Vul een titel in."),
        ({"owner": ""}, "Vul in wie de actie uitvoert."),
        ({"kind": "magic"}, "Kies een soort maatregel."),
        ({"due_on": "morgen"}, "Vul een uiterste datum in."),
        ({"due_on": "2027-05-31"}, "De uiterste datum ligt in het verleden."),
        ({"risks": []}, "Kies ten minste één risico."),
        ({"risks": ["forced_labour:NOWHERE"]}, "Kies risico&#39;s uit de geprioriteerde risico&#39;s"),
        ({"risks": ["nonsense"]}, "Kies risico&#39;s uit de geprioriteerde risico&#39;s"),
    ],
)
def test_a_refused_action_says_why_and_saves_nothing(
    client: TestClient, session: Session, parties: Parties, fields: dict[str, object], field_error: str
) -> None:
    as_user(client, SUPPLIER)
    response = propose(client, parties.id, **fields)
    assert response.status_code == 400
    assert field_error in response.text
    assert count(session, PlanAction) == 0


def test_only_the_supplier_proposes_and_only_the_buyer_side_decides(
    client: TestClient, session: Session, parties: Parties
) -> None:
    as_user(client, BUYER)
    assert propose(client, parties.id).status_code == 403
    make_plan_action(session, contract=parties.contract, user=parties.supplier)
    make_plan(session, contract=parties.contract, version=parties.version, status=PlanStatus.SUBMITTED)
    as_user(client, SUPPLIER)
    decision = post(client, f"/contracts/{parties.id}/plan/decision", outcome="approved")
    assert decision.status_code == 403
    assert only_plan(session).status is PlanStatus.SUBMITTED


def test_submit_approve_and_changes_after_approval_are_shown_old_to_new(
    client: TestClient, session: Session, parties: Parties
) -> None:
    as_user(client, SUPPLIER)
    submitted = post(client, f"/contracts/{parties.id}/plan/submit")
    assert submitted.status_code == 400 and "Stel ten minste één actie voor" in submitted.text
    assert propose(client, parties.id).status_code == 303
    assert post(client, f"/contracts/{parties.id}/plan/submit").status_code == 303
    assert only_plan(session).status is PlanStatus.SUBMITTED
    # while the buyer side decides, the supplier changes nothing
    refused = propose(client, parties.id, title="Nog een actie")
    assert refused.status_code == 400 and "wacht op het besluit" in refused.text

    as_user(client, MANAGER)
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert "ingediend" in page and 'name="outcome"' in page
    assert post(client, f"/contracts/{parties.id}/plan/decision", outcome="approved").status_code == 303
    plan = only_plan(session)
    assert plan.status is PlanStatus.APPROVED and plan.first_approved_at is not None

    as_user(client, SUPPLIER)
    action = session.exec(select(PlanAction)).one()
    assert edit(client, parties.id, action, due_on="2027-10-31").status_code == 303
    session.refresh(action)
    assert edit(client, parties.id, action, status="in_progress").status_code == 303
    assert propose(client, parties.id, title="Training naaisters").status_code == 303
    page = client.get(f"/contracts/{parties.id}/actions/{action.id}").text
    assert "uiterste datum: 30 september 2027 → 31 oktober 2027" in page
    assert "status: gepland → in uitvoering" in page and "Test Gebruiker" in page
    english = client.get(f"/contracts/{parties.id}/actions/{action.id}", headers=EN).text
    assert "due date: 30 September 2027 → 31 October 2027" in english
    kinds = [event.kind for event in session.exec(select(AuditEvent).order_by(AuditEvent.id))]  # type: ignore[arg-type]
    assert kinds[2:] == [
        AuditKind.PLAN_SUBMITTED,
        AuditKind.PLAN_APPROVED,
        AuditKind.ACTION_CHANGED,
        AuditKind.ACTION_CHANGED,
        AuditKind.ACTION_ADDED,
    ]
    timeline = client.get(f"/contracts/{parties.id}/timeline").text
    assert "Plan van aanpak goedgekeurd" in timeline
    assert "Actie “Training naaisters” toegevoegd" in timeline
    assert "Actie “Audit naaiatelier Dhaka”: status gepland → in uitvoering" in timeline


def test_sending_back_needs_a_comment_and_the_supplier_submits_again(
    client: TestClient, session: Session, parties: Parties
) -> None:
    make_plan_action(session, contract=parties.contract, user=parties.supplier)
    make_plan(session, contract=parties.contract, version=parties.version, status=PlanStatus.SUBMITTED)
    as_user(client, BUYER)
    refused = post(client, f"/contracts/{parties.id}/plan/decision", outcome="returned", comment=" ")
    assert refused.status_code == 400 and "Zeg in een opmerking wat er moet veranderen." in refused.text
    assert only_plan(session).status is PlanStatus.SUBMITTED
    comment = "Neem ook de spinnerij mee."
    assert (
        post(
            client, f"/contracts/{parties.id}/plan/decision", outcome="returned", comment=comment
        ).status_code
        == 303
    )
    as_user(client, SUPPLIER)
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert "teruggestuurd" in page and comment in page and "Plan indienen" in page
    assert post(client, f"/contracts/{parties.id}/plan/submit").status_code == 303
    assert only_plan(session).status is PlanStatus.SUBMITTED
    timeline = client.get(f"/contracts/{parties.id}/timeline", headers=EN).text
    assert "Plan of action sent back" in timeline and comment in timeline


def test_cancelling_needs_a_reason(client: TestClient, session: Session, parties: Parties) -> None:
    action = make_plan_action(session, contract=parties.contract, user=parties.supplier)
    make_plan(session, contract=parties.contract, version=parties.version, status=PlanStatus.APPROVED)
    as_user(client, SUPPLIER)
    refused = edit(client, parties.id, action, status="cancelled")
    assert refused.status_code == 400 and "Geef de reden van annulering." in refused.text
    session.refresh(action)
    assert action.status is ActionStatus.PLANNED
    reason = "Het atelier levert niet meer."
    assert edit(client, parties.id, action, status="cancelled", cancel_reason=reason).status_code == 303
    cancelled = reread(session, action)
    assert cancelled.status is ActionStatus.CANCELLED and cancelled.cancel_reason == reason
    page = client.get(f"/contracts/{parties.id}/actions/{action.id}").text
    assert f"status: gepland → geannuleerd ({reason})" in page


def test_both_parties_add_notes(client: TestClient, session: Session, parties: Parties) -> None:
    action = make_plan_action(session, contract=parties.contract, user=parties.supplier)
    for email, text in ((SUPPLIER, "Auditor gekozen."), (MANAGER, "Graag het rapport delen.")):
        as_user(client, email)
        assert (
            post(client, f"/contracts/{parties.id}/actions/{action.id}/notes", text=text).status_code == 303
        )
    refused = post(client, f"/contracts/{parties.id}/actions/{action.id}/notes", text="  ")
    assert refused.status_code == 400 and "Schrijf een notitie." in refused.text
    page = client.get(f"/contracts/{parties.id}/actions/{action.id}").text
    assert page.index("Auditor gekozen.") < page.index("Graag het rapport delen.")
    assert "Voortgangsnotities" in page
    events = session.exec(select(AuditEvent).where(AuditEvent.kind == AuditKind.ACTION_NOTE_ADDED)).all()
    assert [event.action_id for event in events] == [action.id, action.id]


def test_verification_rules(client: TestClient, session: Session, parties: Parties) -> None:
    action = make_plan_action(session, contract=parties.contract, user=parties.supplier)
    make_plan(session, contract=parties.contract, version=parties.version, status=PlanStatus.APPROVED)
    url = f"/contracts/{parties.id}/actions/{action.id}/verification"
    as_user(client, MANAGER)
    not_done = post(client, url, verification="verified")
    assert not_done.status_code == 400 and "Alleen een afgeronde actie wordt geverifieerd." in not_done.text
    as_user(client, SUPPLIER)
    assert post(client, url, verification="verified").status_code == 403
    assert edit(client, parties.id, action, status="done").status_code == 303
    as_user(client, MANAGER)
    no_comment = post(client, url, verification="not_sufficient", comment="")
    assert no_comment.status_code == 400 and "Zeg in een opmerking" in no_comment.text
    assert post(client, url, verification="not_sufficient", comment="Geen auditrapport.").status_code == 303
    session.refresh(action)
    assert action.verification is Verification.NOT_SUFFICIENT
    assert "onvoldoende" in client.get(f"/contracts/{parties.id}/actions/{action.id}").text
    assert post(client, url, verification="verified").status_code == 303
    verified = reread(session, action)
    assert (
        verified.verification is Verification.VERIFIED and verified.verified_by_user_id == parties.manager.id
    )
    # the verified risk's residual level is one lower: very high → high
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert "zeer hoog → hoog" in page
    # the supplier reopens the action: the verification is cleared
    as_user(client, SUPPLIER)
    session.refresh(action)
    assert edit(client, parties.id, action, status="in_progress").status_code == 303
    session.refresh(action)
    assert action.verification is None and action.verified_by_user_id is None


def test_overdue_actions_are_marked_on_a_fixed_day(
    client: TestClient, session: Session, parties: Parties
) -> None:
    make_plan_action(session, contract=parties.contract, user=parties.supplier, due_on=date(2027, 5, 31))
    make_plan_action(session, contract=parties.contract, user=parties.supplier, title="Op tijd", due_on=TODAY)
    make_plan_action(
        session,
        contract=parties.contract,
        user=parties.supplier,
        title="Klaar",
        due_on=date(2027, 5, 1),
        status=ActionStatus.DONE,
    )
    as_user(client, MANAGER)
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert page.count('class="overdue"') == 1 and page.count(">verlopen<") == 1
    contract_page = client.get(f"/contracts/{parties.id}").text
    assert "Verlopen acties: 1" in contract_page and f"/contracts/{parties.id}/plan" in contract_page
    client.app.state.today = lambda: date(2027, 5, 31)  # type: ignore[attr-defined]
    assert 'class="overdue"' not in client.get(f"/contracts/{parties.id}/plan").text
    english = client.get(f"/contracts/{parties.id}", headers=EN).text
    assert "Overdue actions: 0" in english and "Plan: draft" in english


def test_an_action_due_after_the_contract_ends_is_kept_and_flagged_where_it_is_shown(
    client: TestClient, session: Session, parties: Parties
) -> None:
    end = parties.contract.end_date
    as_user(client, SUPPLIER)
    form = client.get(f"/contracts/{parties.id}/plan").text
    assert 'aria-describedby="action-due-hint"' in form and "Het contract loopt af op" in form
    late = (end + timedelta(days=1)).isoformat()
    assert propose(client, parties.id, title="Na het contract", due_on=late).status_code == 303
    assert propose(client, parties.id, title="Op de laatste dag", due_on=end.isoformat()).status_code == 303
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert page.count("uiterste datum na het einde van het contract") == 1
    late_action = session.exec(select(PlanAction).where(PlanAction.title == "Na het contract")).one()
    on_time = session.exec(select(PlanAction).where(PlanAction.title == "Op de laatste dag")).one()
    english = client.get(f"/contracts/{parties.id}/actions/{late_action.id}", headers=EN).text
    assert "due after the contract ends" in english
    assert "after the contract ends" not in client.get(f"/contracts/{parties.id}/actions/{on_time.id}").text


def test_a_new_accepted_version_carries_the_plan_over_and_flags_new_uncovered_risks(
    client: TestClient, session: Session, parties: Parties
) -> None:
    mill = ("MILL", "child_labour")
    action = make_plan_action(
        session, contract=parties.contract, user=parties.supplier, risks=[FORCED_LABOUR_AT_BD, mill]
    )
    make_plan(session, contract=parties.contract, version=parties.version, status=PlanStatus.APPROVED)
    # version 2: the mill is gone, a Myanmar sewing site is new
    wk, bd, tr = (row for row in garment_rows() if row.id != "MILL")
    rows = [
        wk,
        bd._replace(share="50"),
        tr._replace(share="20"),
        make_row(6, "MM-CMT", "WK", country="MM", activity="cut-make-trim", goods="Garments", share="30"),
    ]
    new = make_accepted_version(
        session, contract=parties.contract, supplier=parties.supplier, buyer=parties.buyer, rows=rows
    )
    as_user(client, SUPPLIER)
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert "Nieuwe ketenversie" in page and "geschreven voor ketenversie 1" in page
    assert "Site MILL" in page and "Audit naaiatelier" in page
    assert "nieuw, niet gedekt" in page and "Site MM-CMT" in page
    assert edit(client, parties.id, action, owner="Duurzaamheid").status_code == 303
    assert only_plan(session).version_id == parties.version.id != new.id
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert "Nieuwe ketenversie" in page and "Site MILL" in page and "nieuw, niet gedekt" in page


def flagged(session: Session, parties: Parties) -> set[str]:
    """The risks the buyer's plan page flags as new and uncovered."""
    session.expire_all()
    view = plan_view(
        session=session,
        contract=parties.contract,
        user=parties.buyer,
        today=TODAY,
        lang="nl",
        reference=load_reference(),
    )
    return {row.value for row in view.new_uncovered}


def test_new_uncovered_risks_stay_flagged_until_an_action_covers_them(
    client: TestClient, session: Session, parties: Parties
) -> None:
    action = make_plan_action(session, contract=parties.contract, user=parties.supplier)
    # version 2 adds a Myanmar sewing site; its prioritised risks are new and no action covers them
    wk, bd, tr, mill = garment_rows()
    rows = [
        wk,
        bd._replace(share="50"),
        tr._replace(share="20"),
        mill,
        make_row(6, "MM-CMT", "WK", country="MM", activity="cut-make-trim", goods="Garments", share="30"),
    ]
    make_accepted_version(
        session, contract=parties.contract, supplier=parties.supplier, buyer=parties.buyer, rows=rows
    )
    new_risks = flagged(session, parties)
    association = risk_value(("MM-CMT", "freedom_of_association"))
    assert association in new_risks and {value.partition(":")[2] for value in new_risks} == {"MM-CMT"}
    as_user(client, SUPPLIER)
    assert edit(client, parties.id, action, title="Audit naaiatelier Dhaka 2027").status_code == 303
    assert flagged(session, parties) == new_risks
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert f"zonder actie: {len(new_risks)}," in page
    assert propose(client, parties.id, title="Audit Yangon", risks=[association]).status_code == 303
    assert flagged(session, parties) == new_risks - {association}
    as_user(client, BUYER)
    page = client.get(f"/contracts/{parties.id}/plan").text
    assert f"zonder actie: {len(new_risks) - 1}," in page


def test_the_service_refuses_another_contracts_action(session: Session, parties: Parties) -> None:
    other = make_contract(session, reference="ANDER-1")
    action = make_plan_action(session, contract=parties.contract, user=parties.supplier)
    make_action_note(session, action=action, user=parties.buyer)
    with pytest.raises(PermissionError):
        update_action(
            session=session,
            contract=other,
            user=parties.supplier,
            action=action,
            title="x",
            description="",
            owner="x",
            due_on="2027-09-30",
            status="planned",
            cancel_reason="",
            today=TODAY,
        )
    with pytest.raises(FormInvalid):
        update_action(
            session=session,
            contract=parties.contract,
            user=parties.supplier,
            action=action,
            title="",
            description="",
            owner="x",
            due_on="2027-09-30",
            status="planned",
            cancel_reason="",
            today=TODAY,
        )


def at_once(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, rival: Callable[[Session], object], *, at: str = "_made"
) -> None:
    """Let `rival`, another request in a session of its own, run to its commit once the next call of the
    plan service has read and checked the state, just before its update (`at`: "_made", or "plan_of" to
    come right after the plan is read): two requests at once that both passed the checks. The contract
    lock is taken away, as SQLite has it (on PostgreSQL it would make the rival wait for this request's
    commit, which one thread cannot show), so the test shows that the conditional update alone holds."""
    original = getattr(plan_service, at)
    ran: list[object] = []

    def rival_first(*args: Any, **kwargs: Any) -> Any:
        if not ran:
            ran.append(True)
            if at == "plan_of":
                found = original(*args, **kwargs)
                with Session(engine) as other:
                    rival(other)
                return found
            with Session(engine) as other:
                rival(other)
        return original(*args, **kwargs)

    monkeypatch.setattr(plan_service, "_lock", lambda session, contract: None)
    monkeypatch.setattr(plan_service, at, rival_first)


def events(session: Session, kind: AuditKind) -> int:
    session.expire_all()
    query = select(func.count()).select_from(AuditEvent).where(AuditEvent.kind == kind)
    return session.exec(query).one()


def submit_as(session: Session, parties: Parties, email: str) -> ActionPlan:
    user = session.exec(select(User).where(User.email == email)).one()
    contract = session.get(Contract, parties.id)
    assert contract is not None
    return submit_plan(session=session, contract=contract, user=user)


def decide_as(session: Session, parties: Parties, outcome: str, comment: str) -> ActionPlan:
    manager = session.get(User, parties.manager.id)
    contract = session.get(Contract, parties.id)
    assert manager is not None and contract is not None
    return decide_plan(session=session, contract=contract, user=manager, outcome=outcome, comment=comment)


def test_a_plan_submitted_twice_at_once_is_submitted_once(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_plan_action(session, contract=parties.contract, user=parties.supplier)
    at_once(monkeypatch, engine, lambda other: submit_as(other, parties, SUPPLIER))
    plan = submit_as(session, parties, SUPPLIER)  # the double click's second request: done
    assert plan.status is PlanStatus.SUBMITTED and plan.submitted_by_user_id == parties.supplier.id
    assert events(session, AuditKind.PLAN_SUBMITTED) == 1


def test_a_colleagues_submit_at_the_same_time_is_refused(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_plan_action(session, contract=parties.contract, user=parties.supplier)
    colleague = make_user(
        session, email="inkoop@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
    )
    at_once(monkeypatch, engine, lambda other: submit_as(other, parties, SUPPLIER))
    with pytest.raises(FormInvalid) as refused:
        submit_as(session, parties, colleague.email)
    assert refused.value.errors == {"form": "plan.error.not_submittable"}
    assert only_plan(session).submitted_by_user_id == parties.supplier.id
    assert events(session, AuditKind.PLAN_SUBMITTED) == 1


@pytest.mark.parametrize(
    ("outcome", "comment", "answer"),
    [("approved", "", "done"), ("approved", "Akkoord", "refused"), ("returned", "Meer acties", "refused")],
)
def test_of_two_decisions_at_once_only_the_first_is_made(
    session: Session,
    engine: Engine,
    parties: Parties,
    monkeypatch: pytest.MonkeyPatch,
    outcome: str,
    comment: str,
    answer: str,
) -> None:
    """The same decision again (a double click) is done; another one (a second tab) is refused and does
    not overwrite the first."""
    make_plan_action(session, contract=parties.contract, user=parties.supplier)
    make_plan(session, contract=parties.contract, version=parties.version, status=PlanStatus.SUBMITTED)
    at_once(monkeypatch, engine, lambda other: decide_as(other, parties, "approved", ""))
    if answer == "done":
        assert decide_as(session, parties, outcome, comment).status is PlanStatus.APPROVED
    else:
        with pytest.raises(FormInvalid) as refused:
            decide_as(session, parties, outcome, comment)
        assert refused.value.errors == {"form": "plan.error.not_submitted"}
    plan = only_plan(session)
    assert plan.status is PlanStatus.APPROVED and plan.comment == ""
    assert events(session, AuditKind.PLAN_APPROVED) == 1 and events(session, AuditKind.PLAN_RETURNED) == 0


def verify_as(
    session: Session, parties: Parties, action_id: int, verification: str, comment: str = ""
) -> PlanAction:
    manager = session.get(User, parties.manager.id)
    contract = session.get(Contract, parties.id)
    action = session.get(PlanAction, action_id)
    assert manager is not None and contract is not None and action is not None
    return verify_action(
        session=session,
        contract=contract,
        user=manager,
        action=action,
        verification=verification,
        comment=comment,
    )


def test_a_verification_sent_twice_at_once_is_recorded_once(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = make_plan_action(
        session, contract=parties.contract, user=parties.supplier, status=ActionStatus.DONE
    )
    assert action.id is not None
    action_id = action.id
    at_once(monkeypatch, engine, lambda other: verify_as(other, parties, action_id, "verified"))
    verified = verify_as(session, parties, action_id, "verified")
    assert verified.verification is Verification.VERIFIED
    assert events(session, AuditKind.ACTION_VERIFIED) == 1


def test_a_verification_of_an_action_moved_from_done_meanwhile_is_refused(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = make_plan_action(
        session, contract=parties.contract, user=parties.supplier, status=ActionStatus.DONE
    )
    assert action.id is not None
    action_id = action.id

    def reopen(other: Session) -> None:
        moved = other.get(PlanAction, action_id)
        assert moved is not None
        moved.status = ActionStatus.IN_PROGRESS
        other.add(moved)
        other.commit()

    at_once(monkeypatch, engine, reopen)
    with pytest.raises(FormInvalid) as refused:
        verify_as(session, parties, action_id, "verified")
    assert refused.value.errors == {"form": "plan.error.not_done"}
    assert reread(session, action).verification is None
    assert events(session, AuditKind.ACTION_VERIFIED) == 0


def propose_as(session: Session, parties: Parties, title: str = "Audit naaiatelier Dhaka") -> PlanAction:
    supplier = session.get(User, parties.supplier.id)
    contract = session.get(Contract, parties.id)
    assert supplier is not None and contract is not None
    return propose_action(
        session=session,
        contract=contract,
        user=supplier,
        title=title,
        description="Sociale audit",
        kind="audit",
        owner="Inkoop",
        due_on="2027-09-30",
        risks=[risk_value(FORCED_LABOUR_AT_BD), risk_value(CHILD_LABOUR_AT_BD)],
        today=TODAY,
        reference=load_reference(),
    )


@pytest.mark.parametrize("at", ["_made", "plan_of"])
def test_an_action_proposed_twice_at_once_is_made_once(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch, at: str
) -> None:
    """A double click on "Actie toevoegen", on a plan with actions ("_made": the second request comes
    when the first has checked the form) and on the first action (“plan_of”: both requests found no plan)."""
    if at == "_made":
        make_plan_action(session, contract=parties.contract, user=parties.supplier, title="Eerder")
    before = count(session, PlanAction)
    at_once(monkeypatch, engine, lambda other: propose_as(other, parties), at=at)
    action = propose_as(session, parties)
    assert count(session, PlanAction) == before + 1
    assert action.title == "Audit naaiatelier Dhaka" and only_plan(session).status is PlanStatus.DRAFT


def test_a_different_action_or_the_same_one_a_minute_later_is_a_second_action(
    session: Session, parties: Parties
) -> None:
    first = propose_as(session, parties)
    assert propose_as(session, parties).id == first.id  # a double click, one after the other
    second = propose_as(session, parties, title="Audit naaiatelier Chittagong")
    assert second.id != first.id
    session.refresh(second)
    second.created_at = second.created_at - plan_service.REPEAT_WINDOW - timedelta(seconds=1)
    session.add(second)
    session.commit()
    third = propose_as(session, parties, title="Audit naaiatelier Chittagong")
    assert third.id not in (first.id, second.id) and count(session, PlanAction) == 3


def mark_done(session: Session, parties: Parties, action_id: int) -> PlanAction:
    """The supplier saves the action as done, as the edit form sends it."""
    supplier = session.get(User, parties.supplier.id)
    contract = session.get(Contract, parties.id)
    action = session.get(PlanAction, action_id)
    assert supplier is not None and contract is not None and action is not None
    return update_action(
        session=session,
        contract=contract,
        user=supplier,
        action=action,
        title=action.title,
        description=action.description,
        owner=action.owner,
        due_on=action.due_on.isoformat(),
        status="done",
        cancel_reason="",
        today=TODAY,
    )


def test_a_status_change_saved_twice_at_once_is_recorded_once(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = make_plan_action(session, contract=parties.contract, user=parties.supplier)
    make_plan(session, contract=parties.contract, version=parties.version, status=PlanStatus.APPROVED)
    assert action.id is not None
    action_id = action.id
    at_once(monkeypatch, engine, lambda other: mark_done(other, parties, action_id), at="plan_of")
    assert mark_done(session, parties, action_id).status is ActionStatus.DONE  # the double click's second
    assert events(session, AuditKind.ACTION_CHANGED) == 1


def test_an_edit_while_the_plan_is_submitted_is_refused(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = make_plan_action(session, contract=parties.contract, user=parties.supplier)
    assert action.id is not None
    action_id = action.id
    at_once(monkeypatch, engine, lambda other: submit_as(other, parties, SUPPLIER))
    with pytest.raises(FormInvalid) as refused:
        mark_done(session, parties, action_id)
    assert refused.value.errors == {"form": "plan.error.awaiting_decision"}
    assert reread(session, action).status is ActionStatus.PLANNED
