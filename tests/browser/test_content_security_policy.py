"""The pages work under the content security policy (web.headers), with no violation reported: the login,
the quick check's suggestions, the contract page, the risk review's graph and side panel, the chain form,
the plan, the dashboard's filters and the admin's confirmation before a new password. The browser reports
every blocked script, handler or style in its console and as a securitypolicyviolation event; the test
first makes sure it hears one."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import ConsoleMessage, Dialog, Page, expect
from sqlmodel import Session

from models import Organisation, Role
from tests.browser.conftest import LiveServer
from tests.browser.login import log_in, log_out
from tests.factories.contracts import make_contract
from tests.factories.plan import CHILD_LABOUR_AT_BD, make_accepted_version, make_plan_action
from tests.factories.users import make_user

pytestmark = pytest.mark.browser

CSP = "Content Security Policy"
# Kept by the page in window.cspViolations; an init script runs in every document before the page's own.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def console(page: Page) -> Iterator[list[str]]:
    """The console's messages and the page's uncaught errors, as they come."""
    messages: list[str] = []

    def heard(message: ConsoleMessage) -> None:
        messages.append(f"{message.type}: {message.text}")

    page.on("console", heard)
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    page.add_init_script(RECORD_VIOLATIONS)
    yield messages


def violations(page: Page, console: list[str]) -> list[str]:
    """What the policy blocked on this page, by the console and by the page's events."""
    events: list[str] = page.evaluate("window.cspViolations || []")
    return [message for message in console if CSP in message or "pageerror" in message] + events


def test_the_main_pages_work_under_the_policy_without_a_violation(
    page: Page, live_server: LiveServer, console: list[str]
) -> None:
    with Session(live_server.engine) as session:
        buyer = make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER)
        make_user(session, email="contractmanager@testdorp.nl", role=Role.CONTRACT_MANAGER)
        supplier = make_user(
            session, email="lev@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        make_user(session, email="beheer@chainmap.nl", role=Role.ADMIN, organisation=None)
        contract = make_contract(session, title="Werkkleding buitendienst", reference="WK-2027-01")
        make_accepted_version(session, contract=contract, supplier=supplier, buyer=buyer)
        make_plan_action(
            session, contract=contract, user=supplier, risks=(CHILD_LABOUR_AT_BD,), title="Audit"
        )
        draft = make_contract(session, title="Schoeisel", reference="WK-2027-02")
        organisation = session.get(Organisation, buyer.organisation_id)
        assert contract.id and draft.id and organisation is not None
        contract_id, draft_id, organisation_id = contract.id, draft.id, organisation.id

    # The listener hears a violation: an inline handler added to the page is blocked and reported.
    page.goto("/login")
    with page.expect_console_message(lambda message: CSP in message.text):
        page.evaluate("""document.body.insertAdjacentHTML("beforeend", '<img src="/x.png" onerror="1">')""")
    assert violations(page, console), console
    console.clear()
    page.goto("/login")

    # A visitor: the login page and the quick check's suggestions (htmx).
    page.goto("/check")
    page.get_by_label("Product").press_sequentially("Cott")
    expect(page.locator("#goods-options option[value=katoen]")).to_be_attached()
    assert violations(page, console) == []

    # The buyer: the contract page, the review's graph and a site's details beside it (review.js, htmx).
    log_in(page, "inkoper@testdorp.nl")
    page.goto(f"/contracts/{contract_id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Werkkleding buitendienst")
    assert violations(page, console) == []
    page.goto(f"/contracts/{contract_id}/versions/1")
    page.evaluate("window.sameDocument = true")
    graph = page.get_by_role("group", name=re.compile("Keten in schakels"))
    site = graph.get_by_role("link").first
    name = (site.locator("title").text_content() or "").split(" (")[0]
    site.click()
    details = page.get_by_role("complementary", name="Details van de locatie")
    expect(details.get_by_role("heading", name=name, level=2)).to_be_focused()
    assert page.evaluate("window.sameDocument") is True
    page.get_by_label("Kleur volgens").select_option(label="dwangarbeid")
    expect(page.locator("svg.chain-graph[data-theme=forced_labour]")).to_have_count(1)
    assert violations(page, console) == []
    page.goto(f"/contracts/{contract_id}/plan")
    expect(page.get_by_text("Audit").first).to_be_visible()
    assert violations(page, console) == []
    log_out(page)

    # The supplier: the chain form, a row added in place (htmx).
    log_in(page, "lev@werkkleding.nl")
    page.goto(f"/contracts/{draft_id}/chain")
    page.get_by_role("button", name="Locatie toevoegen").click()
    for label, value in {
        "Id": "WN",
        "Naam": "Werkkleding Nederland BV",
        "Land": "NL",
        "Activiteit": "handel",
    }.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("row").filter(has_text="Werkkleding Nederland BV")).to_have_count(1)
    assert violations(page, console) == []
    log_out(page)

    # The contract manager: the dashboard, filtered in place (htmx).
    log_in(page, "contractmanager@testdorp.nl")
    page.goto("/dashboard")
    page.get_by_label("Zoek op kenmerk, titel of leverancier").fill("WK-2027-01")
    expect(page.get_by_role("link", name="WK-2027-02")).to_have_count(0)  # the rows, filtered by htmx
    expect(page.get_by_role("link", name="WK-2027-01")).to_be_visible()
    assert violations(page, console) == []
    log_out(page)

    # The admin: a new password is asked for first (data-confirm in app.js, once an inline handler).
    log_in(page, "beheer@chainmap.nl")
    page.goto(f"/admin/organisations/{organisation_id}")
    asked: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name="Nieuw wachtwoord").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert asked and "een nieuw wachtwoord geven?" in asked[0]
    assert page.url.endswith(f"/admin/organisations/{organisation_id}")
    assert violations(page, console) == []
