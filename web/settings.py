"""The web app's settings, from the environment only (prefix CHAINMAP_, and DATABASE_URL).

One `Settings` for the whole app, as in the FastAPI full-stack template: it refuses to start in
production with the development secret, so a deployment cannot forget to set one.
"""

from functools import cache
from typing import Literal, Self

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "chainmap-development-secret-not-for-production"  # noqa: S105 - refused in production


class Settings(BaseSettings):
    """Where the database is, how sessions are signed, and which environment this is."""

    model_config = SettingsConfigDict(env_prefix="CHAINMAP_", extra="ignore")

    environment: Literal["local", "test", "production"] = "local"
    secret_key: str = DEVELOPMENT_SECRET
    database_url: str = Field(
        default="sqlite:///var/chainmap.db",
        validation_alias=AliasChoices("DATABASE_URL", "CHAINMAP_DATABASE_URL"),
    )
    session_max_age: int = 8 * 60 * 60  # seconds a login lasts
    # The address users reach the app at, for absolute links that leave the app (an invitation's link in
    # an e-mail): behind a reverse proxy the request's own base URL names the inner host and port.
    base_url: str = "http://127.0.0.1:8000"
    invitation_days: int = Field(default=14, ge=1)  # days an invitation's link works
    # Sending e-mail (invitations): nothing is sent while smtp_host is empty.
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_from: str = ""
    smtp_starttls: bool = True

    @model_validator(mode="after")
    def _refuse_development_secret_in_production(self) -> Self:
        if self.environment == "production" and self.secret_key == DEVELOPMENT_SECRET:
            raise ValueError("set CHAINMAP_SECRET_KEY: the development secret is refused in production")
        return self

    @model_validator(mode="after")
    def _require_sender_with_smtp(self) -> Self:
        if self.smtp_host and not self.smtp_from:
            raise ValueError("set CHAINMAP_SMTP_FROM, the sender's address, with CHAINMAP_SMTP_HOST")
        return self


@cache
def get_settings() -> Settings:
    """The settings of this process, read from the environment once."""
    return Settings()
