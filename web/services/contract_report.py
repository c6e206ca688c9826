"""The contract report: everything the contract file keeps about a contract's chain responsibility, read
from the database once into one `ContractReport`, with every text already in the report's language, for
the PDF (`web.services.report_pdf`) and the workbook (`web.services.report_xlsx`).

It follows the chain version the monitoring follows (`web.services.monitoring.monitored_version`: the
newest accepted one): its summary and risk graph, its prioritised risks with reasons and sources, the plan
of action with each action's state and verification, coverage and residual risk by the core's rules
(`chainmap.monitoring`), the progress reports and the escalation history. Who may read it is decided
before this module is reached (`web.deps.party_contract`, or the command line's operator).
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from chainmap.activities import activity_label
from chainmap.analysis import Hotspot
from chainmap.monitoring import (
    ActionStatus,
    PlannedAction,
    coverage,
    is_overdue,
    residual_risk,
)
from chainmap.reference import ReferenceData
from chainmap.themes import Lang, Level, theme_label
from models import (
    ActionPlan,
    ChainVersion,
    Contract,
    PlanAction,
    ProgressReport,
    Verification,
)
from web.formatting import percent_text
from web.messages import web_text
from web.services.contracts import organisation_names
from web.services.escalation import escalation_history
from web.services.monitoring import actions_and_risks, as_planned, monitored_version
from web.services.monitoring import prioritised_hotspots as stored_prioritised_hotspots
from web.services.review import VersionAnalysis, VersionNoLongerValid, country_text, version_analysis

# The state of an action as the report and the public summary count it, most advanced first.
ACTION_STATES = (
    "verified",
    "awaiting_verification",
    "not_sufficient",
    "in_progress",
    "planned",
    "overdue",
    "cancelled",
)


def action_state(action: PlanAction, *, today: date) -> str:
    """One of ACTION_STATES: a done action by its verification, an open one overdue once its due date has
    passed (`chainmap.monitoring.is_overdue`), else its status."""
    if action.status is ActionStatus.CANCELLED:
        return "cancelled"
    if action.status is ActionStatus.DONE:
        if action.verification is Verification.VERIFIED:
            return "verified"
        if action.verification is Verification.NOT_SUFFICIENT:
            return "not_sufficient"
        return "awaiting_verification"
    planned = PlannedAction(id=0, risks=frozenset(), status=action.status, due=action.due_on)
    if is_overdue(planned, today=today):
        return "overdue"
    return action.status.value


@dataclass(frozen=True)
class ChainSummary:
    """The monitored version: its number, size, tiers, traced share, the countries and activities of its
    sites (named in the report's language, sorted), and its analysis, which draws the risk graph."""

    number: int
    sites: int
    tiers: int
    traced_share: float
    countries: tuple[str, ...]
    activities: tuple[str, ...]
    analysis: VersionAnalysis


@dataclass(frozen=True)
class ReportHotspot:
    """A prioritised risk: where (site, id, country, activity), what (theme, level), its residual level
    after verified actions, its salience, whether an action covers it, and why, with its sources."""

    rank: int
    site_id: str
    site: str
    country: str
    activity: str
    theme: str
    level: Level
    residual: Level
    salience: float
    covered: bool
    reasons: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ReportAction:
    """An action of the plan with its risks named ("site (id): theme"), its state (ACTION_STATES) and the
    contract manager's verification."""

    title: str
    description: str
    kind: str
    risks: tuple[str, ...]
    owner: str
    created_on: date
    due_on: date
    state: str
    verification: str
    verification_comment: str
    verified_on: date | None


@dataclass(frozen=True)
class ReportProgress:
    """A progress report: its period, when it was submitted, the review and its comment."""

    number: int
    start: date
    end: date
    submitted_on: date
    status: str
    reviewed_on: date | None
    comment: str


@dataclass(frozen=True)
class ReportEscalation:
    """A recorded escalation step."""

    effective_on: date
    step: str
    reason: str


@dataclass(frozen=True)
class ContractReport:
    """Everything of one contract the report shows, texts in `lang`.

    `chain` is None before a version was accepted; `invalid_version` is the number of a monitored version
    that today's checks refuse (its risks cannot be analysed). `coverage_share` is the covered part of the
    prioritised risks' salience (1 when none is prioritised) and `reduced` the number of prioritised risks
    that verified actions lower by one level.
    """

    lang: Lang
    made_on: date
    title: str
    reference: str
    buyer: str
    supplier: str
    start: date
    end: date
    schedule: str
    status: str
    chain: ChainSummary | None
    invalid_version: int | None
    hotspots: tuple[ReportHotspot, ...]
    uncovered: tuple[str, ...]
    coverage_share: float
    reduced: int
    plan_status: str | None
    actions: tuple[ReportAction, ...]
    progress: tuple[ReportProgress, ...]
    escalation: tuple[ReportEscalation, ...]

    def text(self, key: str, **params: object) -> str:
        """A text of the report in its language."""
        return web_text(key, self.lang, **params)

    def percent(self, share: float) -> str:
        """A share (0-1) as a percentage written as the report's language writes it."""
        return percent_text(share * 100, self.lang)


def _chain_summary(
    analysis: VersionAnalysis, number: int, lang: Lang, reference: ReferenceData
) -> ChainSummary:
    nodes = analysis.nodes.values()
    countries = {country_text(node.country, lang, reference=reference) for node in nodes}
    activities = {activity_label(node.activity, lang) for node in nodes if node.activity}
    return ChainSummary(
        number=number,
        sites=len(analysis.nodes),
        tiers=len(analysis.analysis.structure.tier_counts()),
        traced_share=analysis.analysis.structure.traced_share,
        countries=tuple(sorted(countries)),
        activities=tuple(sorted(activities)),
        analysis=analysis,
    )


def _site_text(analysis: VersionAnalysis | None, node: str) -> str:
    found = analysis.nodes.get(node) if analysis is not None else None
    return f"{found.name} ({node})" if found is not None and found.name != node else node


def monitored_risks(
    *, session: Session, contract: Contract, reference: ReferenceData
) -> tuple[ChainVersion | None, VersionAnalysis | None, list[Hotspot]]:
    """The monitored version, its analysis and its prioritised risks; the analysis is None and the risks
    empty when there is no accepted version or today's checks refuse it. Stores the version's prioritised
    risks on first use, which commits the session (see `web.services.monitoring.prioritised_hotspots`)."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    version = monitored_version(session=session, contract_id=contract.id)
    if version is None:
        return None, None, []
    try:
        hotspots = stored_prioritised_hotspots(session=session, version=version, reference=reference)
        return version, version_analysis(version, reference=reference), hotspots
    except VersionNoLongerValid:
        return version, None, []


def contract_report(
    *, session: Session, contract: Contract, lang: Lang, today: date, reference: ReferenceData
) -> ContractReport:
    """The report of `contract` as of `today`, in `lang` (see the module's docstring)."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    version, analysis, prioritised = monitored_risks(session=session, contract=contract, reference=reference)
    actions, risks = actions_and_risks(session=session, contract_id=contract.id)
    planned = [as_planned(action, risks[action.id]) for action in actions if action.id is not None]
    covered = coverage(prioritised, planned)
    residual = {(item.node, item.theme): item for item in residual_risk(prioritised, planned)}
    hotspots = []
    for rank, hotspot in enumerate(prioritised, start=1):
        node = analysis.nodes[hotspot.node] if analysis is not None else None
        hotspots.append(
            ReportHotspot(
                rank=rank,
                site_id=hotspot.node,
                site=node.name if node is not None else hotspot.node,
                country=country_text(node.country if node else None, lang, reference=reference),
                activity=activity_label(node.activity, lang) if node is not None else "",
                theme=theme_label(hotspot.theme, lang),
                level=hotspot.level,
                residual=residual[(hotspot.node, hotspot.theme)].level,
                salience=hotspot.salience,
                covered=(hotspot.node, hotspot.theme) in covered.actions,
                reasons=tuple(reason.text(lang) for reason in hotspot.reasons),
                sources=tuple(dict.fromkeys(reason.citation for reason in hotspot.reasons)),
            )
        )
    names = organisation_names(
        session=session,
        ids={contract.buyer_organisation_id}
        | ({contract.supplier_organisation_id} if contract.supplier_organisation_id else set()),
    )
    plan = session.exec(select(ActionPlan).where(ActionPlan.contract_id == contract.id)).first()
    reports = session.exec(
        select(ProgressReport)
        .where(ProgressReport.contract_id == contract.id)
        .order_by(col(ProgressReport.period_number))
    ).all()
    return ContractReport(
        lang=lang,
        made_on=today,
        title=contract.title,
        reference=contract.reference,
        buyer=names.get(contract.buyer_organisation_id, ""),
        supplier=names.get(contract.supplier_organisation_id, "")
        if contract.supplier_organisation_id
        else "",
        start=contract.start_date,
        end=contract.end_date,
        schedule=web_text(f"schedule.{contract.reporting_schedule.value}", lang),
        status=web_text(f"status.{contract.status.value}", lang),
        chain=_chain_summary(analysis, version.number, lang, reference)
        if analysis is not None and version is not None
        else None,
        invalid_version=version.number if version is not None and analysis is None else None,
        hotspots=tuple(hotspots),
        uncovered=tuple(
            f"{_site_text(analysis, hotspot.node)}: {theme_label(hotspot.theme, lang)}"
            for hotspot in covered.uncovered
        ),
        coverage_share=covered.share,
        reduced=sum(1 for item in residual.values() if item.reduced),
        plan_status=web_text(f"contract_report.plan.{plan.status.value}", lang) if plan is not None else None,
        actions=tuple(
            ReportAction(
                title=action.title,
                description=action.description,
                kind=web_text(f"contract_report.kind.{action.kind.value}", lang),
                risks=tuple(
                    f"{_site_text(analysis, node)}: {theme_label(theme, lang)}"
                    for node, theme in risks[action.id]
                ),
                owner=action.owner,
                created_on=action.created_at.date(),
                due_on=action.due_on,
                state=web_text(f"contract_report.state.{action_state(action, today=today)}", lang),
                verification=web_text(f"contract_report.verification.{action.verification.value}", lang)
                if action.verification is not None
                else "",
                verification_comment=action.verification_comment,
                verified_on=action.verified_at.date() if action.verified_at is not None else None,
            )
            for action in actions
            if action.id is not None
        ),
        progress=tuple(
            ReportProgress(
                number=report.period_number,
                start=report.period_start,
                end=report.period_end,
                submitted_on=report.submitted_at.date(),
                status=web_text(f"contract_report.report_status.{report.status.value}", lang),
                reviewed_on=report.reviewed_at.date() if report.reviewed_at is not None else None,
                comment=report.review_comment,
            )
            for report in reports
        ),
        escalation=tuple(
            ReportEscalation(
                effective_on=step.effective_on,
                step=web_text(f"escalation.step.{step.step.value}", lang),
                reason=step.reason,
            )
            for step in escalation_history(session=session, contract_id=contract.id)
        ),
    )
