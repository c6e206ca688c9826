"""The web app's settings, from the environment only (prefix CHAINMAP_, and DATABASE_URL).

One `Settings` for the whole app, as in the FastAPI full-stack template. No secret is published in the
source: without CHAINMAP_SECRET_KEY the key is made at random on the first start and kept in
`secret_key_file` (web.secret_key); production refuses a key shorter than MIN_PRODUCTION_KEY_LENGTH.
"""

from functools import cache
from pathlib import Path
from typing import Final, Literal, Self

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from web.secret_key import stored_secret_key

# The project's var/, beside the default SQLite database. Uploaded evidence and attachments lie in it by
# default: outside web/static, so that no URL reaches a file but the download route that checks who asks.
DEFAULT_VAR: Final = Path(__file__).resolve().parent.parent / "var"
DEFAULT_UPLOAD_DIR: Final = DEFAULT_VAR / "uploads"
DEFAULT_SECRET_KEY_FILE: Final = DEFAULT_VAR / "secret_key"
MIN_PRODUCTION_KEY_LENGTH: Final = 32
MEBIBYTE: Final = 1024 * 1024
# The most sites a chain on the web may have (CHAINMAP_MAX_SITES); larger chains go through the command
# line, which reads up to 500,000 (chainmap.chainfile.MAX_ROWS).
DEFAULT_MAX_SITES: Final = 10_000
MOST_MAX_SITES: Final = 500_000


class Settings(BaseSettings):
    """Where the database is, how sessions are signed, and which environment this is."""

    # An empty variable (DATABASE_URL= in a unit file or a shell) counts as unset, not as an empty value.
    model_config = SettingsConfigDict(env_prefix="CHAINMAP_", extra="ignore", env_ignore_empty=True)

    environment: Literal["local", "test", "production"] = "local"
    # Signs the session cookies; empty means the key kept in secret_key_file (made when missing).
    secret_key: str = ""
    secret_key_file: Path = DEFAULT_SECRET_KEY_FILE
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
    # are kept and how large one may be (at most 32 MiB; web.limits sizes the forms' bodies by it).
    upload_dir: Path = DEFAULT_UPLOAD_DIR
    upload_max_bytes: int = Field(default=10 * MEBIBYTE, ge=1, le=32 * MEBIBYTE)
    # The most sites a chain uploaded or edited on the web may have; the upload's size limits grow with it
    # (web.services.chain_files.ChainUploadLimits).
    max_sites: int = Field(default=DEFAULT_MAX_SITES, ge=1, le=MOST_MAX_SITES)
    # Database connections per server process, and as many threads for sync routes and dependencies
    # (web.concurrency): anyio's default is 40 threads. On PostgreSQL, this times the workers (and any
    # other clients) must stay within the server's max_connections.
    db_pool_size: int = Field(default=40, ge=1)
    # The request log (web.request_log): a line of text per request, or a JSON object for a log collector.
    log_format: Literal["text", "json"] = "text"

    @model_validator(mode="after")
    def _secret_key_from_its_file(self) -> Self:
        if not self.secret_key:
            self.secret_key = stored_secret_key(self.secret_key_file)
        if self.environment == "production" and len(self.secret_key) < MIN_PRODUCTION_KEY_LENGTH:
            raise ValueError(
                f"CHAINMAP_SECRET_KEY is too short for production: use at least {MIN_PRODUCTION_KEY_LENGTH} "
                "random characters, or leave it unset for a generated key"
            )
        return self

    @model_validator(mode="after")
    def _require_smtp_in_production(self) -> Self:
        # Invitation links then go only by e-mail: a link shown to the buyer would let it act as the
        # invitee (a request to join in someone else's name, or learning whether an address has an account).
        if self.environment == "production" and not self.smtp_host:
            raise ValueError("set CHAINMAP_SMTP_HOST: in production invitation links go only by e-mail")
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
