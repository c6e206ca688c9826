"""A contract's timeline: what was done on it, by whom and when, read from the audit log; both parties
see it, anyone else gets 404."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from web.deps import CurrentUser, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.services.timeline import timeline
from web.templating import templates

router = APIRouter()


@router.get("/contracts/{contract_id}/timeline", response_class=HTMLResponse)
def contract_timeline(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId
) -> Response:
    contract = party_contract(session, user, contract_id)
    assert contract.id is not None  # noqa: S101 - a stored contract
    entries = timeline(session=session, contract_id=contract.id, lang=request_language(request))
    return templates.TemplateResponse(request, "timeline.html", {"contract": contract, "entries": entries})
