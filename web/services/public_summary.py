"""The public summary of a contract, for the annual public accountability that the international social
conditions (ISV) ask of a buyer: published by the buyer side (opt-in) under a random link that anyone can
open, and withdrawn again, which ends the link.

It tells only what the buyer may make public: the buyer organisation, the contract's title and term
(public in procurement anyway), the countries and activities of the chain, the prioritised risk themes
with their numbers, the coverage share and the number of actions in each state. Never the supplier's
name, site names or ids, shares, comments, reasons, references or people: `PublicSummary` holds nothing
else, so no page or PDF made from it can show more.
"""

import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from chainmap.activities import activity_label
from chainmap.monitoring import coverage
from chainmap.reference import ReferenceData
from chainmap.themes import THEMES, Lang, theme_label
from models import AuditKind, Contract, User
from web.formatting import percent_text
from web.messages import web_text
from web.services.audit import record
from web.services.contract_report import ACTION_STATES, action_state, monitored_risks
from web.services.contracts import on_buyer_side, organisation_names
from web.services.errors import FormInvalid
from web.services.monitoring import actions_and_risks, as_planned
from web.services.review import country_text

TOKEN_BYTES = 24
PUBLISH = "publish"
WITHDRAW = "withdraw"
# The form's field, which the errors name.
CHOICE = "public_summary"


@dataclass(frozen=True)
class PublicSummary:
    """What the public summary shows, texts in the language it was made for. `themes` and `actions` are
    (label, count) pairs: themes by count, then in the themes' order; action states most advanced first,
    only those with actions. `coverage_share` is None without an analysed accepted chain."""

    buyer: str
    title: str
    start: date
    end: date
    as_of: date
    countries: tuple[str, ...]
    activities: tuple[str, ...]
    themes: tuple[tuple[str, int], ...]
    coverage_share: float | None
    actions: tuple[tuple[str, int], ...]

    def coverage_text(self, lang: Lang) -> str:
        """The coverage share as a percentage, or a dash without an analysed chain."""
        return "–" if self.coverage_share is None else percent_text(self.coverage_share * 100, lang)


def may_publish(*, user: User, contract: Contract) -> bool:
    """The contract's buyer side (buyers and contract managers of its buyer organisation) publishes and
    withdraws the summary: it is the buyer's accountability."""
    return on_buyer_side(user=user, contract=contract)


def change_publication(*, session: Session, contract: Contract, user: User, choice: str) -> str | None:
    """Publish (`choice` PUBLISH: a new random link, unless one is already public) or withdraw (WITHDRAW:
    the link stops working) the contract's public summary; the link's token, None once withdrawn.
    A change writes an audit event in the same transaction; asking for the state it is in changes nothing.
    Raises PermissionError for a user who may not, FormInvalid for another choice."""
    if not may_publish(user=user, contract=contract) or contract.id is None:
        raise PermissionError("only the contract's buyer side publishes its public summary")
    if choice not in (PUBLISH, WITHDRAW):
        raise FormInvalid({CHOICE: "exports.error.choice"})
    published = contract.public_summary_token is not None
    if (choice == PUBLISH) == published:
        return contract.public_summary_token
    contract.public_summary_token = secrets.token_urlsafe(TOKEN_BYTES) if choice == PUBLISH else None
    session.add(contract)
    record(
        session=session,
        contract_id=contract.id,
        user=user,
        kind=AuditKind.PUBLIC_SUMMARY_CHANGED,
        change="published" if choice == PUBLISH else "withdrawn",
    )
    session.commit()
    session.refresh(contract)
    return contract.public_summary_token


def published_contract(*, session: Session, token: str) -> Contract | None:
    """The contract whose public summary is published under `token`; None for any other token."""
    if not token:
        return None
    return session.exec(select(Contract).where(Contract.public_summary_token == token)).first()


def public_summary(
    *, session: Session, contract: Contract, lang: Lang, today: date, reference: ReferenceData
) -> PublicSummary:
    """The public summary of `contract` as of `today` in `lang` (see the module's docstring)."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    _, analysis, prioritised = monitored_risks(session=session, contract=contract, reference=reference)
    actions, risks = actions_and_risks(session=session, contract_id=contract.id)
    planned = [as_planned(action, risks[action.id]) for action in actions if action.id is not None]
    themes = Counter(hotspot.theme for hotspot in prioritised)
    states = Counter(action_state(action, today=today) for action in actions)
    nodes = analysis.nodes.values() if analysis is not None else ()
    buyer = organisation_names(session=session, ids={contract.buyer_organisation_id})
    return PublicSummary(
        buyer=buyer.get(contract.buyer_organisation_id, ""),
        title=contract.title,
        start=contract.start_date,
        end=contract.end_date,
        as_of=today,
        countries=tuple(sorted({country_text(node.country, lang, reference=reference) for node in nodes})),
        activities=tuple(sorted({activity_label(node.activity, lang) for node in nodes if node.activity})),
        themes=tuple(
            (theme_label(theme, lang), count)
            for theme, count in sorted(themes.items(), key=lambda item: (-item[1], THEMES.index(item[0])))
        ),
        coverage_share=coverage(prioritised, planned).share if analysis is not None else None,
        actions=tuple(
            (web_text(f"contract_report.state.{state}", lang), states[state])
            for state in ACTION_STATES
            if states[state]
        ),
    )
