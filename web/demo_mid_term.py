"""The demo's contract in the middle of its term, DEMO-002: natural stone for paving, with an accepted chain,
an approved plan of action (two actions done, with evidence, and verified; one in progress, one overdue,
one planned), the first progress report accepted and the second due soon, and an escalation at "dialogue".

The story is written through the same services as the web pages, each step on its own date; every date
is relative to the day the demo is made, so the demo always shows these states. The services stamp their
records with the real time, so after each step the records it wrote are dated to the story's day (at
noon, Dutch time), which makes the contract's timeline read as the story happened.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final, TypeVar
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlmodel import Session, SQLModel, col, select

from chainmap.monitoring import ReportingSchedule, add_months, reporting_periods
from chainmap.reference import ReferenceData
from models import (
    ActionNote,
    ActionPlan,
    Attachment,
    AuditEvent,
    ChainReview,
    ChainVersion,
    Contract,
    EscalationStep,
    PlanAction,
    ProgressReport,
    ReviewDecision,
    User,
)
from web.services.attachments import Upload, UploadStore, add_evidence
from web.services.chains import review_version
from web.services.escalation import record_step
from web.services.monitoring import prioritised_hotspots
from web.services.plan import (
    add_note,
    decide_plan,
    plan_of,
    propose_action,
    risk_value,
    submit_plan,
    update_action,
    verify_action,
)
from web.services.progress_reports import contract_periods, review_report, submit_report

REFERENCE: Final = "DEMO-002"
TITLE: Final = "Natuursteen voor bestrating en gevels"
CPV_CODES: Final = ("44912000-6", "44113130-5")
SCHEDULE: Final = ReportingSchedule.HALF_YEARLY
TERM_MONTHS: Final = 48
# The second report falls due this many days after the demo is made: "due soon".
NEXT_REPORT_IN_DAYS: Final = 10
DUTCH_TIME: Final = ZoneInfo("Europe/Amsterdam")
LABOUR_THEMES: Final = frozenset({"child_labour", "forced_labour"})

# The evidence of the training: who attended which session (a CSV, as a supplier would send it).
ATTENDANCE_CSV: Final = (
    b"datum,locatie,onderwerp,deelnemers\n"
    b"2026-04-20,Budhpura,Werving en schuldbinding,34\n"
    b"2026-04-27,Budhpura,Minimumleeftijd en leeftijdscontrole,29\n"
    b"2026-05-04,Kota,Klachten melden,41\n"
)

Made = TypeVar("Made")


def audit_summary_pdf() -> bytes:
    """The evidence of the audit: a one-page summary as a PDF (made with reportlab)."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    lines = (
        "Samenvatting onaangekondigde audit",
        "Kota Stone Processing Pvt. Ltd., Kota (Rajasthan, India)",
        "Bevindingen: geen kinderarbeid aangetroffen; twee arbeiders met een voorschot dat als",
        "schuldbinding kan werken. Herstel: voorschotten omgezet in giften, loonstroken ingevoerd.",
    )
    for number, line in enumerate(lines):
        page.drawString(72, 770 - 18 * number, line)
    page.showPage()
    page.save()
    return buffer.getvalue()


def mid_term_dates(today: date) -> tuple[date, date]:
    """The contract's start and end: started about a year ago, so that its first half-yearly report lies
    behind and its second falls due NEXT_REPORT_IN_DAYS from `today`."""
    start = add_months(today, -12)
    for _ in range(3):  # months differ in length; the second period's due date settles in a step or two
        end = add_months(start, TERM_MONTHS) - timedelta(days=1)
        second = reporting_periods(start=start, end=end, schedule=SCHEDULE)[1]
        start -= second.due - (today + timedelta(days=NEXT_REPORT_IN_DAYS))
    return start, add_months(start, TERM_MONTHS) - timedelta(days=1)


@dataclass(frozen=True)
class Cast:
    """Who acts in the story: the supplier, the municipality's buyer and its contract manager."""

    supplier: User
    buyer: User
    contract_manager: User


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=DUTCH_TIME).astimezone(UTC)


def _on(
    session: Session,
    contract: Contract,
    day: date,
    step: Callable[[], Made],
    *,
    since: datetime | None = None,
) -> Made:
    """Do `step`, then date what it wrote on the contract to `day`: its audit events and the times of the
    records the story shows (version, review, plan, actions, notes, reports, escalation), found as those
    stamped while the step ran (or, with `since`, from then on); earlier steps' records carry story dates
    outside that window."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    before = since or datetime.now(UTC) - timedelta(seconds=1)
    made = step()
    after = datetime.now(UTC) + timedelta(seconds=1)
    moment = _noon(day)
    timed: tuple[tuple[type[SQLModel], str], ...] = (
        (AuditEvent, "at"),
        (ChainVersion, "submitted_at"),
        (PlanAction, "created_at"),
        (PlanAction, "verified_at"),
        (ActionPlan, "submitted_at"),
        (ActionPlan, "decided_at"),
        (ActionPlan, "first_approved_at"),
        (ProgressReport, "submitted_at"),
        (ProgressReport, "reviewed_at"),
        (EscalationStep, "recorded_at"),
        (Attachment, "uploaded_at"),
    )
    for model, name in timed:  # each of these has a contract_id
        of_contract = col(getattr(model, "contract_id")) == contract.id  # noqa: B009 - several models
        for record in session.exec(
            select(model).where(of_contract, col(getattr(model, name)).between(before, after))
        ):
            setattr(record, name, moment)
            session.add(record)
    notes = select(ActionNote).join(PlanAction).where(PlanAction.contract_id == contract.id)
    for note in session.exec(notes.where(col(ActionNote.at).between(before, after))):
        note.at = moment
        session.add(note)
    reviews = select(ChainReview).join(ChainVersion).where(ChainVersion.contract_id == contract.id)
    for review in session.exec(reviews.where(col(ChainReview.decided_at).between(before, after))):
        review.decided_at = moment
        session.add(review)
    session.commit()
    return made


def add_mid_term_story(
    session: Session,
    *,
    contract: Contract,
    cast: Cast,
    reference: ReferenceData,
    store: UploadStore,
    today: date,
) -> bool:
    """Accept the contract's submitted version 1 and write the story after it, unless the contract has a
    plan already (the demo never rewrites one); the evidence files go to `store`. True when the story was
    written."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    version = session.exec(
        select(ChainVersion).where(ChainVersion.contract_id == contract.id, ChainVersion.number == 1)
    ).first()
    if version is None or plan_of(session=session, contract_id=contract.id) is not None:
        return False
    start = contract.start_date
    _on(session, contract, start - timedelta(days=45), lambda: None, since=version.submitted_at)
    _on(
        session,
        contract,
        start - timedelta(days=40),
        lambda: review_version(
            session=session,
            contract=contract,
            version=version,
            user=cast.buyer,
            decision=ReviewDecision.ACCEPTED,
            comment="",
        ),
    )
    prioritised = [
        (hotspot.node, hotspot.theme)
        for hotspot in prioritised_hotspots(session=session, version=version, reference=reference)
    ]

    def risks_at(node: str, *, labour: bool | None = None) -> list[str]:
        """The prioritised risks at the site `node` as the form sends them; with `labour`, only the
        child and forced labour themes (True) or only the others (False)."""
        return [
            risk_value((site, theme))
            for site, theme in prioritised
            if site == node and (labour is None or (theme in LABOUR_THEMES) == labour)
        ]

    proposed = start + timedelta(days=10)

    def propose(
        title: str, kind: str, owner: str, due: date, chosen: list[str], description: str
    ) -> PlanAction:
        return _on(
            session,
            contract,
            proposed,
            lambda: propose_action(
                session=session,
                contract=contract,
                user=cast.supplier,
                title=title,
                description=description,
                kind=kind,
                owner=owner,
                due_on=due.isoformat(),
                risks=chosen,
                today=proposed,
                reference=reference,
            ),
        )

    audit = propose(
        "Onafhankelijke audit in de zandsteengroeven van Budhpura",
        "audit",
        "Inkoop Natuursteen Import",
        start + timedelta(days=120),
        risks_at("IN-Q1", labour=True),
        "Een onaangekondigde audit door een geaccrediteerde auditor op dwang- en kinderarbeid in de groeven "
        "die Kota Stone Processing beleveren.",
    )
    training = propose(
        "Training arbeidsrechten in de steengroeven van Budhpura",
        "training",
        "Kota Stone Processing, HR",
        start + timedelta(days=200),
        risks_at("IN-Q1"),
        "Training van opzichters en arbeiders over werving, schuldbinding en de minimumleeftijd.",
    )
    grievance = propose(
        "Klachtenmechanisme voor arbeiders in de zandsteengroeven",
        "grievance_mechanism",
        "Kota Stone Processing, directie",
        today + timedelta(days=45),
        risks_at("IN-Q1", labour=True) + risks_at("IN-Q2", labour=True),
        "Een anonieme klachtenlijn in het Hindi voor de arbeiders in de groeven, beheerd door een lokale "
        "ngo.",
    )
    tracing = propose(
        "Herkomst van de blokken uit Bijolia in kaart brengen",
        "supplier_engagement",
        "Inkoop Natuursteen Import",
        today - timedelta(days=21),
        risks_at("IN-Q2"),
        "Per levering vastleggen uit welke groeve de blokken komen.",
    )
    propose(
        "Alternatieve leverancier van graniet onderzoeken",
        "supplier_change",
        "Inkoop Natuursteen Import",
        today + timedelta(days=120),
        risks_at("CN-PROC"),
        "Offertes vragen bij twee Europese graniethandelaren.",
    )
    _on(
        session,
        contract,
        start + timedelta(days=12),
        lambda: submit_plan(session=session, contract=contract, user=cast.supplier),
    )
    _on(
        session,
        contract,
        start + timedelta(days=20),
        lambda: decide_plan(
            session=session, contract=contract, user=cast.contract_manager, outcome="approved", comment=""
        ),
    )
    _done_and_verified(
        session,
        contract,
        cast,
        audit,
        done=start + timedelta(days=100),
        comment="Auditrapport ontvangen; de bevindingen zijn opgevolgd.",
        evidence=Upload(filename="auditrapport-kota-stone.pdf", content=audit_summary_pdf()),
        store=store,
    )
    _done_and_verified(
        session,
        contract,
        cast,
        training,
        done=start + timedelta(days=190),
        comment="Presentielijsten van drie trainingen gezien.",
        evidence=Upload(filename="presentielijst-training-budhpura.csv", content=ATTENDANCE_CSV),
        store=store,
    )
    _set_status(session, contract, cast, grievance, "in_progress", start + timedelta(days=150))
    _note(
        session,
        contract,
        cast.supplier,
        grievance,
        start + timedelta(days=150),
        "De ngo is gekozen; de klachtenlijn gaat na de zomer open.",
    )
    first = contract_periods(contract)[0]
    _on(
        session,
        contract,
        first.due - timedelta(days=5),
        lambda: submit_report(
            session=session,
            contract=contract,
            user=cast.supplier,
            period=first,
            narrative="De audit in de groeven van Budhpura is gedaan en de bevindingen zijn opgevolgd. De "
            "training in Budhpura is gepland; het klachtenmechanisme wordt voorbereid.",
            today=first.due - timedelta(days=5),
        ),
    )
    _on(
        session,
        contract,
        first.due + timedelta(days=2),
        lambda: review_report(
            session=session,
            contract=contract,
            user=cast.contract_manager,
            period=first,
            decision="accepted",
            comment="",
        ),
    )
    _note(
        session,
        contract,
        cast.contract_manager,
        tracing,
        today - timedelta(days=10),
        "Nog geen herkomstgegevens ontvangen; gesprek gepland.",
    )
    _on(
        session,
        contract,
        today - timedelta(days=10),
        lambda: record_step(
            session=session,
            contract=contract,
            user=cast.contract_manager,
            step="dialogue",
            on=(today - timedelta(days=10)).isoformat(),
            reason="De herkomst van de blokken uit Bijolia is niet op tijd in kaart gebracht; "
            "in gesprek over een nieuwe termijn.",
            today=today,
        ),
    )
    return True


def _set_status(
    session: Session,
    contract: Contract,
    cast: Cast,
    action: PlanAction,
    status: str,
    day: date,
) -> None:
    _on(
        session,
        contract,
        day,
        lambda: update_action(
            session=session,
            contract=contract,
            user=cast.supplier,
            action=action,
            title=action.title,
            description=action.description,
            owner=action.owner,
            due_on=action.due_on.isoformat(),
            status=status,
            cancel_reason="",
            today=day,
        ),
    )


def _done_and_verified(
    session: Session,
    contract: Contract,
    cast: Cast,
    action: PlanAction,
    *,
    done: date,
    comment: str,
    evidence: Upload,
    store: UploadStore,
) -> None:
    """The supplier starts the action, adds `evidence` and reports it done on `done`; the contract manager
    verifies it with `comment` five days later."""
    _set_status(session, contract, cast, action, "in_progress", done - timedelta(days=30))
    _on(
        session,
        contract,
        done,
        lambda: add_evidence(
            session=session,
            contract=contract,
            action=action,
            user=cast.supplier,
            upload=evidence,
            store=store,
        ),
    )
    _set_status(session, contract, cast, action, "done", done)
    _on(
        session,
        contract,
        done + timedelta(days=5),
        lambda: verify_action(
            session=session,
            contract=contract,
            user=cast.contract_manager,
            action=action,
            verification="verified",
            comment=comment,
        ),
    )


def _note(session: Session, contract: Contract, user: User, action: PlanAction, day: date, text: str) -> None:
    """A progress note by `user` on `action`, dated `day`."""
    _on(
        session,
        contract,
        day,
        lambda: add_note(session=session, contract=contract, user=user, action=action, text=text),
    )
