"""Request body limits (web.limits): a body over its route's limit answers 413 with the page, refused by
its Content-Length before a byte is read, or cut off while it is read (a chunked body, a Content-Length
that lies), so that no request makes the server read or spool more than its route accepts; an upload
route accepts its own, larger limit.

The app is called as the server calls it (ASGI), with a body that counts what the app has taken of it.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

import anyio
import pytest
from anyio.from_thread import start_blocking_portal
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.types import Message

from models import Role
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_authorisation_matrix import log_in
from web.app import create_app
from web.limits import FORM_MAX_BYTES, declared_limit, upload_limit
from web.routes.attachments import add_action_evidence
from web.routes.chain_files import upload_chain_file
from web.routes.escalation import record_escalation_step
from web.services.attachments import MAX_STEP_FILES
from web.services.chain_files import MAX_UPLOAD_BYTES, UPLOAD_BYTES_PER_SITE, ChainUploadLimits
from web.settings import MEBIBYTE, Settings

CHUNK: Final = 64 * 1024
FORM: Final = b"application/x-www-form-urlencoded"


@dataclass
class Body:
    """A request body of `size` bytes in chunks of CHUNK, handed out as the app asks for it."""

    size: int
    taken: int = 0
    asked_after_end: int = 0

    async def receive(self) -> Message:
        if self.taken >= self.size:
            self.asked_after_end += 1
            await anyio.sleep(0)
            return {"type": "http.disconnect"}
        chunk = min(CHUNK, self.size - self.taken)
        self.taken += chunk
        return {"type": "http.request", "body": b"a" * chunk, "more_body": self.taken < self.size}


@dataclass
class Answer:
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.headers = {name.decode(): value.decode() for name, value in message["headers"]}
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")


def call(app: FastAPI, path: str, body: Body, *, content_length: int | None) -> Answer:
    """POST `body` to `path` as a server would: with a Content-Length header, or chunked without one."""
    headers = [(b"content-type", FORM), (b"host", b"testserver")]
    if content_length is not None:
        headers.append((b"content-length", str(content_length).encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    answer = Answer()
    # In a thread of its own, as TestClient does: the browser tests leave an event loop in this one.
    with start_blocking_portal() as portal:
        portal.call(app, scope, body.receive, answer.send)
    return answer


@pytest.fixture
def app(settings: Settings, engine: Engine) -> FastAPI:
    return create_app(settings, engine=engine)


def refused(answer: Answer) -> bool:
    text = answer.body.decode()
    return answer.status == 413 and "<h1>Te groot</h1>" in text and "ten hoogste 1 MB" in text


def test_a_form_over_its_limit_is_refused_by_its_length_before_a_byte_is_read(app: FastAPI) -> None:
    body = Body(2 * MEBIBYTE)
    answer = call(app, "/login", body, content_length=body.size)
    assert refused(answer)
    assert body.taken == 0
    assert answer.headers["connection"] == "close"
    assert "nosniff" in answer.headers["x-content-type-options"]


def test_a_chunked_body_is_cut_off_at_its_limit_unread(app: FastAPI) -> None:
    body = Body(1024 * MEBIBYTE)  # a gigabyte, of which no more than the limit and a chunk is taken
    answer = call(app, "/login", body, content_length=None)
    assert refused(answer)
    assert FORM_MAX_BYTES < body.taken <= FORM_MAX_BYTES + CHUNK


def test_a_content_length_lower_than_the_body_does_not_let_more_in(app: FastAPI) -> None:
    body = Body(100 * MEBIBYTE)
    answer = call(app, "/login", body, content_length=10)
    assert refused(answer)
    assert body.taken <= FORM_MAX_BYTES + CHUNK


def test_a_content_length_higher_than_the_body_is_refused_as_said(app: FastAPI) -> None:
    body = Body(100)
    answer = call(app, "/login", body, content_length=2 * MEBIBYTE)
    assert refused(answer)
    assert body.taken == 0


def test_a_path_the_app_does_not_have_has_the_form_limit_and_reads_nothing(app: FastAPI) -> None:
    said = Body(2 * MEBIBYTE)
    assert refused(call(app, "/bestaat/niet", said, content_length=said.size))
    chunked = Body(2 * MEBIBYTE)
    assert call(app, "/bestaat/niet", chunked, content_length=None).status == 404
    assert said.taken == chunked.taken == 0


def test_a_body_within_the_limit_is_read_whole(app: FastAPI) -> None:
    body = Body(FORM_MAX_BYTES)
    answer = call(app, "/login", body, content_length=body.size)
    assert answer.status == 400  # the login form's own answer to a body without its fields
    assert body.taken == body.size


def test_each_upload_route_declares_its_own_limit(settings: Settings) -> None:
    assert declared_limit(upload_chain_file, settings) == upload_limit(1, MAX_UPLOAD_BYTES)
    assert declared_limit(add_action_evidence, settings) == upload_limit(1, settings.upload_max_bytes)
    larger = settings.model_copy(update={"upload_max_bytes": 20 * MEBIBYTE})
    assert declared_limit(add_action_evidence, larger) == 2 * 20 * MEBIBYTE + FORM_MAX_BYTES
    assert declared_limit(record_escalation_step, settings) == upload_limit(
        MAX_STEP_FILES, settings.upload_max_bytes
    )
    assert declared_limit(lambda: None, settings) == FORM_MAX_BYTES
    # room for one more file than the form takes, so that the form names a file over its own limit
    assert upload_limit(1, MAX_UPLOAD_BYTES) == 2 * MAX_UPLOAD_BYTES + FORM_MAX_BYTES


@pytest.fixture
def supplier_client(client: TestClient, session: Session) -> Iterator[tuple[TestClient, int, str]]:
    contract = make_contract(session)
    make_user(
        session, email="leverancier@werkkleding.example", role=Role.SUPPLIER, organisation="Werkkleding BV"
    )
    token = log_in(client, "leverancier@werkkleding.example")
    assert contract.id is not None
    yield client, contract.id, token


def test_an_upload_route_accepts_a_file_over_the_form_limit(
    supplier_client: tuple[TestClient, int, str],
) -> None:
    client, contract_id, token = supplier_client
    rows = b"".join(f"S{n},Site {n:0180d},NL,trading,,WK,\r\n".encode() for n in range(9_000))
    data = b"id,name,country,activity,goods,supplies_to,share\r\nWK,Werkkleding BV,NL,trading,,,\r\n" + rows
    assert FORM_MAX_BYTES < len(data) < MAX_UPLOAD_BYTES
    response = client.post(
        f"/contracts/{contract_id}/chain/file",
        data={"csrf_token": token},
        files={"file": ("keten.csv", data, "text/csv")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[-2000:]
    assert response.headers["location"].endswith(f"uploaded={len(data.splitlines()) - 1}")


def test_an_upload_route_refuses_a_body_over_its_own_limit(
    supplier_client: tuple[TestClient, int, str],
) -> None:
    client, contract_id, token = supplier_client
    response = client.post(
        f"/contracts/{contract_id}/chain/file",
        data={"csrf_token": token},
        files={"file": ("keten.csv", b"x" * upload_limit(1, MAX_UPLOAD_BYTES), "text/csv")},
    )
    assert response.status_code == 413
    assert "ten hoogste 11 MB" in response.text


def test_a_visitor_who_never_logged_in_uploads_no_more_than_a_form(
    client: TestClient, session: Session
) -> None:
    """FastAPI reads a form before the route checks the login: without one, an upload route takes the
    form limit, so a visitor cannot make the server read an upload's worth."""
    contract = make_contract(session)
    client.get("/login")  # a session cookie without a login
    response = client.post(
        f"/contracts/{contract.id}/chain/file",
        files={"file": ("keten.csv", b"x" * (FORM_MAX_BYTES + 1), "text/csv")},
    )
    assert response.status_code == 413
    small = client.post(
        f"/contracts/{contract.id}/chain/file",
        files={"file": ("k.csv", b"x", "text/csv")},
        follow_redirects=False,
    )
    assert (small.status_code, small.headers["location"]) == (303, "/login")


def test_the_most_sites_on_the_web_is_a_setting_that_sizes_the_upload(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert settings.max_sites == 10_000
    monkeypatch.setenv("CHAINMAP_MAX_SITES", "50000")
    assert Settings(secret_key="k").max_sites == 50_000
    for wrong in ("0", "500001", "veel"):
        monkeypatch.setenv("CHAINMAP_MAX_SITES", wrong)
        with pytest.raises(ValueError, match="max_sites"):
            Settings(secret_key="k")
    assert ChainUploadLimits.for_sites(10_000).max_bytes == MAX_UPLOAD_BYTES  # as before the setting
    larger = settings.model_copy(update={"max_sites": 50_000})
    assert declared_limit(upload_chain_file, larger) == upload_limit(1, 50_000 * UPLOAD_BYTES_PER_SITE)


def sites_csv(sites: int) -> bytes:
    """A chain of `sites` sites: the contractor and its direct suppliers."""
    lines = ["id,name,country,activity,goods,supplies_to,share", "WK,Werkkleding BV,NL,trading,Garments,,"]
    lines += [f"S{n},Confectie {n},BD,cut-make-trim,Garments,WK," for n in range(1, sites)]
    return ("\r\n".join(lines) + "\r\n").encode()


def test_a_50000_site_upload_is_accepted_when_the_limit_is_50000_and_one_more_is_refused(
    settings: Settings, engine: Engine, session: Session
) -> None:
    contract = make_contract(session)
    make_user(
        session, email="leverancier@werkkleding.example", role=Role.SUPPLIER, organisation="Werkkleding BV"
    )
    larger = settings.model_copy(update={"max_sites": 50_000})
    with TestClient(create_app(larger, engine=engine)) as client:
        token = log_in(client, "leverancier@werkkleding.example")
        page = client.get(f"/contracts/{contract.id}/chain/file").text
        assert "hoogstens 24 MB en 50.000 locaties" in page
        data = sites_csv(50_000)
        assert len(data) > MAX_UPLOAD_BYTES // 3
        response = client.post(
            f"/contracts/{contract.id}/chain/file",
            data={"csrf_token": token},
            files={"file": ("keten.csv", data, "text/csv")},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text[-2000:]
        assert response.headers["location"].endswith("uploaded=50000")
        assert (
            "Locaties uit het bestand in uw concept geladen: 50.000."
            in client.get(response.headers["location"]).text
        )

        refused = client.post(
            f"/contracts/{contract.id}/chain/file",
            data={"csrf_token": token},
            files={"file": ("keten.csv", sites_csv(50_001), "text/csv")},
        )
        assert refused.status_code == 400
        assert "Het bestand heeft meer dan 50000 rijen; er kunnen hoogstens 50000 locaties" in refused.text
        assert "Het bestand is niet geladen" in refused.text
