"""The chain form of a large draft in a browser: page through the sites, search and filter them, change
one site and see the rows of the page that it affects follow, without the page reloading."""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from chainmap.chain import ChainRow
from models import Role
from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.login import log_in
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from web.services.chains import replace_draft

pytestmark = pytest.mark.browser

MAKERS = 2_000


def large_draft(live_server: LiveServer) -> int:
    """A supplier and a contract whose draft has a contractor and MAKERS makers supplying it."""
    with Session(live_server.engine) as session:
        contract = make_contract(session, supplier="Werkkleding BV", title="Werkkleding buitendienst")
        make_user(session, email="verkoop@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV")
        rows = [ChainRow(2, "WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", "", "")]
        rows += [
            ChainRow(
                i + 3,
                f"M{i}",
                f"Maker {i}",
                "BD" if i % 2 else "IN",
                "cut-make-trim",
                "Garments",
                "WN",
                "",
                "",
            )
            for i in range(MAKERS)
        ]
        replace_draft(session=session, contract=contract, rows=rows)
        assert contract.id is not None
        return contract.id


def row_numbered(page: Page, number: int) -> object:
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=str(number), exact=True))


def test_a_supplier_pages_searches_and_filters_a_large_draft(page: Page, live_server: LiveServer) -> None:
    contract_id = large_draft(live_server)
    log_in(page, "verkoop@werkkleding.nl")
    page.goto(f"/contracts/{contract_id}/chain")
    page.evaluate("window.sameDocument = true")
    sites = page.get_by_role("table", name="Locaties van de conceptketen")
    expect(sites.get_by_role("row")).to_have_count(51)  # the header and 50 sites
    pager = page.get_by_role("navigation", name="Pagina's met locaties")
    expect(pager).to_contain_text("Pagina 1 van 41")
    pager.get_by_role("link", name="Volgende pagina").click()
    expect(pager).to_contain_text("Pagina 2 van 41")
    expect(sites.get_by_role("rowheader", name="52", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"page=2"))

    filters = page.get_by_role("search", name="Locaties zoeken en filteren")
    filters.get_by_label("Zoek op id, naam of land").fill("Maker 77")
    filters.get_by_role("button", name="Toon").click()
    expect(sites.get_by_role("row")).to_have_count(12)  # Maker 77 and Maker 770 to 779
    expect(page).to_have_url(re.compile(r"chain\?sort=row&q=Maker\+77$"))  # without the empty filters
    page.get_by_role("link", name="Toon alle locaties").click()
    expect(sites.get_by_role("row")).to_have_count(51)
    filters.get_by_label("Land", exact=True).select_option(label="India")
    filters.get_by_label("Volgorde", exact=True).select_option(label="Id")
    filters.get_by_role("button", name="Toon").click()
    expect(pager).to_contain_text("Pagina 1 van 20")
    expect(sites.get_by_role("row").nth(2)).to_contain_text("M2")  # M0, M2, M4 ...: ids in natural order
    page.go_back()
    expect(sites.get_by_role("row")).to_have_count(51)
    assert page.evaluate("window.sameDocument") is True, "paging reloaded the page"


def test_a_change_updates_the_rows_it_affects_and_the_counts_in_place(
    page: Page, live_server: LiveServer
) -> None:
    contract_id = large_draft(live_server)
    log_in(page, "verkoop@werkkleding.nl")
    page.goto(f"/contracts/{contract_id}/chain")
    page.evaluate("window.sameDocument = true")
    expect(page.get_by_text("Locaties: 2.001 · fouten: 0 · waarschuwingen: 0")).to_be_visible()
    maker = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="3", exact=True))
    page.get_by_role("button", name="Rij 2 bewerken").click()
    page.get_by_label("Id", exact=True).fill("WNX")
    page.get_by_role("button", name="Opslaan").click()
    # every maker names WN, which is gone: the makers on the page say so, and the counts follow
    expect(maker).to_contain_text('"WN" is niet het id van een rij in het bestand')
    expect(page.get_by_text(re.compile(r"fouten in 2\.000 rijen"))).to_be_visible()
    expect(page.get_by_role("button", name="Risicovoorbeeld bijwerken")).to_be_visible()
    page.get_by_role("link", name="Toon de rijen met fouten").click()
    expect(page.get_by_role("navigation", name="Pagina's met locaties")).to_contain_text("Pagina 1 van 40")

    page.get_by_role("button", name="Rij 3 bewerken").click()
    page.get_by_label("Levert aan", exact=True).fill("WNX")
    page.get_by_role("button", name="Opslaan").click()
    expect(maker).not_to_contain_text("is niet het id")
    assert page.evaluate("window.sameDocument") is True, "an edit reloaded the page"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "chain-form-pages.png")
