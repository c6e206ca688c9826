"""One log line per request, for operators: a request id, the user's id, the route's template, the
status and the duration; never the concrete path or query, which carry invitation and public-summary
tokens (`/invitations/{token}`, `/public/{token}`), and never an e-mail address.

`chainmap serve` turns uvicorn's own access log off, since it prints every URL. The request id comes
from an `X-Request-ID` header when it is well-formed (so a reverse proxy's id joins both logs) and is
made otherwise; the response carries it back.
"""

import json
import logging
import re
import time
import uuid
from typing import Any, Final, Literal

from sqlalchemy import inspect
from starlette.datastructures import MutableHeaders
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOGGER: Final = logging.getLogger("chainmap.requests")
REQUEST_ID_HEADER: Final = "x-request-id"
_WELL_FORMED_ID: Final = re.compile(r"[A-Za-z0-9._:-]{1,128}")
LogFormat = Literal["text", "json"]


def serve_log_config(base: dict[str, Any]) -> dict[str, Any]:
    """uvicorn's logging configuration `base` with the request log added: its lines go to stdout bare,
    so that a JSON line is a JSON object and nothing else."""
    config = {**base}
    config["formatters"] = {**base.get("formatters", {}), "chainmap_requests": {"format": "%(message)s"}}
    config["handlers"] = {
        **base.get("handlers", {}),
        "chainmap_requests": {
            "formatter": "chainmap_requests",
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
        },
    }
    config["loggers"] = {
        **base.get("loggers", {}),
        LOGGER.name: {"handlers": ["chainmap_requests"], "level": "INFO", "propagate": False},
    }
    return config


def request_id_from(value: str | None) -> str:
    """The client's or proxy's request id when well-formed (letters, digits, `._:-`, at most 128), else a
    new random one: anything else could forge or break log lines."""
    if value is not None and _WELL_FORMED_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def user_id(user: object) -> int | None:
    """The id of the request's user (`request.state.user`, set by web.deps.get_current_user), from its
    identity: reading `user.id` would load the row again when a commit expired it after the session
    closed, and fail."""
    state = inspect(user, raiseerr=False) if user is not None else None
    identity = getattr(state, "identity", None)
    return identity[0] if identity else None


def route_template(scope: Scope) -> str | None:
    """The path template of the route that answered (`/invitations/{token}`), None when none matched."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if not isinstance(path, str):
        return None
    return f"{path}/{{path}}" if isinstance(route, Mount) else path


class RequestLogMiddleware:
    """Logs each HTTP request on `chainmap.requests` at INFO, as a JSON object or a line of text."""

    def __init__(self, app: ASGIApp, *, log_format: LogFormat = "text") -> None:
        self.app = app
        self.log_format = log_format

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope.get("headers") or [])
        raw_id = headers.get(REQUEST_ID_HEADER.encode("latin-1"))
        request_id = request_id_from(raw_id.decode("latin-1") if raw_id is not None else None)
        scope.setdefault("state", {})["request_id"] = request_id
        status = 500  # unless the app answers: an exception that escapes is answered 500 further out

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            self._log(scope, request_id=request_id, status=status, started=started)

    def _log(self, scope: Scope, *, request_id: str, status: int, started: float) -> None:
        entry = {
            "request_id": request_id,
            "method": scope["method"],
            "route": route_template(scope) or "unmatched",
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "user_id": user_id(scope.get("state", {}).get("user")),
        }
        if self.log_format == "json":
            LOGGER.info(json.dumps(entry))
        else:
            LOGGER.info(
                "%s %s %s %.1f ms user=%s request_id=%s",
                entry["method"],
                entry["route"],
                status,
                entry["duration_ms"],
                entry["user_id"] if entry["user_id"] is not None else "-",
                request_id,
            )
