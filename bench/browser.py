"""The review page and the chain form of 2,000- and 10,000-site chains, measured in a real browser.

Run by `make bench` (not a test: figures, not pass/fail of a feature). A fresh SQLite database in a
temporary directory gets a buyer and a supplier and, for each size, a contract whose version 1 (a synthetic
chain of bench.synthetic) is submitted and accepted; the draft stays as the supplier's start of the next
version. `chainmap serve` serves it in a subprocess, and Debian's Chromium, driven by Playwright with the
browser tests' launch arguments, opens as the buyer the review page and as the supplier the chain form.

Measured, per size:
- review page, first paint: the browser's first-contentful-paint entry, from the start of the navigation;
- review page, interactive: from the start of the navigation until the heading and the hotspot filter are
  shown, the document is parsed and htmx has no request in flight, as seen by a check that runs in an
  animation frame (so not while the main thread is busy); the first view of the version (which the server
  analyses and keeps) is reported beside the median of the later views, which the target is for;
- node click: a site's link in the hotspot table clicked until its heading shows in the details panel,
  from Playwright's click (its checks that the link can be clicked included) to the heading found; the
  median of NODE_CLICKS different sites of the top hotspots clicked in turn, the first click and the
  range beside it;
- hotspot filter: a theme chosen in the hotspot filter until its rows are in and htmx is idle;
- chain form, first paint and interactive: as for the review page, with the form's heading and its table;
- row edit: a row's edit button, its name changed and saved: the server's time for the save (from sending
  the request to the first byte of the answer) and the time until htmx has swapped the answer in and has
  no request in flight (the preview the save triggers included); the new name is then looked for.
Targets from issue 12: review page interactive within 1.5 s at 10,000 sites (held at both sizes), a node
click within 200 ms, the chain form within 1 s, the row edit's server time within 300 ms. Every figure is
printed in a table; the exit status is 1 when any target was missed. The server's log, with its time for
every request, is kept in bench/out/browser-server.log.

What the steps click is in the locators below, found by role and label as a person finds them: the only
place to adjust when the pages change.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from sqlmodel import Session

from bench.load import BIN, OUT, free_port, wait_until_up
from bench.web import PASSWORD, bench_user, contract_with_chain
from models import (
    OrganisationKind,
    Role,
)
from models.db import make_engine
from models.migrate import upgrade
from web.services.users import organisation_named

SIZES: Final = (2_000, 10_000)
# Later views of the review page after its first, for the median.
VIEWS: Final = 3
# Sites of the hotspot table clicked in turn, for the median: one click is one sample of a figure that
# a busy moment of the browser or the server (a garbage collection) can double.
NODE_CLICKS: Final = 5
CHROMIUM: Final = "/usr/bin/chromium"
# As tests/browser/conftest.py launches it: no sandbox (containers), no calls home.
CHROMIUM_ARGS: Final = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# Today's pages take seconds at 10,000 sites; a step that takes longer than this has failed.
STEP_TIMEOUT_MS: Final = 120_000
BUYER: Final = "inkoper@browser.bench.example"
SUPPLIER: Final = "leverancier@browser.bench.example"

REVIEW_INTERACTIVE_MS: Final = 1_500.0
NODE_CLICK_MS: Final = 200.0
CHAIN_FORM_MS: Final = 1_000.0
ROW_EDIT_SERVER_MS: Final = 300.0

# --- What the steps find and click (a Dutch browser, as the app's users) -------------------------------
LOCALE: Final = "nl-NL"
FILTER_THEME: Final = "dwangarbeid"
EDITED_ROW: Final = 2  # the contractor's row: the first of the table


def login_email(page: Page) -> Locator:
    return page.get_by_label("E-mailadres")


def login_password(page: Page) -> Locator:
    return page.get_by_label("Wachtwoord")


def login_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Inloggen")


def logged_in(page: Page) -> Locator:
    return page.get_by_role("button", name="Uitloggen")


def review_heading(page: Page) -> Locator:
    """The review page's title (h1): "Risicobeoordeling van versie 1: …"."""
    return page.get_by_role("heading", name="Risicobeoordeling van versie", level=1)


def hotspot_filter(page: Page) -> Locator:
    """The theme select of the hotspot table's filter."""
    return page.get_by_label("Thema", exact=True)


def hotspot_site_links(page: Page) -> Locator:
    """The sites' links of the hotspot table, most severe hotspot first: in their row headers, not a
    column header's sort link."""
    table = page.get_by_role("region", name="Risicopunten").get_by_role("table")
    return table.get_by_role("rowheader").get_by_role("link")


def details_heading(page: Page, site: str) -> Locator:
    """The site's name as the heading of the details panel beside the graph."""
    panel = page.get_by_role("complementary", name="Details van de locatie")
    return panel.get_by_role("heading", name=site, exact=True)


def is_hotspot_answer(url: str) -> bool:
    """The answer that brings the filtered hotspot rows (htmx asks …/hotspots?theme=…)."""
    return "/hotspots" in url


def chain_form_heading(page: Page) -> Locator:
    return page.get_by_role("heading", name="Productieketen", level=1)


def chain_table(page: Page) -> Locator:
    return page.get_by_role("table", name="Locaties van de conceptketen")


def edit_row_button(page: Page) -> Locator:
    return page.get_by_role("button", name=f"Rij {EDITED_ROW} bewerken")


def name_field(page: Page) -> Locator:
    return page.get_by_label("Naam", exact=True)


def save_button(page: Page) -> Locator:
    """The save button of the row being edited (found from its name field: on a page of 10,000 rows, a
    search of the whole page by role takes seconds)."""
    return name_field(page).locator("xpath=ancestor::tr[1]").get_by_role("button", name="Opslaan")


def shown_name(page: Page, name: str) -> Locator:
    """The saved name, shown in the table again."""
    return page.get_by_text(name, exact=True)


def is_row_save(method: str, url: str) -> bool:
    """The request that saves an edited row (htmx: PUT …/chain/rows/<id>)."""
    return method == "PUT" and "/chain/rows/" in url


# --------------------------------------------------------------------------------------------------------

# True once the document is parsed and htmx has set up and has no request in flight.
HTMX_IDLE: Final = (
    "() => document.readyState !== 'loading' && typeof window.htmx === 'object'"
    " && document.querySelector('.htmx-request') === null"
)
FIRST_PAINT: Final = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return paint ? paint.startTime : null;
}"""


@dataclass(frozen=True)
class Figure:
    """One measured step: its value in milliseconds and its target (None: reported, no target)."""

    sites: int
    step: str
    milliseconds: float
    target: float | None = None
    note: str = ""
    failed: bool = False

    @property
    def met(self) -> bool:
        return not self.failed and (self.target is None or self.milliseconds <= self.target)


@dataclass(frozen=True)
class Seeded:
    contracts: dict[int, int]  # contract id by number of sites


def seed(url: str) -> Seeded:
    """A buyer and a supplier; per size, a contract whose version 1 of that many sites is accepted, with
    the draft left as the start of the next version."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            buyer_organisation = organisation_named(
                session=session, name="Gemeente Browserbench", kind=OrganisationKind.BUYER
            )
            supplier_organisation = organisation_named(
                session=session, name="Werkkleding Browserbench BV", kind=OrganisationKind.SUPPLIER
            )
            assert buyer_organisation.id is not None and supplier_organisation.id is not None
            buyer = bench_user(session, BUYER, Role.BUYER, buyer_organisation.id)
            supplier = bench_user(session, SUPPLIER, Role.SUPPLIER, supplier_organisation.id)
            contracts: dict[int, int] = {}
            for sites in SIZES:
                contract, _ = contract_with_chain(
                    session,
                    title=f"Werkkleding, keten van {sites} locaties",
                    reference=f"BROWSER-{sites}",
                    buyer_organisation_id=buyer_organisation.id,
                    supplier=supplier,
                    sites=sites,
                    accepted_by=buyer,
                )
                assert contract.id is not None
                contracts[sites] = contract.id
            return Seeded(contracts=contracts)
    finally:
        engine.dispose()


def log_in(browser: Browser, base: str, email: str) -> Page:
    """A new browser context logged in as `email`, and its page."""
    context = browser.new_context(base_url=base, locale=LOCALE)
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = context.new_page()
    page.goto("/login")
    login_email(page).fill(email)
    login_password(page).fill(PASSWORD)
    login_button(page).click()
    logged_in(page).wait_for()
    return page


@dataclass(frozen=True)
class Load:
    """A page's load as the browser saw it, in milliseconds from the start of the navigation."""

    first_paint: float
    interactive: float


def load(page: Page, path: str, controls: Callable[[Page], list[Locator]]) -> Load:
    """Open `path` and wait until it is interactive: `controls` shown and htmx idle, checked in an
    animation frame; the time is the page's own clock at that check."""
    page.goto(path, wait_until="commit")
    for control in controls(page):
        control.wait_for(state="visible")
    interactive = page.wait_for_function(
        f"() => ({HTMX_IDLE})() && performance.now()", polling="raf"
    ).json_value()
    first_paint = page.evaluate(FIRST_PAINT)
    assert isinstance(interactive, int | float) and isinstance(first_paint, int | float), (
        interactive,
        first_paint,
    )
    return Load(first_paint=float(first_paint), interactive=float(interactive))


def review_controls(page: Page) -> list[Locator]:
    return [review_heading(page), hotspot_filter(page)]


def chain_form_controls(page: Page) -> list[Locator]:
    return [chain_form_heading(page), chain_table(page)]


def measure_review_load(page: Page, sites: int, contract_id: int) -> list[Figure]:
    """The buyer's review page of the size's version: its first view, then the median of VIEWS more."""
    path = f"/contracts/{contract_id}/versions/1"
    first = load(page, path, review_controls)
    later = [load(page, path, review_controls) for _ in range(VIEWS)]
    return [
        Figure(
            sites,
            REVIEW_PAINT,
            statistics.median(view.first_paint for view in later),
            note=f"first view {first.first_paint:.0f} ms",
        ),
        Figure(
            sites,
            REVIEW_INTERACTIVE,
            statistics.median(view.interactive for view in later),
            REVIEW_INTERACTIVE_MS,
            note=f"first view {first.interactive:.0f} ms",
        ),
    ]


def measure_node_click(page: Page, sites: int, contract_id: int) -> list[Figure]:
    """On the review page: the sites of the top hotspots clicked in turn, each until its details are
    shown beside the graph, NODE_CLICKS different sites (a site can have hotspots of several themes, and
    a site's details already shown would be found at once); the median, with the first click and the
    range beside it."""
    times: list[float] = []
    clicked: set[str] = set()
    links = hotspot_site_links(page)
    for rank in range(links.count()):
        link = links.nth(rank)
        site = link.inner_text().strip()
        if site in clicked:
            continue
        clicked.add(site)
        started = time.perf_counter()
        link.click()
        details_heading(page, site).wait_for(state="visible")
        times.append((time.perf_counter() - started) * 1000)
        if len(times) == NODE_CLICKS:
            break
    assert times, "the hotspot table has no site to click"
    note = f"median of {len(times)}; first {times[0]:.0f} ms, {min(times):.0f}–{max(times):.0f} ms"
    return [Figure(sites, NODE_CLICK, statistics.median(times), NODE_CLICK_MS, note=note)]


def measure_filter(page: Page, sites: int, contract_id: int) -> list[Figure]:
    """On the review page: a theme chosen in the hotspot filter until its rows are in and htmx is idle."""
    started = time.perf_counter()
    with page.expect_response(lambda response: is_hotspot_answer(response.url)):
        hotspot_filter(page).select_option(label=FILTER_THEME)
    page.wait_for_function(HTMX_IDLE, polling="raf")
    return [Figure(sites, HOTSPOT_FILTER, (time.perf_counter() - started) * 1000)]


def measure_chain_form_load(page: Page, sites: int, contract_id: int) -> list[Figure]:
    """The supplier's chain form of the size's draft: its first view, then a second."""
    path = f"/contracts/{contract_id}/chain"
    first = load(page, path, chain_form_controls)
    later = load(page, path, chain_form_controls)
    return [
        Figure(sites, CHAIN_FORM_PAINT, later.first_paint, note=f"first view {first.first_paint:.0f} ms"),
        Figure(
            sites,
            CHAIN_FORM_INTERACTIVE,
            later.interactive,
            CHAIN_FORM_MS,
            note=f"first view {first.interactive:.0f} ms",
        ),
    ]


def measure_row_edit(page: Page, sites: int, contract_id: int) -> list[Figure]:
    """On the chain form: a row's name edited and saved."""
    edit_row_button(page).click()
    name = f"Werkkleding Browserbench BV ({sites})"
    name_field(page).fill(name)
    started = time.perf_counter()
    with page.expect_response(lambda response: is_row_save(response.request.method, response.url)) as saved:
        save_button(page).click()
    page.wait_for_function(HTMX_IDLE, polling="raf")
    shown = (time.perf_counter() - started) * 1000
    shown_name(page, name).wait_for(state="visible")  # the table did show the saved name
    timing = saved.value.request.timing
    return [
        Figure(sites, ROW_EDIT_SERVER, timing["responseStart"] - timing["requestStart"], ROW_EDIT_SERVER_MS),
        Figure(sites, ROW_EDIT_SHOWN, shown),
    ]


def print_table(figures: list[Figure]) -> None:
    print(f"{'sites':>7}  {'step':36} {'ms':>8}  {'target':>8}  {'':7}  note")
    for figure in figures:
        target = f"≤ {figure.target:.0f}" if figure.target is not None else "—"
        verdict = "met" if figure.met else "NOT met"
        value = "failed" if figure.failed else f"{figure.milliseconds:.0f}"
        line = f"{figure.sites:>7,}  {figure.step:36} {value:>8}  {target:>8}  {verdict:7}  {figure.note}"
        print(line.rstrip())


def main() -> int:
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        url = f"sqlite:///{workdir / 'bench.db'}"
        upgrade(url)
        started = time.perf_counter()
        seeded = seed(url)
        sizes = ", ".join(f"{n:,}" for n in SIZES)
        print(f"seeded {sizes}-site chains in {time.perf_counter() - started:.0f} s", flush=True)
        environment = {
            **os.environ,
            "DATABASE_URL": url,
            "CHAINMAP_ENVIRONMENT": "test",
            "CHAINMAP_UPLOAD_DIR": str(workdir / "uploads"),
            "CHAINMAP_SECRET_KEY_FILE": str(workdir / "secret_key"),
        }
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        serve = [str(BIN / "chainmap"), "serve", "--host", "127.0.0.1", "--port", str(port)]
        with (workdir / "server.log").open("wb") as server_log:
            server = subprocess.Popen(serve, env=environment, stdout=server_log, stderr=subprocess.STDOUT)  # noqa: S603
            try:
                wait_until_up(base, server)
                figures = run_browser(base, seeded)
            finally:
                server.terminate()
                server.wait(timeout=30)
                OUT.mkdir(exist_ok=True)  # the server's time of every request, for a closer look
                shutil.copyfile(workdir / "server.log", OUT / "browser-server.log")
    print_table(figures)
    missed = [figure for figure in figures if not figure.met]
    print(f"browser: {len(figures) - len(missed)} of {len(figures)} figures met their target or ran")
    return 1 if missed else 0


REVIEW_PAINT: Final = "review page: first paint"
REVIEW_INTERACTIVE: Final = "review page: interactive"
NODE_CLICK: Final = "review page: node click to details"
HOTSPOT_FILTER: Final = "review page: hotspot filter"
CHAIN_FORM_PAINT: Final = "chain form: first paint"
CHAIN_FORM_INTERACTIVE: Final = "chain form: interactive"
ROW_EDIT_SERVER: Final = "chain form: row edit, server"
ROW_EDIT_SHOWN: Final = "chain form: row edit, until shown"
Measure = Callable[[Page, int, int], list[Figure]]
# Each measurement with the steps it reports and their targets (for the table when it fails), in order:
# the buyer's (the node click and the filter on the page the load left open), then the supplier's.
BUYER_MEASURES: Final[tuple[tuple[Measure, tuple[tuple[str, float | None], ...]], ...]] = (
    (measure_review_load, ((REVIEW_PAINT, None), (REVIEW_INTERACTIVE, REVIEW_INTERACTIVE_MS))),
    (measure_node_click, ((NODE_CLICK, NODE_CLICK_MS),)),
    (measure_filter, ((HOTSPOT_FILTER, None),)),
)
SUPPLIER_MEASURES: Final[tuple[tuple[Measure, tuple[tuple[str, float | None], ...]], ...]] = (
    (measure_chain_form_load, ((CHAIN_FORM_PAINT, None), (CHAIN_FORM_INTERACTIVE, CHAIN_FORM_MS))),
    (measure_row_edit, ((ROW_EDIT_SERVER, ROW_EDIT_SERVER_MS), (ROW_EDIT_SHOWN, None))),
)


def measured(
    measure: Measure,
    page: Page,
    sites: int,
    contract_id: int,
    steps: tuple[tuple[str, float | None], ...],
) -> list[Figure]:
    """The figures of `measure`, printed as they come; when a step fails (a timeout, a control not
    found, no paint entry), every step of the measurement is reported as failed with the error, and the
    others still run."""
    try:
        figures = measure(page, sites, contract_id)
    except (PlaywrightError, AssertionError) as error:
        reason = str(error).splitlines()[0]
        print(f"{sites:,} sites: {', '.join(step for step, _ in steps)} failed: {reason}", flush=True)
        return [Figure(sites, step, 0.0, target, note=reason, failed=True) for step, target in steps]
    for figure in figures:
        print(
            f"{sites:,} sites: {figure.step}: {figure.milliseconds:.0f} ms {figure.note}".rstrip(), flush=True
        )
    return figures


def run_browser(base: str, seeded: Seeded) -> list[Figure]:
    """Every step at every size, in Chromium."""
    figures: list[Figure] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            buyer = log_in(browser, base, BUYER)
            supplier = log_in(browser, base, SUPPLIER)
            for sites in SIZES:
                contract_id = seeded.contracts[sites]
                for measure, steps in BUYER_MEASURES:
                    figures += measured(measure, buyer, sites, contract_id, steps)
                for measure, steps in SUPPLIER_MEASURES:
                    figures += measured(measure, supplier, sites, contract_id, steps)
        finally:
            browser.close()
    return figures


if __name__ == "__main__":
    sys.exit(main())
