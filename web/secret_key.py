"""The key that signs session cookies when CHAINMAP_SECRET_KEY is not set: made at random on the first
start and kept in a file (Settings.secret_key_file, `var/secret_key` by default) that only its owner
reads, so that no key is published in the source and a restart keeps everyone logged in."""

import contextlib
import os
import secrets
from pathlib import Path
from typing import Final

# secrets.token_urlsafe(48): 64 characters, 384 random bits.
KEY_BYTES: Final = 48


class SecretKeyFileError(ValueError):
    """The key file exists but holds no key."""


def stored_secret_key(path: Path) -> str:
    """The key in `path`, made first when the file does not exist.

    Several workers may start at once: each writes its own key to a private temporary file (created with
    O_CREAT|O_EXCL, mode 0600) and links it into place, which fails for all but the first. Every worker
    then reads the same, complete key; none ever reads a half-written file."""
    if not path.exists():
        _create(path)
    key = path.read_text(encoding="utf-8").strip()
    if not key:
        raise SecretKeyFileError(f"{path} is empty: delete it to make a new key, or set CHAINMAP_SECRET_KEY")
    return key


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(8)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(secrets.token_urlsafe(KEY_BYTES) + "\n")
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(FileExistsError):  # another process was first: its key is the key
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
