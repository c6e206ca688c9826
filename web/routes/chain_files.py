"""The chain as a file: the supplier's page to upload a file into the draft and to download the template
and the draft, and the downloads of each submitted version.

The draft's routes are the contract's supplier users' (a party to the contract who may not edit the draft,
the buyer side, gets 403); a version's downloads are every party's, as the version itself is. Anyone else
gets 404, as for the contract itself.
"""

from io import BytesIO
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from chainmap.reference import load_reference
from models import Contract
from web.deps import CurrentUser, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.limits import body_limit, upload_limit
from web.messages import web_text
from web.security import CSRF_FIELD, csrf_valid
from web.services.chain_files import (
    FILE_FORMATS,
    MAX_UPLOAD_BYTES,
    ChainNotValid,
    Download,
    FileProblem,
    UploadRefused,
    draft_download,
    files_overview,
    template_download,
    upload_chain,
    version_download,
)
from web.services.chains import MAX_WEB_SITES, may_edit_chain, version_numbered
from web.templating import templates

router = APIRouter()


def _file_format(file_format: str) -> str:
    if file_format not in FILE_FORMATS:
        raise HTTPException(status_code=404)
    return file_format


def _sent(download: Download) -> Response:
    disposition = f'attachment; filename="{download.filename}"'
    return Response(
        download.content, media_type=download.media_type, headers={"Content-Disposition": disposition}
    )


def _page(
    request: Request,
    session: Session,
    contract: Contract,
    *,
    uploaded: int | None = None,
    refused: list[FileProblem] | None = None,
    form_error: str = "",
    status_code: int = 200,
) -> Response:
    """The chain file page; after a refused upload with every problem of the file (or the form's problem),
    answering 400."""
    lang = request_language(request)
    overview = files_overview(session=session, contract=contract, reference=load_reference(), lang=lang)
    problems = refused or []
    context: dict[str, Any] = {
        "contract": contract,
        "overview": overview,
        "uploaded": uploaded,
        "refused": refused is not None,
        "errors": [problem for problem in problems if problem.blocking],
        "warnings": [problem for problem in problems if not problem.blocking],
        "max_upload_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
        "form_error": form_error,
    }
    return templates.TemplateResponse(request, "chain_file.html", context, status_code=status_code)


@router.get("/contracts/{contract_id}/chain/file", response_class=HTMLResponse)
def chain_file_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    uploaded: Annotated[int | None, Query(ge=0, le=MAX_WEB_SITES)] = None,
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_edit_chain)
    return _page(request, session, contract, uploaded=uploaded)


@router.post("/contracts/{contract_id}/chain/file", response_class=HTMLResponse)
@body_limit(upload_limit(1, MAX_UPLOAD_BYTES))
def upload_chain_file(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    file: Annotated[UploadFile | None, File()] = None,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """A plain form post (htmx does not swap in a 400 answer): the page with every problem of the file
    (400) when it is refused, else a redirect (303) to the page saying how many sites were loaded."""
    contract = party_contract(session, user, contract_id, may=may_edit_chain)
    lang = request_language(request)
    if not csrf_valid(request, csrf_token):
        return _page(request, session, contract, form_error=web_text("error.csrf", lang), status_code=400)
    try:
        loaded = upload_chain(
            session=session,
            contract=contract,
            user=user,
            filename=file.filename or "" if file is not None else "",
            stream=file.file if file is not None else BytesIO(),
            reference=load_reference(),
            lang=lang,
        )
    except UploadRefused as refusal:
        return _page(request, session, contract, refused=refusal.problems, status_code=400)
    return RedirectResponse(f"/contracts/{contract_id}/chain/file?uploaded={loaded.sites}", status_code=303)


@router.get("/contracts/{contract_id}/chain/template.xlsx")
def chain_template(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    contract = party_contract(session, user, contract_id, may=may_edit_chain)
    return _sent(
        template_download(contract=contract, reference=load_reference(), lang=request_language(request))
    )


@router.get("/contracts/{contract_id}/chain/draft.{file_format}")
def draft_file(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, file_format: str
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_edit_chain)
    try:
        download = draft_download(
            session=session,
            contract=contract,
            file_format=_file_format(file_format),
            reference=load_reference(),
        )
    except ChainNotValid as invalid:
        return _unavailable(
            request, contract, errors=invalid.errors, back=f"/contracts/{contract_id}/chain/file"
        )
    return _sent(download)


@router.get("/contracts/{contract_id}/versions/{number}/chain.{file_format}")
def version_file(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    number: DbId,
    file_format: str,
) -> Response:
    contract = party_contract(session, user, contract_id)
    version = version_numbered(session=session, contract_id=contract_id, number=number)
    if version is None:
        raise HTTPException(status_code=404)
    try:
        download = version_download(
            contract=contract,
            version=version,
            file_format=_file_format(file_format),
            reference=load_reference(),
        )
    except ChainNotValid as invalid:
        return _unavailable(request, contract, errors=invalid.errors, back=f"/contracts/{contract_id}")
    return _sent(download)


def _unavailable(request: Request, contract: Contract, *, errors: int, back: str) -> Response:
    """409: the chain has errors, and JSON needs a valid chain."""
    context = {"contract": contract, "errors": errors, "back": back}
    return templates.TemplateResponse(request, "chain_file_unavailable.html", context, status_code=409)
