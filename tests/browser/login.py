"""Logging in and out through the app's own forms, as a person does (the Dutch labels of a Dutch
browser), for the browser tests."""

from playwright.sync_api import Page, expect

from tests.factories.users import PASSWORD


def submit_login(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill in the login form and send it, whether or not the login succeeds."""
    page.goto("/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Log in as `email` and wait until the page shows the logout button, so that the next step starts
    on a page of the logged-in user."""
    submit_login(page, email, password)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def log_out(page: Page) -> None:
    """Log out with the page's logout button and wait for the login link."""
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
