"""The admin's pages: contracting authorities and their users, supplier organisations with their members
and requests to join, and merging duplicate suppliers. Every route needs the admin role: others get 403,
visitors the login page. Forms are all-or-nothing with a message next to each field; activating and
deactivating a user updates its row in place (htmx)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from models import Organisation, OrganisationKind, Role, User
from web.deps import Forbidden, SessionDep, require_roles
from web.i18n import request_language
from web.ids import DbId
from web.messages import web_text
from web.security import CSRF_FIELD, CSRF_HEADER, csrf_valid
from web.services.admin import (
    BUYER_ROLES,
    contract_counts,
    create_buyer_organisation,
    create_buyer_user,
    merge_candidates,
    merge_suppliers,
    organisation_users,
    organisations,
    remove_from_organisation,
    reset_password,
    set_user_active,
    user_counts,
)
from web.services.errors import FormInvalid
from web.services.membership import pending_requests
from web.templating import is_htmx, templates

router = APIRouter(prefix="/admin")

Admin = Annotated[User, Depends(require_roles(Role.ADMIN))]
CsrfForm = Annotated[str, Form(alias=CSRF_FIELD)]
NO_STORE = {"Cache-Control": "no-store"}


def _translated(request: Request, errors: dict[str, str]) -> dict[str, str]:
    lang = request_language(request)
    return {field: web_text(key, lang) for field, key in errors.items()}


def _csrf_error(request: Request) -> dict[str, str]:
    return {"form": web_text("error.csrf", request_language(request))}


def _organisations_page(
    request: Request, session: Session, *, name: str = "", errors: dict[str, str] | None = None
) -> Response:
    context = {
        "buyers": organisations(session=session, kind=OrganisationKind.BUYER),
        "suppliers": organisations(session=session, kind=OrganisationKind.SUPPLIER),
        "counts": user_counts(session=session),
        "contract_counts": contract_counts(session=session),
        "name": name,
        "errors": errors or {},
    }
    status = 400 if errors else 200
    return templates.TemplateResponse(request, "admin_organisations.html", context, status_code=status)


@router.get("/organisations", response_class=HTMLResponse)
def organisations_page(request: Request, session: SessionDep, _admin: Admin) -> Response:
    return _organisations_page(request, session)


@router.post("/organisations", response_class=HTMLResponse)
def create_organisation(
    request: Request,
    session: SessionDep,
    _admin: Admin,
    name: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: CsrfForm = "",
) -> Response:
    if not csrf_valid(request, csrf_token):
        return _organisations_page(request, session, name=name, errors=_csrf_error(request))
    try:
        organisation = create_buyer_organisation(session=session, name=name)
    except FormInvalid as invalid:
        return _organisations_page(request, session, name=name, errors=_translated(request, invalid.errors))
    return RedirectResponse(f"/admin/organisations/{organisation.id}", status_code=303)


def _organisation(session: Session, organisation_id: int) -> Organisation:
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        raise HTTPException(status_code=404)
    return organisation


def _organisation_page(
    request: Request,
    session: Session,
    organisation: Organisation,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    created: tuple[User, str] | None = None,
    notice: str = "admin.user_created",
) -> Response:
    if organisation.id is None:
        raise HTTPException(status_code=404)
    context: dict[str, Any] = {
        "organisation": organisation,
        "users": organisation_users(session=session, organisation_id=organisation.id),
        "requests": pending_requests(session=session, organisation_id=organisation.id),
        "merge_into": merge_candidates(session=session, organisation=organisation),
        "roles": BUYER_ROLES,
        "form": form or {"email": "", "full_name": "", "role": Role.BUYER.value},
        "errors": errors or {},
        "created": created,
        "notice": notice,
    }
    status = 400 if errors else 200
    headers = NO_STORE if created else None
    return templates.TemplateResponse(
        request, "admin_organisation.html", context, status_code=status, headers=headers
    )


@router.get("/organisations/{organisation_id}", response_class=HTMLResponse)
def organisation_page(
    request: Request, session: SessionDep, _admin: Admin, organisation_id: DbId
) -> Response:
    return _organisation_page(request, session, _organisation(session, organisation_id))


@router.get("/organisations/{organisation_id}/users")
def users_page(session: SessionDep, _admin: Admin, organisation_id: DbId) -> Response:
    """The address the new-user form answers on (when the page is reloaded or bookmarked)."""
    return RedirectResponse(
        f"/admin/organisations/{_organisation(session, organisation_id).id}", status_code=303
    )


@router.post("/organisations/{organisation_id}/users", response_class=HTMLResponse)
def create_user(
    request: Request,
    session: SessionDep,
    _admin: Admin,
    organisation_id: DbId,
    email: Annotated[str, Form(max_length=1000)] = "",
    full_name: Annotated[str, Form(max_length=1000)] = "",
    role: Annotated[str, Form(max_length=50)] = "",
    csrf_token: CsrfForm = "",
) -> Response:
    """A buyer or contract manager in a buyer organisation; the page shows the generated password once
    (not through a redirect, so that it is never in a cookie or a URL)."""
    organisation = _organisation(session, organisation_id)
    if organisation.kind is not OrganisationKind.BUYER:
        raise Forbidden
    form = {"email": email, "full_name": full_name, "role": role}
    if not csrf_valid(request, csrf_token):
        return _organisation_page(request, session, organisation, form=form, errors=_csrf_error(request))
    try:
        created = create_buyer_user(
            session=session, organisation=organisation, email=email, full_name=full_name, role=role
        )
    except FormInvalid as invalid:
        errors = _translated(request, invalid.errors)
        return _organisation_page(request, session, organisation, form=form, errors=errors)
    return _organisation_page(request, session, organisation, created=created)


def _managed_user(session: Session, user_id: int) -> tuple[User, Organisation]:
    """A user of an organisation, buyer or supplier (404 when missing or in none)."""
    user = session.get(User, user_id)
    if user is None or user.organisation_id is None:
        raise HTTPException(status_code=404)
    return user, _organisation(session, user.organisation_id)


def _refusal(
    request: Request, session: Session, organisation: Organisation, *, sent: str, own: bool, own_error: str
) -> Response | None:
    """The page refusing a change to a user: a form without this session's CSRF token, or one the admin
    may not make to their own account (`own`, with `own_error`); None when neither."""
    if not csrf_valid(request, sent):
        return _organisation_page(request, session, organisation, errors=_csrf_error(request))
    if own:
        return _organisation_page(
            request, session, organisation, errors=_translated(request, {"form": own_error})
        )
    return None


def _toggle(
    request: Request, session: Session, admin: User, user_id: int, *, active: bool, sent: str
) -> Response:
    user, organisation = _managed_user(session, user_id)
    own = user.id == admin.id and not active
    sent = request.headers.get(CSRF_HEADER) or sent
    if refused := _refusal(
        request, session, organisation, sent=sent, own=own, own_error="admin.error.own_account"
    ):
        return refused
    set_user_active(session=session, user=user, active=active)
    if is_htmx(request):
        context = {"organisation": organisation, "user": user}
        return templates.TemplateResponse(request, "admin_organisation.html", context, block_name="user_row")
    return RedirectResponse(f"/admin/organisations/{organisation.id}", status_code=303)


@router.post("/users/{user_id}/activate", response_class=HTMLResponse)
def activate_user(
    request: Request, session: SessionDep, admin: Admin, user_id: DbId, csrf_token: CsrfForm = ""
) -> Response:
    return _toggle(request, session, admin, user_id, active=True, sent=csrf_token)


@router.post("/users/{user_id}/deactivate", response_class=HTMLResponse)
def deactivate_user(
    request: Request, session: SessionDep, admin: Admin, user_id: DbId, csrf_token: CsrfForm = ""
) -> Response:
    return _toggle(request, session, admin, user_id, active=False, sent=csrf_token)


@router.get("/users/{user_id}/password")
def user_password_page(session: SessionDep, _admin: Admin, user_id: DbId) -> Response:
    """The address the new-password form answers on (when the page is reloaded)."""
    _user, organisation = _managed_user(session, user_id)
    return RedirectResponse(f"/admin/organisations/{organisation.id}", status_code=303)


@router.post("/users/{user_id}/password", response_class=HTMLResponse)
def new_password(
    request: Request, session: SessionDep, admin: Admin, user_id: DbId, csrf_token: CsrfForm = ""
) -> Response:
    """A new generated password for a user who lost theirs, shown once on the organisation's page."""
    user, organisation = _managed_user(session, user_id)
    own = user.id == admin.id
    if refused := _refusal(
        request, session, organisation, sent=csrf_token, own=own, own_error="admin.error.own_password"
    ):
        return refused
    password = reset_password(session=session, user=user)
    return _organisation_page(
        request, session, organisation, created=(user, password), notice="admin.password_reset"
    )


@router.post("/users/{user_id}/remove", response_class=HTMLResponse)
def remove_user(
    request: Request, session: SessionDep, admin: Admin, user_id: DbId, csrf_token: CsrfForm = ""
) -> Response:
    """Take a user out of their organisation (they then see no contract; their sessions end)."""
    user, organisation = _managed_user(session, user_id)
    own = user.id == admin.id
    if refused := _refusal(
        request, session, organisation, sent=csrf_token, own=own, own_error="admin.error.own_removal"
    ):
        return refused
    remove_from_organisation(session=session, user=user)
    return RedirectResponse(f"/admin/organisations/{organisation.id}", status_code=303)


@router.post("/organisations/{organisation_id}/merge", response_class=HTMLResponse)
def merge_organisation(
    request: Request,
    session: SessionDep,
    _admin: Admin,
    organisation_id: DbId,
    target_id: Annotated[str, Form(max_length=30)] = "",
    members_confirmed: Annotated[str, Form(max_length=10)] = "",
    csrf_token: CsrfForm = "",
) -> Response:
    """Merge this supplier organisation into another (a duplicate made when a buyer typed its name). Its
    members join the other one, so when it has any the admin confirms that they work for that company:
    the admin's approval stands in for the members', as for a request to join. (A duplicate's first
    member joined it without anyone's consent, perhaps through a buyer that typed the name.)"""
    source = _organisation(session, organisation_id)
    if source.kind is not OrganisationKind.SUPPLIER:
        raise Forbidden
    if not csrf_valid(request, csrf_token):
        return _organisation_page(request, session, source, errors=_csrf_error(request))
    targets = {str(other.id): other for other in merge_candidates(session=session, organisation=source)}
    target = targets.get(target_id.strip())
    if target is None:
        errors = _translated(request, {"form": "admin.error.merge_target"})
        return _organisation_page(request, session, source, errors=errors)
    assert source.id is not None  # noqa: S101 - a stored organisation
    if organisation_users(session=session, organisation_id=source.id) and members_confirmed != "yes":
        errors = _translated(request, {"form": "admin.error.merge_confirm"})
        return _organisation_page(request, session, source, errors=errors)
    merge_suppliers(session=session, source=source, target=target)
    return RedirectResponse(f"/admin/organisations/{target.id}", status_code=303)
