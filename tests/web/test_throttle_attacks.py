"""Attacks on the login throttle that test_login_throttle.py does not cover: guesses sent at the same
moment (each looks before any has failed), and the current-password field of /account as a password
oracle that no throttle watches."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from models import User
from tests.factories.users import PASSWORD, make_user
from tests.web.test_auth import csrf, log_in
from web.routes import auth as auth_routes
from web.services.login_throttle import MAX_PER_ADDRESS, MAX_PER_CLIENT, claim_attempt, clear_address
from web.services.users import user_by_email

EMAIL = "inkoper@testdorp.nl"
WRONG = "fout-wachtwoord-123"
NEW_PASSWORD = "een-ander-lang-wachtwoord"


def test_guesses_sent_at_the_same_moment_are_not_all_checked(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An attacker sends as many guesses at once as the server has threads: each looks at the count of
    failures before any of them has failed, so every one is checked and the limit of ten per address
    becomes the server's thread pool (40) per window. Here the first guess is still being checked while
    ten more arrive; at most ten may be checked in all."""
    make_user(session, email=EMAIL)
    real_authenticate = auth_routes.authenticate
    checked: list[int] = []
    answers: list[int] = []

    def authenticate_slowly(**kwargs: Any) -> User | None:
        checked.append(1)
        if len(checked) == 1:  # while the first guess is checked, ten more arrive
            for _ in range(MAX_PER_ADDRESS):
                data = {"email": EMAIL, "password": WRONG, "csrf_token": token}
                answers.append(client.post("/login", data=data, follow_redirects=False).status_code)
        return real_authenticate(**kwargs)

    token = csrf(client)
    monkeypatch.setattr(auth_routes, "authenticate", authenticate_slowly)
    first = client.post("/login", data={"email": EMAIL, "password": WRONG, "csrf_token": token})
    answers.append(first.status_code)
    assert len(checked) <= MAX_PER_ADDRESS, answers
    assert sorted(answers) == [400] * MAX_PER_ADDRESS + [429]


def test_the_current_password_on_the_account_page_is_no_unthrottled_oracle(
    client: TestClient, session: Session
) -> None:
    """Whoever holds a session cookie (a borrowed laptop, a stolen cookie) may guess the user's password
    in /account's current-password field as often as they like, and with it change the password and end
    every other session. Failures there count as failed logins for the address."""
    make_user(session, email=EMAIL)
    assert log_in(client, EMAIL) == 303
    for _ in range(MAX_PER_ADDRESS):
        data = {
            "current_password": WRONG,
            "new_password": NEW_PASSWORD,
            "repeated_password": NEW_PASSWORD,
            "csrf_token": csrf(client),
        }
        assert client.post("/account/password", data=data).status_code == 400
    data = {
        "current_password": PASSWORD,
        "new_password": NEW_PASSWORD,
        "repeated_password": NEW_PASSWORD,
        "csrf_token": csrf(client),
    }
    response = client.post("/account/password", data=data)
    assert response.status_code == 429
    session.expire_all()
    user = user_by_email(session=session, email=EMAIL)
    assert user is not None
    client.cookies.clear()
    assert log_in(client, EMAIL, NEW_PASSWORD) == 429  # locked, and the password did not change


def test_the_addresses_of_one_ipv6_network_count_as_one_client(client: TestClient, session: Session) -> None:
    """An IPv6 subscriber or server has a whole /64: spraying one guess at each of many addresses from a
    new address of it each time must still meet the limit of fifty per client."""
    for number in range(MAX_PER_CLIENT):
        with TestClient(client.app, client=(f"2001:db8:1:2::{number + 1:x}", 50000)) as rotating:
            assert log_in(rotating, f"gok{number}@voorbeeld.nl", WRONG) == 400
    with TestClient(client.app, client=("2001:db8:1:2:ffff::1", 50000)) as rotating:
        assert log_in(rotating, "nog-een@voorbeeld.nl", WRONG) == 429
    with TestClient(client.app, client=("2001:db8:1:3::1", 50000)) as neighbour:
        assert log_in(neighbour, "nog-een@voorbeeld.nl", WRONG) == 400  # another network


def test_an_attempt_cleared_by_a_login_that_succeeds_meanwhile_is_no_error(
    session: Session, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by make load (50 logins at once): another request's successful login of the same address
    clears its attempts between this attempt's commit and the reading of its id."""
    committed = session.commit

    def commit_then_another_login_succeeds() -> None:
        committed()
        monkeypatch.setattr(session, "commit", committed)
        with Session(engine) as other:
            clear_address(session=other, email="inkoper@testdorp.nl")

    monkeypatch.setattr(session, "commit", commit_then_another_login_succeeds)
    claimed = claim_attempt(session=session, email="inkoper@testdorp.nl", client="203.0.113.9")
    assert isinstance(claimed, int)
