"""Settings: no published secret (a generated key kept in a file, a long one in production), and the
database URL from the environment."""

import multiprocessing
import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from chainmap.cli import EXIT_USAGE, main
from web.secret_key import SecretKeyFileError, stored_secret_key
from web.settings import MIN_PRODUCTION_KEY_LENGTH, Settings, get_settings

WORKERS = 6
SMTP = {"smtp_host": "smtp.example.nl", "smtp_from": "chainmap@example.nl"}


def test_production_needs_smtp_so_that_invitation_links_go_only_by_mail() -> None:
    with pytest.raises(ValidationError, match="CHAINMAP_SMTP_HOST"):
        Settings(environment="production", secret_key="k" * MIN_PRODUCTION_KEY_LENGTH)


def test_without_a_key_one_is_generated_once_and_kept_for_the_owner_only(tmp_path: Path) -> None:
    key_file = tmp_path / "var" / "secret_key"
    first = Settings(secret_key_file=key_file).secret_key
    assert len(first) >= 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert Settings(secret_key_file=key_file).secret_key == first  # a restart keeps the sessions
    assert Settings(secret_key_file=tmp_path / "elsewhere").secret_key != first  # random, not in the source
    assert [path.name for path in key_file.parent.iterdir()] == ["secret_key"]  # no temporary file left


def test_a_key_in_the_environment_wins_and_no_file_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHAINMAP_SECRET_KEY", "k" * 40)
    monkeypatch.setenv("CHAINMAP_SECRET_KEY_FILE", str(tmp_path / "secret_key"))
    assert Settings().secret_key == "k" * 40
    assert not (tmp_path / "secret_key").exists()


def _key_of_a_worker(path: str) -> str:
    return stored_secret_key(Path(path))


def test_workers_starting_at_once_agree_on_one_key(tmp_path: Path) -> None:
    key_file = tmp_path / "secret_key"
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        keys = pool.map(_key_of_a_worker, [str(key_file)] * WORKERS * 4)
    assert len(set(keys)) == 1
    assert keys[0] == key_file.read_text().strip()


def test_an_empty_key_file_is_an_error_not_an_empty_key(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text("\n")
    with pytest.raises(SecretKeyFileError, match="empty"):
        stored_secret_key(tmp_path / "secret_key")


def test_production_refuses_a_short_key_and_takes_a_long_or_generated_one(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="too short"):
        Settings(environment="production", secret_key="k" * (MIN_PRODUCTION_KEY_LENGTH - 1), **SMTP)
    long_key = "k" * MIN_PRODUCTION_KEY_LENGTH
    assert Settings(environment="production", secret_key=long_key, **SMTP).secret_key == long_key
    generated = Settings(environment="production", secret_key_file=tmp_path / "secret_key", **SMTP)
    assert len(generated.secret_key) >= MIN_PRODUCTION_KEY_LENGTH


def test_the_demo_refuses_to_run_in_production(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = tmp_path / "chainmap.db"
    monkeypatch.setenv("CHAINMAP_ENVIRONMENT", "production")
    monkeypatch.setenv("CHAINMAP_SMTP_HOST", SMTP["smtp_host"])
    monkeypatch.setenv("CHAINMAP_SMTP_FROM", SMTP["smtp_from"])
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    get_settings.cache_clear()
    try:
        assert main(["--lang", "nl", "demo"]) == EXIT_USAGE
    finally:
        get_settings.cache_clear()
    assert "CHAINMAP_ENVIRONMENT=production" in capsys.readouterr().err
    assert not database.exists()  # it stopped before touching the database


def test_database_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.db")
    assert Settings().database_url == "sqlite:///elsewhere.db"


def test_an_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "")
    monkeypatch.setenv("CHAINMAP_UPLOAD_MAX_BYTES", "")
    settings = Settings()
    assert settings.database_url == "sqlite:///var/chainmap.db"
    assert settings.upload_max_bytes == 10 * 1024 * 1024
