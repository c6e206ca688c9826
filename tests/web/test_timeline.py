"""The contract's timeline, read from the append-only audit log: submitting, reviewing, inviting,
accepting and escalating each write an event in the same transaction; the page lists them oldest first
in the page's language; both parties see it, anyone else gets 404; earlier events never change."""

from datetime import date, timedelta
from typing import Final

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from chainmap.reference import load_reference
from models import AuditEvent, AuditKind, ReviewDecision, Role
from tests.factories.chain_versions import make_version
from tests.factories.contracts import make_contract
from tests.factories.users import PASSWORD, make_user
from tests.web.test_contracts import log_in
from web.services.chains import ChainRefused, ReviewRefused, review_version, submit_draft
from web.services.errors import FormInvalid
from web.services.escalation import record_step
from web.services.invitations import accept_invitation, create_invitation

INVITED: Final = "nieuw@werkkleding.nl"
COMMENT: Final = "Graag de spinnerij toevoegen."
REASON: Final = "Plan van aanpak te laat"
NL_ENTRIES: Final = (
    "Uitnodiging gestuurd aan nieuw@werkkleding.nl",
    "Uitnodiging aangenomen door nieuw@werkkleding.nl",
    "Ketenversie 1 ingediend (4 locaties)",
    "Ketenversie 1 beoordeeld: herziening gevraagd",
    "Escalatiestap vastgelegd: dialoog per 20 mei 2027 (was: geen escalatie)",
)
EN_ENTRIES: Final = (
    "Invitation sent to nieuw@werkkleding.nl",
    "Invitation accepted by nieuw@werkkleding.nl",
    "Chain version 1 submitted (4 sites)",
    "Chain version 1 reviewed: revision requested",
    "Escalation step recorded: dialogue from 20 May 2027 (was: no escalation)",
)


def events(session: Session) -> list[dict[str, object]]:
    session.expire_all()
    return [event.model_dump() for event in session.exec(select(AuditEvent).order_by(col(AuditEvent.id)))]


@pytest.fixture
def history(session: Session) -> int:
    """A contract on which every kind of event happened, once each, in the order of NL_ENTRIES; checks
    after each action that the events before it are unchanged (append-only)."""
    contract = make_contract(session)
    buyer = make_user(session, email="inkoper@testdorp.nl")
    buyer.full_name = "Ingrid Inkoper"
    session.add(buyer)
    session.commit()
    make_user(session, email="anders@elders.nl", organisation="Gemeente Elders")
    make_user(session, email="verkoop@andere.nl", role=Role.SUPPLIER, organisation="Andere Leverancier BV")
    seen: list[dict[str, object]] = []

    def appended(kind: AuditKind) -> None:
        now = events(session)
        assert now[: len(seen)] == seen, "an earlier event changed"
        assert [event["kind"] for event in now[len(seen) :]] == [kind]
        seen[:] = now

    _invitation, token = create_invitation(
        session=session, contract=contract, user=buyer, email=INVITED, valid_for=timedelta(days=14)
    )
    appended(AuditKind.INVITATION_SENT)
    accepted = accept_invitation(
        session=session, token=token, full_name="Sam Leverancier", password=PASSWORD, password_repeat=PASSWORD
    )
    appended(AuditKind.INVITATION_ACCEPTED)
    version = make_version(session, contract=contract, supplier=accepted.user)
    appended(AuditKind.CHAIN_SUBMITTED)
    review_version(
        session=session,
        contract=contract,
        version=version,
        user=buyer,
        decision=ReviewDecision.REVISION_REQUESTED,
        comment=COMMENT,
    )
    appended(AuditKind.CHAIN_REVIEWED)
    record_step(
        session=session,
        contract=contract,
        user=buyer,
        step="dialogue",
        on="2027-05-20",
        reason=REASON,
        today=date(2027, 6, 1),
    )
    appended(AuditKind.ESCALATION_RECORDED)
    assert contract.id is not None
    return contract.id


def test_each_action_writes_its_event_with_its_facts(session: Session, history: int) -> None:
    written = events(session)
    assert [(event["kind"], event["details"]) for event in written] == [
        (AuditKind.INVITATION_SENT, {"email": INVITED}),
        (AuditKind.INVITATION_ACCEPTED, {"email": INVITED}),
        (AuditKind.CHAIN_SUBMITTED, {"number": 1, "sites": 4}),
        (AuditKind.CHAIN_REVIEWED, {"number": 1, "decision": "revision_requested", "comment": COMMENT}),
        (
            AuditKind.ESCALATION_RECORDED,
            {"step": "dialogue", "previous": "resolved", "on": "2027-05-20", "reason": REASON},
        ),
    ]
    assert {event["contract_id"] for event in written} == {history}
    assert all(event["user_id"] is not None for event in written)


@pytest.mark.parametrize(
    ("email", "headers", "entries"),
    [
        ("verkoop@werkkleding.nl", {}, NL_ENTRIES),  # the invited supplier
        ("nieuw@werkkleding.nl", {"Accept-Language": "en"}, EN_ENTRIES),
        ("inkoper@testdorp.nl", {}, NL_ENTRIES),
    ],
)
def test_both_parties_see_the_timeline_oldest_first_in_their_language(
    client: TestClient,
    session: Session,
    history: int,
    email: str,
    headers: dict[str, str],
    entries: tuple[str, ...],
) -> None:
    if email == "verkoop@werkkleding.nl":
        make_user(session, email=email, role=Role.SUPPLIER, organisation="Werkkleding BV")
    log_in(client, email)
    assert f'href="/contracts/{history}/timeline"' in client.get(f"/contracts/{history}").text
    response = client.get(f"/contracts/{history}/timeline", headers=headers)
    assert response.status_code == 200
    page = response.text
    positions = [page.find(entry) for entry in entries]
    assert -1 not in positions, [entry for entry in entries if entry not in page]
    assert positions == sorted(positions)
    assert COMMENT in page and REASON in page
    assert "Ingrid Inkoper" in page and "Sam Leverancier" in page


@pytest.mark.parametrize("email", ["anders@elders.nl", "verkoop@andere.nl"])
def test_an_outsider_gets_404_and_sees_nothing(client: TestClient, history: int, email: str) -> None:
    log_in(client, email)
    response = client.get(f"/contracts/{history}/timeline")
    assert response.status_code == 404
    assert COMMENT not in response.text and INVITED not in response.text


def test_a_contract_without_events_says_so(client: TestClient, session: Session) -> None:
    contract = make_contract(session)
    make_user(session, email="inkoper@testdorp.nl")
    log_in(client, "inkoper@testdorp.nl")
    assert "Er is nog niets gebeurd." in client.get(f"/contracts/{contract.id}/timeline").text


def test_a_refused_action_writes_no_event(session: Session) -> None:
    contract = make_contract(session)
    buyer = make_user(session, email="inkoper@testdorp.nl")
    supplier = make_user(
        session, email="verkoop@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
    )
    with pytest.raises(ChainRefused):  # an empty draft
        submit_draft(session=session, contract=contract, user=supplier, reference=load_reference())
    version = make_version(session, contract=contract, supplier=supplier)
    with pytest.raises(ReviewRefused):  # a revision request without a comment
        review_version(
            session=session,
            contract=contract,
            version=version,
            user=buyer,
            decision=ReviewDecision.REVISION_REQUESTED,
            comment=" ",
        )
    with pytest.raises(FormInvalid):
        create_invitation(
            session=session, contract=contract, user=buyer, email="geen-adres", valid_for=timedelta(days=1)
        )
    assert [event["kind"] for event in events(session)] == [AuditKind.CHAIN_SUBMITTED]
