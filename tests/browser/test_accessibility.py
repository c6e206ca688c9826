"""Every page of the app meets WCAG 2.1 A and AA as far as axe-core checks it (tests/browser/accessibility):
the public pages, each role's pages on the demo's contracts (`chainmap demo`: a submitted chain, a chain
in its monitoring year, a draft with findings), the error pages, and the states a page reaches in place
(an htmx partial swapped in, an open <details>, a refused form). Pages are checked in Dutch and in English,
states reached by forms and clicks in Dutch. A test collects the violations of all its pages and fails with
all of them at once.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Final

import pytest
from playwright.sync_api import Dialog, Page, expect
from sqlmodel import Session, col, select

from chainmap.chain import COLUMNS
from chainmap.reference import load_reference
from models import Contract, Organisation, PlanAction, User
from tests.browser.accessibility import axe_violations, violations_text
from tests.browser.conftest import LiveServer
from tests.browser.login import log_in, log_out
from tests.factories.chainfiles import csv_text
from web.cli import (
    DEMO_BUYER,
    DEMO_BUYER_ORGANISATION,
    DEMO_CONTRACT_MANAGER,
    DEMO_ICT_SUPPLIER,
    DEMO_PASSWORD,
    DEMO_STONE_SUPPLIER,
    DEMO_SUPPLIER,
    DEMO_SUPPLIER_ORGANISATION,
    EXIT_OK,
)
from web.cli import demo as add_demo
from web.clock import netherlands_today
from web.i18n import LANGUAGE_COOKIE
from web.services.chains import as_chain_rows, draft_rows, replace_draft, submit_draft
from web.services.invitations import create_invitation
from web.services.notifications import collect
from web.services.public_summary import PUBLISH, change_publication
from web.settings import get_settings

pytestmark = pytest.mark.browser

ADMIN: Final = "admin@chainmap.example"
INVITEE: Final = "nieuw@werkkleding.example"
INVITEE_PASSWORD: Final = "een-lang-nieuw-wachtwoord"
WRONG_CHAIN: Final = [
    ["WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", ""],
    ["DHK", "Dhaka Apparel Works", "Atlantis", "cut-make-trim", "Garments", "WN", "100"],
    ["TMC", "Turkmen Cotton Farm", "TM", "farming", "Cotton", "NERGENS", "100"],
]


@dataclass(frozen=True)
class Demo:
    """The demo's ids the pages need: contracts by reference, an action of DEMO-002, organisations by
    name, the public summary's token and that of an invitation for INVITEE."""

    contracts: dict[str, int]
    action: int
    organisations: dict[str, int]
    summary_token: str
    invitation_token: str

    def contract(self, reference: str) -> str:
        return f"/contracts/{self.contracts[reference]}"


@pytest.fixture
def demo(live_server: LiveServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Demo]:
    """`chainmap demo` in the live server's database, and on top of it: version 2 of DEMO-001 (its last
    site moved to another country, so that its review shows changes), DEMO-002's public summary
    published, an invitation to DEMO-001 for INVITEE, and the notifications due today."""
    monkeypatch.setenv("DATABASE_URL", live_server.engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("CHAINMAP_UPLOAD_DIR", str(tmp_path / "uploads"))
    get_settings.cache_clear()
    try:
        assert add_demo() == EXIT_OK
    finally:
        get_settings.cache_clear()
    with Session(live_server.engine) as session:
        contracts = {contract.reference: contract for contract in session.exec(select(Contract))}
        users = {user.email: user for user in session.exec(select(User))}
        garments = contracts["DEMO-001"]
        assert garments.id is not None
        rows = as_chain_rows(draft_rows(session=session, contract_id=garments.id))
        last = rows[-1]
        moved = [*rows[:-1], last._replace(country="VN" if last.country != "VN" else "KH")]
        replace_draft(session=session, contract=garments, rows=moved)
        submit_draft(
            session=session, contract=garments, user=users[DEMO_SUPPLIER], reference=load_reference()
        )
        token = change_publication(
            session=session, contract=contracts["DEMO-002"], user=users[DEMO_BUYER], choice=PUBLISH
        )
        _invitation, invitation_token = create_invitation(
            session=session,
            contract=garments,
            user=users[DEMO_BUYER],
            email=INVITEE,
            valid_for=timedelta(days=14),
        )
        collect(session=session, today=netherlands_today(), dry_run=False)
        action = session.exec(
            select(PlanAction.id)
            .where(PlanAction.contract_id == contracts["DEMO-002"].id)
            .order_by(col(PlanAction.id))
        ).first()
        assert token is not None and action is not None
        yield Demo(
            contracts={reference: contract.id for reference, contract in contracts.items() if contract.id},
            action=action,
            organisations={o.name: o.id for o in session.exec(select(Organisation)) if o.id is not None},
            summary_token=token,
            invitation_token=invitation_token,
        )


@dataclass
class Audit:
    """The pages a test checked and the violations axe found on them, reported together at the end."""

    page: Page
    base_url: str
    checked: list[str] = field(default_factory=list)
    found: list[str] = field(default_factory=list)

    def check(self, what: str) -> None:
        """axe on the page as it is now; `what` names the page or state in the report."""
        where = f"{what} [{self.language()}] {self.page.url}"
        self.checked.append(where)
        if violations := axe_violations(self.page):
            self.found.append(violations_text(where, violations))

    def visit(self, path: str, *, status: int = 200) -> None:
        """Open `path` (answering `status`, not redirected elsewhere) and check it."""
        response = self.page.goto(path)
        assert response is not None and response.status == status, (path, response and response.status)
        assert self.page.url == self.base_url + path, f"{path} went to {self.page.url}"
        self.check(path)

    def visit_in_each_language(self, paths: list[str]) -> None:
        """Check each page in Dutch, then in English (the language cookie the switch button sets)."""
        for language in ("nl", "en"):
            self.set_language(language)
            for path in paths:
                self.visit(path)
        self.set_language("nl")
        self.page.reload()  # the page the next step starts from, in Dutch

    def set_language(self, language: str) -> None:
        self.page.context.add_cookies([{"name": LANGUAGE_COOKIE, "value": language, "url": self.base_url}])

    def language(self) -> str:
        return str(self.page.evaluate("document.documentElement.lang"))

    def assert_clean(self) -> None:
        assert self.checked, "no page was checked"
        assert not self.found, f"axe-core found WCAG 2.1 A/AA violations on {len(self.found)} of " + (
            f"{len(self.checked)} pages:\n" + "\n".join(self.found)
        )


@pytest.fixture
def audit(page: Page, live_server: LiveServer) -> Audit:
    return Audit(page=page, base_url=live_server.url)


def test_axe_runs_under_the_content_security_policy_and_finds_a_violation(
    page: Page, live_server: LiveServer
) -> None:
    """The check can fail: axe, added despite the policy's ban on inline scripts, reports an image
    without a text alternative added to the page, and the policy itself saw nothing blocked."""
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto("/check")
    assert axe_violations(page) == []
    page.evaluate(
        """document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="/static/none.png">')"""
    )
    rules = {violation.rule: violation for violation in axe_violations(page)}
    assert "image-alt" in rules, rules
    assert rules["image-alt"].targets == ("img",)
    assert rules["image-alt"].help_url.startswith("https://dequeuniversity.com/rules/axe/")
    text = violations_text("/check", list(rules.values()))
    assert "image-alt (critical)" in text and "img" in text
    assert blocked == []


def test_the_public_pages(page: Page, audit: Audit, demo: Demo) -> None:
    audit.visit_in_each_language(
        [
            "/check",
            "/check?goods=Cotton&country=TM",
            "/check?goods=xyzzy&country=Atlantis",
            "/check?cpv=18100000-0",
            "/login",
            f"/public/{demo.summary_token}",
            f"/invitations/{demo.invitation_token}",
        ]
    )
    for language in ("nl", "en"):
        audit.set_language(language)
        audit.visit("/public/no-such-summary", status=404)
    audit.set_language("nl")

    # The quick check's suggestions, swapped in by htmx as a good is typed, and its result.
    page.goto("/check")
    page.get_by_label("Product").press_sequentially("Cott")
    expect(page.locator("#goods-options option[value=katoen]")).to_be_attached()
    audit.check("quick check, suggestions")

    # A failed login.
    page.goto("/login")
    page.get_by_label("E-mailadres").fill(DEMO_BUYER)
    page.get_by_label("Wachtwoord").fill("not-the-password")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    audit.check("login refused")

    # The invitee asks to join the supplier through the link, first with passwords that differ.
    ask_to_join(page, audit, demo)
    audit.assert_clean()


def ask_to_join(page: Page, audit: Audit, demo: Demo) -> None:
    """INVITEE, logged out, asks through the invitation's link to join the supplier, first with passwords
    that differ; the request then waits for a member's approval."""
    page.goto(f"/invitations/{demo.invitation_token}")
    page.get_by_label("Uw naam").fill("Nieuwe Collega")
    page.get_by_label("Wachtwoord", exact=True).fill(INVITEE_PASSWORD)
    page.get_by_label("Wachtwoord herhalen").fill("een-ander-wachtwoord")
    page.get_by_role("button", name="Wachtwoord instellen en inloggen").click()
    expect(page.get_by_label("Wachtwoord herhalen")).to_have_attribute("aria-invalid", "true")
    audit.check("invitation refused")
    page.get_by_label("Wachtwoord", exact=True).fill(INVITEE_PASSWORD)
    page.get_by_label("Wachtwoord herhalen").fill(INVITEE_PASSWORD)
    page.get_by_role("button", name="Wachtwoord instellen en inloggen").click()
    expect(page.get_by_role("status")).to_contain_text("keurt goed wie erbij komt")
    audit.check("invitation accepted, pending approval")


def stale_form(page: Page, form_section: str) -> None:
    """The CSRF token of the forms in the section `form_section` (a CSS id) made stale, as after a long
    pause: the server refuses the form and shows it again with the error."""
    page.locator(f"{form_section} input[name=csrf_token]").evaluate_all(
        "inputs => inputs.forEach((input) => { input.value = 'stale'; })"
    )


def test_the_buyers_pages(page: Page, audit: Audit, demo: Demo) -> None:
    garments, stone, laptops = (
        demo.contract(reference) for reference in ("DEMO-001", "DEMO-002", "DEMO-003")
    )
    log_in(page, DEMO_BUYER, DEMO_PASSWORD)
    audit.visit_in_each_language(
        [
            "/",
            "/contracts",
            "/contracts/new",
            garments,
            f"{garments}/invitations",
            f"{garments}/versions/1",
            f"{garments}/versions/2",
            f"{garments}/versions/2/changes",
            f"{garments}/versions/2/sites/0",
            f"{garments}/timeline",
            stone,
            f"{stone}/plan",
            f"{stone}/actions/{demo.action}",
            f"{stone}/reports",
            f"{stone}/reports/1",
            f"{stone}/timeline",
            laptops,
            "/dashboard",
            "/notifications",
            "/organisation",
            "/account",
        ]
    )
    for language in ("nl", "en"):
        audit.set_language(language)
        audit.visit("/admin/organisations", status=403)
        audit.visit("/contracts/999999", status=404)
    audit.set_language("nl")

    # The review of version 2: a node's details beside the graph, the graph coloured by a theme, a risk
    # group opened, the hotspots filtered, the changes loaded as they scroll into view, a refused decision.
    page.goto(f"{garments}/versions/2")
    graph = page.get_by_role("group", name="Keten in schakels", exact=False)
    site = graph.get_by_role("link").first
    name = (site.locator("title").text_content() or "").split(" (")[0]
    site.click()
    details = page.get_by_role("complementary", name="Details van de locatie")
    expect(details.get_by_role("heading", name=name, level=2)).to_be_focused()
    audit.check("review, a site's details")
    page.get_by_label("Kleur volgens").select_option(label="dwangarbeid")
    expect(page.locator("svg.chain-graph[data-theme=forced_labour]")).to_have_count(1)
    audit.check("review, graph by theme")
    page.get_by_role("region", name="Geprioriteerde risico's").locator("summary").first.click()
    expect(page.locator("#risk-groups details[open]")).to_have_count(1)
    audit.check("review, a risk group open")
    page.get_by_label("Thema", exact=True).select_option(label="kinderarbeid")
    expect(page.locator("#hotspot-table tbody tr td:nth-child(6)").first).to_have_text("kinderarbeid")
    audit.check("review, hotspots filtered")
    changes = page.get_by_role("region", name="Wijzigingen sinds versie 1")
    changes.scroll_into_view_if_needed()
    expect(changes.locator("ul.changes").first).to_be_visible()
    audit.check("review, changes loaded")
    page.get_by_label("Herziening vragen").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_label("Toelichting voor de leverancier")).to_have_attribute("aria-invalid", "true")
    audit.check("review, decision refused")

    # A new contract: the CPV suggestions (htmx), then the form refused with errors by field.
    page.goto("/contracts/new")
    page.get_by_label("CPV-codes").press_sequentially("kleding")
    expect(page.locator("#cpv-options option").first).to_be_attached()
    audit.check("new contract, CPV suggestions")
    page.get_by_label("Titel").fill("Bedrijfskleding")
    page.get_by_label("Kenmerk").fill("DEMO-001")
    page.get_by_label("CPV-codes").fill("00000000-0")
    page.get_by_label("Startdatum").fill("2028-01-01")
    page.get_by_label("Einddatum").fill("2027-01-01")
    page.get_by_role("button", name="Contract aanmaken").click()
    expect(page.locator("[aria-invalid=true]").first).to_be_visible()
    audit.check("new contract refused")

    # An invitation made on the contract page shows its link; the public summary's form refused.
    page.goto(garments)
    invitations = page.get_by_role("region", name="Uitnodigingen")
    invitations.get_by_label("E-mailadres").fill("tweede@werkkleding.example")
    invitations.get_by_role("button", name="Uitnodigen").click()
    expect(page.get_by_label("Uitnodigingslink")).to_be_visible()
    audit.check("contract, invitation made")
    page.goto(stone)
    stale_form(page, "#exports")
    page.get_by_role("button", name="Publieke samenvatting intrekken").click()
    expect(page.get_by_role("alert")).to_be_visible()
    audit.check("public summary's form refused")
    audit.assert_clean()


def test_the_suppliers_pages(page: Page, audit: Audit, demo: Demo, tmp_path: Path) -> None:
    laptops, stone, garments = (
        demo.contract(reference) for reference in ("DEMO-003", "DEMO-002", "DEMO-001")
    )
    log_in(page, DEMO_ICT_SUPPLIER, DEMO_PASSWORD)
    audit.visit_in_each_language(
        [
            "/",
            "/contracts",
            laptops,
            f"{laptops}/chain",
            f"{laptops}/chain/file",
            "/dashboard",
            "/organisation",
        ]
    )

    # The chain form: a row being edited, a new row refused with messages at its fields.
    page.goto(f"{laptops}/chain")
    page.get_by_role("button", name="Rij 2 bewerken").click()
    expect(page.get_by_label("Naam", exact=True)).to_be_visible()
    audit.check("chain form, a row being edited")
    page.get_by_role("button", name="Annuleren").click()
    page.get_by_role("button", name="Locatie toevoegen").click()
    new_row = page.get_by_role("row").filter(has=page.get_by_role("button", name="Opslaan"))
    new_row.get_by_label("Id", exact=True).fill("X1")
    new_row.get_by_label("Land", exact=True).fill("Atlantis")
    new_row.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text(re.compile(r"Locaties: 11 · fouten: [1-9]"))).to_be_visible()
    audit.check("chain form, a row with errors")
    # The draft has errors now: JSON, which needs a valid chain, cannot be downloaded.
    audit.visit(f"{laptops}/chain/draft.json", status=409)

    # A chain file with errors, refused with the errors by row.
    page.goto(f"{laptops}/chain/file")
    (tmp_path / "keten.csv").write_text(csv_text([list(COLUMNS), *WRONG_CHAIN]), encoding="utf-8")
    page.get_by_label("Ketenbestand (.csv, .xlsx of .json)").set_input_files(tmp_path / "keten.csv")
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_role("table", name="Fouten in het bestand")).to_be_visible()
    audit.check("chain file refused")
    log_out(page)

    # The monitoring year's supplier: the plan, an action, the progress reports.
    log_in(page, DEMO_STONE_SUPPLIER, DEMO_PASSWORD)
    audit.visit_in_each_language(
        [
            stone,
            f"{stone}/plan",
            f"{stone}/actions/{demo.action}",
            f"{stone}/reports",
            f"{stone}/reports/1",
            f"{stone}/reports/2",
            "/notifications",
            "/account",
        ]
    )
    log_out(page)

    # The garment supplier's organisation with the invitee's request to join, and the review it may read.
    ask_to_join(page, audit, demo)
    log_in(page, DEMO_SUPPLIER, DEMO_PASSWORD)
    page.goto("/organisation")
    expect(page.get_by_role("table", name="Verzoeken om toe te treden")).to_contain_text(INVITEE)
    audit.visit_in_each_language(["/organisation", garments, f"{garments}/versions/2"])
    audit.assert_clean()


def test_the_contract_managers_pages(page: Page, audit: Audit, demo: Demo) -> None:
    stone = demo.contract("DEMO-002")
    log_in(page, DEMO_CONTRACT_MANAGER, DEMO_PASSWORD)
    audit.visit_in_each_language(
        ["/dashboard", stone, f"{stone}/plan", f"{stone}/actions/{demo.action}", f"{stone}/reports/1"]
    )

    # The dashboard's rows filtered in place (htmx).
    page.goto("/dashboard")
    page.get_by_label("Zoek op kenmerk, titel of leverancier").fill("DEMO-002")
    expect(page.get_by_role("link", name="DEMO-001")).to_have_count(0)
    audit.check("dashboard, filtered")

    # On a phone's width the page stays within the screen; the table scrolls sideways in its own region.
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/dashboard")
    expect(page.get_by_role("region", name="Contracten en de stand van hun monitoring")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    audit.check("dashboard, phone width")
    page.set_viewport_size({"width": 1280, "height": 720})

    # The escalation step refused: the section on a page of its own, with the error.
    page.goto(stone)
    escalation = page.get_by_role("region", name="Escalatie")
    escalation.get_by_label("Stap", exact=True).select_option(index=1)
    escalation.get_by_label("Reden").fill("Geen voortgang")
    stale_form(page, "#escalation")
    escalation.get_by_role("button", name="Stap vastleggen").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    audit.check("escalation step refused")
    audit.assert_clean()


def test_the_admins_pages(page: Page, audit: Audit, demo: Demo) -> None:
    ask_to_join(page, audit, demo)
    log_in(page, ADMIN, DEMO_PASSWORD)
    buyer, supplier = (
        demo.organisations[name] for name in (DEMO_BUYER_ORGANISATION, DEMO_SUPPLIER_ORGANISATION)
    )
    audit.visit_in_each_language(
        [
            "/admin/organisations",
            f"/admin/organisations/{buyer}",
            f"/admin/organisations/{supplier}",
            "/account",
        ]
    )

    # A new password for a user, shown once after the admin confirms.
    page.goto(f"/admin/organisations/{buyer}")

    def confirm(dialog: Dialog) -> None:
        dialog.accept()

    page.once("dialog", confirm)
    page.get_by_role("button", name="Nieuw wachtwoord").first.click()
    expect(page.get_by_role("status").first).to_be_visible()
    audit.check("admin, a new password shown")
    audit.assert_clean()
