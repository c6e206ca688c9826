"""Templates: one per page, with named blocks that htmx requests get alone (jinja2-fragments). Every
template sees the page language `lang`, the text function `t`, the CSRF token and the logged-in user."""

from pathlib import Path
from typing import Any, Final

from jinja2_fragments.fastapi import Jinja2Blocks
from sqlmodel import Session
from starlette.requests import Request

from chainmap.themes import Level, theme_label
from web.formatting import date_text, datetime_text, number_text, percent_text
from web.i18n import request_language
from web.messages import web_text
from web.security import csrf_token
from web.services.notifications import unread_count

TEMPLATES: Final = Path(__file__).resolve().parent / "templates"


def _unread_notifications(request: Request) -> int:
    """The logged-in user's unread notifications, for the count in the navigation: one COUNT query, made
    only when a page with the navigation is drawn for a logged-in user, in the request's own session
    (web.deps.get_session): a second session would hold a second connection."""
    user = getattr(request.state, "user", None)
    session: Session | None = getattr(request.state, "db_session", None)
    if session is None or user is None or user.id is None:  # no session: an error page after it closed
        return 0
    return unread_count(session=session, user_id=user.id)


def _page_context(request: Request) -> dict[str, Any]:
    lang = request_language(request)

    def t(key: str, **params: object) -> str:
        return web_text(key, lang, **params)

    return {
        "lang": lang,
        "t": t,
        "csrf_token": csrf_token(request),
        "current_user": getattr(request.state, "user", None),
        "unread_notifications": lambda: _unread_notifications(request),
        "theme_label": lambda theme: theme_label(theme, lang),
        "level_label": lambda level: Level(level).label(lang),
        "date_text": lambda day: date_text(day, lang),
        "datetime_text": lambda moment: datetime_text(moment, lang),
        "number_text": lambda value, digits=0: number_text(value, lang, digits),
        "percent_text": lambda value, digits=0: percent_text(value, lang, digits),
    }


templates = Jinja2Blocks(directory=TEMPLATES, context_processors=[_page_context])


def is_htmx(request: Request) -> bool:
    """Whether htmx made the request, so that a page answers with the named block alone; never when htmx
    restores a page of its history from the server (the back button after a swap whose copy it did not
    keep), which needs the whole page, not the fragment the same URL gives a swap."""
    return request.headers.get("hx-request") == "true" and "hx-history-restore-request" not in request.headers
