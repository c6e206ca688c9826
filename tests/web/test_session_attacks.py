"""Attacks on the sessions kept on the server that test_login_sessions.py does not cover: a page that only
reads must not fail because noting when the session was last used cannot write."""

import sqlite3
import time
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from models import LoginSession
from models.db import SQLITE_BUSY_TIMEOUT_S
from tests.factories.users import make_user
from tests.web.test_auth import log_in

EMAIL = "inkoper@testdorp.nl"


def test_a_page_that_only_reads_is_answered_while_another_request_holds_the_database_for_writing(
    client: TestClient, session: Session, database_url: str
) -> None:
    """On SQLite one writer at a time: a long write (an upload of 10,000 sites, `chainmap notify`, a
    backup) holds the database. A reading page used not to write; now it notes the session's last use at
    most once a minute, and that note waited for the writer and answered 500 after five seconds. The
    note is worth less than the page, so it does not wait for the writer either: the page used to wait
    the whole busy timeout (15 s) before it gave the note up."""
    if not database_url.startswith("sqlite:///"):
        pytest.skip("SQLite's database-wide write lock")
    make_user(session, email=EMAIL)
    assert log_in(client, EMAIL) == 303
    [login] = session.exec(select(LoginSession)).all()
    login.last_seen_at -= timedelta(minutes=5)
    session.add(login)
    session.commit()
    writer = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE organisations SET name = name")
        started = time.perf_counter()
        response = client.get("/account", follow_redirects=False)
        took = time.perf_counter() - started
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert response.status_code == 200
    assert took < SQLITE_BUSY_TIMEOUT_S / 3
