"""Texts of progress reports (voortgangsrapportages) and their timeline sentences, in Dutch and English
(the glossary's words: rapportageperiode, plan van aanpak, te laat, ingediend, geaccepteerd)."""

from typing import Final

from chainmap.themes import Lang

PROGRESS_REPORT_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "reports.title": {"en": "Progress reports", "nl": "Voortgangsrapportages"},
    "reports.intro": {
        "en": "For each reporting period the supplier reports on its plan of action: the chain version the "
        "report covers, the status of every action, what changed in the chain since the previous report, "
        "and a narrative in its own words. The contract manager reviews each report.",
        "nl": "Per rapportageperiode rapporteert de leverancier over zijn plan van aanpak: de ketenversie "
        "waarover de rapportage gaat, de stand van elke actie, wat er sinds de vorige rapportage in de keten "
        "is veranderd, en een toelichting in eigen woorden. De contractmanager beoordeelt elke rapportage.",
    },
    "reports.link": {"en": "All progress reports", "nl": "Alle voortgangsrapportages"},
    "reports.back": {"en": "Back to the progress reports", "nl": "Terug naar de voortgangsrapportages"},
    "reports.number": {"en": "Report {number}", "nl": "Rapportage {number}"},
    "reports.report": {"en": "Report", "nl": "Rapportage"},
    "reports.period": {"en": "Period", "nl": "Periode"},
    "reports.due": {"en": "Due", "nl": "Uiterlijk"},
    "reports.state": {"en": "State", "nl": "Stand"},
    "reports.period_text": {
        "en": "Reporting period {start} – {end}, due {due}",
        "nl": "Rapportageperiode {start} – {end}, uiterlijk {due}",
    },
    "reports.state.not_yet_due": {"en": "not yet due", "nl": "nog niet aan de beurt"},
    "reports.state.due": {"en": "due", "nl": "in te dienen"},
    "reports.state.overdue": {"en": "overdue", "nl": "verlopen"},
    "reports.state.submitted": {"en": "submitted", "nl": "ingediend"},
    "reports.state.accepted": {"en": "accepted", "nl": "geaccepteerd"},
    "reports.state.more_information_needed": {
        "en": "more information needed",
        "nl": "meer informatie nodig",
    },
    "reports.state_help.not_yet_due": {
        "en": "The period has not ended yet. The supplier submits the report after it ends, by {due}.",
        "nl": "De periode loopt nog. De leverancier dient de rapportage in na afloop, uiterlijk {due}.",
    },
    "reports.state_help.due": {
        "en": "The period has ended: the supplier submits the report by {due}.",
        "nl": "De periode is afgelopen: de leverancier dient de rapportage uiterlijk {due} in.",
    },
    "reports.state_help.overdue": {
        "en": "The report was due on {due} and has not been submitted. The supplier submits it as soon as "
        "possible.",
        "nl": "De rapportage moest er uiterlijk {due} zijn en is niet ingediend. De leverancier dient hem zo "
        "snel mogelijk in.",
    },
    "reports.state_help.submitted": {
        "en": "The contract manager reviews the report: accepts it or asks for more information.",
        "nl": "De contractmanager beoordeelt de rapportage: accepteert hem of vraagt om meer informatie.",
    },
    "reports.state_help.accepted": {
        "en": "The contract manager accepted the report. Nothing more is needed for this period.",
        "nl": "De contractmanager heeft de rapportage geaccepteerd. Voor deze periode is niets meer nodig.",
    },
    "reports.state_help.more_information_needed": {
        "en": "The supplier answers the contract manager's comment below and submits the report again.",
        "nl": "De leverancier beantwoordt de opmerking van de contractmanager hieronder en dient de "
        "rapportage opnieuw in.",
    },
    "reports.not_started": {
        "en": "This period starts on {start}; the report can be written from then on.",
        "nl": "Deze periode begint op {start}; vanaf dan kan de rapportage worden geschreven.",
    },
    "reports.not_submitted": {
        "en": "The supplier has not submitted this report yet.",
        "nl": "De leverancier heeft deze rapportage nog niet ingediend.",
    },
    "reports.submitted_by": {"en": "Submitted {when} by {name}", "nl": "Ingediend {when} door {name}"},
    "reports.reviewed_by": {
        "en": "Reviewed {when} by {name}: {decision}",
        "nl": "Beoordeeld {when} door {name}: {decision}",
    },
    "reports.asked": {
        "en": "The contract manager asked for more information:",
        "nl": "De contractmanager vroeg om meer informatie:",
    },
    "reports.version_title": {"en": "Chain version", "nl": "Ketenversie"},
    "reports.version": {"en": "Version {number}", "nl": "Versie {number}"},
    "reports.version_covered": {
        "en": "This report covers the newest chain version you submitted:",
        "nl": "Deze rapportage gaat over de nieuwste ketenversie die u hebt ingediend:",
    },
    "reports.version_of_report": {
        "en": "The report covers:",
        "nl": "De rapportage gaat over:",
    },
    "reports.version_not_reviewed": {"en": "not reviewed yet", "nl": "nog niet beoordeeld"},
    "reports.no_version": {
        "en": "There is no submitted chain version yet; submit the chain before reporting.",
        "nl": "Er is nog geen ingediende ketenversie; dien eerst de keten in.",
    },
    "reports.actions_title": {"en": "Actions of the plan", "nl": "Acties van het plan van aanpak"},
    "reports.actions_now": {
        "en": "The status of every action as it stands now; the report keeps it as it is when you submit.",
        "nl": "De stand van elke actie zoals die nu is; de rapportage bewaart hem zoals hij is bij indienen.",
    },
    "reports.actions_then": {
        "en": "The status of every action when the report was submitted.",
        "nl": "De stand van elke actie toen de rapportage werd ingediend.",
    },
    "reports.no_actions": {"en": "The plan has no actions.", "nl": "Het plan van aanpak heeft geen acties."},
    "reports.action": {"en": "Action", "nl": "Actie"},
    "reports.action_status": {"en": "Status", "nl": "Status"},
    "reports.action_due": {"en": "Due", "nl": "Uiterlijk"},
    "reports.verification": {"en": "Verification", "nl": "Verificatie"},
    "reports.action.planned": {"en": "planned", "nl": "gepland"},
    "reports.action.in_progress": {"en": "in progress", "nl": "in uitvoering"},
    "reports.action.done": {"en": "done", "nl": "afgerond"},
    "reports.action.cancelled": {"en": "cancelled", "nl": "geannuleerd"},
    "reports.action.overdue": {"en": "overdue", "nl": "verlopen"},
    "reports.verification.verified": {"en": "verified", "nl": "geverifieerd"},
    "reports.verification.not_sufficient": {"en": "not sufficient", "nl": "onvoldoende"},
    "reports.verification.none": {"en": "not verified", "nl": "niet geverifieerd"},
    "reports.changes_title": {
        "en": "Changes in the chain since the previous report",
        "nl": "Veranderingen in de keten sinds de vorige rapportage",
    },
    "reports.changes_between": {
        "en": "From version {old} (previous report) to version {new}.",
        "nl": "Van versie {old} (vorige rapportage) naar versie {new}.",
    },
    "reports.no_changes": {
        "en": "The chain has not changed since the previous report.",
        "nl": "De keten is sinds de vorige rapportage niet veranderd.",
    },
    "reports.first_report": {
        "en": "There is no earlier report to compare with.",
        "nl": "Er is geen eerdere rapportage om mee te vergelijken.",
    },
    "reports.narrative": {"en": "Narrative", "nl": "Toelichting"},
    "reports.narrative_hint": {
        "en": "What you did in this period, what went well or not, and what comes next (at most 20,000 "
        "characters).",
        "nl": "Wat u deze periode hebt gedaan, wat goed ging of niet, en wat er nu komt (hoogstens 20.000 "
        "tekens).",
    },
    "reports.submit_title": {"en": "Submit the report", "nl": "Rapportage indienen"},
    "reports.submit": {"en": "Submit report", "nl": "Rapportage indienen"},
    "reports.errors": {
        "en": "The report was not saved; see the fields below.",
        "nl": "De rapportage is niet opgeslagen; zie de velden hieronder.",
    },
    "reports.review_title": {"en": "Review the report", "nl": "Rapportage beoordelen"},
    "reports.decision": {"en": "Decision", "nl": "Besluit"},
    "reports.decide.accepted": {"en": "Accept", "nl": "Accepteren"},
    "reports.decide.more_information_needed": {
        "en": "Ask for more information",
        "nl": "Meer informatie vragen",
    },
    "reports.comment": {"en": "Comment", "nl": "Opmerking"},
    "reports.comment_hint": {
        "en": "Required when you ask for more information; the supplier sees it.",
        "nl": "Verplicht als u om meer informatie vraagt; de leverancier ziet hem.",
    },
    "reports.review": {"en": "Save decision", "nl": "Besluit opslaan"},
    "reports.error.not_started": {
        "en": "This reporting period has not started yet.",
        "nl": "Deze rapportageperiode is nog niet begonnen.",
    },
    "reports.error.already_submitted": {
        "en": "This report has been submitted already.",
        "nl": "Deze rapportage is al ingediend.",
    },
    "reports.error.no_version": {
        "en": "Submit the chain before reporting: a report covers a submitted chain version.",
        "nl": "Dien eerst de keten in: een rapportage gaat over een ingediende ketenversie.",
    },
    "reports.error.narrative_required": {
        "en": "Write the narrative of this period.",
        "nl": "Schrijf de toelichting over deze periode.",
    },
    "reports.error.narrative_too_long": {
        "en": "The narrative is too long (at most 20,000 characters).",
        "nl": "De toelichting is te lang (hoogstens 20.000 tekens).",
    },
    "reports.error.nothing_to_review": {
        "en": "This report has not been submitted; there is nothing to review.",
        "nl": "Deze rapportage is niet ingediend; er is niets te beoordelen.",
    },
    "reports.error.already_reviewed": {
        "en": "This report has been reviewed already.",
        "nl": "Deze rapportage is al beoordeeld.",
    },
    "reports.error.decision_required": {
        "en": "Choose accept or ask for more information.",
        "nl": "Kies accepteren of meer informatie vragen.",
    },
    "reports.error.comment_required": {
        "en": "Say what information is missing.",
        "nl": "Geef aan welke informatie ontbreekt.",
    },
    "reports.error.comment_too_long": {
        "en": "The comment is too long (at most 5,000 characters).",
        "nl": "De opmerking is te lang (hoogstens 5.000 tekens).",
    },
    "timeline.report_submitted": {
        "en": "Progress report {number} submitted (chain version {version})",
        "nl": "Voortgangsrapportage {number} ingediend (ketenversie {version})",
    },
    "timeline.report_reviewed": {
        "en": "Progress report {number} reviewed: {decision}",
        "nl": "Voortgangsrapportage {number} beoordeeld: {decision}",
    },
}
