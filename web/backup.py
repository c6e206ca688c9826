"""`chainmap backup DIR` and `chainmap restore DIR`: the database and the uploaded files, together, with
a manifest that says what the backup holds and lets a restore check it.

The database is copied consistently while the app runs: SQLite through its online backup API, PostgreSQL
with `pg_dump --format=custom` (and `pg_restore`, both found on PATH). The database goes first and the
uploaded files after: a file is stored before the row that names it is committed, so every file the
copied database names is in the copy (a file uploaded in between is there too, unnamed and harmless).
A restore refuses a database with rows, or an upload folder with files, unless forced, and refuses a
backup whose files do not match their checksums or that was made of another kind of database.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, Literal

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, literal_column, select, table, text
from sqlalchemy.engine import URL, make_url

from models.db import make_engine
from models.migrate import alembic_config

MANIFEST: Final = "manifest.json"
UPLOADS: Final = "uploads"
DATABASE_FILES: Final = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MANIFEST_FORMAT: Final = 1
# Alembic's own table says which schema the database has, not what it holds.
NOT_DATA: Final = frozenset({"alembic_version"})
DatabaseKind = Literal["sqlite", "postgresql"]


class BackupError(Exception):
    """Why a backup or restore did not happen: a message key of web.messages.operations and its values."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Manifest:
    """What a backup holds: when it was made, of which schema revision and kind of database, how many
    uploaded files, and the SHA-256 of every file in it but the manifest (by path within the backup)."""

    format: int
    created_at: str
    schema_revision: str
    database: DatabaseKind
    files: int
    checksums: dict[str, str]


def backup(*, database_url: str, upload_dir: Path, target: Path) -> Manifest:
    """Copy the database and the uploaded files into `target` (a new or empty folder), manifest last."""
    kind = database_kind(database_url)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError("operations.backup_target_not_empty", path=target)
    revision = schema_revision(database_url)
    if revision is None:
        raise BackupError("operations.backup_no_schema")
    target.mkdir(parents=True, exist_ok=True)
    database_file = target / DATABASE_FILES[kind]
    if kind == "sqlite":
        _sqlite_copy(_sqlite_path(database_url), database_file)
    else:
        _run_postgres_tool(
            "pg_dump",
            database_url,
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={database_file}",
        )
    uploads = target / UPLOADS
    uploads.mkdir()
    if upload_dir.is_dir():
        shutil.copytree(upload_dir, uploads, dirs_exist_ok=True)
    manifest = Manifest(
        format=MANIFEST_FORMAT,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        schema_revision=revision,
        database=kind,
        files=sum(1 for path in uploads.rglob("*") if path.is_file()),
        checksums=_checksums(target),
    )
    (target / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2) + "\n", encoding="utf-8")
    return manifest


def restore(*, database_url: str, upload_dir: Path, source: Path, force: bool) -> Manifest:
    """Put the backup in `source` back: the database, then the uploaded files. Without `force` only into
    a database without rows and an upload folder without files; with it, both are replaced."""
    manifest = read_manifest(source)
    kind = database_kind(database_url)
    if manifest.database != kind:
        raise BackupError("operations.restore_other_database", backup=manifest.database, target=kind)
    if _checksums(source) != manifest.checksums or manifest.files != len(_uploaded(source / UPLOADS)):
        raise BackupError("operations.restore_checksums", path=source)
    if not _known_revision(database_url, manifest.schema_revision):
        raise BackupError("operations.restore_newer_schema", revision=manifest.schema_revision)
    if not force:
        filled = tables_with_rows(database_url)
        if filled:
            raise BackupError("operations.restore_not_empty", tables=", ".join(filled))
        if _uploaded(upload_dir):
            raise BackupError("operations.restore_uploads_not_empty", path=upload_dir)
    database_file = source / DATABASE_FILES[kind]
    if kind == "sqlite":
        _sqlite_copy(database_file, _sqlite_path(database_url))
    else:
        _run_postgres_tool(
            "pg_restore",
            database_url,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            str(database_file),
        )
    _empty(upload_dir)
    shutil.copytree(source / UPLOADS, upload_dir, dirs_exist_ok=True)
    return manifest


def _empty(folder: Path) -> None:
    """Remove what `folder` holds, keeping the folder itself (it may be a mount point or a link)."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def read_manifest(source: Path) -> Manifest:
    """The manifest of the backup in `source`; BackupError when there is none or it is not one."""
    try:
        found = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
        manifest = Manifest(**found)
    except (OSError, ValueError, TypeError):
        raise BackupError("operations.restore_no_manifest", path=source) from None
    if manifest.format != MANIFEST_FORMAT or manifest.database not in DATABASE_FILES:
        raise BackupError("operations.restore_no_manifest", path=source)
    return manifest


def database_kind(database_url: str) -> DatabaseKind:
    """Which kind of database the URL names; BackupError for another, or for SQLite in memory."""
    backend = make_url(database_url).get_backend_name()
    if backend == "sqlite":
        _sqlite_path(database_url)
        return "sqlite"
    if backend == "postgresql":
        return "postgresql"
    raise BackupError("operations.backup_unsupported_database", backend=backend)


def schema_revision(database_url: str) -> str | None:
    """The Alembic revision of the database, None when it has none (never upgraded)."""
    engine = make_engine(database_url)
    try:
        if not inspect(engine).has_table("alembic_version"):
            return None
        with engine.connect() as connection:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return str(found) if found is not None else None
    finally:
        engine.dispose()


def tables_with_rows(database_url: str) -> list[str]:
    """The database's tables that hold a row, Alembic's own aside; none for a missing SQLite file."""
    if database_kind(database_url) == "sqlite" and not _sqlite_path(database_url).exists():
        return []
    engine = make_engine(database_url)
    try:
        return [name for name in sorted(inspect(engine).get_table_names()) if _has_rows(engine, name)]
    finally:
        engine.dispose()


def _has_rows(engine: Engine, name: str) -> bool:
    if name in NOT_DATA:
        return False
    with engine.connect() as connection:
        return (
            connection.execute(select(literal_column("1")).select_from(table(name)).limit(1)).first()
            is not None
        )


def _known_revision(database_url: str, revision: str) -> bool:
    """Whether this chainmap's migrations know `revision`: a backup of a newer schema would not run."""
    scripts = ScriptDirectory.from_config(alembic_config(database_url))
    return any(script.revision == revision for script in scripts.walk_revisions())


def _sqlite_path(database_url: str) -> Path:
    database = make_url(database_url).database
    if not database or database == ":memory:":
        raise BackupError("operations.backup_unsupported_database", backend="sqlite :memory:")
    return Path(database)


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite database `source` into `target` (replacing what it holds) through
    the online backup API, which copies a snapshot while other connections read and write."""
    target.parent.mkdir(parents=True, exist_ok=True)
    reading = sqlite3.connect(source)
    try:
        writing = sqlite3.connect(target)
        try:
            reading.backup(writing)
        finally:
            writing.close()
    finally:
        reading.close()


def _libpq(database_url: str) -> tuple[str, dict[str, str]]:
    """The SQLAlchemy URL as libpq takes it (`postgresql+psycopg://` → `postgresql://`), and its password
    apart, for PGPASSWORD: a password in a command's arguments is visible to every user of the host."""
    parsed: URL = make_url(database_url)
    password = {"PGPASSWORD": str(parsed.password)} if parsed.password else {}
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), password


def _run_postgres_tool(tool: str, database_url: str, *arguments: str) -> None:
    found = shutil.which(tool)
    if found is None:
        raise BackupError("operations.backup_tool_missing", tool=tool)
    url, password = _libpq(database_url)
    completed = subprocess.run(  # noqa: S603 - a PostgreSQL tool from PATH, with our own arguments
        [found, f"--dbname={url}", *arguments],
        env={**os.environ, **password},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BackupError("operations.backup_tool_failed", tool=tool, reason=completed.stderr.strip())


def _uploaded(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []


def _checksums(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under `folder` but the manifest, by its path within `folder`."""
    sums = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.relative_to(folder).as_posix() != MANIFEST:
            digest = hashlib.sha256()
            with path.open("rb") as stream:
                for block in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(block)
            sums[path.relative_to(folder).as_posix()] = digest.hexdigest()
    return sums
