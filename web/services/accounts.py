"""A user's own account: changing the password."""

from typing import Final

from sqlmodel import Session

from models import User
from web.passwords import PASSWORD_MAX as PASSWORD_MAX  # re-exported: the forms' rules, as before
from web.passwords import PASSWORD_MIN as PASSWORD_MIN
from web.passwords import password_problem
from web.security import hash_password, verify_password
from web.services.errors import FormInvalid

# The form's fields, which the errors name.
CURRENT: Final = "current_password"
NEW: Final = "new_password"
REPEATED: Final = "repeated_password"


def change_password(*, session: Session, user: User, current: str, new: str, repeated: str) -> None:
    """Set a new password after checking the current one; every problem at once (`FormInvalid`), and
    nothing changes then."""
    errors: dict[str, str] = {}
    if not verify_password(current, user.hashed_password):
        errors[CURRENT] = "account.error.current_wrong"
    if (problem := password_problem(new)) is not None:
        errors[NEW] = f"account.error.{problem}"
    elif new == current:
        errors[NEW] = "account.error.same"
    elif repeated != new:
        errors[REPEATED] = "account.error.mismatch"
    if errors:
        raise FormInvalid(errors)
    user.hashed_password = hash_password(new)
    session.add(user)
    session.commit()
    session.refresh(user)
