"""The FastAPI application: `create_app(settings)` wires the database, sessions, static files,
templates and routes; `chainmap serve` serves it."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.middleware.sessions import SessionMiddleware

from models.db import make_engine
from web.clock import netherlands_today
from web.collection import CollectionMiddleware
from web.concurrency import sized_to_the_pool
from web.deps import Forbidden, LoginRequired
from web.errors import register_error_pages
from web.headers import SecurityHeadersMiddleware
from web.limits import BodyLimitMiddleware, BodyTooLarge, too_large_handler
from web.request_log import RequestLogMiddleware
from web.routes import (
    account,
    admin,
    attachments,
    auth,
    chain_files,
    chain_form,
    check,
    contracts,
    dashboard,
    escalation,
    exports,
    favicon,
    health,
    invitations,
    notifications,
    organisation,
    plan,
    progress_reports,
    review,
    timeline,
)
from web.security import hasher_is_strong
from web.services.review import VersionNoLongerValid
from web.settings import Settings, get_settings
from web.templating import templates

STATIC = Path(__file__).resolve().parent / "static"


def create_app(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    today: Callable[[], date] = netherlands_today,
) -> FastAPI:
    """The app for `settings` (from the environment when None), on `engine` (made from them when None),
    taking the date from `today` (web.clock)."""
    settings = settings or get_settings()
    if settings.environment == "production" and not hasher_is_strong():
        raise RuntimeError("passwords must be hashed with Argon2 at least as strong as RFC 9106's profile")
    app = FastAPI(
        title="chainmap", docs_url=None, redoc_url=None, openapi_url=None, lifespan=sized_to_the_pool
    )
    app.state.settings = settings
    app.state.engine = engine or make_engine(
        settings.database_url, pool_size=settings.db_pool_size, max_overflow=0
    )
    app.state.today = today
    # The body limit runs inside the session middleware, which only reads the signed cookie: an upload's
    # larger limit is for a browser that logged in (web.limits).
    app.add_middleware(BodyLimitMiddleware)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="chainmap_session",
        max_age=settings.session_max_age,
        same_site="lax",
        https_only=settings.environment == "production",
    )
    # Added last, run first: the security headers on every answer.
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(RequestLogMiddleware, log_format=settings.log_format)  # logs every answer
    # Outermost: a garbage collection after an answer that kept a large analysis, once it is sent.
    app.add_middleware(CollectionMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (
        health,
        favicon,
        check,
        auth,
        account,
        admin,
        contracts,
        invitations,
        chain_form,
        chain_files,
        review,
        escalation,
        exports,
        plan,
        attachments,
        timeline,
        notifications,
        organisation,
        progress_reports,
        dashboard,
    ):
        app.include_router(module.router)

    @app.exception_handler(LoginRequired)
    def _to_login(request: Request, _error: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(VersionNoLongerValid)
    def _version_no_longer_valid(request: Request, error: VersionNoLongerValid) -> Response:
        context = {"version": error.version, "findings": error.findings}
        return templates.TemplateResponse(request, "review_unavailable.html", context, status_code=409)

    @app.exception_handler(Forbidden)
    def _forbidden(request: Request, _error: Forbidden) -> Response:
        return templates.TemplateResponse(request, "forbidden.html", {}, status_code=403)

    register_error_pages(app)
    app.exception_handler(BodyTooLarge)(too_large_handler)
    return app


def app_from_environment() -> FastAPI:
    """The app with the settings of the environment, for `chainmap serve` (uvicorn's factory, which each
    worker process calls)."""
    return create_app()
