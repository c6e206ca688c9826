"""The escalation ladder: the buyer side records steps (up, down, resolved) with date and reason, the
supplier sees them, refused steps say why by field and save nothing, and the contract list shows each
contract's current step with one query for all contracts."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Engine, event
from sqlmodel import Session, func, select

from models import AuditEvent, Contract, EscalationLevel, EscalationStep, Role, User
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_contracts import csrf, log_in
from web.services.escalation import current_step, record_step

TODAY: Final = date(2027, 6, 1)
EN: Final = {"Accept-Language": "en"}


@dataclass
class Parties:
    contract: Contract
    supplier: User
    buyer: User
    manager: User


@pytest.fixture
def parties(session: Session, client: TestClient) -> Parties:
    client.app.state.today = lambda: TODAY  # type: ignore[attr-defined]
    contract = make_contract(session)
    return Parties(
        contract=contract,
        supplier=make_user(
            session, email="verkoop@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
        ),
        buyer=make_user(session, email="inkoper@testdorp.nl"),
        manager=make_user(session, email="cm@testdorp.nl", role=Role.CONTRACT_MANAGER),
    )


def post_step(client: TestClient, contract_id: int, **fields: str) -> Response:
    data = {"step": "dialogue", "effective_on": "2027-05-20", "reason": "Geen plan van aanpak", **fields}
    data.setdefault("csrf_token", csrf(client))
    return client.post(f"/contracts/{contract_id}/escalation", data=data, follow_redirects=False)


def counts(session: Session) -> tuple[int, int]:
    session.expire_all()
    return (
        session.exec(select(func.count()).select_from(EscalationStep)).one(),
        session.exec(select(func.count()).select_from(AuditEvent)).one(),
    )


def test_the_contract_manager_records_a_step_and_the_supplier_sees_it(
    client: TestClient, session: Session, parties: Parties
) -> None:
    contract_id = parties.contract.id
    assert contract_id is not None
    log_in(client, "cm@testdorp.nl")
    page = client.get(f"/contracts/{contract_id}").text
    assert "Geen escalatie" in page and 'name="step"' in page
    response = post_step(client, contract_id, reason="Geen plan van aanpak ontvangen")
    assert response.status_code == 303
    assert response.headers["location"] == f"/contracts/{contract_id}#escalation"
    assert current_step(session=session, contract_id=contract_id) is EscalationLevel.DIALOGUE

    client.cookies.clear()
    log_in(client, "verkoop@werkkleding.nl")
    page = client.get(f"/contracts/{contract_id}").text
    assert "Huidige stap: dialoog" in page
    assert "Geen plan van aanpak ontvangen" in page and "20 mei 2027" in page
    assert 'name="step"' not in page  # the supplier has no form
    english = client.get(f"/contracts/{contract_id}", headers=EN).text
    assert "Current step: dialogue" in english and "20 May 2027" in english


def test_the_ladder_goes_up_several_steps_and_down_to_resolved(
    client: TestClient, session: Session, parties: Parties
) -> None:
    contract_id = parties.contract.id
    assert contract_id is not None
    log_in(client, "inkoper@testdorp.nl")
    for step, on in (
        ("dialogue", "2027-03-01"),
        ("notice_of_default", "2027-04-01"),
        ("written_warning", "2027-05-01"),
    ):
        assert post_step(client, contract_id, step=step, effective_on=on).status_code == 303
    assert current_step(session=session, contract_id=contract_id) is EscalationLevel.WRITTEN_WARNING
    page = client.get(f"/contracts/{contract_id}").text
    assert "Huidige stap: schriftelijke waarschuwing" in page
    history = re.findall(
        r"<td>(dialoog|ingebrekestelling|schriftelijke waarschuwing) \((omhoog|omlaag)\)</td>", page
    )
    assert history == [
        ("schriftelijke waarschuwing", "omlaag"),
        ("ingebrekestelling", "omhoog"),
        ("dialoog", "omhoog"),
    ]
    assert post_step(client, contract_id, step="resolved", effective_on="2027-06-01").status_code == 303
    assert current_step(session=session, contract_id=contract_id) is None
    assert "Geen escalatie" in client.get(f"/contracts/{contract_id}").text
    assert counts(session) == (4, 4)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"step": ""}, "step", "Kies een stap."),
        ({"step": "promotion"}, "step", "Kies een stap."),
        ({"step": "resolved"}, "step", "Er is geen escalatie om op te lossen."),
        ({"effective_on": ""}, "effective_on", "Vul de datum in waarop de stap ingaat."),
        ({"effective_on": "2027-06-02"}, "effective_on", "De datum ligt in de toekomst"),
        ({"reason": "   "}, "reason", "Geef de reden."),
        ({"reason": "x" * 5001}, "reason", "De reden is te lang"),
    ],
)
def test_a_refused_step_says_why_by_field_and_saves_nothing(
    client: TestClient, session: Session, parties: Parties, fields: dict[str, str], field: str, message: str
) -> None:
    assert parties.contract.id is not None
    log_in(client, "cm@testdorp.nl")
    response = post_step(client, parties.contract.id, **fields)
    assert response.status_code == 400
    text = response.text
    assert re.search(rf'<p class="errors field" id="{field}-error">{re.escape(message)}', text)
    assert "De stap is niet vastgelegd" in text
    assert counts(session) == (0, 0)


def test_the_same_step_again_or_a_date_before_the_current_step_is_refused(
    client: TestClient, session: Session, parties: Parties
) -> None:
    assert parties.contract.id is not None
    log_in(client, "cm@testdorp.nl")
    assert post_step(client, parties.contract.id, effective_on="2027-05-20").status_code == 303
    again = post_step(client, parties.contract.id)
    assert again.status_code == 400 and "Dit is al de huidige stap." in again.text
    earlier = post_step(client, parties.contract.id, step="fine", effective_on="2027-05-19")
    assert earlier.status_code == 400
    assert "De datum ligt voor die van de huidige stap." in earlier.text
    assert counts(session) == (1, 1)


def test_the_supplier_may_not_record_and_an_expired_form_saves_nothing(
    client: TestClient, session: Session, parties: Parties
) -> None:
    assert parties.contract.id is not None
    log_in(client, "verkoop@werkkleding.nl")
    assert post_step(client, parties.contract.id).status_code == 403
    with pytest.raises(PermissionError):
        record_step(
            session=session,
            contract=parties.contract,
            user=parties.supplier,
            step="dialogue",
            on="2027-05-20",
            reason="x",
            today=TODAY,
        )
    client.cookies.clear()
    log_in(client, "cm@testdorp.nl")
    expired = post_step(client, parties.contract.id, csrf_token="stale")
    assert expired.status_code == 400 and "Het formulier is verlopen" in expired.text
    assert counts(session) == (0, 0)


@pytest.fixture
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements the engine runs while the test runs."""
    seen: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield seen
    event.remove(engine, "before_cursor_execute", count)


def test_the_contract_list_shows_each_current_step_with_one_query_for_all(
    client: TestClient, session: Session, parties: Parties, statements: list[str]
) -> None:
    log_in(client, "inkoper@testdorp.nl")
    steps = ["fine", "resolved", "termination"]
    others = [make_contract(session, reference=f"WK-{number}") for number in range(len(steps))]
    for contract, step in zip(others, steps, strict=True):
        for level in ("dialogue", step):
            record_step(
                session=session,
                contract=contract,
                user=parties.buyer,
                step=level,
                on="2027-05-01",
                reason="r",
                today=TODAY,
            )
    statements.clear()
    page = client.get("/contracts").text
    escalation_queries = [statement for statement in statements if "escalation_steps" in statement]
    assert len(escalation_queries) == 1
    rows = re.findall(
        r'<a href="/contracts/\d+">(WK-[\w-]+)</a>.*?</td>\s*<td>([^<]*)</td>\s*</tr>', page, re.S
    )
    assert dict(rows) == {"WK-2027-01": "–", "WK-0": "boete", "WK-1": "–", "WK-2": "ontbinding"}
