"""Logging in and out, CSRF on forms, and pages that need a login."""

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from models import Role
from tests.factories.users import PASSWORD, make_user


def csrf(client: TestClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
    assert found is not None
    return found.group(1)


def log_in(client: TestClient, email: str, password: str = PASSWORD) -> int:
    data = {"email": email, "password": password, "csrf_token": csrf(client)}
    return client.post("/login", data=data, follow_redirects=False).status_code


def test_a_page_that_needs_a_login_sends_the_visitor_to_the_login_page(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/login")


def test_log_in_see_the_start_page_and_log_out(client: TestClient, session: Session) -> None:
    make_user(session, email="Inkoper@Example.nl")
    assert log_in(client, " inkoper@example.nl ") == 303
    page = client.get("/").text
    assert "Welkom, Test Gebruiker" in page and "inkoper" in page
    client.post("/logout", data={"csrf_token": csrf(client)})
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_wrong_password_or_unknown_address_is_one_message(client: TestClient, session: Session) -> None:
    make_user(session)
    for email, password in (("inkoper@example.nl", "wrong-password-1"), ("nobody@example.nl", PASSWORD)):
        data = {"email": email, "password": password, "csrf_token": csrf(client)}
        response = client.post("/login", data=data)
        assert response.status_code == 400
        assert "Het e-mailadres of wachtwoord klopt niet." in response.text


def test_a_form_without_its_csrf_token_is_refused(client: TestClient, session: Session) -> None:
    make_user(session)
    response = client.post("/login", data={"email": "inkoper@example.nl", "password": PASSWORD})
    assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_an_inactive_user_cannot_log_in(client: TestClient, session: Session) -> None:
    user = make_user(session, role=Role.SUPPLIER, organisation="Leverancier BV")
    user.is_active = False
    session.add(user)
    session.commit()
    assert log_in(client, user.email) == 400


def test_the_password_is_stored_as_an_argon2_hash(session: Session) -> None:
    user = make_user(session)
    assert user.hashed_password.startswith("$argon2id$") and PASSWORD not in user.hashed_password


def test_choosing_a_language_is_remembered_on_the_account(client: TestClient, session: Session) -> None:
    user = make_user(session)
    log_in(client, user.email)
    client.post("/language", data={"language": "en", "back": "/", "csrf_token": csrf(client)})
    assert "Welcome, Test Gebruiker" in client.get("/").text
    session.refresh(user)
    assert user.language == "en"
    client.cookies.clear()
    log_in(client, user.email)  # a new browser: the account's choice comes back at login
    assert "Welcome, Test Gebruiker" in client.get("/").text


@pytest.mark.parametrize(
    "back",
    [
        "//evil.example/",
        "/\\evil.example/",
        "/\t/evil.example/",
        "/\n/evil.example/",
        "https://evil.example/",
    ],
)
def test_the_language_switch_only_goes_back_to_this_site(client: TestClient, back: str) -> None:
    data = {"language": "en", "back": back, "csrf_token": csrf(client)}
    response = client.post("/language", data=data, follow_redirects=False)
    assert response.headers["location"] == "/"


def test_the_language_switch_goes_back_to_the_page_it_was_chosen_on(client: TestClient) -> None:
    data = {"language": "en", "back": "/contracts?q=a%2Fb", "csrf_token": csrf(client)}
    response = client.post("/language", data=data, follow_redirects=False)
    assert response.headers["location"] == "/contracts?q=a%2Fb"
