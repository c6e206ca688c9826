"""A supplier uploads a chain file in a browser: a file with errors is refused with every error by row and
column, and the corrected file is loaded into the draft."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from chainmap.chain import COLUMNS
from models import Role
from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.factories.chainfiles import csv_text
from tests.factories.contracts import make_contract
from tests.factories.users import PASSWORD, make_user

pytestmark = pytest.mark.browser

SUPPLIER = "verkoop@werkkleding.nl"
CORRECT = [
    ["WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", ""],
    ["DHK", "Dhaka Apparel Works", "BD", "cut-make-trim", "Garments", "WN", "100"],
    ["TMC", "Turkmen Cotton Farm", "TM", "farming", "Cotton", "DHK", "100"],
]


def chain_csv(path: Path, sites: list[list[str]]) -> Path:
    path.write_text(csv_text([list(COLUMNS), *sites]), encoding="utf-8")
    return path


def test_a_supplier_uploads_a_file_with_errors_sees_them_by_row_then_uploads_the_corrected_file(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    with Session(live_server.engine) as session:
        contract_id = make_contract(session, supplier="Werkkleding BV", reference="WK-2027-01").id
        make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
    page.goto("/login")
    page.get_by_label("E-mailadres").fill(SUPPLIER)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"/contracts/{contract_id}/chain/file")
    expect(page.get_by_role("heading", name="Ketenbestand", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Sjabloon downloaden (.xlsx)")).to_be_visible()

    wrong = [
        CORRECT[0],
        ["DHK", "Dhaka Apparel Works", "Atlantis", "cut-make-trim", "Garments", "WN", "100"],
        ["TMC", "Turkmen Cotton Farm", "TM", "farming", "Cotton", "NERGENS", "100"],
    ]
    page.get_by_label("Ketenbestand (.csv, .xlsx of .json)").set_input_files(
        chain_csv(tmp_path / "keten.csv", wrong)
    )
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Het bestand is niet geladen vanwege de fouten hieronder"
    )
    errors = page.get_by_role("table", name="Fouten in het bestand")
    country = errors.get_by_role("row").filter(has_text="Atlantis")
    expect(country.get_by_role("cell").nth(0)).to_have_text("3")
    expect(country.get_by_role("cell").nth(1)).to_have_text("country")
    customer = errors.get_by_role("row").filter(has_text="NERGENS")
    expect(customer.get_by_role("cell").nth(0)).to_have_text("4")
    expect(customer.get_by_role("cell").nth(1)).to_have_text("supplies_to")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "chain-file-refused.png", full_page=True)

    page.get_by_label("Ketenbestand (.csv, .xlsx of .json)").set_input_files(
        chain_csv(tmp_path / "keten-verbeterd.csv", CORRECT)
    )
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_role("status")).to_contain_text("Locaties uit het bestand in uw concept geladen: 3.")
    expect(page.get_by_role("table", name="Fouten in het bestand")).to_have_count(0)
    expect(page.get_by_text("Locaties: 3 · fouten: 0 · waarschuwingen: 0")).to_be_visible()
    expect(page.get_by_role("link", name="JSON")).to_be_visible()
