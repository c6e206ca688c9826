"""A user's own account page: changing the password, with every problem at its field in Dutch and
English, all or nothing, and CSRF."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from models import Role
from tests.factories.users import PASSWORD, make_user
from tests.web.test_auth import csrf, log_in

EN = {"Accept-Language": "en-GB,en;q=0.9"}
NEW = "een-nieuw-lang-wachtwoord"
COMMON_DUTCH = "Dit wachtwoord hoort bij de 100.000 meest gebruikte"
COMMON_ENGLISH = "This password is among the 100,000 most common ones"


def change(
    client: TestClient, current: str, new: str, repeated: str, headers: dict[str, str] | None = None
) -> str:
    data = {
        "current_password": current,
        "new_password": new,
        "repeated_password": repeated,
        "csrf_token": csrf(client),
    }
    response = client.post("/account/password", data=data, headers=headers)
    return f"{response.status_code} {response.text}"


def test_the_account_page_needs_a_login(client: TestClient) -> None:
    response = client.get("/account", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/login")
    response = client.post("/account/password", data={"new_password": NEW}, follow_redirects=False)
    assert response.status_code == 303


@pytest.mark.parametrize("role", list(Role))
def test_every_role_sees_its_account_and_changes_its_password(
    client: TestClient, session: Session, role: Role
) -> None:
    user = make_user(session, role=role, organisation="Leverancier BV" if role is Role.SUPPLIER else None)
    log_in(client, user.email)
    page = client.get("/account").text
    assert "Mijn account" in page and user.email in page and 'name="csrf_token"' in page
    assert change(client, PASSWORD, NEW, NEW).startswith("200 ")
    client.cookies.clear()
    assert log_in(client, user.email, PASSWORD) == 400
    assert log_in(client, user.email, NEW) == 303


@pytest.mark.parametrize(
    ("current", "new", "repeated", "dutch", "english"),
    [
        (
            "wrong-password-1",
            NEW,
            NEW,
            "Dit is niet uw huidige wachtwoord.",
            "This is not your current password.",
        ),
        (PASSWORD, "kort", "kort", "Gebruik minstens 12 tekens.", "Use at least 12 characters."),
        (PASSWORD, "password1234", "password1234", COMMON_DUTCH, COMMON_ENGLISH),
        (PASSWORD, "QwertyUIOP123", "QwertyUIOP123", COMMON_DUTCH, COMMON_ENGLISH),  # case-blind
        (PASSWORD, NEW, NEW + "x", "De twee nieuwe wachtwoorden zijn niet gelijk.", "are not the same"),
        (PASSWORD, PASSWORD, PASSWORD, "Kies een ander wachtwoord", "Choose a password other than"),
    ],
)
def test_a_refused_change_says_why_at_the_field_and_keeps_the_old_password(
    client: TestClient, session: Session, current: str, new: str, repeated: str, dutch: str, english: str
) -> None:
    user = make_user(session)
    log_in(client, user.email)
    hashed = user.hashed_password
    answer = change(client, current, new, repeated)
    assert answer.startswith("400 ") and dutch in answer and 'aria-invalid="true"' in answer
    assert english in change(client, current, new, repeated, headers=EN)
    assert NEW not in answer and PASSWORD not in answer  # passwords are never sent back
    session.refresh(user)
    assert user.hashed_password == hashed


def test_every_problem_shows_at_once(client: TestClient, session: Session) -> None:
    log_in(client, make_user(session).email)
    answer = change(client, "wrong-password-1", "kort", "")
    assert 'id="current_password-note">Dit is niet uw huidige wachtwoord.' in answer
    assert 'id="new_password-note">Gebruik minstens 12 tekens.' in answer


def test_a_change_without_csrf_token_is_refused(client: TestClient, session: Session) -> None:
    user = make_user(session)
    log_in(client, user.email)
    hashed = user.hashed_password
    data = {"current_password": PASSWORD, "new_password": NEW, "repeated_password": NEW}
    response = client.post("/account/password", data=data)
    assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    session.refresh(user)
    assert user.hashed_password == hashed


def test_a_new_password_ends_the_users_other_sessions_but_not_this_one(
    client: TestClient, session: Session
) -> None:
    user = make_user(session)
    log_in(client, user.email)
    with TestClient(client.app) as other_browser:
        assert log_in(other_browser, user.email) == 303
        assert other_browser.get("/").status_code == 200
        assert change(client, PASSWORD, NEW, NEW).startswith("200 ")
        assert other_browser.get("/", follow_redirects=False).status_code == 303
    assert client.get("/").status_code == 200
