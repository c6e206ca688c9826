"""The contract manager's dashboard: each contract's escalation step, prioritised risks without an action,
overdue actions, next report due and overdue reports, last chain change and residual risk on a fixed
day; the filters, every sort, the most urgent first; only the contracts the user sees; Dutch and English;
the number of queries does not grow with the number of contracts; prioritised risks analysed and stored
when a version is accepted, or else by the dashboard, a few per request."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import unescape
from typing import Final

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import Session, col, func, select

from chainmap.themes import Level
from models import (
    ActionKind,
    ActionRisk,
    ActionStatus,
    ChainReview,
    ChainVersion,
    Contract,
    PlanAction,
    ProgressReport,
    ReportingSchedule,
    ReviewDecision,
    Role,
    User,
    Verification,
    VersionRisk,
    VersionRiskSummary,
)
from tests.factories.chain_versions import make_version
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_contracts import csrf, log_in
from web.services.chains import review_version
from web.services.dashboard import ANALYSED_PER_REQUEST
from web.services.escalation import record_step

TODAY: Final = date(2027, 6, 1)
EN: Final = {"Accept-Language": "en"}
HTMX: Final = {"HX-Request": "true"}
MANAGER: Final = "cm@testdorp.nl"
SUPPLIER: Final = "verkoop@werkkleding.nl"
OUTSIDER: Final = "cm@elders.nl"
# A risk as stored for a version: (site id, theme, level, salience).
Risk = tuple[str, str, Level, float]
FORCED: Final[Risk] = ("BD-CMT", "forced_labour", Level.VERY_HIGH, 0.9)
CHILD: Final[Risk] = ("BD-CMT", "child_labour", Level.HIGH, 0.6)
WATER: Final[Risk] = ("TR-MILL", "environment", Level.HIGH, 0.3)
WAGE: Final[Risk] = ("WK", "living_wage", Level.HIGH, 0.4)


@dataclass
class World:
    """Four contracts of Gemeente Testdorp and one of Gemeente Elders (see `world`)."""

    supplier: User
    manager: User
    ids: dict[str, int]


def accepted_version(
    session: Session,
    contract: Contract,
    user: User,
    *,
    number: int,
    submitted_at: datetime,
    risks: tuple[Risk, ...] | None,
    accepted: bool = True,
) -> ChainVersion:
    """A stored version (its rows are not read by the dashboard) accepted by `user`, with these
    prioritised risks stored (None: not analysed yet)."""
    assert contract.id is not None and user.id is not None
    version = ChainVersion(
        contract_id=contract.id,
        number=number,
        rows=[],
        site_count=0,
        submitted_at=submitted_at,
        submitted_by_user_id=user.id,
    )
    session.add(version)
    session.flush()
    assert version.id is not None
    if accepted:
        session.add(
            ChainReview(version_id=version.id, decision=ReviewDecision.ACCEPTED, decided_by_user_id=user.id)
        )
    if risks is not None:
        session.add(VersionRiskSummary(version_id=version.id, prioritised=len(risks)))
        session.add_all(
            VersionRisk(
                version_id=version.id,
                node_id=node,
                theme=theme,
                rank=rank,
                level=int(level),
                salience=salience,
                severity=salience,
                likelihood=1.0,
                exposure=1.0,
            )
            for rank, (node, theme, level, salience) in enumerate(risks, start=1)
        )
    session.commit()
    return version


def action(
    session: Session,
    contract: Contract,
    user: User,
    *risks: Risk,
    due: date,
    status: ActionStatus = ActionStatus.PLANNED,
    verification: Verification | None = None,
) -> None:
    assert contract.id is not None and user.id is not None
    stored = PlanAction(
        contract_id=contract.id,
        title="Audit",
        kind=ActionKind.AUDIT,
        due_on=due,
        status=status,
        verification=verification,
        created_by_user_id=user.id,
    )
    session.add(stored)
    session.flush()
    assert stored.id is not None
    session.add_all(ActionRisk(action_id=stored.id, node_id=node, theme=theme) for node, theme, *_ in risks)
    session.commit()


def report(session: Session, contract: Contract, user: User, version: ChainVersion, period: int) -> None:
    assert contract.id is not None and user.id is not None and version.id is not None
    session.add(
        ProgressReport(
            contract_id=contract.id,
            period_number=period,
            period_start=contract.start_date,
            period_end=contract.end_date,
            version_id=version.id,
            submitted_by_user_id=user.id,
        )
    )
    session.commit()


def escalate(session: Session, contract: Contract, user: User, *steps: str) -> None:
    for step in steps:
        record_step(
            session=session, contract=contract, user=user, step=step, on="2027-05-01", reason="x", today=TODAY
        )


@pytest.fixture
def world(session: Session, client: TestClient) -> World:
    """WK-A: at "fine", three prioritised risks (one covered by an overdue action, one by a done and
    verified action, one uncovered). WK-B: a version not accepted, one report overdue. WK-C: at
    "dialogue", one risk covered by a done action not yet verified, a newer version not reviewed, its
    first report in. WK-D: no supplier yet, nothing happened. ELDERS-1: another buyer's contract with the
    same supplier."""
    client.app.state.today = lambda: TODAY  # type: ignore[attr-defined]
    supplier = make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
    manager = make_user(session, email=MANAGER, role=Role.CONTRACT_MANAGER)
    make_user(session, email=OUTSIDER, role=Role.CONTRACT_MANAGER, organisation="Gemeente Elders")
    a = make_contract(session, reference="WK-A", title="Bedrijfskleding")
    b = make_contract(
        session,
        reference="WK-B",
        title="Schoenen",
        supplier="Kleding & Co",
        start_date=date(2025, 1, 1),
        end_date=date(2027, 12, 31),
    )
    c = make_contract(
        session,
        reference="WK-C",
        title="Handschoenen",
        start_date=date(2026, 7, 1),
        end_date=date(2028, 6, 30),
        schedule=ReportingSchedule.HALF_YEARLY,
    )
    d = make_contract(
        session,
        reference="WK-D",
        title="Regenkleding",
        supplier=None,
        start_date=date(2027, 3, 1),
        end_date=date(2029, 2, 28),
    )
    elders = make_contract(session, buyer="Gemeente Elders", reference="ELDERS-1", title="Geheime jassen")

    escalate(session, a, manager, "dialogue", "fine")
    accepted_version(
        session,
        a,
        manager,
        number=1,
        submitted_at=datetime(2027, 3, 1, 9, tzinfo=UTC),
        risks=(FORCED, CHILD, WATER),
    )
    action(session, a, supplier, FORCED, due=date(2027, 5, 1))
    action(
        session,
        a,
        supplier,
        CHILD,
        due=date(2027, 4, 1),
        status=ActionStatus.DONE,
        verification=Verification.VERIFIED,
    )

    b_version = accepted_version(
        session,
        b,
        manager,
        number=1,
        submitted_at=datetime(2025, 2, 1, tzinfo=UTC),
        risks=None,
        accepted=False,
    )
    report(session, b, supplier, b_version, 1)

    escalate(session, c, manager, "dialogue")
    c_version = accepted_version(
        session, c, manager, number=1, submitted_at=datetime(2027, 2, 1, tzinfo=UTC), risks=(WAGE,)
    )
    accepted_version(
        session,
        c,
        manager,
        number=2,
        submitted_at=datetime(2027, 5, 1, 12, tzinfo=UTC),
        risks=None,
        accepted=False,
    )
    action(session, c, supplier, WAGE, due=date(2027, 4, 1), status=ActionStatus.DONE)
    action(session, c, supplier, WAGE, due=date(2027, 1, 1), status=ActionStatus.CANCELLED)
    report(session, c, supplier, c_version, 1)

    accepted_version(
        session, elders, manager, number=1, submitted_at=datetime(2027, 1, 1, tzinfo=UTC), risks=(FORCED,)
    )
    ids = {contract.reference: contract.id for contract in (a, b, c, d, elders) if contract.id is not None}
    return World(supplier=supplier, manager=manager, ids=ids)


def cells(html: str) -> list[list[str]]:
    """The dashboard table's body rows, each as its cells' text."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    return [
        [
            " ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split())
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in rows
    ]


def references(client: TestClient, **params: str) -> list[str]:
    response = client.get("/dashboard", params=params)
    assert response.status_code == 200
    return [row[0].split(" ")[0] for row in cells(response.text)]


def test_each_contract_shows_its_columns_on_the_day(client: TestClient, world: World) -> None:
    log_in(client, MANAGER)
    page = client.get("/dashboard").text
    assert "<h1>Dashboard contractmanagement</h1>" in page
    assert '<a href="/dashboard">Dashboard</a>' in page
    assert f'<a href="/contracts/{world.ids["WK-A"]}">WK-A</a>' in page
    assert cells(page) == [
        [
            "WK-A Bedrijfskleding",
            "Werkkleding BV",
            "boete",
            "1 van 3",
            "1 van 1 open",
            "30 januari 2028",
            "1 maart 2027, 10:00",
            "zeer hoog nog hoog of zeer hoog: 2",
        ],
        [
            "WK-C Handschoenen",
            "Werkkleding BV",
            "dialoog",
            "0 van 1",
            "0 van 0 open",
            "30 juli 2027",
            "1 mei 2027, 14:00",
            "hoog nog hoog of zeer hoog: 1",
        ],
        [
            "WK-B Schoenen",
            "Kleding & Co",
            "geen",
            "geen geaccepteerde keten",
            "0 van 0 open",
            "30 januari 2028 1 verlopen",
            "1 februari 2025, 01:00",
            "–",
        ],
        [
            "WK-D Regenkleding",
            "nog niet gekozen",
            "geen",
            "geen geaccepteerde keten",
            "0 van 0 open",
            "30 maart 2028",
            "nog geen keten",
            "–",
        ],
    ]
    assert "4 van 4 contracten" in page


def test_the_dashboard_in_english(client: TestClient, world: World) -> None:
    log_in(client, MANAGER)
    page = client.get("/dashboard", headers=EN).text
    assert "<h1>Contract management dashboard</h1>" in page and "4 of 4 contracts" in page
    assert cells(page)[0] == [
        "WK-A Bedrijfskleding",
        "Werkkleding BV",
        "fine",
        "1 of 3",
        "1 of 1 open",
        "30 January 2028",
        "1 March 2027, 10:00",
        "very high still high or very high: 2",
    ]
    assert cells(page)[2][3:6] == ["no accepted chain", "0 of 0 open", "30 January 2028 1 overdue"]
    for label in (
        "Escalation",
        "Sort by",
        "Only with overdue actions",
        "Search reference, title or supplier",
    ):
        assert label in page


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({}, ["WK-A", "WK-C", "WK-B", "WK-D"]),
        ({"step": "escalated"}, ["WK-A", "WK-C"]),
        ({"step": "fine"}, ["WK-A"]),
        ({"step": "dialogue"}, ["WK-C"]),
        ({"step": "termination"}, []),
        ({"step": "no such step"}, ["WK-A", "WK-C", "WK-B", "WK-D"]),
        ({"uncovered": "1"}, ["WK-A"]),
        ({"overdue_actions": "1"}, ["WK-A"]),
        ({"overdue_reports": "1"}, ["WK-B"]),
        ({"q": "schoen"}, ["WK-C", "WK-B"]),
        ({"q": "KLEDING & co"}, ["WK-B"]),
        ({"q": "wk-d"}, ["WK-D"]),
        ({"q": "werkkleding bv", "step": "escalated", "uncovered": "1"}, ["WK-A"]),
    ],
)
def test_the_filters(client: TestClient, world: World, params: dict[str, str], shown: list[str]) -> None:
    log_in(client, MANAGER)
    assert references(client, **params) == shown


def test_a_filter_that_matches_nothing_says_so(client: TestClient, world: World) -> None:
    log_in(client, MANAGER)
    page = client.get("/dashboard", params={"step": "termination"}).text
    assert "Geen contract voldoet aan de filters." in page and "0 van 4 contracten" in page


@pytest.mark.parametrize(
    ("sort", "descending", "ascending"),
    [
        ("urgency", ["WK-A", "WK-C", "WK-B", "WK-D"], ["WK-D", "WK-B", "WK-C", "WK-A"]),
        ("contract", ["WK-D", "WK-C", "WK-B", "WK-A"], ["WK-A", "WK-B", "WK-C", "WK-D"]),
        ("supplier", ["WK-A", "WK-C", "WK-B", "WK-D"], ["WK-B", "WK-A", "WK-C", "WK-D"]),
        ("step", ["WK-A", "WK-C", "WK-B", "WK-D"], ["WK-B", "WK-D", "WK-C", "WK-A"]),
        ("uncovered", ["WK-A", "WK-C", "WK-B", "WK-D"], ["WK-C", "WK-A", "WK-B", "WK-D"]),
        ("overdue_actions", ["WK-A", "WK-B", "WK-C", "WK-D"], ["WK-B", "WK-C", "WK-D", "WK-A"]),
        ("next_report", ["WK-D", "WK-A", "WK-B", "WK-C"], ["WK-C", "WK-A", "WK-B", "WK-D"]),
        ("overdue_reports", ["WK-B", "WK-A", "WK-C", "WK-D"], ["WK-A", "WK-C", "WK-D", "WK-B"]),
        ("last_change", ["WK-C", "WK-A", "WK-B", "WK-D"], ["WK-B", "WK-A", "WK-C", "WK-D"]),
        ("residual", ["WK-A", "WK-C", "WK-B", "WK-D"], ["WK-C", "WK-A", "WK-B", "WK-D"]),
    ],
)
def test_each_sort_both_ways_with_empty_values_last(
    client: TestClient, world: World, sort: str, descending: list[str], ascending: list[str]
) -> None:
    log_in(client, MANAGER)
    assert references(client, sort=sort, order="desc") == descending
    assert references(client, sort=sort, order="asc") == ascending


def test_the_default_is_the_most_urgent_first_and_the_form_shows_the_query(
    client: TestClient, world: World
) -> None:
    log_in(client, MANAGER)
    assert (
        references(client)
        == references(client, sort="urgency", order="desc")
        == ["WK-A", "WK-C", "WK-B", "WK-D"]
    )
    page = client.get(
        "/dashboard", params={"sort": "residual", "order": "asc", "q": "kleding", "uncovered": "1"}
    ).text
    assert '<option value="residual" selected>' in page and '<option value="asc" selected>' in page
    assert 'name="q" type="search" value="kleding"' in page
    assert 'name="uncovered" value="1" checked' in page and 'name="overdue_actions" value="1">' in page
    assert '<th scope="col" aria-sort="ascending">Restrisico</th>' in page
    for label in (
        'for="dashboard-search"',
        'for="dashboard-step"',
        'for="dashboard-sort"',
        'for="dashboard-order"',
    ):
        assert label in page


def test_htmx_gets_the_rows_alone(client: TestClient, world: World) -> None:
    log_in(client, MANAGER)
    response = client.get("/dashboard", params={"step": "fine"}, headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.text and "<form" not in response.text
    assert [row[0] for row in cells(response.text)] == ["WK-A Bedrijfskleding"]
    assert "1 van 4 contracten" in response.text


def test_back_to_a_sorted_dashboard_gets_the_whole_page(client: TestClient, world: World) -> None:
    """htmx restores a page it kept no copy of by asking the server with HX-History-Restore-Request: the
    answer must be the whole page, or the back button shows a bare fragment."""
    log_in(client, MANAGER)
    headers = {**HTMX, "HX-History-Restore-Request": "true"}
    response = client.get("/dashboard", params={"step": "fine"}, headers=headers)
    assert response.status_code == 200
    assert "<html" in response.text and "<form" in response.text
    assert [row[0] for row in cells(response.text)] == ["WK-A Bedrijfskleding"]


def test_each_user_sees_only_the_contracts_visible_to_them(
    client: TestClient, session: Session, world: World
) -> None:
    log_in(client, MANAGER)
    page = client.get("/dashboard", params={"q": "geheim"}).text
    assert "ELDERS-1" not in page and "Geheime jassen" not in page
    assert "ELDERS-1" not in client.get("/dashboard").text
    client.cookies.clear()
    log_in(client, SUPPLIER)
    assert sorted(references(client)) == ["ELDERS-1", "WK-A", "WK-C"]
    client.cookies.clear()
    log_in(client, OUTSIDER)
    assert references(client) == ["ELDERS-1"]
    client.cookies.clear()
    make_user(session, email="los@example.nl", organisation=None)
    log_in(client, "los@example.nl")
    page = client.get("/dashboard").text
    assert references(client) == [] and "U ziet nog geen contracten." in page


def test_a_visitor_is_sent_to_the_login_page(client: TestClient) -> None:
    response = client.get("/dashboard", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"


@pytest.fixture
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements the engine runs while the test runs."""
    seen: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield seen
    event.remove(engine, "before_cursor_execute", count)


def busy_contracts(session: Session, manager: User, supplier: User, first: int, count: int) -> None:
    """`count` more contracts with everything the dashboard reads: a step, an accepted version with its
    risks stored and a newer one, actions with risks, a report."""
    for number in range(first, first + count):
        contract = make_contract(session, reference=f"VOL-{number}", start_date=date(2025, 1, 1))
        escalate(session, contract, manager, "dialogue")
        version = accepted_version(
            session,
            contract,
            manager,
            number=1,
            submitted_at=datetime(2027, 1, 1, tzinfo=UTC),
            risks=(FORCED, WATER),
        )
        accepted_version(
            session,
            contract,
            manager,
            number=2,
            submitted_at=datetime(2027, 2, 1, tzinfo=UTC),
            risks=None,
            accepted=False,
        )
        action(session, contract, supplier, FORCED, WATER, due=date(2027, 1, 1))
        action(
            session,
            contract,
            supplier,
            WATER,
            due=date(2027, 9, 1),
            status=ActionStatus.DONE,
            verification=Verification.VERIFIED,
        )
        report(session, contract, supplier, version, 1)


def test_the_number_of_queries_does_not_grow_with_the_contracts(
    client: TestClient, session: Session, world: World, statements: list[str]
) -> None:
    log_in(client, MANAGER)
    client.get("/dashboard")  # the templates compiled, the reference data loaded
    busy_contracts(session, world.manager, world.supplier, 0, 3)
    statements.clear()
    assert len(references(client)) == 7
    few = len(statements)
    busy_contracts(session, world.manager, world.supplier, 3, 12)
    statements.clear()
    page = client.get("/dashboard", params={"sort": "residual"}).text
    assert len(cells(page)) == 19
    assert len(statements) == few, statements
    assert few <= 12


def test_accepting_a_version_stores_its_prioritised_risks(
    client: TestClient, session: Session, world: World
) -> None:
    contract = make_contract(session, reference="WK-E")
    version = make_version(session, contract=contract, supplier=world.supplier)
    log_in(client, MANAGER)
    data = {"decision": "accepted", "comment": "", "csrf_token": csrf(client)}
    response = client.post(f"/contracts/{contract.id}/versions/1/review", data=data, follow_redirects=False)
    assert response.status_code == 303
    summary = session.get(VersionRiskSummary, version.id)
    assert summary is not None and summary.prioritised > 0
    stored = session.exec(
        select(func.count()).select_from(VersionRisk).where(VersionRisk.version_id == version.id)
    ).one()
    assert stored == summary.prioritised


def test_the_dashboard_analyses_a_few_unanalysed_versions_per_request(
    client: TestClient, session: Session, world: World
) -> None:
    unanalysed = []
    for number in range(ANALYSED_PER_REQUEST + 1):
        contract = make_contract(session, reference=f"NEW-{number}")
        version = make_version(session, contract=contract, supplier=world.supplier)
        review_version(
            session=session,
            contract=contract,
            version=version,
            user=world.manager,
            decision=ReviewDecision.ACCEPTED,
            comment="",
        )
        unanalysed.append(version.id)

    def analysed() -> int:
        session.expire_all()
        query = (
            select(func.count())
            .select_from(VersionRiskSummary)
            .where(col(VersionRiskSummary.version_id).in_(unanalysed))
        )
        return session.exec(query).one()

    log_in(client, MANAGER)
    first = client.get("/dashboard", params={"q": "NEW-"}).text
    assert analysed() == ANALYSED_PER_REQUEST
    assert first.count("nog niet geanalyseerd") == 1
    second = client.get("/dashboard", params={"q": "NEW-"}).text
    assert analysed() == ANALYSED_PER_REQUEST + 1
    assert "nog niet geanalyseerd" not in second
    assert all(re.fullmatch(r"\d+ van \d+", row[3]) for row in cells(second))
