"""The review page's long tables in a browser (issue 12): paging, sorting and searching the hotspots
without a page reload, the URL following each step so that back and reload show the same rows; paging the
risk groups, a group's findings and the changes since the previous version."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlmodel import Session

from chainmap.chain import ChainRow
from models import Role
from tests.browser.conftest import LiveServer
from tests.browser.test_review import log_in
from tests.factories.chain_versions import make_version
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from web.services import review_tables

pytestmark = pytest.mark.browser

PER_PAGE = 10
COUNTRIES = ("BD", "CN", "IN", "TR", "VN")


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pages of PER_PAGE rows, so that a chain of a few dozen sites has several (the server runs in this
    process, in a thread)."""
    for name in (
        "HOTSPOTS_PER_PAGE",
        "RISK_GROUPS_PER_PAGE",
        "FINDING_LINES_PER_PAGE",
        "FINDING_ENTRIES_PER_PAGE",
        "CHANGES_PER_PAGE",
    ):
        monkeypatch.setattr(review_tables, name, PER_PAGE)
    monkeypatch.setattr(review_tables, "GROUP_SITES_SHOWN", 3)
    yield


def chain(sites: int, *, first: int = 1) -> list[ChainRow]:
    """A contractor and `sites` garment makers S<first>… in five countries; every second maker gives a
    share for its delivery, so that the customer's shares add up to less than 100 (one kind of finding)."""
    rows = [ChainRow(2, "WK", "Werkkleding BV", "NL", "trading", "Garments")]
    for number in range(first, first + sites):
        rows.append(
            ChainRow(
                len(rows) + 2,
                f"S{number}",
                f"Naaiatelier {number}",
                COUNTRIES[number % len(COUNTRIES)],
                "cut-make-trim",
                "Garments",
                "WK",
            )
        )
    return rows


def shares_short(makers: int) -> list[ChainRow]:
    """Makers M1… each supplied by one weaver at 50%: one finding per maker, grouped as one line."""
    rows = [ChainRow(2, "WN", "Werkkleding Nederland BV", "NL", "trading", "Garments")]
    for i in range(1, makers + 1):
        rows.append(ChainRow(len(rows) + 2, f"M{i}", f"Maker {i}", "BD", "cut-make-trim", "Garments", "WN"))
        rows.append(ChainRow(len(rows) + 2, f"W{i}", f"Weaver {i}", "BD", "weaving", "Fabric", f"M{i}", "50"))
    return rows


def first_cells(table: Locator, column: int) -> list[str]:
    return [text.strip() for text in table.locator(f"tbody tr > :nth-child({column})").all_inner_texts()]


def test_the_hotspots_page_sort_and_search_without_reload_and_back_and_reload_keep_them(
    page: Page, live_server: LiveServer
) -> None:
    with Session(live_server.engine) as session:
        contract = make_contract(session, title="Werkkleding buitendienst")
        supplier = make_user(
            session, email="lev@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER)
        make_version(session, contract=contract, supplier=supplier, rows=chain(40))
        review_url = f"/contracts/{contract.id}/versions/1"

    log_in(page, "inkoper@testdorp.nl")
    page.goto(review_url)
    page.evaluate("window.sameDocument = true")  # gone if the page reloads
    section = page.get_by_role("region", name="Risicopunten")
    table = section.get_by_role("table")
    pages = section.get_by_role("navigation", name="Pagina's van de risicopunten")
    expect(pages).to_contain_text("Pagina 1 van")
    expect(table.locator("tbody tr")).to_have_count(PER_PAGE)
    expect(table.locator("tbody tr").first.locator("td").first).to_have_text("1")

    pages.get_by_role("link", name="Volgende pagina").click()
    expect(pages).to_contain_text("Pagina 2 van")
    expect(table.locator("tbody tr").first.locator("td").first).to_have_text(str(PER_PAGE + 1))
    assert re.search(r"/hotspots\?page=2", page.url)

    # Sort by site reference: natural order (S2 before S10), then the other way round.
    reference = table.get_by_role("columnheader", name="Kenmerk")
    reference.get_by_role("link").click()
    expect(reference).to_have_attribute("aria-sort", "ascending")
    expect(pages).to_contain_text("Pagina 1 van")
    expect(table.locator("tbody tr").first.locator("td").nth(1)).to_have_text("S1")
    assert list(dict.fromkeys(first_cells(table, 3))) == ["S1", "S2"]  # each site's themes, then the next
    assert "sort=id" in page.url
    table.get_by_role("columnheader", name="Kenmerk").get_by_role("link").click()
    expect(table.get_by_role("columnheader", name="Kenmerk")).to_have_attribute("aria-sort", "descending")
    expect(table.locator("tbody tr").first.locator("td").nth(1)).to_have_text("WK")
    expect(table.get_by_role("columnheader", name="Niveau")).to_have_attribute("aria-sort", "none")

    # Search by name keeps the order; the theme filter narrows further.
    page.get_by_label("Risicopunten zoeken").fill("Naaiatelier 12")
    expect(table.locator("tbody tr td:nth-child(3)").filter(has_not_text="S12")).to_have_count(0)
    expect(table.locator("tbody tr")).to_have_count(8)  # a row for each theme of S12
    assert "q=Naaiatelier%2012" in page.url and "sort=id" in page.url
    page.get_by_label("Thema", exact=True).select_option(label="dwangarbeid")
    expect(table.locator("tbody tr")).to_have_count(1)
    assert page.evaluate("window.sameDocument") is True, "paging, sorting or searching reloaded the page"

    # Back: the search without the theme; reload: the same state as a whole page.
    page.go_back()
    expect(table.locator("tbody tr")).to_have_count(8)
    page.reload()
    expect(page.get_by_role("heading", name="Risicopunten", level=2)).to_be_visible()
    expect(page.get_by_label("Risicopunten zoeken")).to_have_value("Naaiatelier 12")
    expect(table.locator("tbody tr")).to_have_count(8)
    expect(table.get_by_role("columnheader", name="Kenmerk")).to_have_attribute("aria-sort", "descending")


def test_risk_groups_findings_and_changes_are_paged_in_place(page: Page, live_server: LiveServer) -> None:
    with Session(live_server.engine) as session:
        contract = make_contract(session, title="Werkkleding buitendienst")
        supplier = make_user(
            session, email="lev@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER)
        make_version(session, contract=contract, supplier=supplier, rows=shares_short(25))
        make_version(session, contract=contract, supplier=supplier, rows=chain(60))
        first_url = f"/contracts/{contract.id}/versions/1"
        second_url = f"/contracts/{contract.id}/versions/2"

    log_in(page, "inkoper@testdorp.nl")
    page.goto(first_url)
    page.evaluate("window.sameDocument = true")
    findings = page.get_by_role("region", name="Bevindingen van de controle")
    findings.get_by_text("Toon alle 25").click()
    expect(findings.get_by_role("link", name=re.compile(r"^Maker \d+$"))).to_have_count(PER_PAGE)
    expect(findings.get_by_role("link", name="Maker 1", exact=True)).to_be_visible()
    findings.get_by_role("navigation", name="Pagina's van de bevindingen van deze soort").get_by_role(
        "link", name="Volgende pagina"
    ).click()
    expect(findings.get_by_role("link", name="Maker 11", exact=True)).to_be_visible()  # the group stays open
    expect(findings.get_by_role("link", name="Maker 1", exact=True)).to_have_count(0)
    assert "entries=2" in page.url

    page.goto(second_url)
    page.evaluate("window.sameDocument = true")
    groups = page.get_by_role("region", name="Geprioriteerde risico's")
    group_pages = groups.get_by_role("navigation", name="Pagina's van de risicogroepen")
    expect(group_pages).to_contain_text("Pagina 1 van")
    group_pages.get_by_role("link", name="Volgende pagina").click()
    expect(group_pages).to_contain_text("Pagina 2 van")
    expect(groups.locator("tbody tr").first.locator("td").first).to_have_text(str(PER_PAGE + 1))
    sites = groups.get_by_role("columnheader", name="Locaties")
    sites.get_by_role("link").click()
    expect(sites).to_have_attribute("aria-sort", "descending")
    counts = [int(text) for text in first_cells(groups.get_by_role("table"), 4)]
    assert counts == sorted(counts, reverse=True)

    # A group's "and N more" opens the hotspot table filtered to the group.
    first_group = groups.locator("tbody tr").first
    first_group.locator("summary").click()
    first_group.get_by_role("link", name=re.compile("alle locaties van de groep")).click()
    hotspots = page.get_by_role("region", name="Risicopunten")
    expect(hotspots).to_contain_text("Alleen de risico's van de groep")
    assert "group=" in page.url

    changes = page.get_by_role("region", name="Wijzigingen sinds versie 1")
    changes.scroll_into_view_if_needed()
    counts_table = changes.get_by_role("table", name="Aantal wijzigingen per soort")
    expect(counts_table.get_by_role("row", name=re.compile("Locaties toegevoegd"))).to_contain_text(
        "61"
    )  # and the new contractor
    added = changes.locator("#changes-nodes_added")
    expect(added.locator("li").first).to_have_text("S1 (Naaiatelier 1)")
    added.get_by_role("link", name="Volgende pagina").click()
    expect(added.locator("li").first).to_have_text(f"S{PER_PAGE + 1} (Naaiatelier {PER_PAGE + 1})")
    assert "kind=nodes_added" in page.url and "page=2" in page.url
    assert page.evaluate("window.sameDocument") is True, "paging reloaded the page"
