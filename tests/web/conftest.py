"""A fresh, migrated database for every web test, and a TestClient on an app using it.

The migrations run once per test session: on SQLite into a template file that each test copies, on the
PostgreSQL database that TEST_DATABASE_URL names (its public schema emptied first) after which each test
empties every table. Running all migrations for each of several hundred tests cost most of the suite's
time; that the migrations build the schema the models describe is tested on its own
(tests/web/test_health.py).
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session, SQLModel

import models  # noqa: F401 - registers every table on SQLModel.metadata
from models.db import make_engine
from models.migrate import upgrade
from web.app import create_app
from web.settings import Settings


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with minimal cost: tests log in many users, and the hash's strength is not under test
    (the production parameters are argon2-cffi's defaults, see web.security)."""
    monkeypatch.setattr("web.security._HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(autouse=True)
def _secret_key_file_of_the_test(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Settings made from the environment keep their generated key in the test's folder, never in var/."""
    monkeypatch.setenv("CHAINMAP_SECRET_KEY_FILE", str(tmp_path / "secret_key"))


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of a database migrated to the newest revision, once per session."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'chainmap.db'}"
    else:
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    upgrade(url)
    return url


@pytest.fixture
def database_url(migrated_template: str, tmp_path: Path) -> str:
    """A migrated database of this test's own: a copy of the SQLite template, or the PostgreSQL
    database with every table emptied."""
    if migrated_template.startswith("sqlite:///"):
        copy = tmp_path / "chainmap.db"
        shutil.copyfile(migrated_template.removeprefix("sqlite:///"), copy)
        return f"sqlite:///{copy}"
    engine = make_engine(migrated_template)
    tables = ", ".join(f'"{table.name}"' for table in SQLModel.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return migrated_template


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """The test's settings: its own database, and its own directory for uploaded files (never var/)."""
    return Settings(
        environment="test",
        database_url=database_url,
        secret_key="test-secret",
        upload_dir=tmp_path / "uploads",
    )


@pytest.fixture
def client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine=engine)) as client:
        yield client
