"""A supplier uploads a chain file in a browser: a file with errors is refused with every error by row and
column, and the corrected file is loaded into the draft."""

import re
import time
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


def brand_list(path: Path, factories: int) -> Path:
    """A brand's flat factory list, as a supplier already has it."""
    lines = [["Factory Name", "Country", "Address", "Product Type", "Number of Workers"]]
    countries = ("Bangladesh", "Turkey", "India", "Vietnam", "Pakistan")
    lines += [
        [f"Factory {n:03d}", countries[n % 5], f"Street {n}", "Garments", str(100 + n)]
        for n in range(factories)
    ]
    path.write_text(csv_text(lines), encoding="utf-8")
    return path


def test_a_supplier_uploads_its_factory_list_sees_the_progress_and_maps_its_columns(
    page: Page, live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Session(live_server.engine) as session:
        contract_id = make_contract(session, supplier="Werkkleding BV", reference="WK-2027-01").id
        make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
    # The server takes its time checking, as it does with a large file, so that the page's state while it
    # waits can be seen.
    from web.routes import chain_files

    checked = chain_files.upload_chain

    def slow_upload_chain(**arguments: object) -> object:
        time.sleep(1.5)
        return checked(**arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(chain_files, "upload_chain", slow_upload_chain)
    page.goto("/login")
    page.get_by_label("E-mailadres").fill(SUPPLIER)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"/contracts/{contract_id}/chain/file")

    page.get_by_label("Ketenbestand (.csv, .xlsx of .json)").set_input_files(
        brand_list(tmp_path / "fabrieken.csv", 500)
    )
    button = page.get_by_role("button", name="Uploaden")
    button.click()
    expect(button).to_be_disabled()
    expect(page.get_by_role("progressbar", name="Voortgang van de upload")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("gecontroleerd")

    expect(page.get_by_role("heading", name="Kolommen van uw lijst koppelen")).to_be_visible()
    expect(page.get_by_label("name (naam)")).to_have_value("Factory Name")
    expect(page.get_by_label("country (land)")).to_have_value("Country")
    expect(page.get_by_label("goods (goederen)")).to_have_value("Product Type")
    expect(page.get_by_label("Activiteit", exact=True)).to_have_value("manufacturing")
    expect(page.get_by_label("De opdrachtnemer: alle zijn directe leveranciers (tier 1)")).to_be_checked()
    preview = page.get_by_role("table", name=re.compile("Voorbeeld: de eerste rijen"))
    expect(preview.get_by_role("row")).to_have_count(12)
    expect(preview.get_by_role("row").nth(2)).to_contain_text("Factory 000")

    page.get_by_label("Activiteit", exact=True).fill("cut-make-trim")
    page.get_by_label("Id van de opdrachtnemer").fill("WK")
    page.get_by_label("region (regio)").select_option("Address")  # a change: the preview follows
    expect(preview.get_by_role("row").nth(2)).to_contain_text("Street 0")
    expect(preview.get_by_role("row").nth(2)).to_contain_text("cut-make-trim")
    page.get_by_label("region (regio)").select_option("")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "chain-file-mapping.png", full_page=True)

    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_role("status")).to_contain_text("Locaties uit het bestand in uw concept geladen: 501.")
    expect(page.get_by_text("Locaties: 501 · fouten: 0")).to_be_visible()
