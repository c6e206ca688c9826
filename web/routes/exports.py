"""The contract report (PDF and XLSX) for the parties to a contract, and the public summary: the buyer
side publishes or withdraws it with a plain form on the contract page, and anyone opens it by its link,
as a page or a PDF, without a login. An unknown or withdrawn link answers 404.
"""

from collections.abc import Callable
from datetime import date
from typing import Annotated, Final

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from chainmap.reference import load_reference
from models import Contract, User
from web.clock import Today
from web.deps import CurrentUser, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.messages import web_text
from web.security import CSRF_FIELD, csrf_valid
from web.services.chain_files import filename_part
from web.services.contract_report import ContractReport, contract_report
from web.services.errors import FormInvalid
from web.services.public_summary import (
    change_publication,
    may_publish,
    public_summary,
    published_contract,
)
from web.services.report_pdf import public_summary_pdf, report_pdf
from web.services.report_xlsx import report_xlsx
from web.templating import templates

router = APIRouter()

PDF: Final = "application/pdf"
XLSX: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The contract report's formats by file suffix: how it is written and its media type.
FORMATS: Final[dict[str, tuple[Callable[[ContractReport], bytes], str]]] = {
    "pdf": (report_pdf, PDF),
    "xlsx": (report_xlsx, XLSX),
}


def _download(content: bytes, media_type: str, name: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


def report_name(contract: Contract, suffix: str, made_on: date) -> str:
    """The report's file name: the contract's reference as the chain files' names write it (ASCII, accents
    dropped, which a Content-Disposition header needs), the date, the suffix."""
    return f"{filename_part(contract.reference) or 'contract'}-{made_on.isoformat()}.{suffix}"


@router.get("/contracts/{contract_id}/report.pdf")
def contract_report_pdf(
    request: Request, session: SessionDep, user: CurrentUser, today: Today, contract_id: DbId
) -> Response:
    return _report_download(request, session, user, today, contract_id, "pdf")


@router.get("/contracts/{contract_id}/report.xlsx")
def contract_report_xlsx(
    request: Request, session: SessionDep, user: CurrentUser, today: Today, contract_id: DbId
) -> Response:
    return _report_download(request, session, user, today, contract_id, "xlsx")


def _report_download(
    request: Request, session: Session, user: User, today: date, contract_id: int, suffix: str
) -> Response:
    """The report of a party's contract as a download in the format of `suffix` (a key of FORMATS)."""
    contract = party_contract(session, user, contract_id)
    report = contract_report(
        session=session,
        contract=contract,
        lang=request_language(request),
        today=today,
        reference=load_reference(),
    )
    render, media_type = FORMATS[suffix]
    return _download(render(report), media_type, report_name(contract, suffix, today))


@router.post("/contracts/{contract_id}/public-summary", response_class=HTMLResponse)
def change_public_summary(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    public_summary: Annotated[str, Form(max_length=100)] = "",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_publish)
    lang = request_language(request)
    if not csrf_valid(request, csrf_token):
        return _refused(request, contract, web_text("error.csrf", lang))
    try:
        change_publication(session=session, contract=contract, user=user, choice=public_summary)
    except FormInvalid as invalid:
        return _refused(request, contract, "; ".join(web_text(key, lang) for key in invalid.errors.values()))
    return RedirectResponse(f"/contracts/{contract_id}#exports", status_code=303)


def _refused(request: Request, contract: Contract, error: str) -> Response:
    context = {"contract": contract, "exports_error": error, "may_publish": True}
    return templates.TemplateResponse(request, "contract_exports_page.html", context, status_code=400)


def _published(session: SessionDep, summary_token: str) -> Contract:
    contract = published_contract(session=session, token=summary_token)
    if contract is None:
        raise HTTPException(status_code=404)
    return contract


@router.get("/public/{summary_token}.pdf")
def public_summary_download(
    request: Request, session: SessionDep, today: Today, summary_token: str
) -> Response:
    contract = _published(session, summary_token)
    lang = request_language(request)
    summary = public_summary(
        session=session, contract=contract, lang=lang, today=today, reference=load_reference()
    )
    return _download(public_summary_pdf(summary, lang=lang), PDF, f"public-summary-{today.isoformat()}.pdf")


@router.get("/public/{summary_token}", response_class=HTMLResponse)
def public_summary_page(request: Request, session: SessionDep, today: Today, summary_token: str) -> Response:
    contract = _published(session, summary_token)
    summary = public_summary(
        session=session,
        contract=contract,
        lang=request_language(request),
        today=today,
        reference=load_reference(),
    )
    context = {"summary": summary, "token": summary_token}
    return templates.TemplateResponse(request, "public_summary.html", context)
