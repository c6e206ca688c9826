"""Concurrent requests: one database connection per request, a pool sized to the threads, and on
SQLite a write-ahead log and a busy timeout (web.concurrency, web.deps.get_session, models.db)."""

import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import Session

from models.db import SQLITE_BUSY_TIMEOUT_S, make_engine
from tests.factories.users import make_user
from tests.web.test_contracts import log_in
from web.app import create_app
from web.settings import Settings

POOL = 2
REQUESTS = 24


@pytest.fixture
def small_pool(database_url: str) -> Iterator[Engine]:
    """An engine with POOL connections and no overflow; a checkout that waits 5 s fails."""
    engine = make_engine(database_url, pool_size=POOL, max_overflow=0, pool_timeout=5)
    yield engine
    engine.dispose()


def test_concurrent_logged_in_pages_check_out_one_connection_each(
    settings: Settings, small_pool: Engine
) -> None:
    with Session(small_pool) as session:
        make_user(session, email="inkoper@example.nl")
    checkouts: list[object] = []
    event.listen(small_pool, "checkout", lambda *_: checkouts.append(1))
    app = create_app(settings.model_copy(update={"db_pool_size": POOL}), engine=small_pool)
    with TestClient(app) as client:
        log_in(client, "inkoper@example.nl")
        checkouts.clear()
        pages = ["/contracts", "/dashboard"] * (REQUESTS // 2)
        with ThreadPoolExecutor(max_workers=REQUESTS) as pool:
            statuses = list(pool.map(lambda page: client.get(page).status_code, pages))
    assert statuses == [200] * REQUESTS
    assert len(checkouts) == REQUESTS  # the navigation's unread count shares the request's connection


def test_the_thread_limiter_is_the_pool_size(settings: Settings, engine: Engine) -> None:
    app = create_app(settings.model_copy(update={"db_pool_size": 7}), engine=engine)
    with TestClient(app) as client:
        assert client.portal is not None
        tokens = client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)
    assert tokens == 7


def test_the_app_sizes_its_own_pool_without_overflow(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"db_pool_size": 3}))
    try:
        pool = app.state.engine.pool
        assert (pool.size(), pool.overflow()) == (3, -3)  # overflow() counts up from -size to max_overflow
    finally:
        app.state.engine.dispose()


def sqlite_path(database_url: str) -> Path:
    if not database_url.startswith("sqlite:///"):
        pytest.skip("a SQLite file's journal and locks")
    return Path(database_url.removeprefix("sqlite:///"))


def test_sqlite_runs_with_a_write_ahead_log_and_a_busy_timeout(database_url: str, engine: Engine) -> None:
    sqlite_path(database_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == SQLITE_BUSY_TIMEOUT_S * 1000


def test_sqlite_a_reader_mid_transaction_does_not_lock_out_a_writer(
    database_url: str, engine: Engine
) -> None:
    """With a rollback journal the writer's commit waits for the reader and fails "database is locked"."""
    reader = sqlite3.connect(sqlite_path(database_url), timeout=0.5)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM organisations").fetchall()
        with Session(engine) as session:
            make_user(session, email="schrijver@example.nl")  # commits while the reader's snapshot is open
        assert reader.execute("SELECT count(*) FROM users").fetchone() == (0,)  # its snapshot still
    finally:
        reader.close()


def test_an_error_page_after_the_session_closed_opens_no_second_connection(
    settings: Settings, small_pool: Engine
) -> None:
    """The 403 page is drawn after the request's session closed: its navigation must not reopen it."""
    with Session(small_pool) as session:
        make_user(session, email="inkoper@example.nl")
    checkouts: list[object] = []
    event.listen(small_pool, "checkout", lambda *_: checkouts.append(1))
    with TestClient(create_app(settings, engine=small_pool)) as client:
        log_in(client, "inkoper@example.nl")
        checkouts.clear()
        response = client.get("/admin/organisations")
    assert response.status_code == 403 and "/logout" in response.text  # the navigation of a logged-in user
    assert len(checkouts) == 1
