"""Taking a test's database down to an earlier migration and up again, for the migration tests."""

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect

from models.migrate import alembic_config


def downgraded(database_url: str, engine: Engine, revision: str) -> Config:
    """Take the test's database down to `revision`; returns the Alembic config that takes it up again
    (`upgraded`). The engine's pooled connections are closed first, so that none holds a table the
    migration alters."""
    engine.dispose()
    config = alembic_config(database_url)
    command.downgrade(config, revision)
    return config


def upgraded(engine: Engine, config: Config) -> None:
    """Take the test's database up to the newest migration and check that its schema is the models'."""
    engine.dispose()
    command.upgrade(config, "head")
    command.check(config)


def table_columns(engine: Engine, table: str) -> set[str]:
    """The names of the columns `table` has now."""
    with engine.connect() as connection:
        return {column["name"] for column in inspect(connection).get_columns(table)}
