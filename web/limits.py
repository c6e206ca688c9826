"""The size of a request's body: every route has a limit, enforced while the body is read, so that no
request makes the server read or spool more than its route accepts.

A route without a declared limit accepts `FORM_MAX_BYTES`, far more than any of the app's forms sends.
A route that takes files declares its own limit next to itself with the `body_limit` decorator: a
number of bytes or a function of the settings (the size of an attachment is configured); it applies only
to a browser whose signed session cookie holds a login (the middleware runs inside the session
middleware), so a visitor never makes the server read more than a form's worth.

`BodyLimitMiddleware` (pure ASGI) finds the route of a request as the router will (Starlette's
matching over the app's routes, in order) and takes its limit. A Content-Length over it is refused at
once, before anything is read; otherwise it counts the bytes as the app receives them (also of a chunked
body, which has no Content-Length, and of one whose Content-Length is lower than what comes) and stops
at the first chunk past the limit: it reads no further and the app gets `BodyTooLarge`. Either way the
answer is 413 with the error page (web.errors), and the connection is closed rather than read to its end.
"""

from collections.abc import Callable
from typing import Final, TypeVar

from fastapi.routing import RouteContext, iter_route_contexts
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.errors import error_page
from web.i18n import request_language
from web.messages import web_text
from web.security import LOGIN_SESSION_KEY
from web.services.attachments import limit_text
from web.settings import MEBIBYTE, Settings

FORM_MAX_BYTES: Final = MEBIBYTE
# A limit: bytes, or bytes under the app's settings.
Limit = int | Callable[[Settings], int]
Endpoint = TypeVar("Endpoint", bound=Callable[..., object])

_LIMITS: Final[dict[Callable[..., object], Limit]] = {}


def body_limit(limit: Limit) -> Callable[[Endpoint], Endpoint]:
    """Declare the body limit of the route whose endpoint this decorates (put it under the route's
    decorator): `limit` bytes, or `limit(settings)` bytes."""

    def declare(endpoint: Endpoint) -> Endpoint:
        _LIMITS[endpoint] = limit
        return endpoint

    return declare


def upload_limit(files: int, file_bytes: int) -> int:
    """The body limit of a form with up to `files` files of at most `file_bytes` each: room for one more
    file, so that a file just over its limit still reaches the form, which names it and says the limit,
    and for the form's other fields and the parts' headers."""
    return (files + 1) * file_bytes + FORM_MAX_BYTES


def declared_limit(endpoint: object, settings: Settings) -> int:
    """The limit declared for `endpoint`, else `FORM_MAX_BYTES`."""
    limit = _LIMITS.get(endpoint, FORM_MAX_BYTES) if callable(endpoint) else FORM_MAX_BYTES
    return limit(settings) if callable(limit) else limit


class BodyTooLarge(HTTPException):
    """The body passed its route's limit while it was read; the app answers 413 with the page."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413)
        self.limit = limit


def too_large_page(request: Request, limit: int) -> Response:
    """The 413 page, naming the limit; the connection closes after it, as the rest of the body is
    never read."""
    lang = request_language(request)
    message = web_text("error.413.limit", lang, limit=limit_text(limit, lang))
    return error_page(request, 413, message=message, headers={"Connection": "close"})


def too_large_handler(request: Request, error: BodyTooLarge) -> Response:
    """The app's handler of `BodyTooLarge`."""
    return too_large_page(request, error.limit)


def _content_length(scope: Scope) -> int | None:
    value = Headers(scope=scope).get("content-length")
    return int(value) if value is not None and value.isdigit() else None


def _only_too_large(error: BaseException) -> bool:
    """Whether `error` is `BodyTooLarge`, or a group of nothing else."""
    if isinstance(error, BaseExceptionGroup):
        return error.split(BodyTooLarge)[1] is None
    return isinstance(error, BodyTooLarge)


class BodyLimitMiddleware:
    """Refuses a body over its route's limit, by its Content-Length at once or while it is read."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._routes: list[RouteContext] | None = None

    def _endpoint(self, scope: Scope) -> object:
        """The endpoint the router will choose for this request (None for a path it will not find)."""
        if self._routes is None:  # the app's routes are all included once it serves a request
            self._routes = list(iter_route_contexts(scope["app"].routes))
        for route in self._routes:
            match, child_scope = route.matches(scope)
            if match == Match.FULL:
                return child_scope.get("endpoint")
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = declared_limit(self._endpoint(scope), scope["app"].state.settings)
        if limit > FORM_MAX_BYTES and LOGIN_SESSION_KEY not in scope.get("session", {}):
            # Only a browser that logged in uploads: FastAPI reads a form before the route's login
            # check runs, so a visitor would otherwise make the server read a whole upload's worth.
            limit = FORM_MAX_BYTES
        length = _content_length(scope)
        if length is not None and length > limit:
            await self._refuse(scope, receive, send, limit)
            return
        received = 0
        started = False

        async def receive_within_limit() -> Message:
            nonlocal received
            if received > limit:
                raise BodyTooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def send_noting_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive_within_limit, send_noting_start)
        except (BodyTooLarge, BaseExceptionGroup) as error:
            # Raised where no handler of the app's answers it (the app's own handler answers it in a
            # route), perhaps grouped by a task group; once an answer has begun, the server ends the
            # connection.
            if started or not _only_too_large(error):
                raise
            await self._refuse(scope, receive, send, limit)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = await run_in_threadpool(too_large_page, Request(scope), limit)
        await response(scope, receive, send)
