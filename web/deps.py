"""Request dependencies: the database session and the logged-in user, as `Annotated` aliases."""

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from models import Role, User
from models.db import sessions
from web.security import SESSION_STAMP_KEY, password_stamp


class LoginRequired(Exception):
    """Raised for a page that needs a login; the app answers with a redirect to the login page."""


class Forbidden(Exception):
    """Raised when the logged-in user may not do this; the app answers 403 with a page."""


def get_session(request: Request) -> Iterator[Session]:
    """A database session for this request, on the app's engine."""
    yield from sessions(request.app.state.engine)


SessionDep = Annotated[Session, Depends(get_session)]


def get_current_user(request: Request, session: SessionDep) -> User:
    """The logged-in, active user; otherwise `LoginRequired`."""
    user_id = request.session.get("user_id")
    user = session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not user.is_active:
        raise LoginRequired
    if request.session.get(SESSION_STAMP_KEY) != password_stamp(user.hashed_password):
        raise LoginRequired  # the password changed since this session logged in
    request.state.user = user
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_roles(*roles: Role) -> Callable[[User], User]:
    """A dependency: the logged-in user when their role is one of `roles`; otherwise `Forbidden`
    (and `LoginRequired` without a login). Use as `Annotated[User, Depends(require_roles(Role.ADMIN))]`."""

    def user_with_role(user: CurrentUser) -> User:
        if user.role not in roles:
            raise Forbidden
        return user

    return user_with_role
