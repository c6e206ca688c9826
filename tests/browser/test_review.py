"""The buyer's risk review in a browser: the graph, a site's details without reload (by mouse and keyboard),
the hotspot filter, a revision request, and the supplier seeing it."""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from chainmap.chain import ChainRow
from chainmap.chainfile import read_chain_file
from models import Role
from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.login import log_in
from tests.factories.chain_versions import make_version
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.unit.test_demo_chains import GARMENTS

pytestmark = pytest.mark.browser


def test_a_buyer_reviews_the_risk_graph_and_requests_a_revision_the_supplier_sees(
    page: Page, live_server: LiveServer
) -> None:
    with Session(live_server.engine) as session:
        contract = make_contract(session, title="Werkkleding buitendienst")
        supplier = make_user(
            session, email="lev@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER)
        make_version(session, contract=contract, supplier=supplier, rows=read_chain_file(GARMENTS).rows)
        review_url = f"/contracts/{contract.id}/versions/1"

    log_in(page, "inkoper@testdorp.nl")
    page.goto(review_url)
    expect(page.get_by_role("heading", name="Risicokaart van de keten", level=2)).to_be_visible()
    page.evaluate("window.sameDocument = true")  # gone if the page reloads
    graph = page.get_by_role("group", name=re.compile("Keten in schakels"))
    expect(graph.get_by_role("link")).to_have_count(16)
    details = page.get_by_role("complementary", name="Details van de locatie")

    # The top hotspot's node in the graph: its details open beside the graph.
    graph.get_by_role("link", name="Dhaka Apparel Works Ltd. (BD): zeer hoog").click()
    expect(details.get_by_role("heading", name="Dhaka Apparel Works Ltd.", level=2)).to_be_focused()
    forced_labour = details.get_by_role("row").filter(has=page.get_by_role("rowheader", name="dwangarbeid"))
    expect(forced_labour).to_contain_text("zeer hoog")
    expect(forced_labour).to_contain_text("Kleding uit Bangladesh staat op de lijst")
    expect(forced_labour).to_contain_text("List of Goods Produced by Child Labor or Forced Labor")
    assert page.evaluate("window.sameDocument") is True, "the details came with a full page reload"

    # The keyboard reaches the same details: a node takes the focus and Enter opens it.
    farm = graph.get_by_role("link", name=re.compile(r"^Dashoguz state cotton farms \(TM\)"))
    farm.focus()
    page.keyboard.press("Enter")
    expect(details.get_by_role("heading", name="Dashoguz state cotton farms", level=2)).to_be_focused()
    expect(details).to_contain_text("Turkmenistan")

    # Colour the graph by one theme, then filter the hotspots by it.
    page.get_by_label("Kleur volgens").select_option(label="dwangarbeid")
    expect(page.locator("svg.chain-graph[data-theme=forced_labour]")).to_have_count(1)
    graph.get_by_role("link", name="Coimbatore Spinning Mills Pvt. Ltd. (IN): zeer hoog").click()
    expect(
        details.get_by_role("heading", name="Coimbatore Spinning Mills Pvt. Ltd.", level=2)
    ).to_be_focused()
    page.get_by_label("Thema", exact=True).select_option(label="dwangarbeid")
    hotspots = page.locator("#hotspot-table tbody tr")
    themes = hotspots.locator("td:nth-child(6)")
    expect(themes.filter(has_not_text="dwangarbeid")).to_have_count(0)  # waits for the filtered table
    expect(themes.first).to_have_text("dwangarbeid")
    page.get_by_label("Niveau", exact=True).select_option(label="zeer hoog of hoger")
    levels = hotspots.locator("td:nth-child(7)")
    expect(levels.filter(has_not_text="zeer hoog")).to_have_count(0)  # waits for the filtered table
    expect(levels.first).to_have_text("zeer hoog")
    hotspots.first.get_by_role("link").click()
    expect(details.get_by_role("heading", level=2)).to_be_focused()
    assert page.evaluate("window.sameDocument") is True, "filtering reloaded the page"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "risk-review.png", full_page=True)

    # A revision request needs a comment; the decision then shows on the page.
    page.get_by_label("Herziening vragen").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Geef aan wat de leverancier moet herzien.")).to_be_visible()
    page.get_by_label("Toelichting voor de leverancier").fill("Benoem de onbekende spinnerij en haar land.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    decision = page.get_by_role("status").filter(has_text="Herziening gevraagd voor versie 1")
    expect(decision).to_contain_text("Benoem de onbekende spinnerij en haar land.")
    expect(page.get_by_role("button", name="Besluit vastleggen")).to_have_count(0)

    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, "lev@werkkleding.nl")
    page.goto(review_url)
    decision = page.get_by_role("status").filter(has_text="Herziening gevraagd voor versie 1")
    expect(decision).to_contain_text("Benoem de onbekende spinnerij en haar land.")
    expect(page.get_by_role("heading", name="Uw besluit")).to_have_count(0)


def test_many_findings_of_one_kind_open_into_the_full_list_and_a_site_from_it(
    page: Page, live_server: LiveServer
) -> None:
    rows = [ChainRow(2, "WN", "Werkkleding Nederland BV", "NL", "trading", "Garments")]
    for i in range(5):
        rows.append(ChainRow(3 + 2 * i, f"M{i}", f"Maker {i}", "BD", "cut-make-trim", "Garments", "WN"))
        rows.append(ChainRow(4 + 2 * i, f"S{i}", f"Weaver {i}", "BD", "weaving", "Fabric", f"M{i}", "50"))
    with Session(live_server.engine) as session:
        contract = make_contract(session, title="Werkkleding buitendienst")
        supplier = make_user(
            session, email="lev@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER)
        make_version(session, contract=contract, supplier=supplier, rows=rows)
        review_url = f"/contracts/{contract.id}/versions/1"

    log_in(page, "inkoper@testdorp.nl")
    page.goto(review_url)
    findings = page.get_by_role("region", name="Bevindingen van de controle")
    expect(findings).to_contain_text("5 afnemers van wie de aandelen van de leveranciers optellen tot minder")
    maker = findings.get_by_role("link", name="Maker 3")
    expect(maker).to_be_hidden()
    findings.get_by_text("Toon alle 5").click()
    expect(findings.get_by_role("link", name=re.compile(r"^Maker \d$"))).to_have_count(5)
    expect(maker).to_be_visible()
    maker.click()
    details = page.get_by_role("complementary", name="Details van de locatie")
    expect(details.get_by_role("heading", name="Maker 3", level=2)).to_be_focused()
