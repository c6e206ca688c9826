"""The page's language in a browser: Dutch unless the browser asks for English, and switchable."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_visitor_switches_to_english_and_it_stays(page: Page) -> None:
    page.goto("/check")
    expect(page.get_by_role("heading", name="Snelle risicocheck", level=1)).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Quick risk check", level=1)).to_be_visible()
    expect(page.get_by_label("Good")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Quick risk check", level=1)).to_be_visible()
    page.get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("heading", name="Snelle risicocheck", level=1)).to_be_visible()


@pytest.mark.browser_context_args(locale="en-GB")
def test_an_english_browser_starts_in_english(page: Page) -> None:
    page.goto("/check")
    expect(page.get_by_role("heading", name="Quick risk check", level=1)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.mark.browser_context_args(locale="de-DE")
def test_a_browser_naming_neither_language_gets_dutch(page: Page) -> None:
    page.goto("/check")
    expect(page.get_by_role("heading", name="Snelle risicocheck", level=1)).to_be_visible()
