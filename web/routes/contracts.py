"""Contracts: the list, a buyer's new contract, a contract's page with the goods its CPV codes involve and
where those goods carry known risks, and the search-as-you-type CPV look-up.

Every page needs a login and every query is scoped to the user's organisation (web.services.contracts):
another organisation's contract answers 404, as if it did not exist.
"""

from typing import Annotated, Any, Final

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from chainmap.reference import load_cpv_goods, load_reference
from models import ReportingSchedule, User
from web.clock import Today
from web.deps import CurrentUser, Forbidden, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.messages import web_text
from web.security import CSRF_FIELD, csrf_valid
from web.services.chains import chain_overview
from web.services.contracts import (
    ContractForm,
    ContractInvalid,
    cpv_codes,
    create_contract,
    may_create_contracts,
    organisation_names,
    reporting_view,
    supplier_choices,
    visible_contracts,
)
from web.services.cpv import cpv_goods_view, cpv_options
from web.services.escalation import current_steps, escalation_view
from web.services.invitations import invitations_view
from web.services.plan import plan_summary
from web.services.progress_reports import report_states
from web.services.public_summary import may_publish
from web.templating import is_htmx, templates

router = APIRouter()

CPV_FIELDS_SHOWN: Final = 3


def _page(request: Request, name: str, context: dict[str, Any], **kwargs: Any) -> Response:
    return templates.TemplateResponse(request, name, context, **kwargs)


@router.get("/contracts", response_class=HTMLResponse)
def contract_list(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    contracts = visible_contracts(session=session, user=user)
    ids = [contract.id for contract in contracts if contract.id is not None]
    organisations = {contract.buyer_organisation_id for contract in contracts} | {
        contract.supplier_organisation_id for contract in contracts if contract.supplier_organisation_id
    }
    context = {
        "contracts": contracts,
        "cpv_codes": cpv_codes(session=session, contract_ids=ids),
        "names": organisation_names(session=session, ids=organisations),
        "may_create": may_create_contracts(session=session, user=user),
        "escalation_steps": current_steps(session=session, contract_ids=ids),
    }
    return _page(request, "contracts.html", context)


def _require_buyer(session: SessionDep, user: User) -> None:
    if not may_create_contracts(session=session, user=user):
        raise Forbidden


def _form_page(
    request: Request,
    session: SessionDep,
    user: User,
    form: ContractForm,
    errors: dict[str, str],
    *,
    status_code: int = 200,
) -> Response:
    cpv_values = [*form.cpv, *[""] * CPV_FIELDS_SHOWN][: max(CPV_FIELDS_SHOWN, len(form.cpv) + 1)]
    context = {
        "form": form,
        "cpv_values": cpv_values,
        "errors": errors,
        "schedules": [schedule.value for schedule in ReportingSchedule],
        "suppliers": supplier_choices(session=session, user=user),
    }
    # A plain form: htmx does not swap in a 400 answer, and the page with its errors is what the buyer needs.
    return _page(request, "contract_new.html", context, status_code=status_code)


@router.get("/contracts/new", response_class=HTMLResponse)
def new_contract_page(request: Request, session: SessionDep, user: CurrentUser) -> Response:
    _require_buyer(session, user)
    return _form_page(request, session, user, ContractForm(reporting_schedule="yearly"), {})


@router.post("/contracts/new", response_class=HTMLResponse)
def new_contract(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    title: Annotated[str, Form(max_length=1000)] = "",
    reference: Annotated[str, Form(max_length=1000)] = "",
    cpv: Annotated[list[str] | None, Form()] = None,
    start_date: Annotated[str, Form(max_length=100)] = "",
    end_date: Annotated[str, Form(max_length=100)] = "",
    reporting_schedule: Annotated[str, Form(max_length=100)] = "",
    supplier_id: Annotated[str, Form(max_length=100)] = "",
    supplier_name: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    _require_buyer(session, user)
    lang = request_language(request)
    form = ContractForm(
        title=title,
        reference=reference,
        cpv=[code for code in (cpv or []) if code.strip()][:50],
        start_date=start_date,
        end_date=end_date,
        reporting_schedule=reporting_schedule,
        supplier_id=supplier_id,
        supplier_name=supplier_name,
    )
    if not csrf_valid(request, csrf_token):
        errors = {"form": web_text("error.csrf", lang)}
        return _form_page(request, session, user, form, errors, status_code=400)
    try:
        contract = create_contract(session=session, user=user, form=form, reference=load_reference())
    except ContractInvalid as invalid:
        errors = {name: web_text(key, lang, **params) for name, (key, params) in invalid.errors.items()}
        return _form_page(request, session, user, form, errors, status_code=400)
    return RedirectResponse(f"/contracts/{contract.id}", status_code=303)


@router.get("/contracts/cpv-options", response_class=HTMLResponse)
def contract_cpv_options(
    request: Request,
    _user: CurrentUser,
    q: Annotated[str, Query(max_length=200)] = "",
    cpv: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """The CPV codes that start with the typed digits or whose label in the page's language contains the
    typed words (`q`, or `cpv` as a form's CPV field sends it), as <option>s with code and label."""
    lang = request_language(request)
    options = cpv_options(q or cpv, lang=lang, reference=load_reference())
    return templates.TemplateResponse(request, "cpv_options.html", {"options": options})


@router.get("/contracts/{contract_id}", response_class=HTMLResponse)
def contract_page(
    request: Request, session: SessionDep, user: CurrentUser, today: Today, contract_id: DbId
) -> Response:
    contract = party_contract(session, user, contract_id)
    lang = request_language(request)
    assert contract.id is not None  # noqa: S101 - a stored contract
    codes = cpv_codes(session=session, contract_ids=[contract.id])[contract.id]
    reference, table = load_reference(), load_cpv_goods()
    ids = {contract.buyer_organisation_id} | (
        {contract.supplier_organisation_id} if contract.supplier_organisation_id else set()
    )
    context = {
        "contract": contract,
        "names": organisation_names(session=session, ids=ids),
        "cpv_views": [
            cpv_goods_view(code, lang=lang, reference=reference, cpv_goods=table) for code in codes
        ],
        "chain": chain_overview(session=session, contract=contract, user=user),
        "invitations": invitations_view(session=session, contract=contract, user=user),
        "reporting": reporting_view(contract=contract, today=today),
        "report_states": report_states(session=session, contract=contract, today=today),
        "escalation": escalation_view(session=session, contract=contract, user=user),
        "plan": plan_summary(session=session, contract=contract, today=today, reference=reference),
        "may_publish": may_publish(user=user, contract=contract),
    }
    block = "goods" if is_htmx(request) else None
    return _page(request, "contract.html", context, block_name=block)
