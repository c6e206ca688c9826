"""Progress reports: the list of a contract's reporting periods with each report's state, one period's
report (the supplier's form once the period has started, else the report read-only), submitting it, and
the buyer side's review.

Another organisation's contract and a period the contract does not have answer 404 (as everywhere);
submitting answers 403 to anyone but the contract's supplier, reviewing to anyone but its buyer side. A
refused form answers 400 with the page and the errors by field; a saved one goes back to the page.
"""

from datetime import date
from typing import Annotated, Any, Final

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from chainmap.monitoring import ReportingPeriod
from chainmap.reference import load_reference
from models import Contract, User
from web.clock import Today
from web.deps import CurrentUser, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.messages import web_text
from web.security import CSRF_FIELD, csrf_valid
from web.services.errors import FormInvalid
from web.services.progress_reports import (
    MAX_COMMENT,
    MAX_NARRATIVE,
    may_review_report,
    may_submit_report,
    period_numbered,
    report_states,
    report_view,
    review_report,
    submit_report,
)
from web.templating import templates

router = APIRouter()

REPORT: Final = "/contracts/{contract_id}/reports/{period_number}"


def _period_or_404(contract: Contract, period_number: int) -> ReportingPeriod:
    period = period_numbered(contract, period_number)
    if period is None:
        raise HTTPException(status_code=404)
    return period


def _report_page(
    request: Request,
    session: Session,
    user: User,
    contract: Contract,
    period: ReportingPeriod,
    today: date,
    *,
    form: dict[str, str] | None = None,
    refused: FormInvalid | None = None,
) -> Response:
    """The period's report page; after a refused form, 400 with what was typed and the errors by field."""
    lang = request_language(request)
    view = report_view(
        session=session,
        contract=contract,
        user=user,
        period=period,
        today=today,
        lang=lang,
        reference=load_reference(),
    )
    report = view.item.report
    context: dict[str, Any] = {
        "contract": contract,
        "view": view,
        "form": form or {"narrative": report.narrative if report else "", "decision": "", "comment": ""},
        "errors": {field: web_text(key, lang) for field, key in refused.errors.items()} if refused else {},
        "max_narrative": MAX_NARRATIVE,
        "max_comment": MAX_COMMENT,
    }
    status_code = 400 if refused is not None else 200
    return templates.TemplateResponse(request, "progress_report.html", context, status_code=status_code)


@router.get("/contracts/{contract_id}/reports", response_class=HTMLResponse)
def progress_reports(
    request: Request, session: SessionDep, user: CurrentUser, today: Today, contract_id: DbId
) -> Response:
    """Every reporting period of the contract with its dates, due date and the state of its report."""
    contract = party_contract(session, user, contract_id)
    context = {
        "contract": contract,
        "reports": report_states(session=session, contract=contract, today=today),
        "may_submit": may_submit_report(user=user, contract=contract),
    }
    return templates.TemplateResponse(request, "progress_reports.html", context)


@router.get(REPORT, response_class=HTMLResponse)
def progress_report(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    period_number: DbId,
) -> Response:
    """One period's report: the supplier's form while it may submit, else the report read-only."""
    contract = party_contract(session, user, contract_id)
    period = _period_or_404(contract, period_number)
    return _report_page(request, session, user, contract, period, today)


@router.post(REPORT, response_class=HTMLResponse)
def submit_progress_report(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    period_number: DbId,
    narrative: Annotated[str, Form(max_length=40_000)] = "",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """The supplier submits the period's report (again, when more information was asked for)."""
    contract = party_contract(session, user, contract_id, may=may_submit_report)
    period = _period_or_404(contract, period_number)
    form = {"narrative": narrative, "decision": "", "comment": ""}
    try:
        if not csrf_valid(request, csrf_token):
            raise FormInvalid({"form": "error.csrf"})
        submit_report(
            session=session, contract=contract, user=user, period=period, narrative=narrative, today=today
        )
    except FormInvalid as invalid:
        return _report_page(request, session, user, contract, period, today, form=form, refused=invalid)
    return RedirectResponse(f"/contracts/{contract_id}/reports/{period.number}", status_code=303)


@router.post(REPORT + "/review", response_class=HTMLResponse)
def review_progress_report(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    period_number: DbId,
    decision: Annotated[str, Form(max_length=100)] = "",
    comment: Annotated[str, Form(max_length=10_000)] = "",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """The buyer side accepts the submitted report or asks for more information (with a comment)."""
    contract = party_contract(session, user, contract_id, may=may_review_report)
    period = _period_or_404(contract, period_number)
    form = {"narrative": "", "decision": decision, "comment": comment}
    try:
        if not csrf_valid(request, csrf_token):
            raise FormInvalid({"form": "error.csrf"})
        review_report(
            session=session, contract=contract, user=user, period=period, decision=decision, comment=comment
        )
    except FormInvalid as invalid:
        return _report_page(request, session, user, contract, period, today, form=form, refused=invalid)
    return RedirectResponse(f"/contracts/{contract_id}/reports/{period.number}", status_code=303)
