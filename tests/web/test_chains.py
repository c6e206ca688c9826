"""The chain service (web.services.chains): drafts, submitted versions, reviews and the contract status
they give; and the chain section of the contract page, where the supplier sees the buyer's decision."""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from chainmap.reference import load_reference
from models import ChainReview, ChainVersion, Contract, ContractStatus, ReviewDecision, Role, User
from tests.factories.chain_versions import make_version
from tests.factories.chainfiles import garment_rows, make_row
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_contracts import log_in
from web.services import chains
from web.services.chains import (
    ChainRefused,
    ReviewRefused,
    as_chain_rows,
    draft_rows,
    replace_draft,
    review_version,
    submit_draft,
    version_rows,
)


@dataclass(frozen=True)
class Parties:
    contract: Contract
    supplier: User
    buyer: User
    manager: User


@pytest.fixture
def parties(session: Session) -> Parties:
    return Parties(
        contract=make_contract(session),
        supplier=make_user(
            session, email="lev@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
        ),
        buyer=make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER),
        manager=make_user(session, email="cm@testdorp.nl", role=Role.CONTRACT_MANAGER),
    )


def test_a_draft_keeps_its_rows_in_order_numbered_as_in_its_download(
    session: Session, parties: Parties
) -> None:
    contract = parties.contract
    replace_draft(session=session, contract=contract, rows=garment_rows())
    rows = as_chain_rows(draft_rows(session=session, contract_id=contract.id))
    assert [row.id for row in rows] == ["WK", "BD-CMT", "TR-CMT", "MILL"]
    assert [row.row for row in rows] == [2, 3, 4, 5]
    assert contract.status is ContractStatus.DRAFT


def test_submitting_makes_an_immutable_numbered_version_and_keeps_the_draft(
    session: Session, parties: Parties
) -> None:
    contract, supplier = parties.contract, parties.supplier
    before = datetime.now(UTC)
    first = make_version(session, contract=contract, supplier=supplier)
    assert (first.number, first.site_count, first.submitted_by_user_id) == (1, 4, supplier.id)
    assert first.submitted_at.replace(tzinfo=UTC) >= before.replace(microsecond=0)
    assert version_rows(first) == garment_rows()
    assert contract.status is ContractStatus.SUBMITTED
    assert len(draft_rows(session=session, contract_id=contract.id)) == 4  # the next draft starts from it

    replace_draft(session=session, contract=contract, rows=garment_rows()[:3])
    second = submit_draft(session=session, contract=contract, user=supplier, reference=load_reference())
    session.refresh(first)
    assert second.number == 2
    assert first.site_count == 4 and len(first.rows) == 4  # editing the draft left version 1 as it was


def test_a_draft_with_errors_or_without_rows_is_not_submitted(session: Session, parties: Parties) -> None:
    contract, supplier = parties.contract, parties.supplier
    with pytest.raises(ChainRefused) as empty:
        submit_draft(session=session, contract=contract, user=supplier, reference=load_reference())
    assert [finding.code for finding in empty.value.findings] == ["chain.chain_empty"]
    replace_draft(session=session, contract=contract, rows=[*garment_rows(), make_row(6, "X", "NOWHERE")])
    with pytest.raises(ChainRefused) as invalid:
        submit_draft(session=session, contract=contract, user=supplier, reference=load_reference())
    assert all(finding.blocking for finding in invalid.value.findings)
    assert invalid.value.findings[0].row == 6
    assert session.exec(select(func.count()).select_from(ChainVersion)).one() == 0
    assert contract.status is ContractStatus.DRAFT


@pytest.mark.parametrize("role", [Role.BUYER, Role.CONTRACT_MANAGER])
def test_only_the_contracts_supplier_submits(session: Session, parties: Parties, role: Role) -> None:
    contract = parties.contract
    replace_draft(session=session, contract=contract, rows=garment_rows())
    other = make_user(session, email="lev@elders.nl", role=Role.SUPPLIER, organisation="Elders BV")
    for user in (parties.buyer if role is Role.BUYER else parties.manager, other):
        with pytest.raises(PermissionError):
            submit_draft(session=session, contract=contract, user=user, reference=load_reference())


def decide(
    session: Session,
    parties: Parties,
    version: ChainVersion,
    user: User,
    decision: ReviewDecision,
    comment: str = "",
) -> None:
    review_version(
        session=session,
        contract=parties.contract,
        version=version,
        user=user,
        decision=decision,
        comment=comment,
    )


def test_the_buyer_decides_once_on_the_latest_version(session: Session, parties: Parties) -> None:
    contract, supplier, buyer = parties.contract, parties.supplier, parties.buyer
    first = make_version(session, contract=contract, supplier=supplier)
    with pytest.raises(ReviewRefused, match="comment_required"):
        decide(session, parties, first, buyer, ReviewDecision.REVISION_REQUESTED, "  ")
    decide(
        session,
        parties,
        first,
        buyer,
        ReviewDecision.REVISION_REQUESTED,
        "Where does the fabric's cotton come from?",
    )
    assert contract.status is ContractStatus.REVISION_REQUESTED
    with pytest.raises(ReviewRefused, match="already_decided"):
        decide(session, parties, first, buyer, ReviewDecision.ACCEPTED)
    second = submit_draft(session=session, contract=contract, user=supplier, reference=load_reference())
    assert contract.status is ContractStatus.SUBMITTED
    with pytest.raises(ReviewRefused, match="not_latest"):
        decide(session, parties, first, buyer, ReviewDecision.ACCEPTED)
    decide(session, parties, second, parties.manager, ReviewDecision.ACCEPTED)
    assert contract.status is ContractStatus.ACCEPTED
    assert session.exec(select(func.count()).select_from(ChainReview)).one() == 2


def test_a_second_submit_at_the_same_moment_gives_the_first_ones_version(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    contract, supplier = parties.contract, parties.supplier
    replace_draft(session=session, contract=contract, rows=garment_rows())
    choose = chains._next_number

    def chosen_then_taken(session: Session, contract_id: int) -> int:
        number = choose(session, contract_id)
        monkeypatch.setattr(chains, "_next_number", choose)
        with Session(engine) as other:  # the first click's request submits meanwhile
            first_contract, first_user = other.get(Contract, contract_id), other.get(User, supplier.id)
            assert first_contract is not None and first_user is not None
            submit_draft(session=other, contract=first_contract, user=first_user, reference=load_reference())
        return number

    monkeypatch.setattr(chains, "_next_number", chosen_then_taken)
    version = submit_draft(session=session, contract=contract, user=supplier, reference=load_reference())
    assert version.number == 1
    assert session.exec(select(func.count()).select_from(ChainVersion)).one() == 1


def test_a_second_decision_at_the_same_moment_is_refused_as_already_decided(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    contract, buyer = parties.contract, parties.buyer
    version = make_version(session, contract=contract, supplier=parties.supplier)
    with Session(engine) as other:  # the manager's decision is saved after the buyer's check
        other.add(
            ChainReview(
                version_id=version.id,
                decision=ReviewDecision.ACCEPTED,
                decided_at=datetime.now(UTC),
                decided_by_user_id=parties.manager.id,
            )
        )
        other.commit()
    checked = chains.review_of
    monkeypatch.setattr(chains, "review_of", lambda **_: None)  # what the buyer's check saw
    with pytest.raises(ReviewRefused, match="already_decided"):
        review_version(
            session=session,
            contract=contract,
            version=version,
            user=buyer,
            decision=ReviewDecision.REVISION_REQUESTED,
            comment="Which farm?",
        )
    monkeypatch.setattr(chains, "review_of", checked)
    decided = chains.review_of(session=session, version_id=version.id)
    assert decided is not None and decided.decision is ReviewDecision.ACCEPTED


def test_a_supplier_or_another_buyer_cannot_review(session: Session, parties: Parties) -> None:
    contract, supplier = parties.contract, parties.supplier
    version = make_version(session, contract=contract, supplier=supplier)
    other_buyer = make_user(
        session, email="inkoper@elders.nl", role=Role.BUYER, organisation="Gemeente Elders"
    )
    for user in (supplier, other_buyer):
        with pytest.raises(PermissionError):
            review_version(
                session=session,
                contract=contract,
                version=version,
                user=user,
                decision=ReviewDecision.ACCEPTED,
                comment="",
            )


def test_the_supplier_sees_the_decision_and_comment_on_its_contract_page(
    client: TestClient, session: Session, parties: Parties
) -> None:
    contract, supplier, buyer = parties.contract, parties.supplier, parties.buyer
    version = make_version(session, contract=contract, supplier=supplier)
    log_in(client, buyer.email)
    page = client.get(f"/contracts/{contract.id}").text
    assert "Versie 1 wacht op uw beoordeling." in page
    assert f'href="/contracts/{contract.id}/versions/1"' in page
    assert f'/contracts/{contract.id}/chain"' not in page  # the draft is the supplier's
    review_version(
        session=session,
        contract=contract,
        version=version,
        user=buyer,
        decision=ReviewDecision.REVISION_REQUESTED,
        comment="Name the spinning mill <please>.",
    )
    log_in(client, supplier.email)
    page = client.get(f"/contracts/{contract.id}", headers={"Accept-Language": "en"}).text
    assert "Revision requested for version 1" in page
    assert "Name the spinning mill &lt;please&gt;." in page
    assert f'href="/contracts/{contract.id}/chain"' in page
    assert "draft of 4 sites" in page
    assert "revision requested" in client.get("/contracts", headers={"Accept-Language": "en"}).text
