"""Nobody joins an organisation without its consent: the attack of a buyer who names an existing supplier
(by a new contract or by an invitation), invites an address of its own and accepts the link, and the
requests to join that the supplier's members (or the admin) approve or refuse."""

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from models import (
    Contract,
    Invitation,
    MembershipRequest,
    MembershipStatus,
    Notification,
    NotificationKind,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_auth import csrf, log_in
from web.services.invitations import create_invitation

SUPPLIER = "Werkkleding Nederland BV"
SUPPLIER_MEMBER = "leverancier@werkkleding.example"
VICTIM_BUYER = "Gemeente Voorbeeldstad"
ATTACKER = "inkoper@elders.example"
ATTACKER_PRIVATE = "prive@aanvaller.example"
NEW_PASSWORD = "een-lang-nieuw-wachtwoord"
LINK = re.compile(r'value="(https?://[^"]+/invitations/([A-Za-z0-9_-]+))"')


def make_victim_contract(session: Session) -> Contract:
    """The real supplier, with a member, on another municipality's contract."""
    contract = make_contract(session, buyer=VICTIM_BUYER, supplier=SUPPLIER, reference="VICTIM-1")
    make_user(session, email=SUPPLIER_MEMBER, role=Role.SUPPLIER, organisation=SUPPLIER)
    return contract


@pytest.fixture
def victim_contract(session: Session) -> Contract:
    return make_victim_contract(session)


@pytest.fixture
def attacker(client: TestClient, session: Session) -> User:
    user = make_user(session, email=ATTACKER, role=Role.BUYER, organisation="Gemeente Elders")
    assert log_in(client, ATTACKER) == 303
    return user


def real_supplier(session: Session) -> Organisation:
    return session.exec(
        select(Organisation).where(Organisation.name == SUPPLIER).order_by(col(Organisation.id))
    ).first() or pytest.fail("no supplier")


def invited(session: Session, contract: Contract, *, role: Role = Role.BUYER) -> str:
    """The token of an invitation of ATTACKER_PRIVATE to `contract` by a buyer-side user of its buyer."""
    inviter = make_user(
        session, email=f"{role.value}@voorbeeldstad.example", role=role, organisation=VICTIM_BUYER
    )
    _invitation, token = create_invitation(
        session=session, contract=contract, user=inviter, email=ATTACKER_PRIVATE, valid_for=timedelta(days=14)
    )
    return token


def accept(client: TestClient, token: str, full_name: str = "Aanvaller", password: str = NEW_PASSWORD) -> int:
    """Accept the invitation as a visitor would, with a name and password; the answer's status."""
    client.cookies.clear()
    data = {
        "full_name": full_name,
        "password": password,
        "password_repeat": password,
        "csrf_token": csrf(client),
    }
    return client.post(f"/invitations/{token}", data=data, follow_redirects=False).status_code


def invite_and_take_link(client: TestClient, contract_id: int, **fields: str) -> str:
    data = {"email": ATTACKER_PRIVATE, "csrf_token": csrf(client), **fields}
    response = client.post(f"/contracts/{contract_id}/invitations", data=data)
    assert response.status_code == 200, response.text
    found = LINK.search(response.text)
    assert found is not None
    return found.group(2)


def assert_locked_out_of_the_victim(client: TestClient, session: Session, victim: Contract) -> None:
    """The attacker's new account is not a member of the real supplier and sees nothing of its contract."""
    session.expire_all()
    account = session.exec(select(User).where(User.email == ATTACKER_PRIVATE)).first()
    assert account is None or account.organisation_id != real_supplier(session).id
    client.cookies.clear()
    if account is not None:
        assert log_in(client, ATTACKER_PRIVATE, NEW_PASSWORD) == 303
    assert client.get(f"/contracts/{victim.id}", follow_redirects=False).status_code in (303, 404)
    assert "VICTIM-1" not in client.get("/contracts").text


def test_naming_an_existing_supplier_on_a_new_contract_makes_a_new_organisation(
    client: TestClient, session: Session, victim_contract: Contract, attacker: User
) -> None:
    data = {
        "title": "Werkkleding",
        "reference": "ELDERS-1",
        "cpv": "18100000",
        "start_date": "2027-01-01",
        "end_date": "2028-12-31",
        "reporting_schedule": "yearly",
        "supplier_name": SUPPLIER,
        "csrf_token": csrf(client),
    }
    response = client.post("/contracts/new", data=data, follow_redirects=False)
    assert response.status_code == 303
    own = session.exec(select(Contract).where(Contract.reference == "ELDERS-1")).one()
    assert own.supplier_organisation_id != real_supplier(session).id
    token = invite_and_take_link(client, own.id or 0)
    assert accept(client, token) == 303  # the attacker's own, empty organisation: joined at once
    assert_locked_out_of_the_victim(client, session, victim_contract)


def test_picking_a_supplier_the_buyer_does_not_work_with_by_its_id_is_refused(
    client: TestClient, session: Session, victim_contract: Contract, attacker: User
) -> None:
    data = {
        "title": "Werkkleding",
        "reference": "ELDERS-2",
        "cpv": "18100000",
        "start_date": "2027-01-01",
        "end_date": "2028-12-31",
        "reporting_schedule": "yearly",
        "supplier_id": str(real_supplier(session).id),
        "csrf_token": csrf(client),
    }
    response = client.post("/contracts/new", data=data)
    assert response.status_code == 400
    assert session.exec(select(Contract).where(Contract.reference == "ELDERS-2")).first() is None
    assert SUPPLIER not in client.get("/contracts/new").text  # not offered either


def test_naming_an_existing_supplier_in_an_invitation_makes_a_new_organisation(
    client: TestClient, session: Session, victim_contract: Contract, attacker: User
) -> None:
    own = make_contract(session, buyer="Gemeente Elders", supplier=None, reference="ELDERS-3")
    token = invite_and_take_link(client, own.id or 0, supplier_name=SUPPLIER)
    session.expire_all()
    stored = session.get(Contract, own.id)
    assert stored is not None and stored.supplier_organisation_id != real_supplier(session).id
    assert accept(client, token) == 303
    assert_locked_out_of_the_victim(client, session, victim_contract)
    suppliers = session.exec(select(Organisation).where(Organisation.kind == OrganisationKind.SUPPLIER)).all()
    assert [organisation.name for organisation in suppliers] == [SUPPLIER, SUPPLIER]


def test_an_invitation_into_a_supplier_with_members_waits_for_a_members_approval(
    client: TestClient, session: Session, victim_contract: Contract
) -> None:
    """Even the supplier's own buyer cannot add a member: the account exists only after approval."""
    token = invited(session, victim_contract)
    client.cookies.clear()
    page = client.get(f"/invitations/{token}")
    assert page.status_code == 200
    data = {"full_name": "Nieuwe Collega", "password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD}
    response = client.post(f"/invitations/{token}", data={**data, "csrf_token": csrf(client)})
    assert response.status_code == 200 and "keurt goed wie erbij komt" in response.text
    assert session.exec(select(User).where(User.email == ATTACKER_PRIVATE)).first() is None
    assert log_in(client, ATTACKER_PRIVATE, NEW_PASSWORD) == 400
    assert accept(client, token) == 410  # the link is used up
    [request] = session.exec(select(MembershipRequest)).all()
    assert request.status is MembershipStatus.PENDING and NEW_PASSWORD not in request.hashed_password

    # the member is told, and approves on the organisation's page
    member = session.exec(select(User).where(User.email == SUPPLIER_MEMBER)).one()
    [notification] = session.exec(select(Notification).where(Notification.user_id == member.id)).all()
    assert notification.kind is NotificationKind.MEMBERSHIP_REQUESTED
    assert log_in(client, SUPPLIER_MEMBER) == 303
    assert "/organisation#membership-requests" in client.get("/notifications").text
    page_text = client.get("/organisation").text
    assert ATTACKER_PRIVATE in page_text and "VICTIM-1" in page_text
    assert "Uitgenodigd door Test Gebruiker (buyer@voorbeeldstad.example)" in page_text
    assert "Adres niet bevestigd" in page_text  # the link was not e-mailed
    approved = client.post(
        f"/organisation/requests/{request.id}/approve",
        data={"csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert approved.status_code == 303
    session.expire_all()
    joined = session.exec(select(User).where(User.email == ATTACKER_PRIVATE)).one()
    assert joined.organisation_id == real_supplier(session).id and joined.role is Role.SUPPLIER
    assert log_in(client, ATTACKER_PRIVATE, NEW_PASSWORD) == 303
    assert client.get(f"/contracts/{victim_contract.id}").status_code == 200
    invitation = session.exec(select(Invitation)).one()
    assert invitation.user_id == joined.id
    # the account has the hash now; the request keeps none (a later new password leaves no old hash behind)
    assert session.get(MembershipRequest, request.id).hashed_password == ""  # type: ignore[union-attr]
    # decided once: a second decision is refused
    assert log_in(client, SUPPLIER_MEMBER) == 303
    again = client.post(f"/organisation/requests/{request.id}/refuse", data={"csrf_token": csrf(client)})
    assert again.status_code == 409 and "al besloten" in again.text


def test_a_refused_request_makes_no_account(
    client: TestClient, session: Session, victim_contract: Contract
) -> None:
    token = invited(session, victim_contract)
    assert accept(client, token) == 200
    request = session.exec(select(MembershipRequest)).one()
    assert log_in(client, SUPPLIER_MEMBER) == 303
    response = client.post(
        f"/organisation/requests/{request.id}/refuse",
        data={"csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    session.expire_all()
    assert session.exec(select(User).where(User.email == ATTACKER_PRIVATE)).first() is None
    refused = session.get(MembershipRequest, request.id)
    assert refused is not None and refused.status is MembershipStatus.REFUSED
    assert refused.hashed_password == ""  # the refused invitee's chosen password is not kept
    assert ATTACKER_PRIVATE not in client.get("/organisation").text


@pytest.mark.parametrize(
    ("email", "role", "organisation"),
    [
        ("inkoper@voorbeeldstad.example", Role.BUYER, VICTIM_BUYER),  # the supplier's own buyer
        ("verkoop@andere.example", Role.SUPPLIER, "Andere BV"),  # another supplier
    ],
)
def test_only_members_and_the_admin_decide(
    client: TestClient,
    session: Session,
    victim_contract: Contract,
    email: str,
    role: Role,
    organisation: str,
) -> None:
    token = invited(session, victim_contract, role=Role.CONTRACT_MANAGER)
    assert accept(client, token) == 200
    request = session.exec(select(MembershipRequest)).one()
    make_user(session, email=email, role=role, organisation=organisation)
    assert log_in(client, email) == 303
    assert ATTACKER_PRIVATE not in client.get("/organisation").text
    response = client.post(f"/organisation/requests/{request.id}/approve", data={"csrf_token": csrf(client)})
    assert response.status_code == 404
    session.expire_all()
    assert session.exec(select(User).where(User.email == ATTACKER_PRIVATE)).first() is None

    admin = make_user(session, email="beheer@chainmap.example", role=Role.ADMIN, organisation=None)
    assert log_in(client, admin.email) == 303
    supplier_page = client.get(f"/admin/organisations/{real_supplier(session).id}").text
    assert ATTACKER_PRIVATE in supplier_page
    for decision in ("approve", "refuse"):
        stale = client.post(
            f"/organisation/requests/{request.id}/{decision}", data={"csrf_token": "verlopen"}
        )
        assert stale.status_code == 400 and "Het formulier is verlopen" in stale.text
    response = client.post(
        f"/organisation/requests/{request.id}/approve",
        data={"csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    session.expire_all()
    assert session.exec(select(User).where(User.email == ATTACKER_PRIVATE)).one().organisation_id == (
        real_supplier(session).id
    )


def test_the_first_invitee_of_a_new_supplier_joins_at_once(client: TestClient, session: Session) -> None:
    contract = make_contract(session, supplier=None, reference="NIEUW-1")
    buyer = make_user(session, email="inkoper@testdorp.example")
    _invitation, token = create_invitation(
        session=session,
        contract=contract,
        user=buyer,
        email="eerste@leverancier.example",
        supplier_name="Nieuwe Leverancier BV",
        valid_for=timedelta(days=1),
    )
    assert accept(client, token, full_name="Eerste Lid") == 303
    assert session.exec(select(MembershipRequest)).first() is None


def test_the_invitation_form_answers_alike_for_an_address_with_an_account_elsewhere(
    client: TestClient, session: Session, victim_contract: Contract, attacker: User
) -> None:
    own = make_contract(
        session, buyer="Gemeente Elders", supplier="Eigen Leverancier BV", reference="EIGEN-1"
    )
    answers = []
    for email in (SUPPLIER_MEMBER, "niemand@nergens.example"):
        data = {"email": email, "csrf_token": csrf(client)}
        response = client.post(f"/contracts/{own.id}/invitations", data=data)
        masked = LINK.sub("LINK", response.text).replace(email, "EMAIL")
        answers.append((response.status_code, re.sub(r"<tbody>.*</tbody>", "", masked, flags=re.S)))
    assert answers[0] == answers[1]


def test_the_admin_merges_a_duplicate_supplier_and_removes_or_deactivates_a_member(
    client: TestClient, session: Session, victim_contract: Contract
) -> None:
    duplicate_contract = make_contract(session, buyer="Gemeente Elders", supplier=None, reference="ELDERS-9")
    duplicate = Organisation(name=SUPPLIER, kind=OrganisationKind.SUPPLIER)
    session.add(duplicate)
    session.commit()
    duplicate_contract.supplier_organisation_id = duplicate.id
    session.add(duplicate_contract)
    session.commit()
    colleague = make_user(session, email="collega@werkkleding.example", role=Role.SUPPLIER, organisation=None)
    colleague.organisation_id = duplicate.id
    session.add(colleague)
    session.commit()
    admin = make_user(session, email="beheer@chainmap.example", role=Role.ADMIN, organisation=None)
    assert log_in(client, admin.email) == 303
    real, duplicate_id = real_supplier(session), duplicate.id
    page = client.get(f"/admin/organisations/{duplicate_id}").text
    assert f'<option value="{real.id}">' in page
    response = client.post(
        f"/admin/organisations/{duplicate_id}/merge",
        data={"target_id": str(real.id), "members_confirmed": "yes", "csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert (response.status_code, response.headers["location"]) == (303, f"/admin/organisations/{real.id}")
    session.expire_all()
    assert session.get(Organisation, duplicate_id) is None
    assert session.get(Contract, duplicate_contract.id).supplier_organisation_id == real.id  # type: ignore[union-attr]
    moved = session.get(User, colleague.id)
    assert moved is not None and moved.organisation_id == real.id

    member = session.exec(select(User).where(User.email == SUPPLIER_MEMBER)).one()
    token = {"csrf_token": csrf(client)}
    assert (
        client.post(f"/admin/users/{member.id}/deactivate", data=token, follow_redirects=False).status_code
        == 303
    )
    assert (
        client.post(f"/admin/users/{moved.id}/remove", data=token, follow_redirects=False).status_code == 303
    )
    session.expire_all()
    assert not session.get(User, member.id).is_active  # type: ignore[union-attr]
    assert session.get(User, moved.id).organisation_id is None  # type: ignore[union-attr]
    assert log_in(client, SUPPLIER_MEMBER) == 400
    assert log_in(client, "collega@werkkleding.example") == 303
    assert client.get(f"/contracts/{victim_contract.id}").status_code == 404


def test_a_requests_name_is_shown_as_text(
    client: TestClient, session: Session, victim_contract: Contract
) -> None:
    token = invited(session, victim_contract)
    markup = '<img src=x onerror="alert(1)">'
    assert accept(client, token, full_name=markup) == 200
    admin = make_user(session, email="beheer@chainmap.example", role=Role.ADMIN, organisation=None)
    for email, path in (
        (SUPPLIER_MEMBER, "/organisation"),
        (admin.email, f"/admin/organisations/{real_supplier(session).id}"),
    ):
        assert log_in(client, email) == 303
        page = client.get(path).text
        assert markup not in page and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
