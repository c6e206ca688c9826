"""Logging in and out in a browser, with the labelled fields."""

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from tests.browser.conftest import LiveServer
from tests.factories.users import PASSWORD, make_user

pytestmark = pytest.mark.browser


def test_a_user_logs_in_and_out(page: Page, live_server: LiveServer) -> None:
    with Session(live_server.engine) as session:
        make_user(session, email="inkoper@example.nl")
    page.goto("/login")
    page.get_by_label("E-mailadres").fill("inkoper@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Welkom, Test Gebruiker", level=1)).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()


def test_a_wrong_password_is_refused(page: Page, live_server: LiveServer) -> None:
    with Session(live_server.engine) as session:
        make_user(session, email="inkoper@example.nl")
    page.goto("/login")
    page.get_by_label("E-mailadres").fill("inkoper@example.nl")
    page.get_by_label("Wachtwoord").fill("not-the-password")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_have_text("Het e-mailadres of wachtwoord klopt niet.")
