"""`chainmap backup` and `chainmap restore` (web.backup): a round trip of the database and the uploaded
files, on SQLite and (with TEST_DATABASE_URL) on PostgreSQL; the refusals to overwrite and to restore a
damaged backup."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlmodel import Session, SQLModel, select

from chainmap.cli import EXIT_OK, EXIT_USAGE, main
from models import User
from models.migrate import alembic_config
from tests.factories.users import make_user
from web.backup import MANIFEST, tables_with_rows
from web.settings import get_settings

EVIDENCE = {"evidence.pdf": b"%PDF-1.7 audit report", "2027/photo.png": b"\x89PNG\r\n\x1a\n not really"}


@pytest.fixture
def uploads(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The app's settings in the environment: the test's database and upload folder (with EVIDENCE)."""
    folder = tmp_path / "uploads"
    for name, content in EVIDENCE.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CHAINMAP_UPLOAD_DIR", str(folder))
    get_settings.cache_clear()
    yield folder
    get_settings.cache_clear()


def emails(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return sorted(user.email for user in session.exec(select(User)))


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def empty_everything(engine: Engine, folder: Path) -> None:
    with engine.begin() as connection:
        for table in reversed(SQLModel.metadata.sorted_tables):
            connection.execute(table.delete())
    for path in folder.rglob("*"):
        if path.is_file():
            path.unlink()


def test_a_backup_restores_the_database_and_the_uploaded_files(
    uploads: Path, engine: Engine, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Session(engine) as session:
        make_user(session, email="inkoper@example.nl")
    backup = tmp_path / "backup"
    assert main(["backup", str(backup)]) == EXIT_OK
    manifest = json.loads((backup / MANIFEST).read_text())
    head = ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()
    kind = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    assert (manifest["database"], manifest["schema_revision"], manifest["files"]) == (kind, head, 2)
    assert {"uploads/evidence.pdf", "uploads/2027/photo.png"} < set(manifest["checksums"])

    empty_everything(engine, uploads)
    assert tables_with_rows(database_url) == []
    capsys.readouterr()
    assert main(["restore", str(backup)]) == EXIT_OK
    assert "chainmap db upgrade" in capsys.readouterr().out
    assert emails(engine) == ["inkoper@example.nl"]
    assert files(uploads) == EVIDENCE


def test_restore_refuses_a_database_with_rows_unless_forced(
    uploads: Path, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Session(engine) as session:
        make_user(session, email="inkoper@example.nl")
    backup = tmp_path / "backup"
    assert main(["backup", str(backup)]) == EXIT_OK
    with Session(engine) as session:
        make_user(session, email="later@example.nl")
    (uploads / "later.pdf").write_bytes(b"%PDF later")
    capsys.readouterr()

    assert main(["--lang", "nl", "restore", str(backup)]) == EXIT_USAGE
    refusal = capsys.readouterr().err
    assert "--force" in refusal and "users" in refusal
    assert emails(engine) == ["inkoper@example.nl", "later@example.nl"]  # nothing changed
    assert "later.pdf" in files(uploads)

    assert main(["restore", "--force", str(backup)]) == EXIT_OK
    assert emails(engine) == ["inkoper@example.nl"]
    assert files(uploads) == EVIDENCE


def test_restore_refuses_uploaded_files_it_would_replace(
    uploads: Path, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup"
    assert main(["backup", str(backup)]) == EXIT_OK
    capsys.readouterr()
    assert main(["restore", str(backup)]) == EXIT_USAGE  # the database is empty, the folder is not
    assert str(uploads) in capsys.readouterr().err


def test_restore_refuses_a_damaged_backup_even_when_forced(
    uploads: Path, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup"
    assert main(["backup", str(backup)]) == EXIT_OK
    (backup / "uploads" / "evidence.pdf").write_bytes(b"%PDF-1.7 changed")
    (uploads / "evidence.pdf").write_bytes(b"kept")
    capsys.readouterr()
    assert main(["restore", "--force", str(backup)]) == EXIT_USAGE
    assert "checksums" in capsys.readouterr().err
    assert (uploads / "evidence.pdf").read_bytes() == b"kept"

    (backup / MANIFEST).unlink()
    assert main(["restore", "--force", str(backup)]) == EXIT_USAGE
    assert "manifest.json" in capsys.readouterr().err


def test_backup_refuses_a_folder_with_files(
    uploads: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "notes.txt").write_text("mine")
    assert main(["backup", str(tmp_path / "backup")]) == EXIT_USAGE
    assert "not an empty folder" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "backup").iterdir()] == ["notes.txt"]


def test_restore_keeps_the_upload_folder_itself(
    database_url: str, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upload folder may be a link to a disk elsewhere (or a mount point): its contents are
    replaced, not the folder."""
    disk = tmp_path / "disk"
    disk.mkdir()
    (disk / "evidence.pdf").write_bytes(b"%PDF kept in the backup")
    link = tmp_path / "uploads"
    link.symlink_to(disk, target_is_directory=True)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CHAINMAP_UPLOAD_DIR", str(link))
    get_settings.cache_clear()
    try:
        assert main(["backup", str(tmp_path / "backup")]) == EXIT_OK
        (disk / "later.pdf").write_bytes(b"%PDF later")
        assert main(["restore", "--force", str(tmp_path / "backup")]) == EXIT_OK
    finally:
        get_settings.cache_clear()
    assert link.is_symlink()
    assert files(disk) == {"evidence.pdf": b"%PDF kept in the backup"}
