"""The app's commands through `chainmap`: db upgrade, demo (idempotent, completing an older demo) and
user create."""

import io
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from chainmap.chainfile import parse_csv
from chainmap.cli import EXIT_OK, EXIT_USAGE, main
from chainmap.monitoring import is_overdue
from models import (
    ActionStatus,
    Attachment,
    ChainDraftRow,
    ChainReview,
    ChainVersion,
    Contract,
    ContractCpv,
    ContractStatus,
    EscalationLevel,
    Organisation,
    PlanStatus,
    Role,
    User,
    Verification,
)
from models.db import make_engine
from tests.factories.chainfiles import make_row
from tests.factories.contracts import make_contract
from tests.factories.users import PASSWORD, make_user
from web.cli import DEMO_CHAINS
from web.services.audit import contract_events
from web.services.chains import replace_draft
from web.services.escalation import current_step
from web.services.monitoring import plan_actions, planned_actions
from web.services.plan import plan_of
from web.services.progress_reports import ReportState, report_states
from web.services.users import authenticate
from web.settings import get_settings


@pytest.fixture
def app_database(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CHAINMAP_UPLOAD_DIR", str(tmp_path / "uploads"))
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def users(url: str) -> list[User]:
    engine = make_engine(url)
    with Session(engine) as session:
        found = list(session.exec(select(User).order_by(User.email)))
    engine.dispose()
    return found


def test_demo_creates_its_accounts_once_and_prints_them(
    app_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == EXIT_OK
    assert main(["demo"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "inkoper@voorbeeldstad.example" in out and "demo-chainmap-2026" in out
    accounts = users(app_database)
    assert len(accounts) == 6
    assert {user.role for user in accounts} == set(Role)


def test_user_create_reads_the_password_from_stdin(
    app_database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-very-long-password\n"))
    assert main(["user", "create", "--email", "Beheer@Example.nl", "--password-stdin"]) == EXIT_OK
    [user] = users(app_database)
    assert (user.email, user.role) == ("beheer@example.nl", Role.ADMIN)
    monkeypatch.setattr("sys.stdin", io.StringIO("a-very-long-password\n"))
    assert main(["user", "create", "--email", "beheer@example.nl", "--password-stdin"]) == EXIT_USAGE
    assert "exists" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["user", "create", "--email", "kort@example.nl", "--password-stdin"]) == EXIT_USAGE
    assert "12 characters" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("qwertyuiop123\n"))
    assert main(["user", "create", "--email", "gewoon@example.nl", "--password-stdin"]) == EXIT_USAGE
    assert "among the 100,000 most common ones" in capsys.readouterr().err
    assert len(users(app_database)) == 1


def test_db_upgrade_builds_an_empty_database_and_is_repeatable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = f"sqlite:///{tmp_path / 'new' / 'chainmap.db'}"  # the test databases come migrated already
    monkeypatch.setenv("DATABASE_URL", empty)
    get_settings.cache_clear()
    assert main(["db", "upgrade"]) == EXIT_OK
    assert main(["db", "upgrade"]) == EXIT_OK
    get_settings.cache_clear()
    engine = make_engine(empty)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(User)).one() == 0
    engine.dispose()


def test_db_upgrade_on_an_upgraded_database_changes_nothing(app_database: str) -> None:
    assert main(["db", "upgrade"]) == EXIT_OK
    assert main(["db", "upgrade"]) == EXIT_OK
    engine = make_engine(app_database)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(User)).one() == 0
    engine.dispose()


def demo_state(url: str) -> dict[str, object]:
    """What the demo leaves in the database: counts per table, and per contract its status, supplier,
    versions (number, submitter, sites) and draft size."""
    engine = make_engine(url)
    with Session(engine) as session:
        counts = {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Organisation, User, Contract, ContractCpv, ChainVersion, ChainReview, ChainDraftRow)
        }
        contracts = {}
        for contract in session.exec(select(Contract).order_by(col(Contract.reference))):
            buyer = session.get(Organisation, contract.buyer_organisation_id)
            supplier = session.get(Organisation, contract.supplier_organisation_id)
            submitted = [
                (version.number, session.get(User, version.submitted_by_user_id), version.rows)
                for version in session.exec(
                    select(ChainVersion).where(ChainVersion.contract_id == contract.id)
                )
            ]
            draft = session.exec(
                select(ChainDraftRow.site_id)
                .where(ChainDraftRow.contract_id == contract.id)
                .order_by(col(ChainDraftRow.position))
            ).all()
            contracts[contract.reference] = {
                "status": contract.status,
                "buyer": buyer.name if buyer else None,
                "supplier": supplier.name if supplier else None,
                "versions": [
                    (number, by.email if by else None, [cells[0] for cells in rows])
                    for number, by, rows in submitted
                ],
                "draft": list(draft),
            }
    engine.dispose()
    return {"counts": counts, "contracts": contracts}


def site_ids(name: str, sites: int | None = None) -> list[str]:
    rows = parse_csv((DEMO_CHAINS / name).read_bytes()).rows
    return [row.id for row in rows[:sites]]


def test_the_demo_seeds_a_submitted_chain_and_a_second_suppliers_draft_once(
    app_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == EXIT_OK
    first = demo_state(app_database)
    assert main(["demo"]) == EXIT_OK
    assert demo_state(app_database) == first
    garments, ict = site_ids("garments.csv"), site_ids("ict_hardware.csv", 10)
    assert len(garments) == 16 and ict[-1] == "AU-LI"
    stone = site_ids("natural_stone.csv")
    assert first["counts"] == {
        "Organisation": 4,
        "User": 6,
        "Contract": 3,
        "ContractCpv": 6,
        "ChainVersion": 2,
        "ChainReview": 1,  # DEMO-002's version is accepted; the buyer has DEMO-001's to review
        "ChainDraftRow": 16 + 11 + 10,  # the submitted draft stays as the start of the next version
    }
    assert first["contracts"] == {
        "DEMO-001": {
            "status": ContractStatus.SUBMITTED,
            "buyer": "Gemeente Voorbeeldstad",
            "supplier": "Werkkleding Nederland BV",
            "versions": [(1, "leverancier@werkkleding.example", garments)],
            "draft": garments,
        },
        "DEMO-002": {
            "status": ContractStatus.ACCEPTED,
            "buyer": "Gemeente Voorbeeldstad",
            "supplier": "Natuursteen Import Nederland BV",
            "versions": [(1, "leverancier@natuursteen.example", stone)],
            "draft": stone,
        },
        "DEMO-003": {
            "status": ContractStatus.DRAFT,
            "buyer": "Gemeente Voorbeeldstad",
            "supplier": "Rijks ICT Leverancier BV",
            "versions": [],
            "draft": ict,
        },
    }
    out = capsys.readouterr().out
    assert out.count("demo-chainmap-2026") == 2 and out.count("leverancier@rijksict.example") == 2
    assert all(line == line.rstrip() for line in out.splitlines())
    lines = out.splitlines()[: len(out.splitlines()) // 2]
    assert lines[0] == "demo accounts (password for each: demo-chainmap-2026):"
    assert [line.split()[:2] for line in lines[1:7]] == [
        ["admin@chainmap.example", "admin"],
        ["inkoper@voorbeeldstad.example", "buyer"],
        ["contractmanager@voorbeeldstad.example", "contract_manager"],
        ["leverancier@werkkleding.example", "supplier"],
        ["leverancier@rijksict.example", "supplier"],
        ["leverancier@natuursteen.example", "supplier"],
    ]
    assert lines[7:] == [
        "demo contracts of Gemeente Voorbeeldstad:",
        "  DEMO-001   submitted         Werkkleding en veiligheidsschoenen buitendienst"
        " (Werkkleding Nederland BV)",
        "  DEMO-002   accepted          Natuursteen voor bestrating en gevels"
        " (Natuursteen Import Nederland BV)",
        "  DEMO-003   draft             Laptops voor medewerkers (Rijks ICT Leverancier BV)",
    ]


def test_the_demo_completes_an_older_demo_without_chains(app_database: str, session: Session) -> None:
    for email, role, organisation in (
        ("admin@chainmap.example", Role.ADMIN, None),
        ("inkoper@voorbeeldstad.example", Role.BUYER, "Gemeente Voorbeeldstad"),
        ("contractmanager@voorbeeldstad.example", Role.CONTRACT_MANAGER, "Gemeente Voorbeeldstad"),
        ("leverancier@werkkleding.example", Role.SUPPLIER, "Werkkleding Nederland BV"),
    ):
        make_user(session, email=email, role=role, organisation=organisation)
    make_contract(
        session, buyer="Gemeente Voorbeeldstad", supplier="Werkkleding Nederland BV", reference="DEMO-001"
    )
    assert main(["demo"]) == EXIT_OK
    state = demo_state(app_database)
    assert state["counts"] == {
        "Organisation": 4,
        "User": 6,
        "Contract": 3,
        "ContractCpv": 5,  # the older DEMO-001 keeps its own CPV code
        "ChainVersion": 2,
        "ChainReview": 1,
        "ChainDraftRow": 37,
    }
    contracts = state["contracts"]
    assert isinstance(contracts, dict)
    assert contracts["DEMO-001"]["status"] is ContractStatus.SUBMITTED
    assert contracts["DEMO-001"]["versions"] == [
        (1, "leverancier@werkkleding.example", site_ids("garments.csv"))
    ]
    assert contracts["DEMO-003"]["status"] is ContractStatus.DRAFT
    # the older accounts keep their password: the demo adds, it does not reset
    assert authenticate(session=session, email="inkoper@voorbeeldstad.example", password=PASSWORD)


def test_the_demo_leaves_a_chain_the_supplier_changed(app_database: str, session: Session) -> None:
    assert main(["demo"]) == EXIT_OK
    contract = session.exec(select(Contract).where(Contract.reference == "DEMO-003")).one()
    replace_draft(session=session, contract=contract, rows=[make_row(2, "ICT", goods="Laptops")])
    assert main(["demo"]) == EXIT_OK
    state = demo_state(app_database)
    contracts = state["contracts"]
    assert isinstance(contracts, dict)
    assert contracts["DEMO-003"]["draft"] == ["ICT"]
    assert contracts["DEMO-001"]["versions"][0][0] == 1 and len(contracts["DEMO-001"]["versions"]) == 1


@pytest.mark.parametrize("today", [date(2026, 11, 26), date(2027, 2, 28), date(2028, 7, 31)])
def test_the_demo_contract_mid_term_shows_its_states_on_any_day(
    app_database: str, session: Session, monkeypatch: pytest.MonkeyPatch, today: date, tmp_path: Path
) -> None:
    monkeypatch.setattr("web.cli.netherlands_today", lambda: today)
    assert main(["demo"]) == EXIT_OK
    contract = session.exec(select(Contract).where(Contract.reference == "DEMO-002")).one()
    assert contract.id is not None and contract.start_date < today < contract.end_date
    plan = plan_of(session=session, contract_id=contract.id)
    assert plan is not None and plan.status is PlanStatus.APPROVED
    actions = plan_actions(session=session, contract_id=contract.id)
    planned = planned_actions(session=session, contract_id=contract.id)
    assert [(action.status, action.verification) for action in actions].count(
        (ActionStatus.DONE, Verification.VERIFIED)
    ) == 2
    assert [action.status for action in actions].count(ActionStatus.IN_PROGRESS) == 1
    assert [is_overdue(action, today=today) for action in planned].count(True) == 1
    states = [period.state for period in report_states(session=session, contract=contract, today=today)]
    assert states[:3] == [ReportState.ACCEPTED, ReportState.DUE, ReportState.NOT_YET_DUE]
    due = report_states(session=session, contract=contract, today=today)[1].period.due
    assert today < due <= today + timedelta(days=14)  # due soon
    assert current_step(session=session, contract_id=contract.id) is EscalationLevel.DIALOGUE
    evidence = session.exec(select(Attachment).where(Attachment.contract_id == contract.id)).all()
    assert sorted((file.filename, file.media_type) for file in evidence) == [
        ("auditrapport-kota-stone.pdf", "application/pdf"),
        ("presentielijst-training-budhpura.csv", "text/csv"),
    ]
    assert all((tmp_path / "uploads" / file.stored_name).is_file() for file in evidence)
    # the timeline reads as the story happened: over the year before today, in order, none later
    events = contract_events(session=session, contract_id=contract.id)
    assert len(events) > 10 and events[-1].at.date() <= today
    assert events[0].at.date() < contract.start_date
    assert main(["demo"]) == EXIT_OK  # once: the story is not written twice
    assert len(contract_events(session=session, contract_id=contract.id)) == len(events)
