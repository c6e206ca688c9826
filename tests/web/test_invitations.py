"""Supplier invitations: the buyer side invites by e-mail address and sees the link once; the invitee sets
a password through the link, once and before it expires, and lands on the contract logged in; the e-mail
goes through a fake SMTP server when one is set up; and nobody else invites or learns anything."""

import hashlib
import re
import smtplib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any, ClassVar, Self, cast

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr, ValidationError
from sqlmodel import Session, col, func, select

from models import Contract, Invitation, Organisation, OrganisationKind, Role, User
from tests.factories.contracts import make_contract
from tests.factories.users import PASSWORD, make_user
from tests.web.test_auth import csrf, log_in
from web.formatting import datetime_text
from web.messages.common import COMMON_MESSAGES
from web.messages.contracts import CONTRACT_MESSAGES
from web.messages.invitations import INVITATION_MESSAGES
from web.security import verify_password
from web.settings import Settings

EN = {"Accept-Language": "en-GB,en;q=0.9"}
HTMX = {"HX-Request": "true"}
BUYER = "inkoper@testdorp.nl"
INVITEE = "verkoop@werkkleding.nl"
NEW_PASSWORD = "een-lang-nieuw-wachtwoord"
LINK = re.compile(r'value="(https?://[^"]+/invitations/([A-Za-z0-9_-]+))"')


@dataclass
class SentMail:
    host: str
    port: int
    starttls: bool = False
    login: tuple[str, str] | None = None
    messages: list[EmailMessage] = field(default_factory=list)


class FakeSMTP:
    """Stands in for smtplib.SMTP: records what would be sent, and refuses when told to. No network."""

    connections: ClassVar[list[SentMail]] = []
    refuse: ClassVar[bool] = False

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.record = SentMail(host=host, port=port)
        FakeSMTP.connections.append(self.record)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def starttls(self, context: object) -> None:
        self.record.starttls = True

    def login(self, user: str, password: str) -> None:
        self.record.login = (user, password)

    def send_message(self, message: EmailMessage) -> None:
        if FakeSMTP.refuse:
            raise smtplib.SMTPRecipientsRefused({str(message["To"]): (550, b"no such mailbox")})
        self.record.messages.append(message)


@pytest.fixture(autouse=True)
def fake_smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeSMTP]]:
    FakeSMTP.connections = []
    FakeSMTP.refuse = False
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    yield FakeSMTP


def configure(client: TestClient, **updates: Any) -> None:
    """Change the running app's settings for this test (the `settings` fixture is per test)."""
    app = cast(FastAPI, client.app)
    app.state.settings = app.state.settings.model_copy(update=updates)


def with_smtp(client: TestClient) -> None:
    configure(
        client,
        smtp_host="smtp.example.nl",
        smtp_port=2525,
        smtp_username="chainmap",
        smtp_password=SecretStr("smtp-secret"),
        smtp_from="chainmap <noreply@example.nl>",
        base_url="https://chainmap.example.nl/",
    )


@pytest.fixture
def contract(session: Session) -> Contract:
    return make_contract(session, title="Werkkleding buitendienst", reference="WK-2027-01")


@pytest.fixture
def buyer_client(client: TestClient, session: Session) -> TestClient:
    make_user(session, email=BUYER, role=Role.BUYER, organisation="Gemeente Testdorp")
    assert log_in(client, BUYER) == 303
    return client


def invite(
    client: TestClient, contract: Contract, headers: dict[str, str] | None = None, **fields: str
) -> Any:
    data = {"email": INVITEE, "csrf_token": csrf(client), **fields}
    return client.post(f"/contracts/{contract.id}/invitations", data=data, headers=headers or {})


def link_in(page: str) -> tuple[str, str]:
    found = LINK.search(page)
    assert found is not None, "no invitation link on the page"
    return found.group(1), found.group(2)


def invitations(session: Session) -> list[Invitation]:
    session.expire_all()
    return list(session.exec(select(Invitation).order_by(col(Invitation.id))))


def user_count(session: Session) -> int:
    session.expire_all()
    return session.exec(select(func.count()).select_from(User)).one()


def accept(client: TestClient, token: str, **fields: str) -> Any:
    data = {
        "full_name": "Fatma Yilmaz",
        "password": NEW_PASSWORD,
        "password_repeat": NEW_PASSWORD,
        "csrf_token": csrf(client),
        **fields,
    }
    return client.post(f"/invitations/{token}", data=data, follow_redirects=False)


def test_invitation_texts_do_not_shadow_others() -> None:
    assert not set(INVITATION_MESSAGES) & (set(COMMON_MESSAGES) | set(CONTRACT_MESSAGES))


def test_a_buyer_invites_and_sees_the_link_once_and_only_its_hash_is_kept(
    buyer_client: TestClient, session: Session, contract: Contract
) -> None:
    page = buyer_client.get(f"/contracts/{contract.id}").text
    assert "Uitnodigingen" in page and 'name="supplier_name"' not in page  # the contract has a supplier

    response = invite(buyer_client, contract, email=" Verkoop@Werkkleding.NL ")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    link, token = link_in(response.text)
    assert link == f"http://127.0.0.1:8000/invitations/{token}"  # Settings.base_url, not the request's host
    assert "E-mail is niet ingesteld in chainmap, dus de link is niet gemaild" in response.text
    [invitation] = invitations(session)
    assert invitation.email == INVITEE and invitation.contract_id == contract.id
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest() and token not in repr(
        invitation
    )
    expires = invitation.expires_at.replace(tzinfo=invitation.expires_at.tzinfo or UTC)
    assert abs(expires - (datetime.now(UTC) + timedelta(days=14))) < timedelta(minutes=1)
    assert f"De link werkt één keer, tot {datetime_text(expires, 'nl')}." in response.text

    page = buyer_client.get(f"/contracts/{contract.id}").text
    assert INVITEE in page and re.search(r"<td>\s*open", page)
    assert datetime_text(invitation.created_at, "nl") in page and datetime_text(expires, "nl") in page
    assert token not in page  # the list shows the status, never the link
    assert buyer_client.get(f"/contracts/{contract.id}/invitations").text.count(token) == 0


def test_the_invitee_sets_a_password_is_logged_in_and_lands_on_the_contract(
    buyer_client: TestClient, session: Session, contract: Contract
) -> None:
    _, token = link_in(invite(buyer_client, contract).text)
    buyer_client.cookies.clear()  # the invitee's own browser

    page = buyer_client.get(f"/invitations/{token}")
    assert page.status_code == 200 and page.headers["referrer-policy"] == "no-referrer"
    assert (
        "Gemeente Testdorp nodigt u uit in chainmap voor het contract “Werkkleding buitendienst”" in page.text
    )
    assert f"u logt in met {INVITEE}" in page.text
    assert invitations(session)[0].used_at is None  # opening the link changes nothing

    response = accept(buyer_client, token)
    assert (response.status_code, response.headers["location"]) == (303, f"/contracts/{contract.id}")
    user = session.exec(select(User).where(User.email == INVITEE)).one()
    assert user.role is Role.SUPPLIER and user.full_name == "Fatma Yilmaz"
    assert user.organisation_id == contract.supplier_organisation_id
    assert verify_password(NEW_PASSWORD, user.hashed_password) and user.hashed_password.startswith("$argon2")
    [invitation] = invitations(session)
    assert invitation.used_at is not None and invitation.user_id == user.id

    contract_page = buyer_client.get(f"/contracts/{contract.id}")
    assert contract_page.status_code == 200 and "Werkkleding buitendienst" in contract_page.text
    assert 'id="invitations"' not in contract_page.text  # the supplier does not invite
    assert "WK-2027-01" in buyer_client.get("/contracts").text

    buyer_client.cookies.clear()
    assert log_in(buyer_client, INVITEE, NEW_PASSWORD) == 303


def test_a_link_works_once_and_then_says_so_without_the_contract(
    buyer_client: TestClient, session: Session, contract: Contract
) -> None:
    _, token = link_in(invite(buyer_client, contract).text)
    buyer_client.cookies.clear()
    assert accept(buyer_client, token).status_code == 303
    buyer_client.cookies.clear()
    for response in (
        buyer_client.get(f"/invitations/{token}"),
        accept(buyer_client, token, full_name="Ander"),
    ):
        assert response.status_code == 410
        assert "Uitnodiging al gebruikt" in response.text and "maar één keer" in response.text
        for secret in ("Werkkleding", "WK-2027-01", "Gemeente Testdorp", INVITEE):
            assert secret not in response.text
    assert user_count(session) == 2
    english = buyer_client.get(f"/invitations/{token}", headers=EN)
    assert english.status_code == 410 and "Invitation already used" in english.text


def test_an_expired_link_no_longer_works(
    buyer_client: TestClient, session: Session, contract: Contract
) -> None:
    _, token = link_in(invite(buyer_client, contract).text)
    [invitation] = invitations(session)
    invitation.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    session.add(invitation)
    session.commit()

    page = buyer_client.get(f"/contracts/{contract.id}").text
    assert re.search(r"<td>\s*verlopen", page) and "Nieuwe link" in page
    buyer_client.cookies.clear()
    for response in (buyer_client.get(f"/invitations/{token}"), accept(buyer_client, token)):
        assert response.status_code == 410 and "Uitnodiging verlopen" in response.text
        assert "Werkkleding" not in response.text and "WK-2027-01" not in response.text
    assert user_count(session) == 1 and invitations(session)[0].used_at is None
    assert "Invitation expired" in buyer_client.get(f"/invitations/{token}", headers=EN).text


def test_an_unknown_link_is_not_found(client: TestClient, session: Session) -> None:
    response = client.get("/invitations/not-a-token")
    assert response.status_code == 404 and "Uitnodiging niet gevonden" in response.text
    assert accept(client, "not-a-token").status_code == 404 and user_count(session) == 0
    english = client.get("/invitations/not-a-token", headers=EN)
    assert "This invitation link is not known" in english.text
    too_long = client.get(f"/invitations/{'x' * 500}")  # no hashing of arbitrary input: a path naming nothing
    assert too_long.status_code == 404 and "Pagina niet gevonden" in too_long.text
    english = client.get(f"/invitations/{'x' * 500}", headers={"Accept-Language": "en"})
    assert "Page not found" in english.text and "detail" not in english.text


def test_new_link_makes_another_invitation_and_both_work_until_one_is_used(
    buyer_client: TestClient, session: Session, contract: Contract
) -> None:
    _, first = link_in(invite(buyer_client, contract).text)
    _, second = link_in(invite(buyer_client, contract).text)
    assert first != second and len(invitations(session)) == 2
    buyer_client.cookies.clear()
    assert accept(buyer_client, second).status_code == 303
    buyer_client.cookies.clear()
    # the address has an account now: the older link is just used up, and changes no password
    page = buyer_client.get(f"/invitations/{first}").text
    assert "heeft al een chainmap-account bij uw organisatie" in page and 'name="password"' not in page
    response = accept(
        buyer_client, first, password="een-ander-wachtwoord", password_repeat="een-ander-wachtwoord"
    )
    assert response.status_code == 200 and f"Log in met {INVITEE} en uw wachtwoord" in response.text
    assert all(invitation.used_at is not None for invitation in invitations(session))
    user = session.exec(select(User).where(User.email == INVITEE)).one()
    assert verify_password(NEW_PASSWORD, user.hashed_password) and user_count(session) == 2
    assert (
        buyer_client.get(f"/contracts/{contract.id}", follow_redirects=False).status_code == 303
    )  # not logged in


def test_an_existing_supplier_user_is_invited_to_another_contract_and_just_logs_in(
    buyer_client: TestClient, session: Session, contract: Contract
) -> None:
    make_user(session, email=INVITEE, role=Role.SUPPLIER, organisation="Werkkleding BV")
    _, token = link_in(invite(buyer_client, contract).text)
    buyer_client.cookies.clear()
    response = accept(buyer_client, token)
    assert response.status_code == 200 and "De uitnodiging is aangenomen" in response.text
    user = session.exec(select(User).where(User.email == INVITEE)).one()
    assert verify_password(PASSWORD, user.hashed_password)  # unchanged
    assert invitations(session)[0].user_id == user.id and user_count(session) == 2


def test_the_invitation_is_emailed_in_english_and_dutch_through_smtp(
    buyer_client: TestClient, session: Session, contract: Contract, fake_smtp: type[FakeSMTP]
) -> None:
    with_smtp(buyer_client)
    response = invite(buyer_client, contract)
    assert response.status_code == 200
    assert f"De uitnodiging is gemaild naar {INVITEE}" in response.text
    # An e-mailed link goes only to the address: the buyer does not see it.
    assert LINK.search(response.text) is None and "/invitations/" not in response.text.split("<form")[0]
    [connection] = fake_smtp.connections
    assert (connection.host, connection.port, connection.starttls) == ("smtp.example.nl", 2525, True)
    assert connection.login == ("chainmap", "smtp-secret")
    [message] = connection.messages
    assert message["To"] == INVITEE and message["From"] == "chainmap <noreply@example.nl>"
    title = "Werkkleding buitendienst"
    assert message["Subject"] == f"Invitation to chainmap: {title} / Uitnodiging voor chainmap: {title}"
    body = message.get_content()
    mailed = re.search(r"https://chainmap\.example\.nl/invitations/[A-Za-z0-9_-]+", body)
    assert mailed is not None
    link = mailed.group(0)
    english = body.index(
        "Gemeente Testdorp invites you to chainmap for the contract “Werkkleding buitendienst”"
    )
    dutch = body.index(
        "Gemeente Testdorp nodigt u uit in chainmap voor het contract “Werkkleding buitendienst”"
    )
    assert english < dutch and body.count(link) == 2
    expires = invitations(session)[0].expires_at
    assert f"until {datetime_text(expires, 'en')} (Dutch time)" in body
    assert f"tot {datetime_text(expires, 'nl')}:" in body
    assert "WK-2027-01" in body


def test_nothing_is_sent_without_an_smtp_server(
    buyer_client: TestClient, session: Session, contract: Contract, fake_smtp: type[FakeSMTP]
) -> None:
    response = invite(buyer_client, contract, headers=EN)
    assert "E-mail is not set up in chainmap, so the link was not e-mailed" in response.text
    assert fake_smtp.connections == [] and len(invitations(session)) == 1


def test_a_refused_mail_keeps_the_invitation_and_shows_the_link(
    buyer_client: TestClient, session: Session, contract: Contract, fake_smtp: type[FakeSMTP]
) -> None:
    with_smtp(buyer_client)
    fake_smtp.refuse = True
    response = invite(buyer_client, contract)
    assert response.status_code == 200
    assert f"De uitnodiging staat, maar de e-mail aan {INVITEE} kon niet worden verstuurd" in response.text
    _, token = link_in(response.text)
    [invitation] = invitations(session)
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()


def test_a_mail_server_without_a_sender_is_refused_at_start() -> None:
    with pytest.raises(ValidationError, match="CHAINMAP_SMTP_FROM"):
        Settings(smtp_host="smtp.example.nl")


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Vul een e-mailadres in."),
        ("geen-adres", "Dit is geen e-mailadres (naam@domein.nl)."),
        ("iemand@voorbeeld", "Dit is geen e-mailadres (naam@domein.nl)."),
    ],
)
def test_a_refused_address_shows_at_its_field_and_nothing_is_saved(
    buyer_client: TestClient, session: Session, contract: Contract, email: str, message: str
) -> None:
    response = invite(buyer_client, contract, email=email)
    assert response.status_code == 400
    assert "De uitnodiging is niet gemaakt" in response.text and message in response.text
    assert 'aria-invalid="true" aria-describedby="email-error"' in response.text
    assert f'value="{email}"' in response.text
    assert invitations(session) == []
    fragment = invite(buyer_client, contract, headers=HTMX, email=email)
    assert fragment.status_code == 200 and message in fragment.text and "<html" not in fragment.text


def test_field_errors_in_english(buyer_client: TestClient, contract: Contract) -> None:
    response = invite(buyer_client, contract, headers=EN, email="nope")
    assert "This is not an e-mail address (name@domain.nl)." in response.text
    assert "The invitation was not made; see the fields below." in response.text


def test_a_contract_without_a_supplier_asks_for_its_name_and_makes_a_new_one_even_when_the_name_exists(
    buyer_client: TestClient, session: Session
) -> None:
    contract = make_contract(session, supplier=None, reference="ZONDER-1")
    page = buyer_client.get(f"/contracts/{contract.id}").text
    assert 'name="supplier_name"' in page and "Het contract heeft nog geen leverancier" in page

    response = invite(buyer_client, contract, supplier_name="")
    assert response.status_code == 400 and "Vul de naam van de leverancier in" in response.text
    assert invitations(session) == []

    existing = make_user(session, email="baas@textiel.nl", role=Role.SUPPLIER, organisation="Textiel BV")
    response = invite(buyer_client, contract, supplier_name=" Textiel BV ")
    assert response.status_code == 200
    session.expire_all()
    contract_now = session.get(Contract, contract.id)
    assert contract_now is not None and contract_now.supplier_organisation_id != existing.organisation_id
    suppliers = session.exec(select(Organisation).where(Organisation.kind == OrganisationKind.SUPPLIER)).all()
    assert [organisation.name for organisation in suppliers] == ["Textiel BV", "Textiel BV"]
    assert 'name="supplier_name"' not in buyer_client.get(f"/contracts/{contract.id}").text


def supplier_of(session: Session, contract: Contract) -> Organisation | None:
    session.expire_all()
    stored = session.get(Contract, contract.id)
    assert stored is not None
    return (
        session.get(Organisation, stored.supplier_organisation_id)
        if stored.supplier_organisation_id
        else None
    )


def test_a_new_supplier_organisation_is_made_by_name(buyer_client: TestClient, session: Session) -> None:
    contract = make_contract(session, supplier=None, reference="ZONDER-2")
    assert supplier_of(session, contract) is None
    assert invite(buyer_client, contract, supplier_name="Nieuw Textiel BV").status_code == 200
    supplier = supplier_of(session, contract)
    assert supplier is not None
    assert (supplier.name, supplier.kind) == ("Nieuw Textiel BV", OrganisationKind.SUPPLIER)


def test_a_form_without_its_csrf_token_is_refused(
    buyer_client: TestClient, session: Session, contract: Contract
) -> None:
    data = {"email": INVITEE}
    response = buyer_client.post(f"/contracts/{contract.id}/invitations", data=data)
    assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    response = buyer_client.post(
        f"/contracts/{contract.id}/invitations", data={**data, "csrf_token": "wrong"}, headers=HTMX
    )
    assert response.status_code == 200 and "Het formulier is verlopen" in response.text
    assert invitations(session) == []


def test_accepting_without_its_csrf_token_is_refused(
    buyer_client: TestClient, session: Session, contract: Contract
) -> None:
    _, token = link_in(invite(buyer_client, contract).text)
    buyer_client.cookies.clear()
    response = accept(buyer_client, token, csrf_token="wrong")
    assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    assert user_count(session) == 1 and invitations(session)[0].used_at is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"full_name": "  "}, "Vul uw naam in."),
        ({"password": "kort", "password_repeat": "kort"}, "Het wachtwoord moet minstens 12 tekens hebben."),
        (
            {"password": "Password1234", "password_repeat": "Password1234"},
            "Dit wachtwoord hoort bij de 100.000 meest gebruikte",
        ),
        ({"password_repeat": "iets-heel-anders-123"}, "De twee wachtwoorden verschillen."),
    ],
)
def test_accepting_refuses_a_missing_name_or_a_weak_or_unrepeated_password(
    buyer_client: TestClient, session: Session, contract: Contract, fields: dict[str, str], message: str
) -> None:
    _, token = link_in(invite(buyer_client, contract).text)
    buyer_client.cookies.clear()
    response = accept(buyer_client, token, **fields)
    assert response.status_code == 400 and message in response.text
    assert 'aria-invalid="true"' in response.text
    assert user_count(session) == 1 and invitations(session)[0].used_at is None
    assert accept(buyer_client, token).status_code == 303  # the link still works


def test_a_contract_manager_of_the_buyer_invites_too(
    client: TestClient, session: Session, contract: Contract
) -> None:
    make_user(session, email="cm@testdorp.nl", role=Role.CONTRACT_MANAGER, organisation="Gemeente Testdorp")
    assert log_in(client, "cm@testdorp.nl") == 303
    assert invite(client, contract).status_code == 200 and len(invitations(session)) == 1


@pytest.mark.parametrize(
    ("email", "role", "organisation", "status"),
    [
        ("inkoper@elders.nl", Role.BUYER, "Gemeente Elders", 404),
        ("contractmanager@elders.nl", Role.CONTRACT_MANAGER, "Gemeente Elders", 404),
        ("verkoop@andere-leverancier.nl", Role.SUPPLIER, "Andere Leverancier BV", 404),
        ("beheer@chainmap.nl", Role.ADMIN, None, 404),
        ("zonder@organisatie.nl", Role.BUYER, None, 404),
        # a buyer organisation that happens to have the supplier's name is not the supplier
        ("inkoper@werkkleding.nl", Role.BUYER, "Werkkleding BV", 404),
        # the contract's own supplier sees the contract but does not invite
        ("verkoop@werkkleding.nl", Role.SUPPLIER, "Werkkleding BV", 403),
    ],
)
def test_nobody_but_the_buyer_side_invites_or_sees_invitations(
    client: TestClient, session: Session, email: str, role: Role, organisation: str | None, status: int
) -> None:
    contract = make_contract(
        session, title="Geheime werkkleding", reference="SECRET-42", supplier="Werkkleding BV"
    )
    buyer = make_user(session, email=BUYER, role=Role.BUYER, organisation="Gemeente Testdorp")
    assert buyer.id is not None and contract.id is not None
    session.add(
        Invitation(
            contract_id=contract.id,
            email="al-uitgenodigd@werkkleding.nl",
            token_hash="0" * 64,
            invited_by_user_id=buyer.id,
            expires_at=datetime.now(UTC) + timedelta(days=1),
        )
    )
    session.commit()
    make_user(session, email=email, role=role, organisation=organisation)
    assert log_in(client, email) == 303
    requests = [
        ("GET", {}, {}),
        ("POST", {}, {"email": "nieuw@werkkleding.nl", "csrf_token": csrf(client)}),
        ("POST", HTMX, {"email": "nieuw@werkkleding.nl", "csrf_token": csrf(client)}),
    ]
    for method, headers, data in requests:
        response = client.request(method, f"/contracts/{contract.id}/invitations", headers=headers, data=data)
        assert response.status_code == status, (method, headers)
        for secret in ("Geheime werkkleding", "SECRET-42", "al-uitgenodigd", "nieuw@werkkleding.nl"):
            assert secret not in response.text, (method, secret)
    assert len(invitations(session)) == 1
    if status == 403:
        assert "al-uitgenodigd" not in client.get(f"/contracts/{contract.id}").text
    assert client.post("/contracts/999999/invitations", data={"csrf_token": csrf(client)}).status_code == 404


def test_inviting_needs_a_login(client: TestClient, session: Session, contract: Contract) -> None:
    for method in ("GET", "POST"):
        response = client.request(
            method, f"/contracts/{contract.id}/invitations", data={"email": INVITEE}, follow_redirects=False
        )
        assert (response.status_code, response.headers["location"]) == (303, "/login")
    assert invitations(session) == []


def test_an_emailed_link_is_noted_and_in_production_a_failed_one_is_not_shown(
    buyer_client: TestClient, session: Session, contract: Contract, fake_smtp: type[FakeSMTP]
) -> None:
    with_smtp(buyer_client)
    assert invite(buyer_client, contract).status_code == 200
    [mailed] = invitations(session)
    assert mailed.mailed_at is not None
    configure(buyer_client, environment="production")
    fake_smtp.refuse = True
    response = invite(buyer_client, contract, email="tweede@werkkleding.nl")
    assert response.status_code == 200 and "probeer het later opnieuw" in response.text
    assert LINK.search(response.text) is None
    failed = invitations(session)[-1]
    assert failed.mailed_at is None


def test_a_withdrawn_inviters_link_no_longer_works(
    buyer_client: TestClient, session: Session, contract: Contract
) -> None:
    _, token = link_in(invite(buyer_client, contract).text)
    inviter = session.exec(select(User).where(User.email == BUYER)).one()
    inviter.role = Role.SUPPLIER  # no longer on the buyer side (as after leaving; deactivating likewise)
    session.add(inviter)
    session.commit()
    buyer_client.cookies.clear()
    page = buyer_client.get(f"/invitations/{token}")
    assert page.status_code == 410 and "Uitnodiging ingetrokken" in page.text
    colleague = make_user(session, email="collega@testdorp.nl", role=Role.CONTRACT_MANAGER)
    assert log_in(buyer_client, colleague.email) == 303
    listed = buyer_client.get(f"/contracts/{contract.id}/invitations").text
    assert "ingetrokken" in listed  # the buyer side sees the link no longer works, and may send a new one
