"""Issue 5's monitoring in one browser journey, by the links and buttons a person uses: the supplier
proposes an action on a prioritised risk and submits the plan; the contract manager approves it; the
supplier uploads evidence and marks the action done; the contract manager verifies it, sees the overdue
action on the dashboard and records an escalation step; the supplier sees the step. The dashboard and the
contract's timeline are saved as screenshots in test-artifacts/."""

from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_playwright.pytest_playwright import CreateContextCallback
from sqlmodel import Session

from models import Role
from tests.browser.conftest import ARTIFACTS, TIMEOUT_MS, LiveServer
from tests.browser.login import log_in
from tests.factories.contracts import make_contract
from tests.factories.plan import CHILD_LABOUR_AT_BD, make_accepted_version, make_plan_action
from tests.factories.users import make_user
from web.clock import netherlands_today

pytestmark = pytest.mark.browser

SUPPLIER = "leverancier@werkkleding.nl"
CONTRACT_MANAGER = "contractmanager@testdorp.nl"
# A PDF as small as a PDF gets: the upload is checked by its content, not its name.
EVIDENCE_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_plan_evidence_verification_dashboard_and_escalation(
    page: Page, new_context: CreateContextCallback, live_server: LiveServer, tmp_path: Path
) -> None:
    today = netherlands_today()
    with Session(live_server.engine) as session:
        buyer = make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER)
        make_user(session, email=CONTRACT_MANAGER, role=Role.CONTRACT_MANAGER)
        supplier_user = make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
        contract = make_contract(session, title="Werkkleding buitendienst", reference="WK-2027-01")
        make_accepted_version(session, contract=contract, supplier=supplier_user, buyer=buyer)
        # An action the supplier drafted earlier, whose due date has passed since.
        make_plan_action(
            session,
            contract=contract,
            user=supplier_user,
            risks=(CHILD_LABOUR_AT_BD,),
            title="Leeftijdscontrole bij het naaiatelier",
            due_on=today - timedelta(days=5),
        )

    # The supplier proposes an action on the most salient risk and submits the plan.
    log_in(page, SUPPLIER)
    page.get_by_role("link", name="Contracten", exact=True).click()
    page.get_by_role("link", name="WK-2027-01").click()
    page.get_by_role("link", name="Plan van aanpak openen").click()
    propose = page.get_by_role("region", name="Actie voorstellen")
    propose.get_by_label("Titel").fill("Onaangekondigde audit naaiatelier Dhaka")
    propose.get_by_label("Soort maatregel").select_option(label="audit")
    propose.get_by_label("Eigenaar").fill("Inkoop Werkkleding BV")
    propose.get_by_label("Uiterste datum").fill((today + timedelta(days=60)).isoformat())
    propose.get_by_label("dwangarbeid", exact=False).first.check()
    propose.get_by_role("button", name="Actie toevoegen").click()
    actions = page.get_by_role("table", name="Acties")
    expect(actions.get_by_role("link", name="Onaangekondigde audit naaiatelier Dhaka")).to_be_visible()
    page.get_by_role("button", name="Plan indienen").click()
    expect(page.get_by_role("region", name="Status van het plan")).to_contain_text("ingediend")

    # The contract manager approves the plan.
    manager_context = new_context(base_url=live_server.url)
    manager_context.set_default_timeout(TIMEOUT_MS)
    manager = manager_context.new_page()
    log_in(manager, CONTRACT_MANAGER)
    manager.get_by_role("link", name="Contracten", exact=True).click()
    manager.get_by_role("link", name="WK-2027-01").click()
    manager.get_by_role("link", name="Plan van aanpak openen").click()
    manager.get_by_label("Goedkeuren").check()
    manager.get_by_role("button", name="Besluit vastleggen").click()
    expect(manager.get_by_role("region", name="Status van het plan")).to_contain_text("goedgekeurd")

    # The supplier uploads the audit report as evidence and marks the action done.
    page.reload()
    page.get_by_role("link", name="Onaangekondigde audit naaiatelier Dhaka").click()
    (tmp_path / "auditrapport.pdf").write_bytes(EVIDENCE_PDF)
    page.get_by_label("Bestand", exact=True).set_input_files(tmp_path / "auditrapport.pdf")
    page.get_by_role("button", name="Bewijsstuk toevoegen").click()
    expect(page.get_by_role("link", name="auditrapport.pdf")).to_be_visible()
    page.get_by_label("Status", exact=True).select_option(label="afgerond")
    page.get_by_role("button", name="Actie opslaan").click()
    changes = page.get_by_role("region", name="Wijzigingen sinds goedkeuring")
    expect(changes).to_contain_text("afgerond")

    # The contract manager opens the evidence's action and verifies it.
    manager.get_by_role("link", name="Onaangekondigde audit naaiatelier Dhaka").click()
    expect(manager.get_by_role("link", name="auditrapport.pdf")).to_be_visible()
    manager.get_by_label("geverifieerd", exact=True).check()
    manager.get_by_label("Opmerking").fill("Auditrapport gelezen; bevindingen opgevolgd.")
    manager.get_by_role("button", name="Verificatie vastleggen").click()
    expect(manager.get_by_role("region", name="Verificatie")).to_contain_text("geverifieerd")

    # On the dashboard the contract shows its overdue action.
    manager.get_by_role("link", name="Dashboard", exact=True).click()
    row = manager.get_by_role("row").filter(has=manager.get_by_role("link", name="WK-2027-01"))
    expect(row).to_contain_text("1 van 1 open")
    ARTIFACTS.mkdir(exist_ok=True)
    manager.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    # The contract manager records the first step of the escalation ladder.
    row.get_by_role("link", name="WK-2027-01").click()
    escalation = manager.get_by_role("region", name="Escalatie")
    escalation.get_by_label("Stap", exact=True).select_option(label="dialoog")
    escalation.get_by_label("Per", exact=True).fill(today.isoformat())
    escalation.get_by_label("Reden").fill("De leeftijdscontrole is over de termijn.")
    escalation.get_by_role("button", name="Stap vastleggen").click()
    expect(manager.get_by_role("region", name="Escalatie")).to_contain_text("Huidige stap: dialoog")

    # The supplier sees the step on its contract page; the timeline tells the whole story.
    page.get_by_role("link", name="Contracten", exact=True).click()
    page.get_by_role("link", name="WK-2027-01").click()
    expect(page.get_by_role("region", name="Escalatie")).to_contain_text("Huidige stap: dialoog")
    expect(page.get_by_text("De leeftijdscontrole is over de termijn.")).to_be_visible()
    page.get_by_role("link", name="Tijdlijn van het contract").click()
    for event in ("Plan van aanpak goedgekeurd", "geverifieerd", "Escalatiestap vastgelegd: dialoog"):
        expect(page.get_by_text(event, exact=False).first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
