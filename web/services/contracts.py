"""Contracts: who sees which, and creating one from a buyer's form.

Who sees a contract: the users of its buyer organisation with the role buyer or contract manager, and
the users of its supplier organisation with the role supplier. Nobody else, the admin included: the admin
sets up organisations and accounts, and contracts are the business of the organisations party to them.
Every query here is scoped this way, so a contract of another organisation is simply not found.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Final

from sqlalchemy import ColumnElement
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from chainmap.monitoring import REPORT_GRACE_DAYS, ReportingPeriod, reporting_periods
from chainmap.reference import ReferenceData
from models import (
    Contract,
    ContractCpv,
    ContractStatus,
    Organisation,
    OrganisationKind,
    ReportingSchedule,
    Role,
    User,
)
from web.services.cpv import resolve_cpv

BUYER_SIDE: Final = (Role.BUYER, Role.CONTRACT_MANAGER)
MAX_CPV_CODES: Final = 20


class ContractInvalid(ValueError):
    """The form is refused as a whole; `errors` maps a field to (text key, parameters)."""

    def __init__(self, errors: dict[str, tuple[str, dict[str, object]]]) -> None:
        super().__init__(", ".join(f"{name}: {key}" for name, (key, _) in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class ContractForm:
    """The new-contract form as typed; every field a string, as the browser sends it."""

    title: str = ""
    reference: str = ""
    cpv: list[str] = field(default_factory=list)
    start_date: str = ""
    end_date: str = ""
    reporting_schedule: str = ""
    supplier_id: str = ""
    supplier_name: str = ""


def _visible_to(user: User) -> ColumnElement[bool] | None:
    """The condition for the contracts `user` may see, or None when it may see none."""
    if user.organisation_id is None:
        return None
    if user.role in BUYER_SIDE:
        return col(Contract.buyer_organisation_id) == user.organisation_id
    if user.role is Role.SUPPLIER:
        return col(Contract.supplier_organisation_id) == user.organisation_id
    return None


def on_buyer_side(*, user: User, contract: Contract) -> bool:
    """Whether `user` is a buyer or contract manager of the contract's buyer organisation: the side that
    reviews its chain, invites its supplier and records escalation steps."""
    return (
        user.role in BUYER_SIDE
        and user.organisation_id is not None
        and user.organisation_id == contract.buyer_organisation_id
    )


def may_create_contracts(*, session: Session, user: User) -> bool:
    """Buyers of a buyer organisation create contracts; contract managers and suppliers only read them."""
    if user.role is not Role.BUYER or user.organisation_id is None:
        return False
    organisation = session.get(Organisation, user.organisation_id)
    return organisation is not None and organisation.kind is OrganisationKind.BUYER


def visible_contracts(*, session: Session, user: User) -> list[Contract]:
    """The contracts `user` may see, newest first."""
    condition = _visible_to(user)
    if condition is None:
        return []
    query = (
        select(Contract).where(condition).order_by(col(Contract.created_at).desc(), col(Contract.id).desc())
    )
    return list(session.exec(query))


def contract_for(*, session: Session, user: User, contract_id: int) -> Contract | None:
    """The contract with this id if `user` may see it; otherwise None, as if it did not exist."""
    condition = _visible_to(user)
    if condition is None:
        return None
    return session.exec(select(Contract).where(Contract.id == contract_id, condition)).first()


def cpv_codes(*, session: Session, contract_ids: list[int]) -> dict[int, list[str]]:
    """The CPV codes of each of these contracts, by code."""
    codes: dict[int, list[str]] = {contract_id: [] for contract_id in contract_ids}
    if not contract_ids:
        return codes
    query = (
        select(ContractCpv)
        .where(col(ContractCpv.contract_id).in_(contract_ids))
        .order_by(col(ContractCpv.contract_id), col(ContractCpv.code))
    )
    for row in session.exec(query):
        codes[row.contract_id].append(row.code)
    return codes


def organisation_names(*, session: Session, ids: set[int]) -> dict[int, str]:
    """The names of these organisations, by id."""
    if not ids:
        return {}
    rows = session.exec(select(Organisation).where(col(Organisation.id).in_(ids)))
    return {row.id: row.name for row in rows if row.id is not None}


def supplier_choices(*, session: Session, user: User) -> list[Organisation]:
    """The supplier organisations a buyer may pick: those on its organisation's contracts, by name. (A
    buyer does not see every supplier registered with chainmap; a new one is added by name.)"""
    if not may_create_contracts(session=session, user=user):
        return []
    query = (
        select(Organisation)
        .join(Contract, col(Contract.supplier_organisation_id) == col(Organisation.id))
        .where(Contract.buyer_organisation_id == user.organisation_id)
        .distinct()
        .order_by(col(Organisation.name))
    )
    return list(session.exec(query))


@dataclass(frozen=True)
class ReportingView:
    """The contract's reporting periods over its term (chainmap.monitoring) and the next report due."""

    periods: list[ReportingPeriod]
    next_due: ReportingPeriod | None
    grace_days: int = REPORT_GRACE_DAYS


def reporting_view(*, contract: Contract, today: date) -> ReportingView:
    """The reporting periods of the contract's schedule, and the first whose report is due today or later."""
    periods = reporting_periods(
        start=contract.start_date, end=contract.end_date, schedule=contract.reporting_schedule
    )
    return ReportingView(periods=periods, next_due=next((p for p in periods if p.due >= today), None))


def _date(text: str, name: str, errors: dict[str, tuple[str, dict[str, object]]]) -> date | None:
    if not text.strip():
        errors[name] = ("contract.error.required", {})
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        errors[name] = ("contract.error.date", {"value": text.strip()})
        return None


def create_contract(
    *, session: Session, user: User, form: ContractForm, reference: ReferenceData
) -> Contract:
    """A new contract of the user's organisation from the form, with status "no chain"; all or nothing.

    Raises PermissionError when the user may not create contracts and ContractInvalid with every problem
    by field. The supplier is one of `supplier_choices`, a new supplier organisation by name (always new,
    whatever other organisations are called), or none yet.
    """
    if not may_create_contracts(session=session, user=user) or user.organisation_id is None:
        raise PermissionError("only a buyer of an organisation creates contracts")
    buyer_id = user.organisation_id
    errors: dict[str, tuple[str, dict[str, object]]] = {}
    title, reference_text = form.title.strip(), form.reference.strip()
    for name, value, limit in (("title", title, 200), ("reference", reference_text, 100)):
        if not value:
            errors[name] = ("contract.error.required", {})
        elif len(value) > limit:
            errors[name] = ("contract.error.too_long", {"limit": limit})
    if (
        "reference" not in errors
        and session.exec(
            select(Contract.id).where(
                Contract.buyer_organisation_id == buyer_id, Contract.reference == reference_text
            )
        ).first()
    ):
        errors["reference"] = ("contract.error.reference_taken", {"value": reference_text})

    typed = [text.strip() for text in form.cpv if text.strip()]
    codes: list[str] = []
    unknown: list[str] = []
    for text in typed:
        cpv = resolve_cpv(text.split(" ")[0], reference=reference)
        if cpv is None:
            unknown.append(text)
        elif cpv.code not in codes:
            codes.append(cpv.code)
    if unknown:
        errors["cpv"] = ("contract.error.cpv_unknown", {"value": ", ".join(unknown)})
    elif not codes:
        errors["cpv"] = ("contract.error.cpv_required", {})
    elif len(codes) > MAX_CPV_CODES:
        errors["cpv"] = ("contract.error.cpv_too_many", {"limit": MAX_CPV_CODES})

    start = _date(form.start_date, "start_date", errors)
    end = _date(form.end_date, "end_date", errors)
    if start is not None and end is not None and end < start:
        errors["end_date"] = ("contract.error.end_before_start", {})

    try:
        schedule = ReportingSchedule(form.reporting_schedule)
    except ValueError:
        errors["reporting_schedule"] = ("contract.error.schedule", {})

    supplier: Organisation | None = None
    supplier_name = form.supplier_name.strip()
    if form.supplier_id.strip() and supplier_name:
        errors["supplier"] = ("contract.error.supplier_both", {})
    elif form.supplier_id.strip():
        choices = {str(org.id): org for org in supplier_choices(session=session, user=user)}
        supplier = choices.get(form.supplier_id.strip())
        if supplier is None:
            errors["supplier"] = ("contract.error.supplier_unknown", {})
    elif len(supplier_name) > 200:
        errors["supplier"] = ("contract.error.too_long", {"limit": 200})
    elif supplier_name:
        # Always a new organisation, even when one of this name exists: a typed name must never attach
        # an organisation this buyer does not already work with (that one is picked by `supplier_id`).
        supplier = Organisation(name=supplier_name, kind=OrganisationKind.SUPPLIER)

    if errors or start is None or end is None:
        raise ContractInvalid(errors)
    if supplier is not None and supplier.id is None:
        session.add(supplier)
        session.flush()
    contract = Contract(
        title=title,
        reference=reference_text,
        start_date=start,
        end_date=end,
        reporting_schedule=schedule,
        buyer_organisation_id=buyer_id,
        supplier_organisation_id=supplier.id if supplier else None,
        status=ContractStatus.NO_CHAIN,
    )
    session.add(contract)
    try:
        session.flush()
        assert contract.id is not None  # noqa: S101 - set by the flush
        session.add_all(ContractCpv(contract_id=contract.id, code=code) for code in codes)
        session.commit()
    except IntegrityError:  # the same reference saved by another request in the meantime
        session.rollback()
        raise ContractInvalid(
            {"reference": ("contract.error.reference_taken", {"value": reference_text})}
        ) from None
    session.refresh(contract)
    return contract
