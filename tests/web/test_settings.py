"""Settings refuse the development secret in production."""

import pytest
from pydantic import ValidationError

from web.settings import DEVELOPMENT_SECRET, Settings


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="CHAINMAP_SECRET_KEY"):
        Settings(environment="production", secret_key=DEVELOPMENT_SECRET)
    production = Settings(
        environment="production", secret_key="a-real-secret", smtp_host="smtp.example.nl", smtp_from="a@b.nl"
    )
    assert production.secret_key == "a-real-secret"


def test_production_needs_smtp_so_that_invitation_links_go_only_by_mail() -> None:
    with pytest.raises(ValidationError, match="CHAINMAP_SMTP_HOST"):
        Settings(environment="production", secret_key="a-real-secret")


def test_database_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.db")
    assert Settings().database_url == "sqlite:///elsewhere.db"


def test_an_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "")
    monkeypatch.setenv("CHAINMAP_UPLOAD_MAX_BYTES", "")
    settings = Settings()
    assert settings.database_url == "sqlite:///var/chainmap.db"
    assert settings.upload_max_bytes == 10 * 1024 * 1024
