"""The database engine and sessions: SQLite under ./var by default, any SQLAlchemy URL through
DATABASE_URL (PostgreSQL is tested). Nothing else in the app knows which database it runs on."""

from collections.abc import Iterator
from pathlib import Path
from typing import Final

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

# SQLAlchemy's own defaults, for a command-line process; the web app sizes its pool to its threads
# (Settings.db_pool_size) without overflow.
DEFAULT_POOL_SIZE: Final = 5
DEFAULT_MAX_OVERFLOW: Final = 10
# Seconds a SQLite connection waits for another connection's write lock before it fails with "database
# is locked": concurrent requests that write queue up instead of failing.
SQLITE_BUSY_TIMEOUT_S: Final = 15


def make_engine(
    url: str,
    *,
    pool_size: int = DEFAULT_POOL_SIZE,
    max_overflow: int = DEFAULT_MAX_OVERFLOW,
    pool_timeout: float = 30,
) -> Engine:
    """An engine for `url` with a pool of `pool_size` connections (and `max_overflow` more on demand);
    a checkout waits up to `pool_timeout` seconds for a free one. For a SQLite file its folder is
    created, foreign keys are enforced, the journal is a write-ahead log (readers never block a writer)
    and a writer waits for another's lock."""
    parsed = make_url(url)
    pool = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout}
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **pool)
    if not parsed.database or parsed.database == ":memory:":
        engine = create_engine(url, connect_args={"check_same_thread": False})
    else:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S}, **pool
        )
        event.listen(engine, "connect", _sqlite_write_ahead_log)
    event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def _sqlite_foreign_keys(connection: object, _record: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_write_ahead_log(connection: object, _record: object) -> None:
    """WAL is kept in the database file; setting it on every connection is cheap once it is set."""
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def sessions(engine: Engine) -> Iterator[Session]:
    """One session, closed afterwards (for a command; a request uses web.deps.get_session)."""
    with Session(engine) as session:
        yield session
