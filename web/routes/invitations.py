"""Supplier invitations: the buyer side of a contract invites by e-mail address, and the invitee opens the
link, sets a name and password and lands on the contract, logged in.

Inviting: another organisation's contract answers 404 (as everywhere), the contract's supplier 403. The
link is shown once in the answer to the form (never through a redirect, so it is in no cookie or URL of
the buyer's) and e-mailed when SMTP is set up. The invitee's page is public, but says nothing about the
contract unless the link works.
"""

from datetime import timedelta
from typing import Annotated, Any, Final

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from models import Contract, Organisation, User
from web.deps import CurrentUser, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.mail import MailOutcome, send_mail
from web.messages import web_text
from web.routes.auth import start_login
from web.security import CSRF_FIELD, CSRF_HEADER, csrf_valid
from web.services.accounts import PASSWORD_MIN
from web.services.errors import FormInvalid
from web.services.invitations import (
    InvitationProblem,
    InvitationUnusable,
    accept_invitation,
    create_invitation,
    invitation_by_token,
    invitation_link,
    invitation_mail,
    invitation_page,
    invitations_view,
    mark_mailed,
    may_invite,
)
from web.settings import Settings
from web.templating import is_htmx, templates

router = APIRouter()

# The invitee's page carries the token in its address: keep it out of caches and Referer headers.
PRIVATE: Final = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
PROBLEM_STATUS: Final = {
    InvitationProblem.UNKNOWN: 404,
    InvitationProblem.USED: 410,
    InvitationProblem.EXPIRED: 410,
    InvitationProblem.WITHDRAWN: 410,
}
Token = Annotated[str, Path(max_length=100)]
CsrfForm = Annotated[str, Form(alias=CSRF_FIELD)]


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _invitable(session: Session, user: User, contract_id: int) -> Contract:
    """The contract, if `user` invites to it: 404 when they do not see it, 403 when they only read it."""
    return party_contract(session, user, contract_id, may=may_invite)


def _invitations_answer(
    request: Request,
    session: Session,
    user: User,
    contract: Contract,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    created: dict[str, Any] | None = None,
) -> Response:
    """The invitations section alone for htmx (always 200: htmx swaps no 4xx), else its own page."""
    context: dict[str, Any] = {
        "contract": contract,
        "invitations": invitations_view(session=session, contract=contract, user=user),
        "invitation_form": form or {"email": "", "supplier_name": ""},
        "invitation_errors": errors or {},
        "new_invitation": created,
    }
    headers = PRIVATE if created else None
    if is_htmx(request):
        return templates.TemplateResponse(request, "contract_invitations.html", context, headers=headers)
    status = 400 if errors else 200
    return templates.TemplateResponse(
        request, "contract_invitations_page.html", context, status_code=status, headers=headers
    )


@router.get("/contracts/{contract_id}/invitations", response_class=HTMLResponse)
def invitations_page(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """The invitations of a contract on a page of their own: where the form answers without htmx, so a
    reload shows the list (without the link, which was shown once)."""
    return _invitations_answer(request, session, user, _invitable(session, user, contract_id))


@router.post("/contracts/{contract_id}/invitations", response_class=HTMLResponse)
def invite(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    email: Annotated[str, Form(max_length=1000)] = "",
    supplier_name: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: CsrfForm = "",
) -> Response:
    contract = _invitable(session, user, contract_id)
    lang = request_language(request)
    form = {"email": email, "supplier_name": supplier_name}
    if not csrf_valid(request, request.headers.get(CSRF_HEADER) or csrf_token):
        errors = {"form": web_text("error.csrf", lang)}
        return _invitations_answer(request, session, user, contract, form=form, errors=errors)
    settings = _settings(request)
    try:
        invitation, token = create_invitation(
            session=session,
            contract=contract,
            user=user,
            email=email,
            supplier_name=supplier_name,
            valid_for=timedelta(days=settings.invitation_days),
        )
    except FormInvalid as invalid:
        errors = {field: web_text(key, lang) for field, key in invalid.errors.items()}
        return _invitations_answer(request, session, user, contract, form=form, errors=errors)
    link = invitation_link(base_url=settings.base_url, token=token)
    buyer = session.get(Organisation, contract.buyer_organisation_id)
    subject, body = invitation_mail(
        invitation=invitation, contract=contract, buyer_name=buyer.name if buyer else "", link=link
    )
    outcome = send_mail(settings=settings, to=invitation.email, subject=subject, body=body)
    notice = {
        MailOutcome.SENT: "invitation.sent",
        MailOutcome.NOT_CONFIGURED: "invitation.not_sent",
        MailOutcome.FAILED: "invitation.mail_failed",
    }[outcome]
    # An e-mailed link goes only to the address's owner: the buyer does not see it, so it cannot open the
    # invitee's page (which tells whether the address has an account) or use it for an address of its own.
    # In production (which needs SMTP) a link that could not be sent is not shown either: "New link"
    # tries again. Without SMTP, as in development, the buyer passes the link on.
    if outcome is MailOutcome.SENT:
        mark_mailed(session=session, invitation=invitation)
    hidden = outcome is MailOutcome.SENT or settings.environment == "production"
    shown = None if hidden else link
    if outcome is MailOutcome.FAILED and hidden:
        notice = "invitation.mail_failed_hidden"
    created = {
        "email": invitation.email,
        "link": shown,
        "notice": notice,
        "expires_at": invitation.expires_at,
    }
    return _invitations_answer(request, session, user, contract, created=created)


def _problem_page(request: Request, problem: InvitationProblem) -> Response:
    """A link that does not work: why, and nothing about the contract."""
    return templates.TemplateResponse(
        request,
        "invitation_accept.html",
        {"problem": problem.value},
        status_code=PROBLEM_STATUS[problem],
        headers=PRIVATE,
    )


def _accept_page(
    request: Request,
    session: Session,
    token: str,
    *,
    full_name: str = "",
    errors: dict[str, str] | None = None,
) -> Response:
    found = invitation_by_token(session=session, token=token)
    if isinstance(found, InvitationProblem):
        return _problem_page(request, found)
    try:
        page = invitation_page(session=session, invitation=found)
    except InvitationUnusable as unusable:
        return _problem_page(request, unusable.problem)
    context = {
        "page": page,
        "token": token,
        "full_name": full_name,
        "errors": errors or {},
        "password_min": PASSWORD_MIN,
    }
    status = 400 if errors else 200
    return templates.TemplateResponse(
        request, "invitation_accept.html", context, status_code=status, headers=PRIVATE
    )


@router.get("/invitations/{token}", response_class=HTMLResponse)
def invitation(request: Request, session: SessionDep, token: Token) -> Response:
    """The invitee's page. Opening it changes nothing: mail scanners open links too."""
    return _accept_page(request, session, token)


@router.post("/invitations/{token}", response_class=HTMLResponse)
def accept(
    request: Request,
    session: SessionDep,
    token: Token,
    full_name: Annotated[str, Form(max_length=1000)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    password_repeat: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: CsrfForm = "",
) -> Response:
    """Accept: a new supplier user is logged in (as at /login) and sent to the contract; an existing
    one is told to log in with their own password."""
    lang = request_language(request)
    if not csrf_valid(request, csrf_token):
        errors = {"form": web_text("error.csrf", lang)}
        return _accept_page(request, session, token, full_name=full_name, errors=errors)
    try:
        accepted = accept_invitation(
            session=session,
            token=token,
            full_name=full_name,
            password=password,
            password_repeat=password_repeat,
        )
    except InvitationUnusable as unusable:
        return _problem_page(request, unusable.problem)
    except FormInvalid as invalid:
        errors = {field: web_text(key, lang, min=PASSWORD_MIN) for field, key in invalid.errors.items()}
        return _accept_page(request, session, token, full_name=full_name, errors=errors)
    if accepted.pending or accepted.user is None:
        contract = session.get(Contract, accepted.contract_id)
        supplier = session.get(Organisation, contract.supplier_organisation_id) if contract else None
        context = {"pending_organisation": supplier.name if supplier else ""}
        return templates.TemplateResponse(request, "invitation_accept.html", context, headers=PRIVATE)
    if accepted.existed:
        context = {"accepted_email": accepted.user.email}
        return templates.TemplateResponse(request, "invitation_accept.html", context, headers=PRIVATE)
    start_login(request, session, accepted.user)
    return RedirectResponse(f"/contracts/{accepted.contract_id}", status_code=303)
