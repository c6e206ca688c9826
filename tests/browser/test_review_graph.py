"""The risk graph of a large chain in a browser: it opens on tier x country groups drawn on a canvas,
zooms in, out and to fit (buttons and wheel), finds a site by id and shows it centred in its group with
its details open, opens a group from the drawing and goes back, and gives keyboard users every group and
site in tables with each level in words."""

import re
from contextlib import AbstractContextManager
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlmodel import Session

from bench.synthetic import synthetic_rows
from chainmap.chain import ChainRow
from chainmap.themes import Level
from models import Role
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_content_security_policy import RECORD_VIOLATIONS, violations
from tests.browser.test_review import log_in
from tests.factories.chain_versions import make_version
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_review_graph import GROUPED
from web.services import review_graph

pytestmark = pytest.mark.browser

LARGE = 2_000
LEVEL_NAMES = re.compile("^(" + "|".join(level.label("nl") for level in Level) + ")$")
# Waits for the drawing of a 2,000-site chain; the app's own answers stay within TIMEOUT_MS.
DRAWN_MS = 15_000


@pytest.fixture
def heard(page: Page) -> list[str]:
    """The console's messages and uncaught errors, and the policy's violations kept by the page."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    page.add_init_script(RECORD_VIOLATIONS)
    return messages


def review_of(live_server: LiveServer, rows: list[ChainRow]) -> str:
    """A contract with `rows` submitted as version 1 and a buyer; the review page's URL."""
    with Session(live_server.engine) as session:
        contract = make_contract(session, title="Werkkleding buitendienst")
        supplier = make_user(
            session, email="lev@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER)
        make_version(session, contract=contract, supplier=supplier, rows=rows)
        return f"/contracts/{contract.id}/versions/1"


def drawing(page: Page) -> Locator:
    canvas = page.locator(".graph-canvas")
    expect(canvas).to_have_attribute("data-ready", "true", timeout=DRAWN_MS)
    return canvas


def answered(page: Page, url_part: str) -> AbstractContextManager[Any]:
    """Waits for the answer to a request whose URL has `url_part` (the graph's block, or the drawing's
    data, which the browser asks for last unless it has it already). Waiting on the network rather than
    polling the page matters here: on a 2,000-site page each poll makes the browser lay out the whole
    document again, and polling without pause starves the page's own work of time."""
    return page.expect_response(lambda response: url_part in response.url, timeout=DRAWN_MS)


def zoom_of(canvas: Locator) -> float:
    return float(canvas.get_attribute("data-zoom") or "nan")


def node_point(page: Page, node_id: str) -> tuple[float, float]:
    """Where the node `node_id` is drawn, in the window, with the whole drawing scrolled into the middle
    of it first (a person clicks where they see it), and the page's scroll event handled: Cytoscape
    keeps where its drawing is in the window and updates it on that event, so a click straight after
    the scroll was placed by the old position and missed a node of two pixels (the click then reached
    nothing, as in two CI runs, whenever the page had to scroll)."""
    page.locator(".graph-canvas").evaluate("canvas => canvas.scrollIntoView({block: 'center'})")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    box = page.locator(".graph-canvas").bounding_box()
    assert box is not None
    at = page.evaluate(
        "id => document.querySelector('.graph-canvas').cytoscape.getElementById(id).renderedPosition()",
        node_id,
    )
    return box["x"] + at["x"], box["y"] + at["y"]


def test_a_large_chain_zooms_fits_and_finds_a_site(page: Page, live_server: LiveServer) -> None:
    rows = [ChainRow(number, **cells) for number, cells in enumerate(synthetic_rows(LARGE), start=2)]
    url = review_of(live_server, rows)
    log_in(page, "inkoper@testdorp.nl")
    page.goto(url, timeout=DRAWN_MS)
    # On a 2,000-site page a role query over the whole document takes the browser a second or more
    # (Playwright computes every element's role and name), so the graph and the details panel are found
    # by their ids once and searched by role inside.
    graph = page.locator("#risk-graph")
    expect(graph.get_by_role("heading", name="Risicokaart van de keten", level=2)).to_be_visible()
    expect(graph).to_contain_text(re.compile(r"2\.000 locaties in \d+ groepen van één schakel en één land"))
    canvas = drawing(page)
    expect(
        graph.get_by_role("img", name=re.compile(r"^Tekening van \d+ groepen gekleurd volgens"))
    ).to_be_visible()
    groups = graph.get_by_role("table", name="Groepen van de keten")
    expect(groups.get_by_role("row")).to_have_count(int(canvas.get_attribute("data-nodes") or 0) + 1)
    page.evaluate("window.sameDocument = true")

    # zoom in, out and to fit with the buttons, and with the wheel over the drawing
    fitted = zoom_of(canvas)
    graph.get_by_role("button", name="Inzoomen").click()
    assert zoom_of(canvas) == pytest.approx(fitted * 1.5, rel=1e-3)
    graph.get_by_role("button", name="Uitzoomen").click()
    graph.get_by_role("button", name="Uitzoomen").click()
    assert zoom_of(canvas) == pytest.approx(fitted / 1.5, rel=1e-3)
    graph.get_by_role("button", name="Passend maken").click()
    assert zoom_of(canvas) == pytest.approx(fitted, rel=1e-3)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # Cytoscape leaves the wheel to the page for 250 ms after the page scrolled
    page.wait_for_timeout(400)
    page.mouse.wheel(0, -400)
    expect(canvas).not_to_have_attribute("data-zoom", f"{fitted:.4f}")
    assert zoom_of(canvas) > fitted

    # find a site by its id: its details open, its group opens and the site is centred and marked
    wanted = rows[1500]
    graph.get_by_label("Zoek een locatie (id of naam)").fill(wanted.id.lower())
    graph.get_by_role("button", name="Zoeken").click()
    found = graph.get_by_role("list", name="Gevonden locaties")
    with answered(page, "/graph.json?group="):
        found.get_by_role("link", name=wanted.name, exact=True).click()
    details = page.locator("#site-details")
    expect(page.locator("aside[aria-label='Details van de locatie']")).to_have_count(1)
    expect(details.get_by_role("heading", name=wanted.name, level=2)).to_be_focused()
    expect(details).to_contain_text(wanted.id)
    expect(graph.get_by_role("heading", level=3)).to_contain_text(re.compile(r"^Schakel \d+ · "))
    canvas = drawing(page)
    index = str(wanted.row - 2)
    expect(canvas).to_have_attribute("data-selected", index)
    x, y = (float(value) for value in (canvas.get_attribute("data-selected-at") or "").split())
    box = canvas.bounding_box()
    assert box is not None
    assert abs(x - box["width"] / 2) < 2 and abs(y - box["height"] / 2) < 2, "the site is not centred"
    expect(graph.get_by_role("table", name=re.compile(r"^Locaties van Schakel \d+ · "))).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "risk-graph-large.png", full_page=False)

    # a node of the drawn group, all of it in view, opens its details
    graph.get_by_role("button", name="Passend maken").click()
    other = page.evaluate(
        "() => document.querySelector('.graph-canvas').cytoscape.nodes('[!outside]').not(':selected')[0].id()"
    )
    with answered(page, "/sites/"):
        page.mouse.click(*node_point(page, other))
    expect(canvas).to_have_attribute("data-selected", other)
    expect(details.get_by_role("heading", level=2)).to_be_focused()
    expect(details).to_contain_text(rows[int(other)].id)

    # back to all groups, and a group opened from the drawing
    with answered(page, "/graph?theme="):
        graph.get_by_role("link", name="Terug naar alle groepen").click()
    expect(groups).to_be_visible()
    canvas = drawing(page)
    first_group = groups.get_by_role("row").nth(1).get_by_role("link")
    label = first_group.inner_text()
    key = first_group.get_attribute("data-group") or ""
    with answered(page, f"/graph.json?group={key}"):
        page.mouse.click(*node_point(page, key))
    expect(graph.get_by_role("heading", level=3)).to_contain_text(label)
    expect(graph.get_by_role("heading", level=3)).to_be_focused()
    expect(drawing(page)).to_have_attribute("data-source", re.compile(rf"graph\.json\?group={key}$"))
    assert page.evaluate("window.sameDocument") is True, "the graph reloaded the page"


def assert_accessible(page: Page) -> None:
    """No WCAG 2.1 A/AA violation that axe-core finds in the grouped graph, its controls and tables."""
    found = axe_violations(page)
    assert not found, "\n".join(violation.text() for violation in found)


def test_keyboard_users_reach_every_group_and_site_from_tables_with_levels_in_words(
    page: Page, live_server: LiveServer, monkeypatch: pytest.MonkeyPatch, heard: list[str]
) -> None:
    """Also that Cytoscape.js and the graph's script run under the content security policy."""
    monkeypatch.setattr(review_graph, "AGGREGATED_ABOVE", 5)
    review_graph.forget_groups()
    url = review_of(live_server, GROUPED)
    log_in(page, "inkoper@testdorp.nl")
    page.goto(url, timeout=DRAWN_MS)
    drawing(page)
    groups = page.get_by_role("table", name="Groepen van de keten")
    rows = groups.locator("tbody tr")
    expect(rows).to_have_count(5)
    for row in rows.all():
        expect(row.locator(".level")).to_have_text(LEVEL_NAMES)
    assert_accessible(page)

    makers = groups.get_by_role("link", name="Schakel 1 · Bangladesh")
    makers.focus()
    page.keyboard.press("Enter")
    title = page.get_by_role("heading", name=re.compile(r"^Schakel 1 · Bangladesh: 6 locaties"), level=3)
    expect(title).to_be_focused()
    sites = page.get_by_role("table", name="Locaties van Schakel 1 · Bangladesh")
    expect(sites.locator("tbody tr")).to_have_count(6)
    for row in sites.locator("tbody tr").all():
        expect(row.locator(".level")).to_have_text(LEVEL_NAMES)
    expect(drawing(page)).to_have_attribute("data-nodes", "12")  # 6 makers, the contractor, 5 weavers
    sites.get_by_role("link", name="Naaiatelier 5").focus()
    page.keyboard.press("Enter")
    details = page.get_by_role("complementary", name="Details van de locatie")
    expect(details.get_by_role("heading", name="Naaiatelier 5", level=2)).to_be_focused()
    assert_accessible(page)  # a group open, its sites' table and a site's details beside the drawing

    # colouring by one theme keeps the group open
    page.get_by_label("Kleur volgens").select_option(label="dwangarbeid")
    expect(page.locator(".graph-canvas[data-theme=forced_labour]")).to_have_count(1)
    expect(title).to_be_visible()
    page.get_by_role("link", name="Terug naar alle groepen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile(r"^14 locaties in 5 groepen"))).to_be_focused()
    assert violations(page, heard) == []
