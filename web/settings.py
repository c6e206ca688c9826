"""The web app's settings, from the environment only (prefix CHAINMAP_, and DATABASE_URL).

One `Settings` for the whole app, as in the FastAPI full-stack template: it refuses to start in
production with the development secret, so a deployment cannot forget to set one.
"""

from functools import cache
from pathlib import Path
from typing import Final, Literal, Self

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "chainmap-development-secret-not-for-production"  # noqa: S105 - refused in production
# Uploaded evidence and attachments lie here by default: in the project's var/, outside web/static, so
# that no URL reaches a file but the download route that checks who asks.
DEFAULT_UPLOAD_DIR: Final = Path(__file__).resolve().parent.parent / "var" / "uploads"
MEBIBYTE: Final = 1024 * 1024


class Settings(BaseSettings):
    """Where the database is, how sessions are signed, and which environment this is."""

    # An empty variable (DATABASE_URL= in a unit file or a shell) counts as unset, not as an empty value.
    model_config = SettingsConfigDict(env_prefix="CHAINMAP_", extra="ignore", env_ignore_empty=True)

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
    # Evidence on actions and attachments to escalation steps (web.services.attachments): where the files
    # are kept and how large one may be (at most 32 MiB: a request's body is cut off above 64 MiB).
    upload_dir: Path = DEFAULT_UPLOAD_DIR
    upload_max_bytes: int = Field(default=10 * MEBIBYTE, ge=1, le=32 * MEBIBYTE)
    # Database connections per server process, and as many threads for sync routes and dependencies
    # (web.concurrency): anyio's default is 40 threads. On PostgreSQL, this times the workers (and any
    # other clients) must stay within the server's max_connections.
    db_pool_size: int = Field(default=40, ge=1)

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
