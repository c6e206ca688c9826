"""Contracts for web tests."""

from datetime import date

from sqlmodel import Session

from models import Contract, ContractCpv, ContractStatus, OrganisationKind, ReportingSchedule
from web.services.users import organisation_named


def make_contract(
    session: Session,
    *,
    buyer: str = "Gemeente Testdorp",
    supplier: str | None = "Werkkleding BV",
    title: str = "Werkkleding buitendienst",
    reference: str = "WK-2027-01",
    cpv_codes: tuple[str, ...] = ("18100000-0",),
    start_date: date = date(2027, 1, 1),
    end_date: date = date(2028, 12, 31),
    schedule: ReportingSchedule = ReportingSchedule.YEARLY,
    status: ContractStatus = ContractStatus.NO_CHAIN,
) -> Contract:
    """A stored contract between a buyer and a supplier organisation (made when they do not exist)."""
    buyer_id = organisation_named(session=session, name=buyer, kind=OrganisationKind.BUYER).id
    supplier_id = (
        organisation_named(session=session, name=supplier, kind=OrganisationKind.SUPPLIER).id
        if supplier is not None
        else None
    )
    assert buyer_id is not None
    contract = Contract(
        title=title,
        reference=reference,
        start_date=start_date,
        end_date=end_date,
        reporting_schedule=schedule,
        buyer_organisation_id=buyer_id,
        supplier_organisation_id=supplier_id,
        status=status,
    )
    session.add(contract)
    session.flush()
    assert contract.id is not None
    session.add_all(ContractCpv(contract_id=contract.id, code=code) for code in cpv_codes)
    session.commit()
    session.refresh(contract)
    return contract
