"""Schema migrations with Alembic, configured in code: `upgrade(url)` brings a database to the newest
schema. The revisions are in models/migrations/versions; write a new one for every table change."""

from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    """The Alembic configuration for the database at `url`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    """Apply every migration the database at `url` does not have yet."""
    command.upgrade(alembic_config(url), "head")
