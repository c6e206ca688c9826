"""`chainmap serve`: its arguments reach uvicorn (workers, proxy headers, no access log), and a real
server in two worker processes logs requests by route template, never a URL's token."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.error import HTTPError

import pytest

from chainmap.cli import EXIT_OK, EXIT_USAGE, main
from web.request_log import LOGGER
from web.settings import get_settings

TOKEN = "Zq8secretTOKENvalue0123456789"
CHAINMAP = Path(sys.executable).parent / "chainmap"


@pytest.fixture
def uvicorn_calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[dict[str, Any]]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: calls.append({"app": app, **options}))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'chainmap.db'}")
    get_settings.cache_clear()
    yield calls
    get_settings.cache_clear()


def test_serve_passes_workers_and_proxy_settings_to_uvicorn_without_its_access_log(
    uvicorn_calls: list[dict[str, Any]],
) -> None:
    proxy = ["--proxy-headers", "--forwarded-allow-ips", "10.0.0.2"]
    assert main(["serve", "--port", "8201", "--workers", "3", *proxy]) == EXIT_OK
    [call] = uvicorn_calls
    assert call["app"] == "web.app:app_from_environment" and call["factory"] is True
    assert (call["port"], call["workers"]) == (8201, 3)
    assert (call["proxy_headers"], call["forwarded_allow_ips"]) == (True, "10.0.0.2")
    assert call["access_log"] is False
    assert LOGGER.name in call["log_config"]["loggers"]


def test_serve_believes_no_forwarded_header_unless_asked(uvicorn_calls: list[dict[str, Any]]) -> None:
    """uvicorn on its own trusts X-Forwarded-For from 127.0.0.1: a local client could pick its address."""
    assert main(["serve"]) == EXIT_OK
    [call] = uvicorn_calls
    assert (call["workers"], call["proxy_headers"], call["host"]) == (1, False, "127.0.0.1")


def test_serve_refuses_no_workers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--workers", "0"])
    assert exited.value.code == EXIT_USAGE
    assert "--workers" in capsys.readouterr().err


def free_port() -> int:
    """A port the system has free now, for the server started next."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a local test server
            return int(response.status)
    except HTTPError as error:
        return error.code


def test_a_served_app_with_two_workers_logs_json_lines_without_tokens(
    database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CHAINMAP_LOG_FORMAT": "json",
        "CHAINMAP_SECRET_KEY_FILE": str(tmp_path / "secret_key"),
        "CHAINMAP_UPLOAD_DIR": str(tmp_path / "uploads"),
    }
    command = [str(CHAINMAP), "serve", "--port", str(port), "--workers", "2"]
    with subprocess.Popen(  # noqa: S603 - the project's own command
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as server:
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(200):
                try:
                    if get(f"{base}/healthz") == 200:
                        break
                except OSError:
                    time.sleep(0.05)
            statuses = [get(f"{base}/invitations/{TOKEN}"), get(f"{base}/public/{TOKEN}?t={TOKEN}")]
        finally:
            server.terminate()
            out, err = server.communicate(timeout=30)
    assert statuses == [404, 404]  # no such invitation or summary: still logged by template
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    routes = [(line["route"], line["status"]) for line in lines]
    assert ("/invitations/{token}", 404) in routes and ("/public/{summary_token}", 404) in routes
    assert TOKEN not in out + err
    assert "Started parent process" in err  # uvicorn's own log still runs
