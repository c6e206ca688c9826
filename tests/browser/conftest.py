"""Browser tests: Debian's Chromium (no downloaded browsers) driven by pytest-playwright against the
app served by uvicorn on a free port, on a fresh migrated SQLite database for every test."""

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from argon2 import PasswordHasher
from playwright.sync_api import BrowserContext
from pytest_playwright.pytest_playwright import CreateContextCallback
from sqlalchemy import Engine

from models.db import make_engine
from models.migrate import upgrade
from web.app import create_app
from web.settings import Settings

CHROMIUM = "/usr/bin/chromium"
# Saved screenshots and other artefacts of the browser tests (git-ignored).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Waits for one action or assertion, in milliseconds: the app answers in a few; fail fast when it does not.
TIMEOUT_MS = 5_000


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with minimal cost, as in the web tests: the hash's strength is not under test here."""
    monkeypatch.setattr("web.security._HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium, without a sandbox (containers) and without its calls home."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def base_url() -> None:
    """None: each test's context gets its live server's URL (see `context`). This also keeps pytest from
    running pytest-playwright's own base_url fixture, a plugin instance method that pytest deprecates."""
    return None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A Dutch visitor unless a test says otherwise with @pytest.mark.browser_context_args(locale=…)."""
    return {**browser_context_args, "locale": "nl-NL"}


@dataclass(frozen=True)
class LiveServer:
    url: str
    engine: Engine


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The app on a fresh migrated SQLite database, served by uvicorn in a thread on a free port."""
    database_url = f"sqlite:///{tmp_path / 'chainmap.db'}"
    upgrade(database_url)
    engine = make_engine(database_url)
    settings = Settings(
        environment="test",
        database_url=database_url,
        secret_key="test-secret",
        upload_dir=tmp_path / "uploads",
    )
    app = create_app(settings, engine=engine)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))  # the system picks a free port; uvicorn serves on this very socket
    port = listener.getsockname()[1]
    config = uvicorn.Config(app, log_config=None, log_level="warning", access_log=False, ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if server.started or not thread.is_alive():
                break
            time.sleep(0.01)
        assert server.started, "the live server did not start"
        yield LiveServer(url=f"http://127.0.0.1:{port}", engine=engine)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
        engine.dispose()


@pytest.fixture
def context(new_context: CreateContextCallback, live_server: LiveServer) -> BrowserContext:
    """The browser context of every test, with the live server as base URL: page.goto("/check")."""
    context = new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    return context
