"""Attacks on joining an organisation without its consent that the first round of tests
(test_organisation_consent.py) does not cover: a supplier organisation left without members that other
buyers' contracts still name, two invitees racing into an empty supplier, a duplicate's members carried
into the real supplier by a merge, a request made through a link the buyer was handed, and the link's page
as an oracle for accounts of other organisations."""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from models import Contract, MembershipRequest, Organisation, OrganisationKind, Role, User
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_auth import csrf, log_in
from tests.web.test_organisation_consent import (
    LINK,
    NEW_PASSWORD,
    SUPPLIER,
    SUPPLIER_MEMBER,
    accept,
    make_victim_contract,
    real_supplier,
)
from web.services import invitations as invitations_service
from web.services.admin import remove_from_organisation
from web.services.invitations import accept_invitation, create_invitation

OTHER_BUYER = "Gemeente Elders"
OTHER_BUYER_USER = "inkoper@elders.example"
# An address that looks like a colleague's at the supplier, chosen by the other buyer.
LOOKALIKE = "jan.devries@werkkleding.example"


def invite_through_the_form(client: TestClient, contract_id: int, email: str, **fields: str) -> str:
    """Invite on the contract page (no SMTP: the link is shown to the buyer) and take the link's token."""
    data = {"email": email, "csrf_token": csrf(client), **fields}
    response = client.post(f"/contracts/{contract_id}/invitations", data=data)
    assert response.status_code == 200, response.text
    found = LINK.search(response.text)
    assert found is not None
    return found.group(2)


@pytest.fixture
def victim_contract(session: Session) -> Contract:
    return make_victim_contract(session)


def sees_victim_contract(client: TestClient, email: str, victim: Contract) -> bool:
    client.cookies.clear()
    if log_in(client, email, NEW_PASSWORD) != 303:
        return False
    return client.get(f"/contracts/{victim.id}", follow_redirects=False).status_code == 200


def test_a_supplier_left_without_members_is_not_open_to_another_buyers_invitee(
    client: TestClient, session: Session, victim_contract: Contract
) -> None:
    """The admin removes the supplier's last member (who left the company). Another municipality that
    also works with the supplier invites an address of its own: joining at once would hand it the
    supplier's contracts with every other buyer. An organisation is open to an invitee without a
    request only while nobody else's contract names it."""
    own = make_contract(session, buyer=OTHER_BUYER, supplier=SUPPLIER, reference="ELDERS-1")
    make_user(session, email=OTHER_BUYER_USER, organisation=OTHER_BUYER)
    member = session.exec(select(User).where(User.email == SUPPLIER_MEMBER)).one()
    remove_from_organisation(session=session, user=member)

    assert log_in(client, OTHER_BUYER_USER) == 303
    token = invite_through_the_form(client, own.id or 0, "prive@aanvaller.example")
    accept(client, token, full_name="Aanvaller")
    session.expire_all()
    assert session.exec(select(User).where(User.email == "prive@aanvaller.example")).first() is None
    assert session.exec(select(MembershipRequest)).one().organisation_id == real_supplier(session).id
    assert not sees_victim_contract(client, "prive@aanvaller.example", victim_contract)


def test_two_invitees_racing_into_an_empty_supplier_do_not_both_join_without_consent(
    session: Session, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two links to a new, empty supplier accepted at the same moment: the organisation has no members
    when both look, so both would join at once. The second to write must make a request instead."""
    contract = make_contract(session, buyer=OTHER_BUYER, supplier=None, reference="NIEUW-1")
    buyer = make_user(session, email=OTHER_BUYER_USER, organisation=OTHER_BUYER)
    _first, first_token = create_invitation(
        session=session,
        contract=contract,
        user=buyer,
        email="echt@leverancier.example",
        supplier_name="Nieuwe Leverancier BV",
        valid_for=timedelta(days=1),
    )
    session.refresh(contract)
    _second, second_token = create_invitation(
        session=session,
        contract=contract,
        user=buyer,
        email="spion@elders.example",
        valid_for=timedelta(days=1),
    )

    real_hash: Callable[[str], str] = invitations_service.hash_password
    raced: list[bool] = []

    def hash_while_the_other_accepts(password: str) -> str:
        """The slow Argon2 hash of the first accept is when the second one runs, start to end."""
        if not raced:
            raced.append(True)
            with Session(engine) as other:
                accept_invitation(
                    session=other,
                    token=second_token,
                    full_name="Spion",
                    password=NEW_PASSWORD,
                    password_repeat=NEW_PASSWORD,
                )
        return real_hash(password)

    monkeypatch.setattr(invitations_service, "hash_password", hash_while_the_other_accepts)
    first = accept_invitation(
        session=session,
        token=first_token,
        full_name="Echte Leverancier",
        password=NEW_PASSWORD,
        password_repeat=NEW_PASSWORD,
    )
    assert raced
    session.expire_all()
    organisation_id = session.get(Contract, contract.id).supplier_organisation_id  # type: ignore[union-attr]
    members = session.exec(select(User).where(User.organisation_id == organisation_id)).all()
    requests = session.exec(select(MembershipRequest)).all()
    assert len(members) == 1 and len(requests) == 1, (first, members, requests)


def test_merging_a_buyers_duplicate_does_not_admit_its_members_without_the_suppliers_consent(
    client: TestClient, session: Session, victim_contract: Contract
) -> None:
    """Another municipality types the supplier's name (a new, empty organisation), invites an address
    that looks like a colleague's at the supplier, takes the link from the page (no SMTP) and joins at
    once. The admin sees a duplicate of the same name whose member has the supplier's domain, and merges
    it: the other municipality's person would be a member of the real supplier and read its contract with
    the victim municipality. The merge asks the admin to confirm the members who would join (the admin's
    approval standing in for the members', as for a request); without it, nothing moves."""
    make_user(session, email=OTHER_BUYER_USER, organisation=OTHER_BUYER)
    assert log_in(client, OTHER_BUYER_USER) == 303
    own = make_contract(session, buyer=OTHER_BUYER, supplier=None, reference="ELDERS-2")
    token = invite_through_the_form(client, own.id or 0, LOOKALIKE, supplier_name=SUPPLIER)
    assert accept(client, token) == 303  # its own, empty duplicate: joined at once
    session.expire_all()
    duplicate_id = session.get(Contract, own.id).supplier_organisation_id  # type: ignore[union-attr]

    admin = make_user(session, email="beheer@chainmap.example", role=Role.ADMIN, organisation=None)
    client.cookies.clear()
    assert log_in(client, admin.email) == 303
    real = real_supplier(session)
    page = client.get(f"/admin/organisations/{duplicate_id}").text
    assert LOOKALIKE in page and 'name="members_confirmed"' in page  # the admin sees who would join
    response = client.post(
        f"/admin/organisations/{duplicate_id}/merge",
        data={"target_id": str(real.id), "csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert response.status_code == 400 and "bevestig eerst dat ze daar werken" in response.text
    session.expire_all()
    assert session.get(Organisation, duplicate_id) is not None
    assert not sees_victim_contract(client, LOOKALIKE, victim_contract)


def test_a_request_through_a_link_the_buyer_was_handed_is_not_shown_as_the_addressee_asking(
    client: TestClient, session: Session, victim_contract: Contract
) -> None:
    """A municipality that works with the supplier invites a made-up colleague's address, is shown the
    link, sets the name and password itself and waits for a member who recognises the name and domain."""
    own = make_contract(session, buyer=OTHER_BUYER, supplier=SUPPLIER, reference="ELDERS-3")
    make_user(session, email=OTHER_BUYER_USER, organisation=OTHER_BUYER)
    assert log_in(client, OTHER_BUYER_USER) == 303
    token = invite_through_the_form(client, own.id or 0, LOOKALIKE)
    assert accept(client, token) == 200  # a request, waiting
    assert log_in(client, SUPPLIER_MEMBER) == 303
    page = client.get("/organisation").text
    row = re.search(r'<tr id="membership-request-\d+">.*?</tr>', page, flags=re.S)
    assert row is not None and LOOKALIKE in row.group(0)
    assert OTHER_BUYER_USER in row.group(0) or OTHER_BUYER in row.group(0)


def test_the_link_the_buyer_was_shown_does_not_tell_it_which_addresses_have_an_account_elsewhere(
    client: TestClient, session: Session, victim_contract: Contract
) -> None:
    own = make_contract(session, buyer=OTHER_BUYER, supplier="Eigen Leverancier BV", reference="EIGEN-1")
    make_user(session, email=OTHER_BUYER_USER, organisation=OTHER_BUYER)
    answers = []
    for email in (SUPPLIER_MEMBER, "niemand@nergens.example"):
        client.cookies.clear()
        assert log_in(client, OTHER_BUYER_USER) == 303
        token = invite_through_the_form(client, own.id or 0, email)
        # an empty form: nothing is made, the link stays open, and the answer is all the buyer wants
        response = client.post(f"/invitations/{token}", data={"csrf_token": csrf(client)})
        answers.append((response.status_code, "andere organisatie" in response.text))
    assert answers[0] == answers[1]
    session.expire_all()
    assert session.exec(select(Organisation).where(Organisation.kind == OrganisationKind.SUPPLIER)).all()


def test_a_deactivated_buyer_cannot_use_the_links_it_was_shown(client: TestClient, session: Session) -> None:
    """A buyer who leaves the municipality (deactivated by the admin) kept the links the page showed it
    (no SMTP): one of them, for an address of its own, would give it a supplier account on its former
    employer's contract for another fourteen days."""
    own = make_contract(session, buyer=OTHER_BUYER, supplier=None, reference="ELDERS-4")
    leaver = make_user(session, email=OTHER_BUYER_USER, organisation=OTHER_BUYER)
    assert log_in(client, OTHER_BUYER_USER) == 303
    token = invite_through_the_form(client, own.id or 0, "prive@vertrokken.example", supplier_name="Nieuw BV")
    admin = make_user(session, email="beheer@chainmap.example", role=Role.ADMIN, organisation=None)
    client.cookies.clear()
    assert log_in(client, admin.email) == 303
    deactivated = client.post(
        f"/admin/users/{leaver.id}/deactivate", data={"csrf_token": csrf(client)}, follow_redirects=False
    )
    assert deactivated.status_code == 303
    assert accept(client, token, full_name="Vertrokken Inkoper") in (404, 410)
    assert not sees_victim_contract(client, "prive@vertrokken.example", own)
