"""The supplier's chain form: the draft's sites in a table edited in place with htmx, the command line's
messages next to each field, a live risk preview of the draft, and submitting it as a version.

Only the contract's supplier users reach the draft: a party to the contract who may not edit it (the
buyer side) gets 403, anyone else 404, as for the contract itself; a row is looked up through its
contract, so a row id of another contract answers 404 too.

Every change answers with the whole table, not just the changed row: one row can change the messages of
others (an id that other rows name in "supplies to", shares that add up per customer, the contractor),
and a table of a few hundred rows renders in milliseconds. The answer carries the htmx event
"chain-changed", on which the preview reloads itself.
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
from chainmap.validation import BuiltChain, build_chain
from models import ChainDraftRow, Contract, User
from web.deps import CurrentUser, SessionDep, party_contract
from web.formatting import number_text
from web.i18n import request_language
from web.ids import DbId
from web.messages import web_text
from web.security import CSRF_FIELD, CSRF_HEADER, csrf_valid
from web.services.chain_form import (
    CELL_LIMITS,
    DraftView,
    SiteCells,
    SiteRefused,
    SiteView,
    add_site,
    change_site,
    draft_preview,
    draft_row,
    draft_view,
    remove_site,
)
from web.services.chains import (
    ChainRefused,
    as_chain_rows,
    draft_rows,
    may_edit_chain,
    review_of,
    submit_draft,
    user_names,
    versions,
)
from web.templating import templates

router = APIRouter()

TEMPLATE: Final = "chain_form.html"
CHANGED: Final = {"HX-Trigger": "chain-changed"}
# Cells longer than this are cut off before anything else (the service gives the real limit's message).
CELL_RECEIVED: Final = 20_000

Cell = Annotated[str, Form(max_length=CELL_RECEIVED)]


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


def _draft(session: Session, contract: Contract, lang: Lang) -> tuple[DraftView, BuiltChain]:
    assert contract.id is not None  # noqa: S101 - a stored contract
    rows = draft_rows(session=session, contract_id=contract.id)
    reference = load_reference()
    built = build_chain(as_chain_rows(rows), reference=reference)
    return draft_view(rows=rows, built=built, reference=reference, lang=lang), built


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


def _context(
    session: Session, contract: Contract, lang: Lang, view: DraftView, **extra: Any
) -> dict[str, Any]:
    """What every block of the page needs: the contract, the draft's table and the column vocabulary."""
    return {
        "contract": contract,
        "view": view,
        "sites": view.sites,
        "columns": COLUMNS,
        "limits": CELL_LIMITS,
        "activities": [labels[lang] for labels in ACTIVITY_LABELS.values()],
        "form_problem": "",
        **extra,
    }


def _table(
    request: Request,
    session: Session,
    contract: Contract,
    *,
    view: DraftView | None = None,
    sites: list[SiteView] | None = None,
    form_problem: str = "",
    changed: bool = True,
) -> Response:
    """The table block: the draft with every message, after a change or to show a refused save (then
    with `sites` as shown, one of them as inputs with its problems, and without the change event)."""
    lang = request_language(request)
    view = view or _draft(session, contract, lang)[0]
    context = _context(session, contract, lang, view, form_problem=form_problem)
    if sites is not None:
        context["sites"] = sites
    headers = CHANGED if changed else None
    return templates.TemplateResponse(request, TEMPLATE, context, block_name="table", headers=headers)


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


def _page(
    request: Request,
    session: Session,
    contract: Contract,
    *,
    refused: list[Finding] | None = None,
    submit_problem: str = "",
) -> Response:
    """The whole page; after a refused submit with the blocking findings or the problem, answering 400."""
    lang = request_language(request)
    view, built = _draft(session, contract, lang)
    assert contract.id is not None  # noqa: S101 - a stored contract
    submitted = versions(session=session, contract_id=contract.id)
    latest = submitted[0] if submitted else None
    review = review_of(session=session, version_id=latest.id) if latest and latest.id else None
    names = user_names(
        session=session,
        ids=({latest.submitted_by_user_id} if latest else set())
        | ({review.decided_by_user_id} if review else set()),
    )
    context = _context(
        session,
        contract,
        lang,
        view,
        latest=latest,
        review=review,
        names=names,
        preview=draft_preview(built=built, reference=load_reference(), lang=lang),
        refused=refused or [],
        submit_problem=submit_problem,
    )
    status_code = 400 if refused or submit_problem else 200
    return templates.TemplateResponse(request, TEMPLATE, context, status_code=status_code)


@router.get("/contracts/{contract_id}/chain", response_class=HTMLResponse)
def chain_form_page(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """The chain form with the draft's table, its messages, the risk preview and the submit button."""
    return _page(request, session, _editable_contract(session, user, contract_id))


@router.get("/contracts/{contract_id}/chain/table", response_class=HTMLResponse)
def chain_table(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """The table alone, as saved (what Cancel shows)."""
    contract = _editable_contract(session, user, contract_id)
    return _table(request, session, contract, changed=False)


@router.get("/contracts/{contract_id}/chain/preview", response_class=HTMLResponse)
def chain_preview(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """The risk preview of the draft: top hotspots and structure, or what to fix first."""
    contract = _editable_contract(session, user, contract_id)
    lang = request_language(request)
    view, built = _draft(session, contract, lang)
    preview = draft_preview(built=built, reference=load_reference(), lang=lang)
    context = _context(session, contract, lang, view, preview=preview)
    return templates.TemplateResponse(request, TEMPLATE, context, block_name="preview")


@router.get("/contracts/{contract_id}/chain/rows/new", response_class=HTMLResponse)
def new_site_row(request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId) -> Response:
    """An empty row of inputs for a new site, appended to the table."""
    contract = _editable_contract(session, user, contract_id)
    context = {"contract": contract, "site": _new_site(), "columns": COLUMNS, "limits": CELL_LIMITS}
    return templates.TemplateResponse(request, TEMPLATE, context, block_name="row")


@router.post("/contracts/{contract_id}/chain/rows", response_class=HTMLResponse)
def create_site(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    cells: TypedCells,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Save a new site at the end of the draft; a refused one stays as inputs with its messages."""
    contract = _editable_contract(session, user, contract_id)
    lang = request_language(request)
    _csrf_or_400(request, lang, csrf_token)
    try:
        add_site(session=session, contract=contract, cells=cells)
    except SiteRefused as refused:
        session.rollback()
        problems = _problem_texts(refused, lang)
        form_problem = problems.pop("form", web_text("chain_form.not_saved", lang))
        view, _built = _draft(session, contract, lang)
        sites = [*view.sites, _new_site(cells, problems)]
        return _table(
            request, session, contract, view=view, sites=sites, form_problem=form_problem, changed=False
        )
    return _table(request, session, contract)


@router.get("/contracts/{contract_id}/chain/rows/{row_id}/edit", response_class=HTMLResponse)
def edit_site_row(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, row_id: DbId
) -> Response:
    """The site's row as inputs, with its messages."""
    contract = _editable_contract(session, user, contract_id)
    _row_or_404(session, contract, row_id)
    lang = request_language(request)
    view, _built = _draft(session, contract, lang)
    site = view.site(row_id)
    if site is None:
        raise HTTPException(status_code=404)
    context = _context(session, contract, lang, view, site=replace(site, editing=True))
    return templates.TemplateResponse(request, TEMPLATE, context, block_name="row")


@router.put("/contracts/{contract_id}/chain/rows/{row_id}", response_class=HTMLResponse)
def save_site(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    row_id: DbId,
    cells: TypedCells,
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """Save the site's cells and answer with the whole table; a refused save keeps the row as inputs."""
    contract = _editable_contract(session, user, contract_id)
    row = _row_or_404(session, contract, row_id)
    lang = request_language(request)
    _csrf_or_400(request, lang, csrf_token)
    try:
        change_site(session=session, contract=contract, row=row, cells=cells)
    except LookupError:
        raise HTTPException(status_code=404) from None
    except SiteRefused as refused:
        session.rollback()
        problems = _problem_texts(refused, lang)
        view, _built = _draft(session, contract, lang)
        sites = [
            replace(site, cells=cells, editing=True, problems=problems) if site.row_id == row_id else site
            for site in view.sites
        ]
        form_problem = web_text("chain_form.not_saved", lang)
        return _table(
            request, session, contract, view=view, sites=sites, form_problem=form_problem, changed=False
        )
    return _table(request, session, contract)


@router.delete("/contracts/{contract_id}/chain/rows/{row_id}", response_class=HTMLResponse)
def delete_site(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, row_id: DbId
) -> Response:
    """Remove the site; the rows after it move up, and the table comes back renumbered."""
    contract = _editable_contract(session, user, contract_id)
    row = _row_or_404(session, contract, row_id)
    _csrf_or_400(request, request_language(request))
    remove_site(session=session, contract=contract, row=row)
    return _table(request, session, contract)


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
