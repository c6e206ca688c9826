"""Texts of the contract report (PDF and XLSX, `chainmap report`) and of the public summary, in Dutch and
English (the glossary's words: plan van aanpak, risicopunt, restrisico, voortgangsrapportage)."""

from typing import Final

from chainmap.themes import Lang

EXPORT_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    # The contract page's section
    "exports.title": {"en": "Report and public summary", "nl": "Rapport en publieke samenvatting"},
    "exports.intro": {
        "en": "The report for the contract file: the chain and its risk graph, the prioritised risks, the "
        "plan of action, coverage and residual risk, the progress reports and the escalation history.",
        "nl": "Het rapport voor het contractdossier: de keten met risicograaf, de geprioriteerde risico's, "
        "het plan van aanpak, dekking en restrisico, de voortgangsrapportages en de escalatie.",
    },
    "exports.download_pdf": {"en": "Download report (PDF)", "nl": "Rapport downloaden (PDF)"},
    "exports.download_xlsx": {"en": "Download report (XLSX)", "nl": "Rapport downloaden (XLSX)"},
    "exports.public_intro": {
        "en": "For the annual public accountability that the international social conditions ask for, the "
        "buyer side may publish a summary of this contract: the countries and activities of the chain, the "
        "prioritised risk themes and the state of the actions, without supplier names or other "
        "confidential data. Anyone with the link can open it.",
        "nl": "Voor de jaarlijkse publieke verantwoording die de internationale sociale voorwaarden vragen, "
        "kan de inkopende partij een samenvatting van dit contract publiceren: de landen en activiteiten "
        "van de keten, de geprioriteerde risicothema's en de stand van de acties, zonder namen van "
        "leveranciers of andere vertrouwelijke gegevens. Iedereen met de link kan hem openen.",
    },
    "exports.public_link": {"en": "Public link:", "nl": "Publieke link:"},
    "exports.not_published": {
        "en": "The public summary is not published.",
        "nl": "De publieke samenvatting is niet gepubliceerd.",
    },
    "exports.publish": {"en": "Publish the public summary", "nl": "Publieke samenvatting publiceren"},
    "exports.withdraw": {"en": "Withdraw the public summary", "nl": "Publieke samenvatting intrekken"},
    "exports.published_now": {
        "en": "The public summary is published; its link stops working when you withdraw it.",
        "nl": "De publieke samenvatting is gepubliceerd; de link werkt niet meer als u hem intrekt.",
    },
    "exports.error.choice": {
        "en": "Choose to publish or to withdraw the public summary.",
        "nl": "Kies of u de publieke samenvatting publiceert of intrekt.",
    },
    "timeline.public_summary_changed.published": {
        "en": "Published the public summary",
        "nl": "Publieke samenvatting gepubliceerd",
    },
    "timeline.public_summary_changed.withdrawn": {
        "en": "Withdrew the public summary",
        "nl": "Publieke samenvatting ingetrokken",
    },
    # The report
    "contract_report.title": {"en": "Chain responsibility report", "nl": "Rapport ketenverantwoordelijkheid"},
    "contract_report.generated": {"en": "Made on {date}", "nl": "Gemaakt op {date}"},
    "contract_report.contract": {"en": "Contract", "nl": "Contract"},
    "contract_report.reference": {"en": "Reference", "nl": "Kenmerk"},
    "contract_report.buyer": {"en": "Buyer", "nl": "Inkopende organisatie"},
    "contract_report.supplier": {"en": "Supplier", "nl": "Leverancier"},
    "contract_report.term": {"en": "Term", "nl": "Looptijd"},
    "contract_report.schedule": {"en": "Reporting", "nl": "Rapportage"},
    "contract_report.status": {"en": "Chain status", "nl": "Status keten"},
    "contract_report.chain": {"en": "Chain summary", "nl": "Samenvatting van de keten"},
    "contract_report.no_chain": {
        "en": "No chain version has been accepted yet: the report has no chain, risks or coverage.",
        "nl": "Er is nog geen ketenversie geaccepteerd: het rapport heeft geen keten, risico's of dekking.",
    },
    "contract_report.invalid_chain": {
        "en": "Version {number} no longer passes today's checks; its risks cannot be shown.",
        "nl": "Versie {number} voldoet niet meer aan de controles van vandaag; de risico's kunnen niet "
        "worden getoond.",
    },
    "contract_report.version": {
        "en": "Version {number}, accepted: {sites} sites in {tiers} tiers, {traced} traced to the origin.",
        "nl": "Versie {number}, geaccepteerd: {sites} locaties in {tiers} schakels, {traced} herleid tot de "
        "herkomst.",
    },
    "contract_report.countries": {"en": "Countries", "nl": "Landen"},
    "contract_report.activities": {"en": "Activities", "nl": "Activiteiten"},
    "contract_report.graph": {
        "en": "Risk graph: each site coloured by its highest risk level, raw materials on the left, the "
        "contractor on the right.",
        "nl": "Risicograaf: elke locatie gekleurd naar het hoogste risiconiveau, grondstoffen links, de "
        "opdrachtnemer rechts.",
    },
    "contract_report.legend": {"en": "Levels:", "nl": "Niveaus:"},
    "contract_report.hotspots": {"en": "Prioritised risks", "nl": "Geprioriteerde risico's"},
    "contract_report.no_hotspots": {
        "en": "No risk is prioritised.",
        "nl": "Er is geen risico geprioriteerd.",
    },
    "contract_report.rank": {"en": "#", "nl": "#"},
    "contract_report.site": {"en": "Site", "nl": "Locatie"},
    "contract_report.site_id": {"en": "Site id", "nl": "Locatie-id"},
    "contract_report.country": {"en": "Country", "nl": "Land"},
    "contract_report.activity": {"en": "Activity", "nl": "Activiteit"},
    "contract_report.theme": {"en": "Theme", "nl": "Thema"},
    "contract_report.level": {"en": "Level", "nl": "Niveau"},
    "contract_report.residual": {"en": "Residual", "nl": "Restrisico"},
    "contract_report.salience": {"en": "Salience", "nl": "Ernst × kans × blootstelling"},
    "contract_report.covered": {"en": "Covered", "nl": "Gedekt"},
    "contract_report.reasons": {"en": "Reasons and sources", "nl": "Redenen en bronnen"},
    "contract_report.yes": {"en": "yes", "nl": "ja"},
    "contract_report.no": {"en": "no", "nl": "nee"},
    "contract_report.plan": {"en": "Plan of action", "nl": "Plan van aanpak"},
    "contract_report.plan_status": {"en": "Plan: {status}", "nl": "Plan: {status}"},
    "contract_report.no_plan": {
        "en": "There is no plan of action yet.",
        "nl": "Er is nog geen plan van aanpak.",
    },
    "contract_report.no_actions": {"en": "The plan has no actions.", "nl": "Het plan heeft geen acties."},
    "contract_report.action": {"en": "Action", "nl": "Actie"},
    "contract_report.kind": {"en": "Kind", "nl": "Soort"},
    "contract_report.risks": {"en": "Risks", "nl": "Risico's"},
    "contract_report.owner": {"en": "Owner", "nl": "Eigenaar"},
    "contract_report.created": {"en": "Created", "nl": "Aangemaakt"},
    "contract_report.due": {"en": "Due", "nl": "Uiterlijk"},
    "contract_report.action_status": {"en": "Status", "nl": "Status"},
    "contract_report.verification": {"en": "Verification", "nl": "Verificatie"},
    "contract_report.verification_comment": {"en": "Verification comment", "nl": "Toelichting verificatie"},
    "contract_report.comment": {"en": "Comment", "nl": "Opmerking"},
    "contract_report.verified_on": {"en": "Verified on", "nl": "Geverifieerd op"},
    "contract_report.coverage": {"en": "Coverage and residual risk", "nl": "Dekking en restrisico"},
    "contract_report.coverage_share": {
        "en": "{covered} of {prioritised} prioritised risks have an action: {share}, weighted by salience.",
        "nl": "{covered} van de {prioritised} geprioriteerde risico's hebben een actie: {share}, gewogen "
        "naar ernst, waarschijnlijkheid en aandeel.",
    },
    "contract_report.residual_count": {
        "en": "{reduced} risks are one level lower after done and verified actions.",
        "nl": "{reduced} risico's zijn een niveau lager na uitgevoerde en geverifieerde acties.",
    },
    "contract_report.uncovered": {"en": "Without an action:", "nl": "Zonder actie:"},
    "contract_report.reports": {"en": "Progress reports", "nl": "Voortgangsrapportages"},
    "contract_report.no_reports": {"en": "No progress report yet.", "nl": "Nog geen voortgangsrapportage."},
    "contract_report.period": {"en": "Period", "nl": "Periode"},
    "contract_report.submitted": {"en": "Submitted", "nl": "Ingediend"},
    "contract_report.review": {"en": "Review", "nl": "Beoordeling"},
    "contract_report.escalation": {"en": "Escalation history", "nl": "Escalatiegeschiedenis"},
    "contract_report.no_escalation": {"en": "No escalation steps.", "nl": "Geen escalatiestappen."},
    "contract_report.sheet.actions": {"en": "Plan of action", "nl": "Plan van aanpak"},
    "contract_report.sheet.hotspots": {"en": "Prioritised risks", "nl": "Risicopunten"},
    "contract_report.plan.draft": {"en": "draft", "nl": "concept"},
    "contract_report.plan.submitted": {"en": "submitted", "nl": "ingediend"},
    "contract_report.plan.approved": {"en": "approved", "nl": "goedgekeurd"},
    "contract_report.plan.returned": {"en": "returned", "nl": "teruggestuurd"},
    "contract_report.kind.audit": {"en": "audit", "nl": "audit"},
    "contract_report.kind.supplier_engagement": {
        "en": "supplier engagement",
        "nl": "gesprek met leverancier",
    },
    "contract_report.kind.training": {"en": "training", "nl": "training"},
    "contract_report.kind.remediation": {"en": "remediation", "nl": "herstel"},
    "contract_report.kind.supplier_change": {"en": "change of supplier", "nl": "andere leverancier"},
    "contract_report.kind.certification": {"en": "certification", "nl": "certificering"},
    "contract_report.kind.grievance_mechanism": {"en": "grievance mechanism", "nl": "klachtenmechanisme"},
    "contract_report.kind.other": {"en": "other", "nl": "anders"},
    "contract_report.state.planned": {"en": "planned", "nl": "gepland"},
    "contract_report.state.in_progress": {"en": "in progress", "nl": "in uitvoering"},
    "contract_report.state.overdue": {"en": "overdue", "nl": "verlopen"},
    "contract_report.state.awaiting_verification": {
        "en": "done, awaiting verification",
        "nl": "uitgevoerd, verificatie volgt",
    },
    "contract_report.state.verified": {"en": "done and verified", "nl": "uitgevoerd en geverifieerd"},
    "contract_report.state.not_sufficient": {"en": "done, not sufficient", "nl": "uitgevoerd, onvoldoende"},
    "contract_report.state.cancelled": {"en": "cancelled", "nl": "geannuleerd"},
    "contract_report.verification.verified": {"en": "verified", "nl": "geverifieerd"},
    "contract_report.verification.not_sufficient": {"en": "not sufficient", "nl": "onvoldoende"},
    "contract_report.report_status.submitted": {"en": "awaiting review", "nl": "wacht op beoordeling"},
    "contract_report.report_status.accepted": {"en": "accepted", "nl": "geaccepteerd"},
    "contract_report.report_status.more_information_needed": {
        "en": "more information needed",
        "nl": "meer informatie nodig",
    },
    # The public summary
    "public_summary.title": {"en": "Public summary", "nl": "Publieke samenvatting"},
    "public_summary.intro": {
        "en": "{buyer} publishes this summary of a contract under the international social conditions "
        "(ISV): where the goods come from, which risks to people and the environment were prioritised, "
        "and how far the supplier's actions against them have come. Names of suppliers and sites are left "
        "out.",
        "nl": "{buyer} publiceert deze samenvatting van een contract met internationale sociale "
        "voorwaarden (ISV): waar de goederen vandaan komen, welke risico's voor mens en milieu zijn "
        "geprioriteerd en hoe ver de acties van de leverancier daartegen zijn. Namen van leveranciers en "
        "locaties zijn weggelaten.",
    },
    "public_summary.as_of": {"en": "State on {date}", "nl": "Stand op {date}"},
    "public_summary.themes": {"en": "Prioritised risk themes", "nl": "Geprioriteerde risicothema's"},
    "public_summary.risks": {"en": "Prioritised risks", "nl": "Geprioriteerde risico's"},
    "public_summary.no_themes": {"en": "No risk is prioritised.", "nl": "Er is geen risico geprioriteerd."},
    "public_summary.coverage": {
        "en": "Coverage: {share} of the prioritised risks have an action, weighted by how serious they are.",
        "nl": "Dekking: {share} van de geprioriteerde risico's heeft een actie, gewogen naar ernst, "
        "waarschijnlijkheid en aandeel.",
    },
    "public_summary.actions": {"en": "State of the actions", "nl": "Stand van de acties"},
    "public_summary.no_actions": {"en": "No actions yet.", "nl": "Nog geen acties."},
    "public_summary.count": {"en": "Number", "nl": "Aantal"},
    "public_summary.download_pdf": {"en": "Download as PDF", "nl": "Downloaden als PDF"},
    "public_summary.sites": {
        "en": "{sites} sites in {countries} countries",
        "nl": "{sites} locaties in {countries} landen",
    },
}
