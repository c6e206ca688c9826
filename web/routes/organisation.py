"""Your organisation: its members, and the requests to join it that its members approve or refuse.

Every logged-in user with an organisation sees its members; requests to join are decided by its active
members and by the admin (from the admin's page of the organisation). A request of another organisation
answers 404, as if it did not exist.
"""

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from models import Organisation, Role, User
from web.deps import CurrentUser, SessionDep
from web.errors import error_page
from web.i18n import request_language
from web.ids import DbId
from web.messages import web_text
from web.security import CSRF_FIELD, csrf_valid
from web.services.admin import organisation_users
from web.services.membership import MembershipDecisionRefused, decide_membership, pending_requests
from web.templating import templates

router = APIRouter()

CsrfForm = Annotated[str, Form(alias=CSRF_FIELD)]


def _page(
    request: Request, session: Session, user: User, *, error: str = "", status_code: int = 200
) -> Response:
    organisation = session.get(Organisation, user.organisation_id) if user.organisation_id else None
    if organisation is None or organisation.id is None:
        raise HTTPException(status_code=404)
    context = {
        "organisation": organisation,
        "members": organisation_users(session=session, organisation_id=organisation.id),
        "requests": pending_requests(session=session, organisation_id=organisation.id),
        "error": error,
    }
    return templates.TemplateResponse(request, "organisation.html", context, status_code=status_code)


@router.get("/organisation", response_class=HTMLResponse)
def organisation_page(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    return _page(request, session, user)


def _decide(
    request: Request, session: Session, user: User, request_id: int, *, approve: bool, sent: str
) -> Response:
    lang = request_language(request)
    back = "/organisation"
    if not csrf_valid(request, sent):
        if user.organisation_id is None:  # the admin, who decides from the admin's pages
            return error_page(request, 400, message=web_text("error.csrf", lang))
        return _page(request, session, user, error=web_text("error.csrf", lang), status_code=400)
    try:
        membership = decide_membership(session=session, user=user, request_id=request_id, approve=approve)
    except LookupError:
        raise HTTPException(status_code=404) from None
    except MembershipDecisionRefused as refused:
        if user.organisation_id is None:
            return error_page(request, 409, message=web_text(refused.reason, lang))
        return _page(request, session, user, error=web_text(refused.reason, lang), status_code=409)
    if user.role is Role.ADMIN:
        back = f"/admin/organisations/{membership.organisation_id}"
    return RedirectResponse(back, status_code=303)


@router.post("/organisation/requests/{request_id}/approve")
def approve_request(
    request: Request, session: SessionDep, user: CurrentUser, request_id: DbId, csrf_token: CsrfForm = ""
) -> Response:
    return _decide(request, session, user, request_id, approve=True, sent=csrf_token)


@router.post("/organisation/requests/{request_id}/refuse")
def refuse_request(
    request: Request, session: SessionDep, user: CurrentUser, request_id: DbId, csrf_token: CsrfForm = ""
) -> Response:
    return _decide(request, session, user, request_id, approve=False, sent=csrf_token)
