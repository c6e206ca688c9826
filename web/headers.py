"""Security headers on every response: what the browser may load and run on our pages, that no site
frames them, that no type is guessed, how much of a URL a link passes on, HTTPS only in production, and
that nothing but the static files is kept in a cache.

`SecurityHeadersMiddleware` (pure ASGI) adds each header the response does not set itself: a download
of an attachment keeps its own sandboxing policy and its own Cache-Control. The policy allows scripts
and styles from the app's own files only: the templates hold no inline script, event handler or style
attribute, and htmx runs without eval and without injecting its indicator styles (the `htmx-config`
meta tag in base.html), so neither needs 'unsafe-inline' or 'unsafe-eval'.
"""

from typing import Final

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.settings import Settings

CONTENT_SECURITY_POLICY: Final = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
# Pages whose URL holds a secret (an invitation's token, a public summary's token) pass on no referrer;
# every other page passes on its origin only when a link leaves the site.
NO_REFERRER_PATHS: Final = ("/invitations/", "/public/")
STATIC_PATH: Final = "/static/"
HSTS: Final = "max-age=63072000; includeSubDomains"  # two years, once the site is served over HTTPS


def security_headers(scope: Scope, settings: Settings) -> dict[str, str]:
    """The security headers for the answer to the request of `scope`, under `settings`."""
    path: str = scope.get("path", "")
    headers = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": (
            "no-referrer" if path.startswith(NO_REFERRER_PATHS) else "strict-origin-when-cross-origin"
        ),
    }
    if not path.startswith(STATIC_PATH):
        # Pages and downloads may be a logged-in user's: no browser or proxy keeps them, so that the
        # back button after logging out or a shared computer shows nothing. Static files may be cached.
        headers["Cache-Control"] = "no-store"
        # A page's URL answers an htmx request with a part of the page: whatever keeps an answer must
        # keep the two apart (the back button once showed a bare fragment of the dashboard).
        headers["Vary"] = "HX-Request"
    if settings.environment == "production":
        headers["Strict-Transport-Security"] = HSTS
    return headers


class SecurityHeadersMiddleware:
    """Adds `security_headers` to every HTTP response, each unless the response sets it itself (`Vary` is
    added to what the response varies by already)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in security_headers(scope, scope["app"].state.settings).items():
                    if name not in headers:
                        headers[name] = value
                    elif name == "Vary" and value.lower() not in headers[name].lower():
                        headers[name] = f"{headers[name]}, {value}"  # added to the session's "Cookie"
            await send(message)

        await self.app(scope, receive, send_with_headers)
