"""Notifications: what a user should know about their contracts, made from the plan of action, the
reporting periods and the audit log, shown in the app and e-mailed once when SMTP is configured.

Two sources:

- Time-based, from `today` (web.clock, or `chainmap notify --today`): an open action of an approved plan
  due within DUE_SOON_DAYS (to the supplier's users), an open action past its due date and a reporting
  period past its due date without a report (to the supplier's users and the buyer side). The key holds
  the due date, so an action whose due date moved notifies again. Actions of a plan that was never
  approved are proposals still under discussion, so they notify nobody.
- Event-based, from the append-only audit log (key "audit:{event id}"): a plan or report submitted (to
  the buyer side), a revision requested of a chain version, a plan or a report (to the supplier's users),
  an escalation step (to the supplier's users). Only events of the last EVENT_WINDOW_DAYS count: the
  first run on a database that already has a long history would otherwise bury every user under news
  of months ago, and an event older than that has long been seen on the contract's timeline.

Nobody is notified of what they did themselves, inactive users get nothing, and a user has at most one
notification per key (a unique constraint), so `collect` may run as often as one likes.

E-mail (`send_due`): one message per user per run listing their notifications not yet e-mailed, in the
user's language, each with a link to the contract's page. Only notifications made within
EMAIL_WINDOW_DAYS are e-mailed: the ones made while no SMTP server was configured (or while the timer did
not run) are in the app already, and configuring SMTP later must not send months of stale news at once.

Never twice, even when two runs overlap (a slow SMTP server, cron starting the next run while the last
still sends): a run claims a user's notifications before it sends them, one conditional update per
notification (`emailed_at` set where it is still empty, committed at once), and e-mails only those it
claimed. A run that read the same notifications earlier finds them claimed and leaves them to the run
that claimed them. A failed send releases the claim (`emailed_at` empty again), so the next run tries
again. A run killed between claiming and sending leaves its claimed notifications marked as e-mailed:
at most once rather than perhaps twice, and they are in the app anyway.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final, Protocol

from sqlalchemy import func, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from chainmap.monitoring import OPEN_STATUSES, reporting_periods
from chainmap.themes import LANGS, Lang
from models import (
    ActionPlan,
    AuditEvent,
    AuditKind,
    Contract,
    Notification,
    NotificationKind,
    PlanAction,
    ProgressReport,
    ReportStatus,
    ReviewDecision,
    Role,
    User,
)
from web.formatting import date_text
from web.mail import MailOutcome, mail_configured, send_mail
from web.messages import web_text
from web.services.contracts import BUYER_SIDE
from web.settings import Settings

DUE_SOON_DAYS: Final = 14  # an open action due within this many days notifies the supplier
EVENT_WINDOW_DAYS: Final = 30  # audit events older than this notify nobody (see the module's docstring)
EMAIL_WINDOW_DAYS: Final = 3  # notifications older than this are not e-mailed (see the module's docstring)
PAGE_LIMIT: Final = 200  # the notifications page shows the newest this many
DEFAULT_LANG: Final[Lang] = "nl"

SUPPLIER_SIDE: Final = "supplier"
BUYER: Final = "buyer"
BOTH: Final = "both"


class Mailer(Protocol):
    """Sends one plain-text e-mail (web.mail.send_mail with the settings bound, or a fake in tests)."""

    def __call__(self, *, to: str, subject: str, body: str) -> MailOutcome: ...


@dataclass(frozen=True)
class Planned:
    """A notification to make: for whom, on which contract, what, its key and the facts its sentence
    needs (written into `Notification.details`)."""

    user: User
    contract: Contract
    kind: NotificationKind
    key: str
    details: dict[str, Any]


@dataclass
class Sending:
    """What `send_due` did (or, in a dry run, would do): the e-mails by user with their notifications."""

    sent: list[tuple[User, int]] = field(default_factory=list)  # each user e-mailed, with the count
    failed: list[tuple[User, int]] = field(default_factory=list)


def _language(user: User) -> Lang:
    return user.language if user.language in LANGS else DEFAULT_LANG


def _recipients(users: Iterable[User], contract: Contract, side: str, actor_id: int | None) -> list[User]:
    """The active users of the contract's `side` (supplier, buyer or both), without the actor."""
    chosen = []
    for user in users:
        supplier = user.role is Role.SUPPLIER and user.organisation_id == contract.supplier_organisation_id
        buyer = user.role in BUYER_SIDE and user.organisation_id == contract.buyer_organisation_id
        wanted = supplier if side == SUPPLIER_SIDE else buyer if side == BUYER else supplier or buyer
        if (
            wanted
            and user.is_active
            and user.id != actor_id
            and contract.supplier_organisation_id is not None
        ):
            chosen.append(user)
    return chosen


def _contracts(*, session: Session, user: User | None) -> list[Contract]:
    """Every contract with a supplier, or those `user` is a party to."""
    query = select(Contract).where(col(Contract.supplier_organisation_id).is_not(None))
    if user is not None:
        if user.organisation_id is None or not user.is_active:
            return []
        if user.role is Role.SUPPLIER:
            query = query.where(Contract.supplier_organisation_id == user.organisation_id)
        elif user.role in BUYER_SIDE:
            query = query.where(Contract.buyer_organisation_id == user.organisation_id)
        else:
            return []
    return list(session.exec(query.order_by(col(Contract.id))))


def _users_by_organisation(
    *, session: Session, contracts: Sequence[Contract], user: User | None
) -> dict[int, list[User]]:
    """The active users of the contracts' organisations (only `user` when given), by organisation."""
    if user is not None:
        return {user.organisation_id: [user]} if user.organisation_id is not None else {}
    organisation_ids = {contract.buyer_organisation_id for contract in contracts} | {
        contract.supplier_organisation_id
        for contract in contracts
        if contract.supplier_organisation_id is not None
    }
    found: dict[int, list[User]] = {}
    if not organisation_ids:
        return found
    query = select(User).where(col(User.organisation_id).in_(organisation_ids), col(User.is_active))
    for row in session.exec(query.order_by(col(User.id))):
        if row.organisation_id is not None:
            found.setdefault(row.organisation_id, []).append(row)
    return found


def _contract_users(contract: Contract, users: dict[int, list[User]]) -> list[User]:
    supplier = users.get(contract.supplier_organisation_id, []) if contract.supplier_organisation_id else []
    return [*users.get(contract.buyer_organisation_id, []), *supplier]


def _contract_facts(contract: Contract) -> dict[str, Any]:
    return {"reference": contract.reference, "title": contract.title}


def _action_notifications(
    *, session: Session, contracts: dict[int, Contract], users: dict[int, list[User]], today: date
) -> list[Planned]:
    """Open actions of approved plans due within DUE_SOON_DAYS (supplier) or past due (both sides)."""
    if not contracts:
        return []
    query = (
        select(PlanAction)
        .join(ActionPlan, col(ActionPlan.contract_id) == col(PlanAction.contract_id))
        .where(
            col(PlanAction.contract_id).in_(list(contracts)),
            col(ActionPlan.first_approved_at).is_not(None),
            col(PlanAction.status).in_(list(OPEN_STATUSES)),
            col(PlanAction.due_on) <= today + timedelta(days=DUE_SOON_DAYS),
        )
        .order_by(col(PlanAction.due_on), col(PlanAction.id))
    )
    planned = []
    for action in session.exec(query):
        contract = contracts[action.contract_id]
        overdue = action.due_on < today
        kind = NotificationKind.ACTION_OVERDUE if overdue else NotificationKind.ACTION_DUE_SOON
        details = {
            **_contract_facts(contract),
            "action_id": action.id,
            "action": action.title,
            "due": action.due_on.isoformat(),
        }
        side = BOTH if overdue else SUPPLIER_SIDE
        for user in _recipients(_contract_users(contract, users), contract, side, None):
            key = f"{kind.value}:{action.id}:{action.due_on.isoformat()}"
            planned.append(Planned(user, contract, kind, key, details))
    return planned


def _report_notifications(
    *, session: Session, contracts: dict[int, Contract], users: dict[int, list[User]], today: date
) -> list[Planned]:
    """Reporting periods past their due date without a submitted report (both sides)."""
    if not contracts:
        return []
    query = select(ProgressReport.contract_id, ProgressReport.period_number).where(
        col(ProgressReport.contract_id).in_(list(contracts))
    )
    reported = {(contract_id, number) for contract_id, number in session.exec(query)}
    planned = []
    for contract_id, contract in contracts.items():
        if contract.start_date > today:
            continue
        periods = reporting_periods(
            start=contract.start_date, end=contract.end_date, schedule=contract.reporting_schedule
        )
        for period in periods:
            if period.due >= today or (contract_id, period.number) in reported:
                continue
            details = {**_contract_facts(contract), "period": period.number, "due": period.due.isoformat()}
            key = f"{NotificationKind.REPORT_OVERDUE.value}:{contract_id}:{period.number}"
            for user in _recipients(_contract_users(contract, users), contract, BOTH, None):
                planned.append(Planned(user, contract, NotificationKind.REPORT_OVERDUE, key, details))
    return planned


def _event_kind(event: AuditEvent) -> tuple[NotificationKind, str, str] | None:
    """What an audit event notifies (kind, side, what it concerns), or None when it notifies nobody."""
    decision = event.details.get("decision", event.details.get("status"))
    if event.kind is AuditKind.PLAN_SUBMITTED:
        return NotificationKind.PLAN_SUBMITTED, BUYER, "plan"
    if event.kind is AuditKind.REPORT_SUBMITTED:
        return NotificationKind.REPORT_SUBMITTED, BUYER, "report"
    if event.kind is AuditKind.CHAIN_REVIEWED and decision == ReviewDecision.REVISION_REQUESTED.value:
        return NotificationKind.REVISION_REQUESTED, SUPPLIER_SIDE, "chain"
    if event.kind is AuditKind.PLAN_RETURNED:
        return NotificationKind.REVISION_REQUESTED, SUPPLIER_SIDE, "plan"
    if event.kind is AuditKind.REPORT_REVIEWED and decision == ReportStatus.MORE_INFORMATION_NEEDED.value:
        return NotificationKind.REVISION_REQUESTED, SUPPLIER_SIDE, "report"
    if event.kind is AuditKind.ESCALATION_RECORDED:
        return NotificationKind.ESCALATION_RECORDED, SUPPLIER_SIDE, "escalation"
    return None


NOTIFYING_EVENTS: Final = (
    AuditKind.PLAN_SUBMITTED,
    AuditKind.REPORT_SUBMITTED,
    AuditKind.CHAIN_REVIEWED,
    AuditKind.PLAN_RETURNED,
    AuditKind.REPORT_REVIEWED,
    AuditKind.ESCALATION_RECORDED,
)


def _event_notifications(
    *, session: Session, contracts: dict[int, Contract], users: dict[int, list[User]], now: datetime
) -> list[Planned]:
    """The audit events of the last EVENT_WINDOW_DAYS that notify, for the other side (never the actor)."""
    if not contracts:
        return []
    query = (
        select(AuditEvent)
        .where(
            col(AuditEvent.contract_id).in_(list(contracts)),
            col(AuditEvent.kind).in_(NOTIFYING_EVENTS),
            col(AuditEvent.at) >= now - timedelta(days=EVENT_WINDOW_DAYS),
        )
        .order_by(col(AuditEvent.id))
    )
    events = list(session.exec(query))
    actor_ids = {event.user_id for event in events if event.user_id is not None}
    actors = (
        {
            row.id: row.full_name or row.email
            for row in session.exec(select(User).where(col(User.id).in_(actor_ids)))
        }
        if actor_ids
        else {}
    )
    planned = []
    for event in events:
        found = _event_kind(event)
        if found is None:
            continue
        kind, side, about = found
        contract = contracts[event.contract_id]
        details = {
            **_contract_facts(contract),
            "about": about,
            "who": actors.get(event.user_id, "") if event.user_id is not None else "",
        }
        period = event.details.get("number")  # a report's events name its period by number
        if about == "report" and period is not None:
            details["period"] = period
        if about == "chain":
            details["number"] = event.details.get("number")
        if about == "escalation":
            details["step"] = event.details.get("step")
            details["on"] = event.details.get("on")
        for user in _recipients(_contract_users(contract, users), contract, side, event.user_id):
            planned.append(Planned(user, contract, kind, f"audit:{event.id}", details))
    return planned


def _existing_keys(*, session: Session, planned: Sequence[Planned]) -> set[tuple[int, str]]:
    """The (user, key) pairs among `planned` that are stored already, in one query."""
    user_ids = {item.user.id for item in planned}
    if not user_ids:
        return set()
    query = select(Notification.user_id, Notification.key).where(
        col(Notification.user_id).in_(user_ids), col(Notification.key).in_({item.key for item in planned})
    )
    return {(user_id, key) for user_id, key in session.exec(query)}


def collect(
    *,
    session: Session,
    today: date,
    user: User | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
) -> list[Planned]:
    """Make the notifications that are due on `today` and missing (for `user` alone when given), and
    return them; a dry run returns them and writes nothing. Events count from `now` (UTC; the clock's
    when None). The insert ignores a (user, key) that another run stored meanwhile, on SQLite and
    PostgreSQL alike, so two runs at once make each notification once."""
    now = now or datetime.now(UTC)
    contracts = {contract.id: contract for contract in _contracts(session=session, user=user) if contract.id}
    users = _users_by_organisation(session=session, contracts=list(contracts.values()), user=user)
    planned = [
        *_action_notifications(session=session, contracts=contracts, users=users, today=today),
        *_report_notifications(session=session, contracts=contracts, users=users, today=today),
        *_event_notifications(session=session, contracts=contracts, users=users, now=now),
    ]
    stored = _existing_keys(session=session, planned=planned)
    missing: dict[tuple[int, str], Planned] = {}
    for item in planned:
        if item.user.id is not None and (item.user.id, item.key) not in stored:
            missing.setdefault((item.user.id, item.key), item)
    if missing and not dry_run:
        rows = [
            {
                "user_id": user_id,
                "contract_id": item.contract.id,
                "kind": item.kind,
                "key": key,
                "details": item.details,
                "created_at": now,
            }
            for (user_id, key), item in missing.items()
        ]
        dialect_insert = (
            postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        )
        statement = dialect_insert(Notification).values(rows)
        session.execute(statement.on_conflict_do_nothing(index_elements=["user_id", "key"]))
        session.commit()
    return list(missing.values())


def _pending(*, session: Session, now: datetime) -> list[tuple[Notification, User]]:
    """The notifications of active users not yet e-mailed and made within EMAIL_WINDOW_DAYS."""
    query = (
        select(Notification, User)
        .join(User, col(User.id) == col(Notification.user_id))
        .where(
            col(Notification.emailed_at).is_(None),
            col(Notification.created_at) >= now - timedelta(days=EMAIL_WINDOW_DAYS),
            col(User.is_active),
        )
        .order_by(col(Notification.user_id), col(Notification.id))
    )
    return [(notification, user) for notification, user in session.exec(query)]


def notification_path(notification: Notification | Planned) -> str:
    """The page a notification leads to: the action's, the report's or the plan's page, else the
    contract's (the escalation section for a step)."""
    contract_id = notification.contract.id if isinstance(notification, Planned) else notification.contract_id
    details = notification.details
    base = f"/contracts/{contract_id}"
    if notification.kind in (NotificationKind.ACTION_DUE_SOON, NotificationKind.ACTION_OVERDUE):
        return f"{base}/actions/{details['action_id']}"
    if notification.kind is NotificationKind.REPORT_OVERDUE or details.get("about") == "report":
        return f"{base}/reports/{details['period']}" if details.get("period") else f"{base}/reports"
    if details.get("about") == "plan":
        return f"{base}/plan"
    if notification.kind is NotificationKind.ESCALATION_RECORDED:
        return f"{base}#escalation"
    if notification.kind is NotificationKind.MEMBERSHIP_REQUESTED:
        return "/organisation#membership-requests"
    return base


def notification_text(notification: Notification | Planned, lang: Lang) -> str:
    """The notification's sentence in `lang`, dates written as the language writes them."""
    details = dict(notification.details)
    for name in ("due", "on"):
        if isinstance(details.get(name), str):
            details[name] = date_text(date.fromisoformat(details[name]), lang)
    if notification.kind is NotificationKind.ESCALATION_RECORDED and details.get("step"):
        details["step"] = web_text(f"escalation.step.{details['step']}", lang)
    key = f"notifications.{notification.kind.value}"
    if notification.kind is NotificationKind.REVISION_REQUESTED:
        key = f"{key}.{details.get('about', 'chain')}"
    return web_text(key, lang, **details)


def _mail(user: User, notifications: Sequence[Notification], base_url: str) -> tuple[str, str]:
    """The subject and body of the e-mail telling `user` of `notifications`, in the user's language."""
    lang = _language(user)
    if len(notifications) == 1:
        subject = web_text(
            "notifications.mail.subject_one", lang, text=notification_text(notifications[0], lang)
        )
    else:
        subject = web_text("notifications.mail.subject_many", lang, count=len(notifications))
    items = "\n\n".join(
        f"- {notification_text(item, lang)}\n  {base_url.rstrip('/')}{notification_path(item)}"
        for item in notifications
    )
    body = web_text(
        "notifications.mail.body",
        lang,
        name=user.full_name or user.email,
        items=items,
        link=f"{base_url.rstrip('/')}/notifications",
    )
    return subject, body


def send_due(
    *,
    session: Session,
    mailer: Mailer | None,
    base_url: str,
    dry_run: bool,
    now: datetime | None = None,
    collected: Sequence[Planned] = (),
) -> Sending:
    """E-mail each user the notifications not yet e-mailed (made within EMAIL_WINDOW_DAYS of `now`), one
    message per user; each user's notifications are claimed (`emailed_at` set and committed) before their
    message is sent and only the ones this run claimed are sent, so overlapping runs never send one
    twice; a failed send releases the claim, so the next run retries. Without a mailer (no SMTP
    configured) nothing is sent; a dry run sends nothing and writes nothing, and says what it would send,
    counting the notifications a dry `collect` would have made (`collected`, not stored)."""
    now = now or datetime.now(UTC)
    outcome = Sending()
    if mailer is None:
        return outcome
    by_user: dict[int, tuple[User, list[Notification]]] = {}
    for notification, user in _pending(session=session, now=now):
        by_user.setdefault(notification.user_id, (user, []))[1].append(notification)
    if dry_run:
        counts = {user_id: (user, len(items)) for user_id, (user, items) in by_user.items()}
        for item in collected:
            if item.user.id is not None:
                user, count = counts.get(item.user.id, (item.user, 0))
                counts[item.user.id] = (user, count + 1)
        outcome.sent = list(counts.values())
        return outcome
    for user, pending in by_user.values():
        notifications = _claim(session=session, notifications=pending, now=now)
        if not notifications:
            continue
        subject, body = _mail(user, notifications, base_url)
        try:
            sent = mailer(to=user.email, subject=subject, body=body) is MailOutcome.SENT
        except BaseException:
            _release(session=session, notifications=notifications)
            raise
        if not sent:
            _release(session=session, notifications=notifications)
            outcome.failed.append((user, len(notifications)))
            continue
        outcome.sent.append((user, len(notifications)))
    return outcome


def _claim(*, session: Session, notifications: Sequence[Notification], now: datetime) -> list[Notification]:
    """Mark `notifications` e-mailed at `now` where no other run did first, committed before anything is
    sent, and return those this run claimed: one conditional update per notification, whose row count
    says whether it was still unclaimed (on PostgreSQL a concurrent claim waits for the first one's commit
    and then finds `emailed_at` set; SQLite writes one at a time)."""
    claimed = []
    for notification in notifications:
        marked = session.connection().execute(
            update(Notification)
            .where(col(Notification.id) == notification.id, col(Notification.emailed_at).is_(None))
            .values(emailed_at=now)
        )
        if marked.rowcount == 1:
            claimed.append(notification)
    session.commit()
    return claimed


def _release(*, session: Session, notifications: Sequence[Notification]) -> None:
    """Undo this run's claim on `notifications` whose e-mail did not go out, so the next run retries."""
    ids = [item.id for item in notifications]
    session.connection().execute(
        update(Notification).where(col(Notification.id).in_(ids)).values(emailed_at=None)
    )
    session.commit()


def user_notifications(*, session: Session, user_id: int) -> list[Notification]:
    """The user's notifications, newest first (at most PAGE_LIMIT)."""
    query = (
        select(Notification)
        .where(Notification.user_id == user_id)
        .order_by(col(Notification.created_at).desc(), col(Notification.id).desc())
        .limit(PAGE_LIMIT)
    )
    return list(session.exec(query))


def unread_count(*, session: Session, user_id: int) -> int:
    """How many of the user's notifications are unread, in one COUNT query."""
    query = (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user_id, col(Notification.read_at).is_(None))
    )
    return int(session.exec(query).one())


def mark_all_read(*, session: Session, user_id: int, now: datetime | None = None) -> None:
    """Mark every unread notification of the user as read now."""
    session.execute(
        update(Notification)
        .where(col(Notification.user_id) == user_id, col(Notification.read_at).is_(None))
        .values(read_at=now or datetime.now(UTC))
    )
    session.commit()


def smtp_mailer(settings: Settings) -> Mailer | None:
    """The Mailer sending through the SMTP server the settings name (web.mail, as for invitations), or
    None when none is configured: then notifications stay in the app."""
    if not mail_configured(settings):
        return None

    def mailer(*, to: str, subject: str, body: str) -> MailOutcome:
        return send_mail(settings=settings, to=to, subject=subject, body=body)

    return mailer
