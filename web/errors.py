"""Error pages: every status the app answers with on its own (400, 404, 405, 413, 429, 500, ...) is an
HTML page in the visitor's language (web.i18n), never FastAPI's JSON or Starlette's plain text.

`error_page` draws one for any status, also for other modules (a throttled login answers 429 with it and
the moment to try again); `register_error_pages` installs the app's handlers: HTTPException (404 from a
route, 405 from the router), request validation (a path that names nothing is 404; a query or form
value of the wrong form 400) and any other exception (500, logged with its traceback, which the page
never shows).
"""

import logging
import math
from collections.abc import Mapping
from datetime import UTC, datetime
from html import escape
from typing import Final

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from web.formatting import SHOWN_TIME_ZONE
from web.headers import security_headers
from web.i18n import request_language
from web.messages import web_text
from web.request_log import route_template
from web.templating import is_htmx, templates

LOGGER: Final = logging.getLogger(__name__)
# The statuses with texts of their own (web.messages.errors); 400 keeps the form's text it had before.
TEXTS: Final[dict[int, tuple[str, str]]] = {
    400: ("request_invalid.title", "request_invalid.text"),
    404: ("error.404.title", "error.404.text"),
    405: ("error.405.title", "error.405.text"),
    413: ("error.413.title", "error.413.text"),
    429: ("error.429.title", "error.429.text"),
    500: ("error.500.title", "error.500.text"),
}
OTHER: Final = ("error.other.title", "error.other.text")


def retry_after_seconds(moment: datetime, now: datetime | None = None) -> int:
    """The whole seconds from `now` (the current time) until `moment`, rounded up, at least 0: the value
    of a Retry-After header."""
    now = now or datetime.now(UTC)
    return max(0, math.ceil((moment - now).total_seconds()))


def error_page(
    request: Request,
    status_code: int,
    *,
    message: str | None = None,
    retry_after: datetime | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The error page for `status_code` in the request's language: the status's title and text, or
    `message` (a text in that language, e.g. from `web_text`) in place of the text. With `retry_after`
    (an aware datetime) the page says "try again after HH:MM" in Dutch time and a Retry-After header
    gives the seconds until then. An htmx request gets the page's content block alone."""
    lang = request_language(request)
    title_key, text_key = TEXTS.get(status_code, OTHER)
    answer_headers = dict(headers or {})
    retry_text = ""
    if retry_after is not None:
        answer_headers["Retry-After"] = str(retry_after_seconds(retry_after))
        shown = retry_after.astimezone(SHOWN_TIME_ZONE)
        retry_text = web_text("error.retry_after", lang, time=f"{shown:%H:%M}")
    context = {
        "status_code": status_code,
        "title": web_text(title_key, lang),
        "text": message or web_text(text_key, lang),
        "retry_text": retry_text,
    }
    if "session" not in request.scope:
        # Refused before the session middleware ran (a body too large): the page's forms get a token of
        # a session that is never kept, which is all a page that only links back needs.
        request.scope["session"] = {}
    return templates.TemplateResponse(
        request,
        "error.html",
        context,
        status_code=status_code,
        headers=answer_headers,
        block_name="content" if is_htmx(request) else None,
    )


def _http_error(request: Request, error: HTTPException) -> Response:
    """A route's or the router's HTTPException (404, 405, ...) as a page, with the exception's headers
    (405 names the allowed methods in Allow)."""
    return error_page(request, error.status_code, headers=error.headers)


def _request_invalid(request: Request, error: RequestValidationError) -> Response:
    """A request FastAPI refuses before the route runs: a path parameter of the wrong form (an id that is
    no number or beyond any id) names nothing, so 404; a query or form value of the wrong form, 400."""
    in_path = any(problem.get("loc", ("",))[0] == "path" for problem in error.errors())
    return error_page(request, 404 if in_path else 400)


def _server_error(request: Request, error: Exception) -> Response:
    """Any other exception: logged with its traceback, and a page that says nothing of it. The answer
    leaves the app outside every middleware, so it carries the security headers itself; when even the
    page fails (the database that failed the request draws the navigation), a page without the frame."""
    # The route's template, as the request log has it: the path itself carries invitation and public tokens.
    route = route_template(request.scope) or "unmatched"
    LOGGER.error("unhandled error on %s %s", request.method, route, exc_info=error)
    headers = security_headers(request.scope, request.app.state.settings)
    try:
        return error_page(request, 500, headers=headers)
    except Exception:
        LOGGER.exception("the error page failed too")
        lang = request_language(request)
        title, text = web_text("error.500.title", lang), web_text("error.500.text", lang)
        body = f'<!doctype html><html lang="{lang}"><title>{escape(title)}</title><h1>{escape(title)}</h1>'
        return HTMLResponse(f"{body}<p>{escape(text)}</p></html>", status_code=500, headers=headers)


def register_error_pages(app: FastAPI) -> None:
    """Install the handlers that answer errors with pages."""
    app.exception_handler(HTTPException)(_http_error)
    app.exception_handler(RequestValidationError)(_request_invalid)
    app.exception_handler(Exception)(_server_error)
