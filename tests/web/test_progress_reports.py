"""Progress reports: every reporting period with its report's state on fixed days, the supplier's report
(newest chain version, a snapshot of the plan's actions, the changes since the previous report, a
narrative), the buyer side's review and a report submitted again after more information was asked for,
overdue reports over many contracts in a fixed number of queries, and who may do what."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Engine, event
from sqlmodel import Session, col, func, select

from chainmap.chain import ChainRow
from chainmap.monitoring import ActionStatus
from models import (
    AuditEvent,
    AuditKind,
    Contract,
    ProgressReport,
    ReportingSchedule,
    ReportStatus,
    Role,
    User,
)
from tests.factories.chain_versions import make_version
from tests.factories.chainfiles import garment_rows, make_row
from tests.factories.contracts import make_contract
from tests.factories.plan import make_plan_action
from tests.factories.users import make_user
from tests.web.test_contracts import csrf, log_in
from web.services import progress_reports
from web.services.errors import FormInvalid
from web.services.progress_reports import (
    ReportState,
    overdue_reports,
    period_numbered,
    report_states,
    review_report,
    submit_report,
)

# A quarterly contract over 2027-2028: period 1 is 1 Jan - 31 Mar 2027, due 30 Apr; period 2 is 1 Apr -
# 30 Jun, due 30 Jul; period 3 is 1 Jul - 30 Sep, due 30 Oct.
TODAY: Final = date(2027, 7, 10)
EN: Final = {"Accept-Language": "en"}
SUPPLIER: Final = "verkoop@werkkleding.nl"
BUYER: Final = "inkoper@testdorp.nl"
MANAGER: Final = "cm@testdorp.nl"
NARRATIVE: Final = "Het naaiatelier in Dhaka is bezocht; de audit staat gepland."


@dataclass
class Parties:
    contract: Contract
    supplier: User
    buyer: User
    manager: User

    @property
    def contract_id(self) -> int:
        assert self.contract.id is not None
        return self.contract.id


def set_today(client: TestClient, day: date) -> None:
    client.app.state.today = lambda: day  # type: ignore[attr-defined]


@pytest.fixture
def parties(session: Session, client: TestClient) -> Parties:
    set_today(client, TODAY)
    return Parties(
        contract=make_contract(session, schedule=ReportingSchedule.QUARTERLY),
        supplier=make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV"),
        buyer=make_user(session, email=BUYER),
        manager=make_user(session, email=MANAGER, role=Role.CONTRACT_MANAGER),
    )


def reports_url(parties: Parties, number: int | None = None) -> str:
    base = f"/contracts/{parties.contract_id}/reports"
    return base if number is None else f"{base}/{number}"


def submit(client: TestClient, parties: Parties, number: int, **fields: str) -> Response:
    data = {"narrative": NARRATIVE, **fields}
    data.setdefault("csrf_token", csrf(client))
    return client.post(reports_url(parties, number), data=data, follow_redirects=False)


def review(client: TestClient, parties: Parties, number: int, **fields: str) -> Response:
    data = {"decision": "accepted", "comment": "", **fields}
    data.setdefault("csrf_token", csrf(client))
    return client.post(reports_url(parties, number) + "/review", data=data, follow_redirects=False)


def stored(session: Session, parties: Parties, number: int) -> ProgressReport | None:
    session.expire_all()
    return session.exec(
        select(ProgressReport).where(
            ProgressReport.contract_id == parties.contract_id, ProgressReport.period_number == number
        )
    ).first()


def audit_count(session: Session) -> int:
    session.expire_all()
    return session.exec(select(func.count()).select_from(AuditEvent)).one()


def state_cells(page: str) -> list[str]:
    """The state of each period's report, in the order of the list."""
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(
            r'<td>(<(?:strong class="overdue"|span class="report-state")>[^<]*</\w+>)</td>', page
        )
    ]


def spinning_rows() -> list[ChainRow]:
    """The garment chain with a spinning mill added upstream of the weaving mill."""
    return [
        *garment_rows(),
        make_row(6, "SPIN", "MILL", country="TR", activity="spinning", goods="Thread/Yarn", share="100"),
    ]


def test_the_periods_are_listed_with_their_states_on_fixed_days(
    client: TestClient, session: Session, parties: Parties
) -> None:
    log_in(client, MANAGER)
    set_today(client, date(2027, 3, 15))
    page = client.get(reports_url(parties)).text
    assert "1 januari 2027 – 31 maart 2027" in page and "30 april 2027" in page
    assert state_cells(page)[:2] == ["nog niet aan de beurt", "nog niet aan de beurt"]
    assert len(state_cells(page)) == 8  # quarterly over two years
    set_today(client, date(2027, 4, 30))  # the due date itself: due, not yet overdue
    assert state_cells(client.get(reports_url(parties)).text)[:2] == ["in te dienen", "nog niet aan de beurt"]
    set_today(client, date(2027, 5, 1))
    page = client.get(reports_url(parties)).text
    assert state_cells(page)[:2] == ["verlopen", "nog niet aan de beurt"]
    assert '<strong class="overdue">verlopen</strong>' in page
    english = client.get(reports_url(parties), headers=EN).text
    assert state_cells(english)[:2] == ["overdue", "not yet due"] and "30 April 2027" in english


def test_the_contract_page_shows_each_report_state_and_links_to_it(
    client: TestClient, session: Session, parties: Parties
) -> None:
    log_in(client, SUPPLIER)
    page = client.get(f"/contracts/{parties.contract_id}").text
    section = page.split('<section id="reporting"', 1)[1].split("</section>", 1)[0]
    assert f'<a href="{reports_url(parties, 1)}">Rapportage 1</a>' in section
    assert state_cells(section)[:3] == ["verlopen", "in te dienen", "nog niet aan de beurt"]
    assert f'href="{reports_url(parties)}"' in section


def test_the_supplier_submits_a_report_with_a_snapshot_of_the_actions(
    client: TestClient, session: Session, parties: Parties
) -> None:
    version = make_version(session, contract=parties.contract, supplier=parties.supplier)
    late = make_plan_action(
        session,
        contract=parties.contract,
        user=parties.supplier,
        title="Audit Dhaka",
        due_on=date(2027, 6, 30),
    )
    training = make_plan_action(
        session,
        contract=parties.contract,
        user=parties.supplier,
        title="Training naaisters",
        due_on=date(2027, 9, 30),
        status=ActionStatus.IN_PROGRESS,
    )
    log_in(client, SUPPLIER)
    form = client.get(reports_url(parties, 2)).text
    assert 'name="narrative"' in form and "Audit Dhaka" in form and "Versie 1" in form
    assert "niet geverifieerd" not in form  # only a done action awaits verification
    assert "Er is geen eerdere rapportage om mee te vergelijken." in form
    assert submit(client, parties, 2).headers["location"] == reports_url(parties, 2)

    report = stored(session, parties, 2)
    assert report is not None and report.status is ReportStatus.SUBMITTED
    assert report.version_id == version.id and report.previous_version_id is None
    assert report.narrative == NARRATIVE
    assert report.period_start == date(2027, 4, 1) and report.period_end == date(2027, 6, 30)
    assert report.actions == [
        {
            "id": late.id,
            "title": "Audit Dhaka",
            "status": "planned",
            "due_on": "2027-06-30",
            "verification": None,
            "overdue": True,
        },
        {
            "id": training.id,
            "title": "Training naaisters",
            "status": "in_progress",
            "due_on": "2027-09-30",
            "verification": None,
            "overdue": False,
        },
    ]
    event = session.exec(select(AuditEvent).where(AuditEvent.kind == AuditKind.REPORT_SUBMITTED)).one()
    assert event.details == {"number": 2, "version": 1}

    # a later change to the plan does not rewrite what was reported
    late.status = ActionStatus.DONE
    session.add(late)
    session.commit()
    page = client.get(reports_url(parties, 2)).text
    assert 'name="narrative"' not in page and NARRATIVE in page
    assert 'gepland · <strong class="overdue">verlopen</strong>' in page
    assert "ingediend" in page


def test_a_report_shows_the_changes_in_the_chain_since_the_previous_report(
    client: TestClient, session: Session, parties: Parties
) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    log_in(client, SUPPLIER)
    assert submit(client, parties, 1).status_code == 303
    second = make_version(session, contract=parties.contract, supplier=parties.supplier, rows=spinning_rows())
    form = client.get(reports_url(parties, 2)).text
    assert "Van versie 1 (vorige rapportage) naar versie 2." in form
    assert "<h3>Locaties toegevoegd (1)</h3>" in form and "<li>SPIN (Site SPIN)</li>" in form
    assert submit(client, parties, 2).status_code == 303
    report = stored(session, parties, 2)
    first = stored(session, parties, 1)
    assert report is not None and first is not None
    assert (report.version_id, report.previous_version_id) == (second.id, first.version_id)

    client.cookies.clear()
    log_in(client, MANAGER)
    page = client.get(reports_url(parties, 2)).text  # the buyer side sees the same diff, read-only
    assert "<li>SPIN (Site SPIN)</li>" in page and 'name="narrative"' not in page
    english = client.get(reports_url(parties, 2), headers=EN).text
    assert (
        "<h3>Sites added (1)</h3>" in english and "From version 1 (previous report) to version 2." in english
    )


def test_a_report_without_changes_says_so(client: TestClient, session: Session, parties: Parties) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    log_in(client, SUPPLIER)
    assert submit(client, parties, 1).status_code == 303
    assert (
        "De keten is sinds de vorige rapportage niet veranderd." in client.get(reports_url(parties, 2)).text
    )


@pytest.mark.parametrize(
    ("narrative", "message"),
    [
        ("  ", "Schrijf de toelichting over deze periode."),
        ("x" * 20_001, "De toelichting is te lang (hoogstens 20.000 tekens)."),
    ],
)
def test_a_report_needs_a_narrative(
    client: TestClient, session: Session, parties: Parties, narrative: str, message: str
) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    log_in(client, SUPPLIER)
    response = submit(client, parties, 1, narrative=narrative)
    assert response.status_code == 400
    assert f'<p class="errors field" id="narrative-error">{message}</p>' in response.text
    assert "De rapportage is niet opgeslagen" in response.text
    assert stored(session, parties, 1) is None and audit_count(session) == 1  # the version's event only


def test_a_report_is_refused_before_its_period_starts_without_a_version_and_twice(
    client: TestClient, session: Session, parties: Parties
) -> None:
    log_in(client, SUPPLIER)
    no_version = submit(client, parties, 1)
    assert no_version.status_code == 400 and "Dien eerst de keten in" in no_version.text
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    page = client.get(reports_url(parties, 4)).text
    assert "Deze periode begint op 1 oktober 2027" in page and 'name="narrative"' not in page
    early = submit(client, parties, 4)
    assert early.status_code == 400 and "Deze rapportageperiode is nog niet begonnen." in early.text
    assert submit(client, parties, 1).status_code == 303
    again = submit(client, parties, 1, narrative="Nog een keer")
    assert again.status_code == 400 and "Deze rapportage is al ingediend." in again.text
    report = stored(session, parties, 1)
    assert report is not None and report.narrative == NARRATIVE
    assert client.get(reports_url(parties, 9)).status_code == 404  # the contract has eight periods
    assert submit(client, parties, 0).status_code == 404


def test_the_contract_manager_asks_for_more_information_and_the_supplier_submits_again(
    client: TestClient, session: Session, parties: Parties
) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    log_in(client, SUPPLIER)
    assert submit(client, parties, 1).status_code == 303
    client.cookies.clear()
    log_in(client, MANAGER)
    assert 'name="decision"' in client.get(reports_url(parties, 1)).text
    refused = review(client, parties, 1, decision="more_information_needed", comment=" ")
    assert refused.status_code == 400
    assert (
        '<p class="errors field" id="comment-error">Geef aan welke informatie ontbreekt.</p>' in refused.text
    )
    no_decision = review(client, parties, 1, decision="submitted")
    assert no_decision.status_code == 400 and "Kies accepteren of meer informatie vragen." in no_decision.text
    asked = review(client, parties, 1, decision="more_information_needed", comment="Wanneer is de audit?")
    assert asked.status_code == 303
    report = stored(session, parties, 1)
    assert report is not None and report.status is ReportStatus.MORE_INFORMATION_NEEDED
    assert (
        report.review_comment == "Wanneer is de audit?" and report.reviewed_by_user_id == parties.manager.id
    )
    again = review(client, parties, 1, decision="accepted")
    assert again.status_code == 400 and "Deze rapportage is al beoordeeld." in again.text

    client.cookies.clear()
    log_in(client, SUPPLIER)
    page = client.get(reports_url(parties, 1)).text
    assert "meer informatie nodig" in page and "Wanneer is de audit?" in page
    assert f">{NARRATIVE}</textarea>" in page  # the form again, with the earlier narrative
    make_plan_action(session, contract=parties.contract, user=parties.supplier, title="Audit Dhaka")
    assert submit(client, parties, 1, narrative="De audit is op 1 juni.").status_code == 303
    report = stored(session, parties, 1)
    assert report is not None and report.status is ReportStatus.SUBMITTED
    assert report.narrative == "De audit is op 1 juni." and report.review_comment == ""
    assert [action["title"] for action in report.actions] == ["Audit Dhaka"]  # a fresh snapshot
    assert session.exec(select(func.count()).select_from(ProgressReport)).one() == 1  # the same row

    client.cookies.clear()
    log_in(client, BUYER)
    assert review(client, parties, 1, decision="accepted").status_code == 303
    report = stored(session, parties, 1)
    assert report is not None and report.status is ReportStatus.ACCEPTED
    assert state_cells(client.get(reports_url(parties)).text)[0] == "geaccepteerd"
    kinds = session.exec(select(AuditEvent.kind).order_by(col(AuditEvent.id))).all()
    assert kinds[1:] == [
        AuditKind.REPORT_SUBMITTED,
        AuditKind.REPORT_REVIEWED,
        AuditKind.REPORT_SUBMITTED,
        AuditKind.REPORT_REVIEWED,
    ]
    timeline = client.get(f"/contracts/{parties.contract_id}/timeline").text
    assert "Voortgangsrapportage 1 ingediend (ketenversie 1)" in timeline
    assert "Voortgangsrapportage 1 beoordeeld: meer informatie nodig" in timeline
    assert "Wanneer is de audit?" in timeline
    english = client.get(f"/contracts/{parties.contract_id}/timeline", headers=EN).text
    assert "Progress report 1 reviewed: accepted" in english
    assert "Progress report 1 submitted (chain version 1)" in english


def test_only_a_submitted_report_is_reviewed(client: TestClient, session: Session, parties: Parties) -> None:
    log_in(client, MANAGER)
    response = review(client, parties, 1)
    assert response.status_code == 400
    assert "Deze rapportage is niet ingediend; er is niets te beoordelen." in response.text
    assert audit_count(session) == 0


def test_the_parties_may_only_do_their_own_part(
    client: TestClient, session: Session, parties: Parties
) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    log_in(client, MANAGER)
    assert submit(client, parties, 1).status_code == 403  # the buyer side does not report
    page = client.get(reports_url(parties, 1)).text
    assert (
        "De leverancier heeft deze rapportage nog niet ingediend." in page and 'name="narrative"' not in page
    )
    client.cookies.clear()
    log_in(client, SUPPLIER)
    assert submit(client, parties, 1).status_code == 303
    assert review(client, parties, 1).status_code == 403  # the supplier does not review its own report
    assert 'name="decision"' not in client.get(reports_url(parties, 1)).text
    report = stored(session, parties, 1)
    assert report is not None and report.status is ReportStatus.SUBMITTED


def test_another_contracts_supplier_and_another_buyer_are_refused(
    client: TestClient, session: Session, parties: Parties
) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    make_contract(session, buyer="Gemeente Elders", supplier="Andere Leverancier BV", reference="ELDERS-1")
    make_user(session, email="verkoop@andere.nl", role=Role.SUPPLIER, organisation="Andere Leverancier BV")
    make_user(session, email="cm@elders.nl", role=Role.CONTRACT_MANAGER, organisation="Gemeente Elders")
    log_in(client, SUPPLIER)
    assert submit(client, parties, 1).status_code == 303
    for email in ("verkoop@andere.nl", "cm@elders.nl"):
        client.cookies.clear()
        log_in(client, email)
        for url in (reports_url(parties), reports_url(parties, 1)):
            response = client.get(url)
            assert response.status_code == 404 and NARRATIVE not in response.text
        assert submit(client, parties, 2).status_code == 404
        assert review(client, parties, 1).status_code == 404
    report = stored(session, parties, 1)
    assert report is not None and report.status is ReportStatus.SUBMITTED
    assert stored(session, parties, 2) is None


def test_a_refused_form_without_a_valid_csrf_token_saves_nothing(
    client: TestClient, session: Session, parties: Parties
) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    log_in(client, SUPPLIER)
    response = submit(client, parties, 1, csrf_token="wrong")
    assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    assert stored(session, parties, 1) is None


def test_report_states_give_each_period_its_report(session: Session, parties: Parties) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    period = period_numbered(parties.contract, 1)
    assert period is not None
    report = submit_report(
        session=session,
        contract=parties.contract,
        user=parties.supplier,
        period=period,
        narrative=NARRATIVE,
        today=TODAY,
    )
    states = report_states(session=session, contract=parties.contract, today=date(2027, 11, 1))
    assert [item.period.number for item in states] == list(range(1, 9))
    assert states[0].report == report and states[0].state is ReportState.SUBMITTED
    assert [item.overdue for item in states[:4]] == [False, True, True, False]
    assert [item.started for item in states[3:5]] == [True, False]


@pytest.fixture
def count_queries(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    yield statements
    event.remove(engine, "before_cursor_execute", count)


def test_overdue_reports_over_many_contracts_take_two_queries(
    session: Session, parties: Parties, count_queries: list[str]
) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    contracts = [parties.contract] + [
        make_contract(session, reference=f"WK-{number}", schedule=ReportingSchedule.YEARLY)
        for number in range(30)
    ]
    period = period_numbered(parties.contract, 1)
    assert period is not None
    submit_report(
        session=session,
        contract=parties.contract,
        user=parties.supplier,
        period=period,
        narrative=NARRATIVE,
        today=TODAY,
    )
    ids = [contract.id for contract in contracts if contract.id is not None]
    session.expire_all()
    count_queries.clear()
    counts = overdue_reports(session=session, contract_ids=ids, today=date(2027, 11, 1))
    assert len(count_queries) == 2
    # the quarterly contract: periods 2 and 3 overdue (1 submitted); each yearly one: none due yet
    assert counts == {parties.contract_id: 2, **{contract_id: 0 for contract_id in ids[1:]}}
    assert overdue_reports(session=session, contract_ids=ids, today=date(2028, 2, 1))[ids[1]] == 1
    assert overdue_reports(session=session, contract_ids=[], today=TODAY) == {}


def at_once(monkeypatch: pytest.MonkeyPatch, engine: Engine, rival: Callable[[Session], object]) -> None:
    """Let `rival`, another request in a session of its own, run to its commit once the next submit or
    review has read and checked the report, just before its update: two requests at once that both
    passed the checks. The contract lock is taken away, as SQLite has it (on PostgreSQL it would make
    the rival wait for this request's commit, which one thread cannot show)."""
    original = progress_reports._made
    ran: list[bool] = []

    def rival_first(session: Session, report_id: int, allowed: ReportStatus, **values: Any) -> bool:
        if not ran:
            ran.append(True)
            with Session(engine) as other:
                rival(other)
        return original(session, report_id, allowed, **values)

    monkeypatch.setattr(progress_reports, "_lock", lambda session, contract_id: None)
    monkeypatch.setattr(progress_reports, "_made", rival_first)


def review_as(session: Session, parties: Parties, decision: str, comment: str = "") -> ProgressReport:
    manager = session.get(User, parties.manager.id)
    contract = session.get(Contract, parties.contract_id)
    period = period_numbered(parties.contract, 1)
    assert manager is not None and contract is not None and period is not None
    return review_report(
        session=session, contract=contract, user=manager, period=period, decision=decision, comment=comment
    )


def submit_as(session: Session, parties: Parties, narrative: str = NARRATIVE) -> ProgressReport:
    supplier = session.get(User, parties.supplier.id)
    contract = session.get(Contract, parties.contract_id)
    period = period_numbered(parties.contract, 1)
    assert supplier is not None and contract is not None and period is not None
    return submit_report(
        session=session, contract=contract, user=supplier, period=period, narrative=narrative, today=TODAY
    )


def reviewed_events(session: Session, kind: AuditKind) -> int:
    session.expire_all()
    return session.exec(select(func.count()).select_from(AuditEvent).where(AuditEvent.kind == kind)).one()


@pytest.mark.parametrize(
    ("decision", "comment", "answer"),
    [("accepted", "", "done"), ("more_information_needed", "Wanneer is de audit?", "refused")],
)
def test_of_two_reviews_at_once_only_the_first_is_made(
    session: Session,
    engine: Engine,
    parties: Parties,
    monkeypatch: pytest.MonkeyPatch,
    decision: str,
    comment: str,
    answer: str,
) -> None:
    """The same review again (a double click) is done; another one (a second tab) is refused and does
    not overwrite the first."""
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    submit_as(session, parties)
    at_once(monkeypatch, engine, lambda other: review_as(other, parties, "accepted"))
    if answer == "done":
        assert review_as(session, parties, decision, comment).status is ReportStatus.ACCEPTED
    else:
        with pytest.raises(FormInvalid) as refused:
            review_as(session, parties, decision, comment)
        assert refused.value.errors == {"form": "reports.error.already_reviewed"}
    report = stored(session, parties, 1)
    assert report is not None and report.status is ReportStatus.ACCEPTED and report.review_comment == ""
    assert reviewed_events(session, AuditKind.REPORT_REVIEWED) == 1


@pytest.mark.parametrize(
    ("narrative", "answer"), [(NARRATIVE, "done"), ("Een andere toelichting", "refused")]
)
def test_a_report_submitted_again_twice_at_once_is_submitted_once(
    session: Session,
    engine: Engine,
    parties: Parties,
    monkeypatch: pytest.MonkeyPatch,
    narrative: str,
    answer: str,
) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    submit_as(session, parties, "Eerste toelichting")
    review_as(session, parties, "more_information_needed", "Wanneer is de audit?")
    at_once(monkeypatch, engine, lambda other: submit_as(other, parties))
    if answer == "done":
        assert submit_as(session, parties, narrative).status is ReportStatus.SUBMITTED
    else:
        with pytest.raises(FormInvalid) as refused:
            submit_as(session, parties, narrative)
        assert refused.value.errors == {"form": "reports.error.already_submitted"}
    report = stored(session, parties, 1)
    assert report is not None and report.narrative == NARRATIVE and report.status is ReportStatus.SUBMITTED
    assert reviewed_events(session, AuditKind.REPORT_SUBMITTED) == 2  # the first submit and one again


def test_a_first_report_submitted_twice_at_once_is_one_report(
    session: Session, engine: Engine, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_version(session, contract=parties.contract, supplier=parties.supplier)
    original = progress_reports.newest_version
    ran: list[bool] = []

    def rival_first(*, session: Session, contract_id: int) -> Any:
        """Both requests found no report; the rival submits while this one reads the version."""
        if not ran:
            ran.append(True)
            with Session(engine) as other:
                submit_as(other, parties)
        return original(session=session, contract_id=contract_id)

    monkeypatch.setattr(progress_reports, "_lock", lambda session, contract_id: None)
    monkeypatch.setattr(progress_reports, "newest_version", rival_first)
    assert submit_as(session, parties).narrative == NARRATIVE
    assert session.exec(select(func.count()).select_from(ProgressReport)).one() == 1
    assert reviewed_events(session, AuditKind.REPORT_SUBMITTED) == 1
