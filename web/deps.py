"""Request dependencies: the database session and the logged-in user, as `Annotated` aliases."""

from collections.abc import AsyncIterator, Callable
from typing import Annotated

import anyio.to_thread
from fastapi import Depends, HTTPException, Request
from sqlmodel import Session

from models import Contract, Role, User
from web.concurrency import session_slot
from web.security import LOGIN_SESSION_KEY
from web.services.contracts import contract_for
from web.services.login_sessions import active_login


class LoginRequired(Exception):
    """Raised for a page that needs a login; the app answers with a redirect to the login page."""


class Forbidden(Exception):
    """Raised when the logged-in user may not do this; the app answers 403 with a page."""


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's one database session, on the app's engine, also at `request.state.db_session` for
    what the request draws outside its dependencies (the unread count in the navigation) until it is
    closed. It opens once a session slot is free (web.concurrency), and is closed in a worker thread, as
    closing may wait on the database."""
    async with session_slot(request.app):
        session = Session(request.app.state.engine)
        request.state.db_session = session
        try:
            yield session
        finally:
            # An error page drawn after this (403, 409) must not reopen the session outside its slot.
            request.state.db_session = None
            await anyio.to_thread.run_sync(session.close)


SessionDep = Annotated[Session, Depends(get_session)]


def get_current_user(request: Request, session: SessionDep) -> User:
    """The logged-in, active user of a session that has not ended or expired (web.services.
    login_sessions); otherwise `LoginRequired`."""
    token = request.session.get(LOGIN_SESSION_KEY)
    found = active_login(session=session, token=token) if isinstance(token, str) else None
    if found is None:
        raise LoginRequired
    request.state.user = found.user
    request.state.login_session_id = found.login.id
    return found.user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_roles(*roles: Role) -> Callable[[User], User]:
    """A dependency: the logged-in user when their role is one of `roles`; otherwise `Forbidden`
    (and `LoginRequired` without a login). Use as `Annotated[User, Depends(require_roles(Role.ADMIN))]`."""

    def user_with_role(user: CurrentUser) -> User:
        if user.role not in roles:
            raise Forbidden
        return user

    return user_with_role


def party_contract(
    session: Session, user: User, contract_id: int, *, may: Callable[..., bool] | None = None
) -> Contract:
    """The contract when `user` is a party to it, else 404, as if it did not exist; with `may` (called
    as `may(user=, contract=)`, e.g. `may_edit_chain`) also `Forbidden` when the party may not do this."""
    contract = contract_for(session=session, user=user, contract_id=contract_id)
    if contract is None:
        raise HTTPException(status_code=404)
    if may is not None and not may(user=user, contract=contract):
        raise Forbidden
    return contract
