"""Joining a supplier with its consent, in a browser: the invitee asks through the link, a member approves
on My organisation, and the new member logs in; and a user ends another browser's session on My account."""

from datetime import timedelta

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from models import Role
from tests.browser.conftest import TIMEOUT_MS, LiveServer
from tests.browser.login import log_in, submit_login
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from web.services.invitations import create_invitation

pytestmark = pytest.mark.browser

MEMBER = "leverancier@werkkleding.example"
INVITEE = "nieuw@werkkleding.example"
NEW_PASSWORD = "een-lang-nieuw-wachtwoord"


def test_an_invitee_joins_a_supplier_once_a_member_approves(page: Page, live_server: LiveServer) -> None:
    with Session(live_server.engine) as session:
        contract = make_contract(session, supplier="Werkkleding Nederland BV", reference="WK-1")
        make_user(session, email=MEMBER, role=Role.SUPPLIER, organisation="Werkkleding Nederland BV")
        buyer = make_user(session, email="inkoper@testdorp.example")
        _invitation, token = create_invitation(
            session=session, contract=contract, user=buyer, email=INVITEE, valid_for=timedelta(days=14)
        )
    page.goto(f"/invitations/{token}")
    page.get_by_label("Uw naam").fill("Nieuwe Collega")
    page.get_by_label("Wachtwoord", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Wachtwoord herhalen").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Wachtwoord instellen en inloggen").click()
    expect(page.get_by_role("status")).to_contain_text("keurt goed wie erbij komt")

    submit_login(page, INVITEE, NEW_PASSWORD)
    expect(page.get_by_role("alert")).to_have_text("Het e-mailadres of wachtwoord klopt niet.")

    log_in(page, MEMBER)
    page.get_by_role("link", name="Mijn organisatie").click()
    requests = page.get_by_role("table", name="Verzoeken om toe te treden")
    expect(requests).to_contain_text(INVITEE)
    expect(requests).to_contain_text("Adres niet bevestigd")
    page.get_by_role("button", name=f"{INVITEE} goedkeuren").click()
    expect(page.get_by_role("table", name="Leden")).to_contain_text(INVITEE)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, INVITEE, NEW_PASSWORD)
    expect(page.get_by_role("heading", name="Welkom, Nieuwe Collega", level=1)).to_be_visible()


def test_a_user_ends_the_session_of_another_browser(
    page: Page, browser: Browser, live_server: LiveServer
) -> None:
    with Session(live_server.engine) as session:
        make_user(session, email="inkoper@example.nl")
    other = browser.new_context(base_url=live_server.url, locale="nl-NL")
    other.set_default_timeout(TIMEOUT_MS)
    elsewhere = other.new_page()
    try:
        log_in(elsewhere, "inkoper@example.nl")
        log_in(page, "inkoper@example.nl")
        page.get_by_role("link", name="Mijn account").click()
        sessions = page.get_by_role("table", name="Waar u bent ingelogd")
        expect(sessions).to_contain_text("deze browser")
        page.get_by_role("button", name="Alle andere sessies beëindigen").click()
        expect(page.get_by_role("status")).to_have_text("Beëindigde sessies: 1.")
        elsewhere.goto("/account")
        expect(elsewhere.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    finally:
        other.close()
