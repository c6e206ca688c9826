"""The request log (web.request_log): one line per request with the route's template, never the path's
tokens; a request id taken from a well-formed header or made, and echoed; the user's id, not e-mail."""

import json
import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from tests.factories.users import make_user
from tests.web.test_contracts import csrf, log_in
from web.app import create_app
from web.request_log import LOGGER
from web.settings import Settings

TOKEN = "Zq8secretTOKENvalue0123456789"


@pytest.fixture
def json_client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings.model_copy(update={"log_format": "json"}), engine=engine)) as client:
        yield client


def logged(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [json.loads(record.getMessage()) for record in caplog.records if record.name == LOGGER.name]


def test_tokens_in_paths_never_reach_the_log(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER.name)
    client.get(f"/invitations/{TOKEN}")
    client.post(f"/invitations/{TOKEN}", data={"password": TOKEN})
    client.get(f"/public/{TOKEN}")
    client.get(f"/public/{TOKEN}.pdf")
    client.get(f"/nowhere/{TOKEN}?token={TOKEN}")
    lines = [record.getMessage() for record in caplog.records if record.name == LOGGER.name]
    assert [line.split()[:2] for line in lines] == [
        ["GET", "/invitations/{token}"],
        ["POST", "/invitations/{token}"],
        ["GET", "/public/{summary_token}"],
        ["GET", "/public/{summary_token}.pdf"],
        ["GET", "unmatched"],
    ]
    assert TOKEN not in caplog.text


def test_a_json_line_has_the_request_id_user_id_route_status_and_duration(
    json_client: TestClient, session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    user = make_user(session, email="inkoper@example.nl")
    log_in(json_client, "inkoper@example.nl")
    caplog.set_level(logging.INFO, logger=LOGGER.name)
    response = json_client.get("/contracts", headers={"X-Request-ID": "proxy-id.42"})
    entry = logged(caplog)[-1]
    assert set(entry) == {"request_id", "method", "route", "status", "duration_ms", "user_id"}
    assert entry["request_id"] == response.headers["x-request-id"] == "proxy-id.42"
    assert (entry["method"], entry["route"], entry["status"]) == ("GET", "/contracts", 200)
    assert entry["user_id"] == user.id
    assert isinstance(entry["duration_ms"], float) and entry["duration_ms"] >= 0
    assert "inkoper@example.nl" not in caplog.text


def test_a_malformed_request_id_is_replaced_and_an_anonymous_request_has_no_user(
    json_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER.name)
    forged = 'x" status=200\nGET /admin'
    first = json_client.get("/healthz", headers={"X-Request-ID": forged})
    second = json_client.get("/healthz")
    entries = logged(caplog)
    ids = [entry["request_id"] for entry in entries]
    assert ids == [first.headers["x-request-id"], second.headers["x-request-id"]]
    assert forged not in ids and len(set(ids)) == 2
    assert [entry["user_id"] for entry in entries] == [None, None]


def test_the_user_id_is_logged_after_a_commit_expired_the_user(
    json_client: TestClient, session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    user = make_user(session, email="inkoper@example.nl")
    log_in(json_client, "inkoper@example.nl")
    token = csrf(json_client)
    caplog.set_level(logging.INFO, logger=LOGGER.name)
    response = json_client.post("/notifications/read", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert [(entry["route"], entry["user_id"]) for entry in logged(caplog)] == [
        ("/notifications/read", user.id)
    ]
