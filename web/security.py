"""Passwords (Argon2) and CSRF tokens for forms.

Argon2id with argon2-cffi's defaults, RFC 9106's second recommended profile (3 passes over 64 MiB, 4
lanes); `hasher_is_strong` is what a production start checks, so a weakened hasher (as the tests use)
never serves real users. A login for an unknown address verifies the password against a dummy hash of
the same parameters, so that it takes as long as a wrong password for a known one.
"""

import hmac
import secrets
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.requests import Request

_HASHER = PasswordHasher()
# The least a production server hashes with: RFC 9106's second recommended profile.
STRONG_TIME_COST: Final = 3
STRONG_MEMORY_KIB: Final = 64 * 1024
CSRF_SESSION_KEY: Final = "csrf"
CSRF_FIELD: Final = "csrf_token"
CSRF_HEADER: Final = "x-csrf-token"
# The signed cookie holds the login session's random id under this key (web.services.login_sessions).
LOGIN_SESSION_KEY: Final = "sid"
_DUMMY_HASHES: dict[tuple[int, int, int], str] = {}


def hash_password(password: str) -> str:
    """An Argon2id hash of the password, with its own salt and parameters."""
    return _HASHER.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    """Whether `password` matches `hashed`; a malformed hash matches nothing."""
    try:
        return _HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(hashed: str) -> bool:
    """Whether a stored hash was made with other parameters than today's (then it is renewed at login)."""
    try:
        return _HASHER.check_needs_rehash(hashed)
    except InvalidHashError:
        return True


def verify_dummy_password(password: str) -> None:
    """Spend the time of one verification on nothing: the answer for an unknown address must take as
    long as for a known one, or its timing tells who has an account."""
    key = (_HASHER.time_cost, _HASHER.memory_cost, _HASHER.parallelism)
    if key not in _DUMMY_HASHES:
        _DUMMY_HASHES[key] = _HASHER.hash(secrets.token_urlsafe(16))
    verify_password(password, _DUMMY_HASHES[key])


def hasher_is_strong() -> bool:
    """Whether passwords are hashed at least as strongly as RFC 9106's second profile asks."""
    return _HASHER.time_cost >= STRONG_TIME_COST and _HASHER.memory_cost >= STRONG_MEMORY_KIB


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
