"""The risk graph of a large chain in a real browser: the review page of a 2,000- and a 10,000-site chain
version in Debian's Chromium (Playwright, headless, the browser tests' launch arguments), served by
uvicorn on a fresh SQLite file.

Measured per size, after one warm-up visit (the server's first analysis of a version is `bench.web`'s
subject), as the median of REPEATS visits:
- interactive: from navigation start until the drawing of the groups is ready (the page's HTML parsed,
  graph.json fetched, Cytoscape.js has drawn and the zoom buttons work);
- page parsed: until DOMContentLoaded, the part of the above that is the rest of the page;
- node click -> details: from a click on a site of an opened group until its details are in the panel.
Targets from issue 12: interactive within 1.5 s at 10,000 sites, a click to details within 200 ms. Run
with `python -m bench.review_graph`; exits 1 when a target is missed.
"""

import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Final

import uvicorn
from playwright.sync_api import Page, sync_playwright
from sqlmodel import Session

from bench.synthetic import synthetic_rows
from chainmap.chain import ChainRow
from chainmap.reference import load_reference
from models import Contract, OrganisationKind, ReportingSchedule, Role, UserCreate
from models.db import make_engine
from models.migrate import upgrade
from web.app import create_app
from web.services.chains import replace_draft, submit_draft
from web.services.users import create_user, organisation_named
from web.settings import Settings

SIZES: Final = (2_000, 10_000)
REPEATS: Final = 5
INTERACTIVE_TARGET_MS: Final = 1_500.0
DETAILS_TARGET_MS: Final = 200.0
PASSWORD: Final = "bench-password-1234"  # noqa: S105 - a throwaway database
CHROMIUM: Final = "/usr/bin/chromium"
LAUNCH_ARGS: Final = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]


def seeded(database_url: str, size: int) -> str:
    """A buyer, a supplier and a contract with a `size`-site version; the review page's path."""
    upgrade(database_url)
    engine = make_engine(database_url)
    with Session(engine) as session:
        buyer = organisation_named(session=session, name="Gemeente Bench", kind=OrganisationKind.BUYER)
        supplier = organisation_named(session=session, name="Leverancier", kind=OrganisationKind.SUPPLIER)
        assert buyer.id is not None and supplier.id is not None
        create_user(
            session=session,
            user_create=UserCreate(
                email="inkoper@bench.example", role=Role.BUYER, password=PASSWORD, organisation_id=buyer.id
            ),
        )
        submitter = create_user(
            session=session,
            user_create=UserCreate(
                email="lev@bench.example", role=Role.SUPPLIER, password=PASSWORD, organisation_id=supplier.id
            ),
        )
        contract = Contract(
            title="Werkkleding",
            reference="BENCH-GRAPH",
            start_date=date(2027, 1, 1),
            end_date=date(2028, 12, 31),
            reporting_schedule=ReportingSchedule.YEARLY,
            buyer_organisation_id=buyer.id,
            supplier_organisation_id=supplier.id,
        )
        session.add(contract)
        session.commit()
        rows = [ChainRow(number, **cells) for number, cells in enumerate(synthetic_rows(size), start=2)]
        replace_draft(session=session, contract=contract, rows=rows)
        submit_draft(session=session, contract=contract, user=submitter, reference=load_reference())
        path = f"/contracts/{contract.id}/versions/1"
    engine.dispose()
    return path


def serve(database_url: str) -> tuple[str, uvicorn.Server, threading.Thread]:
    """The app on `database_url`, served by uvicorn in a thread on a free port."""
    engine = make_engine(database_url)
    settings = Settings(environment="test", database_url=database_url, secret_key="bench")  # noqa: S106
    app = create_app(settings, engine=engine)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    return f"http://127.0.0.1:{port}", server, thread


def visit(page: Page, url: str) -> tuple[float, float]:
    """Milliseconds from navigation start to the drawing ready, and to DOMContentLoaded."""
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_selector(".graph-canvas[data-ready=true]", timeout=120_000)
    interactive, parsed = page.evaluate(
        "() => [performance.now(), performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]"
    )
    return float(interactive), float(parsed)


def click_to_details(page: Page, url: str) -> float:
    """Milliseconds from a click on a site of the largest group until its details are in the panel."""
    page.goto(url + "/graph", timeout=120_000)
    key = page.locator("table.graph-groups tbody tr a").first.get_attribute("data-group")
    page.goto(f"{url}/graph?group={key}", timeout=120_000)
    page.wait_for_selector(".graph-canvas[data-ready=true]", timeout=120_000)
    canvas = page.locator(".graph-canvas")
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = canvas.bounding_box()
    assert box is not None
    node = page.evaluate(
        "() => { const cy = document.querySelector('.graph-canvas').cytoscape;"
        " const n = cy.nodes('[!outside]')[0]; const p = n.renderedPosition(); return [n.id(), p.x, p.y]; }"
    )
    page.evaluate(
        "id => { window.detailsShown = new Promise(resolve => document.addEventListener('htmx:afterSwap',"
        " e => { if (e.detail.target.id === 'site-details') resolve(performance.now()); })); }",
        node[0],
    )
    started = page.evaluate("() => performance.now()")
    page.mouse.click(box["x"] + node[1], box["y"] + node[2])
    shown = page.evaluate("() => window.detailsShown")
    return float(shown) - float(started)


def main() -> int:
    ok = True
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for size in SIZES:
            database_url = f"sqlite:///{Path(folder) / f'graph-{size}.db'}"
            path = seeded(database_url, size)
            base, server, thread = serve(database_url)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            page.goto(base + "/login")
            page.fill("#email", "inkoper@bench.example")
            page.fill("#password", PASSWORD)
            page.click("form[action='/login'] button[type=submit]")
            page.wait_for_url(lambda url: "/login" not in url)
            visit(page, base + path)  # warm-up: the server analyses the version once
            timings = [visit(page, base + path) for _ in range(REPEATS)]
            interactive = statistics.median(t[0] for t in timings)
            parsed = statistics.median(t[1] for t in timings)
            clicks = [click_to_details(page, base + path) for _ in range(REPEATS)]
            details = statistics.median(clicks)
            print(
                f"{size:>6} sites: interactive {interactive:7.0f} ms (page parsed {parsed:6.0f} ms), "
                f"node click -> details {details:5.0f} ms"
            )
            ok = ok and interactive <= INTERACTIVE_TARGET_MS and details <= DETAILS_TARGET_MS
            page.close()
            server.should_exit = True
            thread.join(timeout=10)
        browser.close()
    print("targets met" if ok else "a target was missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
