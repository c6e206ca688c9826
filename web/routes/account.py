"""The logged-in user's own account: who they are, and changing the password."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from models import Organisation, User
from web.deps import CurrentUser, SessionDep
from web.i18n import request_language
from web.messages import web_text
from web.security import CSRF_FIELD, SESSION_STAMP_KEY, csrf_valid, password_stamp
from web.services.accounts import PASSWORD_MIN, change_password
from web.services.errors import FormInvalid
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
) -> Response:
    organisation = session.get(Organisation, user.organisation_id) if user.organisation_id else None
    context = {
        "user": user,
        "organisation": organisation,
        "password_min": PASSWORD_MIN,
        "errors": errors or {},
        "changed": changed,
    }
    return templates.TemplateResponse(request, "account.html", context, status_code=400 if errors else 200)


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
    lang = request_language(request)
    if not csrf_valid(request, csrf_token):
        return _page(request, session, user, errors={"form": web_text("error.csrf", lang)})
    try:
        change_password(
            session=session, user=user, current=current_password, new=new_password, repeated=repeated_password
        )
    except FormInvalid as invalid:
        errors = {field: web_text(key, lang, min=PASSWORD_MIN) for field, key in invalid.errors.items()}
        return _page(request, session, user, errors=errors)
    request.session[SESSION_STAMP_KEY] = password_stamp(user.hashed_password)  # this session stays
    return _page(request, session, user, changed=True)
