"""Login throttling and enumeration: 10 failures for an address or 50 from a client within 15 minutes
answer 429 with when to try again (in the user's language), without checking the password; a login for
an unknown address verifies a password as one for a known address does; production hashes strongly."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlmodel import Session, select

from models import LoginFailure
from tests.factories.users import PASSWORD, make_user
from tests.web.test_auth import csrf, log_in
from web import security
from web.app import create_app
from web.services.login_throttle import MAX_PER_ADDRESS, MAX_PER_CLIENT, WINDOW
from web.services.users import user_by_email
from web.settings import Settings

EMAIL = "inkoper@testdorp.nl"
EN = {"Accept-Language": "en"}


def attempt(client: TestClient, email: str, password: str, headers: dict[str, str] | None = None) -> Response:
    data = {"email": email, "password": password, "csrf_token": csrf(client)}
    return client.post("/login", data=data, headers=headers or {}, follow_redirects=False)


def age_failures(session: Session, by: timedelta) -> None:
    for failure in session.exec(select(LoginFailure)):
        failure.at -= by
        session.add(failure)
    session.commit()


class CountingHasher(PasswordHasher):
    """The tests' cheap hasher, counting verifications."""

    verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        CountingHasher.verified += 1
        return super().verify(hash, password)


def test_ten_failures_for_an_address_lock_it_for_fifteen_minutes_even_for_the_right_password(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user(session, email=EMAIL)
    for _ in range(MAX_PER_ADDRESS):
        assert log_in(client, EMAIL, "fout-wachtwoord-123") == 400
    monkeypatch.setattr(security, "_HASHER", CountingHasher(time_cost=1, memory_cost=1024, parallelism=1))
    CountingHasher.verified = 0
    response = attempt(client, EMAIL, PASSWORD)
    assert response.status_code == 429
    text = response.text
    assert "Te veel mislukte inlogpogingen" in text and "Probeer het opnieuw na" in text
    assert 800 <= int(response.headers["retry-after"]) <= WINDOW.total_seconds()
    assert CountingHasher.verified == 0  # refused without checking the password
    english = attempt(client, EMAIL, PASSWORD, headers=EN)
    assert "Too many failed logins" in english.text and "Try again after" in english.text
    assert len(session.exec(select(LoginFailure)).all()) == MAX_PER_ADDRESS  # refusals are not counted
    # another address from the same client still logs in
    make_user(session, email="collega@testdorp.nl")
    assert log_in(client, "collega@testdorp.nl") == 303
    # once the failures are older than the window, the address opens again
    age_failures(session, WINDOW)
    assert log_in(client, EMAIL) == 303


def test_a_success_clears_the_address_count(client: TestClient, session: Session) -> None:
    make_user(session, email=EMAIL)
    for _ in range(MAX_PER_ADDRESS - 1):
        assert log_in(client, EMAIL, "fout-wachtwoord-123") == 400
    assert log_in(client, EMAIL) == 303
    assert log_in(client, EMAIL, "fout-wachtwoord-123") == 400
    assert log_in(client, EMAIL) == 303


def test_fifty_failures_from_one_client_lock_the_client(client: TestClient, session: Session) -> None:
    make_user(session, email=EMAIL)
    now = datetime.now(UTC)
    session.add_all(
        LoginFailure(email=f"gok{number}@voorbeeld.nl", client="testclient", at=now - timedelta(minutes=1))
        for number in range(MAX_PER_CLIENT)
    )
    session.commit()
    assert log_in(client, EMAIL) == 429
    age_failures(session, WINDOW)
    assert log_in(client, EMAIL) == 303


def test_an_unknown_address_verifies_a_password_like_a_known_one(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user(session, email=EMAIL)
    monkeypatch.setattr(security, "_HASHER", CountingHasher(time_cost=1, memory_cost=1024, parallelism=1))
    counts = []
    for email in (EMAIL, "niemand@nergens.nl"):
        CountingHasher.verified = 0
        assert log_in(client, email, "fout-wachtwoord-123") == 400
        counts.append(CountingHasher.verified)
    assert counts == [1, 1]


def test_a_failed_login_takes_as_long_for_an_unknown_address_as_for_a_known_one(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user(session, email=EMAIL)  # hashed cheaply; the measurement uses a hasher of ~20 ms
    monkeypatch.setattr(
        security, "_HASHER", PasswordHasher(time_cost=2, memory_cost=16 * 1024, parallelism=1)
    )
    known = user_by_email(session=session, email=EMAIL)
    assert known is not None
    known.hashed_password = security.hash_password(PASSWORD)
    session.add(known)
    session.commit()

    def timed(email: str) -> float:
        started = time.perf_counter()
        assert log_in(client, email, "fout-wachtwoord-123") == 400
        return time.perf_counter() - started

    timed("niemand@nergens.nl")  # the dummy hash is made once
    # interleaved, and compared by their fastest run: other work on the machine only adds time
    known_times, unknown_times = [], []
    for number in range(5):
        known_times.append(timed(EMAIL))
        unknown_times.append(timed(f"niemand{number}@nergens.nl"))
    assert min(unknown_times) > 0.6 * min(known_times)


def test_production_hashes_strongly_and_refuses_a_weak_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    default = PasswordHasher()
    assert (
        default.time_cost >= security.STRONG_TIME_COST and default.memory_cost >= security.STRONG_MEMORY_KIB
    )
    production = Settings(
        environment="production",
        secret_key="x" * 48,
        database_url="sqlite://",
        smtp_host="smtp.example.nl",
        smtp_from="chainmap@example.nl",
    )
    with pytest.raises(RuntimeError, match="RFC 9106"):
        create_app(production)  # the tests' cheap hasher is in place
    monkeypatch.setattr(security, "_HASHER", default)
    assert security.hasher_is_strong()
