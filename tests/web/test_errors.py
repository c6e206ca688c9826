"""Error pages (web.errors): 404, 405, 413, 429 and 500 answer with an HTML page in the visitor's
language, never FastAPI's JSON; the 500 page shows nothing of the error, which is logged; htmx requests
get the page's content alone; `error_page` says when to try again."""

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import Response
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from models import Role
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_authorisation_matrix import log_in
from web.app import create_app
from web.errors import error_page, retry_after_seconds
from web.settings import Settings

EN = {"Accept-Language": "en-GB,en;q=0.9"}
SECRET = "the-secret-inside-the-exception"


@pytest.fixture
def app(settings: Settings, engine: Engine) -> FastAPI:
    """The app with routes that fail on purpose and one that answers 429 as the login throttle will."""
    app = create_app(settings, engine=engine)

    def boom() -> Response:
        raise RuntimeError(SECRET)

    def throttled(request: Request) -> Response:
        return error_page(request, 429, retry_after=datetime(2026, 3, 1, 13, 5, tzinfo=UTC))

    def told(request: Request) -> Response:
        return error_page(request, 429, message="Eigen uitleg van de aanroeper.")

    def teapot() -> Response:
        raise HTTPException(status_code=418)

    app.add_api_route("/test/boom", boom)
    app.add_api_route("/test/throttled", throttled)
    app.add_api_route("/test/told", told)
    app.add_api_route("/test/teapot", teapot)
    app.add_api_route("/test/boom/{token}", boom)
    return app


@pytest.fixture
def failing_client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_an_unknown_page_is_a_page_not_found_in_the_visitor_s_language(client: TestClient) -> None:
    dutch = client.get("/bestaat-niet")
    assert dutch.status_code == 404
    assert dutch.headers["content-type"].startswith("text/html")
    assert "<h1>Pagina niet gevonden</h1>" in dutch.text and '<html lang="nl">' in dutch.text
    english = client.get("/does-not-exist", headers=EN)
    assert english.status_code == 404 and "<h1>Page not found</h1>" in english.text


def test_a_withdrawn_public_summary_link_is_a_page_not_found(client: TestClient) -> None:
    response = client.get("/public/een-ingetrokken-link")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text and "detail" not in response.text
    assert client.get("/public/een-ingetrokken-link.pdf").status_code == 404


def test_a_route_s_404_is_the_page(client: TestClient, session: Session) -> None:
    contract = make_contract(session)
    make_user(session, email="inkoper@elders.example", role=Role.BUYER, organisation="Gemeente Elders")
    log_in(client, "inkoper@elders.example")
    response = client.get(f"/contracts/{contract.id}")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text and contract.title not in response.text


def test_a_method_the_route_does_not_take_is_a_page(client: TestClient) -> None:
    response = client.delete("/login", headers=EN)
    assert response.status_code == 405
    assert "That is not possible here" in response.text
    assert "GET" in response.headers["allow"]


def test_a_status_without_texts_of_its_own_gets_the_general_page(failing_client: TestClient) -> None:
    response = failing_client.get("/test/teapot", headers=EN)
    assert response.status_code == 418
    assert "That did not work" in response.text and "Error 418" in response.text


def test_an_htmx_request_gets_the_content_alone(client: TestClient) -> None:
    response = client.get("/bestaat-niet", headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text and "<html" not in response.text


def test_a_server_error_is_a_page_that_shows_nothing_of_it_and_is_logged(
    failing_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="web.errors"):
        response = failing_client.get("/test/boom")
    assert response.status_code == 500
    assert "<h1>Er ging iets mis</h1>" in response.text
    assert (
        SECRET not in response.text
        and "Traceback" not in response.text
        and "RuntimeError" not in response.text
    )
    # it leaves the app outside the middleware that adds the security headers, so it carries them itself
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    logged = [record for record in caplog.records if record.exc_info]
    assert logged and "GET /test/boom" in logged[0].getMessage()
    assert logged[0].exc_info is not None and SECRET in str(logged[0].exc_info[1])


def test_a_server_error_logs_the_route_not_the_path_with_its_token(
    failing_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    token = "an-invitation-token-in-the-path"
    with caplog.at_level(logging.ERROR, logger="web.errors"):
        assert failing_client.get(f"/test/boom/{token}").status_code == 500
    logged = [record for record in caplog.records if record.exc_info]
    assert logged and "GET /test/boom/{token}" in logged[0].getMessage()
    assert all(token not in record.getMessage() for record in caplog.records)


def test_a_server_error_whose_page_fails_too_gets_a_page_without_the_frame(
    failing_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> Response:
        raise RuntimeError("the database is gone too")

    monkeypatch.setattr("web.errors.error_page", broken)
    response = failing_client.get("/test/boom", headers=EN)
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.text and SECRET not in response.text


def test_a_throttled_answer_says_when_to_try_again_in_dutch_time(failing_client: TestClient) -> None:
    response = failing_client.get("/test/throttled")
    assert response.status_code == 429
    assert "<h1>Te veel pogingen</h1>" in response.text
    assert "Probeer het na 14:05 opnieuw." in response.text  # 13:05 UTC is 14:05 in Amsterdam in March
    assert response.headers["retry-after"] == "0"  # that moment has passed
    english = failing_client.get("/test/throttled", headers=EN)
    assert "Try again after 14:05." in english.text


def test_the_caller_s_message_takes_the_place_of_the_text(failing_client: TestClient) -> None:
    response = failing_client.get("/test/told")
    assert response.status_code == 429 and "Eigen uitleg van de aanroeper." in response.text
    assert "Er waren te veel pogingen" not in response.text and "retry-after" not in response.headers


def test_retry_after_counts_whole_seconds_up() -> None:
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert retry_after_seconds(now + timedelta(seconds=90, milliseconds=1), now) == 91
    assert retry_after_seconds(now - timedelta(minutes=1), now) == 0


def test_no_page_of_the_app_answers_with_json(client: TestClient) -> None:
    for response in (client.get("/contracts/abc"), client.get("/x"), client.put("/login")):
        assert not re.match(r"\s*\{", response.text), response.text[:100]
