"""The logged-in user's notifications: the page lists them newest first (making the user's missing ones
first, so events show without waiting for `chainmap notify`), and one form marks them all read. Each user
sees only their own: every query is by the user's id."""

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from models import User
from web.clock import Today
from web.deps import CurrentUser, SessionDep
from web.i18n import request_language
from web.messages import web_text
from web.security import CSRF_FIELD, csrf_valid
from web.services.notifications import (
    collect,
    mark_all_read,
    notification_path,
    notification_text,
    user_notifications,
)
from web.templating import templates

router = APIRouter()


@dataclass(frozen=True)
class NotificationItem:
    text: str
    path: str
    at: datetime
    unread: bool


def _page(
    request: Request, session: Session, user: User, *, error: str = "", status_code: int = 200
) -> Response:
    assert user.id is not None  # noqa: S101 - a logged-in user is stored
    lang = request_language(request)
    items = [
        NotificationItem(
            text=notification_text(notification, lang),
            path=notification_path(notification),
            at=notification.created_at,
            unread=notification.read_at is None,
        )
        for notification in user_notifications(session=session, user_id=user.id)
    ]
    context = {"items": items, "unread": any(item.unread for item in items), "error": error}
    return templates.TemplateResponse(request, "notifications.html", context, status_code=status_code)


@router.get("/notifications", response_class=HTMLResponse)
def notifications_page(request: Request, session: SessionDep, user: CurrentUser, today: Today) -> Response:
    collect(session=session, today=today, user=user)
    return _page(request, session, user)


@router.post("/notifications/read", response_class=HTMLResponse)
def mark_notifications_read(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    assert user.id is not None  # noqa: S101 - a logged-in user is stored
    if not csrf_valid(request, csrf_token):
        error = web_text("error.csrf", request_language(request))
        return _page(request, session, user, error=error, status_code=400)
    mark_all_read(session=session, user_id=user.id)
    return RedirectResponse("/notifications", status_code=303)
