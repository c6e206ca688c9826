"""Sessions kept on the server: logging out ends a session for good (a cookie saved before no longer
works), a session ends at its absolute lifetime whatever the activity, deactivating and activating a
user again revives no old cookie, a new password or removal ends the other sessions, and a user sees and
ends their sessions in other browsers on /account."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from models import LoginSession, Role, User
from tests.factories.users import PASSWORD, make_user
from tests.web.test_auth import csrf, log_in
from web.services.admin import remove_from_organisation, set_user_active

EMAIL = "inkoper@testdorp.nl"
NEW_PASSWORD = "een-ander-lang-wachtwoord"


@pytest.fixture
def user(session: Session) -> User:
    return make_user(session, email=EMAIL)


@pytest.fixture
def second(client: TestClient) -> Iterator[TestClient]:
    """Another browser on the same app."""
    with TestClient(client.app) as other:
        yield other


def logged_in(client: TestClient) -> bool:
    return client.get("/account", follow_redirects=False).status_code == 200


def saved_cookie(client: TestClient) -> str:
    cookie = client.cookies.get("chainmap_session")
    assert cookie is not None
    return cookie


def with_cookie(client: TestClient, cookie: str) -> TestClient:
    client.cookies.clear()
    client.cookies.set("chainmap_session", cookie)
    return client


def logins(session: Session) -> list[LoginSession]:
    session.expire_all()
    return list(session.exec(select(LoginSession)))


def test_a_cookie_saved_before_logging_out_is_refused_after_it(
    client: TestClient, session: Session, user: User
) -> None:
    assert log_in(client, EMAIL) == 303 and logged_in(client)
    cookie = saved_cookie(client)
    client.post("/logout", data={"csrf_token": csrf(client)})
    assert not logged_in(client)
    assert not logged_in(with_cookie(client, cookie))
    [login] = logins(session)
    assert login.ended_at is not None


def test_the_cookie_holds_no_user_id_and_the_table_no_token(
    client: TestClient, session: Session, user: User
) -> None:
    assert log_in(client, EMAIL) == 303
    [login] = logins(session)
    assert len(login.token_hash) == 64 and login.user_id == user.id
    assert login.client == "testclient" and login.user_agent


def test_a_session_ends_at_its_absolute_lifetime_whatever_the_activity(
    client: TestClient, session: Session, user: User
) -> None:
    assert log_in(client, EMAIL) == 303
    [login] = logins(session)
    lifetime = login.expires_at - login.created_at
    assert lifetime == timedelta(seconds=8 * 60 * 60)
    an_hour_ago, expires = login.last_seen_at - timedelta(hours=1), login.expires_at
    login.last_seen_at = an_hour_ago  # used an hour ago: the next request updates when it was seen
    session.add(login)
    session.commit()
    for _ in range(3):
        assert logged_in(client)
    [seen] = logins(session)
    assert seen.expires_at == expires and seen.last_seen_at > an_hour_ago + timedelta(minutes=59)
    seen.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    session.add(seen)
    session.commit()
    assert not logged_in(client)


def test_deactivating_and_activating_a_user_again_revives_no_old_cookie(
    client: TestClient, session: Session, user: User
) -> None:
    assert log_in(client, EMAIL) == 303
    cookie = saved_cookie(client)
    set_user_active(session=session, user=user, active=False)
    assert not logged_in(client)
    set_user_active(session=session, user=user, active=True)
    assert not logged_in(with_cookie(client, cookie))
    assert log_in(client, EMAIL) == 303 and logged_in(client)


def test_removing_a_user_from_the_organisation_ends_the_sessions(
    client: TestClient, session: Session, user: User
) -> None:
    assert log_in(client, EMAIL) == 303
    remove_from_organisation(session=session, user=user)
    assert not logged_in(client)


def test_a_new_password_ends_the_other_sessions_and_keeps_this_one(
    client: TestClient, second: TestClient, session: Session, user: User
) -> None:
    assert log_in(client, EMAIL) == 303 and log_in(second, EMAIL) == 303
    data = {
        "current_password": PASSWORD,
        "new_password": NEW_PASSWORD,
        "repeated_password": NEW_PASSWORD,
        "csrf_token": csrf(client),
    }
    assert client.post("/account/password", data=data).status_code == 200
    assert logged_in(client) and not logged_in(second)


def test_a_user_sees_and_ends_their_other_sessions(
    client: TestClient, second: TestClient, session: Session, user: User
) -> None:
    assert log_in(client, EMAIL) == 303 and log_in(second, EMAIL) == 303
    page = client.get("/account").text
    assert page.count('name="session_id" value="') == 2  # the other one, and "end all others"
    assert "deze browser" in page and "Waar u bent ingelogd" in page
    other = [login for login in logins(session) if f'value="{login.id}"' in page]
    assert len(other) == 1
    response = client.post(
        "/account/sessions", data={"session_id": str(other[0].id), "csrf_token": csrf(client)}
    )
    assert response.status_code == 200 and "Beëindigde sessies: 1." in response.text
    assert logged_in(client) and not logged_in(second)


def test_ending_all_other_sessions_and_another_users_session_is_out_of_reach(
    client: TestClient, second: TestClient, session: Session, user: User
) -> None:
    stranger = make_user(session, email="iemand@elders.nl", role=Role.BUYER, organisation="Gemeente Elders")
    assert log_in(second, stranger.email) == 303
    [strangers] = [login for login in logins(session) if login.user_id == stranger.id]
    assert log_in(client, EMAIL) == 303
    response = client.post(
        "/account/sessions", data={"session_id": str(strangers.id), "csrf_token": csrf(client)}
    )
    assert "Beëindigde sessies: 0." in response.text and logged_in(second)
    with TestClient(client.app) as third:
        assert log_in(third, EMAIL) == 303
        client.post("/account/sessions", data={"session_id": "others", "csrf_token": csrf(client)})
        assert logged_in(client) and not logged_in(third) and logged_in(second)


def test_logging_in_replaces_a_session_id_planted_before(
    client: TestClient, session: Session, user: User
) -> None:
    client.get("/login")
    planted = saved_cookie(client)
    assert log_in(client, EMAIL) == 303
    assert saved_cookie(client) != planted and not logged_in(with_cookie(client, planted))


@pytest.mark.parametrize("session_id", ["²", "9" * 30, "0"])
def test_a_session_id_that_is_no_stored_id_ends_nothing_and_is_no_error(
    client: TestClient, second: TestClient, session: Session, user: User, session_id: str
) -> None:
    # "²" is a digit to str.isdigit() but no number to int(); thirty nines overflow the database's BIGINT.
    assert log_in(client, EMAIL) == 303 and log_in(second, EMAIL) == 303
    response = client.post("/account/sessions", data={"session_id": session_id, "csrf_token": csrf(client)})
    assert response.status_code == 200 and "Beëindigde sessies: 0." in response.text
    assert logged_in(client) and logged_in(second)


def test_ending_sessions_without_the_csrf_token_ends_none(
    client: TestClient, second: TestClient, session: Session, user: User
) -> None:
    assert log_in(client, EMAIL) == 303 and log_in(second, EMAIL) == 303
    response = client.post("/account/sessions", data={"session_id": "others"})
    assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    assert logged_in(client) and logged_in(second)


def test_logging_out_with_a_stale_form_says_so_instead_of_seeming_to_log_out(
    client: TestClient, session: Session, user: User
) -> None:
    # A tab left open from before logging in again elsewhere sends the token of a session that is gone:
    # the user is not logged out, so the answer must not be the login page as if they were.
    assert log_in(client, EMAIL) == 303
    response = client.post("/logout", data={"csrf_token": "verlopen"}, follow_redirects=False)
    assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    assert logged_in(client)
