"""The app's commands through `chainmap`: db upgrade, demo (idempotent) and user create."""

import io
from collections.abc import Iterator

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from chainmap.cli import EXIT_OK, EXIT_USAGE, main
from models import Role, User
from models.db import make_engine
from web.settings import get_settings


@pytest.fixture
def app_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def users(url: str) -> list[User]:
    engine = make_engine(url)
    with Session(engine) as session:
        found = list(session.exec(select(User).order_by(User.email)))
    engine.dispose()
    return found


def test_demo_creates_its_accounts_once_and_prints_them(
    app_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == EXIT_OK
    assert main(["demo"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "inkoper@voorbeeldstad.example" in out and "demo-chainmap-2026" in out
    accounts = users(app_database)
    assert len(accounts) == 4
    assert {user.role for user in accounts} == set(Role)


def test_user_create_reads_the_password_from_stdin(
    app_database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-very-long-password\n"))
    assert main(["user", "create", "--email", "Beheer@Example.nl", "--password-stdin"]) == EXIT_OK
    [user] = users(app_database)
    assert (user.email, user.role) == ("beheer@example.nl", Role.ADMIN)
    monkeypatch.setattr("sys.stdin", io.StringIO("a-very-long-password\n"))
    assert main(["user", "create", "--email", "beheer@example.nl", "--password-stdin"]) == EXIT_USAGE
    assert "exists" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["user", "create", "--email", "kort@example.nl", "--password-stdin"]) == EXIT_USAGE
    assert "12 characters" in capsys.readouterr().err


def test_db_upgrade_is_repeatable(app_database: str) -> None:
    assert main(["db", "upgrade"]) == EXIT_OK
    assert main(["db", "upgrade"]) == EXIT_OK
    engine = make_engine(app_database)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(User)).one() == 0
    engine.dispose()
