"""A contract's timeline: its audit events, oldest first, each told in the page's language."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from chainmap.themes import Lang
from models import AuditEvent, AuditKind, EscalationLevel
from web.formatting import date_text, number_text
from web.messages import web_text
from web.services.audit import contract_events
from web.services.chains import user_names
from web.services.plan import change_value_text


@dataclass(frozen=True)
class TimelineEntry:
    """One event as the timeline shows it: when, who, what happened, and the comment or reason given."""

    at: datetime
    who: str
    what: str
    note: str


def _step_before(step: str, lang: Lang) -> str:
    """The step an escalation step followed: "no escalation" before the first step and after a resolved
    one (both are the ladder's "resolved"), else the step's name."""
    if step == EscalationLevel.RESOLVED:
        return web_text("escalation.none", lang).lower()
    return web_text(f"escalation.step.{step}", lang)


def _what(event: AuditEvent, lang: Lang) -> str:
    """The event's sentence, with its details written as the page's language writes them."""
    details = event.details
    key = f"timeline.{event.kind.value}"
    if event.kind is AuditKind.CHAIN_SUBMITTED:
        return web_text(key, lang, number=details["number"], sites=number_text(details["sites"], lang))
    if event.kind is AuditKind.CHAIN_REVIEWED:
        decision = web_text(f"status.{details['decision']}", lang)
        return web_text(key, lang, number=details["number"], decision=decision)
    if event.kind is AuditKind.ESCALATION_RECORDED:
        return web_text(
            key,
            lang,
            step=web_text(f"escalation.step.{details['step']}", lang),
            previous=_step_before(details["previous"], lang),
            on=date_text(date.fromisoformat(details["on"]), lang),
        )
    if event.kind is AuditKind.ATTACHMENT_ADDED:
        if "step" in details:
            step = web_text(f"escalation.step.{details['step']}", lang)
            return web_text(f"{key}_to_step", lang, step=step, filename=details["filename"])
        return web_text(key, lang, action=details["action"], filename=details["filename"])
    if event.kind is AuditKind.REPORT_SUBMITTED:
        return web_text(key, lang, number=details["number"], version=details["version"])
    if event.kind is AuditKind.REPORT_REVIEWED:
        decision = web_text(f"reports.state.{details['decision']}", lang)
        return web_text(key, lang, number=details["number"], decision=decision)
    if event.kind in _PLAN_KINDS:
        return _plan_what(event, lang)
    if event.kind is AuditKind.PUBLIC_SUMMARY_CHANGED:
        return web_text(f"{key}.{details['change']}", lang)
    return web_text(key, lang, email=details["email"])


_PLAN_KINDS = frozenset(
    {
        AuditKind.PLAN_SUBMITTED,
        AuditKind.PLAN_APPROVED,
        AuditKind.PLAN_RETURNED,
        AuditKind.ACTION_ADDED,
        AuditKind.ACTION_CHANGED,
        AuditKind.ACTION_NOTE_ADDED,
        AuditKind.ACTION_VERIFIED,
    }
)


def _plan_what(event: AuditEvent, lang: Lang) -> str:
    """The sentence of a plan of action's event (web.services.plan writes them)."""
    details = event.details
    key = f"timeline.{event.kind.value}"
    if event.kind is AuditKind.PLAN_SUBMITTED:
        return web_text(key, lang, actions=number_text(details["actions"], lang))
    if event.kind is AuditKind.ACTION_ADDED:
        due = date_text(date.fromisoformat(details["due"]), lang)
        return web_text(key, lang, title=details["title"], due=due)
    if event.kind is AuditKind.ACTION_CHANGED:
        field = details["field"]
        return web_text(
            key,
            lang,
            title=details["title"],
            field=web_text(f"action.field.{field}", lang),
            old=change_value_text(field, details["old"], lang),
            new=change_value_text(field, details["new"], lang),
        )
    if event.kind is AuditKind.ACTION_VERIFIED:
        verification = web_text(f"plan.verification.{details['verification']}", lang)
        return web_text(key, lang, title=details["title"], verification=verification)
    return web_text(key, lang, title=details.get("title", ""))


def timeline(*, session: Session, contract_id: int, lang: Lang) -> list[TimelineEntry]:
    """The contract's events, oldest first, in `lang`."""
    events = contract_events(session=session, contract_id=contract_id)
    names = user_names(session=session, ids={event.user_id for event in events if event.user_id is not None})
    return [
        TimelineEntry(
            at=event.at,
            who=names.get(event.user_id, "") if event.user_id is not None else "",
            what=_what(event, lang),
            note=str(event.details.get("comment") or event.details.get("reason") or ""),
        )
        for event in events
    ]
