"""Alembic's environment: migrations run online against the configured URL, with the tables of
`models` as the target for autogenerate."""

from alembic import context
from sqlmodel import SQLModel

import models  # noqa: F401 - registers every table on SQLModel.metadata
from models.db import make_engine

url = context.config.get_main_option("sqlalchemy.url")
if url is None:
    raise RuntimeError("alembic needs sqlalchemy.url; use models.migrate.alembic_config")
engine = make_engine(url)
with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # SQLite alters a table by copying it and dropping the old one, which its foreign keys refuse
        # while other tables' rows refer to it: they are checked after the migration instead, as
        # SQLite's documentation prescribes for schema changes (the pragma works only outside a
        # transaction, so before the migration's begins).
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()  # ends SQLAlchemy's own transaction, so that alembic's begins and commits
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=sqlite,  # SQLite alters tables by copying them
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(
                    f"the migration left rows whose foreign keys refer to nothing: {broken[:5]}"
                )
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
engine.dispose()
