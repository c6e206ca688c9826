"""Evidence on a plan action and the download of any attachment of a contract.

Evidence comes from the supplier: the contract's supplier users add it to an action (the buyer side gets
403), as the proof that the supplier carried out the action; the buyer side judges that proof when it
verifies the action, and attaches its own documents to the escalation steps it records
(web.routes.escalation). Every party to the contract downloads every attachment of it; anyone else gets
404, as for the contract itself, and an attachment of another contract is 404 too.

A download is always a download (Content-Disposition: attachment, with the sanitised name), of the type
found from its content, with `nosniff` so that no browser guesses another, kept from any cache
(`private, no-store`) and with a content security policy that lets nothing in it run.
"""

from typing import Annotated, Final

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from web.clock import Today
from web.deps import CurrentUser, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.limits import body_limit, upload_limit
from web.messages import web_text
from web.routes.plan import action_or_404, action_page_response
from web.security import CSRF_FIELD, csrf_valid
from web.services.attachments import (
    UploadStore,
    add_evidence,
    content_disposition,
    contract_attachment,
    limit_text,
    may_add_evidence,
    read_upload,
)
from web.services.errors import FormInvalid
from web.settings import Settings

router = APIRouter()

DOWNLOAD_HEADERS: Final = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}


def upload_store(request: Request) -> UploadStore:
    """The app's store of attachments, from its settings."""
    settings: Settings = request.app.state.settings
    return UploadStore.from_settings(settings)


@router.post("/contracts/{contract_id}/actions/{action_id}/evidence", response_class=HTMLResponse)
@body_limit(lambda settings: upload_limit(1, settings.upload_max_bytes))
def add_action_evidence(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    action_id: DbId,
    file: Annotated[UploadFile | None, File()] = None,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """A plain form post: back to the action page (303) with the evidence kept, or the page with the
    error (400) and nothing kept."""
    contract = party_contract(session, user, contract_id, may=may_add_evidence)
    action = action_or_404(session, contract, action_id)
    lang = request_language(request)
    if not csrf_valid(request, csrf_token):
        errors = {"form": web_text("error.csrf", lang)}
        return action_page_response(request, session, user, contract, action, today, evidence_errors=errors)
    store = upload_store(request)
    upload = read_upload(file.file, filename=file.filename or "", store=store) if file is not None else None
    try:
        add_evidence(session=session, contract=contract, action=action, user=user, upload=upload, store=store)
    except FormInvalid as invalid:
        limit = limit_text(store.max_bytes, lang)
        errors = {
            field: web_text(key, lang, limit=limit, **invalid.params) for field, key in invalid.errors.items()
        }
        return action_page_response(request, session, user, contract, action, today, evidence_errors=errors)
    return RedirectResponse(f"/contracts/{contract_id}/actions/{action_id}#evidence", status_code=303)


@router.get("/contracts/{contract_id}/attachments/{attachment_id}")
def download_attachment(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, attachment_id: DbId
) -> Response:
    """The attachment's file, to the contract's parties only."""
    contract = party_contract(session, user, contract_id)
    attachment = contract_attachment(session=session, contract=contract, attachment_id=attachment_id)
    if attachment is None:
        raise HTTPException(status_code=404)
    path = upload_store(request).path(attachment)
    if not path.is_file():
        raise HTTPException(status_code=404)
    headers = {**DOWNLOAD_HEADERS, "Content-Disposition": content_disposition(attachment.filename)}
    return FileResponse(path, media_type=attachment.media_type, headers=headers)
