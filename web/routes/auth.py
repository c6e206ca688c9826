"""Logging in and out, the start page, and the language switch."""

import re
from typing import Annotated, Final

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models import User
from web.deps import CurrentUser, SessionDep
from web.i18n import LANGUAGE_COOKIE, request_language
from web.messages import web_text
from web.security import CSRF_FIELD, SESSION_STAMP_KEY, csrf_valid, password_stamp
from web.services.users import authenticate
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


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=200)],
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    lang = request_language(request)
    if not csrf_valid(request, csrf_token):
        context = {"email": email, "error": web_text("error.csrf", lang)}
        return templates.TemplateResponse(request, "login.html", context, status_code=400)
    user = authenticate(session=session, email=email, password=password)
    if user is None:
        context = {"email": email, "error": web_text("login.failed", lang)}
        return templates.TemplateResponse(request, "login.html", context, status_code=400)
    request.session.clear()  # a new session on login: no fixation
    request.session["user_id"] = user.id
    request.session[SESSION_STAMP_KEY] = password_stamp(user.hashed_password)
    response = RedirectResponse("/", status_code=303)
    if user.language:
        response.set_cookie(LANGUAGE_COOKIE, user.language, max_age=YEAR, samesite="lax")
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "") -> Response:
    if csrf_valid(request, csrf_token):
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
    user_id = request.session.get("user_id")
    if isinstance(user_id, int):
        user = session.get(User, user_id)
        if user is not None:
            user.language = language
            session.add(user)
            session.commit()
    return response
