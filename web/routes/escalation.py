"""A contract's escalation ladder: the buyer side records a step with a plain form on the contract page.

Another organisation's contract answers 404 (as everywhere), the contract's supplier 403: the supplier
sees the ladder on the contract page but records nothing. The form is multipart: files may be attached
to the step (web.services.attachments checks each). A refused step answers 400 with the section on a page
of its own, the errors by field, and keeps nothing; a recorded one goes back to the contract page.
"""

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from models import Contract, User
from web.clock import Today
from web.deps import CurrentUser, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.limits import body_limit, upload_limit
from web.messages import web_text
from web.routes.attachments import upload_store
from web.security import CSRF_FIELD, csrf_valid
from web.services.attachments import MAX_STEP_FILES, limit_text, read_upload
from web.services.errors import FormInvalid
from web.services.escalation import escalation_view, may_escalate, record_step
from web.templating import templates

router = APIRouter()


def _refused(
    request: Request,
    session: Session,
    user: User,
    contract: Contract,
    form: dict[str, str],
    errors: dict[str, str],
) -> Response:
    context: dict[str, Any] = {
        "contract": contract,
        "escalation": escalation_view(session=session, contract=contract, user=user),
        "escalation_form": form,
        "escalation_errors": errors,
    }
    return templates.TemplateResponse(request, "contract_escalation_page.html", context, status_code=400)


@router.post("/contracts/{contract_id}/escalation", response_class=HTMLResponse)
@body_limit(lambda settings: upload_limit(MAX_STEP_FILES, settings.upload_max_bytes))
def record_escalation_step(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    contract_id: DbId,
    step: Annotated[str, Form(max_length=100)] = "",
    effective_on: Annotated[str, Form(max_length=100)] = "",
    reason: Annotated[str, Form(max_length=10_000)] = "",
    attachments: Annotated[list[UploadFile] | None, File()] = None,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    contract = party_contract(session, user, contract_id, may=may_escalate)
    lang = request_language(request)
    form = {"step": step, "effective_on": effective_on, "reason": reason}
    if not csrf_valid(request, csrf_token):
        return _refused(request, session, user, contract, form, {"form": web_text("error.csrf", lang)})
    store = upload_store(request)
    files = [
        read_upload(upload.file, filename=upload.filename or "", store=store)
        for upload in attachments or []
        if upload.filename or upload.size  # a file input left empty sends a part without name or bytes
    ]
    try:
        record_step(
            session=session,
            contract=contract,
            user=user,
            step=step,
            on=effective_on,
            reason=reason,
            today=today,
            files=files,
            store=store,
        )
    except FormInvalid as invalid:
        limit = limit_text(store.max_bytes, lang)
        errors = {
            field: web_text(key, lang, limit=limit, **invalid.params) for field, key in invalid.errors.items()
        }
        return _refused(request, session, user, contract, form, errors)
    return RedirectResponse(f"/contracts/{contract_id}#escalation", status_code=303)
