"""The logged-in user's own account: who they are, changing the password, and their sessions in other
browsers, each of which they can end."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from models import Organisation, User
from web.deps import CurrentUser, SessionDep
from web.i18n import request_language
from web.ids import MAX_DB_ID
from web.messages import web_text
from web.routes.auth import client_address, throttled_answer
from web.security import CSRF_FIELD, csrf_valid
from web.services.accounts import CURRENT, PASSWORD_MIN, change_password
from web.services.errors import FormInvalid
from web.services.login_sessions import end_user_sessions, open_sessions
from web.services.login_throttle import claim_attempt, forget_attempt
from web.templating import templates

router = APIRouter()

Password = Annotated[str, Form(max_length=1000)]


def _page(
    request: Request,
    session: Session,
    user: User,
    *,
    errors: dict[str, str] | None = None,
    changed: bool = False,
    ended: int | None = None,
    status_code: int | None = None,
    retry_after: int | None = None,
) -> Response:
    organisation = session.get(Organisation, user.organisation_id) if user.organisation_id else None
    assert user.id is not None  # noqa: S101 - a logged-in user is stored
    context = {
        "user": user,
        "organisation": organisation,
        "password_min": PASSWORD_MIN,
        "errors": errors or {},
        "changed": changed,
        "sessions": open_sessions(session=session, user_id=user.id),
        "this_session": getattr(request.state, "login_session_id", None),
        "ended": ended,
    }
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return templates.TemplateResponse(
        request,
        "account.html",
        context,
        status_code=status_code or (400 if errors else 200),
        headers=headers,
    )


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    return _page(request, session, user)


@router.post("/account/password", response_class=HTMLResponse)
def change_own_password(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    current_password: Password = "",
    new_password: Password = "",
    repeated_password: Password = "",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Change the password after checking the current one, which is guessed no more often than at /login:
    a wrong current password counts as a failed login for the address (web.services.login_throttle),
    since whoever holds a session cookie could otherwise try passwords here without end."""
    lang = request_language(request)
    if not csrf_valid(request, csrf_token):
        return _page(request, session, user, errors={"form": web_text("error.csrf", lang)})
    now = datetime.now(UTC)
    claimed = claim_attempt(session=session, email=user.email, client=client_address(request), now=now)
    if isinstance(claimed, datetime):
        wait, error = throttled_answer(lang, claimed, now)
        return _page(request, session, user, errors={"form": error}, status_code=429, retry_after=wait)
    try:
        change_password(
            session=session, user=user, current=current_password, new=new_password, repeated=repeated_password
        )
    except FormInvalid as invalid:
        if CURRENT not in invalid.errors:  # the current password was right: no failure
            forget_attempt(session=session, attempt_id=claimed)
        errors = {field: web_text(key, lang, min=PASSWORD_MIN) for field, key in invalid.errors.items()}
        return _page(request, session, user, errors=errors)
    forget_attempt(session=session, attempt_id=claimed)
    # A new password ends the user's sessions in other browsers (one may be the reason for the change).
    assert user.id is not None  # noqa: S101 - a logged-in user is stored
    end_user_sessions(session=session, user_id=user.id, keep=request.state.login_session_id)
    session.commit()
    return _page(request, session, user, changed=True)


def _stored_id(value: str) -> int | None:
    """`value` as a database id (ASCII digits, 1 to MAX_DB_ID), else None: str.isdigit() also takes
    digits that int() refuses ("²"), and a larger number overflows the database's BIGINT."""
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_DB_ID else None


@router.post("/account/sessions", response_class=HTMLResponse)
def end_sessions(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    session_id: Annotated[str, Form(max_length=30)] = "",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """End one of the user's other sessions (`session_id`), or all of them when it is "others"; the
    browser asking keeps its own (it logs out for that)."""
    lang = request_language(request)
    if not csrf_valid(request, csrf_token):
        return _page(request, session, user, errors={"form": web_text("error.csrf", lang)})
    assert user.id is not None  # noqa: S101 - a logged-in user is stored
    this = request.state.login_session_id
    if session_id == "others":
        ended = end_user_sessions(session=session, user_id=user.id, keep=this)
    elif (chosen := _stored_id(session_id)) is not None and chosen != this:
        ended = end_user_sessions(session=session, user_id=user.id, keep=this, only=chosen)
    else:
        ended = 0
    session.commit()
    return _page(request, session, user, ended=ended)
