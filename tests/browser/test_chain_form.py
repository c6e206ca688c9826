"""The supplier's chain form in a browser: fill in a chain by hand, see a message at its field and fix it,
see the risk preview follow, submit, and see version 1."""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from models import Role
from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.factories.contracts import make_contract
from tests.factories.users import PASSWORD, make_user

pytestmark = pytest.mark.browser


def fill_site(page: Page, cells: dict[str, str]) -> None:
    """Fill in the row of inputs being edited, field by field, by their labels."""
    for label, value in cells.items():
        page.get_by_label(label, exact=True).fill(value)


def test_a_supplier_fills_in_a_chain_by_hand_fixes_a_message_and_submits(
    page: Page, live_server: LiveServer
) -> None:
    with Session(live_server.engine) as session:
        contract = make_contract(session, supplier="Werkkleding BV", title="Werkkleding buitendienst")
        make_user(session, email="verkoop@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV")
        contract_id = contract.id
    page.goto("/login")
    page.get_by_label("E-mailadres").fill("verkoop@werkkleding.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"/contracts/{contract_id}/chain")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Productieketen")
    page.evaluate("window.sameDocument = true")  # gone if the page reloads
    preview = page.locator("#preview")
    expect(preview).to_contain_text("Voeg locaties toe")

    page.get_by_role("button", name="Locatie toevoegen").click()
    fill_site(page, {"Id": "WN", "Naam": "Werkkleding Nederland BV", "Land": "NL", "Activiteit": "handel"})
    fill_site(page, {"Producten": "Garments"})
    page.get_by_role("button", name="Opslaan").click()
    contractor = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="2", exact=True))
    expect(contractor).to_contain_text("Werkkleding Nederland BV")
    expect(contractor).to_contain_text("(Nederland)")

    page.get_by_role("button", name="Locatie toevoegen").click()
    fill_site(page, {"Id": "TMC", "Naam": "Turkmen Cotton Farm", "Activiteit": "landbouw"})
    country = page.get_by_label("Land", exact=True)
    country.press_sequentially("Turkm")
    # a locator's wait: wait_for_function evaluates its text as script, which the policy refuses
    expect(page.locator(f"#{country.get_attribute('list')} option[value=Turkmenistan]")).to_be_attached()
    country.fill("Turkmenistan")
    fill_site(page, {"Producten": "Cotton", "Levert aan": "W", "Aandeel (%)": "100"})
    page.get_by_role("button", name="Opslaan").click()

    farm = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="3", exact=True))
    message = 'Rij 3, kolom "supplies_to": "W" is niet het id van een rij in het bestand.'
    expect(farm.get_by_role("cell").nth(5)).to_contain_text(message)
    expect(preview).to_contain_text("Verbeter de fouten in de tabel")

    page.get_by_role("button", name="Rij 3 bewerken").click()
    supplies_to = page.get_by_label("Levert aan", exact=True)
    expect(supplies_to).to_have_value("W")
    expect(supplies_to).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#{supplies_to.get_attribute('aria-describedby')}")).to_contain_text(message)
    supplies_to.fill("WN")
    page.get_by_role("button", name="Opslaan").click()
    expect(farm).not_to_contain_text("is niet het id")
    expect(page.get_by_text("Locaties: 2 · fouten: 0 · waarschuwingen: 0")).to_be_visible()

    forced_labour = (
        preview.get_by_role("row").filter(has_text="Turkmen Cotton Farm").filter(has_text="dwangarbeid")
    )
    expect(forced_labour.first).to_contain_text("zeer hoog")
    expect(preview).to_contain_text("Herleid tot grondstof")
    assert page.evaluate("window.sameDocument") is True, "an edit reloaded the page"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "chain-form.png", full_page=True)

    page.get_by_role("button", name="Keten indienen").click()
    expect(page).to_have_url(re.compile(rf"/contracts/{contract_id}$"))
    page.goto(f"/contracts/{contract_id}/chain")
    expect(page.get_by_text(re.compile(r"Versie 1 is ingediend op .* door Test Gebruiker"))).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Turkmen Cotton Farm").first).to_be_visible()


def test_a_change_refused_by_the_server_is_announced_not_silently_dropped(
    page: Page, live_server: LiveServer
) -> None:
    with Session(live_server.engine) as session:
        contract = make_contract(session, supplier="Werkkleding BV")
        make_user(session, email="verkoop@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV")
        contract_id = contract.id
    page.goto("/login")
    page.get_by_label("E-mailadres").fill("verkoop@werkkleding.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"/contracts/{contract_id}/chain")
    page.get_by_role("button", name="Locatie toevoegen").click()
    fill_site(page, {"Id": "WN", "Naam": "Werkkleding Nederland BV", "Land": "NL", "Activiteit": "handel"})
    # The form's token no longer matches, as after the session expired in another tab.
    page.evaluate("document.body.setAttribute('hx-headers', JSON.stringify({'X-CSRF-Token': 'stale'}))")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Dat lukte niet: de pagina is misschien verlopen. Herlaad de pagina en probeer het nog eens."
    )
