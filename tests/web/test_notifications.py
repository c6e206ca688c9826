"""Notifications: each kind made on fixed dates for the right people and nobody else, made and e-mailed
once however often `collect` and `send_due` run, also when two runs overlap, in the user's language; the
page, the read marking and the unread count; `chainmap notify` with --dry-run and --today."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Final

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, col, func, select

from chainmap.cli import EXIT_OK, main
from models import (
    ActionKind,
    ActionPlan,
    ActionStatus,
    AuditEvent,
    AuditKind,
    Contract,
    Notification,
    NotificationKind,
    PlanAction,
    PlanStatus,
    ProgressReport,
    Role,
    User,
)
from tests.factories.chain_versions import make_version
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_contracts import csrf, log_in
from web.mail import MailOutcome
from web.services import notifications
from web.services.audit import record
from web.services.notifications import (
    EMAIL_WINDOW_DAYS,
    EVENT_WINDOW_DAYS,
    Sending,
    collect,
    notification_path,
    send_due,
)
from web.settings import get_settings

TODAY: Final = date(2027, 6, 1)
BASE_URL: Final = "https://chainmap.example.nl"
SUPPLIER: Final = "verkoop@werkkleding.nl"
BUYER: Final = "inkoper@testdorp.nl"
MANAGER: Final = "cm@testdorp.nl"
OTHER_SUPPLIER: Final = "verkoop@andere.nl"
OTHER_BUYER: Final = "inkoper@elders.nl"


@dataclass
class World:
    """A contract of Gemeente Testdorp with Werkkleding BV and an approved plan, and another contract
    between two other organisations whose users must hear nothing of the first."""

    contract: Contract
    other: Contract
    users: dict[str, User]


@dataclass
class FakeMailer:
    """Counts the messages it is given; answers `outcome`."""

    outcome: MailOutcome = MailOutcome.SENT
    messages: list[tuple[str, str, str]] = field(default_factory=list)

    def __call__(self, *, to: str, subject: str, body: str) -> MailOutcome:
        self.messages.append((to, subject, body))
        return self.outcome


@pytest.fixture
def world(session: Session) -> World:
    contract = make_contract(session)
    other = make_contract(session, buyer="Gemeente Elders", supplier="Andere BV", reference="ELDERS-1")
    users = {
        SUPPLIER: make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV"),
        BUYER: make_user(session, email=BUYER),
        MANAGER: make_user(session, email=MANAGER, role=Role.CONTRACT_MANAGER),
        OTHER_SUPPLIER: make_user(
            session, email=OTHER_SUPPLIER, role=Role.SUPPLIER, organisation="Andere BV"
        ),
        OTHER_BUYER: make_user(session, email=OTHER_BUYER, organisation="Gemeente Elders"),
    }
    for plan_contract in (contract, other):
        supplier = users[SUPPLIER if plan_contract is contract else OTHER_SUPPLIER]
        version = make_version(session, contract=plan_contract, supplier=supplier)
        assert plan_contract.id is not None and version.id is not None
        session.add(
            ActionPlan(
                contract_id=plan_contract.id,
                version_id=version.id,
                status=PlanStatus.APPROVED,
                first_approved_at=datetime(2027, 2, 1, tzinfo=UTC),
            )
        )
    session.commit()
    return World(contract=contract, other=other, users=users)


def add_action(
    session: Session,
    contract: Contract,
    due_on: date,
    *,
    title: str = "Audit naaiatelier",
    status: ActionStatus = ActionStatus.PLANNED,
) -> PlanAction:
    assert contract.id is not None
    creator = session.exec(select(User).where(User.role == Role.SUPPLIER)).first()
    assert creator is not None and creator.id is not None
    action = PlanAction(
        contract_id=contract.id,
        title=title,
        kind=ActionKind.AUDIT,
        due_on=due_on,
        status=status,
        created_by_user_id=creator.id,
    )
    session.add(action)
    session.commit()
    session.refresh(action)
    return action


def stored(session: Session) -> set[tuple[str, NotificationKind, str]]:
    """Every stored notification as (user's e-mail, kind, key)."""
    session.expire_all()
    query = select(User.email, Notification.kind, Notification.key).join(
        User, col(User.id) == col(Notification.user_id)
    )
    return {(email, kind, key) for email, kind, key in session.exec(query)}


def row_counts(session: Session) -> tuple[int, int]:
    session.expire_all()
    return (
        session.exec(select(func.count()).select_from(Notification)).one(),
        session.exec(
            select(func.count()).select_from(Notification).where(col(Notification.emailed_at).is_not(None))
        ).one(),
    )


def test_an_open_action_due_within_14_days_notifies_the_supplier_only(session: Session, world: World) -> None:
    soon = add_action(session, world.contract, TODAY + timedelta(days=14))
    add_action(session, world.contract, TODAY + timedelta(days=15), title="Later")
    add_action(session, world.contract, TODAY + timedelta(days=3), title="Klaar", status=ActionStatus.DONE)
    add_action(session, world.other, TODAY + timedelta(days=3), title="Elders")
    collect(session=session, today=TODAY)
    key = f"action_due_soon:{soon.id}:2027-06-15"
    assert (SUPPLIER, NotificationKind.ACTION_DUE_SOON, key) in stored(session)
    assert {email for email, _, _ in stored(session)} == {SUPPLIER, OTHER_SUPPLIER}
    assert {key for email, _, key in stored(session) if email == SUPPLIER} == {key}


def test_an_overdue_action_notifies_the_supplier_and_the_buyer_side_of_the_contract(
    session: Session, world: World
) -> None:
    late = add_action(session, world.contract, TODAY - timedelta(days=1))
    add_action(
        session, world.contract, TODAY - timedelta(days=9), title="Geschrapt", status=ActionStatus.CANCELLED
    )
    collect(session=session, today=TODAY)
    key = f"action_overdue:{late.id}:2027-05-31"
    assert stored(session) == {
        (email, NotificationKind.ACTION_OVERDUE, key) for email in (SUPPLIER, BUYER, MANAGER)
    }


def test_the_actions_of_a_plan_never_approved_notify_nobody(session: Session, world: World) -> None:
    plan = session.exec(select(ActionPlan).where(ActionPlan.contract_id == world.contract.id)).one()
    plan.first_approved_at, plan.status = None, PlanStatus.SUBMITTED
    session.add(plan)
    session.commit()
    add_action(session, world.contract, TODAY - timedelta(days=1))
    add_action(session, world.contract, TODAY + timedelta(days=1))
    assert collect(session=session, today=TODAY) == []


def test_a_moved_due_date_notifies_again(session: Session, world: World) -> None:
    action = add_action(session, world.contract, TODAY + timedelta(days=5))
    collect(session=session, today=TODAY)
    action.due_on = TODAY + timedelta(days=10)
    session.add(action)
    session.commit()
    collect(session=session, today=TODAY)
    collect(session=session, today=TODAY)
    keys = {key for email, _, key in stored(session) if email == SUPPLIER}
    assert keys == {f"action_due_soon:{action.id}:2027-06-06", f"action_due_soon:{action.id}:2027-06-11"}


def test_a_report_past_its_due_date_without_a_report_notifies_both_sides(
    session: Session, world: World
) -> None:
    # The yearly contract's first period (2027) is due on 30 January 2028; on that day it is not overdue.
    assert collect(session=session, today=date(2028, 1, 30)) == []
    collect(session=session, today=date(2028, 1, 31))
    key = f"report_overdue:{world.contract.id}:1"
    assert {(email, key) for email, _, key in stored(session) if key.endswith(":1")} == {
        (SUPPLIER, key),
        (BUYER, key),
        (MANAGER, key),
        (OTHER_SUPPLIER, f"report_overdue:{world.other.id}:1"),
        (OTHER_BUYER, f"report_overdue:{world.other.id}:1"),
    }


def test_a_submitted_report_is_not_overdue(session: Session, world: World) -> None:
    assert world.contract.id is not None
    version_id = session.exec(
        select(ActionPlan.version_id).where(ActionPlan.contract_id == world.contract.id)
    ).one()
    supplier_id = world.users[SUPPLIER].id
    assert supplier_id is not None
    session.add(
        ProgressReport(
            contract_id=world.contract.id,
            period_number=1,
            period_start=date(2027, 1, 1),
            period_end=date(2027, 12, 31),
            version_id=version_id,
            submitted_by_user_id=supplier_id,
        )
    )
    session.commit()
    collect(session=session, today=date(2028, 3, 1))
    assert not [key for _, _, key in stored(session) if key == f"report_overdue:{world.contract.id}:1"]


def add_event(session: Session, contract: Contract, user: User, kind: AuditKind, **details: object) -> int:
    assert contract.id is not None
    record(session=session, contract_id=contract.id, user=user, kind=kind, **details)
    session.commit()
    event_id = session.exec(select(func.max(AuditEvent.id))).one()
    assert event_id is not None
    return int(event_id)


def test_each_event_notifies_the_other_side_and_never_the_one_who_did_it(
    session: Session, world: World
) -> None:
    contract, users = world.contract, world.users
    plan = add_event(session, contract, users[SUPPLIER], AuditKind.PLAN_SUBMITTED)
    report = add_event(session, contract, users[SUPPLIER], AuditKind.REPORT_SUBMITTED, number=1)
    chain = add_event(
        session,
        contract,
        users[BUYER],
        AuditKind.CHAIN_REVIEWED,
        number=1,
        decision="revision_requested",
        comment="x",
    )
    add_event(
        session, contract, users[BUYER], AuditKind.CHAIN_REVIEWED, number=2, decision="accepted", comment=""
    )
    returned = add_event(session, contract, users[MANAGER], AuditKind.PLAN_RETURNED, comment="Te vaag")
    more = add_event(
        session,
        contract,
        users[MANAGER],
        AuditKind.REPORT_REVIEWED,
        number=1,
        decision="more_information_needed",
    )
    add_event(session, contract, users[MANAGER], AuditKind.REPORT_REVIEWED, number=1, decision="accepted")
    step = add_event(
        session,
        contract,
        users[MANAGER],
        AuditKind.ESCALATION_RECORDED,
        step="dialogue",
        previous="resolved",
        on="2027-05-20",
        reason="Geen reactie",
    )
    add_event(session, contract, users[BUYER], AuditKind.INVITATION_SENT, email="x@y.nl")
    collect(session=session, today=TODAY)
    assert stored(session) == {
        (BUYER, NotificationKind.PLAN_SUBMITTED, f"audit:{plan}"),
        (MANAGER, NotificationKind.PLAN_SUBMITTED, f"audit:{plan}"),
        (BUYER, NotificationKind.REPORT_SUBMITTED, f"audit:{report}"),
        (MANAGER, NotificationKind.REPORT_SUBMITTED, f"audit:{report}"),
        (SUPPLIER, NotificationKind.REVISION_REQUESTED, f"audit:{chain}"),
        (SUPPLIER, NotificationKind.REVISION_REQUESTED, f"audit:{returned}"),
        (SUPPLIER, NotificationKind.REVISION_REQUESTED, f"audit:{more}"),
        (SUPPLIER, NotificationKind.ESCALATION_RECORDED, f"audit:{step}"),
    }
    paths = {
        notification.key: notification_path(notification)
        for notification in session.exec(
            select(Notification).where(Notification.user_id == users[SUPPLIER].id)
        )
    }
    base = f"/contracts/{contract.id}"
    assert paths == {
        f"audit:{chain}": base,
        f"audit:{returned}": f"{base}/plan",
        f"audit:{more}": f"{base}/reports/1",
        f"audit:{step}": f"{base}#escalation",
    }


def test_the_buyer_side_user_who_submitted_nothing_is_notified_but_not_the_submitter(
    session: Session, world: World
) -> None:
    # A contract manager submitting a report for the supplier (not the rule, but possible) is not told of it.
    event = add_event(session, world.contract, world.users[MANAGER], AuditKind.REPORT_SUBMITTED, number=1)
    collect(session=session, today=TODAY)
    assert stored(session) == {(BUYER, NotificationKind.REPORT_SUBMITTED, f"audit:{event}")}


def test_events_older_than_the_window_notify_nobody(session: Session, world: World) -> None:
    add_event(session, world.contract, world.users[SUPPLIER], AuditKind.PLAN_SUBMITTED)
    later = datetime.now(UTC) + timedelta(days=EVENT_WINDOW_DAYS, hours=1)
    assert collect(session=session, today=TODAY, now=later) == []
    assert len(collect(session=session, today=TODAY, now=later - timedelta(hours=2))) == 2


def test_inactive_users_get_nothing(session: Session, world: World) -> None:
    manager = world.users[MANAGER]
    manager.is_active = False
    session.add(manager)
    session.commit()
    add_action(session, world.contract, TODAY - timedelta(days=1))
    collect(session=session, today=TODAY)
    assert MANAGER not in {email for email, _, _ in stored(session)}
    assert collect(session=session, today=TODAY, user=manager) == []


def test_notify_twice_makes_and_e_mails_each_notification_once(session: Session, world: World) -> None:
    add_action(session, world.contract, TODAY + timedelta(days=2))
    add_action(session, world.contract, TODAY - timedelta(days=2), title="Te laat")
    add_event(session, world.contract, world.users[SUPPLIER], AuditKind.PLAN_SUBMITTED)
    mailer = FakeMailer()
    made = collect(session=session, today=TODAY)
    sending = send_due(session=session, mailer=mailer, base_url=BASE_URL, dry_run=False)
    assert len(made) == 6  # the supplier: due soon and overdue; buyer and manager: overdue, plan
    assert sorted(to for to, _, _ in mailer.messages) == sorted([SUPPLIER, BUYER, MANAGER])
    assert sum(count for _, count in sending.sent) == 6
    assert collect(session=session, today=TODAY) == []
    again = send_due(session=session, mailer=mailer, base_url=BASE_URL, dry_run=False)
    assert again.sent == [] and len(mailer.messages) == 3
    assert row_counts(session) == (6, 6)


def test_a_failed_send_is_retried_on_the_next_run(session: Session, world: World) -> None:
    add_action(session, world.contract, TODAY + timedelta(days=2))
    collect(session=session, today=TODAY)
    failing = FakeMailer(outcome=MailOutcome.FAILED)
    assert send_due(session=session, mailer=failing, base_url=BASE_URL, dry_run=False).failed
    assert row_counts(session) == (1, 0)
    working = FakeMailer()
    send_due(session=session, mailer=working, base_url=BASE_URL, dry_run=False)
    assert len(working.messages) == 1 and row_counts(session) == (1, 1)


@dataclass
class OverlappedMailer:
    """A slow SMTP server: while it sends its first message, `rival` (another run, on its own session)
    runs from start to end; then it answers `outcome`."""

    rival: Callable[[], Sending]
    outcome: MailOutcome = MailOutcome.SENT
    messages: list[str] = field(default_factory=list)
    rival_sending: Sending | None = None

    def __call__(self, *, to: str, subject: str, body: str) -> MailOutcome:
        if self.rival_sending is None:
            self.rival_sending = self.rival()
        self.messages.append(to)
        return self.outcome


def test_a_run_started_while_another_sends_never_sends_the_same_notification(
    session: Session, engine: Engine, world: World
) -> None:
    add_action(session, world.contract, TODAY - timedelta(days=2))  # overdue: supplier, buyer, manager
    collect(session=session, today=TODAY)
    rival = FakeMailer()
    with Session(engine) as other:
        mailer = OverlappedMailer(
            rival=lambda: send_due(session=other, mailer=rival, base_url=BASE_URL, dry_run=False)
        )
        send_due(session=session, mailer=mailer, base_url=BASE_URL, dry_run=False)
    first, *rest = mailer.messages
    rival_messages = [to for to, _, _ in rival.messages]
    assert first not in rival_messages  # claimed by the first run before it sent
    assert sorted([*mailer.messages, *rival_messages]) == sorted([SUPPLIER, BUYER, MANAGER])
    assert rest == []  # the rival claimed the others while the first run was still sending
    assert row_counts(session) == (3, 3)


def test_a_failed_send_in_overlapping_runs_is_sent_once_by_the_next_run(
    session: Session, engine: Engine, world: World
) -> None:
    add_action(session, world.contract, TODAY - timedelta(days=2))
    collect(session=session, today=TODAY)
    rival = FakeMailer()
    with Session(engine) as other:
        mailer = OverlappedMailer(
            rival=lambda: send_due(session=other, mailer=rival, base_url=BASE_URL, dry_run=False),
            outcome=MailOutcome.FAILED,
        )
        failed = send_due(session=session, mailer=mailer, base_url=BASE_URL, dry_run=False).failed
    assert [user.email for user, _ in failed] == mailer.messages
    assert mailer.messages[0] not in [to for to, _, _ in rival.messages]
    assert row_counts(session) == (3, 2)  # the failed one's claim is released
    next_run = FakeMailer()
    send_due(session=session, mailer=next_run, base_url=BASE_URL, dry_run=False)
    assert [to for to, _, _ in next_run.messages] == mailer.messages
    assert row_counts(session) == (3, 3)


def test_of_two_runs_that_read_the_same_pending_notifications_only_the_one_that_claims_sends(
    session: Session, engine: Engine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_action(session, world.contract, TODAY - timedelta(days=2))
    collect(session=session, today=TODAY)
    read_pending = notifications._pending
    rival = FakeMailer()
    readers: list[Session] = []

    def pending_then_rival(*, session: Session, now: datetime) -> list[tuple[Notification, User]]:
        """Read the pending notifications; after the first run's read, let a rival run (which reads them
        too) send them all."""
        found = read_pending(session=session, now=now)
        readers.append(session)
        if len(readers) == 1:
            with Session(engine) as other:
                send_due(session=other, mailer=rival, base_url=BASE_URL, dry_run=False)
        return found

    monkeypatch.setattr(notifications, "_pending", pending_then_rival)
    late = FakeMailer()
    sending = send_due(session=session, mailer=late, base_url=BASE_URL, dry_run=False)
    assert sorted(to for to, _, _ in rival.messages) == sorted([SUPPLIER, BUYER, MANAGER])
    assert len(readers) == 2 and late.messages == [] and sending.sent == [] and sending.failed == []
    assert row_counts(session) == (3, 3)


def test_a_send_that_raises_releases_its_claim(session: Session, world: World) -> None:
    add_action(session, world.contract, TODAY + timedelta(days=2))
    collect(session=session, today=TODAY)

    def broken(*, to: str, subject: str, body: str) -> MailOutcome:
        raise ConnectionResetError(to)

    with pytest.raises(ConnectionResetError):
        send_due(session=session, mailer=broken, base_url=BASE_URL, dry_run=False)
    assert row_counts(session) == (1, 0)
    working = FakeMailer()
    send_due(session=session, mailer=working, base_url=BASE_URL, dry_run=False)
    assert len(working.messages) == 1 and row_counts(session) == (1, 1)


def test_without_smtp_nothing_is_e_mailed_and_old_notifications_are_not_mailed_later(
    session: Session, world: World
) -> None:
    add_action(session, world.contract, TODAY + timedelta(days=2))
    collect(session=session, today=TODAY)
    assert send_due(session=session, mailer=None, base_url=BASE_URL, dry_run=False).sent == []
    assert row_counts(session) == (1, 0)
    mailer = FakeMailer()
    later = datetime.now(UTC) + timedelta(days=EMAIL_WINDOW_DAYS, hours=1)
    assert send_due(session=session, mailer=mailer, base_url=BASE_URL, dry_run=False, now=later).sent == []
    assert mailer.messages == []
    send_due(session=session, mailer=mailer, base_url=BASE_URL, dry_run=False)
    assert len(mailer.messages) == 1  # a notification made within the window is e-mailed


def test_a_dry_run_writes_nothing_and_says_what_it_would_send(session: Session, world: World) -> None:
    add_action(session, world.contract, TODAY - timedelta(days=2))
    mailer = FakeMailer()
    made = collect(session=session, today=TODAY, dry_run=True)
    sending = send_due(session=session, mailer=mailer, base_url=BASE_URL, dry_run=True, collected=made)
    assert len(made) == 3 and sum(count for _, count in sending.sent) == 3
    assert row_counts(session) == (0, 0) and mailer.messages == []
    collect(session=session, today=TODAY)
    assert send_due(session=session, mailer=mailer, base_url=BASE_URL, dry_run=True).sent
    assert row_counts(session) == (3, 0) and mailer.messages == []


def test_the_e_mail_is_in_the_users_language_with_a_link_to_the_action(
    session: Session, world: World
) -> None:
    supplier = world.users[SUPPLIER]
    supplier.language = "en"
    session.add(supplier)
    session.commit()
    action = add_action(session, world.contract, TODAY - timedelta(days=2), title="Audit Dhaka")
    collect(session=session, today=TODAY)
    mailer = FakeMailer()
    send_due(session=session, mailer=mailer, base_url=BASE_URL + "/", dry_run=False)
    mails = {to: (subject, body) for to, subject, body in mailer.messages}
    link = f"{BASE_URL}/contracts/{world.contract.id}/actions/{action.id}"
    subject, body = mails[SUPPLIER]
    assert "Action “Audit Dhaka” on contract WK-2027-01 is overdue: it was due on 30 May 2027." in subject
    assert link in body and "Dear" in body and f"{BASE_URL}/notifications" in body
    subject, body = mails[BUYER]
    assert (
        "Actie “Audit Dhaka” van contract WK-2027-01 is te laat: die moest af zijn op 30 mei 2027." in subject
    )
    assert link in body and "Beste" in body


@pytest.fixture
def page_client(client: TestClient) -> TestClient:
    client.app.state.today = lambda: TODAY  # type: ignore[attr-defined]
    return client


def test_the_page_makes_the_users_notifications_marks_unread_and_marks_them_read(
    page_client: TestClient, session: Session, world: World
) -> None:
    event = add_event(
        session,
        world.contract,
        world.users[MANAGER],
        AuditKind.ESCALATION_RECORDED,
        step="written_warning",
        previous="dialogue",
        on="2027-05-20",
        reason="Geen reactie",
    )
    log_in(page_client, SUPPLIER)
    page = page_client.get("/notifications").text
    sentence = "Test Gebruiker heeft voor contract WK-2027-01 de escalatiestap “schriftelijke waarschuwing” "
    assert sentence in page and f'href="/contracts/{world.contract.id}#escalation"' in page
    assert re.search(r'<li class="unread">\s*<strong class="badge">nieuw</strong>', page)
    assert 'aria-label="1 ongelezen"' in page  # the count in the navigation
    assert stored(session) == {(SUPPLIER, NotificationKind.ESCALATION_RECORDED, f"audit:{event}")}

    refused = page_client.post("/notifications/read", data={"csrf_token": "wrong"}, follow_redirects=False)
    assert refused.status_code == 400 and "Het formulier is verlopen" in refused.text
    response = page_client.post(
        "/notifications/read", data={"csrf_token": csrf(page_client)}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/notifications"
    page = page_client.get("/notifications").text
    assert sentence in page and 'class="unread"' not in page and "ongelezen" not in page
    english = page_client.get("/notifications", headers={"Accept-Language": "en"}).text
    assert (
        "recorded the escalation step “written warning” on contract WK-2027-01 as of 20 May 2027" in english
    )


def test_a_user_sees_only_their_own_notifications(
    page_client: TestClient, session: Session, world: World
) -> None:
    add_action(session, world.contract, TODAY - timedelta(days=1), title="Geheime actie")
    add_action(session, world.other, TODAY - timedelta(days=1), title="Actie elders")
    collect(session=session, today=TODAY)
    log_in(page_client, OTHER_BUYER)
    page = page_client.get("/notifications").text
    assert "Actie elders" in page and "Geheime actie" not in page
    page_client.post("/notifications/read", data={"csrf_token": csrf(page_client)})
    session.expire_all()
    unread = session.exec(
        select(User.email).join(Notification).where(col(Notification.read_at).is_(None))
    ).all()
    assert sorted(unread) == sorted([SUPPLIER, BUYER, MANAGER, OTHER_SUPPLIER])


@pytest.fixture
def app_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def test_the_notify_command_prints_each_notification_once_and_a_dry_run_changes_nothing(
    app_database: str, session: Session, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    add_action(session, world.contract, TODAY - timedelta(days=1))
    assert main(["notify", "--dry-run", "--today", "2027-06-01"]) == EXIT_OK
    out = capsys.readouterr().out
    assert re.search(rf"{re.escape(SUPPLIER)}\s+action_overdue\s+WK-2027-01", out)
    assert "dry run: would make 3 notifications" in out and "no SMTP configured" in out
    assert row_counts(session) == (0, 0)
    assert main(["notify", "--today", "2027-06-01"]) == EXIT_OK
    out = capsys.readouterr().out
    assert len(re.findall(r"action_overdue\s+WK-2027-01", out)) == 3 and "3 notifications made" in out
    assert main(["notify", "--today", "2027-06-01"]) == EXIT_OK
    assert "0 notifications made" in capsys.readouterr().out
    assert row_counts(session) == (3, 0)
