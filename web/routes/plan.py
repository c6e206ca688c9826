"""The plan of action: its page, the supplier's actions, the buyer side's decision, and an action's page
with its notes, changes and verification.

Another organisation's contract (and an action of another contract) answers 404, as everywhere; a party
that may not do a thing answers 403. A refused form answers 400 with its page and the errors by field; a
saved one goes back to the page with a 303.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from chainmap.reference import load_reference
from models import Contract, PlanAction, User
from web.clock import Today
from web.deps import CurrentUser, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.messages import web_text
from web.security import CSRF_FIELD, csrf_valid
from web.services.errors import FormInvalid
from web.services.plan import (
    action_view,
    add_note,
    contract_action,
    decide_plan,
    may_add_note,
    may_decide_plan,
    may_edit_plan,
    plan_view,
    propose_action,
    submit_plan,
    update_action,
    verify_action,
)
from web.templating import templates

router = APIRouter()

Text = Annotated[str, Form(max_length=10_000)]
Csrf = Annotated[str, Form(alias=CSRF_FIELD)]


def _plan_page(
    request: Request,
    session: Session,
    user: User,
    contract: Contract,
    today: Today,
    *,
    form: dict[str, Any] | None = None,
    refused: FormInvalid | None = None,
) -> Response:
    """The plan page; after a refused form, 400 with what was typed and the errors by field."""
    view = plan_view(
        session=session,
        contract=contract,
        user=user,
        today=today,
        lang=request_language(request),
        reference=load_reference(),
    )
    return _page(request, "plan.html", contract, view, form=form, refused=refused)


def action_page_response(
    request: Request,
    session: Session,
    user: User,
    contract: Contract,
    action: PlanAction,
    today: Today,
    *,
    form: dict[str, Any] | None = None,
    refused: FormInvalid | None = None,
    evidence_errors: dict[str, str] | None = None,
) -> Response:
    """The action page; after a refused form, 400 with what was typed and the errors by field, or after
    refused evidence (web.routes.attachments), 400 with `evidence_errors` for the evidence form."""
    view = action_view(
        session=session,
        contract=contract,
        user=user,
        action=action,
        today=today,
        lang=request_language(request),
        reference=load_reference(),
    )
    return _page(
        request, "action.html", contract, view, form=form, refused=refused, evidence_errors=evidence_errors
    )


def _page(
    request: Request,
    name: str,
    contract: Contract,
    view: object,
    *,
    form: dict[str, Any] | None,
    refused: FormInvalid | None,
    evidence_errors: dict[str, str] | None = None,
) -> Response:
    lang = request_language(request)
    errors = {field: web_text(key, lang) for field, key in refused.errors.items()} if refused else {}
    context: dict[str, Any] = {
        "contract": contract,
        "view": view,
        "form": form or {},
        "errors": errors,
        "evidence_errors": evidence_errors or {},
    }
    status_code = 400 if refused is not None or evidence_errors else 200
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def action_or_404(session: Session, contract: Contract, action_id: int) -> PlanAction:
    """The contract's action with this id; 404 for an unknown one or another contract's."""
    action = contract_action(session=session, contract=contract, action_id=action_id)
    if action is None:
        raise HTTPException(status_code=404)
    return action


@router.get("/contracts/{contract_id}/plan", response_class=HTMLResponse)
def plan_page(
    request: Request, session: SessionDep, user: CurrentUser, today: Today, contract_id: DbId
) -> Response:
    contract = party_contract(session, user, contract_id)
    return _plan_page(request, session, user, contract, today)


@router.post("/contracts/{contract_id}/plan/actions", response_class=HTMLResponse)
def propose(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    title: Text = "",
    description: Text = "",
    kind: Text = "",
    owner: Text = "",
    due_on: Text = "",
    risks: Annotated[list[str] | None, Form(max_length=200)] = None,
    csrf_token: Csrf = "",
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_edit_plan)
    chosen = risks or []
    form = {
        "title": title,
        "description": description,
        "kind": kind,
        "owner": owner,
        "due_on": due_on,
        "risks": chosen,
    }
    try:
        if not csrf_valid(request, csrf_token):
            raise FormInvalid({"form": "error.csrf"})
        propose_action(
            session=session,
            contract=contract,
            user=user,
            title=title,
            description=description,
            kind=kind,
            owner=owner,
            due_on=due_on,
            risks=chosen,
            today=today,
            reference=load_reference(),
        )
    except FormInvalid as invalid:
        return _plan_page(request, session, user, contract, today, form=form, refused=invalid)
    return RedirectResponse(f"/contracts/{contract_id}/plan#actions", status_code=303)


@router.post("/contracts/{contract_id}/plan/submit", response_class=HTMLResponse)
def submit(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    csrf_token: Csrf = "",
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_edit_plan)
    try:
        if not csrf_valid(request, csrf_token):
            raise FormInvalid({"form": "error.csrf"})
        submit_plan(session=session, contract=contract, user=user)
    except FormInvalid as invalid:
        return _plan_page(request, session, user, contract, today, refused=invalid)
    return RedirectResponse(f"/contracts/{contract_id}/plan", status_code=303)


@router.post("/contracts/{contract_id}/plan/decision", response_class=HTMLResponse)
def decide(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    outcome: Text = "",
    comment: Text = "",
    csrf_token: Csrf = "",
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_decide_plan)
    form = {"outcome": outcome, "comment": comment}
    try:
        if not csrf_valid(request, csrf_token):
            raise FormInvalid({"form": "error.csrf"})
        decide_plan(session=session, contract=contract, user=user, outcome=outcome, comment=comment)
    except FormInvalid as invalid:
        return _plan_page(request, session, user, contract, today, form=form, refused=invalid)
    return RedirectResponse(f"/contracts/{contract_id}/plan", status_code=303)


@router.get("/contracts/{contract_id}/actions/{action_id}", response_class=HTMLResponse)
def action_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    action_id: DbId,
) -> Response:
    contract = party_contract(session, user, contract_id)
    action = action_or_404(session, contract, action_id)
    return action_page_response(request, session, user, contract, action, today)


@router.post("/contracts/{contract_id}/actions/{action_id}", response_class=HTMLResponse)
def edit_action(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    action_id: DbId,
    title: Text = "",
    description: Text = "",
    owner: Text = "",
    due_on: Text = "",
    status: Text = "",
    cancel_reason: Text = "",
    csrf_token: Csrf = "",
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_edit_plan)
    action = action_or_404(session, contract, action_id)
    form = {
        "title": title,
        "description": description,
        "owner": owner,
        "due_on": due_on,
        "status": status,
        "cancel_reason": cancel_reason,
    }
    try:
        if not csrf_valid(request, csrf_token):
            raise FormInvalid({"form": "error.csrf"})
        update_action(
            session=session,
            contract=contract,
            user=user,
            action=action,
            title=title,
            description=description,
            owner=owner,
            due_on=due_on,
            status=status,
            cancel_reason=cancel_reason,
            today=today,
        )
    except FormInvalid as invalid:
        session.refresh(action)
        return action_page_response(
            request, session, user, contract, action, today, form=form, refused=invalid
        )
    return RedirectResponse(f"/contracts/{contract_id}/actions/{action_id}", status_code=303)


@router.post("/contracts/{contract_id}/actions/{action_id}/notes", response_class=HTMLResponse)
def note(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    action_id: DbId,
    text: Text = "",
    csrf_token: Csrf = "",
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_add_note)
    action = action_or_404(session, contract, action_id)
    form = {"text": text}
    try:
        if not csrf_valid(request, csrf_token):
            raise FormInvalid({"form": "error.csrf"})
        add_note(session=session, contract=contract, user=user, action=action, text=text)
    except FormInvalid as invalid:
        return action_page_response(
            request, session, user, contract, action, today, form=form, refused=invalid
        )
    return RedirectResponse(f"/contracts/{contract_id}/actions/{action_id}#notes", status_code=303)


@router.post("/contracts/{contract_id}/actions/{action_id}/verification", response_class=HTMLResponse)
def verification(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    action_id: DbId,
    verification: Text = "",
    comment: Text = "",
    csrf_token: Csrf = "",
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_decide_plan)
    action = action_or_404(session, contract, action_id)
    form = {"verification": verification, "comment": comment}
    try:
        if not csrf_valid(request, csrf_token):
            raise FormInvalid({"form": "error.csrf"})
        verify_action(
            session=session,
            contract=contract,
            user=user,
            action=action,
            verification=verification,
            comment=comment,
        )
    except FormInvalid as invalid:
        session.refresh(action)
        return action_page_response(
            request, session, user, contract, action, today, form=form, refused=invalid
        )
    return RedirectResponse(f"/contracts/{contract_id}/actions/{action_id}#verification", status_code=303)
