"""The public quick check in a browser: search as you type, the result without a page reload, its link."""

import json
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


SUGGESTIONS = "input => Array.from(input.list?.options ?? [], option => option.value)"


def wait_for_suggestion(field: Locator, value: str) -> list[str]:
    """Wait until the suggestions of `field` (its datalist, filled by htmx) offer `value`; all of them."""
    # A locator's wait, not wait_for_function: that evaluates its text as script, which the content
    # security policy refuses (no 'unsafe-eval').
    offered = field.page.locator(f"#{field.get_attribute('list')} option[value={json.dumps(value)}]")
    try:
        expect(offered.first).to_be_attached()
    except AssertionError:
        pytest.fail(f"{value!r} is not offered; the field suggests {field.evaluate(SUGGESTIONS)}")
    suggestions: list[str] = field.evaluate(SUGGESTIONS)
    return suggestions


def test_a_visitor_checks_cotton_from_turkmenistan_and_shares_the_result(page: Page) -> None:
    page.goto("/check")
    expect(page.get_by_role("heading", name="Snelle risicocheck", level=1)).to_be_visible()
    page.evaluate("window.sameDocument = true")  # gone if the page reloads

    goods = page.get_by_label("Product")
    goods.press_sequentially("kat")
    assert "katoen" in wait_for_suggestion(goods, "katoen")  # Dutch pages offer the Dutch name
    goods.fill("katoen")
    country = page.get_by_label("Land")
    country.press_sequentially("Turkm")
    assert wait_for_suggestion(country, "Turkmenistan") == ["Turkmenistan"]
    country.fill("Turkmenistan")
    page.get_by_role("button", name="Controleren").click()

    expect(page.get_by_role("heading", name="Katoen uit Turkmenistan (landbouw)", level=2)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/check\?goods=katoen&country=Turkmenistan(&|$)"))
    forced_labour = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="dwangarbeid", exact=True)
    )
    expect(forced_labour.get_by_role("cell").first).to_contain_text("zeer hoog")
    expect(forced_labour).to_contain_text("US DOL")
    assert page.evaluate("window.sameDocument") is True, "the result came with a full page reload"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "quick-check-result.png", full_page=True)

    page.get_by_role("link", name="Link naar dit resultaat").click()
    expect(page).to_have_url(re.compile(r"/check\?goods=Cotton&country=TM&activity=farming$"))
    assert page.evaluate("window.sameDocument") is None, "the link is a page of its own"
    expect(page.get_by_role("heading", name="Katoen uit Turkmenistan (landbouw)", level=2)).to_be_visible()
    expect(page.get_by_label("Product")).to_have_value("katoen")
    expect(forced_labour.get_by_role("cell").first).to_contain_text("zeer hoog")


def test_an_unknown_good_gets_a_did_you_mean_in_place(page: Page) -> None:
    page.goto("/check")
    page.get_by_label("Product").fill("Cottton")
    page.get_by_label("Land").fill("Turkmenistan")
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("alert")).to_contain_text("Bedoelt u katoen?")
    expect(page.get_by_role("table")).to_have_count(0)
