"""The supplier's chain form: the draft's sites in a table of 50 rows a page, searched, filtered and
sorted through the URL and edited in place with htmx, the command line's messages next to each field,
a risk preview of the draft, and submitting it as a version.

Only the contract's supplier users reach the draft: a party to the contract who may not edit it (the
buyer side) gets 403, anyone else 404, as for the contract itself; a row is looked up through its
contract, so a row id of another contract answers 404 too.

A change answers with the changed row and, out of band, every other row of the supplier's page whose
number or messages changed with it (one row can change the messages of others: an id that other rows
name in "supplies to", shares that add up per customer, the contractor) and the draft's counts, never
the whole table (`web.services.chain_form` says why validating the whole draft again is fast enough).
The save and remove buttons carry the page's query, so the answer is for the rows the supplier sees.
The preview of a small draft follows each change (the htmx event "chain-changed"); a large one's says
it is out of date and is brought up to date on request, since its analysis takes about half a second.
"""

import secrets
from dataclasses import replace
from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from chainmap.activities import ACTIVITY_LABELS
from chainmap.chain import COLUMNS
from chainmap.findings import Finding
from chainmap.reference import load_reference
from chainmap.themes import Lang
from models import ChainDraftRow, Contract, User
from web.deps import CurrentUser, SessionDep, party_contract
from web.formatting import number_text
from web.i18n import request_language
from web.ids import DbId
from web.messages import web_text
from web.security import CSRF_FIELD, CSRF_HEADER, csrf_valid
from web.services.chain_form import (
    CELL_LIMITS,
    GROUP_LISTED,
    LIVE_PREVIEW_SITES,
    SORTS,
    DraftSite,
    DraftState,
    DraftTable,
    SiteCells,
    SiteRefused,
    SiteView,
    add_site,
    cached_preview,
    change_site,
    changed_sites,
    draft_row,
    draft_site,
    draft_state,
    draft_table,
    remove_site,
    site_view,
    table_request,
)
from web.services.chains import ChainRefused, may_edit_chain, review_of, submit_draft, user_names, versions
from web.templating import is_htmx, templates

router = APIRouter()

TEMPLATE: Final = "chain_form.html"
CHANGED: Final = {"HX-Trigger": "chain-changed"}
# Cells longer than this are cut off before anything else (the service gives the real limit's message).
CELL_RECEIVED: Final = 20_000
# The revision field is a number of at most this many digits; anything else is not a revision.
REVISION_DIGITS: Final = 10

Cell = Annotated[str, Form(max_length=CELL_RECEIVED)]
Revision = Annotated[str, Form(max_length=REVISION_DIGITS + 1)]


def typed_cells(
    id: Cell = "",
    name: Cell = "",
    country: Cell = "",
    activity: Cell = "",
    goods: Cell = "",
    supplies_to: Cell = "",
    share: Cell = "",
    region: Cell = "",
) -> SiteCells:
    """A site's cells as its row of inputs sends them (named as the chain format's columns)."""
    return SiteCells.typed(
        id=id,
        name=name,
        country=country,
        activity=activity,
        goods=goods,
        supplies_to=supplies_to,
        share=share,
        region=region,
    )


TypedCells = Annotated[SiteCells, Depends(typed_cells)]


def _editable_contract(session: Session, user: User, contract_id: int) -> Contract:
    """The contract whose draft `user` edits: 404 when they may not see it, 403 when they may see but
    not edit it."""
    return party_contract(session, user, contract_id, may=may_edit_chain)


def _row_or_404(session: Session, contract: Contract, row_id: int) -> ChainDraftRow:
    row = draft_row(session=session, contract=contract, row_id=row_id)
    if row is None:
        raise HTTPException(status_code=404)
    return row


def _csrf_or_400(request: Request, lang: Lang, sent: str = "") -> None:
    if not csrf_valid(request, sent or request.headers.get(CSRF_HEADER)):
        raise HTTPException(status_code=400, detail=web_text("error.csrf", lang))


def _state(session: Session, contract: Contract, edited: tuple[DraftSite, ...] = ()) -> DraftState:
    return draft_state(session=session, contract=contract, reference=load_reference(), edited=edited)


def _table(request: Request, state: DraftState) -> DraftTable:
    """The page of the table that the request's query (the page's own, for a change) asks for."""
    asked = table_request(request.query_params, state=state)
    return draft_table(state, asked, reference=load_reference(), lang=request_language(request))


def _site(request: Request, state: DraftState, row_id: int, *, editing: bool = False) -> SiteView:
    site = site_view(
        state, row_id, reference=load_reference(), lang=request_language(request), editing=editing
    )
    if site is None:  # removed between the row's look-up and the draft's
        raise HTTPException(status_code=404)
    return site


def _new_site(cells: SiteCells | None = None, problems: dict[str, str] | None = None) -> SiteView:
    """A site not saved yet, as inputs; its key keeps the ids of its inputs apart from other rows'."""
    return SiteView(
        row_id=None,
        number=None,
        cells=cells or SiteCells(),
        editing=True,
        problems=problems or {},
        key=f"new-{secrets.token_hex(4)}",
    )


def _context(request: Request, contract: Contract, table: DraftTable | None, **extra: Any) -> dict[str, Any]:
    """What every block of the page needs: the contract, the table's page and the column vocabulary."""
    lang = request_language(request)
    return {
        "contract": contract,
        "table": table,
        "table_query": table.request.query_string() if table else request.url.query,
        "sites": table.sites if table else 0,
        "columns": COLUMNS,
        "sorts": SORTS,
        "limits": CELL_LIMITS,
        "group_listed": GROUP_LISTED,
        "activities": [labels[lang] for labels in ACTIVITY_LABELS.values()],
        "changed": [],
        **extra,
    }


def _problem_texts(refused: SiteRefused, lang: Lang) -> dict[str, str]:
    """The refusal's texts by column, numbers in them written as the page's language writes them."""
    return {
        column: web_text(
            key,
            lang,
            **{
                name: number_text(value, lang) if isinstance(value, int) else value
                for name, value in params.items()
            },
        )
        for column, (key, params) in refused.problems.items()
    }


def _row(request: Request, contract: Contract, site: SiteView, **extra: Any) -> Response:
    """One row alone (as text or as inputs), for the row it replaces."""
    context = _context(request, contract, None, site=site, **extra)
    return templates.TemplateResponse(request, TEMPLATE, context, block_name="row")


def _changed(
    request: Request, contract: Contract, before: DraftState, after: DraftState, row_id: int
) -> Response:
    """The answer to a saved change of the site `row_id`: that row as text, out of band every other row
    of the supplier's page that changed and the draft's counts, and the preview's cue."""
    lang = request_language(request)
    reference = load_reference()
    shown = [site.row_id for site in _table(request, before).page.rows if site.row_id not in (None, row_id)]
    changed = changed_sites(
        before, after, (i for i in shown if i is not None), reference=reference, lang=lang
    )
    large = len(after.sites) > LIVE_PREVIEW_SITES
    context = _context(
        request,
        contract,
        _table(request, after),
        site=_site(request, after, row_id),
        changed=changed,
        summary=True,
        preview_stale=large,
    )
    headers = None if large else CHANGED
    return templates.TemplateResponse(request, TEMPLATE, context, block_name="row", headers=headers)


def _whole_table(
    request: Request, contract: Contract, state: DraftState, *, changed: bool, push: bool = False
) -> Response:
    """The table block: the summary, the filters, the page of rows and the pager; with `push` the
    browser's address becomes the table's own URL (without the empty fields a filter form sends)."""
    table = _table(request, state)
    context = _context(request, contract, table)
    large = len(state.sites) > LIVE_PREVIEW_SITES
    headers = dict(CHANGED) if changed and not large else {}
    if push:
        query = table.request.query_string()
        headers["HX-Push-Url"] = f"/contracts/{contract.id}/chain" + (f"?{query}" if query else "")
    return templates.TemplateResponse(request, TEMPLATE, context, block_name="table", headers=headers)


def _page(
    request: Request,
    session: Session,
    contract: Contract,
    *,
    refused: list[Finding] | None = None,
    submit_problem: str = "",
) -> Response:
    """The whole page; after a refused submit with the blocking findings or the problem, answering 400.
    The preview of a large draft is asked for by the page once it is shown, unless it is at hand."""
    lang = request_language(request)
    state = _state(session, contract)
    assert contract.id is not None  # noqa: S101 - a stored contract
    submitted = versions(session=session, contract_id=contract.id)
    latest = submitted[0] if submitted else None
    review = review_of(session=session, version_id=latest.id) if latest and latest.id else None
    names = user_names(
        session=session,
        ids=({latest.submitted_by_user_id} if latest else set())
        | ({review.decided_by_user_id} if review else set()),
    )
    later = len(state.sites) > LIVE_PREVIEW_SITES
    context = _context(
        request,
        contract,
        _table(request, state),
        latest=latest,
        review=review,
        names=names,
        preview=None
        if later
        else cached_preview(
            session=session, contract=contract, state=state, reference=load_reference(), lang=lang
        ),
        preview_later=later,
        refused=refused or [],
        submit_problem=submit_problem,
    )
    status_code = 400 if refused or submit_problem else 200
    return templates.TemplateResponse(request, TEMPLATE, context, status_code=status_code)


@router.get("/contracts/{contract_id}/chain", response_class=HTMLResponse)
def chain_form_page(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """The chain form with a page of the draft's table, its messages, the risk preview and the submit
    button; htmx paging, searching and filtering gets the table alone."""
    contract = _editable_contract(session, user, contract_id)
    if is_htmx(request):
        return _whole_table(request, contract, _state(session, contract), changed=False, push=True)
    return _page(request, session, contract)


@router.get("/contracts/{contract_id}/chain/table", response_class=HTMLResponse)
def chain_table(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """The table alone, as saved (what Cancel of a new site shows)."""
    contract = _editable_contract(session, user, contract_id)
    return _whole_table(request, contract, _state(session, contract), changed=False)


@router.get("/contracts/{contract_id}/chain/preview", response_class=HTMLResponse)
def chain_preview(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """The risk preview of the draft: top hotspots and structure, or what to fix first."""
    contract = _editable_contract(session, user, contract_id)
    state = _state(session, contract)
    lang = request_language(request)
    preview = cached_preview(
        session=session, contract=contract, state=state, reference=load_reference(), lang=lang
    )
    context = _context(request, contract, None, preview=preview, sites=len(state.sites))
    return templates.TemplateResponse(request, TEMPLATE, context, block_name="preview")


@router.get("/contracts/{contract_id}/chain/rows/new", response_class=HTMLResponse)
def new_site_row(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """An empty row of inputs for a new site, appended to the table."""
    contract = _editable_contract(session, user, contract_id)
    return _row(request, contract, _new_site())


@router.post("/contracts/{contract_id}/chain/rows", response_class=HTMLResponse)
def create_site(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    cells: TypedCells,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Save a new site at the end of the draft and show it in place of its inputs; a refused one stays
    as inputs with its messages."""
    contract = _editable_contract(session, user, contract_id)
    lang = request_language(request)
    _csrf_or_400(request, lang, csrf_token)
    before = _state(session, contract)
    try:
        row = add_site(
            session=session, contract=contract, cells=cells, max_sites=request.app.state.settings.max_sites
        )
    except SiteRefused as refused:
        session.rollback()
        problems = _problem_texts(refused, lang)
        problems.setdefault("form", web_text("chain_form.not_saved", lang))
        return _row(request, contract, _new_site(cells, problems))
    after = _state(session, contract, (draft_site(row),))
    assert row.id is not None  # noqa: S101 - a stored row
    return _changed(request, contract, before, after, row.id)


@router.get("/contracts/{contract_id}/chain/rows/{row_id}", response_class=HTMLResponse)
def site_row(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, row_id: DbId
) -> Response:
    """The site's row as text, as saved (what Cancel of an edit shows)."""
    contract = _editable_contract(session, user, contract_id)
    _row_or_404(session, contract, row_id)
    return _row(request, contract, _site(request, _state(session, contract), row_id))


@router.get("/contracts/{contract_id}/chain/rows/{row_id}/edit", response_class=HTMLResponse)
def edit_site_row(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, row_id: DbId
) -> Response:
    """The site's row as inputs, with its messages and the revision they change."""
    contract = _editable_contract(session, user, contract_id)
    _row_or_404(session, contract, row_id)
    return _row(request, contract, _site(request, _state(session, contract), row_id, editing=True))


def _revision(text: str) -> int | None:
    """The revision a row of inputs sends, None when it sends none (a client without the field)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= REVISION_DIGITS else None


@router.put("/contracts/{contract_id}/chain/rows/{row_id}", response_class=HTMLResponse)
def save_site(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    row_id: DbId,
    cells: TypedCells,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
    revision: Revision = "",
) -> Response:
    """Save the site's cells and answer with the changed rows and counts; a refused save keeps the row
    as inputs, with the stored revision when someone else changed the site meanwhile."""
    contract = _editable_contract(session, user, contract_id)
    row = _row_or_404(session, contract, row_id)
    lang = request_language(request)
    _csrf_or_400(request, lang, csrf_token)
    before = _state(session, contract)
    try:
        change_site(session=session, contract=contract, row=row, cells=cells, revision=_revision(revision))
    except LookupError:
        raise HTTPException(status_code=404) from None
    except SiteRefused as refused:
        session.rollback()
        problems = _problem_texts(refused, lang)
        problems.setdefault("form", web_text("chain_form.not_saved", lang))
        stored = _site(request, _state(session, contract), row_id)
        return _row(request, contract, replace(stored, cells=cells, editing=True, problems=problems))
    after = _state(session, contract, (draft_site(row),))
    return _changed(request, contract, before, after, row_id)


@router.delete("/contracts/{contract_id}/chain/rows/{row_id}", response_class=HTMLResponse)
def delete_site(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, row_id: DbId
) -> Response:
    """Remove the site; the rows after it move up, and the page of the table comes back renumbered."""
    contract = _editable_contract(session, user, contract_id)
    row = _row_or_404(session, contract, row_id)
    _csrf_or_400(request, request_language(request))
    remove_site(session=session, contract=contract, row=row)
    return _whole_table(request, contract, _state(session, contract), changed=True)


@router.post("/contracts/{contract_id}/chain/submit", response_class=HTMLResponse)
def submit_chain(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Submit the draft as the contract's next version and go to the contract; a draft with errors is
    refused with its blocking findings and nothing is stored."""
    contract = _editable_contract(session, user, contract_id)
    if not csrf_valid(request, csrf_token):
        return _page(
            request, session, contract, submit_problem=web_text("error.csrf", request_language(request))
        )
    try:
        submit_draft(session=session, contract=contract, user=user, reference=load_reference())
    except ChainRefused as refused:
        session.rollback()
        return _page(request, session, contract, refused=refused.findings)
    return RedirectResponse(f"/contracts/{contract.id}", status_code=303)
