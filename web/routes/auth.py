"""Logging in and out, the start page, and the language switch."""

import math
import re
from datetime import UTC, datetime, timedelta
from typing import Annotated, Final

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from chainmap.themes import Lang
from models import User
from web.deps import CurrentUser, SessionDep
from web.errors import error_page
from web.formatting import datetime_text
from web.i18n import LANGUAGE_COOKIE, request_language
from web.messages import web_text
from web.security import CSRF_FIELD, LOGIN_SESSION_KEY, csrf_valid
from web.services.login_sessions import active_login, end_session, start_session
from web.services.login_throttle import claim_attempt, clear_address
from web.services.users import authenticate, normalise_email
from web.settings import Settings
from web.templating import templates

router = APIRouter()

YEAR = 365 * 24 * 60 * 60
# Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so "/\evil.example"
# and "/<tab>/evil.example" lead to another site as "//evil.example" does.
_NOT_LOCAL: Final = re.compile(r"[\\\x00-\x1f\x7f]")


def local_path(back: str) -> str:
    """`back` when it is a path on this site, else the start page: the language switch must not send
    anyone elsewhere (an open redirect)."""
    if not back.startswith("/") or back.startswith("//") or _NOT_LOCAL.search(back):
        return "/"
    return back


@router.get("/", response_class=HTMLResponse)
def home(request: Request, user: CurrentUser) -> Response:
    return templates.TemplateResponse(request, "home.html", {"user": user})


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return templates.TemplateResponse(request, "login.html", {"email": "", "error": None})


def client_address(request: Request) -> str:
    """The client as the server sees it: behind a reverse proxy, the forwarded address only with `chainmap
    serve --proxy-headers` and a proxy among `--forwarded-allow-ips`, so that a client cannot choose its
    own."""
    return request.client.host if request.client else ""


def start_login(request: Request, session: Session, user: User) -> None:
    """Log `user` in on this browser: a new server-side session (web.services.login_sessions) whose id
    replaces everything in the cookie, so that no session id chosen before the login survives it."""
    settings: Settings = request.app.state.settings
    token = start_session(
        session=session,
        user=user,
        max_age=timedelta(seconds=settings.session_max_age),
        user_agent=request.headers.get("user-agent", ""),
        client=client_address(request),
    )
    request.session.clear()
    request.session[LOGIN_SESSION_KEY] = token


def _login_page(request: Request, email: str, error: str, *, status_code: int, **headers: str) -> Response:
    context = {"email": email, "error": error}
    return templates.TemplateResponse(
        request, "login.html", context, status_code=status_code, headers=headers
    )


def throttled_answer(lang: Lang, opens: datetime, now: datetime) -> tuple[int, str]:
    """The seconds for Retry-After and the message of a throttled attempt that may be made again at
    `opens` (web.services.login_throttle), for the login page and for /account."""
    wait = max(1, math.ceil((opens - now).total_seconds()))
    return wait, web_text("login.throttled", lang, time=datetime_text(opens, lang))


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=200)],
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Log in, unless the address or the client failed too often lately (429, saying when to try
    again, without checking the password: web.services.login_throttle)."""
    lang = request_language(request)
    if not csrf_valid(request, csrf_token):
        return _login_page(request, email, web_text("error.csrf", lang), status_code=400)
    address, client = normalise_email(email), client_address(request)
    now = datetime.now(UTC)
    claimed = claim_attempt(session=session, email=address, client=client, now=now)
    if isinstance(claimed, datetime):  # locked, or guesses sent at the same moment and this one is over
        wait, error = throttled_answer(lang, claimed, now)
        return _login_page(request, email, error, status_code=429, **{"Retry-After": str(wait)})
    user = authenticate(session=session, email=email, password=password)
    if user is None:  # counted already
        return _login_page(request, email, web_text("login.failed", lang), status_code=400)
    clear_address(session=session, email=address)  # this attempt's count too
    start_login(request, session, user)
    response = RedirectResponse("/", status_code=303)
    if user.language:
        response.set_cookie(LANGUAGE_COOKIE, user.language, max_age=YEAR, samesite="lax")
    return response


@router.post("/logout")
def logout(
    request: Request, session: SessionDep, csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = ""
) -> Response:
    """End this browser's session on the server, so that a copy of the cookie no longer works. A form
    without this session's token ends nothing and says so: the login page would look like a logout."""
    if not csrf_valid(request, csrf_token):
        return error_page(request, 400, message=web_text("error.csrf", request_language(request)))
    token = request.session.get(LOGIN_SESSION_KEY)
    if isinstance(token, str):
        end_session(session=session, token=token)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.post("/language")
def choose_language(
    request: Request,
    session: SessionDep,
    language: Annotated[str, Form(pattern="^(nl|en)$")],
    back: Annotated[str, Form(max_length=500)] = "/",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Remember the chosen language in a cookie (and for a logged-in user, on the account)."""
    response = RedirectResponse(local_path(back), status_code=303)
    if not csrf_valid(request, csrf_token):
        return response
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=YEAR, samesite="lax")
    token = request.session.get(LOGIN_SESSION_KEY)
    found = active_login(session=session, token=token) if isinstance(token, str) else None
    if found is not None:
        found.user.language = language
        session.add(found.user)
        session.commit()
    return response
