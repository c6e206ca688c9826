"""The chain as a file: the supplier's page to upload a file into the draft (or a list in another layout
through the mapping step) and to download the template and the draft, and the downloads of each
submitted version.

The draft's routes are the contract's supplier users' (a party to the contract who may not edit the draft,
the buyer side, gets 403); a version's downloads are every party's, as the version itself is. Anyone else
gets 404, as for the contract itself.
"""

from io import BytesIO
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from chainmap.chain import COLUMNS
from chainmap.chainfile.mapping import CONTRACTOR_ROW, mapping_to_json
from chainmap.reference import load_reference
from models import Contract, User
from web.deps import CurrentUser, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.limits import body_limit, upload_limit
from web.messages import web_text
from web.security import CSRF_FIELD, csrf_valid
from web.services.chain_files import (
    FILE_FORMATS,
    ChainNotValid,
    ChainUploadLimits,
    Download,
    FileProblem,
    MappingNeeded,
    UploadRefused,
    draft_download,
    files_overview,
    template_download,
    upload_chain,
    version_download,
)
from web.services.chain_mapping import (
    SESSION_KEY,
    MappingForm,
    MappingStep,
    PendingImport,
    drop_pending,
    import_mapped,
    keep_pending,
    mapping_step,
    pending_data,
    pending_from_session,
    sweep_pending,
)
from web.services.chains import may_edit_chain, version_numbered
from web.settings import MOST_MAX_SITES, Settings
from web.templating import is_htmx, templates

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


def _limits(request: Request) -> ChainUploadLimits:
    """The upload limits for the app's setting of the most sites a chain may have."""
    settings: Settings = request.app.state.settings
    return ChainUploadLimits.for_sites(settings.max_sites)


def _upload_dir(request: Request) -> Path:
    settings: Settings = request.app.state.settings
    return settings.upload_dir


def _page(
    request: Request,
    session: Session,
    contract: Contract,
    *,
    uploaded: int | None = None,
    closed: int | None = None,
    refused: list[FileProblem] | None = None,
    form_error: str = "",
    step: MappingStep | None = None,
    status_code: int = 200,
) -> Response:
    """The chain file page, or its mapping step when `step` is given; after a refused upload or import with
    every problem of the file (or the form's problem), answering 400. To the upload's own script (an
    HX-Request) the page's part alone."""
    lang = request_language(request)
    overview = files_overview(session=session, contract=contract, reference=load_reference(), lang=lang)
    problems = refused or []
    limits = _limits(request)
    context: dict[str, Any] = {
        "contract": contract,
        "overview": overview,
        "uploaded": uploaded,
        "closed_left_out": closed,
        "refused": refused is not None,
        "errors": [problem for problem in problems if problem.blocking],
        "warnings": [problem for problem in problems if not problem.blocking],
        "max_upload_mb": limits.max_bytes // (1024 * 1024),
        "max_sites": limits.sites,
        "form_error": form_error,
        "step": step,
        "columns": COLUMNS,
        "contractor_row": CONTRACTOR_ROW,
    }
    block = "file_page" if is_htmx(request) else None
    return templates.TemplateResponse(
        request, "chain_file.html", context, status_code=status_code, block_name=block
    )


def _go(request: Request, url: str) -> Response:
    """A redirect after a post: 303 for a form, HX-Redirect for the upload's script (which would
    otherwise follow the redirect itself and render the page twice)."""
    if is_htmx(request):
        return Response(status_code=200, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


@router.get("/contracts/{contract_id}/chain/file", response_class=HTMLResponse)
def chain_file_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    uploaded: Annotated[int | None, Query(ge=0, le=MOST_MAX_SITES)] = None,
    closed: Annotated[int | None, Query(ge=0, le=MOST_MAX_SITES)] = None,
) -> Response:
    """The chain file page; after an upload it says how many sites were loaded and, for a list imported
    through the column mapping, how many closed facilities were left out."""
    contract = party_contract(session, user, contract_id, may=may_edit_chain)
    return _page(request, session, contract, uploaded=uploaded, closed=closed)


@router.post("/contracts/{contract_id}/chain/file", response_class=HTMLResponse)
@body_limit(lambda settings: upload_limit(1, ChainUploadLimits.for_sites(settings.max_sites).max_bytes))
def upload_chain_file(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    file: Annotated[UploadFile | None, File()] = None,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """A form post, sent by the page's script with upload progress (web/static/chain_upload.js) or
    plainly: the page with every problem of the file (400) when it is refused, else a redirect to the
    page saying how many sites were loaded, or to the mapping step for a list in another layout."""
    contract = party_contract(session, user, contract_id, may=may_edit_chain)
    lang = request_language(request)
    if not csrf_valid(request, csrf_token or request.headers.get("x-csrf-token")):
        return _page(request, session, contract, form_error=web_text("error.csrf", lang), status_code=400)
    _drop_session_pending(request, contract=contract, user=user)
    try:
        loaded = upload_chain(
            session=session,
            contract=contract,
            user=user,
            filename=file.filename or "" if file is not None else "",
            stream=file.file if file is not None else BytesIO(),
            reference=load_reference(),
            lang=lang,
            limits=_limits(request),
        )
    except UploadRefused as refusal:
        return _page(request, session, contract, refused=refusal.problems, status_code=400)
    except MappingNeeded as needed:
        pending = keep_pending(
            upload_dir=_upload_dir(request),
            data=needed.data,
            contract=contract,
            user=user,
            filename=needed.filename,
        )
        request.session[SESSION_KEY] = pending.as_session()
        return _go(request, f"/contracts/{contract_id}/chain/file/mapping")
    return _go(request, f"/contracts/{contract_id}/chain/file?uploaded={loaded.sites}")


def _drop_session_pending(request: Request, *, contract: Contract, user: User) -> None:
    """Forget the browser's waiting file, removing it, when there is one (a new upload replaces it), and
    remove every expired one."""
    pending = pending_from_session(request.session, contract=contract, user=user)
    if pending is not None:
        drop_pending(upload_dir=_upload_dir(request), pending=pending)
    request.session.pop(SESSION_KEY, None)
    sweep_pending(_upload_dir(request))


def _waiting(request: Request, contract: Contract, user: User) -> tuple[PendingImport, bytes] | None:
    """The browser's waiting file for this contract and its bytes, None when there is none (any more)."""
    pending = pending_from_session(request.session, contract=contract, user=user)
    if pending is None:
        return None
    data = pending_data(upload_dir=_upload_dir(request), pending=pending)
    return None if data is None else (pending, data)


@router.get("/contracts/{contract_id}/chain/file/mapping", response_class=HTMLResponse)
def mapping_page(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """The mapping step of the waiting file, pre-filled with the remembered or suggested mapping; without
    one (never uploaded, imported, expired, another user's) the chain file page."""
    contract = party_contract(session, user, contract_id, may=may_edit_chain)
    waiting = _waiting(request, contract, user)
    if waiting is None:
        return RedirectResponse(f"/contracts/{contract_id}/chain/file", status_code=303)
    return _page(request, session, contract, step=_step(request, session, contract, user, waiting, None))


async def _fields(request: Request) -> dict[str, str]:
    form = await request.form()
    return {name: value for name, value in form.items() if isinstance(value, str)}


@router.post("/contracts/{contract_id}/chain/file/mapping", response_class=HTMLResponse)
def map_chain_file(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    fields: Annotated[dict[str, str], Depends(_fields)],
) -> Response:
    """The mapping step's form: `step` "preview" shows it again with the preview of the mapping as sent,
    "download" sends that mapping as a JSON file (for `chainmap convert --map`), "cancel" forgets the
    file, and "import" imports it all or nothing: the chain file page saying how many sites were loaded,
    or the step again with every problem by the file's row (400)."""
    contract = party_contract(session, user, contract_id, may=may_edit_chain)
    lang = request_language(request)
    waiting = _waiting(request, contract, user)
    if not csrf_valid(request, fields.get(CSRF_FIELD) or request.headers.get("x-csrf-token")):
        if waiting is None:
            return _page(request, session, contract, form_error=web_text("error.csrf", lang), status_code=400)
        step = _step(request, session, contract, user, waiting, MappingForm.from_fields(fields))
        return _page(
            request, session, contract, step=step, form_error=web_text("error.csrf", lang), status_code=400
        )
    action = fields.get("step", "import")
    if action == "cancel" or waiting is None:
        _drop_session_pending(request, contract=contract, user=user)
        return RedirectResponse(f"/contracts/{contract_id}/chain/file", status_code=303)
    pending, data = waiting
    form = MappingForm.from_fields(fields)
    if action == "download":
        content = mapping_to_json(form.mapping())
        disposition = 'attachment; filename="chainmap-mapping.json"'
        return Response(content, media_type="application/json", headers={"Content-Disposition": disposition})
    if action != "import":
        return _page(request, session, contract, step=_step(request, session, contract, user, waiting, form))
    try:
        loaded = import_mapped(
            session=session,
            contract=contract,
            user=user,
            filename=pending.filename,
            data=data,
            form=form,
            reference=load_reference(),
            lang=lang,
            limits=_limits(request),
        )
    except UploadRefused as refusal:
        step = _step(request, session, contract, user, waiting, form)
        return _page(request, session, contract, step=step, refused=refusal.problems, status_code=400)
    _drop_session_pending(request, contract=contract, user=user)
    url = f"/contracts/{contract_id}/chain/file?uploaded={loaded.sites}"
    if loaded.closed_left_out:
        url += f"&closed={loaded.closed_left_out}"
    return RedirectResponse(url, status_code=303)


@router.post("/contracts/{contract_id}/chain/file/mapping/preview", response_class=HTMLResponse)
def mapping_preview(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    fields: Annotated[dict[str, str], Depends(_fields)],
) -> Response:
    """The preview of the mapping as the form has it now (htmx, on every change of the form): the
    preview block of the page; 400 without the form's token, 409 when the file is no longer waiting."""
    contract = party_contract(session, user, contract_id, may=may_edit_chain)
    if not csrf_valid(request, request.headers.get("x-csrf-token") or fields.get(CSRF_FIELD)):
        raise HTTPException(status_code=400)
    waiting = _waiting(request, contract, user)
    if waiting is None:
        raise HTTPException(status_code=409)
    step = _step(request, session, contract, user, waiting, MappingForm.from_fields(fields))
    context = {"contract": contract, "step": step, "columns": COLUMNS, "contractor_row": CONTRACTOR_ROW}
    return templates.TemplateResponse(request, "chain_file.html", context, block_name="mapping_preview")


def _step(
    request: Request,
    session: Session,
    contract: Contract,
    user: User,
    waiting: tuple[PendingImport, bytes],
    form: MappingForm | None,
) -> MappingStep:
    pending, data = waiting
    return mapping_step(
        session=session,
        contract=contract,
        user=user,
        filename=pending.filename,
        data=data,
        form=form,
        lang=request_language(request),
        limits=_limits(request),
    )


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
