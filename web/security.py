"""Passwords (Argon2) and CSRF tokens for forms."""

import hashlib
import hmac
import secrets
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.requests import Request

_HASHER: Final = PasswordHasher()
CSRF_SESSION_KEY: Final = "csrf"
CSRF_FIELD: Final = "csrf_token"
CSRF_HEADER: Final = "x-csrf-token"
SESSION_STAMP_KEY: Final = "stamp"


def hash_password(password: str) -> str:
    """An Argon2id hash of the password, with its own salt and parameters."""
    return _HASHER.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    """Whether `password` matches `hashed`; a malformed hash matches nothing."""
    try:
        return _HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def password_stamp(hashed: str) -> str:
    """A short fingerprint of a password hash, kept in the session at login: when the password changes,
    the user's other sessions no longer match and end. It reveals nothing usable about the password."""
    return hashlib.sha256(hashed.encode()).hexdigest()[:16]


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser session, made on first use; every form sends it back."""
    token = request.session.get(CSRF_SESSION_KEY)
    if not isinstance(token, str):
        token = request.session[CSRF_SESSION_KEY] = secrets.token_urlsafe(32)
    return token


def csrf_valid(request: Request, sent: str | None) -> bool:
    """Whether a form's (or an htmx request's header) token is this session's."""
    expected = request.session.get(CSRF_SESSION_KEY)
    return isinstance(expected, str) and sent is not None and hmac.compare_digest(expected, sent)
