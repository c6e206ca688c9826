"""The invitation journey in a browser: a buyer invites a supplier on the contract page, the supplier opens
the link in its own browser, sets a name and password, and sees its contract."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from pytest_playwright.pytest_playwright import CreateContextCallback
from sqlmodel import Session

from models import Role
from tests.browser.conftest import TIMEOUT_MS, LiveServer
from tests.factories.contracts import make_contract
from tests.factories.users import PASSWORD, make_user

pytestmark = pytest.mark.browser


def test_a_buyer_invites_a_supplier_who_sets_a_password_and_sees_its_contract(
    page: Page, new_context: CreateContextCallback, live_server: LiveServer
) -> None:
    with Session(live_server.engine) as session:
        make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER, organisation="Gemeente Testdorp")
        contract = make_contract(session, title="Werkkleding buitendienst", reference="WK-2027-01")
    page.goto("/login")
    page.get_by_label("E-mailadres").fill("inkoper@testdorp.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"/contracts/{contract.id}")

    invitations = page.get_by_role("region", name="Uitnodigingen")
    invitations.get_by_label("E-mailadres").fill("verkoop@werkkleding.nl")
    invitations.get_by_role("button", name="Uitnodigen").click()
    expect(page.get_by_role("status")).to_contain_text("de link is niet gemaild")
    link = page.get_by_label("Uitnodigingslink").input_value()
    expect(invitations.get_by_role("cell", name="verkoop@werkkleding.nl", exact=True)).to_be_visible()

    # The supplier, in its own browser. The link names Settings.base_url (127.0.0.1:8000); this live
    # server listens on another port, so the supplier's browser opens the link's path on it.
    supplier = new_context(base_url=live_server.url)
    supplier.set_default_timeout(TIMEOUT_MS)
    supplier_page = supplier.new_page()
    supplier_page.goto(urlsplit(link).path)
    expect(supplier_page.get_by_role("heading", name="Uw uitnodiging", level=1)).to_be_visible()
    expect(supplier_page.get_by_text("Gemeente Testdorp nodigt u uit")).to_be_visible()
    supplier_page.get_by_label("Uw naam").fill("Fatma Yilmaz")
    supplier_page.get_by_label("Wachtwoord", exact=True).fill("kort")
    supplier_page.get_by_label("Wachtwoord herhalen").fill("kort")
    supplier_page.get_by_role("button", name="Wachtwoord instellen en inloggen").click()
    expect(supplier_page.get_by_text("Het wachtwoord moet minstens 12 tekens hebben.")).to_be_visible()

    supplier_page.get_by_label("Wachtwoord", exact=True).fill("een-lang-nieuw-wachtwoord")
    supplier_page.get_by_label("Wachtwoord herhalen").fill("een-lang-nieuw-wachtwoord")
    supplier_page.get_by_role("button", name="Wachtwoord instellen en inloggen").click()
    expect(supplier_page.get_by_role("heading", name="Werkkleding buitendienst", level=1)).to_be_visible()
    supplier_page.get_by_role("link", name="Contracten", exact=True).click()
    expect(supplier_page.get_by_role("row", name="WK-2027-01 Werkkleding buitendienst")).to_be_visible()

    # The link works once; the buyer's list now says the invitation is used.
    supplier_page.goto(urlsplit(link).path)
    expect(supplier_page.get_by_role("heading", name="Uitnodiging al gebruikt", level=1)).to_be_visible()
    page.reload()
    expect(invitations.get_by_role("cell", name="gebruikt", exact=True)).to_be_visible()
