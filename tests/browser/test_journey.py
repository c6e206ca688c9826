"""The whole of issue 4 in one browser journey, moving only by the links and buttons a person uses: a
buyer invites the supplier; the supplier accepts, fills in its chain by hand, uploads a file with an error
and sees it by row, uploads the corrected file and submits; the buyer opens the risk graph, clicks a
node, filters the hotspots by theme and requests a revision; the supplier sees the request on its
contract page."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from pytest_playwright.pytest_playwright import CreateContextCallback
from sqlmodel import Session

from chainmap.chain import COLUMNS
from models import Role
from tests.browser.conftest import TIMEOUT_MS, LiveServer
from tests.factories.chainfiles import csv_text
from tests.factories.contracts import make_contract
from tests.factories.users import PASSWORD, make_user

pytestmark = pytest.mark.browser

SUPPLIER_PASSWORD = "een-lang-leverancierswachtwoord"
FILE_SITES = [
    ["WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", ""],
    ["DHK", "Dhaka Apparel Works", "BD", "cut-make-trim", "Garments", "WN", "100"],
    ["TMC", "Turkmen Cotton Farm", "TM", "farming", "Cotton", "DHK", "100"],
]


def test_invite_fill_in_upload_submit_review_and_see_the_revision_request(
    page: Page, new_context: CreateContextCallback, live_server: LiveServer, tmp_path: Path
) -> None:
    with Session(live_server.engine) as session:
        make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER, organisation="Gemeente Testdorp")
        make_contract(session, title="Werkkleding buitendienst", reference="WK-2027-01", supplier=None)

    # The buyer invites the supplier from the contract's page.
    page.goto("/login")
    page.get_by_label("E-mailadres").fill("inkoper@testdorp.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Contracten", exact=True).click()
    page.get_by_role("link", name="WK-2027-01").click()
    invitations = page.get_by_role("region", name="Uitnodigingen")
    invitations.get_by_label("E-mailadres").fill("verkoop@werkkleding.nl")
    invitations.get_by_label("Leverancier").fill("Werkkleding Nederland BV")
    invitations.get_by_role("button", name="Uitnodigen").click()
    link = page.get_by_label("Uitnodigingslink").input_value()

    # The supplier accepts in its own browser (the link names the configured base URL; this server
    # listens on another port, so the path is opened on it).
    supplier_context = new_context(base_url=live_server.url)
    supplier_context.set_default_timeout(TIMEOUT_MS)
    supplier = supplier_context.new_page()
    supplier.goto(urlsplit(link).path)
    supplier.get_by_label("Uw naam").fill("Fatma Yilmaz")
    supplier.get_by_label("Wachtwoord", exact=True).fill(SUPPLIER_PASSWORD)
    supplier.get_by_label("Wachtwoord herhalen").fill(SUPPLIER_PASSWORD)
    supplier.get_by_role("button", name="Wachtwoord instellen en inloggen").click()
    expect(supplier.get_by_role("heading", name="Werkkleding buitendienst", level=1)).to_be_visible()

    # By hand: the contractor.
    supplier.get_by_role("link", name="Keten invullen").click()
    supplier.get_by_role("button", name="Locatie toevoegen").click()
    for label, value in {"Id": "WN", "Naam": "Werkkleding Nederland BV", "Land": "NL"}.items():
        supplier.get_by_label(label, exact=True).fill(value)
    supplier.get_by_label("Activiteit", exact=True).fill("handel")
    supplier.get_by_role("button", name="Opslaan").click()
    expect(supplier.get_by_text("Locaties: 1 · fouten: 0 · waarschuwingen: 0")).to_be_visible()

    # A file with an error is refused with its row; the corrected one replaces the draft.
    supplier.get_by_role("link", name="Een bestand uploaden of de keten / het sjabloon downloaden").click()
    wrong = [*FILE_SITES[:2], ["TMC", "Turkmen Cotton Farm", "Atlantis", "farming", "Cotton", "DHK", "100"]]
    upload = supplier.get_by_label("Ketenbestand (.csv, .xlsx of .json)")
    (tmp_path / "keten.csv").write_text(csv_text([list(COLUMNS), *wrong]), encoding="utf-8")
    upload.set_input_files(tmp_path / "keten.csv")
    supplier.get_by_role("button", name="Uploaden").click()
    problem = (
        supplier.get_by_role("table", name="Fouten in het bestand")
        .get_by_role("row")
        .filter(has_text="Atlantis")
    )
    expect(problem.get_by_role("cell").nth(0)).to_have_text("4")
    expect(problem.get_by_role("cell").nth(1)).to_have_text("country")
    (tmp_path / "keten.csv").write_text(csv_text([list(COLUMNS), *FILE_SITES]), encoding="utf-8")
    upload.set_input_files(tmp_path / "keten.csv")
    supplier.get_by_role("button", name="Uploaden").click()
    expect(supplier.get_by_role("status")).to_contain_text(
        "Locaties uit het bestand in uw concept geladen: 3."
    )

    # Back on the form: the preview shows the risk, and the chain is submitted.
    supplier.get_by_role("link", name="Keten bewerken in het formulier").first.click()
    expect(supplier.locator("#preview")).to_contain_text("Turkmen Cotton Farm")
    supplier.get_by_role("button", name="Keten indienen").click()
    expect(supplier.get_by_role("link", name="Versie 1")).to_be_visible()

    # The buyer reviews: the graph, a node's details, the hotspots of one theme, a revision request.
    page.reload()
    page.get_by_role("link", name="Risico's beoordelen").click()
    graph = page.get_by_role("group", name="Keten in schakels", exact=False)
    graph.get_by_role("link", name="Turkmen Cotton Farm (TM): zeer hoog").click()
    details = page.get_by_role("complementary", name="Details van de locatie")
    expect(details.get_by_role("heading", name="Turkmen Cotton Farm", level=2)).to_be_focused()
    expect(details).to_contain_text("Katoen uit Turkmenistan staat op de lijst")
    page.get_by_label("Thema", exact=True).select_option(label="dwangarbeid")
    themes = page.locator("#hotspot-table tbody tr td:nth-child(6)")
    expect(themes.filter(has_not_text="dwangarbeid")).to_have_count(0)
    expect(themes.first).to_have_text("dwangarbeid")
    page.get_by_label("Herziening vragen").check()
    page.get_by_label("Toelichting voor de leverancier").fill("Van welke spinnerij komt het garen?")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("status").filter(has_text="Herziening gevraagd voor versie 1")).to_be_visible()

    # The supplier sees the request and its comment on its contract page.
    supplier.reload()
    request = supplier.get_by_role("region", name="Productieketen").get_by_text(
        "Herziening gevraagd voor versie 1"
    )
    expect(request).to_be_visible()
    expect(supplier.get_by_text("Van welke spinnerij komt het garen?")).to_be_visible()
